import {
  CreditCardOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  RollbackOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../components/link-button";
import { errorMessage } from "../../../platform/error-messages";
import type { CaseDocument } from "../../documents/documents.api";
import { filingsApi, type FeeStatus, type FilingView } from "../../filing/filing.api";
import { formatDate, formatDateTime, formatYuan } from "../cases.format";

const feeColors: Record<FeeStatus, string> = {
  pending: "warning",
  paid: "success",
  expired: "error",
  cancelled: "default",
};

export interface FilingPanelProps {
  filing: FilingView;
  /** Back from the cashier (`?payment=done`). */
  isReturnFromPayment: boolean;
  onChanged: () => void;
  /** The 交费凭证 once the fee is paid. */
  receipt?: CaseDocument | undefined;
}

/**
 * The filing part of a case page: the acceptance fee with its deadline and the way to pay it, the
 * registration review deadline, and the filer's actions (correct, withdraw) that the server offers.
 */
export function FilingPanel({ filing, isReturnFromPayment, onChanged, receipt }: FilingPanelProps) {
  const { t } = useTranslation("filing");
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<"pay" | "withdraw" | null>(null);
  const { fee, actions } = filing;

  const pay = async () => {
    setBusy("pay");
    try {
      const { payUrl } = await filingsApi.startPayment(filing.caseId);
      // The gateway's cashier (the simulator's /sim/pay in tests) returns to this page when done.
      window.location.assign(payUrl);
    } catch (error) {
      setBusy(null);
      void modal.error({ title: errorMessage(error) });
    }
  };

  const withdraw = async () => {
    setBusy("withdraw");
    try {
      await filingsApi.withdraw(filing.caseId);
      void message.success(t("payment.withdrawn"));
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const canPay = actions.includes("filing.pay");
  const isCorrection = filing.status === "correction_requested" && actions.includes("filing.edit");
  const isDraft = filing.status === "draft" && actions.includes("filing.edit");

  return (
    <Card
      className="nc-block"
      title={<h2 className="nc-card-title">{t("payment.title")}</h2>}
      data-testid="filing-panel"
    >
      {isReturnFromPayment ? (
        <Alert
          className="nc-block"
          type={fee?.status === "paid" ? "success" : "info"}
          showIcon
          title={fee?.status === "paid" ? t("payment.returned") : t("payment.returnedPending")}
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          ...(fee
            ? [
                {
                  key: "amount",
                  label: t("payment.amount"),
                  children: <strong>{t("fees.yuan", { amount: formatYuan(fee.amount) })}</strong>,
                },
                {
                  key: "status",
                  label: t("payment.statusLabel"),
                  children: (
                    <Tag color={feeColors[fee.status]} data-testid="fee-status" data-fee={fee.status}>
                      {t(`payment.status.${fee.status}`)}
                    </Tag>
                  ),
                },
                fee.paidAt
                  ? { key: "paid", label: t("payment.paidAt"), children: formatDateTime(fee.paidAt) }
                  : { key: "due", label: t("payment.dueAt"), children: formatDateTime(fee.dueAt) },
                ...(receipt
                  ? [
                      {
                        key: "receipt",
                        label: t("payment.receipt"),
                        children: <ReceiptLinks receipt={receipt} />,
                      },
                    ]
                  : []),
              ]
            : filing.submittedAt
              ? [{ key: "none", label: t("payment.amount"), children: t("payment.noFee") }]
              : []),
          ...(filing.reviewDueOn &&
          (filing.status === "under_review" || filing.status === "correction_requested")
            ? [{ key: "review", label: t("payment.reviewDueOn"), children: formatDate(filing.reviewDueOn) }]
            : []),
        ]}
      />
      {canPay ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("payment.deadlineNote")}
        </Typography.Paragraph>
      ) : null}
      <Flex gap="small" wrap>
        {canPay ? (
          <Button
            type="primary"
            icon={<CreditCardOutlined aria-hidden />}
            loading={busy === "pay"}
            onClick={() => void pay()}
          >
            {t("payment.pay")}
          </Button>
        ) : null}
        {isCorrection ? (
          <LinkButton type="primary" icon={<EditOutlined aria-hidden />} to={`/filings/${filing.caseId}`}>
            {t("payment.correct")}
          </LinkButton>
        ) : null}
        {isDraft ? (
          <LinkButton type="primary" icon={<EditOutlined aria-hidden />} to={`/filings/${filing.caseId}`}>
            {t("payment.continueDraft")}
          </LinkButton>
        ) : null}
        {actions.includes("filing.withdraw") ? (
          <Popconfirm title={t("payment.withdrawConfirm")} onConfirm={() => void withdraw()}>
            <Button danger icon={<RollbackOutlined aria-hidden />} loading={busy === "withdraw"}>
              {t("payment.withdraw")}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The fee receipt in the reader's language (the Chinese original when no translation fits), PDF and DOCX. */
function ReceiptLinks({ receipt }: { receipt: CaseDocument }) {
  const { t, i18n } = useTranslation("filing");
  const locale = i18n.language === "en" ? "en" : "zh-CN";
  const version = receipt.versions.find((v) => v.locale === locale) ?? receipt.versions[0];
  if (!version) return null;
  return (
    <span data-testid="fee-receipt">
      <a
        href={version.pdfUrl}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${t("payment.receipt")} PDF`}
      >
        <FilePdfOutlined aria-hidden /> PDF
      </a>
      {" · "}
      <a href={version.docxUrl} download aria-label={`${t("payment.receipt")} DOCX`}>
        <FileWordOutlined aria-hidden /> DOCX
      </a>
    </span>
  );
}
