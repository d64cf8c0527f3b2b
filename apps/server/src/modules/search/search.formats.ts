import { z } from "zod";
import { extractLawArticles } from "./analysis/articles";
import { canonicalizeCharge, extractCharges } from "./analysis/charges";
import { splitJudgmentSections } from "./analysis/sections";
import {
  CHINESE_DATE_PATTERN,
  chineseDateValue,
  parseChineseNumeral,
} from "../../platform/text/chinese-numerals";
import type { JudgmentKind, JudgmentSource } from "./search.tables";

/** The judgment corpora `npx netcourt judgments import` reads, one JSON object per line. */
export const JUDGMENT_FORMATS = ["netcourt", "lecard", "cail"] as const;
export type JudgmentFormat = (typeof JUDGMENT_FORMATS)[number];

/** A judgment ready for the archive: plain values, amounts in yuan, terms in months (−1 life, −2 death). */
export interface JudgmentRecord {
  source: JudgmentSource;
  sourceId: string;
  /** Court code of the registry (浙0192), when the line names one; the import may set it for all. */
  courtCode: string | null;
  courtName: string | null;
  caseNumber: string | null;
  title: string;
  decidedOn: string | null;
  kind: JudgmentKind;
  facts: string;
  reasoning: string;
  outcome: string;
  fullText: string;
  charges: string[];
  causes: string[];
  articles: string[];
  termMonths: number | null;
  fineYuan: number | null;
  claimedAmount: number | null;
  awardedAmount: number | null;
  /** Null: the import's default decides. */
  published: boolean | null;
}

const NUMERAL = "[0-9零〇○一二两三四五六七八九十百]+";

function numeral(text: string | undefined): number {
  if (!text) return 0;
  if (/^[0-9]+$/u.test(text)) return Number(text);
  return parseChineseNumeral(text) ?? 0;
}

/**
 * The principal penalty of an operative part, in months: the executed term (决定执行 / 合并执行)
 * when several counts were joined, else the first one pronounced; −1 life, −2 death; null when none.
 */
export function parseTermMonths(outcome: string): number | null {
  const executed = /(?:决定执行|合并执行)([^。；;]*)/u.exec(outcome);
  const text = executed?.[1] ?? outcome;
  const penalty = new RegExp(
    `(死刑|无期徒刑|有期徒刑(?:(${NUMERAL})年)?(?:(${NUMERAL})个月)?|拘役(${NUMERAL})个月|管制(?:(${NUMERAL})年)?(?:(${NUMERAL})个月)?)`,
    "u",
  ).exec(text);
  if (!penalty) return executed ? parseTermMonths(outcome.replace(executed[0], "")) : null;
  const [whole, , years, months, detention, controlYears, controlMonths] = penalty;
  if (whole?.startsWith("死刑")) return -2;
  if (whole?.startsWith("无期徒刑")) return -1;
  if (whole?.startsWith("拘役")) return numeral(detention);
  if (whole?.startsWith("管制")) return numeral(controlYears) * 12 + numeral(controlMonths);
  return numeral(years) * 12 + numeral(months);
}

/** The date a judgment was signed (the last 二〇一七年九月二十六日 in it) as YYYY-MM-DD, or null. */
export function parseSigningDate(text: string): string | null {
  const last = [...text.matchAll(CHINESE_DATE_PATTERN)].at(-1);
  return last ? chineseDateValue(last[1] ?? "", last[2] ?? "", last[3] ?? "") : null;
}

/** Court and case number from the head of a judgment (…人民法院 刑事判决书 （2017）晋0825刑初89号). */
export function parseJudgmentHeader(text: string): { courtName: string | null; caseNumber: string | null } {
  const head = text.slice(0, 400);
  const court = /([\u4e00-\u9fa5]{2,30}?人民法院)/u.exec(
    head.replace(/^.*?(?:判决书|裁定书)(?=[\u4e00-\u9fa5]{2,30}人民法院)/u, ""),
  );
  const caseNumber = /[（(]\s*[0-9]{4}\s*[）)][\u4e00-\u9fa50-9]{1,20}?第?[0-9]+号/u.exec(head);
  return { courtName: court?.[1] ?? null, caseNumber: caseNumber?.[0] ?? null };
}

function canonicalCharges(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const canonical = canonicalizeCharge(name.replace(/[[\]]/gu, ""));
    if (canonical !== null && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

const ZLecardLine = z.object({
  doc_id: z.union([z.number().int(), z.string().min(1)]),
  ajName: z.string().optional(),
  ajjbqk: z.string().optional(),
  cpfxgc: z.string().optional(),
  pjjg: z.string().optional(),
  qw: z.string().optional(),
  writName: z.string().optional(),
});

const ZCailLine = z.object({
  id: z.string().min(1),
  fact: z.string(),
  meta: z.object({
    accusation: z.array(z.string()),
    relevant_articles: z.array(z.number().int()),
    term_of_imprisonment: z.object({
      imprisonment: z.number().int().min(0),
      death_penalty: z.boolean(),
      life_imprisonment: z.boolean(),
    }),
    punish_of_money: z.number().min(0).optional(),
    criminals: z.array(z.string()).optional(),
  }),
});

/** One line of a court's own archive (`--format netcourt`); amounts in yuan. */
export const ZNetcourtJudgmentLine = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .describe("Stable id in the archive (e.g. the 案号); importing it again replaces the judgment"),
  courtCode: z.string().max(20).optional(),
  courtName: z.string().max(100).optional(),
  caseNumber: z.string().max(100).optional(),
  title: z.string().max(500).optional(),
  decidedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u)
    .optional(),
  kind: z.enum(["criminal", "civil", "administrative", "other"]).optional(),
  fullText: z.string().optional(),
  facts: z.string().optional(),
  reasoning: z.string().optional(),
  outcome: z.string().optional(),
  charges: z.array(z.string()).optional(),
  causes: z.array(z.string()).optional(),
  articles: z.array(z.string()).optional(),
  termMonths: z.number().int().min(-2).optional(),
  fineYuan: z.number().min(0).optional(),
  claimedAmount: z.number().min(0).optional(),
  awardedAmount: z.number().min(0).optional(),
  published: z.boolean().optional(),
});

function fromText(
  base: Pick<JudgmentRecord, "source" | "sourceId"> & Partial<JudgmentRecord>,
  text: { title?: string; fullText?: string; facts?: string; reasoning?: string; outcome?: string },
): JudgmentRecord {
  const fullText = text.fullText ?? "";
  const hasSections = Boolean(text.facts ?? text.reasoning ?? text.outcome);
  const sections = hasSections
    ? { facts: text.facts ?? "", reasoning: text.reasoning ?? "", outcome: text.outcome ?? "" }
    : splitJudgmentSections(fullText);
  const header = parseJudgmentHeader(fullText);
  const found = extractCharges(sections.outcome);
  const charges = canonicalCharges([
    ...(base.charges ?? []),
    ...found,
    ...(found.length === 0 ? extractCharges(sections.reasoning) : []),
  ]);
  const articles = base.articles?.length
    ? base.articles
    : extractLawArticles(`${sections.reasoning}${sections.outcome}`);
  const kind: JudgmentKind =
    base.kind ??
    (charges.length > 0 ||
    /刑事(?:判决|裁定)书|公诉机关|被告人/u.test(fullText.slice(0, 600) + sections.facts.slice(0, 200))
      ? "criminal"
      : "civil");
  return {
    courtCode: null,
    courtName: header.courtName,
    caseNumber: header.caseNumber,
    decidedOn: parseSigningDate(fullText || sections.outcome),
    causes: [],
    termMonths: kind === "criminal" ? parseTermMonths(sections.outcome) : null,
    fineYuan: null,
    claimedAmount: null,
    awardedAmount: null,
    published: null,
    ...Object.fromEntries(Object.entries(base).filter(([, value]) => value !== undefined)),
    source: base.source,
    sourceId: base.sourceId,
    title: (text.title ?? "").trim() || header.caseNumber || base.sourceId,
    kind,
    facts: sections.facts,
    reasoning: sections.reasoning,
    outcome: sections.outcome,
    fullText,
    charges,
    articles,
  };
}

/** Parses one line of a corpus in the given format; throws an Error naming the problem. */
export function parseJudgmentLine(format: JudgmentFormat, value: unknown): JudgmentRecord {
  switch (format) {
    case "lecard": {
      const line = ZLecardLine.parse(value);
      return fromText(
        { source: "lecard", sourceId: String(line.doc_id) },
        {
          title: line.ajName ?? line.writName ?? "",
          ...(line.qw !== undefined ? { fullText: line.qw } : {}),
          ...(line.ajjbqk !== undefined ? { facts: line.ajjbqk } : {}),
          ...(line.cpfxgc !== undefined ? { reasoning: line.cpfxgc } : {}),
          ...(line.pjjg !== undefined ? { outcome: line.pjjg } : {}),
        },
      );
    }
    case "cail": {
      const line = ZCailLine.parse(value);
      const term = line.meta.term_of_imprisonment;
      const charges = canonicalCharges(line.meta.accusation);
      const name = line.meta.criminals?.[0] ?? "被告人";
      return {
        source: "cail",
        sourceId: line.id,
        courtCode: null,
        courtName: null,
        caseNumber: null,
        title: `${name}${line.meta.accusation.map((a) => a.replace(/[[\]]/gu, "")).join("、")}案`,
        decidedOn: null,
        kind: "criminal",
        facts: line.fact,
        reasoning: "",
        outcome: "",
        fullText: "",
        charges,
        causes: [],
        articles: line.meta.relevant_articles.map((n) => `刑法:${n}`),
        termMonths: term.death_penalty ? -2 : term.life_imprisonment ? -1 : term.imprisonment,
        fineYuan: line.meta.punish_of_money ?? null,
        claimedAmount: null,
        awardedAmount: null,
        published: null,
      };
    }
    case "netcourt": {
      const line = ZNetcourtJudgmentLine.parse(value);
      const record = fromText(
        {
          source: "netcourt",
          sourceId: line.id,
          ...(line.kind ? { kind: line.kind } : {}),
          ...(line.charges ? { charges: line.charges } : {}),
          ...(line.articles ? { articles: line.articles } : {}),
        },
        {
          ...(line.title !== undefined ? { title: line.title } : {}),
          ...(line.fullText !== undefined ? { fullText: line.fullText } : {}),
          ...(line.facts !== undefined ? { facts: line.facts } : {}),
          ...(line.reasoning !== undefined ? { reasoning: line.reasoning } : {}),
          ...(line.outcome !== undefined ? { outcome: line.outcome } : {}),
        },
      );
      return {
        ...record,
        courtCode: line.courtCode ?? null,
        courtName: line.courtName ?? record.courtName,
        caseNumber: line.caseNumber ?? record.caseNumber,
        decidedOn: line.decidedOn ?? record.decidedOn,
        causes: line.causes ?? [],
        termMonths: line.termMonths ?? record.termMonths,
        fineYuan: line.fineYuan ?? null,
        claimedAmount: line.claimedAmount ?? null,
        awardedAmount: line.awardedAmount ?? null,
        published: line.published ?? null,
      };
    }
  }
}
