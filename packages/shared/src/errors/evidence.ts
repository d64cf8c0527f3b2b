import type { ErrorDefinition } from "./types";

/** Errors of evidence exchange: catalogues, periods, cross-examination and the judge's decisions. */
export const evidenceErrors = {
  /** No such item of evidence in this case, or the caller may not see it. */
  evidence_item_not_found: { status: 404, zh: "证据不存在或无权查看", en: "Item of evidence not found" },
  /** No such request for more time or for leave in this case. */
  evidence_request_not_found: { status: 404, zh: "申请不存在", en: "Request not found" },
  /** The caller is not a party (or a party's agent) of the case. */
  evidence_not_a_party: {
    status: 403,
    zh: "您不是本案当事人或其代理人",
    en: "You are not a party to this case or a party's agent",
  },
  /** 民诉法解释第九十九条、第二百六十六条、第二百七十五条: the length is outside what the procedure allows. */
  evidence_period_invalid: {
    status: 400,
    zh: "期限长度不符合本案适用程序的规定",
    en: "The period's length is not allowed for this case's procedure",
  },
  /** 民诉法解释第一百条: there is no period to extend yet. */
  evidence_period_not_set: {
    status: 409,
    zh: "法院尚未指定举证期限",
    en: "The court has not set a period for evidence",
  },
  /** 民事诉讼法第六十八条; 民诉法解释第一百零一条: the period has ended and the court gave no leave. */
  evidence_period_expired: {
    status: 409,
    zh: "举证期限已届满，未经法院准许不能提交证据",
    en: "The period for evidence has ended; evidence needs the court's leave",
  },
  /** 民诉法解释第一百条: an extension is asked for before the period ends; afterwards, leave to submit late. */
  evidence_request_wrong_time: {
    status: 409,
    zh: "延长举证期限应在期限届满前申请；届满后请申请逾期提交",
    en: "An extension is asked for before the period ends; after it, ask for leave to submit late",
  },
  /** The request was already decided, or one of its kind is pending. */
  evidence_request_conflict: {
    status: 409,
    zh: "该申请已处理，或同类申请尚未处理",
    en: "The request was already decided, or one of its kind is pending",
  },
  /** The item was submitted or withdrawn and no longer changes. */
  evidence_item_conflict: {
    status: 409,
    zh: "证据已提交或已撤回，不能再修改",
    en: "The item was submitted or withdrawn and can no longer change",
  },
  /** 证据规定第十九条: a catalogue is submitted with at least one item. */
  evidence_catalogue_empty: {
    status: 409,
    zh: "证据目录中没有待提交的证据",
    en: "The catalogue has no item to submit",
  },
  /** 在线诉讼规则第十一条: each item submitted online carries its file. */
  evidence_item_without_file: {
    status: 409,
    zh: "每项证据须上传至少一个文件",
    en: "Each item needs at least one file",
  },
  /** 证据规定第六十二条: a party gives opinions on the other side's evidence, never on its own. */
  evidence_opinion_own_item: {
    status: 403,
    zh: "不能对本方的证据发表质证意见",
    en: "You cannot give an opinion on your own side's evidence",
  },
  /** 在线诉讼规则第十七条、第十八条: an opinion disputing a ledger-verified item states its ground and reasons. */
  evidence_opinion_incomplete: {
    status: 400,
    zh: "质证意见不完整：对经区块链核验的证据提出异议，应当说明理由",
    en: "The opinion is incomplete: disputing a ledger-verified item needs its ground and reasons",
  },
  /** 在线诉讼规则第十四条第三款: opinions are given within the period the court set. */
  cross_examination_period_expired: {
    status: 409,
    zh: "质证期限已届满",
    en: "The period for cross-examination has ended",
  },
  /** The item is not yet submitted, or the judge has decided on it. */
  evidence_not_open_for_opinion: {
    status: 409,
    zh: "该证据尚未提交或已认定，不能发表质证意见",
    en: "The item is not submitted yet, or already decided",
  },
  /** 证据规定第八十五条: the decision states its reasons. */
  evidence_decision_incomplete: {
    status: 400,
    zh: "认定意见须说明理由",
    en: "The decision needs its reasons",
  },
} as const satisfies Record<string, ErrorDefinition>;
