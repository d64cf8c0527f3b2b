import {
  documentDate,
  emptyModel,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";

export interface TransferLetterInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  plaintiffs: string[];
  defendants: string[];
  /** The competent court the case goes to (受移送法院). */
  receivingCourtName: string;
  /** The court day of the ruling upholding the objection, and the day it took effect. */
  rulingOn: string;
  effectiveOn: string;
  judgeName: string;
  transferredOn: string;
}

/**
 * The letter of transfer (移送函) that sends a case to the competent court once the ruling upholding an
 * objection to jurisdiction has taken effect (民事诉讼法第三十七条、第一百三十条、第一百五十八条); the
 * electronic file goes with it (互联网法院规定第二十一条). Chinese original and English courtesy copy.
 */
export function buildTransferLetter(input: TransferLetterInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: letterModel(input, "zh-CN"), en: letterModel(input, "en") };
}

function letterModel(input: TransferLetterInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("transfer_letter", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.transferredOn,
  });
  model.parties.push(zh ? `${input.receivingCourtName}：` : `To ${input.receivingCourtName}:`);
  const cause = zh ? (input.causeNameZh ?? "民事纠纷") : (input.causeNameEn ?? "civil dispute");
  const caseNumber = input.caseNumber ?? "";
  model.body.push({
    text: zh
      ? `本院受理的原告${input.plaintiffs.join("、")}与被告${input.defendants.join("、")}${cause}一案（${caseNumber}），当事人在提交答辩状期间对管辖权提出异议。本院经审查认为异议成立，于${documentDate(input.rulingOn, locale)}裁定将本案移送你院处理，该裁定已于${documentDate(input.effectiveOn, locale)}发生法律效力。`
      : `In the ${cause} case ${caseNumber} between ${input.plaintiffs.join(", ")} (plaintiff) and ${input.defendants.join(", ")} (defendant), a party objected to this court's jurisdiction within the time for answering. The court upheld the objection and on ${documentDate(input.rulingOn, locale)} ruled that the case be transferred to your court; the ruling took effect on ${documentDate(input.effectiveOn, locale)}.`,
  });
  model.body.push({
    text: zh
      ? `依照《中华人民共和国民事诉讼法》第三十七条、第一百三十条第一款的规定，现将本案移送你院审理，随函移送本案电子卷宗（《最高人民法院关于互联网法院审理案件若干问题的规定》第二十一条）。受移送的人民法院应当受理；认为本案依照规定不属于你院管辖的，应当报请上级人民法院指定管辖，不得再自行移送。`
      : `Under Articles 37 and 130(1) of the Civil Procedure Law, the case is transferred to your court for trial with its electronic file (Provisions of the Supreme People's Court on Cases Heard by Internet Courts, Article 21). The receiving court shall accept the case; if it considers that the case is not within its jurisdiction, it shall ask the court at the next higher level to designate the competent court and shall not transfer it again.`,
  });
  model.body.push({
    text: zh
      ? "附：管辖权异议裁定书及本案电子卷宗。"
      : "Enclosed: the ruling on jurisdiction and the electronic file.",
    style: "plain",
  });
  model.signature.push(zh ? `审判员\u3000${input.judgeName}` : `Judge: ${input.judgeName}`);
  model.signature.push(zh ? input.courtNameZh : input.courtNameEn);
  return model;
}
