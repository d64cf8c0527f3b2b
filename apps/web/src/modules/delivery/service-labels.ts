import dayjs from "dayjs";
import { i18next } from "../../platform/i18n";
import { formatDate, translateOr } from "../cases/cases.format";
import type { ServiceRecord } from "./delivery.api";

// Labels of service records in the reader's language. Kinds and roles come from server data, so a
// value this screen does not know yet reads as a generic word rather than as a code.

/** What was served: 起诉状副本, 应诉通知书 … */
export function servedKindLabel(kind: string): string {
  return translateOr(`delivery:service.kinds.${kind}`, i18next.t("delivery:service.kinds.other"));
}

/** The addressee's role: 原告, 被告 … */
export function recipientRoleLabel(role: string): string {
  return translateOr(`delivery:service.roles.${role}`, "");
}

/** The period a service opens: 答辩期, 上诉期 … */
export function followingLabel(kind: string): string {
  return translateOr(
    `delivery:service.followingKinds.${kind}`,
    translateOr(`cases:detail.deadlineKinds.${kind}`, ""),
  );
}

/**
 * The court day a public notice is deemed served (民事诉讼法第九十五条: thirty days after the notice). The
 * server completes the service on that day; the screen only names it in advance.
 */
export function noticeDeemedOn(noticeOn: string): string {
  return dayjs(noticeOn).add(30, "day").format("YYYY-MM-DD");
}

/** The deadline a service opened, as the case lists it (the answer period …), or undefined. */
export function dueDateOf(
  service: Pick<ServiceRecord, "followingDeadline" | "servedAt">,
  deadlines: ReadonlyArray<{ kind: string; dueAt: string; status: string }>,
): string | undefined {
  if (!service.servedAt || !service.followingDeadline) return undefined;
  const kind = service.followingDeadline.kind;
  return [...deadlines].reverse().find((d) => d.kind === kind)?.dueAt;
}

/** "答辩期至 2026年12月22日" / "Time to answer ends on Dec 22, 2026", or the period's length before service. */
export function followingLine(
  service: Pick<ServiceRecord, "followingDeadline" | "servedAt">,
  deadlines: ReadonlyArray<{ kind: string; dueAt: string; status: string }>,
): string | null {
  const following = service.followingDeadline;
  if (!following) return null;
  const label = followingLabel(following.kind) || i18next.t("delivery:service.fields.following");
  const due = dueDateOf(service, deadlines);
  if (due) return i18next.t("delivery:service.followingDue", { label, date: formatDate(due) });
  return i18next.t("delivery:service.followingPending", {
    label,
    days: following.days,
  });
}
