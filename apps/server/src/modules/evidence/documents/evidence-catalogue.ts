import type { PartyRole } from "../../cases/index";
import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";

export interface EvidenceCatalogueInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  party: { name: string; role: PartyRole };
  items: Array<{
    number: number;
    title: string;
    source: string;
    purpose: string;
    files: Array<{ fileName: string; sha256: string }>;
  }>;
  isLate: boolean;
  submittedOn: string;
}

const roleNames: Record<PartyRole, { zh: string; en: string }> = {
  plaintiff: { zh: "原告", en: "Plaintiff" },
  defendant: { zh: "被告", en: "Defendant" },
  third_party: { zh: "第三人", en: "Third party" },
};

/**
 * The 证据目录 a party submits (证据规定第十九条: each item numbered, with its source, what it is offered
 * to prove, the date of submission, a copy for the other side): one line per item, each file named with
 * its SHA-256 so the copy served can be matched with the files on the platform. Chinese original and
 * English courtesy copy.
 */
export function buildEvidenceCatalogue(input: EvidenceCatalogueInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: catalogueModel(input, "zh-CN"), en: catalogueModel(input, "en") };
}

function catalogueModel(input: EvidenceCatalogueInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("evidence_catalogue", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.submittedOn,
  });
  const role = roleNames[input.party.role];
  model.parties.push(
    zh ? `提交人：${input.party.name}（${role.zh}）` : `Submitted by: ${input.party.name} (${role.en})`,
  );
  model.body.push({
    text: zh
      ? `${input.party.name}${input.caseNumber ? `在${input.caseNumber}一案中` : ""}提交证据${input.items.length}项${input.isLate ? "（经人民法院准许逾期提交）" : ""}，目录如下：`
      : `${input.party.name} submits ${input.items.length} item(s) of evidence${input.caseNumber ? ` in ${input.caseNumber}` : ""}${input.isLate ? " (late, with the court's leave)" : ""}, as listed below:`,
  });
  for (const item of input.items) {
    model.body.push({
      text: zh
        ? `证据${item.number}：${item.title}。来源：${item.source}。证明目的：${item.purpose}。`
        : `Item ${item.number}: ${item.title}. Source: ${item.source}. Offered to prove: ${item.purpose}.`,
    });
    for (const file of item.files) {
      model.body.push({
        text: zh
          ? `文件：${file.fileName}（SHA-256：${file.sha256}）`
          : `File: ${file.fileName} (SHA-256: ${file.sha256})`,
        style: "plain",
      });
    }
  }
  model.body.push({ text: zh ? "此致" : "To", style: "plain" });
  model.body.push({ text: zh ? input.courtNameZh : input.courtNameEn, style: "plain" });
  model.signature.push(zh ? `提交人：${input.party.name}` : `Submitted by: ${input.party.name}`);
  return model;
}
