import { CheckCircleTwoTone, CloseCircleTwoTone } from "@ant-design/icons";
import { Alert, Button, Descriptions, List, Skeleton, Space, Tag, Typography } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useApiQuery } from "../../../platform/use-api";
import { formatDateTime, translateOr } from "../../cases/cases.format";
import {
  workbenchApi,
  type LedgerVerification,
  type LedgerVerificationSummary,
  type VerificationStep,
  type VerifiedDeposit,
} from "../workbench.api";

const resultColors = { verified: "success", not_deposited: "default", no_match: "error" } as const;
const steps: VerificationStep[] = [
  "leafRecomputed",
  "inclusionVerified",
  "checkpointSignatureVerified",
  "witnessQuorumMet",
];

/** Dates in basis parameters are ISO strings; show them in court time like every other moment. */
function basisParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) out[key] = formatDateTime(value);
    else if (Array.isArray(value)) out[key] = value.filter((v) => v !== null).join("、");
    else out[key] = value;
  }
  return out;
}

function DepositDetails({ deposit }: { deposit: VerifiedDeposit }) {
  const { t } = useTranslation("workbench");
  const checkpoint = deposit.proof?.checkpoint ?? deposit.firstCheckpoint;
  return (
    <div className="nc-deposit">
      <Typography.Text strong>{t("ledger.deposit", { index: deposit.index })}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
        <Descriptions.Item label={t("ledger.depositor")}>
          {t("ledger.platform", { name: deposit.platform.name, operator: deposit.platform.operatorName })}{" "}
          <Tag>{t(`ledger.credential.${deposit.platform.credentialKind}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("ledger.depositedAt")}>
          {formatDateTime(deposit.depositedAt)}
        </Descriptions.Item>
        {deposit.opening ? (
          <Descriptions.Item label={t("ledger.title")}>
            {t("ledger.sourceTitle", { title: deposit.opening.title })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {deposit.platform.relatedParties.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t("ledger.relatedParties", { parties: deposit.platform.relatedParties.join("、") })}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {checkpoint ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t("ledger.checkpoint", { size: checkpoint.size, root: checkpoint.rootHash })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t("ledger.witnesses", { count: checkpoint.cosignatures.length, quorum: checkpoint.quorum })}
          </Typography.Text>
          <ul className="nc-compact-list">
            {checkpoint.cosignatures.map((c) => (
              <li key={`${c.witness}-${c.cosignedAt}`}>
                {t("ledger.witness", { witness: c.witness, time: formatDateTime(c.cosignedAt) })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t("ledger.noCheckpoint")}</Typography.Paragraph>
      )}
      {deposit.proof ? (
        <ul className="nc-compact-list nc-steps">
          {steps.map((step) => {
            const passed = deposit.proof!.steps[step];
            return (
              <li key={step}>
                {passed ? (
                  <CheckCircleTwoTone twoToneColor="#389e0d" aria-hidden />
                ) : (
                  <CloseCircleTwoTone twoToneColor="#cf1322" aria-hidden />
                )}{" "}
                {t(`ledger.steps.${step}`)}: {passed ? t("ledger.stepPassed") : t("ledger.stepFailed")}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function VerificationDetails({ verification }: { verification: LedgerVerification }) {
  const { t } = useTranslation("workbench");
  return (
    <div>
      {verification.deposits.map((deposit) => (
        <DepositDetails key={deposit.index} deposit={deposit} />
      ))}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t("ledger.basisTitle")}
      </Typography.Title>
      <List
        size="small"
        dataSource={verification.basis}
        renderItem={(item, index) => (
          <List.Item key={`${item.code}-${index}`}>
            <Space orientation="vertical" size={0}>
              <Typography.Text type="secondary">{item.article}</Typography.Text>
              <span>
                {translateOr(`workbench:ledger.basis.${item.code}`, item.code, basisParams(item.params))}
              </span>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

function VerificationLoader({ detailsUrl }: { detailsUrl: string }) {
  const details = useApiQuery((signal) => workbenchApi.verification(detailsUrl, signal), [detailsUrl]);
  if (details.error) return <ErrorAlert error={details.error} onRetry={details.reload} />;
  if (!details.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  // The newest check comes last; the judge reviews what the ledger says now.
  const latest = details.data.items[details.data.items.length - 1];
  return latest ? <VerificationDetails verification={latest} /> : null;
}

/**
 * The evidence-ledger check of one file: the result (verified with depositor and time, not deposited,
 * or no match) and, on request, each deposit's checkpoint, witnesses, proof steps and the legal basis
 * (在线诉讼规则第十六条至第十九条) for the judge's review.
 */
export function LedgerVerificationPanel({ summary }: { summary: LedgerVerificationSummary | null }) {
  const { t } = useTranslation("workbench");
  const [isOpen, setOpen] = useState(false);
  const regionId = useId();
  if (!summary) return <Typography.Text type="secondary">{t("ledger.notChecked")}</Typography.Text>;
  return (
    <div className="nc-ledger-check" data-result={summary.result}>
      <Space wrap size={[8, 4]}>
        <Tag color={resultColors[summary.result]}>{t(`ledger.result.${summary.result}`)}</Tag>
        {summary.result === "verified" ? (
          <>
            <span>
              {t("ledger.depositor")}: {summary.platforms.join("、") || t("common.none")}
            </span>
            <span>
              {t("ledger.depositedAt")}: {formatDateTime(summary.firstDepositedAt)}
            </span>
            {summary.depositCount > 1 ? (
              <span>{t("ledger.deposits", { count: summary.depositCount })}</span>
            ) : null}
          </>
        ) : null}
        <Typography.Text type="secondary">
          {t("ledger.checkedAt", { time: formatDateTime(summary.checkedAt) })}
        </Typography.Text>
      </Space>
      <div>
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          aria-expanded={isOpen}
          aria-controls={regionId}
          onClick={() => setOpen((open) => !open)}
        >
          {isOpen ? t("ledger.hideDetails") : t("ledger.showDetails")}
        </Button>
      </div>
      <div id={regionId} hidden={!isOpen}>
        {isOpen ? <VerificationLoader detailsUrl={summary.detailsUrl} /> : null}
      </div>
    </div>
  );
}
