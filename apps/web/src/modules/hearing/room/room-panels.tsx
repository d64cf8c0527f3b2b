import { Button, Empty, Flex, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { evidenceApi } from "../../evidence/evidence.api";
import {
  roomApi,
  type AttendanceEntry,
  type ChatEntry,
  type ClientMessage,
  type FaceCheckStanding,
  type RoomDisplay,
  type RoomPeer,
} from "./room.api";
import { roleLabel } from "./room-labels";

/** Who waits and who is in the room; the court admits, mutes and orders out (民事诉讼法第一百四十条、第一百一十三条). */
export function PeoplePanel(props: {
  roster: RoomPeer[];
  selfId: string | null;
  can: { admit: boolean; mute: boolean; remove: boolean };
  send: (message: ClientMessage) => void;
}) {
  const { t } = useTranslation("hearingRoom");
  const [removing, setRemoving] = useState<RoomPeer | null>(null);
  const [reason, setReason] = useState("");
  const waiting = props.roster.filter((p) => !p.isAdmitted);
  const present = props.roster.filter((p) => p.isAdmitted);
  const name = (p: RoomPeer) => `${roleLabel(t, p)} ${p.label}${p.peerId === props.selfId ? t("you") : ""}`;
  return (
    <Flex vertical gap="small">
      {props.can.admit ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("court.waiting")}
          </Typography.Title>
          {waiting.length === 0 ? (
            <Typography.Text type="secondary">{t("court.nobodyWaiting")}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={waiting}
              data-testid="room-waiting"
              renderItem={(p) => (
                <List.Item
                  actions={[
                    <Button
                      key="admit"
                      size="small"
                      type="primary"
                      onClick={() => props.send({ type: "admit", peerId: p.peerId })}
                      aria-label={`${t("court.admit")} ${p.label}`}
                    >
                      {t("court.admit")}
                    </Button>,
                  ]}
                >
                  {name(p)}
                </List.Item>
              )}
            />
          )}
        </>
      ) : null}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t("court.present")}
      </Typography.Title>
      <List
        size="small"
        dataSource={present}
        data-testid="room-present"
        renderItem={(p) => {
          const isCourt = p.role === "judge" || p.role === "clerk";
          const actions =
            p.peerId === props.selfId || isCourt
              ? []
              : [
                  ...(props.can.mute && !p.isMuteLocked
                    ? [
                        <Button
                          key="mute"
                          size="small"
                          onClick={() => props.send({ type: "mute", peerId: p.peerId, locked: true })}
                          aria-label={`${t("court.muteLock")} ${p.label}`}
                        >
                          {t("court.mute")}
                        </Button>,
                      ]
                    : []),
                  ...(props.can.mute && p.isMuteLocked
                    ? [
                        <Button
                          key="allow"
                          size="small"
                          onClick={() => props.send({ type: "allow-unmute", peerId: p.peerId })}
                          aria-label={`${t("court.allowUnmute")} ${p.label}`}
                        >
                          {t("court.allowUnmute")}
                        </Button>,
                      ]
                    : []),
                  ...(props.can.remove
                    ? [
                        <Button
                          key="remove"
                          size="small"
                          danger
                          onClick={() => {
                            setReason("");
                            setRemoving(p);
                          }}
                          aria-label={`${t("court.remove")} ${p.label}`}
                        >
                          {t("court.remove")}
                        </Button>,
                      ]
                    : []),
                ];
          return (
            <List.Item actions={actions}>
              <span>
                {name(p)} {p.isMuted ? <Tag>{t("controls.muted")}</Tag> : null}
              </span>
            </List.Item>
          );
        }}
      />
      <Modal
        open={removing !== null}
        title={removing ? t("court.removeTitle", { name: removing.label }) : ""}
        okText={t("court.remove")}
        okButtonProps={{ danger: true, disabled: reason.trim() === "" }}
        onCancel={() => setRemoving(null)}
        onOk={() => {
          if (removing) props.send({ type: "remove", peerId: removing.peerId, reason: reason.trim() });
          setRemoving(null);
        }}
      >
        <Typography.Paragraph type="secondary">{t("court.removeBasis")}</Typography.Paragraph>
        <label htmlFor="nc-room-remove-reason">{t("court.removeReason")}</label>
        <Input.TextArea
          id="nc-room-remove-reason"
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2 }}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Flex>
  );
}

/** The chat of the hearing, kept as part of its record. */
export function ChatPanel(props: {
  chat: ChatEntry[];
  send: (message: ClientMessage) => void;
  isEnabled: boolean;
}) {
  const { t } = useTranslation("hearingRoom");
  const [text, setText] = useState("");
  const submit = () => {
    const value = text.trim();
    if (value === "") return;
    props.send({ type: "chat", text: value });
    setText("");
  };
  return (
    <div>
      <div className="nc-room-chat-log" role="log" aria-live="polite" data-testid="room-chat">
        {props.chat.length === 0 ? (
          <Typography.Text type="secondary">{t("chat.empty")}</Typography.Text>
        ) : null}
        {props.chat.map((entry) => (
          <p key={entry.id}>
            <Typography.Text strong>{entry.label}</Typography.Text>{" "}
            <Typography.Text type="secondary">{formatDateTime(entry.sentAt)}</Typography.Text>
            <br />
            {entry.text}
          </p>
        ))}
      </div>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          aria-label={t("chat.label")}
          placeholder={t("chat.placeholder")}
          value={text}
          maxLength={2000}
          disabled={!props.isEnabled}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={submit}
        />
        <Button type="primary" onClick={submit} disabled={!props.isEnabled}>
          {t("chat.send")}
        </Button>
      </Space.Compact>
    </div>
  );
}

/** The evidence file shown to everyone, as an image or a link to open it. */
export function DisplayView({ display }: { display: RoomDisplay }) {
  const { t } = useTranslation("hearingRoom");
  return (
    <div className="nc-room-display" data-testid="room-display" data-file-id={display.fileId}>
      <Typography.Text>
        {t("evidence.shownBy", { name: display.byLabel, file: display.fileName })}
      </Typography.Text>{" "}
      <Typography.Link href={display.url} target="_blank" rel="noopener">
        {t("evidence.open")}
      </Typography.Link>
      {display.mediaType.startsWith("image/") ? <img src={display.url} alt={display.fileName} /> : null}
    </div>
  );
}

/** Choose one of the case's evidence files and show it to everyone (在线诉讼规则第二十二条: 举证、质证). */
export function EvidencePanel(props: {
  caseId: string;
  display: RoomDisplay | null;
  selfId: string | null;
  canStopAny: boolean;
  send: (message: ClientMessage) => void;
}) {
  const { t } = useTranslation("hearingRoom");
  const evidence = useApiQuery((signal) => evidenceApi.get(props.caseId, signal), [props.caseId]);
  const [fileId, setFileId] = useState<string | null>(null);
  const files = (evidence.data?.items ?? []).flatMap((item) =>
    item.files.map((file) => ({ value: file.id, label: `${item.number}. ${item.title} — ${file.fileName}` })),
  );
  const mayStop = props.display && (props.canStopAny || props.display.byPeerId === props.selfId);
  return (
    <Flex vertical gap="small">
      {props.display ? (
        <DisplayView display={props.display} />
      ) : (
        <Typography.Text type="secondary">{t("evidence.none")}</Typography.Text>
      )}
      {files.length === 0 && !evidence.isLoading ? (
        <Empty description={t("evidence.noFiles")} />
      ) : (
        <>
          <label htmlFor="nc-room-evidence">{t("evidence.choose")}</label>
          <Select
            id="nc-room-evidence"
            options={files}
            value={fileId}
            onChange={setFileId}
            loading={evidence.isLoading}
            data-testid="room-evidence-select"
          />
          <Space wrap>
            <Button
              type="primary"
              disabled={fileId === null}
              onClick={() => fileId && props.send({ type: "display", caseId: props.caseId, fileId })}
            >
              {t("evidence.show")}
            </Button>
            {mayStop ? (
              <Button onClick={() => props.send({ type: "stop-display" })}>{t("evidence.stop")}</Button>
            ) : null}
          </Space>
        </>
      )}
    </Flex>
  );
}

/** Who was present when (民事诉讼法第一百四十条), for the court. */
export function AttendancePanel({ hearingId, version }: { hearingId: string; version: number }) {
  const { t } = useTranslation("hearingRoom");
  const attendance = useApiQuery((signal) => roomApi.attendance(hearingId, signal), [hearingId, version]);
  const time = (value: string | null) => (value ? formatDateTime(value) : "—");
  const items = attendance.data?.items ?? [];
  // A list, not a table: the side panel is narrow, and each entry reads as one line of the record.
  return (
    <List
      size="small"
      data-testid="room-attendance"
      loading={attendance.isLoading}
      dataSource={items}
      locale={{ emptyText: t("attendance.empty") }}
      renderItem={(row) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: "100%" }}>
            <Flex wrap gap="small" align="center">
              <Typography.Text strong>{row.name}</Typography.Text>
              <Tag>{roleLabel(t, row)}</Tag>
              {/* 在线诉讼规则第七条第三款: the court sees each party's and agent's face check before admitting them. */}
              <FaceCheckCell row={row} />
            </Flex>
            <Typography.Text type="secondary">
              {t("attendance.joined")} {time(row.joinedAt)} · {t("attendance.admitted")}{" "}
              {time(row.admittedAt)}
              {row.leftAt ? ` · ${t("attendance.left")} ${time(row.leftAt)}` : ""}
            </Typography.Text>
            {row.removedAt ? (
              <Typography.Text type="danger">
                {t("attendance.removed")}：{row.reason ?? ""}
              </Typography.Text>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

const standingColours: Record<FaceCheckStanding, string | undefined> = {
  not_required: undefined,
  needed: "default",
  passed: "green",
  failed: "red",
  by_sight: "orange",
};

/** A participant's face check as the court reads it: the standing, the similarity and the photo. */
function FaceCheckCell({ row }: { row: AttendanceEntry }) {
  const { t } = useTranslation("hearingRoom");
  const check = row.faceCheck;
  if (!check) return null;
  const score = check.last?.score;
  return (
    <Space size="small" wrap data-testid="room-attendance-face-check" data-standing={check.standing}>
      <Tag color={standingColours[check.standing]}>{t(`faceCheck.standing.${check.standing}`)}</Tag>
      {typeof score === "number" ? (
        <Typography.Text type="secondary">
          {t("faceCheck.score", { score: score.toFixed(2) })}
        </Typography.Text>
      ) : null}
      {check.last?.imageUrl ? (
        <Typography.Link
          href={check.last.imageUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${t("faceCheck.photo")} ${row.name}`}
        >
          {t("faceCheck.photo")}
        </Typography.Link>
      ) : null}
    </Space>
  );
}
