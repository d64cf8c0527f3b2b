import type { ErrorDefinition } from "./types";

/** Errors of mediation agreements, their online signature and judicial confirmation (司法确认). */
export const judicialConfirmationErrors = {
  /** The mediation has no agreement yet, or the caller may not see it. */
  agreement_not_found: { status: 404, zh: "调解协议不存在", en: "No mediation agreement found" },
  /** The agreement cannot be drafted, redrafted or signed in the mediation's current status. */
  agreement_status_conflict: {
    status: 409,
    zh: "调解协议当前状态不允许该操作",
    en: "This cannot be done to the mediation agreement in its current status",
  },
  /** Someone has already signed: the agreement can no longer be redrafted (人民法院在线调解规则第十九条). */
  agreement_already_signed: {
    status: 409,
    zh: "已有当事人签署调解协议，不能再修改",
    en: "The agreement has been signed and can no longer be changed",
  },
  /** The version the signer read is not the current one; read the agreement again before signing. */
  agreement_changed: {
    status: 409,
    zh: "调解协议已修改，请阅读最新版本后再签署",
    en: "The agreement was changed; read the current version before signing",
  },
  /** The caller has already signed this agreement for every side they can sign for. */
  agreement_signature_exists: {
    status: 409,
    zh: "您已签署该调解协议",
    en: "You have already signed this agreement",
  },
  /** The terms name someone who is not a party to the mediation. */
  agreement_terms_invalid: {
    status: 422,
    zh: "调解协议内容有误",
    en: "The terms of the agreement are invalid",
  },
  /** Judicial confirmation needs an agreement every party has signed (人民法院在线调解规则第十九条). */
  agreement_not_signed: {
    status: 409,
    zh: "调解协议尚未经各方签署生效，不能申请司法确认",
    en: "The agreement has not been signed by every party and is not yet effective",
  },
  /** More than 30 days since the agreement took effect (民事诉讼法第二百零五条). */
  confirmation_out_of_time: {
    status: 409,
    zh: "已超过调解协议生效之日起三十日的申请期限",
    en: "The 30 days to apply from the day the agreement took effect have passed",
  },
  /** This party has already applied or joined the application. */
  confirmation_already_applied: {
    status: 409,
    zh: "您已提出司法确认申请",
    en: "You have already applied for judicial confirmation",
  },
  /** No application is open to join: one party must apply first. */
  confirmation_not_started: {
    status: 409,
    zh: "尚无待共同提出的司法确认申请",
    en: "No application for judicial confirmation is open to join",
  },
  /** No such judicial confirmation, or the caller may not see it. */
  confirmation_not_found: {
    status: 404,
    zh: "司法确认案件不存在或无权查看",
    en: "Judicial confirmation not found",
  },
  /** The act is not allowed in the confirmation's current status. */
  confirmation_status_conflict: {
    status: 409,
    zh: "司法确认案件当前状态不允许该操作",
    en: "This cannot be done in the confirmation's current status",
  },
  /** The court has already ruled on the application: it can no longer be withdrawn (民诉法解释第三百五十七条). */
  confirmation_already_decided: {
    status: 409,
    zh: "法院已就司法确认申请作出裁定，不能再撤回申请",
    en: "The court has already ruled on the application; it can no longer be withdrawn",
  },
  /** A ground that is not in the rules, or none at all. */
  confirmation_grounds_invalid: {
    status: 422,
    zh: "请选择法定的理由",
    en: "Choose grounds the rules provide for",
  },
} as const satisfies Record<string, ErrorDefinition>;
