import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { FeeStatus } from "../workbench.api";

const colors: Record<FeeStatus, string> = {
  pending: "gold",
  paid: "green",
  expired: "red",
  cancelled: "default",
};

/** The payment state of the case acceptance fee. */
export function FeeTag({ status }: { status: FeeStatus | null }) {
  const { t } = useTranslation("workbench");
  if (status === null) return <Tag>{t("fee.none")}</Tag>;
  return <Tag color={colors[status]}>{t(`fee.${status}`)}</Tag>;
}
