import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, List, Table, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { documentsApi, type ComplaintPreview } from "../../documents/documents.api";
import { formatYuan } from "../../cases/cases.format";
import { detailMessage } from "../../../platform/error-messages";
import { currentLocale } from "../../../platform/i18n";
import type { FeeLine, FilingView } from "../filing.api";
import { missingByStep, type WizardStep } from "../filing.form";

/** One missing item in the filing catalog's words (`checks.<code>`), else the code. */
export function missingMessage(item: { code: string; path: string }): string {
  return detailMessage({ code: item.code, path: item.path, message: item.code }, "filing");
}

export interface ReviewStepProps {
  view: FilingView;
  onGoTo: (step: WizardStep) => void;
  /** The hash of the previewed complaint the filer confirmed, or null. */
  confirmedSha256?: string | null;
  onConfirmedChange?: (sha256: string | null) => void;
}

/**
 * The complaint as it will be filed: generated from the saved draft on request (PDF and DOCX, Chinese
 * original and English translation), with the filer's confirmation that they checked it. Any change to
 * the draft drops the preview and the confirmation.
 */
function ComplaintPreviewCard({
  view,
  confirmedSha256,
  onConfirmedChange,
}: {
  view: FilingView;
  confirmedSha256: string | null;
  onConfirmedChange: (sha256: string | null) => void;
}) {
  const { t } = useTranslation("filing");
  const [preview, setPreview] = useState<ComplaintPreview | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const contentKey = JSON.stringify([view.content, view.attachments.map((a) => a.id)]);
  const onChangeRef = useRef(onConfirmedChange);
  onChangeRef.current = onConfirmedChange;
  useEffect(() => {
    setPreview(null);
    onChangeRef.current(null);
  }, [contentKey]);

  const generate = async () => {
    setLoading(true);
    setError(null);
    try {
      const next = await documentsApi.complaintPreview(view.caseId);
      setPreview(next);
      if (confirmedSha256 !== next.sha256) onConfirmedChange(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  const links = (label: string, files: { pdfUrl: string; docxUrl: string }) => (
    <li>
      <span>{t("wizard.review.preview.version", { version: label })}</span>
      <a
        href={files.pdfUrl}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${label} ${t("wizard.review.preview.pdf")}`}
      >
        <FilePdfOutlined aria-hidden /> {t("wizard.review.preview.pdf")}
      </a>
      {" · "}
      <a href={files.docxUrl} download aria-label={`${label} ${t("wizard.review.preview.docx")}`}>
        <FileWordOutlined aria-hidden /> {t("wizard.review.preview.docx")}
      </a>
    </li>
  );

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 className="nc-card-title">{t("wizard.review.preview.title")}</h2>}
      data-testid="complaint-preview"
    >
      <Typography.Paragraph>{t("wizard.review.preview.intro")}</Typography.Paragraph>
      <Button onClick={() => void generate()} loading={isLoading}>
        {preview ? t("wizard.review.preview.regenerate") : t("wizard.review.preview.generate")}
      </Button>
      {preview ? (
        <>
          <ul className="nc-plain-list" style={{ marginTop: 12 }}>
            {links(t("wizard.review.preview.zh"), preview.zh)}
            {links(t("wizard.review.preview.en"), preview.en)}
          </ul>
          <Checkbox
            checked={confirmedSha256 === preview.sha256}
            onChange={(event) => onConfirmedChange(event.target.checked ? preview.sha256 : null)}
          >
            {t("wizard.review.preview.confirm")}
          </Checkbox>
        </>
      ) : null}
      {confirmedSha256 === null ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("wizard.review.preview.required")}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={error} />
    </Card>
  );
}

/** Step 5: what is still missing (with a way to each step), the fee estimate, and a summary. */
export function ReviewStep({ view, onGoTo, confirmedSha256, onConfirmedChange }: ReviewStepProps) {
  const { t } = useTranslation("filing");
  const groups = missingByStep(view.missing);
  const isEnglish = currentLocale() === "en";
  const { content } = view;
  return (
    <>
      <section aria-labelledby="nc-review-missing">
        {groups.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            icon={<ExclamationCircleOutlined aria-hidden />}
            title={<span id="nc-review-missing">{t("wizard.review.missingTitle")}</span>}
            description={
              <List
                size="small"
                dataSource={groups}
                renderItem={(group) => (
                  <List.Item
                    actions={[
                      <Button key="go" size="small" onClick={() => onGoTo(group.step)}>
                        {t("wizard.review.goFixStep", { step: t(`wizard.steps.${group.step}`) })}
                      </Button>,
                    ]}
                  >
                    <ul className="nc-missing-list" data-testid="missing-items">
                      {group.items.map((item) => (
                        <li key={`${item.path}-${item.code}`}>{missingMessage(item)}</li>
                      ))}
                    </ul>
                  </List.Item>
                )}
              />
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined aria-hidden />}
            title={<span id="nc-review-missing">{t("wizard.review.complete")}</span>}
          />
        )}
      </section>

      <Card size="small" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t("wizard.review.fee")}</Typography.Text>
        {view.feeEstimate ? (
          <>
            <div className="nc-fee-total" data-testid="fee-estimate">
              {t("fees.yuan", { amount: formatYuan(view.feeEstimate.amount) })}
            </div>
            <Table<FeeLine>
              size="small"
              pagination={false}
              rowKey={(_line, index) => String(index)}
              dataSource={view.feeEstimate.breakdown}
              scroll={{ x: true }}
              columns={[
                {
                  title: t("fees.columns.item"),
                  render: (_v, line) => (isEnglish ? line.labelEn : line.labelZh),
                },
                {
                  title: t("fees.columns.amount"),
                  align: "right",
                  render: (_v, line) => formatYuan(line.amount),
                },
                {
                  title: t("fees.columns.article"),
                  render: (_v, line) => (isEnglish ? line.articleEn : line.article),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t("wizard.review.feeNote")}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph>{t("wizard.review.feeUnknown")}</Typography.Paragraph>
        )}
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="nc-card-title">{t("wizard.review.summary")}</h2>}
      >
        <ul className="nc-plain-list">
          {view.filer?.kind === "agent" ? (
            <li>{t("wizard.filer.filedByAgent", { name: view.filer.name })}</li>
          ) : null}
          <li>{t("wizard.review.parties", { count: content.parties.length })}</li>
          <li>{t("wizard.review.claims", { count: content.claims.length })}</li>
          <li>{t("wizard.review.evidence", { count: content.evidence.length })}</li>
          <li>{t("wizard.review.attachments", { count: view.attachments.length })}</li>
        </ul>
      </Card>

      {onConfirmedChange ? (
        <ComplaintPreviewCard
          view={view}
          confirmedSha256={confirmedSha256 ?? null}
          onConfirmedChange={onConfirmedChange}
        />
      ) : null}
    </>
  );
}
