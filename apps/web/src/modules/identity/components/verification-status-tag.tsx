import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AccountVerificationStatus } from "../identity.api";

const colors: Record<AccountVerificationStatus, string> = {
  unverified: "default",
  pending: "processing",
  verified: "success",
  rejected: "error",
};

/** The account's real-name verification state as a coloured tag. */
export function VerificationStatusTag({ status }: { status: AccountVerificationStatus }) {
  const { t } = useTranslation("identity");
  return <Tag color={colors[status]}>{t(`accountVerification.${status}`)}</Tag>;
}
