import {
  emptyModel,
  formatAmount,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";

export interface FeeReceiptInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  caseTitle: string | null;
  payer: string;
  amountFen: number;
  paidOn: string;
  orderId: string;
  reference: string;
  gateway: string;
  /** The fee paid: the case acceptance fee (the default) or a counterclaim's (诉讼费用交纳办法第十八条). */
  item?: "case" | "counterclaim";
}

const items = {
  case: {
    zh: "案件受理费（预交）",
    en: "Case acceptance fee (paid in advance)",
    basisZh: "《诉讼费用交纳办法》第二十条、第二十二条",
    basisEn: "Measures on the Payment of Litigation Costs, Articles 20 and 22",
  },
  counterclaim: {
    zh: "反诉案件受理费（预交）",
    en: "Counterclaim acceptance fee (paid in advance)",
    basisZh: "《诉讼费用交纳办法》第十八条、第二十条、第二十二条",
    basisEn: "Measures on the Payment of Litigation Costs, Articles 18, 20 and 22",
  },
} as const;

/**
 * The receipt of a court fee paid online (交费凭证): who paid, how much, for which case, when, and the
 * payment reference; the fee is the case acceptance fee, or a counterclaim's, paid in advance under
 * 诉讼费用交纳办法第二十条 and 第二十二条.
 */
export function buildFeeReceiptModels(input: FeeReceiptInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

function build(input: FeeReceiptInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("fee_receipt", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.paidOn,
  });
  const amount = formatAmount(input.amountFen);
  const item = items[input.item ?? "case"];
  model.fields = zh
    ? [
        { label: "交款人", value: input.payer },
        { label: "案件", value: input.caseNumber ?? input.caseTitle ?? "—" },
        { label: "费用项目", value: item.zh },
        { label: "金额", value: `${amount} 元` },
        { label: "交费日期", value: input.paidOn },
        { label: "缴费订单号", value: input.orderId },
        { label: "支付流水号", value: input.reference },
        { label: "支付渠道", value: input.gateway },
        { label: "法律依据", value: item.basisZh },
      ]
    : [
        { label: "Payer", value: input.payer },
        { label: "Case", value: input.caseNumber ?? input.caseTitle ?? "—" },
        { label: "Item", value: item.en },
        { label: "Amount", value: `CNY ${amount}` },
        { label: "Paid on", value: input.paidOn },
        { label: "Fee order", value: input.orderId },
        { label: "Payment reference", value: input.reference },
        { label: "Payment channel", value: input.gateway },
        { label: "Legal basis", value: item.basisEn },
      ];
  model.body.push({
    text: zh
      ? "本凭证证明上列款项已交入本院诉讼费账户。案件不予受理、撤诉或者按撤诉处理的，依照《诉讼费用交纳办法》的规定退还或者减半交纳。"
      : "This receipt certifies that the amount above has been paid into the court's litigation-fee account. If the suit is not accepted or is withdrawn, the fee is refunded or halved as the Measures provide.",
  });
  model.signature.push(zh ? input.courtNameZh : input.courtNameEn);
  return model;
}
