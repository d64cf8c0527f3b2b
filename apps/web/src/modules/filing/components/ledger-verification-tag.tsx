import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
} from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../cases/cases.format";
import type { LedgerVerification } from "../filing.api";

const looks = {
  verified: { color: "success", icon: <CheckCircleOutlined aria-hidden /> },
  not_deposited: { color: "default", icon: <MinusCircleOutlined aria-hidden /> },
  no_match: { color: "error", icon: <CloseCircleOutlined aria-hidden /> },
} as const;

/** The evidence ledger's check of one file (核验): verified, not deposited, or no match. */
export function LedgerVerificationTag({ verification }: { verification: LedgerVerification | null }) {
  const { t } = useTranslation("filing");
  const label = t("wizard.attachments.ledger.label");
  if (!verification) {
    return (
      <Tag icon={<QuestionCircleOutlined aria-hidden />} data-ledger="unchecked">
        <span className="nc-visually-hidden">{label}: </span>
        {t("wizard.attachments.ledger.unchecked")}
      </Tag>
    );
  }
  const look = looks[verification.result];
  const details = [
    verification.depositCount > 0 && verification.firstDepositedAt
      ? t("wizard.attachments.ledger.deposits", {
          count: verification.depositCount,
          time: formatDateTime(verification.firstDepositedAt),
        })
      : null,
    verification.platforms.length > 0
      ? t("wizard.attachments.ledger.platforms", { platforms: verification.platforms.join("、") })
      : null,
  ].filter((line): line is string => line !== null);
  const tag = (
    <Tag color={look.color} icon={look.icon} data-ledger={verification.result}>
      <span className="nc-visually-hidden">{label}: </span>
      {t(`wizard.attachments.ledger.${verification.result}`)}
    </Tag>
  );
  return details.length > 0 ? <Tooltip title={details.join("；")}>{tag}</Tooltip> : tag;
}
