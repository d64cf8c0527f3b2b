import { useCallback, useEffect, useRef, useState } from "react";
import {
  CLOSE_ENDED,
  CLOSE_FACE_CHECK,
  CLOSE_REMOVED,
  CLOSE_REPLACED,
  type ChatEntry,
  type ClientMessage,
  type PartyRole,
  type RoomDisplay,
  type RoomErrorCode,
  type RoomPeer,
  type RoomRole,
  type ServerMessage,
  type Signal,
} from "./room.api";

export type ConnectionStatus =
  | "connecting"
  | "waiting"
  | "admitted"
  | "recess"
  | "ended"
  | "removed"
  | "replaced"
  /** Turned away at the door: the room requires a face check not yet passed. */
  | "face_check";

export interface RoomSelf {
  peerId: string;
  role: RoomRole;
  partyRole: PartyRole | null;
  label: string;
}

export interface HearingRoomConnection {
  status: ConnectionStatus;
  self: RoomSelf | null;
  roster: RoomPeer[];
  /** Admitted participants' streams by peer id. */
  streams: Map<string, MediaStream>;
  localStream: MediaStream | null;
  mediaError: string | null;
  chat: ChatEntry[];
  display: RoomDisplay | null;
  isMicOn: boolean;
  isCameraOn: boolean;
  isMuteLocked: boolean;
  removedReason: string | null;
  /** The latest message of the court or error to show (cleared once shown). */
  notice:
    | { kind: "error"; code: RoomErrorCode }
    | { kind: "muted"; by: string }
    | { kind: "unmute-allowed" }
    | null;
  clearNotice: () => void;
  send: (message: ClientMessage) => void;
  setMic: (on: boolean) => void;
  setCamera: (on: boolean) => void;
}

interface PeerLink {
  pc: RTCPeerConnection;
  isPolite: boolean;
  isMakingOffer: boolean;
  isIgnoringOffer: boolean;
  isSettingRemoteAnswer: boolean;
  /** Signals of this peer are applied one after another (a candidate must follow its description). */
  queue: Promise<void>;
  /** Rebuilds the link when it has not connected in time (see `STALL_MS`). */
  watchdog?: ReturnType<typeof setTimeout>;
}

/**
 * A link that has not connected this long after it was made is rebuilt from scratch by its impolite side
 * (a new connection and a new offer); the other side rebuilds on receiving an offer its old connection
 * cannot take. Negotiation on a loaded machine, or a lost answer, then heals without anyone rejoining.
 */
const STALL_MS = 15_000;

/**
 * The signalling socket and one RTCPeerConnection per admitted participant (a mesh), negotiated with the
 * "perfect negotiation" pattern: the participant with the greater peer id is polite and yields on a
 * collision of offers.
 */
export function useHearingRoom(options: {
  socketPath: string;
  iceServers: RTCIceServer[];
  /** Whether to connect (false before the room is open). */
  isEnabled: boolean;
}): HearingRoomConnection {
  const { socketPath, iceServers, isEnabled } = options;
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [self, setSelf] = useState<RoomSelf | null>(null);
  const [roster, setRoster] = useState<RoomPeer[]>([]);
  const [streams, setStreams] = useState<Map<string, MediaStream>>(new Map());
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const [mediaError, setMediaError] = useState<string | null>(null);
  const [chat, setChat] = useState<ChatEntry[]>([]);
  const [display, setDisplay] = useState<RoomDisplay | null>(null);
  const [isMicOn, setMicOn] = useState(true);
  const [isCameraOn, setCameraOn] = useState(true);
  const [isMuteLocked, setMuteLocked] = useState(false);
  const [removedReason, setRemovedReason] = useState<string | null>(null);
  const [notice, setNotice] = useState<HearingRoomConnection["notice"]>(null);

  const socketRef = useRef<WebSocket | null>(null);
  const linksRef = useRef(new Map<string, PeerLink>());
  const selfRef = useRef<RoomSelf | null>(null);
  const localRef = useRef<MediaStream | null>(null);
  const mediaFailedRef = useRef(false);
  const knownRef = useRef(new Set<string>());
  const iceRef = useRef(iceServers);
  iceRef.current = iceServers;

  const send = useCallback((message: ClientMessage) => {
    const socket = socketRef.current;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }, []);

  // Camera and microphone, asked for once; the room works (receiving only) without them.
  useEffect(() => {
    if (!isEnabled) return;
    let stopped = false;
    if (!navigator.mediaDevices?.getUserMedia) {
      mediaFailedRef.current = true;
      setMediaError("insecure");
      return;
    }
    // Each participant sends its picture to every other one (a mesh): 640×360 at 15 frames a second keeps
    // five uploads within a home connection and the encoders within a phone's means.
    const video = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 15 } };
    navigator.mediaDevices.getUserMedia({ video, audio: true }).then(
      (stream) => {
        if (stopped) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        localRef.current = stream;
        setLocalStream(stream);
        for (const link of linksRef.current.values()) addTracks(link.pc, stream);
      },
      (error: unknown) => {
        mediaFailedRef.current = true;
        setMediaError(error instanceof Error ? error.name : "unknown");
        // Without a camera the participant still receives everyone's media.
        for (const link of linksRef.current.values()) addReceivers(link.pc);
      },
    );
    return () => {
      stopped = true;
      for (const track of localRef.current?.getTracks() ?? []) track.stop();
      localRef.current = null;
    };
  }, [isEnabled]);

  const dropLink = useCallback((peerId: string) => {
    const link = linksRef.current.get(peerId);
    if (!link) return;
    clearTimeout(link.watchdog);
    link.pc.close();
    linksRef.current.delete(peerId);
    setStreams((previous) => {
      if (!previous.has(peerId)) return previous;
      const next = new Map(previous);
      next.delete(peerId);
      return next;
    });
  }, []);

  const dropAll = useCallback(() => {
    for (const peerId of [...linksRef.current.keys()]) dropLink(peerId);
  }, [dropLink]);

  const linkTo = useCallback(
    (peerId: string): PeerLink => {
      const existing = linksRef.current.get(peerId);
      if (existing) return existing;
      const pc = new RTCPeerConnection({ iceServers: iceRef.current });
      const link: PeerLink = {
        pc,
        isPolite: (selfRef.current?.peerId ?? "") > peerId,
        isMakingOffer: false,
        isIgnoringOffer: false,
        isSettingRemoteAnswer: false,
        queue: Promise.resolve(),
      };
      linksRef.current.set(peerId, link);
      pc.onnegotiationneeded = async () => {
        try {
          link.isMakingOffer = true;
          await pc.setLocalDescription();
          // An offer nobody answered (lost in a collision or a reconnect) is taken back and made again.
          setTimeout(() => {
            if (pc.signalingState === "have-local-offer" && linksRef.current.get(peerId) === link) {
              void pc
                .setLocalDescription({ type: "rollback" })
                .then(() => pc.restartIce())
                .catch(() => undefined);
            }
          }, 10_000);
          if (pc.localDescription)
            send({
              type: "signal",
              to: peerId,
              data: { description: pc.localDescription.toJSON() },
            });
        } catch {
          // A failed offer is retried by the next negotiationneeded.
        } finally {
          link.isMakingOffer = false;
        }
      };
      pc.onicecandidate = ({ candidate }) =>
        send({ type: "signal", to: peerId, data: { candidate: candidate ? candidate.toJSON() : null } });
      pc.ontrack = ({ track, streams: [stream] }) => {
        const remote = stream ?? new MediaStream([track]);
        setStreams((previous) => new Map(previous).set(peerId, remote));
      };
      const watch = () => {
        clearTimeout(link.watchdog);
        link.watchdog = setTimeout(() => {
          if (linksRef.current.get(peerId) !== link || pc.connectionState === "connected") return;
          if (link.isPolite) return;
          dropLink(peerId);
          send({ type: "signal", to: peerId, data: { reset: true } });
          linkTo(peerId);
        }, STALL_MS);
      };
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === "connected") clearTimeout(link.watchdog);
        else if (pc.connectionState === "failed" || pc.connectionState === "disconnected") watch();
        if (pc.connectionState === "failed") pc.restartIce();
      };
      watch();
      // Until the camera answers, the link waits: the tracks added then start the negotiation.
      if (localRef.current) addTracks(pc, localRef.current);
      else if (mediaFailedRef.current) addReceivers(pc);
      return link;
    },
    [send],
  );

  const onSignal = useCallback(
    async (from: string, data: Signal) => {
      if ("reset" in data) {
        dropLink(from);
        linkTo(from);
        return;
      }
      const link = linkTo(from);
      const { pc } = link;
      if ("description" in data) {
        const description = data.description;
        const isReadyForOffer =
          !link.isMakingOffer && (pc.signalingState === "stable" || link.isSettingRemoteAnswer);
        const isCollision = description.type === "offer" && !isReadyForOffer;
        link.isIgnoringOffer = !link.isPolite && isCollision;
        if (link.isIgnoringOffer) return;
        link.isSettingRemoteAnswer = description.type === "answer";
        let answering = pc;
        try {
          await pc.setRemoteDescription(description);
        } catch (error) {
          // An offer from a rebuilt connection (new certificate) cannot renegotiate the old one: rebuild
          // this side too and answer on the new connection.
          if (description.type !== "offer") throw error;
          dropLink(from);
          answering = linkTo(from).pc;
          await answering.setRemoteDescription(description);
        } finally {
          link.isSettingRemoteAnswer = false;
        }
        if (description.type === "offer") {
          await answering.setLocalDescription();
          if (answering.localDescription)
            send({
              type: "signal",
              to: from,
              data: { description: answering.localDescription.toJSON() },
            });
        }
      } else {
        try {
          await (linksRef.current.get(from)?.pc ?? pc).addIceCandidate(data.candidate ?? undefined);
        } catch (error) {
          if (!link.isIgnoringOffer) throw error;
        }
      }
    },
    [linkTo, send],
  );

  // The socket, reconnecting after a dropped connection until the hearing ends or the court removes us.
  useEffect(() => {
    if (!isEnabled) return;
    let isFinal = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      setStatus((previous) => (previous === "ended" ? previous : "connecting"));
      const scheme = window.location.protocol === "https:" ? "wss" : "ws";
      const socket = new WebSocket(`${scheme}://${window.location.host}${socketPath}`);
      socketRef.current = socket;
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as ServerMessage;
        switch (message.type) {
          case "welcome":
            selfRef.current = message.self;
            setSelf(message.self);
            setStatus(message.isAdmitted ? (message.isRecess ? "recess" : "admitted") : "waiting");
            return;
          case "waiting":
            setStatus("waiting");
            return;
          case "admitted":
            setChat(message.chat);
            setDisplay(message.display);
            setStatus((previous) => (previous === "recess" ? previous : "admitted"));
            return;
          case "roster": {
            setRoster(message.peers);
            const present = new Set(message.peers.map((p) => p.peerId));
            // A link closes when its peer left the room; a peer not yet in any roster (its offer came
            // first) keeps the link its signal opened.
            for (const peerId of [...linksRef.current.keys()])
              if (knownRef.current.has(peerId) && !present.has(peerId)) dropLink(peerId);
            knownRef.current = present;
            for (const p of message.peers)
              if (p.isAdmitted && p.peerId !== selfRef.current?.peerId) linkTo(p.peerId);
            return;
          }
          case "signal": {
            const link = linkTo(message.from);
            // A failed step is dropped; the next negotiation or ICE restart recovers.
            link.queue = link.queue.then(() => onSignal(message.from, message.data)).catch(() => undefined);
            return;
          }
          case "chat":
            setChat((previous) => [...previous, message.entry]);
            return;
          case "display":
            setDisplay(message.display);
            return;
          case "muted":
            for (const track of localRef.current?.getAudioTracks() ?? []) track.enabled = false;
            setMicOn(false);
            setMuteLocked(message.isLocked);
            setNotice({ kind: "muted", by: message.by });
            return;
          case "unmute-allowed":
            setMuteLocked(false);
            setNotice({ kind: "unmute-allowed" });
            return;
          case "recess":
            setStatus((previous) =>
              previous === "waiting" ? previous : message.isRecess ? "recess" : "admitted",
            );
            return;
          case "removed":
            setRemovedReason(message.reason);
            return;
          case "ended":
            isFinal = true;
            setStatus("ended");
            return;
          case "error":
            setNotice({ kind: "error", code: message.code });
            return;
          case "pong":
            return;
        }
      };
      socket.onclose = (event) => {
        if (socketRef.current === socket) socketRef.current = null;
        dropAll();
        setRoster([]);
        if (event.code === CLOSE_ENDED) isFinal = true;
        if (event.code === CLOSE_REMOVED) {
          isFinal = true;
          setStatus("removed");
        } else if (event.code === CLOSE_REPLACED) {
          isFinal = true;
          setStatus("replaced");
        } else if (event.code === CLOSE_FACE_CHECK) {
          isFinal = true;
          setStatus("face_check");
        } else if (event.code === CLOSE_ENDED) setStatus("ended");
        if (!isFinal) retry = setTimeout(connect, 2000);
      };
    };
    connect();
    return () => {
      isFinal = true;
      if (retry) clearTimeout(retry);
      socketRef.current?.close(1000, "left");
      socketRef.current = null;
      dropAll();
    };
  }, [isEnabled, socketPath, dropAll, dropLink, linkTo, onSignal]);

  const setMic = useCallback(
    (on: boolean) => {
      if (on && isMuteLocked) {
        setNotice({ kind: "error", code: "mute_locked" });
        return;
      }
      for (const track of localRef.current?.getAudioTracks() ?? []) track.enabled = on;
      setMicOn(on);
      send({ type: "self-mute", muted: !on });
    },
    [isMuteLocked, send],
  );

  const setCamera = useCallback((on: boolean) => {
    for (const track of localRef.current?.getVideoTracks() ?? []) track.enabled = on;
    setCameraOn(on);
  }, []);

  return {
    status,
    self,
    roster,
    streams,
    localStream,
    mediaError,
    chat,
    display,
    isMicOn,
    isCameraOn,
    isMuteLocked,
    removedReason,
    notice,
    clearNotice: useCallback(() => setNotice(null), []),
    send,
    setMic,
    setCamera,
  };
}

function addTracks(pc: RTCPeerConnection, stream: MediaStream): void {
  const sending = new Set(pc.getSenders().map((s) => s.track));
  for (const track of stream.getTracks()) if (!sending.has(track)) pc.addTrack(track, stream);
}

function addReceivers(pc: RTCPeerConnection): void {
  if (pc.getTransceivers().length > 0) return;
  pc.addTransceiver("audio", { direction: "recvonly" });
  pc.addTransceiver("video", { direction: "recvonly" });
}
