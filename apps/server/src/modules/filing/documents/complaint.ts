import type { CaseParts, CaseRow } from "../../cases/index";
import {
  contentSha256,
  emptyModel,
  formatAmount,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";

export interface ComplaintDocumentInput {
  courtNameZh: string;
  courtNameEn: string;
  causeNameZh: string | null;
  causeNameEn: string | null;
  parties: Array<{
    role: "plaintiff" | "defendant" | "third_party";
    kind: "natural_person" | "legal_person" | "other_organisation";
    name: string;
    sex: "male" | "female" | null;
    birthDate: string | null;
    ethnicity: string | null;
    address: string | null;
    creditCode: string | null;
    legalRepresentative: string | null;
  }>;
  agents: Array<{ partyName: string; name: string; kind: string; lawFirm: string | null }>;
  claims: Array<{ text: string; amountFen: number | null }>;
  factsAndReasons: string;
  evidence: Array<{ name: string; source: string | null; purpose: string | null }>;
  /** The court day the complaint is dated (preview: today; stored: the day of submission). */
  dateOn: string;
}

const roleZh = { plaintiff: "原告", defendant: "被告", third_party: "第三人" } as const;
const roleEn = { plaintiff: "Plaintiff", defendant: "Defendant", third_party: "Third party" } as const;

/**
 * The complaint (民事起诉状) as the filer wrote it in the wizard, in the form 民事诉讼法第一百二十四条 sets:
 * the parties, the claims, the facts and reasons, the evidence and its sources. Identity numbers and
 * telephone numbers stay off the document: it goes to the other side (个人信息保护法第二十八条).
 */
export function buildComplaintModels(input: ComplaintDocumentInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

function build(input: ComplaintDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("complaint", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: null,
    issuedOn: input.dateOn,
  });
  for (const party of input.parties) {
    const details: string[] = [];
    if (party.kind === "natural_person") {
      if (party.sex) details.push(zh ? (party.sex === "male" ? "男" : "女") : party.sex);
      if (party.birthDate) details.push(zh ? `${party.birthDate}出生` : `born ${party.birthDate}`);
      if (party.ethnicity) details.push(zh ? party.ethnicity : `ethnicity ${party.ethnicity}`);
    } else {
      if (party.creditCode)
        details.push(zh ? `统一社会信用代码${party.creditCode}` : `credit code ${party.creditCode}`);
    }
    if (party.address) details.push(zh ? `住所地${party.address}` : `domicile ${party.address}`);
    model.parties.push(
      zh
        ? `${roleZh[party.role]}：${party.name}${details.length ? `，${details.join("，")}` : ""}。`
        : `${roleEn[party.role]}: ${party.name}${details.length ? `, ${details.join(", ")}` : ""}.`,
    );
    if (party.legalRepresentative)
      model.parties.push(
        zh
          ? `法定代表人：${party.legalRepresentative}。`
          : `Legal representative: ${party.legalRepresentative}.`,
      );
    for (const agent of input.agents.filter((a) => a.partyName === party.name))
      model.parties.push(
        zh
          ? `委托诉讼代理人：${agent.name}${agent.lawFirm ? `，${agent.lawFirm}律师` : ""}。`
          : `Agent ad litem: ${agent.name}${agent.lawFirm ? `, lawyer, ${agent.lawFirm}` : ""}.`,
      );
  }
  if (input.causeNameZh || input.causeNameEn)
    model.body.push({
      text: zh
        ? `案由：${input.causeNameZh ?? ""}`
        : `Cause of action: ${input.causeNameEn ?? input.causeNameZh}`,
      style: "plain",
    });
  model.body.push({ text: zh ? "诉讼请求" : "Claims", style: "heading" });
  input.claims.forEach((claim, index) => {
    const amount =
      claim.amountFen === null
        ? ""
        : zh
          ? `（${formatAmount(claim.amountFen)}元）`
          : ` (CNY ${formatAmount(claim.amountFen)})`;
    model.body.push({ text: `${index + 1}. ${claim.text}${amount}` });
  });
  model.body.push({ text: zh ? "事实与理由" : "Facts and reasons", style: "heading" });
  for (const paragraph of input.factsAndReasons.split(/\n+/).filter((p) => p.trim() !== ""))
    model.body.push({ text: paragraph.trim() });
  if (input.evidence.length > 0) {
    model.body.push({ text: zh ? "证据和证据来源" : "Evidence and its sources", style: "heading" });
    input.evidence.forEach((item, index) => {
      const extra = [item.source, item.purpose].filter((s): s is string => !!s);
      model.body.push({
        text: `${index + 1}. ${item.name}${extra.length ? (zh ? `（${extra.join("；")}）` : ` (${extra.join("; ")})`) : ""}`,
      });
    });
  }
  model.body.push({ text: zh ? "此致" : "To", style: "plain" });
  model.body.push({ text: zh ? input.courtNameZh : input.courtNameEn, style: "plain" });
  const plaintiffs = input.parties.filter((p) => p.role === "plaintiff").map((p) => p.name);
  model.signature.push(zh ? `具状人：${plaintiffs.join("、")}` : `Filed by: ${plaintiffs.join(", ")}`);
  return model;
}

/** The complaint document's input from the stored case, as the wizard saved it. */
export function complaintInputOf(
  row: Pick<CaseRow, "cause_name_zh" | "cause_name_en" | "facts_and_reasons">,
  parts: Pick<CaseParts, "parties" | "agents" | "claims">,
  evidence: ReadonlyArray<{ name: string; source: string | null; purpose: string | null }>,
  court: { name_zh: string; name_en: string },
  dateOn: string,
): ComplaintDocumentInput {
  const partyName = new Map(parts.parties.map((p) => [p.id, p.name]));
  return {
    courtNameZh: court.name_zh,
    courtNameEn: court.name_en,
    causeNameZh: row.cause_name_zh,
    causeNameEn: row.cause_name_en,
    parties: parts.parties.map((p) => ({
      role: p.role,
      kind: p.kind,
      name: p.name,
      sex: p.sex,
      birthDate: p.birth_date,
      ethnicity: p.ethnicity,
      address: p.address,
      creditCode: p.credit_code,
      legalRepresentative: p.legal_representative,
    })),
    agents: parts.agents
      .filter((a) => a.status === "active")
      .map((a) => ({
        partyName: partyName.get(a.party_id) ?? "",
        name: a.name,
        kind: a.kind,
        lawFirm: a.law_firm,
      })),
    claims: parts.claims.map((c) => ({ text: c.text, amountFen: c.amount_fen })),
    factsAndReasons: row.facts_and_reasons,
    evidence: evidence.map((e) => ({ name: e.name, source: e.source, purpose: e.purpose })),
    dateOn,
  };
}

/**
 * What the filer confirms: the SHA-256 of the Chinese complaint's content, without its date, so a preview
 * made yesterday still matches an unchanged draft today.
 */
export function complaintSha256(zh: CourtDocumentModel): string {
  return contentSha256({ ...zh, date: "", issuedOn: "" });
}
