import { App, Alert, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../platform/error-messages";
import {
  hearingTimestamp,
  parseHearingTimestamp,
  transcriptApi,
  type SpeakerInput,
  type Transcript,
  type TranscriptParticipant,
  type TranscriptSegment,
} from "./transcript.api";
import "./transcript.css";

const POLL_MS = 2000;
/** Every so often the whole list is read again (a change committed out of cursor order is then seen). */
const FULL_RELOAD_EVERY = 15;
const OTHER = "__other__";

/** The speaker as the UI says it: 审判员 张三 / Judge 张三. */
function useSpeakerLabel() {
  const { t } = useTranslation("transcript");
  return (role: TranscriptSegment["speakerRole"], name: string) => `${t(`speaker.${role}`)} ${name}`;
}

/**
 * The clerk's live transcript (庭审笔录): segments as speech recognition makes them, polled every two
 * seconds, with speakers and hearing time stamps. With `canEdit` (and the server's leave) the clerk or judge
 * corrects a line (the recognised original stays visible), changes its speaker, adds a line, strikes one,
 * and closes the transcript for everyone's signature.
 */
export function TranscriptPanel({ hearingId, canEdit }: { hearingId: string; canEdit: boolean }) {
  const { t } = useTranslation("transcript");
  const { message } = App.useApp();
  const speakerLabel = useSpeakerLabel();
  const [view, setView] = useState<Transcript | null>(null);
  const [segments, setSegments] = useState<Map<string, TranscriptSegment>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [striking, setStriking] = useState<TranscriptSegment | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const cursor = useRef(0);
  const polls = useRef(0);

  const load = useCallback(
    async (full: boolean, signal?: AbortSignal) => {
      const since = full ? 0 : cursor.current;
      const next = await transcriptApi.get(hearingId, since, signal);
      cursor.current = next.cursor;
      setView(next);
      setSegments((previous) => {
        const merged = full ? new Map<string, TranscriptSegment>() : new Map(previous);
        for (const segment of next.segments) merged.set(segment.id, segment);
        return merged;
      });
      setError(null);
    },
    [hearingId],
  );

  useEffect(() => {
    const controller = new AbortController();
    cursor.current = 0;
    polls.current = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const full = polls.current % FULL_RELOAD_EVERY === 0;
      polls.current += 1;
      try {
        await load(full, controller.signal);
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [load]);

  const act = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      await load(false);
      return true;
    } catch (failure) {
      void message.error(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const lines = [...segments.values()].sort((a, b) => a.startMs - b.startMs || a.changeNo - b.changeNo);
  const mayEdit = canEdit && view?.actions.canEdit === true;
  const participants = view?.participants ?? [];

  return (
    <section aria-labelledby={`transcript-title-${hearingId}`} data-testid="transcript-panel">
      <Flex wrap align="center" justify="space-between" gap="small" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id={`transcript-title-${hearingId}`} style={{ margin: 0 }}>
          {t("title")}{" "}
          {view ? (
            <Tag
              color={view.state === "signed" ? "success" : view.state === "recording" ? "processing" : "gold"}
            >
              {t(`state.${view.state}`)}
            </Tag>
          ) : null}
        </Typography.Title>
        {view && view.pendingChunks > 0 ? (
          <Typography.Text type="secondary" aria-live="polite">
            {t("panel.pending", { count: view.pendingChunks })}
          </Typography.Text>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 8 }} /> : null}
      {mayEdit && view && view.failedChunks.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="transcript-failed-chunks"
          title={t("panel.failedTitle", { count: view.failedChunks.length })}
          description={
            <ul className="nc-transcript-gaps">
              {view.failedChunks.map((chunk) => (
                <li key={`${chunk.participantId}-${chunk.startMs}`}>
                  {t("panel.failedChunk", {
                    from: hearingTimestamp(chunk.startMs),
                    to: chunk.endMs === null ? "…" : hearingTimestamp(chunk.endMs),
                    name: participants.find((p) => p.id === chunk.participantId)?.name ?? "",
                  })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {view?.state === "awaiting_signatures" && view.version ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t("panel.awaitingNote", { n: view.version.number })}
          description={
            view.openCorrections > 0 ? t("panel.openCorrections", { count: view.openCorrections }) : undefined
          }
        />
      ) : null}
      {view?.state === "signed" ? (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t("panel.signedNote")} />
      ) : null}
      {lines.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("panel.empty")}</Typography.Paragraph>
      ) : (
        <ol className="nc-transcript-list" aria-live="polite" data-testid="transcript-lines">
          {lines.map((segment) => (
            <li
              key={segment.id}
              className={`nc-transcript-line${segment.isStruck ? " nc-transcript-line-struck" : ""}`}
              data-testid="transcript-line"
            >
              {editing === segment.id ? (
                <SegmentEditor
                  segment={segment}
                  participants={participants}
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSave={async (body) => {
                    if (await act(() => transcriptApi.edit(hearingId, segment.id, body), t("panel.saved")))
                      setEditing(null);
                  }}
                />
              ) : (
                <>
                  <span className="nc-transcript-time">[{hearingTimestamp(segment.startMs)}]</span>
                  <span className="nc-transcript-speaker">
                    {speakerLabel(segment.speakerRole, segment.speakerName)}：
                  </span>
                  <span className="nc-transcript-text">{segment.text}</span>{" "}
                  {segment.source === "manual" ? <Tag>{t("panel.source.manual")}</Tag> : null}
                  {segment.isStruck ? (
                    <Tag color="red">{t("panel.struck", { reason: segment.struckReason ?? "" })}</Tag>
                  ) : null}
                  {segment.originalText !== null && segment.originalText !== segment.text ? (
                    <details className="nc-transcript-original">
                      <summary>
                        <Tag color="blue">{t("panel.edited")}</Tag>
                        {t("panel.showOriginal")}
                      </summary>
                      {t("panel.original", { text: segment.originalText })}
                    </details>
                  ) : null}
                  {mayEdit ? (
                    <Space size={4} wrap style={{ marginLeft: 4 }}>
                      {!segment.isStruck ? (
                        <Button size="small" type="link" onClick={() => setEditing(segment.id)}>
                          {t("panel.edit")}
                        </Button>
                      ) : null}
                      {segment.isStruck ? (
                        <Button
                          size="small"
                          type="link"
                          disabled={busy}
                          onClick={() =>
                            void act(
                              () => transcriptApi.strike(hearingId, segment.id, false, null),
                              t("panel.restored"),
                            )
                          }
                        >
                          {t("panel.restore")}
                        </Button>
                      ) : (
                        <Button size="small" type="link" danger onClick={() => setStriking(segment)}>
                          {t("panel.strike")}
                        </Button>
                      )}
                    </Space>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {mayEdit ? (
        <AddLineForm
          participants={participants}
          busy={busy}
          suggestedStartMs={lines.at(-1)?.endMs ?? 0}
          onAdd={(body) => act(() => transcriptApi.add(hearingId, body), t("panel.added"))}
        />
      ) : null}
      {mayEdit && view?.actions.canClose ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          onClick={() => setIsClosing(true)}
          data-testid="transcript-close"
        >
          {view.state === "awaiting_signatures" ? t("panel.reissue") : t("panel.close")}
        </Button>
      ) : null}
      <StrikeDialog
        segment={striking}
        busy={busy}
        onCancel={() => setStriking(null)}
        onStrike={async (reason) => {
          if (
            striking &&
            (await act(
              () => transcriptApi.strike(hearingId, striking.id, true, reason),
              t("panel.struckDone"),
            ))
          )
            setStriking(null);
        }}
      />
      <CloseDialog
        open={isClosing}
        number={(view?.version?.number ?? 0) + 1}
        participants={participants.filter((p) => p.role === "party" || p.role === "agent")}
        busy={busy}
        onCancel={() => setIsClosing(false)}
        onClose={async (absent) => {
          if (await act(() => transcriptApi.close(hearingId, absent), t("panel.closed"))) setIsClosing(false);
        }}
      />
    </section>
  );
}

function useSpeakerOptions(participants: TranscriptParticipant[]) {
  const { t } = useTranslation("transcript");
  return [
    ...participants.map((p) => ({ value: p.id, label: `${t(`speaker.${p.speakerRole}`)} ${p.name}` })),
    { value: OTHER, label: t("panel.otherSpeaker") },
  ];
}

function toSpeaker(choice: string, otherName: string | undefined): SpeakerInput {
  return choice === OTHER ? { name: (otherName ?? "").trim() } : { participantId: choice };
}

function SegmentEditor(props: {
  segment: TranscriptSegment;
  participants: TranscriptParticipant[];
  busy: boolean;
  onCancel: () => void;
  onSave: (body: { text?: string; speaker?: SpeakerInput }) => Promise<void>;
}) {
  const { t } = useTranslation("transcript");
  const { segment } = props;
  const [form] = Form.useForm<{ text: string; speaker: string; otherName?: string }>();
  const speaker = Form.useWatch("speaker", form);
  const options = useSpeakerOptions(props.participants);
  const initialSpeaker = segment.participantId ?? OTHER;
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{
        text: segment.text,
        speaker: initialSpeaker,
        otherName: segment.participantId ? undefined : segment.speakerName,
      }}
      onFinish={(values) => {
        const body: { text?: string; speaker?: SpeakerInput } = {};
        if (values.text.trim() !== segment.text) body.text = values.text.trim();
        const changedSpeaker =
          values.speaker !== initialSpeaker ||
          (values.speaker === OTHER && values.otherName?.trim() !== segment.speakerName);
        if (changedSpeaker) body.speaker = toSpeaker(values.speaker, values.otherName);
        if (body.text === undefined && body.speaker === undefined) props.onCancel();
        else void props.onSave(body);
      }}
    >
      {segment.originalText !== null ? (
        <Typography.Paragraph className="nc-transcript-original">
          {t("panel.original", { text: segment.originalText })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="speaker" label={t("panel.speakerLabel")} rules={[{ required: true }]}>
        <Select options={options} aria-label={t("panel.speakerLabel")} />
      </Form.Item>
      {speaker === OTHER ? (
        <Form.Item
          name="otherName"
          label={t("panel.otherName")}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="text"
        label={t("panel.textLabel")}
        rules={[{ required: true, whitespace: true, max: 4000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={props.busy}>
          {t("panel.save")}
        </Button>
        <Button onClick={props.onCancel}>{t("panel.cancel")}</Button>
      </Space>
    </Form>
  );
}

function AddLineForm(props: {
  participants: TranscriptParticipant[];
  busy: boolean;
  suggestedStartMs: number;
  onAdd: (body: { startMs: number; speaker: SpeakerInput; text: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation("transcript");
  const [form] = Form.useForm<{ at: string; speaker: string; otherName?: string; text: string }>();
  const speaker = Form.useWatch("speaker", form);
  const options = useSpeakerOptions(props.participants);
  const [isOpen, setIsOpen] = useState(false);
  if (!isOpen)
    return (
      <Button
        style={{ marginTop: 12, marginRight: 8 }}
        onClick={() => {
          form.setFieldsValue({ at: hearingTimestamp(props.suggestedStartMs) });
          setIsOpen(true);
        }}
      >
        {t("panel.addLine")}
      </Button>
    );
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      style={{ marginTop: 12 }}
      aria-label={t("panel.addLine")}
      onFinish={(values) => {
        void (async () => {
          const startMs = parseHearingTimestamp(values.at)!;
          if (
            await props.onAdd({
              startMs,
              speaker: toSpeaker(values.speaker, values.otherName),
              text: values.text.trim(),
            })
          ) {
            form.resetFields();
            setIsOpen(false);
          }
        })();
      }}
    >
      <Form.Item
        name="at"
        label={t("panel.addAt")}
        rules={[
          { required: true },
          {
            validator: (_rule, value: string) =>
              parseHearingTimestamp(value ?? "") === null
                ? Promise.reject(new Error(t("panel.timeInvalid")))
                : Promise.resolve(),
          },
        ]}
      >
        <Input inputMode="numeric" style={{ maxWidth: 140 }} />
      </Form.Item>
      <Form.Item name="speaker" label={t("panel.speakerLabel")} rules={[{ required: true }]}>
        <Select options={options} aria-label={t("panel.speakerLabel")} />
      </Form.Item>
      {speaker === OTHER ? (
        <Form.Item
          name="otherName"
          label={t("panel.otherName")}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="text"
        label={t("panel.textLabel")}
        rules={[{ required: true, whitespace: true, max: 4000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={props.busy}>
          {t("panel.add")}
        </Button>
        <Button onClick={() => setIsOpen(false)}>{t("panel.cancel")}</Button>
      </Space>
    </Form>
  );
}

function StrikeDialog(props: {
  segment: TranscriptSegment | null;
  busy: boolean;
  onCancel: () => void;
  onStrike: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation("transcript");
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={props.segment !== null}
      title={t("panel.strike")}
      okText={t("panel.strike")}
      okButtonProps={{ danger: true, loading: props.busy }}
      cancelText={t("panel.cancel")}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.segment?.text}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void props.onStrike(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={t("panel.strikeReason")}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input placeholder={t("panel.strikeReasonPlaceholder")} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseDialog(props: {
  open: boolean;
  number: number;
  participants: TranscriptParticipant[];
  busy: boolean;
  onCancel: () => void;
  onClose: (absent: string[]) => Promise<void>;
}) {
  const { t } = useTranslation("transcript");
  const [absent, setAbsent] = useState<string[]>([]);
  return (
    <Modal
      open={props.open}
      title={t("panel.close")}
      okText={t("panel.close")}
      okButtonProps={{ loading: props.busy }}
      cancelText={t("panel.cancel")}
      onCancel={props.onCancel}
      onOk={() => void props.onClose(absent)}
    >
      <Typography.Paragraph>{t("panel.closeConfirm", { n: props.number })}</Typography.Paragraph>
      <Checkbox.Group
        value={absent}
        onChange={(values) => setAbsent(values)}
        style={{ display: "flex", flexDirection: "column", gap: 4 }}
        options={props.participants.map((p) => ({
          value: p.id,
          label: `${t(`speaker.${p.speakerRole}`)} ${p.name} — ${t("panel.absent")}`,
        }))}
      />
    </Modal>
  );
}
