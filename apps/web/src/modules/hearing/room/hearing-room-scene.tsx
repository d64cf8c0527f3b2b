import {
  AudioMutedOutlined,
  AudioOutlined,
  LogoutOutlined,
  VideoCameraAddOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Result,
  Spin,
  Tabs,
  Tag,
  Typography,
  type TabsProps,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { useAct } from "../../../platform/use-act";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { BroadcastControls } from "../broadcast/broadcast-controls";
import { startSpeechCapture } from "../transcript/speech-capture";
import { TranscriptPanel } from "../transcript/transcript-panel";
import "./room.css";
import { FaceCheckStep, OpenRoomControl } from "./face-check";
import { roomApi, type RoomState } from "./room.api";
import { roleLabel } from "./room-labels";
import { RoomMediaContext, type RoomMedia } from "./room-media";
import { AttendancePanel, ChatPanel, DisplayView, EvidencePanel, PeoplePanel } from "./room-panels";
import { RoomTile } from "./room-tile";
import { useHearingRoom } from "./use-hearing-room";

/** The online hearing room (在线庭审) of the hearing in the address, for its participants and the court. */
export function HearingRoomScene() {
  const { hearingId = "" } = useParams();
  return <HearingRoomPage hearingId={hearingId} />;
}

export interface HearingRoomPageProps {
  hearingId: string;
  /**
   * More panels beside chat and evidence (the transcript, the recording and broadcast controls): each
   * becomes a tab of the side panel and may read the room's media through `useRoomMedia()`.
   */
  extraTabs?: NonNullable<TabsProps["items"]>;
}

/** Loads the room's state and shows the room, or why one cannot enter yet. */
export function HearingRoomPage({ hearingId, extraTabs }: HearingRoomPageProps) {
  const { t } = useTranslation("hearingRoom");
  const state = useApiQuery((signal) => roomApi.get(hearingId, signal), [hearingId]);
  const room = state.data;
  if (!room) {
    return (
      <Page title={t("title")}>
        {state.error ? <ErrorAlert error={state.error} onRetry={state.reload} /> : <Spin />}
      </Page>
    );
  }
  if (room.status === "not_open" || room.status === "ended" || !room.can.enter) {
    return (
      <Page title={t("title")} intro={formatDateTime(room.startsAt)}>
        <Result
          status={room.status === "ended" ? "success" : "info"}
          title={t(`status.${room.status}`)}
          subTitle={room.status === "ended" ? t("endedHint") : t("notOpen")}
          extra={room.can.open ? <OpenRoomControl hearingId={hearingId} onOpened={state.reload} /> : null}
        />
      </Page>
    );
  }
  // 在线诉讼规则第七条第三款: a party or agent passes the face check the court required before the waiting room.
  if (room.faceCheck.standing === "needed" || room.faceCheck.standing === "failed")
    return <FaceCheckStep room={room} onDone={state.reload} />;
  return <HearingRoom room={room} reload={state.reload} extraTabs={extraTabs} />;
}

function HearingRoom({
  room,
  reload,
  extraTabs,
}: {
  room: RoomState;
  reload: () => void;
  extraTabs: HearingRoomPageProps["extraTabs"];
}) {
  const { t } = useTranslation("hearingRoom");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const connection = useHearingRoom({
    socketPath: room.socketPath,
    iceServers: room.iceServers,
    isEnabled: true,
  });
  const { run, busy } = useAct(reload);
  const [rosterVersion, setRosterVersion] = useState(0);
  const { notice, clearNotice } = connection;

  useEffect(() => {
    if (!notice) return;
    if (notice.kind === "error") void message.error(t(`errors.${notice.code}`));
    else if (notice.kind === "muted") void message.warning(t("controls.mutedByCourt", { name: notice.by }));
    else void message.info(t("controls.unmuteAllowed"));
    clearNotice();
  }, [notice, clearNotice, message, t]);

  useEffect(() => setRosterVersion((v) => v + 1), [connection.roster]);

  // Turned away at the door for a face check: the room's state then leads to the check.
  useEffect(() => {
    if (connection.status === "face_check") reload();
  }, [connection.status, reload]);

  const self = connection.self;
  const admitted = connection.roster.filter((p) => p.isAdmitted && p.peerId !== self?.peerId);
  const isInRoom = connection.status === "admitted" || connection.status === "recess";
  const media: RoomMedia | null = useMemo(
    () =>
      self
        ? {
            hearingId: room.hearingId,
            self: { participantId: self.peerId, role: self.role, label: self.label },
            localStream: connection.localStream,
            remotes: admitted.flatMap((p) => {
              const stream = connection.streams.get(p.peerId);
              return stream
                ? [{ participantId: p.peerId, role: p.role, label: p.label, partyRole: p.partyRole, stream }]
                : [];
            }),
            status:
              connection.status === "recess"
                ? "recess"
                : connection.status === "admitted"
                  ? "admitted"
                  : connection.status === "waiting" || connection.status === "connecting"
                    ? "waiting"
                    : "ended",
          }
        : null,
    [self, room.hearingId, connection.localStream, connection.streams, connection.status, admitted],
  );
  // The recorder reads the media on every frame, so it gets them through a ref.
  const mediaRef = useRef(media);
  mediaRef.current = media;

  // Each participant's own microphone feeds speech recognition while they sit in the hearing; the
  // transcript's speaker is who sent the audio.
  const localStream = connection.localStream;
  const isSitting = connection.status === "admitted";
  useEffect(() => {
    if (!isSitting || !localStream || !room.openedAt) return;
    const capture = startSpeechCapture({
      hearingId: room.hearingId,
      stream: localStream,
      openedAt: room.openedAt,
    });
    return () => void capture.stop();
  }, [isSitting, localStream, room.hearingId, room.openedAt]);

  const statusTag = {
    connecting: <Tag>{t("status.connecting")}</Tag>,
    waiting: <Tag color="orange">{t("status.waiting")}</Tag>,
    admitted: <Tag color="green">{t("status.open")}</Tag>,
    recess: <Tag color="gold">{t("status.recess")}</Tag>,
    ended: <Tag>{t("status.ended")}</Tag>,
    removed: <Tag color="red">{t("court.remove")}</Tag>,
    replaced: <Tag>{t("status.ended")}</Tag>,
    face_check: <Tag color="orange">{t("faceCheck.title")}</Tag>,
  }[connection.status];

  if (connection.status === "ended" || connection.status === "removed" || connection.status === "replaced") {
    return (
      <Page title={t("title")} extra={statusTag}>
        <Result
          status={connection.status === "ended" ? "success" : "warning"}
          title={connection.status === "ended" ? t("status.ended") : t("title")}
          subTitle={
            connection.status === "ended"
              ? t("endedHint")
              : connection.status === "removed"
                ? t("removedHint", { reason: connection.removedReason ?? "" })
                : t("replacedHint")
          }
          extra={<Button onClick={() => void navigate(-1)}>{t("back")}</Button>}
        />
      </Page>
    );
  }

  const tiles = (
    <div className="nc-room-tiles">
      {self ? (
        <RoomTile
          participantId={self.peerId}
          stream={connection.localStream}
          role={roleLabel(t, self)}
          label={`${self.label}${t("you")}`}
          isSelf
          isMuted={!connection.isMicOn}
          mutedLabel={t("controls.muted")}
          playLabel={t("controls.play")}
        />
      ) : null}
      {isInRoom
        ? admitted.map((p) => (
            <RoomTile
              key={p.peerId}
              participantId={p.peerId}
              stream={connection.streams.get(p.peerId) ?? null}
              role={roleLabel(t, p)}
              label={p.label}
              isSelf={false}
              isMuted={p.isMuted}
              mutedLabel={t("controls.muted")}
              playLabel={t("controls.play")}
            />
          ))
        : null}
    </div>
  );

  const controls = (
    <div className="nc-room-controls" role="toolbar" aria-label={t("controls.mic")}>
      <Button
        icon={connection.isMicOn ? <AudioOutlined /> : <AudioMutedOutlined />}
        onClick={() => connection.setMic(!connection.isMicOn)}
        aria-pressed={!connection.isMicOn}
        data-testid="room-mic"
      >
        {connection.isMicOn ? t("controls.micOn") : t("controls.micOff")}
      </Button>
      <Button
        icon={connection.isCameraOn ? <VideoCameraOutlined /> : <VideoCameraAddOutlined />}
        onClick={() => connection.setCamera(!connection.isCameraOn)}
        aria-pressed={!connection.isCameraOn}
      >
        {connection.isCameraOn ? t("controls.camOn") : t("controls.camOff")}
      </Button>
      {room.can.recess ? (
        connection.status === "recess" ? (
          <Button
            loading={busy === "resume"}
            onClick={() => void run("resume", () => roomApi.resume(room.hearingId), t("court.resumeDone"))}
          >
            {t("court.resume")}
          </Button>
        ) : (
          <Button
            loading={busy === "recess"}
            onClick={() => void run("recess", () => roomApi.recess(room.hearingId), t("court.recessDone"))}
          >
            {t("court.recess")}
          </Button>
        )
      ) : null}
      {room.can.end ? (
        <Popconfirm
          title={t("court.end")}
          description={t("court.endConfirm")}
          onConfirm={() => void run("end", () => roomApi.end(room.hearingId), t("court.endDone"))}
        >
          <Button danger loading={busy === "end"}>
            {t("court.end")}
          </Button>
        </Popconfirm>
      ) : null}
      <Button icon={<LogoutOutlined />} onClick={() => void navigate(-1)}>
        {t("controls.leave")}
      </Button>
    </div>
  );

  const tabs: NonNullable<TabsProps["items"]> = isInRoom
    ? [
        {
          key: "people",
          label: t("tabs.people"),
          // Who is in the room, and for the bench the attendance kept from it (到庭记录) underneath.
          children: (
            <Flex vertical gap="middle">
              <PeoplePanel
                roster={connection.roster}
                selfId={self?.peerId ?? null}
                can={{ admit: room.can.admit, mute: room.can.mute, remove: room.can.remove }}
                send={connection.send}
              />
              {room.can.readAttendance ? (
                <section aria-label={t("tabs.attendance")}>
                  <Typography.Title level={5}>{t("tabs.attendance")}</Typography.Title>
                  <AttendancePanel hearingId={room.hearingId} version={rosterVersion} />
                </section>
              ) : null}
            </Flex>
          ),
        },
        {
          key: "chat",
          label: t("tabs.chat"),
          children: <ChatPanel chat={connection.chat} send={connection.send} isEnabled={isInRoom} />,
        },
        {
          key: "evidence",
          label: t("tabs.evidence"),
          children: (
            <EvidencePanel
              caseId={room.caseId}
              display={connection.display}
              selfId={self?.peerId ?? null}
              canStopAny={room.can.admit}
              send={connection.send}
            />
          ),
        },
        // The record of the hearing: the clerk (and the judge) keep the transcript; the clerk's browser
        // records the hearing and streams a public one (庭审录音录像规定第一条, 在线诉讼规则第二十七条).
        ...(self && (self.role === "clerk" || self.role === "judge")
          ? [
              {
                key: "record",
                label: t("tabs.record"),
                // Mounted from the start: the clerk's recorder keeps running whichever tab is open.
                forceRender: true,
                children: (
                  <Flex vertical gap="middle">
                    <TranscriptPanel hearingId={room.hearingId} canEdit />
                    {self.role === "clerk" ? (
                      <BroadcastControls
                        hearingId={room.hearingId}
                        selfRole="clerk"
                        streams={() => ({
                          self: mediaRef.current?.self ?? { participantId: "", role: "clerk", label: "" },
                          localStream: mediaRef.current?.localStream ?? null,
                          remotes: mediaRef.current?.remotes ?? [],
                        })}
                      />
                    ) : null}
                  </Flex>
                ),
              },
            ]
          : []),
        ...(extraTabs ?? []),
      ]
    : [];

  return (
    <RoomMediaContext.Provider value={media}>
      <Page title={t("title")} intro={formatDateTime(room.startsAt)} extra={statusTag} width="wide">
        <Flex vertical gap="middle">
          {connection.mediaError ? (
            <Alert
              type="warning"
              showIcon
              title={
                connection.mediaError === "insecure"
                  ? t("needsHttps")
                  : t("mediaDenied", { reason: connection.mediaError })
              }
            />
          ) : null}
          {connection.status === "waiting" ? (
            <Alert
              type="info"
              showIcon
              data-testid="room-waiting-notice"
              title={t("status.waiting")}
              description={t("waitingHint")}
            />
          ) : null}
          {connection.status === "recess" ? (
            <Alert
              type="warning"
              showIcon
              data-testid="room-recess"
              title={t("status.recess")}
              description={t("recessHint")}
            />
          ) : null}
          {connection.status === "connecting" && self ? (
            <Alert type="warning" showIcon title={t("disconnected")} />
          ) : null}
          {admitted.length + 1 > room.meshLimit ? (
            <Alert type="info" showIcon title={t("meshLimit", { n: room.meshLimit })} />
          ) : null}
          <div className="nc-room">
            <div className="nc-room-stage">
              {isInRoom && connection.display ? (
                <Card size="small">
                  <DisplayView display={connection.display} />
                </Card>
              ) : null}
              {tiles}
              {controls}
            </div>
            {tabs.length > 0 ? (
              <Card size="small" className="nc-room-side">
                <Tabs items={tabs} size="small" />
              </Card>
            ) : null}
          </div>
        </Flex>
      </Page>
    </RoomMediaContext.Provider>
  );
}
