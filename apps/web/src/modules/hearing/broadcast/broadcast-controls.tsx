import { Alert, App, Button, Card, Flex, Space, Switch, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { formatBytes, formatDateTime } from "../../cases/cases.format";
import { errorMessage } from "../../../platform/error-messages";
import { currentLocale } from "../../../platform/i18n";
import { useApiQuery } from "../../../platform/use-api";
import { broadcastApi, type LiveControl, type Recording } from "./broadcast.api";
import { roleKey, type CaptureParticipant, type CaptureSources } from "./capture-layout";
import { startHearingCapture, type HearingCapture, type HearingCaptureState } from "./hearing-capture";
import "./broadcast.css";

export interface BroadcastControlsProps {
  hearingId: string;
  /**
   * The room's media as they are now (local stream and remotes with their roles). Without it the controls
   * record this device's own camera and microphone.
   */
  streams?: () => CaptureSources;
  /** The caller's role when recording the own camera (the clerk, or the judge). */
  selfRole?: "clerk" | "judge";
}

const VIEWER_POLL_MS = 3_000;

/**
 * The judge's and clerk's controls of the hearing's recording and live stream: start and stop the
 * recording (sealed into the ledger when stopped), go live for a public hearing (refused with the reason
 * otherwise), hide the parties in the stream, and see how many watch.
 */
export function BroadcastControls({ hearingId, streams, selfRole = "clerk" }: BroadcastControlsProps) {
  const { t } = useTranslation("broadcast");
  const { message } = App.useApp();
  const control = useApiQuery((signal) => broadcastApi.liveControl(hearingId, signal), [hearingId]);
  const recordings = useApiQuery((signal) => broadcastApi.recordings(hearingId, signal), [hearingId]);
  const [live, setLive] = useState<LiveControl | null>(null);
  const [captureState, setCaptureState] = useState<HearingCaptureState | null>(null);
  const [hideFaces, setHideFaces] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const capture = useRef<HearingCapture | null>(null);
  const ownMedia = useRef<MediaStream | null>(null);
  const preview = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (control.data) {
      setLive(control.data);
      setHideFaces(control.data.hideFaces);
    }
  }, [control.data]);

  const isLive = live?.status === "live";
  // The judge sees the viewers while the stream runs.
  useEffect(() => {
    if (!isLive) return;
    const timer = window.setInterval(() => {
      broadcastApi.liveControl(hearingId).then(setLive, () => undefined);
    }, VIEWER_POLL_MS);
    return () => window.clearInterval(timer);
  }, [hearingId, isLive]);

  useEffect(
    () => () => {
      void capture.current?.stop();
      ownMedia.current?.getTracks().forEach((track) => track.stop());
    },
    [],
  );

  const roleLabel = useCallback(
    (participant: CaptureParticipant) => {
      const { key, side } = roleKey(participant);
      return key === "agentOf" ? t("role.agentOf", { side: t(`role.${side!}`) }) : t(`role.${key}`);
    },
    [t],
  );

  async function sources(): Promise<() => CaptureSources> {
    if (streams) return streams;
    ownMedia.current ??= await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const localStream = ownMedia.current;
    const self = { participantId: "self", role: selfRole, label: t(`role.${selfRole}`) };
    return () => ({ self, localStream, remotes: [] });
  }

  async function begin(record: boolean, withLive: boolean): Promise<void> {
    const getter = await sources();
    capture.current = startHearingCapture({
      hearingId,
      streams: getter,
      record,
      live: withLive,
      hideFaces,
      roleLabel,
      onChange: setCaptureState,
    });
    setCaptureState(capture.current.state);
    if (preview.current) {
      preview.current.srcObject = capture.current.stream;
      void preview.current.play().catch(() => undefined);
    }
  }

  async function act(key: string, action: () => Promise<void>): Promise<void> {
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
      void message.error(
        failure instanceof DOMException
          ? t("controls.noMedia", { message: failure.message })
          : errorMessage(failure),
      );
    } finally {
      setBusy(null);
    }
  }

  const isRecording = captureState?.recording === "recording";

  const startRecording = () =>
    act("record", async () => {
      const wasLive = capture.current !== null;
      if (wasLive) await capture.current!.stop();
      await begin(true, isLive);
    });

  const stopRecording = () =>
    act("record", async () => {
      const sealed = await capture.current?.stop();
      capture.current = null;
      if (sealed) void message.success(t("controls.sealedMessage"));
      recordings.reload();
      if (isLive) await begin(false, true);
    });

  const startLive = () =>
    act("live", async () => {
      setLive(await broadcastApi.startLive(hearingId, hideFaces));
      if (capture.current) capture.current.startLive();
      else await begin(false, true);
    });

  const stopLive = () =>
    act("live", async () => {
      setLive(await broadcastApi.stopLive(hearingId));
      if (capture.current && !isRecording) {
        await capture.current.stop();
        capture.current = null;
      } else capture.current?.stopLive();
    });

  const changeHideFaces = (hide: boolean) => {
    setHideFaces(hide);
    capture.current?.setHideFaces(hide);
    if (isLive)
      void broadcastApi.startLive(hearingId, hide).then(setLive, (failure: unknown) => setError(failure));
  };

  const refusal = live?.refusal;
  const reasonText = refusal ? (currentLocale() === "en" ? refusal.reasonEn : refusal.reasonZh) : "";
  const upload = captureState?.upload;
  const sealed = captureState?.sealed;
  const recordingStatus = captureState?.recording ?? "idle";

  return (
    <Card title={t("controls.title")} data-testid="broadcast-controls" className="nc-broadcast-controls">
      <ErrorAlert error={control.error ?? error} onRetry={control.reload} />
      <Flex vertical gap="middle">
        <video
          ref={preview}
          className="nc-broadcast-preview"
          muted
          playsInline
          aria-label={t("controls.title")}
          hidden={!(captureState?.recording === "recording" || (captureState && isLive))}
        />
        <section aria-labelledby={`rec-${hearingId}`}>
          <Typography.Title level={3} id={`rec-${hearingId}`} className="nc-broadcast-heading">
            {t("controls.recording")}{" "}
            <Tag
              color={
                recordingStatus === "recording" ? "red" : recordingStatus === "sealed" ? "green" : "default"
              }
              data-testid="recording-status"
              data-status={recordingStatus}
            >
              {t(`controls.status.${recordingStatus}`)}
            </Tag>
          </Typography.Title>
          <Space wrap>
            {isRecording ? (
              <Button danger loading={busy === "record"} onClick={() => void stopRecording()}>
                {t("controls.stopRecording")}
              </Button>
            ) : (
              <Button
                type="primary"
                loading={busy === "record"}
                disabled={recordingStatus === "sealing"}
                onClick={() => void startRecording()}
              >
                {t("controls.startRecording")}
              </Button>
            )}
          </Space>
          {upload ? (
            <Flex wrap gap="small" className="nc-broadcast-stats">
              <Stat label={t("controls.chunks")}>
                <span data-testid="recording-chunks">{upload.sent}</span>
              </Stat>
              <Stat label={t("controls.bytes")}>{formatBytes(upload.bytes)}</Stat>
              <Stat label={t("controls.pending")}>{upload.pending}</Stat>
            </Flex>
          ) : null}
          {sealed?.sha256 ? (
            <div>
              <Typography.Text type="secondary">{t("controls.sealedHash")}</Typography.Text>
              <Typography.Paragraph
                copyable
                code
                className="nc-broadcast-hash"
                data-testid="recording-sha256"
              >
                {sealed.sha256}
              </Typography.Paragraph>
            </div>
          ) : null}
        </section>

        <section aria-labelledby={`live-${hearingId}`}>
          <Typography.Title level={3} id={`live-${hearingId}`} className="nc-broadcast-heading">
            {t("controls.live")}{" "}
            <Tag
              color={isLive ? "red" : "default"}
              data-testid="live-status"
              data-status={live?.status ?? "none"}
            >
              {isLive
                ? t("controls.liveOn")
                : live?.status === "ended"
                  ? t("controls.liveEnded")
                  : t("controls.liveOff")}
            </Tag>
          </Typography.Title>
          {refusal ? (
            <Alert
              type="info"
              showIcon
              data-testid="live-refusal"
              title={t("controls.notPublic", { reason: reasonText })}
            />
          ) : (
            <Flex vertical gap="small">
              <Space wrap align="center">
                {isLive ? (
                  <Button danger loading={busy === "live"} onClick={() => void stopLive()}>
                    {t("controls.stopLive")}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    loading={busy === "live"}
                    disabled={!live?.mayStream}
                    onClick={() => void startLive()}
                  >
                    {t("controls.startLive")}
                  </Button>
                )}
                <Space align="center">
                  <Switch
                    id={`hide-faces-${hearingId}`}
                    checked={hideFaces}
                    onChange={changeHideFaces}
                    aria-describedby={`hide-faces-help-${hearingId}`}
                  />
                  <label htmlFor={`hide-faces-${hearingId}`}>{t("controls.hideFaces")}</label>
                </Space>
              </Space>
              <Typography.Text type="secondary" id={`hide-faces-help-${hearingId}`}>
                {t("controls.hideFacesHelp")}
              </Typography.Text>
              {isLive ? (
                <Flex wrap gap="small">
                  <Stat label={t("controls.viewers")}>
                    <span data-testid="live-viewers" aria-live="polite">
                      {t("controls.viewersValue", { count: live?.viewers ?? 0 })}
                    </span>
                  </Stat>
                  <Stat label={t("controls.segments")}>{captureState?.segments ?? 0}</Stat>
                </Flex>
              ) : null}
            </Flex>
          )}
        </section>

        <RecordingList recordings={recordings.data?.recordings ?? []} />
      </Flex>
    </Card>
  );
}

/** The hearing's sealed recordings, to play or download. */
export function RecordingList({ recordings }: { recordings: Recording[] }) {
  const { t } = useTranslation("broadcast");
  const sealed = recordings.filter((r) => r.status === "sealed");
  return (
    <section>
      <Typography.Title level={3} className="nc-broadcast-heading">
        {t("controls.recordings")}
      </Typography.Title>
      {sealed.length === 0 ? (
        <Typography.Text type="secondary">{t("controls.none")}</Typography.Text>
      ) : (
        <ul className="nc-broadcast-recordings">
          {sealed.map((recording) => (
            <li key={recording.id}>
              <Space wrap>
                <span>{formatDateTime(recording.sealedAt)}</span>
                <span>{formatBytes(recording.size ?? 0)}</span>
                <Tag>{t(`controls.sealedBy.${recording.sealedBy ?? "court"}`)}</Tag>
                <a href={recording.fileUrl ?? undefined} target="_blank" rel="noreferrer">
                  {t("controls.play")}
                </a>
                <a href={recording.fileUrl ?? undefined} download>
                  {t("controls.download")}
                </a>
              </Space>
              <Typography.Text code className="nc-broadcast-hash">
                {recording.sha256}
              </Typography.Text>
              {recording.missingSeqs.length > 0 ? (
                <Typography.Text type="warning">
                  {t("controls.missing", { seqs: recording.missingSeqs.join(", ") })}
                </Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One figure of the controls, label and value kept on one line: the controls also sit in a narrow panel. */
function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Typography.Text className="nc-broadcast-stat">
      <Typography.Text type="secondary">{label}</Typography.Text> {children}
    </Typography.Text>
  );
}
