import type { MediationStatus } from "./mediation.api";

/** The colour of a mediation's status tag: running blue, needing an answer gold, done green, ended grey. */
export function statusColor(status: MediationStatus): string {
  switch (status) {
    case "offered":
    case "agreement_drafted":
      return "gold";
    case "awaiting_mediator":
    case "awaiting_acceptance":
    case "in_progress":
    case "confirmation_applied":
      return "processing";
    case "agreed":
    case "confirmed":
      return "success";
    case "confirmation_dismissed":
      return "error";
    case "declined":
    case "ended":
    case "referred":
      return "default";
  }
}

/** The date a status hint names: the period's end, the court's or mediator's deadline. */
export function hintDate(view: {
  status: MediationStatus;
  periodEndsOn: string | null;
  appointmentDueOn: string | null;
  acceptanceDueOn: string | null;
}): string | null {
  if (view.status === "awaiting_mediator") return view.appointmentDueOn;
  if (view.status === "awaiting_acceptance") return view.acceptanceDueOn;
  return view.periodEndsOn;
}
