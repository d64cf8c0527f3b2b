import { CreditCardOutlined, FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../platform/error-messages";
import type { CaseDocument } from "../../documents/documents.api";
import type { CaseDetail } from "../cases.api";
import { formatDateTime, formatYuan } from "../cases.format";
import { defendantApi, type CounterclaimFeeStatus, type DefenceCounterclaim } from "../defendant.api";

const feeColors: Record<CounterclaimFeeStatus, string> = {
  unpaid: "warning",
  paid: "success",
  none: "default",
  expired: "error",
};

// A card title naming a party wraps on a phone instead of being cut off beside its tag.
const wrapping = { whiteSpace: "normal" } as const;
// A link's icon and format stay on one line on a phone.
const noWrap = { whiteSpace: "nowrap" } as const;

/**
 * A counterclaim on the case page (民事诉讼法第一百四十三条): its claims, facts and reasons, the 民事反诉状, and
 * its halved fee (诉讼费用交纳办法第十八条) with the due date (第二十二条), its state and, for the counterclaimant
 * while it is payable, the way to pay it at the gateway's cashier.
 */
export function CounterclaimCard({
  detail,
  counterclaim,
  documents,
}: {
  detail: CaseDetail;
  counterclaim: DefenceCounterclaim;
  documents: CaseDocument[];
}) {
  const { t } = useTranslation("cases");
  const { modal } = App.useApp();
  const [isPaying, setPaying] = useState(false);
  const name = detail.parties.find((p) => p.id === counterclaim.partyId)?.name ?? "—";
  const document = documents.find((d) => d.issueId === counterclaim.documentIssueId);
  const receipt = documents.find((d) => d.issueId === counterclaim.feeReceiptIssueId);

  const pay = async () => {
    setPaying(true);
    try {
      const { payUrl } = await defendantApi.payCounterclaim(detail.id, counterclaim.id);
      // The gateway's cashier (the simulator's /sim/pay in tests) returns to this page when done.
      window.location.assign(payUrl);
    } catch (error) {
      setPaying(false);
      void modal.error({ title: errorMessage(error) });
    }
  };

  return (
    <Card
      size="small"
      className="nc-block"
      data-testid="counterclaim"
      title={
        <h3 className="nc-card-title" style={wrapping}>
          {t("defence.counterclaim.titleBy", { name })}
        </h3>
      }
      extra={
        <Tag
          color={counterclaim.status === "deemed_withdrawn" ? "error" : undefined}
          data-testid="counterclaim-status"
        >
          {t(`defence.counterclaim.status.${counterclaim.status}`)}
        </Tag>
      }
    >
      <ol className="nc-plain-list">
        {counterclaim.claims.map((claim, index) => (
          <li key={index}>
            {claim.text}
            {claim.amount !== null ? (
              <span className="nc-muted">（{t("detail.yuan", { amount: formatYuan(claim.amount) })}）</span>
            ) : null}
          </li>
        ))}
      </ol>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
        {counterclaim.factsAndReasons}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        className="nc-block"
        items={[
          {
            key: "fee",
            label: t("defence.counterclaim.feeLabel"),
            children: <strong>{t("detail.yuan", { amount: formatYuan(counterclaim.fee) })}</strong>,
          },
          {
            key: "feeStatus",
            label: t("defence.counterclaim.feeStatusLabel"),
            children: (
              <Tag
                color={feeColors[counterclaim.feeStatus]}
                data-testid="counterclaim-fee-status"
                data-fee={counterclaim.feeStatus}
              >
                {t(`defence.counterclaim.feeStatus.${counterclaim.feeStatus}`)}
              </Tag>
            ),
          },
          counterclaim.feePaidAt
            ? {
                key: "paidAt",
                label: t("defence.counterclaim.paidAt"),
                children: (
                  <time dateTime={counterclaim.feePaidAt}>{formatDateTime(counterclaim.feePaidAt)}</time>
                ),
              }
            : {
                key: "dueAt",
                label: t("defence.counterclaim.dueAt"),
                children: (
                  <time dateTime={counterclaim.feeDueAt}>{formatDateTime(counterclaim.feeDueAt)}</time>
                ),
              },
          ...(counterclaim.withdrawnAt
            ? [
                {
                  key: "withdrawn",
                  label: t("defence.counterclaim.withdrawnAt"),
                  children: (
                    <time dateTime={counterclaim.withdrawnAt}>
                      {formatDateTime(counterclaim.withdrawnAt)}
                    </time>
                  ),
                },
              ]
            : []),
          ...(document
            ? [
                {
                  key: "document",
                  label: t("defence.counterclaim.document"),
                  children: <DocumentLinks document={document} label={t("defence.counterclaim.document")} />,
                },
              ]
            : []),
          ...(receipt
            ? [
                {
                  key: "receipt",
                  label: t("defence.counterclaim.receipt"),
                  children: <DocumentLinks document={receipt} label={t("defence.counterclaim.receipt")} />,
                },
              ]
            : []),
        ]}
      />
      {counterclaim.status === "deemed_withdrawn" ? (
        <Typography.Paragraph type="secondary">
          {t("defence.counterclaim.withdrawnNote")}
        </Typography.Paragraph>
      ) : null}
      {counterclaim.canPay ? (
        <>
          <Typography.Paragraph type="secondary">{t("defence.counterclaim.payNote")}</Typography.Paragraph>
          <Button
            type="primary"
            icon={<CreditCardOutlined aria-hidden />}
            loading={isPaying}
            onClick={() => void pay()}
            data-testid="counterclaim-pay"
          >
            {t("defence.counterclaim.pay")}
          </Button>
        </>
      ) : null}
    </Card>
  );
}

/** The PDF and DOCX links of a document, both language versions. */
function DocumentLinks({ document, label }: { document: CaseDocument; label: string }) {
  const { t } = useTranslation("cases");
  return (
    <ul className="nc-plain-list" style={{ margin: 0, minWidth: 0 }}>
      {document.versions.map((version) => {
        const language = version.locale === "zh-CN" ? t("detail.documentZh") : t("detail.documentEn");
        return (
          <li key={version.id}>
            <span className="nc-muted">{t("detail.documentVersion", { version: language })}</span>
            <a
              href={version.pdfUrl}
              style={noWrap}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${label} ${t("detail.documentLink", { version: language, format: "PDF" })}`}
            >
              <FilePdfOutlined aria-hidden /> PDF
            </a>
            {" · "}
            <a
              href={version.docxUrl}
              style={noWrap}
              download
              aria-label={`${label} ${t("detail.documentLink", { version: language, format: "DOCX" })}`}
            >
              <FileWordOutlined aria-hidden /> DOCX
            </a>
          </li>
        );
      })}
    </ul>
  );
}
