import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseStatus } from "../cases.api";

/** The case-list groups a litigant filters by. */
export const statusGroups = {
  all: [],
  filing: ["draft", "under_review", "correction_requested"],
  active: [
    "mediation",
    "accepted",
    "service",
    "evidence_exchange",
    "hearing",
    "judgment",
    "appeal_window",
    "effective",
    "enforcement",
  ],
  ended: ["closed", "refused", "withdrawn", "deemed_withdrawn", "transferred"],
} as const satisfies Record<string, readonly CaseStatus[]>;
export type StatusGroup = keyof typeof statusGroups;

function colorOf(status: CaseStatus): string {
  if ((statusGroups.filing as readonly string[]).includes(status))
    return status === "correction_requested" ? "warning" : "processing";
  if ((statusGroups.ended as readonly string[]).includes(status))
    return status === "closed" || status === "transferred" ? "default" : "error";
  return "success";
}

/** A case's status as a coloured tag in the reader's language. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation("cases");
  return (
    <Tag color={colorOf(status)} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
