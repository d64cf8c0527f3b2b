import { App, Alert, Button, Flex, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { isApiError } from "../../../platform/api-client";
import { errorMessage } from "../../../platform/error-messages";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime } from "../../cases/cases.format";
import { hearingTimestamp, transcriptApi, type TranscriptSigningView } from "./transcript.api";
import "./transcript.css";

const decisionColors = {
  pending: "default",
  signed: "success",
  refused: "error",
  absent: "warning",
} as const;

const REFRESH_MS = 5000;

type Dialog = "sign" | "refuse" | "correction" | { decline: string } | null;

/**
 * Every participant's reading of the transcript frozen for signature: the lines with hearing time stamps,
 * the version's fingerprint, who has signed or refused, and the requests for correction. The caller signs
 * (an explicit confirmation bound to the version's hash), refuses with a reason or asks for a correction
 * (民事诉讼法第一百五十条; 在线诉讼规则第三十三条); the clerk may decline a request with reasons. Once everyone is
 * done, the signed transcript is downloadable. Renders nothing while no version has been closed.
 */
export function TranscriptSigning({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation("transcript");
  const { message } = App.useApp();
  const query = useApiQuery((signal) => transcriptApi.signing(hearingId, signal), [hearingId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const view = query.data;
  const { reload } = query;
  const isSettled = view?.state === "signed";
  // Until the transcript is signed, others' signatures (and a version closed meanwhile) show up by themselves.
  useEffect(() => {
    if (isSettled) return undefined;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [isSettled, reload]);

  // Someone who may see the hearing but not its transcript simply has no transcript section.
  if (query.error && !view)
    return isApiError(query.error) && [403, 404].includes(query.error.status) ? null : (
      <ErrorAlert error={query.error} onRetry={query.reload} />
    );
  if (!view || view.state === "recording" || !view.version) return null;
  const version = view.version;

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      setDialog(null);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(false);
      query.reload();
    }
  };

  return (
    <section
      aria-labelledby={`signing-title-${hearingId}`}
      data-testid="transcript-signing"
      style={{ marginTop: 12 }}
    >
      <Typography.Title level={5} id={`signing-title-${hearingId}`}>
        {t("signing.title")}{" "}
        <Tag color={view.state === "signed" ? "success" : "gold"}>{t(`state.${view.state}`)}</Tag>
      </Typography.Title>
      {view.state === "signed" ? (
        <Alert type="success" showIcon title={t("signing.complete")} style={{ marginBottom: 8 }} />
      ) : (
        <Typography.Paragraph>{t("signing.intro", { n: version.number })}</Typography.Paragraph>
      )}
      <ol className="nc-transcript-list" data-testid="transcript-version-lines">
        {version.segments.map((segment) => (
          <li key={segment.id} className="nc-transcript-line">
            <span className="nc-transcript-time">[{hearingTimestamp(segment.startMs)}]</span>
            <span className="nc-transcript-speaker">
              {t(`speaker.${segment.speakerRole}`)} {segment.speakerName}：
            </span>
            {segment.text}
          </li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" className="nc-transcript-hash" style={{ marginTop: 8 }}>
        {t("signing.fingerprint", { hash: version.contentSha256 })}
      </Typography.Paragraph>
      {view.actions.canSign ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setDialog("sign")} data-testid="transcript-sign">
            {t("signing.sign")}
          </Button>
          <Button onClick={() => setDialog("correction")}>{t("signing.requestCorrection")}</Button>
          <Button danger onClick={() => setDialog("refuse")}>
            {t("signing.refuse")}
          </Button>
        </Space>
      ) : null}
      <Signers view={view} />
      <Corrections view={view} onDecline={(id) => setDialog({ decline: id })} />
      {view.document ? (
        <>
          <Typography.Title level={5} className="nc-hearing-subtitle">
            {t("signing.document")}
          </Typography.Title>
          <Flex wrap gap="small" data-testid="transcript-document">
            {view.document.versions.flatMap((d) =>
              (["pdf", "docx"] as const).map((format) => (
                <Button
                  key={`${d.id}-${format}`}
                  href={transcriptApi.documentUrl(view.caseId, d.id, format)}
                  download
                >
                  {t("signing.download", {
                    version: t(d.locale === "zh-CN" ? "signing.versionZh" : "signing.versionEn"),
                    format: format.toUpperCase(),
                  })}
                </Button>
              )),
            )}
          </Flex>
        </>
      ) : null}
      <Modal
        open={dialog === "sign"}
        title={t("signing.signConfirmTitle")}
        okText={t("signing.sign")}
        cancelText={t("panel.cancel")}
        okButtonProps={{ loading: busy }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void act(
            () => transcriptApi.sign(hearingId, version.id, version.contentSha256),
            t("signing.signed"),
          )
        }
      >
        <Typography.Paragraph>{t("signing.signConfirm", { n: version.number })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="nc-transcript-hash">
          {t("signing.fingerprint", { hash: version.contentSha256 })}
        </Typography.Paragraph>
      </Modal>
      <TextDialog
        open={dialog === "refuse"}
        title={t("signing.refuse")}
        label={t("signing.refuseReason")}
        note={t("signing.refuseNote")}
        max={1000}
        busy={busy}
        danger
        onCancel={() => setDialog(null)}
        onSubmit={(reason) =>
          act(() => transcriptApi.refuse(hearingId, version.id, reason), t("signing.refused"))
        }
      />
      <TextDialog
        open={dialog === "correction"}
        title={t("signing.requestCorrection")}
        label={t("signing.correctionText")}
        placeholder={t("signing.correctionPlaceholder")}
        max={2000}
        busy={busy}
        lines={version.segments.map((s) => ({
          value: s.id,
          label: `[${hearingTimestamp(s.startMs)}] ${s.text.slice(0, 40)}`,
        }))}
        onCancel={() => setDialog(null)}
        onSubmit={(request, segmentId) =>
          act(
            () => transcriptApi.requestCorrection(hearingId, version.id, request, segmentId ?? null),
            t("signing.correctionSent"),
          )
        }
      />
      <TextDialog
        open={typeof dialog === "object" && dialog !== null}
        title={t("signing.decline")}
        label={t("signing.declineReason")}
        max={2000}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(answer) =>
          typeof dialog === "object" && dialog !== null
            ? act(
                () => transcriptApi.declineCorrection(hearingId, dialog.decline, answer),
                t("signing.declined"),
              )
            : Promise.resolve()
        }
      />
    </section>
  );
}

function Signers({ view }: { view: TranscriptSigningView }) {
  const { t } = useTranslation("transcript");
  return (
    <>
      <Typography.Title level={5} className="nc-hearing-subtitle">
        {t("signing.signers")}
      </Typography.Title>
      <List
        size="small"
        data-testid="transcript-signers"
        dataSource={view.signers}
        renderItem={(s) => (
          <List.Item>
            <Flex wrap gap="small" align="center" style={{ width: "100%" }}>
              <span>
                {t(`speaker.${s.speakerRole}`)} {s.name}
                {s.isSelf ? t("signing.you") : ""}
              </span>
              <Tag color={decisionColors[s.decision]}>
                {t(`signing.decision.${s.decision}`)}
                {s.absence ? ` · ${t(`signing.absence.${s.absence}`)}` : ""}
              </Tag>
              {s.decidedAt && s.decision !== "absent" ? (
                <Typography.Text type="secondary">{formatDateTime(s.decidedAt)}</Typography.Text>
              ) : null}
              {s.refusalReason ? (
                <Typography.Text type="secondary">
                  {t("signing.refusalReason", { reason: s.refusalReason })}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}

function Corrections({ view, onDecline }: { view: TranscriptSigningView; onDecline: (id: string) => void }) {
  const { t } = useTranslation("transcript");
  if (view.corrections.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} className="nc-hearing-subtitle">
        {t("signing.corrections")}
      </Typography.Title>
      <List
        size="small"
        dataSource={view.corrections}
        renderItem={(c) => (
          <List.Item
            actions={
              view.actions.canDeclineCorrections && c.status === "open"
                ? [
                    <Button key="decline" size="small" onClick={() => onDecline(c.id)}>
                      {t("signing.decline")}
                    </Button>,
                  ]
                : []
            }
          >
            <div style={{ overflowWrap: "anywhere" }}>
              <div>
                {c.name} · {formatDateTime(c.createdAt)}{" "}
                <Tag color={c.status === "open" ? "gold" : c.status === "corrected" ? "success" : "default"}>
                  {t(`signing.correctionStatus.${c.status}`)}
                </Tag>
              </div>
              <div>{c.request}</div>
              {c.answer ? (
                <Typography.Text type="secondary">{t("signing.answer", { text: c.answer })}</Typography.Text>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

function TextDialog(props: {
  open: boolean;
  title: string;
  label: string;
  note?: string;
  placeholder?: string;
  max: number;
  busy: boolean;
  danger?: boolean;
  lines?: Array<{ value: string; label: string }>;
  onCancel: () => void;
  onSubmit: (text: string, line?: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("transcript");
  const [form] = Form.useForm<{ text: string; line?: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t("signing.send")}
      cancelText={t("panel.cancel")}
      okButtonProps={{ loading: props.busy, danger: props.danger ?? false }}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {props.note ? <Typography.Paragraph type="secondary">{props.note}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void props.onSubmit(values.text.trim(), values.line)}
      >
        {props.lines ? (
          <Form.Item name="line" label={t("signing.correctionLine")}>
            <Select allowClear options={props.lines} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={props.label}
          rules={[{ required: true, whitespace: true, max: props.max }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={props.max}
            placeholder={props.placeholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
