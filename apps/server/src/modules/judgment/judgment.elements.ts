// Element tables (要素表) for the case types the Internet courts hear most: the facts a judgment
// must find for each cause, each with its legal basis, the kind of value it takes, the evidence that
// usually proves it and, where the complaint already states it, the extracted field that pre-fills it.
// The judge confirms or corrects every value; a pre-filled value is a proposal, never a finding.
//
// Legal bases are cited as the platform cites them elsewhere ("民法典第五百八十五条第二款"); several
// are joined by "；". LAW_TITLES gives the full title of every law named, so the citations can be
// checked against the law texts.

/** The kinds of value an element takes. */
export const elementValueTypes = ["amount", "date", "rate", "boolean", "text", "duration"] as const;
export type ElementValueType = (typeof elementValueTypes)[number];

/**
 * Fields of the complaint extraction (filing context, ComplaintExtraction) that can pre-fill an
 * element, with the path of the field they read.
 */
export const PREFILL_SOURCES = {
  "claims.total": "claimsTotalFen",
  "claims.interest.base": "claims[].interest.baseFen",
  "claims.interest.rate": "claims[].interest.rate",
  "claims.interest.from": "claims[].interest.from",
  "claims.interest.until": "claims[].interest.until",
  "parties.plaintiff.name": "parties[role=plaintiff].name",
  "parties.defendant.name": "parties[role=defendant].name",
  "complaint.evidence": "evidence",
  "complaint.factsAndReasons": "factsAndReasons",
} as const;
export type PrefillSource = keyof typeof PREFILL_SOURCES;

/** The evidence an element is usually proved by. */
export const PROOF_KINDS = {
  order_record: { zh: "订单记录", en: "Order record" },
  payment_record: { zh: "支付凭证", en: "Payment record" },
  product_page: { zh: "商品页面截图", en: "Screenshot of the product page" },
  logistics_record: { zh: "物流签收记录", en: "Delivery and signature record" },
  platform_chat_log: { zh: "平台聊天记录", en: "Platform chat log" },
  after_sales_record: { zh: "退换货及售后记录", en: "Return and after-sales record" },
  inspection_report: { zh: "检验检测报告", en: "Inspection or test report" },
  goods_photos: { zh: "商品实物照片", en: "Photographs of the goods" },
  business_registration: {
    zh: "经营者主体信息（营业执照公示）",
    en: "Business registration shown by the seller",
  },
  loan_contract: { zh: "借款合同", en: "Loan contract" },
  electronic_signature_record: {
    zh: "电子签名及身份认证记录",
    en: "Electronic signature and identity check record",
  },
  transfer_record: { zh: "放款转账凭证", en: "Record of the loan transfer" },
  repayment_record: { zh: "还款记录", en: "Repayment record" },
  account_statement: { zh: "借款账户明细", en: "Loan account statement" },
  guarantee_contract: { zh: "保证合同", en: "Guarantee contract" },
  service_agreement: { zh: "用户服务协议", en: "User service agreement" },
  account_record: { zh: "账户及操作记录", en: "Account and activity record" },
  announcement: { zh: "平台公告及规则", en: "Platform notices and rules" },
  work_registration_certificate: { zh: "作品登记证书", en: "Work registration certificate" },
  authorship_proof: { zh: "作品底稿、首次发表记录", en: "Drafts and first publication record" },
  licence_contract: { zh: "著作权授权许可合同", en: "Copyright licence contract" },
  web_evidence_preservation: {
    zh: "公证书、可信时间戳或区块链存证",
    en: "Notarial certificate, trusted timestamp or blockchain record",
  },
  takedown_notice: { zh: "侵权通知及送达记录", en: "Takedown notice and proof of its receipt" },
  expense_receipts: { zh: "维权费用票据", en: "Receipts for enforcement expenses" },
  party_statement: { zh: "当事人陈述", en: "Statements of the parties" },
} as const;
export type ProofKind = keyof typeof PROOF_KINDS;

/** The kinds of loan the loan table serves; some elements apply to some of them only. */
export type LoanKind = "financial" | "small_loan";

export interface JudgmentElement {
  /** Stable key, unique within its table (also the key of the value in a judgment). */
  key: string;
  labelZh: string;
  labelEn: string;
  valueType: ElementValueType;
  /** The legal basis, as Chinese law cites it; several joined by "；". */
  legalBasis: string;
  /** Where the element is usually proved. */
  provedBy: readonly ProofKind[];
  isRequired: boolean;
  prefill?: PrefillSource;
  /** For the loan table: the loan kinds the element applies to (all when absent). */
  onlyFor?: readonly LoanKind[];
}

export interface ElementTable {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Cause ids (cases context, causes.data.ts) the table serves. */
  causeIds: readonly string[];
  elements: readonly JudgmentElement[];
}

/** Full titles of the laws the element tables and amount rules cite, by the short name used. */
export const LAW_TITLES: Readonly<Record<string, string>> = {
  民法典: "中华人民共和国民法典",
  消费者权益保护法: "中华人民共和国消费者权益保护法",
  食品安全法: "中华人民共和国食品安全法",
  电子商务法: "中华人民共和国电子商务法",
  电子签名法: "中华人民共和国电子签名法",
  著作权法: "中华人民共和国著作权法",
  信息网络传播权保护条例: "信息网络传播权保护条例",
  信息网络传播权规定: "最高人民法院关于审理侵害信息网络传播权民事纠纷案件适用法律若干问题的规定",
  "网络消费规定（一）": "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）",
  民间借贷规定: "最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
  合同编通则解释: "最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释",
  诉讼费用交纳办法: "诉讼费用交纳办法",
};

const el = (
  key: string,
  labelZh: string,
  labelEn: string,
  valueType: ElementValueType,
  legalBasis: string,
  provedBy: readonly ProofKind[],
  options: { isRequired?: boolean; prefill?: PrefillSource; onlyFor?: readonly LoanKind[] } = {},
): JudgmentElement => ({
  key,
  labelZh,
  labelEn,
  valueType,
  legalBasis,
  provedBy,
  isRequired: options.isRequired ?? false,
  ...(options.prefill ? { prefill: options.prefill } : {}),
  ...(options.onlyFor ? { onlyFor: options.onlyFor } : {}),
});
const required = { isRequired: true } as const;

// ---- 信息网络买卖合同纠纷（网络购物合同纠纷） -----------------------------------------------------
const ONLINE_SALE: ElementTable = {
  id: "online-sale",
  nameZh: "网络购物合同纠纷（信息网络买卖合同纠纷）",
  nameEn: "Online shopping contract disputes",
  causeIds: ["online-sale-contract"],
  elements: [
    el(
      "order_date",
      "下单日期",
      "Order date",
      "date",
      "民法典第四百九十一条第二款；电子商务法第四十九条第一款",
      ["order_record"],
      required,
    ),
    el(
      "platform",
      "交易平台",
      "Platform",
      "text",
      "电子商务法第九条；消费者权益保护法第四十四条第一款",
      ["order_record", "product_page"],
      required,
    ),
    el(
      "seller",
      "销售者",
      "Seller",
      "text",
      "电子商务法第十五条；网络消费规定（一）第四条",
      ["business_registration", "order_record"],
      { isRequired: true, prefill: "parties.defendant.name" },
    ),
    el(
      "goods",
      "商品名称及规格",
      "Goods and specification",
      "text",
      "民法典第五百九十五条",
      ["order_record", "product_page"],
      required,
    ),
    el(
      "price_paid",
      "实付价款",
      "Price paid",
      "amount",
      "民法典第六百二十六条",
      ["payment_record", "order_record"],
      required,
    ),
    el(
      "delivery_date",
      "签收日期",
      "Date of delivery",
      "date",
      "民法典第五百一十二条第一款；电子商务法第五十一条第一款",
      ["logistics_record"],
      required,
    ),
    el(
      "non_conformity",
      "商品质量不符合约定或者存在缺陷",
      "Goods not as agreed or defective",
      "boolean",
      "民法典第六百一十五条、第六百一十七条；消费者权益保护法第二十三条第一款",
      ["inspection_report", "goods_photos", "product_page", "platform_chat_log"],
    ),
    el(
      "return_request",
      "退货或解除合同的请求及日期",
      "Request to return the goods or terminate, and its date",
      "date",
      "消费者权益保护法第二十四条、第二十五条；民法典第五百六十三条、第六百一十条",
      ["after_sales_record", "platform_chat_log"],
    ),
    el("goods_returned", "已退回商品", "Goods returned", "boolean", "民法典第五百六十六条第一款", [
      "logistics_record",
      "after_sales_record",
    ]),
    el("refund_received", "已退款金额", "Refund received", "amount", "民法典第五百六十六条第一款", [
      "payment_record",
      "after_sales_record",
    ]),
    el("loss_amount", "其他损失", "Other loss", "amount", "民法典第五百八十三条、第五百八十四条", [
      "payment_record",
      "party_statement",
    ]),
    el(
      "seller_fraud",
      "经营者存在欺诈行为",
      "Fraud by the seller",
      "boolean",
      "消费者权益保护法第二十条第一款、第五十五条第一款",
      ["product_page", "platform_chat_log", "inspection_report"],
    ),
    el(
      "food_safety_breach",
      "食品不符合食品安全标准",
      "Food below the food safety standard",
      "boolean",
      "食品安全法第一百四十八条第二款",
      ["inspection_report", "product_page", "goods_photos"],
    ),
    el(
      "amount_claimed",
      "诉讼请求金额",
      "Amount claimed",
      "amount",
      "诉讼费用交纳办法第十三条",
      ["party_statement"],
      { isRequired: true, prefill: "claims.total" },
    ),
  ],
};

// ---- 金融借款合同纠纷 / 小额借款合同纠纷 -----------------------------------------------------------
const LOAN: ElementTable = {
  id: "loan",
  nameZh: "金融借款合同纠纷、小额借款合同纠纷",
  nameEn: "Financial institution and small loan contract disputes",
  causeIds: ["financial-loan-contract", "small-loan-contract"],
  elements: [
    el(
      "contract_date",
      "借款合同签订日期",
      "Date the loan contract was made",
      "date",
      "民法典第四百九十一条第二款、第六百六十八条第一款；电子签名法第十四条",
      ["loan_contract", "electronic_signature_record"],
      required,
    ),
    el(
      "lender",
      "贷款人",
      "Lender",
      "text",
      "民法典第六百六十七条",
      ["loan_contract", "business_registration"],
      { isRequired: true, prefill: "parties.plaintiff.name" },
    ),
    el(
      "borrower",
      "借款人",
      "Borrower",
      "text",
      "民法典第六百六十七条",
      ["loan_contract", "electronic_signature_record"],
      { isRequired: true, prefill: "parties.defendant.name" },
    ),
    el(
      "loan_amount",
      "借款金额",
      "Amount lent",
      "amount",
      "民法典第六百六十八条第二款",
      ["loan_contract"],
      required,
    ),
    el(
      "disbursed",
      "实际放款金额",
      "Amount actually disbursed",
      "amount",
      "民法典第六百七十条、第六百七十一条第一款",
      ["transfer_record", "account_statement"],
      required,
    ),
    el(
      "term",
      "借款期限",
      "Loan term",
      "duration",
      "民法典第六百六十八条第二款、第六百七十五条",
      ["loan_contract"],
      required,
    ),
    el(
      "interest_rate",
      "约定借期内利率（年化）",
      "Agreed annual interest rate",
      "rate",
      "民法典第六百八十条第一款",
      ["loan_contract"],
      { isRequired: true, prefill: "claims.interest.rate" },
    ),
    el(
      "overdue_rate",
      "约定逾期利率（罚息）",
      "Agreed overdue rate (penalty interest)",
      "rate",
      "民法典第六百七十六条",
      ["loan_contract"],
    ),
    el(
      "repaid",
      "已还本金及利息",
      "Principal and interest repaid",
      "amount",
      "民法典第六百七十四条、第六百七十五条",
      ["repayment_record", "account_statement"],
    ),
    el(
      "default_date",
      "逾期起始日",
      "First day overdue",
      "date",
      "民法典第六百七十六条",
      ["account_statement", "repayment_record"],
      { isRequired: true, prefill: "claims.interest.from" },
    ),
    el(
      "acceleration",
      "宣布借款提前到期",
      "Loan declared due early",
      "boolean",
      "民法典第六百七十三条；民法典第五百六十三条",
      ["loan_contract", "account_record"],
    ),
    el(
      "principal_outstanding",
      "欠付本金",
      "Principal outstanding",
      "amount",
      "民法典第六百七十五条",
      ["account_statement", "repayment_record"],
      { isRequired: true, prefill: "claims.interest.base" },
    ),
    el(
      "fees_and_penalty",
      "约定的违约金及其他费用",
      "Agreed penalty and other fees",
      "amount",
      "民法典第五百八十五条",
      ["loan_contract", "account_statement"],
    ),
    el("guarantee", "连带责任保证", "Joint and several guarantee", "boolean", "民法典第六百八十八条", [
      "guarantee_contract",
    ]),
    el(
      "licence_scope",
      "贷款人经批准从事贷款业务（地方金融组织）",
      "Lender licensed for lending (local financial organisation)",
      "boolean",
      "民间借贷规定第一条第二款",
      ["business_registration"],
      { onlyFor: ["small_loan"] },
    ),
  ],
};

// ---- 网络服务合同纠纷 ---------------------------------------------------------------------------
const ONLINE_SERVICE: ElementTable = {
  id: "online-service",
  nameZh: "网络服务合同纠纷",
  nameEn: "Online service contract disputes",
  causeIds: ["online-service-contract"],
  elements: [
    el(
      "agreement_date",
      "注册或订立服务协议日期",
      "Date the service agreement was accepted",
      "date",
      "民法典第四百九十一条第二款",
      ["service_agreement", "account_record"],
      required,
    ),
    el(
      "provider",
      "服务提供者",
      "Service provider",
      "text",
      "电子商务法第九条第一款",
      ["service_agreement", "business_registration"],
      { isRequired: true, prefill: "parties.defendant.name" },
    ),
    el(
      "service",
      "服务内容",
      "Service",
      "text",
      "民法典第五百零九条第一款",
      ["service_agreement", "announcement"],
      required,
    ),
    el("fee_paid", "已付服务费用", "Fee paid", "amount", "民法典第五百零九条第一款", [
      "payment_record",
      "order_record",
    ]),
    el("service_period", "服务期限", "Service period", "duration", "民法典第五百零九条第一款", [
      "service_agreement",
      "order_record",
    ]),
    el(
      "format_clause",
      "争议条款系格式条款",
      "The disputed clause is a standard term",
      "text",
      "民法典第四百九十六条；消费者权益保护法第二十六条",
      ["service_agreement"],
    ),
    el(
      "clause_notice",
      "提供方已以合理方式提示说明",
      "The provider drew attention to and explained the clause",
      "boolean",
      "民法典第四百九十六条第二款",
      ["service_agreement", "account_record"],
    ),
    el(
      "clause_invalid",
      "格式条款无效",
      "The standard term is void",
      "boolean",
      "民法典第四百九十七条；网络消费规定（一）第一条",
      ["service_agreement"],
    ),
    el(
      "breach",
      "违约行为（封号、扣除权益、未提供服务等）",
      "Breach (account suspended, benefits withdrawn, service not provided …)",
      "text",
      "民法典第五百七十七条；电子商务法第七十四条",
      ["account_record", "platform_chat_log", "announcement"],
      required,
    ),
    el("breach_date", "违约发生日期", "Date of the breach", "date", "民法典第五百七十七条", [
      "account_record",
      "platform_chat_log",
    ]),
    el(
      "remedy_request",
      "继续履行或恢复账户的请求",
      "Request for performance or restoring the account",
      "text",
      "民法典第五百七十七条、第五百八十条",
      ["platform_chat_log", "party_statement"],
    ),
    el(
      "loss_amount",
      "损失数额",
      "Loss",
      "amount",
      "民法典第五百八十四条",
      ["account_record", "payment_record"],
      { prefill: "claims.total" },
    ),
    el(
      "termination",
      "合同解除及日期",
      "Termination and its date",
      "date",
      "民法典第五百六十三条、第五百六十六条",
      ["platform_chat_log", "account_record"],
    ),
  ],
};

// ---- 侵害作品信息网络传播权纠纷 -------------------------------------------------------------------
const NETWORK_DISSEMINATION: ElementTable = {
  id: "network-dissemination",
  nameZh: "侵害作品信息网络传播权纠纷",
  nameEn: "Infringement of the right of communication through information networks",
  causeIds: ["infringement-of-network-dissemination-right"],
  elements: [
    el(
      "work",
      "作品名称及类型",
      "Work and its kind",
      "text",
      "著作权法第三条",
      ["work_registration_certificate", "authorship_proof"],
      required,
    ),
    el(
      "right_holder",
      "权利人及权利来源",
      "Right holder and source of the right",
      "text",
      "著作权法第十一条、第十二条第一款",
      ["work_registration_certificate", "authorship_proof", "licence_contract"],
      { isRequired: true, prefill: "parties.plaintiff.name" },
    ),
    el(
      "licence_scope",
      "授权范围及期限（被许可人起诉时）",
      "Scope and term of the licence (a licensee suing)",
      "text",
      "著作权法第十条第二款",
      ["licence_contract"],
    ),
    el(
      "infringer",
      "被诉侵权人",
      "Alleged infringer",
      "text",
      "民法典第一千一百九十四条",
      ["web_evidence_preservation", "business_registration"],
      { isRequired: true, prefill: "parties.defendant.name" },
    ),
    el(
      "infringing_act",
      "通过信息网络提供作品的行为",
      "Making the work available through a network",
      "text",
      "著作权法第十条第一款第（十二）项、第五十二条；信息网络传播权规定第三条",
      ["web_evidence_preservation"],
      required,
    ),
    el(
      "discovery_date",
      "发现及取证日期",
      "Date found and preserved",
      "date",
      "信息网络传播权规定第十五条",
      ["web_evidence_preservation"],
      required,
    ),
    el(
      "role_of_defendant",
      "被告仅提供网络服务（存储、链接等）",
      "The defendant only provides a network service (hosting, linking …)",
      "boolean",
      "信息网络传播权规定第六条；信息网络传播权保护条例第二十二条、第二十三条",
      ["web_evidence_preservation", "announcement"],
    ),
    el(
      "notice_and_takedown",
      "收到侵权通知后未及时采取必要措施",
      "No timely action after a takedown notice",
      "boolean",
      "民法典第一千一百九十五条；信息网络传播权规定第十三条",
      ["takedown_notice", "web_evidence_preservation"],
    ),
    el(
      "knowledge",
      "网络服务提供者明知或者应知",
      "The service provider knew or should have known",
      "boolean",
      "民法典第一千一百九十七条；信息网络传播权规定第九条",
      ["web_evidence_preservation", "announcement"],
    ),
    el("fair_use", "合理使用抗辩", "Fair use defence", "text", "著作权法第二十四条", [
      "party_statement",
      "web_evidence_preservation",
    ]),
    el(
      "damages_basis",
      "赔偿计算依据（实际损失、违法所得、许可使用费或法定赔偿）",
      "Basis of damages (loss, gain, licence fee or statutory damages)",
      "text",
      "著作权法第五十四条第一款、第二款",
      ["licence_contract", "party_statement"],
      required,
    ),
    el(
      "damages_amount",
      "请求赔偿数额",
      "Damages claimed",
      "amount",
      "著作权法第五十四条",
      ["licence_contract", "party_statement"],
      { isRequired: true, prefill: "claims.total" },
    ),
    el(
      "wilful_serious",
      "故意侵权且情节严重",
      "Wilful and serious infringement",
      "boolean",
      "著作权法第五十四条第一款",
      ["web_evidence_preservation", "takedown_notice"],
    ),
    el(
      "reasonable_expenses",
      "制止侵权的合理开支",
      "Reasonable expenses of stopping the infringement",
      "amount",
      "著作权法第五十四条第三款",
      ["expense_receipts"],
    ),
  ],
};

/** Every element table, by id. */
export const ELEMENT_TABLES: readonly ElementTable[] = [
  ONLINE_SALE,
  LOAN,
  ONLINE_SERVICE,
  NETWORK_DISSEMINATION,
];

/** The element table for a cause id, or undefined when none is defined. */
export function elementTableForCause(causeId: string): ElementTable | undefined {
  return ELEMENT_TABLES.find((table) => table.causeIds.includes(causeId));
}

/** The elements of the loan table that apply to one kind of loan. */
export function loanElementsFor(kind: LoanKind): JudgmentElement[] {
  return LOAN.elements.filter((element) => !element.onlyFor || element.onlyFor.includes(kind));
}

/** The loan kind of a loan cause id. */
export function loanKindOfCause(causeId: string): LoanKind | undefined {
  if (causeId === "financial-loan-contract") return "financial";
  if (causeId === "small-loan-contract") return "small_loan";
  return undefined;
}
