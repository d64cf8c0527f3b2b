// One model for every document the court issues or receives in a case: a pure, typed value that the
// DOCX, HTML and PDF renderers only lay out (STYLE.md: a document is a model, then a rendering).
// The Chinese version is the legal one; an English version is a courtesy translation and says so.

import { createHash } from "node:crypto";
import { formatChineseDate } from "../../platform/text/chinese-numerals";

export type DocumentLocale = "zh-CN" | "en";

/** The kinds of court documents, with their titles and file names. Stored forever: never rename. */
export const documentKinds = {
  complaint: { zh: "民事起诉状", en: "Civil Complaint", file: "complaint" },
  fee_receipt: { zh: "诉讼费交费凭证", en: "Court Fee Payment Receipt", file: "fee-receipt" },
  acceptance_notice: { zh: "受理案件通知书", en: "Notice of Acceptance of Case", file: "acceptance-notice" },
  evidence_notice: { zh: "举证通知书", en: "Notice on Producing Evidence", file: "evidence-notice" },
  response_notice: { zh: "应诉通知书", en: "Notice to Respond to Action", file: "response-notice" },
  refusal_ruling: { zh: "民事裁定书", en: "Civil Ruling", file: "refusal-ruling" },
  referral_notice: { zh: "告知书", en: "Notice of Where to Seek Relief", file: "referral-notice" },
  service_certificate: {
    zh: "电子送达凭证",
    en: "Certificate of Electronic Service",
    file: "service-certificate",
  },
  answer: { zh: "民事答辩状", en: "Statement of Defence", file: "answer" },
  evidence_catalogue: { zh: "证据目录", en: "List of Evidence", file: "evidence-catalogue" },
  counterclaim: { zh: "民事反诉状", en: "Counterclaim", file: "counterclaim" },
  jurisdiction_ruling: { zh: "民事裁定书", en: "Civil Ruling", file: "jurisdiction-ruling" },
  mediation_record: { zh: "调解情况记录", en: "Record of Mediation", file: "mediation-record" },
  mediation_agreement: { zh: "调解协议书", en: "Mediation Agreement", file: "mediation-agreement" },
  confirmation_ruling: { zh: "民事裁定书", en: "Civil Ruling", file: "confirmation-ruling" },
  summons: { zh: "传票", en: "Summons", file: "summons" },
  transfer_letter: { zh: "移送函", en: "Letter of Transfer", file: "transfer-letter" },
  hearing_transcript: { zh: "庭审笔录", en: "Hearing Transcript", file: "hearing-transcript" },
  async_trial_record: {
    zh: "非同步审理记录",
    en: "Record of Asynchronous Trial",
    file: "async-trial-record",
  },
} as const satisfies Record<string, { zh: string; en: string; file: string }>;

export type CourtDocumentKind = keyof typeof documentKinds;
export const courtDocumentKinds = Object.keys(documentKinds) as CourtDocumentKind[];

/** A paragraph of the body: indented prose, a centred heading, or a plain line. */
export interface DocumentParagraph {
  text: string;
  style?: "body" | "heading" | "plain";
}

/** A document as the court writes it, before any layout. */
export interface CourtDocumentModel {
  kind: CourtDocumentKind;
  locale: DocumentLocale;
  /** The issuing court (or, for a complaint, the court it is addressed to). */
  courtName: string;
  /** 民事裁定书, 受理案件通知书 … */
  title: string;
  /** 案号, e.g. （2026）浙0192民初1号; null before registration. */
  caseNumber: string | null;
  /** The English courtesy-translation note; null on the Chinese original. */
  translationNote: string | null;
  /** The parties block (起诉人/原告/被告 … lines), or the addressee. */
  parties: string[];
  body: DocumentParagraph[];
  /** Label/value rows (a receipt). */
  fields: Array<{ label: string; value: string }>;
  /** Signature lines, right-aligned above the date: 审判员 张三 / 书记员 李四 (a full-width space between), or the court. */
  signature: string[];
  /** The date as printed: 二〇二六年十二月七日 in Chinese, 7 December 2026 in English. */
  date: string;
  /** The court day of issue (YYYY-MM-DD): fixes the file timestamps, so the same model gives the same bytes. */
  issuedOn: string;
}

/** A court date as written on Chinese judicial documents: 二〇二六年十二月七日. */
export function chineseDocumentDate(isoDate: string): string {
  return formatChineseDate(isoDate);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A court date in English: 7 December 2026. */
export function englishDocumentDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** The printed date of a document in its language. */
export function documentDate(isoDate: string, locale: DocumentLocale): string {
  return locale === "zh-CN" ? chineseDocumentDate(isoDate) : englishDocumentDate(isoDate);
}

/** An amount in fen as written on a receipt: 105000 → "1,050.00". */
export function formatAmount(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** The note an English version carries: the Chinese original is the legal document. */
export const translationNote =
  "Courtesy translation for reference only; the Chinese original is the legal document and prevails.";

/** The empty parts of a model, for builders that fill only some. */
export function emptyModel(
  kind: CourtDocumentKind,
  locale: DocumentLocale,
  fields: { courtName: string; caseNumber: string | null; issuedOn: string },
): CourtDocumentModel {
  return {
    kind,
    locale,
    courtName: fields.courtName,
    title: locale === "zh-CN" ? documentKinds[kind].zh : documentKinds[kind].en,
    caseNumber: fields.caseNumber,
    translationNote: locale === "en" ? translationNote : null,
    parties: [],
    body: [],
    fields: [],
    signature: [],
    date: documentDate(fields.issuedOn, locale),
    issuedOn: fields.issuedOn,
  };
}

/** JSON with sorted keys: the same model always gives the same text. */
export function canonicalModelJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalModelJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalModelJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of what a document says (its canonical model), independent of the file format. */
export function contentSha256(model: CourtDocumentModel): string {
  return createHash("sha256").update(canonicalModelJson(model)).digest("hex");
}

/** The download name of a document: 受理案件通知书.docx, acceptance-notice-en.pdf. */
export function documentFileName(kind: CourtDocumentKind, locale: DocumentLocale, format: "docx" | "pdf") {
  return locale === "zh-CN"
    ? `${documentKinds[kind].zh}.${format}`
    : `${documentKinds[kind].file}-en.${format}`;
}
