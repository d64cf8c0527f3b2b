// The signalling hub of the hearing rooms: the sockets connected to this node, and a bus that carries
// each room event to every node serving the same database — PostgreSQL NOTIFY on a channel of its own
// (a payload over the NOTIFY limit goes through a table row), or in-process on an embedded database.

import type { AppContext } from "../../../context";
import { AppError, inTransaction, isAppError, type Actor, type CommandMeta } from "../../../platform";
import { findHearing } from "../hearing.repository";
import { recordHearingAct } from "../hearing.events";
import { findVisibleFile } from "../../evidence/index";
import type { ChatEntry, ClientMessage, RoomErrorCode, RosterPeer, ServerMessage } from "./room.protocol";
import { ZClientMessage } from "./room.protocol";
import {
  admitAttendance,
  findAttendance,
  findRelay,
  findRoom,
  insertAttendance,
  insertChat,
  insertRelay,
  lastAttendanceOf,
  leaveAttendance,
  listChat,
  listPresent,
  notify,
  removeAttendance,
  setMuted,
  sweepRelay,
  updateRoom,
  type AttendanceRow,
} from "./room.repository";
import {
  HEARING_ROOM_CHANNEL,
  HEARTBEAT_MS,
  MESSAGE_BURST,
  isAdmittedOnEntry,
  isReadmittedOnReturn,
  mayControl,
  takeToken,
  type RoomIdentity,
} from "./room.rules";
import type { RoomDisplay } from "./room.tables";

/** The part of a `ws` WebSocket the hub uses. */
export interface RoomSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: "message", listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): unknown;
  on(event: "close" | "pong", listener: () => void): unknown;
}

const OPEN = 1;
/** Close codes the client reads. */
export const CLOSE_ENDED = 4000;
export const CLOSE_REMOVED = 4003;
export const CLOSE_REPLACED = 4009;
/** The room requires a face check this participant has not passed (在线诉讼规则第七条第三款). */
export const CLOSE_FACE_CHECK = 4001;
/** NOTIFY takes payloads below 8000 bytes; larger ones go through `hearing_room_relay`. */
const NOTIFY_LIMIT = 7900;
const CHAT_HISTORY = 100;

interface Peer {
  id: string;
  hearingId: string;
  caseId: string;
  actor: Actor;
  userId: string;
  identity: RoomIdentity;
  isAdmitted: boolean;
  socket: RoomSocket;
  bucket: { tokens: number; at: number };
  isAlive: boolean;
}

/** What travels between nodes. */
type RoomEvent =
  | { t: "signal"; h: string; from: string; to: string; data: unknown; sentAt?: number }
  | { t: "peer"; h: string; peer: string; msg: ServerMessage; admit?: boolean; close?: number }
  | { t: "room"; h: string; msg: ServerMessage; close?: number }
  | { t: "roster"; h: string };

/** How a participant is shown to the others. */
function rosterPeer(row: AttendanceRow): RosterPeer {
  return {
    peerId: row.id,
    role: row.role,
    partyRole: row.party_role,
    label: row.name,
    isAdmitted: row.admitted_at !== null,
    isMuted: row.is_muted,
    isMuteLocked: row.is_mute_locked,
    joinedAt: row.joined_at.toISOString(),
  };
}

export class RoomHub {
  readonly #context: AppContext;
  readonly #peers = new Map<string, Peer>();
  readonly #rooms = new Map<string, Set<string>>();
  /** Rosters being read per hearing: one at a time, once more after changes meanwhile, so the last sent is fresh. */
  readonly #rosterRuns = new Map<string, { isAgain: boolean }>();
  #stopListening: (() => Promise<void>) | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  readonly #isShared: boolean;

  constructor(context: AppContext) {
    this.#context = context;
    this.#isShared = context.database.kind === "postgres";
  }

  /** Starts listening to the other nodes and the heartbeat. */
  async start(): Promise<void> {
    if (this.#isShared) {
      const listener = await this.#context.database.listen(HEARING_ROOM_CHANNEL, (payload) => {
        void this.#receive(payload).catch((error: unknown) =>
          this.#context.log.error({ err: error }, "hearing room relay failed"),
        );
      });
      this.#stopListening = () => listener.stop();
    }
    this.#heartbeat = setInterval(() => void this.#beat(), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Closes every socket of this node and stops listening. */
  async stop(): Promise<void> {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    for (const peer of this.#peers.values()) peer.socket.close(1001, "server_stopping");
    await this.#stopListening?.();
  }

  /** How many sockets this node holds (tests, the bench). */
  get size(): number {
    return this.#peers.size;
  }

  /** A participant's socket enters the room after the upgrade was authorised. */
  async join(
    socket: RoomSocket,
    entry: { hearingId: string; caseId: string; actor: Actor; identity: RoomIdentity; now: Date },
  ): Promise<void> {
    const actor = entry.actor;
    if (actor.kind !== "user") throw new AppError("authentication_required");
    const db = this.#context.db;
    const previous = await lastAttendanceOf(db, entry.hearingId, actor.userId);
    if (previous && previous.left_at === null) {
      // The same account entered again (another tab or device): the older connection leaves.
      await leaveAttendance(db, previous.id, entry.now);
      await this.#publish({
        t: "peer",
        h: entry.hearingId,
        peer: previous.id,
        msg: { type: "error", code: "not_allowed", message: "entered the room from another connection" },
        close: CLOSE_REPLACED,
      });
    }
    const isAdmitted = isAdmittedOnEntry(entry.identity.role) || isReadmittedOnReturn(previous);
    const row = await insertAttendance(db, {
      hearingId: entry.hearingId,
      userId: actor.userId,
      role: entry.identity.role,
      partyRole: entry.identity.partyRole,
      name: entry.identity.name,
      now: entry.now,
      admitted: isAdmitted,
    });
    const peer: Peer = {
      id: row.id,
      hearingId: entry.hearingId,
      caseId: entry.caseId,
      actor,
      userId: actor.userId,
      identity: entry.identity,
      isAdmitted,
      socket,
      bucket: { tokens: MESSAGE_BURST, at: Date.now() },
      isAlive: true,
    };
    this.#peers.set(peer.id, peer);
    let room = this.#rooms.get(peer.hearingId);
    if (!room) this.#rooms.set(peer.hearingId, (room = new Set()));
    room.add(peer.id);
    socket.on("pong", () => {
      peer.isAlive = true;
    });
    socket.on("message", (data, isBinary) => {
      void this.#onMessage(peer, data, isBinary).catch((error: unknown) => {
        if (isAppError(error)) this.#send(peer, { type: "error", code: "not_allowed", message: error.code });
        else {
          this.#context.log.error({ err: error, peerId: peer.id }, "hearing room message failed");
          this.#send(peer, {
            type: "error",
            code: "bad_message",
            message: "the message could not be handled",
          });
        }
      });
    });
    socket.on("close", () => void this.#onClose(peer));
    const roomRow = await findRoom(db, peer.hearingId);
    this.#send(peer, {
      type: "welcome",
      self: {
        peerId: peer.id,
        role: peer.identity.role,
        partyRole: peer.identity.partyRole,
        label: peer.identity.name,
      },
      isAdmitted,
      isRecess: roomRow?.recess_since != null,
    });
    if (isAdmitted) await this.#sendAdmitted(peer);
    else this.#send(peer, { type: "waiting" });
    await this.#publish({ t: "roster", h: peer.hearingId });
  }

  /**
   * Turns a socket away before it enters: a party or agent who has not passed the face check the room
   * requires is told with a stable code, and the connection closes without an attendance record.
   */
  refuseForFaceCheck(socket: RoomSocket): void {
    const message: ServerMessage = {
      type: "error",
      code: "face_check_required",
      message: "pass the face check before entering the hearing room",
    };
    if (socket.readyState === OPEN) socket.send(JSON.stringify(message));
    socket.close(CLOSE_FACE_CHECK, "face_check_required");
  }

  /** Tells every node that the court went into recess or resumed. */
  async announceRecess(hearingId: string, isRecess: boolean): Promise<void> {
    await this.#publish({ t: "room", h: hearingId, msg: { type: "recess", isRecess } });
  }

  /** Tells every node that the hearing ended: each socket is told and closed. */
  async announceEnded(hearingId: string): Promise<void> {
    await this.#publish({ t: "room", h: hearingId, msg: { type: "ended" }, close: CLOSE_ENDED });
  }

  async #sendAdmitted(peer: Peer): Promise<void> {
    const [chat, room] = await Promise.all([
      listChat(this.#context.db, peer.hearingId, CHAT_HISTORY),
      findRoom(this.#context.db, peer.hearingId),
    ]);
    this.#send(peer, {
      type: "admitted",
      chat: chat.map((c): ChatEntry => ({
        id: c.id,
        fromPeerId: c.attendance_id,
        label: c.name,
        role: c.role,
        text: c.body,
        sentAt: c.sent_at.toISOString(),
      })),
      display: room?.display ?? null,
    });
  }

  #send(peer: Peer, message: ServerMessage): void {
    if (peer.socket.readyState === OPEN) peer.socket.send(JSON.stringify(message));
  }

  #error(peer: Peer, code: RoomErrorCode, message: string): void {
    this.#send(peer, { type: "error", code, message });
  }

  async #onMessage(peer: Peer, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): Promise<void> {
    if (!takeToken(peer.bucket, Date.now())) return this.#error(peer, "rate_limited", "too many messages");
    if (isBinary) return this.#error(peer, "bad_message", "send JSON text frames");
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString("utf8")
      : Buffer.from(data as ArrayBuffer).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.#error(peer, "bad_message", "not JSON");
    }
    const parsed = ZClientMessage.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.#error(
        peer,
        "bad_message",
        `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
      );
    }
    await this.#handle(peer, parsed.data);
  }

  async #handle(peer: Peer, message: ClientMessage): Promise<void> {
    if (message.type === "ping") return this.#send(peer, { type: "pong", sentAt: message.sentAt });
    // 在线诉讼规则第二十一条: only those the court admitted take part; a waiting participant only waits.
    if (!peer.isAdmitted) return this.#error(peer, "not_admitted", "wait until the court admits you");
    const now = this.#context.clock.now();
    const db = this.#context.db;
    switch (message.type) {
      case "signal":
        return this.#publish({
          t: "signal",
          h: peer.hearingId,
          from: peer.id,
          to: message.to,
          data: message.data,
          sentAt: Date.now(),
        });
      case "chat": {
        const row = await insertChat(db, {
          hearingId: peer.hearingId,
          attendanceId: peer.id,
          userId: peer.userId,
          body: message.text,
          now,
        });
        const entry: ChatEntry = {
          id: row.id,
          fromPeerId: peer.id,
          label: peer.identity.name,
          role: peer.identity.role,
          text: message.text,
          sentAt: row.sent_at.toISOString(),
        };
        return this.#publish({ t: "room", h: peer.hearingId, msg: { type: "chat", entry } });
      }
      case "display": {
        // 在线诉讼规则第二十二条: evidence is shown in the hearing — a file of this case the sender may see;
        // each viewer's download is checked again by the evidence file route.
        if (message.caseId !== peer.caseId)
          return this.#error(peer, "file_not_found", "not a file of this case");
        const file = await findVisibleFile(this.#context, peer.actor, peer.caseId, message.fileId);
        if (!file) return this.#error(peer, "file_not_found", "no such file you may show");
        const display: RoomDisplay = {
          caseId: peer.caseId,
          fileId: message.fileId,
          fileName: file.fileName,
          mediaType: file.mediaType,
          url: `/api/cases/${peer.caseId}/evidence/files/${message.fileId}/content`,
          byPeerId: peer.id,
          byLabel: peer.identity.name,
        };
        await updateRoom(db, peer.hearingId, { display });
        return this.#publish({ t: "room", h: peer.hearingId, msg: { type: "display", display } });
      }
      case "stop-display":
        if (!mayControl(peer.identity.role, "admit")) {
          const room = await findRoom(db, peer.hearingId);
          if (room?.display?.byPeerId !== peer.id)
            return this.#error(peer, "not_allowed", "not yours to stop");
        }
        await updateRoom(db, peer.hearingId, { display: null });
        return this.#publish({ t: "room", h: peer.hearingId, msg: { type: "display", display: null } });
      case "self-mute": {
        const row = await findAttendance(db, peer.id);
        if (!message.muted && row?.is_mute_locked)
          return this.#error(peer, "mute_locked", "the judge muted you");
        await setMuted(db, peer.id, message.muted, row?.is_mute_locked ?? false);
        return this.#publish({ t: "roster", h: peer.hearingId });
      }
      case "admit":
      case "mute":
      case "allow-unmute":
      case "remove":
        return this.#control(peer, message, now);
    }
  }

  async #control(
    peer: Peer,
    message: Extract<ClientMessage, { type: "admit" | "mute" | "allow-unmute" | "remove" }>,
    now: Date,
  ): Promise<void> {
    const control = message.type === "remove" ? "remove" : message.type === "admit" ? "admit" : "mute";
    if (!mayControl(peer.identity.role, control))
      return this.#error(peer, "not_allowed", `${control} is not yours`);
    const db = this.#context.db;
    const target = await findAttendance(db, message.peerId);
    if (!target || target.hearing_id !== peer.hearingId || target.left_at !== null)
      return this.#error(peer, "peer_not_found", "no such participant in the room");
    const meta: CommandMeta = { actor: peer.actor, now, ip: null, requestId: null };
    const hearing = await findHearing(db, peer.hearingId);
    if (!hearing) return this.#error(peer, "peer_not_found", "no such hearing");
    switch (message.type) {
      case "admit": {
        // 民事诉讼法第一百四十条: the clerk checks who is present before admitting them.
        const admitted = await inTransaction(db, async (trx) => {
          if (!(await admitAttendance(trx, target.id, peer.userId, now))) return false;
          await recordHearingAct(trx, meta, {
            hearing,
            action: "hearing.participant_admitted",
            courtEvent: null,
            data: { hearingId: hearing.id, attendanceId: target.id, role: target.role },
          });
          return true;
        });
        if (!admitted) return;
        await this.#publish({
          t: "peer",
          h: peer.hearingId,
          peer: target.id,
          msg: { type: "waiting" },
          admit: true,
        });
        return this.#publish({ t: "roster", h: peer.hearingId });
      }
      case "mute":
        await setMuted(db, target.id, true, message.locked);
        await this.#publish({
          t: "peer",
          h: peer.hearingId,
          peer: target.id,
          msg: { type: "muted", isLocked: message.locked, by: peer.identity.name },
        });
        return this.#publish({ t: "roster", h: peer.hearingId });
      case "allow-unmute":
        await setMuted(db, target.id, target.is_muted, false);
        await this.#publish({
          t: "peer",
          h: peer.hearingId,
          peer: target.id,
          msg: { type: "unmute-allowed" },
        });
        return this.#publish({ t: "roster", h: peer.hearingId });
      case "remove": {
        if (target.role === "judge") return this.#error(peer, "not_allowed", "the judge is not removed");
        // 民事诉讼法第一百一十三条; 在线诉讼规则第二十五条: one who breaks the rules of the court is ordered out.
        const removed = await inTransaction(db, async (trx) => {
          if (!(await removeAttendance(trx, target.id, { by: peer.userId, reason: message.reason, now })))
            return false;
          await recordHearingAct(trx, meta, {
            hearing,
            action: "hearing.participant_removed",
            courtEvent: "hearing_participant_removed",
            data: {
              hearingId: hearing.id,
              attendanceId: target.id,
              role: target.role,
              reason: message.reason,
              basis: "民事诉讼法第一百一十三条; 在线诉讼规则第二十五条",
            },
          });
          return true;
        });
        if (!removed) return;
        await this.#publish({
          t: "peer",
          h: peer.hearingId,
          peer: target.id,
          msg: { type: "removed", reason: message.reason },
          close: CLOSE_REMOVED,
        });
        return this.#publish({ t: "roster", h: peer.hearingId });
      }
    }
  }

  async #onClose(peer: Peer): Promise<void> {
    if (!this.#peers.delete(peer.id)) return;
    const room = this.#rooms.get(peer.hearingId);
    room?.delete(peer.id);
    if (room?.size === 0) this.#rooms.delete(peer.hearingId);
    try {
      await leaveAttendance(this.#context.db, peer.id, this.#context.clock.now());
      await this.#publish({ t: "roster", h: peer.hearingId });
    } catch (error) {
      this.#context.log.warn({ err: error, peerId: peer.id }, "hearing room leave not recorded");
    }
  }

  /** Sends an event to every node (this one included). */
  async #publish(event: RoomEvent): Promise<void> {
    if (!this.#isShared) {
      await this.#apply(event);
      return;
    }
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) <= NOTIFY_LIMIT)
      await notify(this.#context.db, HEARING_ROOM_CHANNEL, payload);
    else {
      const id = await insertRelay(this.#context.db, payload, this.#context.clock.now());
      await notify(this.#context.db, HEARING_ROOM_CHANNEL, `@${id}`);
    }
  }

  async #receive(payload: string): Promise<void> {
    const text = payload.startsWith("@") ? await findRelay(this.#context.db, payload.slice(1)) : payload;
    if (text === undefined) return;
    await this.#apply(JSON.parse(text) as RoomEvent);
  }

  /** Applies an event to the sockets of this node. */
  async #apply(event: RoomEvent): Promise<void> {
    const local = this.#rooms.get(event.h);
    if (!local) return;
    switch (event.t) {
      case "signal": {
        const to = this.#peers.get(event.to);
        const from = event.from;
        if (!to || to.hearingId !== event.h || !to.isAdmitted || from === to.id) return;
        return this.#send(to, {
          type: "signal",
          from,
          data: event.data,
          ...(event.sentAt ? { sentAt: event.sentAt } : {}),
        });
      }
      case "peer": {
        const peer = this.#peers.get(event.peer);
        if (!peer || peer.hearingId !== event.h) return;
        if (event.admit) {
          peer.isAdmitted = true;
          await this.#sendAdmitted(peer);
        } else this.#send(peer, event.msg);
        if (event.close !== undefined) {
          peer.isAdmitted = false;
          peer.socket.close(event.close, event.msg.type);
        }
        return;
      }
      case "room":
        for (const id of local) {
          const peer = this.#peers.get(id);
          if (!peer) continue;
          const isForAll = event.msg.type === "ended" || event.msg.type === "recess";
          if (isForAll || peer.isAdmitted) this.#send(peer, event.msg);
          if (event.close !== undefined) peer.socket.close(event.close, event.msg.type);
        }
        return;
      case "roster":
        return this.#sendRoster(event.h);
    }
  }

  async #sendRoster(hearingId: string): Promise<void> {
    const running = this.#rosterRuns.get(hearingId);
    if (running) {
      running.isAgain = true;
      return;
    }
    const run = { isAgain: true };
    this.#rosterRuns.set(hearingId, run);
    try {
      while (run.isAgain) {
        run.isAgain = false;
        const rows = await listPresent(this.#context.db, hearingId);
        const all = rows.map(rosterPeer);
        const admitted = all.filter((p) => p.isAdmitted);
        for (const id of this.#rooms.get(hearingId) ?? []) {
          const peer = this.#peers.get(id);
          if (!peer?.isAdmitted) continue;
          // The court sees who waits; the parties see who is in the room.
          this.#send(peer, {
            type: "roster",
            peers: mayControl(peer.identity.role, "admit") ? all : admitted,
          });
        }
      }
    } finally {
      this.#rosterRuns.delete(hearingId);
    }
  }

  /** The heartbeat: dead sockets are closed, rooms whose hearing stopped sitting are closed. */
  async #beat(): Promise<void> {
    for (const peer of this.#peers.values()) {
      if (!peer.isAlive) {
        peer.socket.terminate();
        continue;
      }
      peer.isAlive = false;
      if (peer.socket.readyState === OPEN) peer.socket.ping();
    }
    try {
      for (const hearingId of this.#rooms.keys()) {
        const hearing = await findHearing(this.#context.db, hearingId);
        // Adjourned (民事诉讼法第一百四十九条) or ended elsewhere: the room closes on this node too.
        if (hearing?.status !== "in_progress")
          await this.#apply({ t: "room", h: hearingId, msg: { type: "ended" }, close: CLOSE_ENDED });
      }
      if (this.#isShared)
        await sweepRelay(this.#context.db, new Date(this.#context.clock.now().getTime() - 60_000));
    } catch (error) {
      this.#context.log.warn({ err: error }, "hearing room heartbeat failed");
    }
  }
}
