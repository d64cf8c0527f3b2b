import {
  emptyModel,
  formatAmount,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";

export interface CounterclaimDocumentInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  /** The counterclaiming defendant as the complaint names them. */
  counterclaimant: {
    name: string;
    kind: "natural_person" | "legal_person" | "other_organisation";
    legalRepresentative: string | null;
  };
  /** The plaintiffs of the action, defendants to the counterclaim (民诉法解释第二百三十三条). */
  plaintiffs: string[];
  claims: Array<{ text: string; amountFen: number | null }>;
  factsAndReasons: string;
  filedOn: string;
}

/**
 * The 民事反诉状 a defendant files on the platform (民事诉讼法第一百四十三条; 人民法院在线诉讼规则第十一条: 当事人
 * 可以在诉讼平台直接填写录入……反诉状): the counterclaimant and the plaintiffs it is brought against, the
 * counterclaims, facts and reasons, addressed to the court and signed by the counterclaimant. Chinese
 * original and English courtesy copy.
 */
export function buildCounterclaimDocument(input: CounterclaimDocumentInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: counterclaimModel(input, "zh-CN"), en: counterclaimModel(input, "en") };
}

function counterclaimModel(input: CounterclaimDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("counterclaim", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.filedOn,
  });
  const { counterclaimant } = input;
  model.parties.push(
    zh
      ? `反诉原告（本诉被告）：${counterclaimant.name}`
      : `Counterclaimant (defendant in the action): ${counterclaimant.name}`,
  );
  if (counterclaimant.kind !== "natural_person" && counterclaimant.legalRepresentative)
    model.parties.push(
      zh
        ? `法定代表人：${counterclaimant.legalRepresentative}`
        : `Legal representative: ${counterclaimant.legalRepresentative}`,
    );
  for (const plaintiff of input.plaintiffs)
    model.parties.push(
      zh ? `反诉被告（本诉原告）：${plaintiff}` : `Counter-defendant (plaintiff in the action): ${plaintiff}`,
    );
  const caseRef = input.caseNumber
    ? zh
      ? `（${input.caseNumber}）`
      : `, case number ${input.caseNumber}`
    : "";
  model.body.push({
    text: zh
      ? `反诉原告因${input.plaintiffs.join("、")}诉反诉原告一案${caseRef}，依照《中华人民共和国民事诉讼法》第一百四十三条的规定，提起反诉，请求与本诉合并审理。`
      : `In the action brought by ${input.plaintiffs.join(", ")} against the counterclaimant${caseRef}, the counterclaimant brings this counterclaim under Article 143 of the Civil Procedure Law and asks that it be tried together with the action.`,
  });
  model.body.push({ text: zh ? "反诉请求" : "Counterclaims", style: "heading" });
  input.claims.forEach((claim, index) => {
    const amount =
      claim.amountFen === null
        ? ""
        : zh
          ? `（金额：人民币${formatAmount(claim.amountFen)}元）`
          : ` (amount: CNY ${formatAmount(claim.amountFen)})`;
    model.body.push({ text: `${index + 1}. ${claim.text}${amount}` });
  });
  model.body.push({ text: zh ? "事实与理由" : "Facts and reasons", style: "heading" });
  model.body.push({ text: input.factsAndReasons });
  model.body.push({ text: zh ? "此致" : "To", style: "plain" });
  model.body.push({ text: zh ? input.courtNameZh : input.courtNameEn, style: "plain" });
  model.signature.push(zh ? `反诉原告：${counterclaimant.name}` : `Counterclaimant: ${counterclaimant.name}`);
  return model;
}
