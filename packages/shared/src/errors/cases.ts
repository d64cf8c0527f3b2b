import type { ErrorDefinition } from "./types";

/** Errors of the case aggregate. */
export const casesErrors = {
  /** No such case, or the caller may not see it. */
  case_not_found: { status: 404, zh: "案件不存在或无权查看", en: "Case not found" },
  /** The act is not allowed in the case's current status. */
  case_status_conflict: {
    status: 409,
    zh: "案件当前状态不允许该操作",
    en: "This cannot be done in the case's current status",
  },
  /** The case changed since the caller loaded it (stale version). */
  case_version_conflict: {
    status: 409,
    zh: "案件已被他人修改，请刷新后重试",
    en: "The case was changed meanwhile; reload and try again",
  },
  /** The court has no active judge who could take the case. */
  no_eligible_judge: {
    status: 409,
    zh: "本院暂无可分配的承办法官",
    en: "No judge of this court is available for assignment",
  },
  /** The case code is unknown (or mistyped). */
  case_code_invalid: { status: 404, zh: "案件码无效", en: "Unknown case code" },
  /** The case code has already linked an account. */
  case_code_used: { status: 409, zh: "该案件码已使用", en: "This case code has already been used" },
  /** The plaintiff gave no ID number for the party: the court must confirm who the party is. */
  party_identity_not_on_file: {
    status: 409,
    zh: "起诉材料中未载明该当事人的身份证件号码，请联系法院核实身份",
    en: "The complaint gives no ID number for this party; please contact the court to confirm your identity",
  },
  /** The verified identity of the account is not the party's. */
  party_identity_mismatch: {
    status: 403,
    zh: "您的实名身份与该当事人信息不一致",
    en: "Your verified identity does not match this party",
  },
  /** Only a defendant (or their agent) may do this. */
  not_a_defendant: {
    status: 403,
    zh: "仅被告或其代理人可以办理",
    en: "Only a defendant or their agent may do this",
  },
  /** The answer period has passed (民事诉讼法第一百二十八条). */
  answer_period_expired: { status: 409, zh: "答辩期已届满", en: "The time to answer has passed" },
  /** The answer was already submitted. */
  answer_already_submitted: { status: 409, zh: "答辩状已提交", en: "The answer has already been submitted" },
  /** There is no answer draft to submit. */
  answer_not_found: { status: 404, zh: "尚无答辩状草稿", en: "No answer draft" },
  /** The answer responds to a claim the complaint does not have. */
  answer_claim_unknown: {
    status: 400,
    zh: "答辩意见对应的诉讼请求不存在",
    en: "The answer responds to a claim the complaint does not have",
  },
  /** No such jurisdiction objection in this case. */
  objection_not_found: { status: 404, zh: "管辖权异议不存在", en: "Objection not found" },
  /** The objection has already been decided, or another is pending. */
  objection_conflict: {
    status: 409,
    zh: "管辖权异议已裁定或尚有未决异议",
    en: "The objection is already decided, or another is pending",
  },
  /** 民事诉讼法第一百三十条: a case is transferred only on an objection to jurisdiction the court upheld. */
  transfer_not_upheld: {
    status: 409,
    zh: "本案没有经裁定成立的管辖权异议，不能移送",
    en: "No objection to jurisdiction has been upheld in this case, so it cannot be transferred",
  },
  /** 民事诉讼法第一百五十八条: the ruling is not yet in force (appeal period running, or not yet served). */
  ruling_not_effective: {
    status: 409,
    zh: "管辖权异议裁定尚未发生法律效力，上诉期届满后方可移送",
    en: "The ruling on jurisdiction has not taken effect yet; the case can be transferred once the time to appeal is over",
  },
  /** The receiving court is not named, and the objection proposed none. */
  receiving_court_required: {
    status: 400,
    zh: "请填写受移送的法院",
    en: "Name the court the case is transferred to",
  },
  /** No such counterclaim in this case. */
  counterclaim_not_found: { status: 404, zh: "反诉不存在", en: "Counterclaim not found" },
  /** The counterclaim's fee cannot be quoted from its claims. */
  counterclaim_fee_invalid: {
    status: 400,
    zh: "反诉请求金额无法计算诉讼费",
    en: "The counterclaim's amounts do not give a fee",
  },
  /** 民事诉讼法第六十一条: a party appoints one or two agents. */
  agent_limit_reached: {
    status: 409,
    zh: "每名当事人可以委托一至二人作为诉讼代理人",
    en: "A party may appoint one or two agents ad litem",
  },
  /** No verified account has this phone number or e-mail address. */
  agent_account_not_found: {
    status: 400,
    zh: "未找到已实名认证的代理人账户",
    en: "No verified account has this phone number or e-mail address",
  },
  /** The agent's account cannot act as this kind of agent (a lawyer needs a lawyer's account). */
  agent_not_qualified: {
    status: 400,
    zh: "该账户不具备所选代理人身份",
    en: "This account cannot act as this kind of agent",
  },
  /** No such agent in this case. */
  agent_not_found: { status: 404, zh: "诉讼代理人不存在", en: "Agent not found" },
  /** 民事诉讼法第六十二条: this act needs the party's special authority. */
  special_authority_required: {
    status: 403,
    zh: "该诉讼行为需要委托人的特别授权",
    en: "This act needs the party's special authority",
  },
} as const satisfies Record<string, ErrorDefinition>;
