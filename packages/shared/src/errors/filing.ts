import type { ErrorDefinition } from "./types";

/** Errors of online filing, fees and the filing review. */
export const filingErrors = {
  /** The complaint lacks required content; `details` lists each item and field. */
  filing_incomplete: { status: 422, zh: "起诉材料不完整", en: "The complaint is incomplete" },
  /** Online filing needs a verified identity (在线诉讼规则第七条). */
  identity_not_verified: { status: 403, zh: "请先完成实名认证", en: "Please verify your identity first" },
  /** The cause of action is outside what an Internet court hears (互联网法院规定第二条). */
  outside_internet_court_jurisdiction: {
    status: 422,
    zh: "该案由不属于互联网法院集中管辖的范围",
    en: "Internet courts do not hear this cause of action",
  },
  /** The court does not hear first-instance cases filed online (民事诉讼法第十八条, 行政诉讼法第十四条). */
  court_level_not_first_instance: {
    status: 422,
    zh: "该法院不受理第一审案件的网上立案，请选择有管辖权的基层人民法院或互联网法院",
    en: "This court does not hear first-instance cases filed here; choose a basic-level or Internet court with jurisdiction",
  },
  /** The small-claims procedure does not fit the case (民事诉讼法第一百六十五条). */
  small_claims_not_eligible: {
    status: 422,
    zh: "本案不适用小额诉讼程序",
    en: "The small-claims procedure does not apply to this case",
  },
  /** The fee must be paid before registration. */
  fee_not_paid: { status: 409, zh: "诉讼费尚未交纳", en: "The fee has not been paid" },
  /** No fee order is open for payment. */
  fee_not_payable: { status: 409, zh: "当前没有待交纳的诉讼费", en: "There is no fee to pay" },
  /** A payment notification failed its signature check or is malformed. */
  payment_notification_invalid: { status: 400, zh: "支付通知无效", en: "Invalid payment notification" },
  /** A signed payment notification already received: the same signed message is accepted once. */
  payment_notification_replayed: {
    status: 409,
    zh: "该支付通知已接收，不得重复提交",
    en: "This payment notification was already received",
  },
  /** A notification contradicts the fee order (another amount, or "failed" for a paid order); it is audited. */
  payment_notification_conflict: {
    status: 409,
    zh: "支付通知与缴费订单不符",
    en: "The payment notification contradicts the fee order",
  },
  /** The fee order named by a notification does not exist. */
  fee_order_not_found: { status: 404, zh: "缴费订单不存在", en: "Fee order not found" },
  /** The fee quote request is invalid; details name each problem. */
  fee_input_invalid: { status: 400, zh: "诉讼费计算参数有误", en: "Invalid fee calculation input" },
  /** The file is not a complaint text the extractor can read (.docx or .txt). */
  extraction_input_invalid: {
    status: 415,
    zh: "仅支持 .docx 或 .txt 起诉状",
    en: "Only .docx or .txt complaints can be read",
  },
  /**
   * The filer named in the complaint is not the account holder (人民法院在线诉讼规则第七条): a party who
   * files is the verified account itself, anyone else files as that party's agent under a power of
   * attorney (民事诉讼法第六十一条、第六十二条). `details` name the fields.
   */
  filer_not_account_holder: {
    status: 400,
    zh: "提交人须为本账户实名认证的当事人本人，或持授权委托书的代理人",
    en: "The filer must be the verified account holder, or an agent with a power of attorney",
  },
} as const satisfies Record<string, ErrorDefinition>;
