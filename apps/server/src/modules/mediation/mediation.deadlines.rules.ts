// What happens when a deadline of mediation or judicial confirmation passes unmet, as pure functions.
// The court's own deadlines (appointing a mediator, accepting, deciding) cannot be met by the platform
// in its staff's place: they are marked overdue and the staff told. The mediator's time to confirm is
// different: an assignment not confirmed in time lapses and the court appoints again
// (人民法院在线调解规则第十二条第二款). Dates are court days (`YYYY-MM-DD`) passed in.

import type { IsoDate } from "../courts/index";
import type { ConfirmationStatus } from "./mediation.confirmation.rules";
import { canAct, type MediationStatus } from "./mediation.rules";

/** The deadlines a job watches. */
export type WatchedDeadline =
  "mediator_appointment" | "mediator_acceptance" | "confirmation_acceptance" | "confirmation_decision";

/** The article each watched deadline comes from, as cited in messages and events. */
export const deadlineBasis: Record<WatchedDeadline, string> = {
  mediator_appointment: "人民法院在线调解规则第十条第三款",
  mediator_acceptance: "人民法院在线调解规则第十二条",
  confirmation_acceptance: "最高人民法院关于人民调解协议司法确认程序的若干规定第四条",
  confirmation_decision: "最高人民法院关于人民调解协议司法确认程序的若干规定第五条",
};

/** True once the last day has passed (the deadline ends with its last court day, 民事诉讼法第八十五条). */
export function hasPassed(lastDay: IsoDate | null, today: IsoDate): boolean {
  return lastDay !== null && today > lastDay;
}

/**
 * 在线调解规则第十条第三款: the court appoints within three working days of the application. Overdue when
 * the mediation still awaits a mediator after the last day and was not marked already.
 */
export function isAppointmentOverdue(
  mediation: { status: MediationStatus; appointmentDueOn: IsoDate | null; overdueMarked: boolean },
  today: IsoDate,
): boolean {
  return (
    mediation.status === "awaiting_mediator" &&
    !mediation.overdueMarked &&
    hasPassed(mediation.appointmentDueOn, today)
  );
}

/**
 * 在线调解规则第十二条: the mediator confirms within three working days of receiving the mediation; one who
 * did not confirm in time may be replaced (第二款: 超过规定期限未予确认的，人民法院、当事人可以重新指定或者
 * 选定); 特邀调解规定第一条: the invited mediator takes the mediation by accepting it. The assignment lapses
 * when it still awaits that mediator's confirmation after the last day.
 */
export function doesAssignmentLapse(
  mediation: {
    status: MediationStatus;
    acceptanceDueOn: IsoDate | null;
    mediatorUserId: string | null;
  },
  expectedMediatorUserId: string,
  today: IsoDate,
): boolean {
  return (
    canAct(mediation.status, "lapseAssignment") &&
    mediation.mediatorUserId === expectedMediatorUserId &&
    hasPassed(mediation.acceptanceDueOn, today)
  );
}

/** 若干规定第四条第一款: the court decides within three days whether to accept the joint application. */
export function isConfirmationAcceptanceOverdue(
  confirmation: { status: ConfirmationStatus; acceptanceDueOn: IsoDate | null; overdueMarked: boolean },
  today: IsoDate,
): boolean {
  return (
    confirmation.status === "applied" &&
    !confirmation.overdueMarked &&
    hasPassed(confirmation.acceptanceDueOn, today)
  );
}

/** 若干规定第五条第一款: the court decides within 15 days of acceptance (25 with the president's approval). */
export function isConfirmationDecisionOverdue(
  confirmation: { status: ConfirmationStatus; decisionDueOn: IsoDate | null; overdueMarked: boolean },
  today: IsoDate,
): boolean {
  return (
    confirmation.status === "accepted" &&
    !confirmation.overdueMarked &&
    hasPassed(confirmation.decisionDueOn, today)
  );
}
