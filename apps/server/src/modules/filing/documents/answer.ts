import type { AnswerEvidence, AnswerResponse } from "../../cases/index";
import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";

export interface AnswerDocumentInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  /** The answering defendant as the complaint names them. */
  respondent: {
    name: string;
    kind: "natural_person" | "legal_person" | "other_organisation";
    legalRepresentative: string | null;
  };
  plaintiffs: string[];
  claims: Array<{ position: number; text: string }>;
  responses: AnswerResponse[];
  factsAndReasons: string;
  evidence: AnswerEvidence[];
  submittedOn: string;
}

const stance: Record<AnswerResponse["position"], { zh: string; en: string }> = {
  admit: { zh: "认可", en: "Admitted" },
  contest: { zh: "不认可", en: "Contested" },
  partly: { zh: "部分认可", en: "Partly admitted" },
};

/**
 * The 民事答辩状 a defendant files (民事诉讼法第一百二十八条: 被告提出答辩状的，人民法院应当在收到之日起五日内
 * 将答辩状副本发送原告): the answering party, a response to each claim, facts and reasons, the evidence
 * list, addressed to the court and signed by the respondent. Chinese original and English courtesy copy.
 */
export function buildAnswerDocument(input: AnswerDocumentInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: answerModel(input, "zh-CN"), en: answerModel(input, "en") };
}

function answerModel(input: AnswerDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("answer", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.submittedOn,
  });
  const person = input.respondent.kind === "natural_person";
  model.parties.push(zh ? `答辩人：${input.respondent.name}` : `Respondent: ${input.respondent.name}`);
  if (!person && input.respondent.legalRepresentative)
    model.parties.push(
      zh
        ? `法定代表人：${input.respondent.legalRepresentative}`
        : `Legal representative: ${input.respondent.legalRepresentative}`,
    );
  model.body.push({
    text: zh
      ? `答辩人因${input.plaintiffs.join("、")}诉答辩人${input.caseNumber ? `（${input.caseNumber}）` : ""}一案，提出答辩如下：`
      : `In the action brought by ${input.plaintiffs.join(", ")} against the respondent${input.caseNumber ? ` (${input.caseNumber})` : ""}, the respondent answers as follows:`,
  });
  model.body.push({ text: zh ? "对诉讼请求的答辩意见" : "Response to the claims", style: "heading" });
  for (const response of [...input.responses].sort((a, b) => a.claimPosition - b.claimPosition)) {
    const claim = input.claims.find((c) => c.position === response.claimPosition);
    const label = zh ? stance[response.position].zh : stance[response.position].en;
    model.body.push({
      text: zh
        ? `${response.claimPosition}. 诉讼请求“${claim?.text ?? ""}”：${label}。${response.text}`
        : `${response.claimPosition}. Claim "${claim?.text ?? ""}": ${label}. ${response.text}`,
    });
  }
  model.body.push({ text: zh ? "事实与理由" : "Facts and reasons", style: "heading" });
  model.body.push({ text: input.factsAndReasons });
  if (input.evidence.length > 0) {
    model.body.push({ text: zh ? "证据清单" : "Evidence list", style: "heading" });
    input.evidence.forEach((item, index) =>
      model.body.push({
        text: zh
          ? `${index + 1}. ${item.name}（来源：${item.source}；证明对象：${item.purpose}）`
          : `${index + 1}. ${item.name} (source: ${item.source}; to prove: ${item.purpose})`,
      }),
    );
  }
  model.body.push({ text: zh ? "此致" : "To", style: "plain" });
  model.body.push({ text: zh ? input.courtNameZh : input.courtNameEn, style: "plain" });
  model.signature.push(zh ? `答辩人：${input.respondent.name}` : `Respondent: ${input.respondent.name}`);
  return model;
}
