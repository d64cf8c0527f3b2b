import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";

export interface JurisdictionRulingInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  plaintiffs: string[];
  defendants: string[];
  objector: string;
  grounds: string;
  proposedCourt: string | null;
  outcome: "upheld" | "dismissed";
  reason: string;
  judgeName: string;
  decidedOn: string;
}

/**
 * The ruling on an objection to jurisdiction (民事诉讼法第一百三十条: 异议成立的，裁定将案件移送有管辖权的人民
 * 法院；异议不成立的，裁定驳回), appealable within 10 days of service (第一百五十七条第一款第（二）项、第一百七十一条
 * 第二款). Chinese original and English courtesy copy.
 */
export function buildJurisdictionRuling(input: JurisdictionRulingInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: rulingModel(input, "zh-CN"), en: rulingModel(input, "en") };
}

function rulingModel(input: JurisdictionRulingInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("jurisdiction_ruling", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.decidedOn,
  });
  for (const name of input.plaintiffs) model.parties.push(zh ? `原告：${name}` : `Plaintiff: ${name}`);
  for (const name of input.defendants) model.parties.push(zh ? `被告：${name}` : `Defendant: ${name}`);
  const cause = zh ? (input.causeNameZh ?? "民事纠纷") : (input.causeNameEn ?? "civil dispute");
  model.body.push({
    text: zh
      ? `本院在审理原告${input.plaintiffs.join("、")}与被告${input.defendants.join("、")}${cause}一案中，${input.objector}在提交答辩状期间对管辖权提出异议，认为：${input.grounds}${input.proposedCourt ? `请求将本案移送${input.proposedCourt}审理。` : ""}`
      : `In the ${cause} case between ${input.plaintiffs.join(", ")} (plaintiff) and ${input.defendants.join(", ")} (defendant), ${input.objector} objected to the court's jurisdiction within the time for answering, stating: ${input.grounds}${input.proposedCourt ? ` and asking that the case be transferred to ${input.proposedCourt}.` : ""}`,
  });
  model.body.push({
    text: zh
      ? `本院经审查认为：${input.reason}`
      : `Having examined the objection, the court holds: ${input.reason}`,
  });
  model.body.push({
    text: zh
      ? input.outcome === "upheld"
        ? `依照《中华人民共和国民事诉讼法》第一百三十条第一款的规定，裁定如下：${input.objector}对管辖权提出的异议成立，本案移送${input.proposedCourt ?? "有管辖权的人民法院"}处理。`
        : `依照《中华人民共和国民事诉讼法》第一百三十条第一款的规定，裁定如下：驳回${input.objector}对本案管辖权提出的异议。`
      : input.outcome === "upheld"
        ? `Under Article 130(1) of the Civil Procedure Law, the court rules: the objection of ${input.objector} is upheld and the case is transferred to ${input.proposedCourt ?? "the competent people's court"}.`
        : `Under Article 130(1) of the Civil Procedure Law, the court rules: the objection of ${input.objector} to jurisdiction is dismissed.`,
  });
  model.body.push({
    text: zh
      ? `如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按照对方当事人的人数提出副本，上诉于上一级人民法院（《中华人民共和国民事诉讼法》第一百七十一条第二款）。`
      : `A party who disagrees with this ruling may appeal to the court at the next higher level within 10 days of its service, lodging the appeal with this court with copies for the other parties (Civil Procedure Law, Article 171(2)).`,
  });
  model.signature.push(zh ? `审判员\u3000${input.judgeName}` : `Judge: ${input.judgeName}`);
  return model;
}
