// The rules of pre-litigation mediation as pure functions: the status machine, the periods counted in
// working days or calendar days, who may act, and what the caller may do next. Dates are court days
// (`YYYY-MM-DD`, Asia/Shanghai) passed in; nothing here reads the clock.

import { addDays, computePeriodEnd, isWorkingDay, type IsoDate } from "../courts/index";
import type { Deadline } from "../cases/index";
import type { MediationRelation } from "./mediation.policy";
import type { MediationOutcomeValue, MediationStatusValue } from "./mediation.tables";

export type MediationStatus = MediationStatusValue;
export type MediationOutcome = MediationOutcomeValue;

/** The acts of this context that move a mediation, named after the legal act. */
export type MediationAct =
  | "consentToOffer"
  | "declineOffer"
  | "assignMediator"
  | "acceptAssignment"
  | "declineAssignment"
  | "lapseAssignment"
  | "recordFailure"
  | "withdrawMediation"
  | "refuseMediation"
  | "lapse"
  | "referToFiling";

interface ActRule {
  from: readonly MediationStatus[];
  to: MediationStatus;
  basis: string;
}

/** Before the agreement: the states in which the mediation is still running. */
const running: readonly MediationStatus[] = ["awaiting_mediator", "awaiting_acceptance", "in_progress"];

/** Every allowed act with its legal basis; anything not listed is illegal (409). */
export const mediationActs: Record<MediationAct, ActRule> = {
  // 在线调解规则第四条: online mediation only with the party's consent; 第七条: the court explains it.
  consentToOffer: { from: ["offered"], to: "awaiting_mediator", basis: "人民法院在线调解规则第四条" },
  declineOffer: { from: ["offered"], to: "declined", basis: "人民法院在线调解规则第四条" },
  // 在线调解规则第十条: the court appoints within three working days; 第十二条第二款: it appoints again
  // when the mediator declines or does not confirm in time.
  assignMediator: {
    from: ["awaiting_mediator", "awaiting_acceptance"],
    to: "awaiting_acceptance",
    basis: "人民法院在线调解规则第十条",
  },
  // 在线调解规则第十二条: the mediator confirms within three working days, or declines with reasons.
  acceptAssignment: {
    from: ["awaiting_acceptance"],
    to: "in_progress",
    basis: "人民法院在线调解规则第十二条",
  },
  declineAssignment: {
    from: ["awaiting_acceptance"],
    to: "awaiting_mediator",
    basis: "人民法院在线调解规则第十二条",
  },
  // 在线调解规则第十二条第二款: a mediator who did not confirm in time is replaced (超过规定期限未予确认的，
  // 人民法院、当事人可以重新指定或者选定); the mediation goes back to the court to appoint.
  lapseAssignment: {
    from: ["awaiting_acceptance"],
    to: "awaiting_mediator",
    basis: "人民法院在线调解规则第十二条第二款",
  },
  // 在线调解规则第二十五条(四)(五)(八), 第二十一条: the mediator ends it and records why.
  recordFailure: { from: running, to: "ended", basis: "人民法院在线调解规则第二十五条" },
  // 在线调解规则第二十五条(二): the applicant withdraws the application.
  withdrawMediation: { from: running, to: "ended", basis: "人民法院在线调解规则第二十五条第二项" },
  // 在线调解规则第十五条第二款: the other side refuses to mediate.
  refuseMediation: { from: running, to: "ended", basis: "人民法院在线调解规则第十五条" },
  // 在线调解规则第二十五条(六): the period ran out without agreement or extension.
  lapse: { from: ["in_progress"], to: "ended", basis: "人民法院在线调解规则第二十五条第六项" },
  // 在线调解规则第二十一条(一), 特邀调解规定第二十一条: the materials go to the court for registration.
  referToFiling: { from: ["ended"], to: "referred", basis: "人民法院在线调解规则第二十一条" },
};

/** True when the act is allowed from the status. */
export function canAct(status: MediationStatus, act: MediationAct): boolean {
  return mediationActs[act].from.includes(status);
}

/** The outcome each ending act records. */
export const outcomeOfAct: Partial<Record<MediationAct, MediationOutcome>> = {
  recordFailure: "failed",
  withdrawMediation: "withdrawn",
  refuseMediation: "refused_by_other_side",
  lapse: "lapsed",
};

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/** `count` working days after `date` (the day itself not counted), on the court calendar. */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  for (let remaining = count; remaining > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/** 在线调解规则第十条第三款: the court appoints a mediator within three working days of the application. */
export function appointmentDueOn(appliedOn: IsoDate): IsoDate {
  return addWorkingDays(appliedOn, 3);
}

/** 在线调解规则第十二条第一款: the mediator confirms (or declines) within three working days of receiving it. */
export function acceptanceDueOn(assignedOn: IsoDate): IsoDate {
  return addWorkingDays(assignedOn, 3);
}

/** A period of working days as a deadline of the case (for `openDeadline`). */
function workingDaysDeadline(
  start: IsoDate,
  count: number,
  labels: { zh: string; en: string; basis: string },
): Deadline {
  const end = addWorkingDays(start, count);
  return {
    nominalEnd: end,
    end,
    extendedForHoliday: false,
    provisional: false,
    length: count,
    unit: "day",
    labelZh: labels.zh,
    labelEn: labels.en,
    basis: labels.basis,
  };
}

/** The court's time to appoint a mediator, as a case deadline (在线调解规则第十条第三款). */
export function computeAppointmentDeadline(appliedOn: IsoDate): Deadline {
  return workingDaysDeadline(appliedOn, 3, {
    zh: "指定调解员期限",
    en: "Time to appoint a mediator",
    basis: "人民法院在线调解规则第十条",
  });
}

/** The mediator's time to confirm or decline, as a case deadline (在线调解规则第十二条第一款). */
export function computeAcceptanceDeadline(assignedOn: IsoDate): Deadline {
  return workingDaysDeadline(assignedOn, 3, {
    zh: "调解员确认接受期限",
    en: "Time for the mediator to confirm",
    basis: "人民法院在线调解规则第十二条",
  });
}

/** The length of pre-litigation online mediation (在线调解规则第二十四条第一款; 特邀调解规定第二十七条). */
export const PRE_FILING_MEDIATION_DAYS = 30;

/**
 * The last day of the mediation period: 30 days counted from the day the mediator confirmed
 * (在线调解规则第二十四条第二款), plus any days every party agreed to add (第二十四条第一款: 各方当事人同意
 * 延长的，不受此限). The start day is not counted and a period ending on a day off ends on the next
 * working day (民事诉讼法第八十五条).
 */
export function computeMediationPeriod(acceptedOn: IsoDate, extraDays = 0): Deadline {
  const length = PRE_FILING_MEDIATION_DAYS + extraDays;
  return {
    ...computePeriodEnd({ start: acceptedOn, length, unit: "day" }),
    length,
    unit: "day",
    labelZh: "诉前调解期限",
    labelEn: "Pre-litigation mediation period",
    basis:
      extraDays > 0
        ? "人民法院在线调解规则第二十四条（经各方当事人同意延长）"
        : "人民法院在线调解规则第二十四条",
  };
}

/**
 * The day the court receives the filing for the 7-day registration review after a failed mediation:
 * for a filing offered mediation at review, its original submission day (the filing was already
 * received, 民事诉讼法第一百二十六条); for a dispute applied for mediation first, the day the materials are
 * pushed to the court (在线调解规则第二十一条第一项: 由人民法院在法定期限内依法登记立案).
 */
export function registrationReceivedOn(
  origin: "application" | "offered_at_filing",
  submittedOn: IsoDate | null,
  referredOn: IsoDate,
): IsoDate {
  return origin === "offered_at_filing" && submittedOn !== null ? submittedOn : referredOn;
}

// ---------------------------------------------------------------------------------------------
// Mediators and case types
// ---------------------------------------------------------------------------------------------

/**
 * Whether a mediator (or organisation) takes a dispute: an empty list takes every dispute; otherwise
 * the dispute's cause code or case-type code must be listed (在线调解规则第五条第二款: 纠纷受理范围;
 * 第十二条: a dispute outside it may be declined).
 */
export function takesDispute(
  caseTypes: readonly string[],
  dispute: { causeCode: string | null; typeCode: string },
) {
  if (caseTypes.length === 0) return true;
  return (
    caseTypes.includes(dispute.typeCode) ||
    (dispute.causeCode !== null && caseTypes.includes(dispute.causeCode))
  );
}

// ---------------------------------------------------------------------------------------------
// Sides, offers and extensions
// ---------------------------------------------------------------------------------------------

export type Side = "applicant" | "respondent";

/** The side of a party: plaintiffs (and third parties joining them) apply; defendants respond. */
export function sideOfRole(role: "plaintiff" | "defendant" | "third_party"): Side {
  return role === "defendant" ? "respondent" : "applicant";
}

/** The sides the actor speaks for, from the parties they are or represent. */
export function sidesOf(
  ownPartyIds: readonly string[],
  parties: ReadonlyArray<{ id: string; role: "plaintiff" | "defendant" | "third_party" }>,
): Side[] {
  const sides = new Set(parties.filter((p) => ownPartyIds.includes(p.id)).map((p) => sideOfRole(p.role)));
  return [...sides];
}

/**
 * Whether an extension proposal is agreed: every party other than the proposer's side has agreed
 * (在线调解规则第二十四条: 各方当事人同意延长). Returns "refused" as soon as one refuses.
 */
export function extensionState(
  answers: Readonly<Record<string, "agreed" | "refused">>,
  partiesToAnswer: readonly string[],
): "open" | "agreed" | "refused" {
  if (partiesToAnswer.some((id) => answers[id] === "refused")) return "refused";
  return partiesToAnswer.every((id) => answers[id] === "agreed") ? "agreed" : "open";
}

/** Whether the other side's consents so far decide the matter (在线调解规则第十五条). */
export function consentState(
  answers: ReadonlyArray<"pending" | "agreed" | "refused">,
): "pending" | "agreed" | "refused" {
  if (answers.includes("refused")) return "refused";
  return answers.length > 0 && answers.every((a) => a === "agreed") ? "agreed" : "pending";
}

// ---------------------------------------------------------------------------------------------
// Who may act, and what the caller may do next
// ---------------------------------------------------------------------------------------------

/** The acts a caller may be offered in the workspace. */
export type MediationAction =
  | "consent_to_offer"
  | "decline_offer"
  | "assign_mediator"
  | "accept_assignment"
  | "decline_assignment"
  | "answer_consent"
  | "post_message"
  | "schedule_session"
  | "make_offer"
  | "answer_offer"
  | "upload_document"
  | "propose_extension"
  | "answer_extension"
  | "record_failure"
  | "withdraw"
  | "refer_to_filing"
  | "draft_agreement";

export interface ActionFacts {
  status: MediationStatus;
  origin: "application" | "offered_at_filing";
  /** The caller is the case's filer (the applicant). */
  isFiler: boolean;
  /** Sides the caller speaks for. */
  sides: readonly Side[];
  /** The caller's side has a pending consent to give (在线调解规则第十五条). */
  hasPendingConsent: boolean;
  /** An open offer by the other side awaits the caller's answer. */
  hasOfferToAnswer: boolean;
  /** An open extension proposal awaits an answer from one of the caller's parties. */
  hasExtensionToAnswer: boolean;
  hasOpenExtension: boolean;
}

/** What the caller may do next; the UI shows exactly these (STYLE.md: the presenter tells the UI). */
export function allowedActions(relation: MediationRelation, facts: ActionFacts): MediationAction[] {
  const actions: MediationAction[] = [];
  const add = (action: MediationAction, when: boolean) => {
    if (when) actions.push(action);
  };
  const isSideActor = relation.kind === "party" || relation.kind === "agent";
  const isRunning = running.includes(facts.status);
  const inProgress = facts.status === "in_progress";
  add("consent_to_offer", facts.isFiler && canAct(facts.status, "consentToOffer"));
  add("decline_offer", facts.isFiler && canAct(facts.status, "declineOffer"));
  add("assign_mediator", relation.kind === "court_staff" && canAct(facts.status, "assignMediator"));
  add("accept_assignment", relation.kind === "mediator" && canAct(facts.status, "acceptAssignment"));
  add("decline_assignment", relation.kind === "mediator" && canAct(facts.status, "declineAssignment"));
  add(
    "answer_consent",
    isRunning &&
      ((isSideActor && facts.hasPendingConsent) || (relation.kind === "mediator" && facts.hasPendingConsent)),
  );
  add(
    "post_message",
    (isSideActor || relation.kind === "mediator") && (inProgress || facts.status === "awaiting_acceptance"),
  );
  add("schedule_session", relation.kind === "mediator" && inProgress);
  // 在线调解规则第十九条: the mediator draws up the agreement while the mediation runs (a drafted one is
  // redrawn from the agreement's own actions, until someone signs).
  add("draft_agreement", relation.kind === "mediator" && inProgress);
  add("make_offer", isSideActor && inProgress);
  add("answer_offer", isSideActor && inProgress && facts.hasOfferToAnswer);
  add("upload_document", (isSideActor || relation.kind === "mediator") && inProgress);
  add("propose_extension", isSideActor && inProgress && !facts.hasOpenExtension);
  add("answer_extension", isSideActor && inProgress && facts.hasExtensionToAnswer);
  add("record_failure", relation.kind === "mediator" && canAct(facts.status, "recordFailure"));
  add("withdraw", facts.isFiler && canAct(facts.status, "withdrawMediation"));
  add(
    "refer_to_filing",
    facts.isFiler && facts.origin === "application" && canAct(facts.status, "referToFiling"),
  );
  return actions;
}
