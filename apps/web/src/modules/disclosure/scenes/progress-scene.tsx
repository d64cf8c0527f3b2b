import { formatDate, formatDateTime } from "@netcourt/shared/format";
import { Button, Card, Descriptions, Empty, Form, Input, Tag, Timeline } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { ApiError } from "../../../platform/api-client";
import { currentLocale, i18next } from "../../../platform/i18n";
import { useSubmit } from "../../../platform/use-api";
import { disclosureApi, type CaseProgress, type ProgressEvent } from "../disclosure.api";

function formatTime(iso: string): string {
  return formatDateTime(currentLocale(), iso);
}

// Steps are named from the one list of timeline kinds the case pages use; a kind this page does not
// know yet reads as a generic update rather than as a code.
function eventLabel(event: ProgressEvent): string {
  return i18next.t(`cases:timeline.kinds.${event.kind}`, {
    defaultValue: i18next.t("cases:timeline.other"),
  });
}

const shownParams = ["caseNumber", "judgeName", "procedure", "reviewDueOn", "reason", "note"] as const;

/** The details of a step the public may read, each on its own line, in the reader's language. */
function eventDetails(event: ProgressEvent): string[] {
  const params = event.params ?? {};
  return shownParams.flatMap((name) => {
    const raw = params[name];
    if (typeof raw !== "string" || raw === "") return [];
    const value =
      name === "procedure"
        ? i18next.t(`cases:procedure.${raw}`, { defaultValue: raw })
        : name === "reason"
          ? i18next.t(`cases:timeline.reasons.${raw}`, { defaultValue: raw })
          : name === "reviewDueOn"
            ? formatDate(currentLocale(), raw)
            : raw;
    return [i18next.t(`cases:timeline.params.${name}`, { value })];
  });
}

function statusLabel(progress: CaseProgress): string {
  return i18next.t(`cases:status.${progress.status}`, {
    defaultValue: progress.statusLabel ?? progress.status,
  });
}

/** Public case-progress lookup by the query code given at filing. */
export function ProgressScene() {
  const { t, i18n } = useTranslation("disclosure");
  const [form] = Form.useForm<{ code: string }>();
  const [progress, setProgress] = useState<CaseProgress | null>(null);
  const lookup = useSubmit(async ({ code }: { code: string }) => {
    setProgress(null);
    setProgress(await disclosureApi.progress(code.trim()));
  }, form);

  const error = lookup.error;
  let message: string | undefined;
  if (error instanceof ApiError && error.status === 404 && error.code !== "route_not_found")
    message = t("progress.notFound");
  if (error instanceof ApiError && error.status === 429) {
    message = error.retryAfterSeconds
      ? t("progress.rateLimitedSeconds", { seconds: error.retryAfterSeconds })
      : t("progress.rateLimited");
  }

  const isEnglish = i18n.language === "en";
  const timeline = progress ? [...progress.timeline].sort((a, b) => a.at.localeCompare(b.at)) : [];

  return (
    <Page title={t("progress.title")} intro={t("progress.intro")}>
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void lookup.submit(values)}
          requiredMark="optional"
        >
          <Form.Item
            name="code"
            label={t("progress.code")}
            extra={t("progress.codeHelp")}
            rules={[{ required: true, whitespace: true, message: t("progress.codeRequired") }]}
          >
            <Input autoComplete="off" spellCheck={false} maxLength={64} inputMode="text" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isSubmitting}>
            {t("progress.submit")}
          </Button>
        </Form>
      </Card>

      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} details={lookup.otherDetails} message={message} />
      </div>

      <div aria-live="polite">
        {progress ? (
          <Card title={progress.caseNumber ?? t("progress.noCaseNumber")} style={{ marginTop: 16 }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("progress.caseNumber")}>
                {progress.caseNumber ?? t("progress.noCaseNumber")}
              </Descriptions.Item>
              <Descriptions.Item label={t("progress.court")}>
                {isEnglish ? progress.courtNameEn : progress.courtNameZh}
              </Descriptions.Item>
              {progress.causeNameZh ? (
                <Descriptions.Item label={t("progress.cause")}>
                  {isEnglish ? (progress.causeNameEn ?? progress.causeNameZh) : progress.causeNameZh}
                </Descriptions.Item>
              ) : null}
              {progress.judgeName ? (
                <Descriptions.Item label={t("progress.judge")}>{progress.judgeName}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t("progress.status")}>
                <Tag color="blue">{statusLabel(progress)}</Tag>
              </Descriptions.Item>
            </Descriptions>
            <h2 className="nc-section-title">{t("progress.timeline")}</h2>
            {timeline.length === 0 ? (
              <Empty description={t("progress.noEvents")} />
            ) : (
              <Timeline
                items={timeline.map((event, index) => ({
                  key: `${event.at}-${index}`,
                  content: (
                    <>
                      <div>{eventLabel(event)}</div>
                      {eventDetails(event).map((line) => (
                        <div key={line} className="nc-muted">
                          {line}
                        </div>
                      ))}
                      <time dateTime={event.at} className="nc-muted">
                        {formatTime(event.at)}
                      </time>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        ) : null}
      </div>
    </Page>
  );
}
