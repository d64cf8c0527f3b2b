// Mediation agreements, their online signature and judicial confirmation (司法确认) as pure rules:
// who must sign, the periods (counted with the court calendar, 民事诉讼法第八十五条) and the grounds a
// court may give. Dates are court days (`YYYY-MM-DD`, Asia/Shanghai) passed in.

import type { Deadline } from "../cases/index";
import { computePeriodEnd, type IsoDate } from "../courts/index";

/**
 * The 类型代字 of a judicial confirmation case. 若干规定第四条 (2011) spoke of "调确字"; since
 * 关于人民法院案件案号的若干规定 (法〔2015〕137号, in force 2016-01-01) a confirmation of a mediation
 * agreement is a special-procedure case (民事诉讼法第十五章第六节, 第一百八十四条) numbered 民特.
 */
export const CONFIRMATION_TYPE_CODE = "民特";

function deadline(
  start: IsoDate,
  length: number,
  labels: { zh: string; en: string; basis: string },
): Deadline {
  return {
    ...computePeriodEnd({ start, length, unit: "day" }),
    length,
    unit: "day",
    labelZh: labels.zh,
    labelEn: labels.en,
    basis: labels.basis,
  };
}

/**
 * The last day to apply for judicial confirmation: 30 days from the day the agreement took effect
 * (民事诉讼法第二百零五条; 人民调解法第三十三条), the day itself not counted and a last day off moved to
 * the next working day (第八十五条).
 */
export function computeConfirmationApplicationDeadline(effectiveOn: IsoDate): Deadline {
  return deadline(effectiveOn, 30, {
    zh: "申请司法确认期限",
    en: "Time to apply for judicial confirmation",
    basis: "民事诉讼法第二百零五条",
  });
}

/** The court decides whether to accept within 3 days of the application (若干规定第四条第一款). */
export function computeConfirmationAcceptanceDeadline(appliedOn: IsoDate): Deadline {
  return deadline(appliedOn, 3, {
    zh: "司法确认受理审查期限",
    en: "Time to decide whether to accept an application for judicial confirmation",
    basis: "最高人民法院关于人民调解协议司法确认程序的若干规定第四条",
  });
}

/**
 * The court decides within 15 days of acceptance, 10 more with the president's approval
 * (若干规定第五条第一款).
 */
export function computeConfirmationDecisionDeadline(acceptedOn: IsoDate, extended = false): Deadline {
  return deadline(acceptedOn, extended ? 25 : 15, {
    zh: "司法确认审查期限",
    en: "Time to decide on judicial confirmation",
    basis: extended
      ? "最高人民法院关于人民调解协议司法确认程序的若干规定第五条（经院长批准延长）"
      : "最高人民法院关于人民调解协议司法确认程序的若干规定第五条",
  });
}

/** True while the application period has not ended on `today`. */
export function isWithinApplicationPeriod(effectiveOn: IsoDate, today: IsoDate): boolean {
  return today <= computeConfirmationApplicationDeadline(effectiveOn).end;
}

// ---------------------------------------------------------------------------------------------
// Signatures — 人民法院在线调解规则第十九条; 互联网法院规定第十九条; 在线诉讼规则第三十三条
// ---------------------------------------------------------------------------------------------

export interface SignatureState {
  partyIds: readonly string[];
  /** Party ids that have signed (in person or by an agent). */
  signedPartyIds: readonly string[];
  mediatorSigned: boolean;
}

/** Who still has to sign: the parties without a signature, and the mediator if not yet. */
export function pendingSignatures(state: SignatureState): { partyIds: string[]; mediator: boolean } {
  const signed = new Set(state.signedPartyIds);
  return {
    partyIds: state.partyIds.filter((id) => !signed.has(id)),
    mediator: !state.mediatorSigned,
  };
}

/**
 * 在线调解规则第十九条: the parties and the mediator e-sign the agreement, and it takes effect the moment
 * every party has signed. The platform takes the mediator's signature as part of the same act, so the
 * agreement takes effect with the last of all required signatures.
 */
export function isFullySigned(state: SignatureState): boolean {
  const pending = pendingSignatures(state);
  return state.partyIds.length > 0 && pending.partyIds.length === 0 && !pending.mediator;
}

/**
 * The parties the signer signs for: those they are in person or represent, not yet signed. A party
 * signs once, in person or through one agent.
 */
export function partiesToSignFor(
  ownPartyIds: readonly string[],
  signedPartyIds: readonly string[],
): string[] {
  const signed = new Set(signedPartyIds);
  return ownPartyIds.filter((id) => !signed.has(id));
}

// ---------------------------------------------------------------------------------------------
// The joint application — 民事诉讼法第二百零五条; 民诉法解释第三百五十一条、第三百五十三条
// ---------------------------------------------------------------------------------------------

/**
 * The application is made jointly (共同提出) once every party has applied in person or by its agent:
 * each party's own online act is its signature (在线诉讼规则第三十三条), so no party can apply in
 * another's name.
 */
export function isJointlyApplied(partyIds: readonly string[], appliedPartyIds: readonly string[]): boolean {
  const applied = new Set(appliedPartyIds);
  return partyIds.length > 0 && partyIds.every((id) => applied.has(id));
}

// ---------------------------------------------------------------------------------------------
// Grounds
// ---------------------------------------------------------------------------------------------

export interface Ground {
  zh: string;
  en: string;
  basis: string;
}

/** Why a court does not accept an application (若干规定第四条第二款; 民诉法解释第三百五十五条). */
export const refusalGrounds = {
  outside_court_scope: {
    zh: "不属于人民法院受理范围",
    en: "The matter is not one the people's courts accept",
    basis: "民诉法解释第三百五十五条第一款第一项",
  },
  outside_jurisdiction: {
    zh: "不属于收到申请的人民法院管辖",
    en: "The court receiving the application has no jurisdiction",
    basis: "民诉法解释第三百五十五条第一款第二项",
  },
  personal_status: {
    zh: "申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除",
    en: "The application concerns the validity or dissolution of a status relationship (marriage, parentage, adoption)",
    basis: "民诉法解释第三百五十五条第一款第三项",
  },
  other_special_procedure: {
    zh: "涉及适用其他特别程序、公示催告程序、破产程序审理",
    en: "The matter falls under another special procedure, public summons or bankruptcy",
    basis: "民诉法解释第三百五十五条第一款第四项",
  },
  ownership_determination: {
    zh: "调解协议内容涉及物权、知识产权确权",
    en: "The agreement determines ownership of property or intellectual-property rights",
    basis: "民诉法解释第三百五十五条第一款第五项",
  },
} as const satisfies Record<string, Ground>;

export type RefusalGround = keyof typeof refusalGrounds;
export const refusalGroundCodes = Object.keys(refusalGrounds) as [RefusalGround, ...RefusalGround[]];

/**
 * Why a court dismisses an application (民事诉讼法第二百零六条; 民诉法解释第三百五十八条; 若干规定第七条), and
 * false mediation (人民法院在线调解规则第二十三条).
 */
export const dismissalGrounds = {
  violates_mandatory_law: {
    zh: "违反法律强制性规定",
    en: "The agreement violates mandatory provisions of law",
    basis: "民诉法解释第三百五十八条第一项",
  },
  harms_public_or_others: {
    zh: "损害国家利益、社会公共利益、他人合法权益",
    en: "The agreement harms the interests of the State, the public or others",
    basis: "民诉法解释第三百五十八条第二项",
  },
  against_public_order: {
    zh: "违背公序良俗",
    en: "The agreement is contrary to public order and good morals",
    basis: "民诉法解释第三百五十八条第三项",
  },
  not_voluntary: {
    zh: "违反自愿原则",
    en: "The agreement was not made voluntarily",
    basis: "民诉法解释第三百五十八条第四项",
  },
  unclear_content: {
    zh: "内容不明确",
    en: "The content of the agreement is unclear",
    basis: "民诉法解释第三百五十八条第五项",
  },
  false_mediation: {
    zh: "当事人可能采取恶意串通、伪造证据、捏造事实、虚构法律关系等手段实施虚假调解，侵害他人合法权益",
    en: "The parties may have staged a false mediation (collusion, forged evidence, invented facts or legal relations) harming others",
    basis: "人民法院在线调解规则第二十三条",
  },
  outside_scope_after_acceptance: {
    zh: "受理后发现有不予受理情形",
    en: "After acceptance the court found a ground on which it should not have accepted",
    basis: "民诉法解释第三百五十五条第二款",
  },
  other: {
    zh: "其他不能进行司法确认的情形",
    en: "Another reason the agreement cannot be confirmed",
    basis: "民诉法解释第三百五十八条第六项",
  },
} as const satisfies Record<string, Ground>;

export type DismissalGround = keyof typeof dismissalGrounds;
export const dismissalGroundCodes = Object.keys(dismissalGrounds) as [DismissalGround, ...DismissalGround[]];

// ---------------------------------------------------------------------------------------------
// The confirmation's own status machine
// ---------------------------------------------------------------------------------------------

export type ConfirmationStatus =
  "awaiting_parties" | "applied" | "accepted" | "refused" | "confirmed" | "dismissed" | "withdrawn";

export type ConfirmationAct = "join" | "accept" | "refuse" | "extend" | "decide" | "withdraw";

const confirmationMoves: Record<ConfirmationAct, readonly ConfirmationStatus[]> = {
  // 民事诉讼法第二百零五条: the parties apply together.
  join: ["awaiting_parties"],
  // 若干规定第四条: the court accepts or refuses within three days of the (joint) application.
  accept: ["applied"],
  refuse: ["applied"],
  // 若干规定第五条第一款: the president may allow 10 more days while the review runs.
  extend: ["accepted"],
  // 民事诉讼法第二百零六条; 若干规定第五条: the judge decides on an accepted application.
  decide: ["accepted"],
  // 民诉法解释第三百五十七条第一款; 若干规定第五条第二款: before the ruling an applicant may withdraw.
  withdraw: ["awaiting_parties", "applied", "accepted"],
};

/** True when the act is allowed from the status. */
export function canActOnConfirmation(status: ConfirmationStatus, act: ConfirmationAct): boolean {
  return confirmationMoves[act].includes(status);
}

/** The confirmation has been ruled on (confirmed or dismissed): nothing is left to withdraw. */
export function isDecided(status: ConfirmationStatus): boolean {
  return status === "confirmed" || status === "dismissed";
}

/**
 * How a withdrawal ends the application. Before acceptance no case was opened (若干规定第四条: the court
 * numbers the case when it accepts), so the application is just closed; once accepted, the court rules
 * to allow it (民诉法解释第三百五十七条第一款: 人民法院可以裁定准许; 若干规定第五条第二款: 应当准许) with a
 * 民事裁定书 served on the parties. Null when the status allows no withdrawal.
 */
export function withdrawalOutcome(status: ConfirmationStatus): "closed" | "ruling" | null {
  if (!canActOnConfirmation(status, "withdraw")) return null;
  return status === "accepted" ? "ruling" : "closed";
}

/**
 * The parties the caller may withdraw for: those it is or represents with special authority
 * (民事诉讼法第六十二条) that have applied. A party that never applied has nothing to withdraw.
 */
export function partiesToWithdrawFor(
  authorisedPartyIds: readonly string[],
  appliedPartyIds: readonly string[],
): string[] {
  const applied = new Set(appliedPartyIds);
  return authorisedPartyIds.filter((id) => applied.has(id));
}
