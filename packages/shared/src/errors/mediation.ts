import type { ErrorDefinition } from "./types";

/** Errors of pre-litigation mediation: the court's mediators, applications, offers and the period. */
export const mediationErrors = {
  /** No such mediation, or the caller may not see it. */
  mediation_not_found: { status: 404, zh: "调解案件不存在或无权查看", en: "Mediation not found" },
  /** The act is not possible in the mediation's current status; `details` name the status. */
  mediation_status_conflict: {
    status: 409,
    zh: "调解当前状态不允许该操作",
    en: "This cannot be done in the mediation's current status",
  },
  /** The dispute lacks what an application for mediation needs (人民法院在线调解规则第八条). */
  mediation_application_incomplete: {
    status: 422,
    zh: "调解申请材料不完整",
    en: "The application for mediation is incomplete",
  },
  /** The mediation organisation is not on this court's register. */
  mediation_organisation_not_found: {
    status: 404,
    zh: "特邀调解组织不存在",
    en: "Mediation organisation not found",
  },
  /** The mediator is not on this court's register, or no longer active. */
  mediator_not_found: { status: 404, zh: "特邀调解员不存在", en: "Mediator not found" },
  /** The account does not hold the mediator role at this court (在线调解规则第二十七条). */
  mediator_role_missing: {
    status: 422,
    zh: "该账号不是本院调解员",
    en: "The account is not a mediator of this court",
  },
  /** The mediator is already on this court's register. */
  mediator_already_registered: {
    status: 409,
    zh: "该调解员已在本院名册中",
    en: "The mediator is already on this court's register",
  },
  /** The mediator does not take disputes of this type (在线调解规则第五条: 纠纷受理范围). */
  mediator_not_eligible: {
    status: 422,
    zh: "该调解员不受理此类纠纷",
    en: "The mediator does not take disputes of this type",
  },
  /** No such offer in this mediation. */
  mediation_offer_not_found: { status: 404, zh: "调解方案不存在", en: "Offer not found" },
  /** The offer was already answered. */
  mediation_offer_not_open: {
    status: 409,
    zh: "该调解方案已答复",
    en: "The offer has already been answered",
  },
  /** A side cannot accept, reject or counter its own offer. */
  mediation_offer_own_side: {
    status: 409,
    zh: "不能答复本方提出的方案",
    en: "A side cannot answer its own offer",
  },
  /** No open proposal to extend the period, or the caller has answered it. */
  mediation_extension_not_open: {
    status: 409,
    zh: "没有待答复的延长调解期限提议",
    en: "There is no open proposal to extend the period",
  },
  /** The caller's side has already answered whether it agrees to mediate (在线调解规则第十五条). */
  mediation_consent_answered: {
    status: 409,
    zh: "已答复是否同意调解",
    en: "Your side has already answered whether it agrees to mediate",
  },
} as const satisfies Record<string, ErrorDefinition>;
