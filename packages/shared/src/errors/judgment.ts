import type { ErrorDefinition } from "./types";

/** Errors of the element table (要素式审判): the parties' positions and proposals, the judge's settlement. */
export const judgmentErrors = {
  /** The case's cause has no element table, or the table has no element of that key. */
  element_not_found: {
    status: 404,
    zh: "本案要素表中没有该要素",
    en: "The case's element table has no such element",
  },
  /** The value does not fit the element's kind (amount, date, rate, yes/no, text or duration). */
  element_value_invalid: {
    status: 400,
    zh: "要素值不符合该要素的类型要求",
    en: "The value does not fit the element's type",
  },
  /** A party disputing an element says why. */
  element_dispute_reason_required: {
    status: 400,
    zh: "对要素提出异议，应当说明理由",
    en: "Disputing an element needs a reason",
  },
  /** The caller is not a plaintiff or defendant of the case, nor their agent, or not of the side named. */
  element_not_your_side: {
    status: 403,
    zh: "您只能就本方当事人的要素意见作出表示",
    en: "You can only mark elements for your own side",
  },
  /** The judge has settled the element: the parties' positions and proposals are closed. */
  element_settled: {
    status: 409,
    zh: "法官已认定该要素，不能再修改确认意见或建议值",
    en: "The judge has settled this element; positions and proposals are closed",
  },
  /** Both sides agreed the element's value; a new value is not proposed unless one side withdraws. */
  element_agreed: {
    status: 409,
    zh: "双方已确认该要素，不能再提出新的建议值",
    en: "Both sides agreed this element; no new value can be proposed",
  },
  /** There is no value to agree to yet: propose one, or dispute. */
  element_no_value: {
    status: 409,
    zh: "该要素尚无建议值，无法确认",
    en: "The element has no proposed value to agree to",
  },
  /** No element is agreed by both sides and still unsettled. */
  element_none_agreed: {
    status: 409,
    zh: "没有双方均确认且尚未认定的要素",
    en: "No element is agreed by both sides and still unsettled",
  },
  /** An item of evidence named in a settlement is not an item of this case. */
  element_evidence_unknown: {
    status: 400,
    zh: "所依据的证据不属于本案",
    en: "An item of evidence relied on is not part of this case",
  },
} as const satisfies Record<string, ErrorDefinition>;
