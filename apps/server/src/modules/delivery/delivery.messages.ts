import { formatDate, formatMoney, type Locale } from "@netcourt/shared";

type Template = (params: Record<string, unknown>) => string;

/**
 * Platform inbox messages by kind, in both languages (the UI may re-render them from kind and params).
 * Params carry raw values — court days as `YYYY-MM-DD`, fees as yuan numbers — and the templates write
 * them with the shared formatter, so a message reads like the pages in the reader's language.
 */
export const inboxTemplates: Record<string, Record<Locale, { title: Template; body: Template }>> = {
  filing_submitted: {
    "zh-CN": {
      title: () => "起诉材料已提交",
      body: (p) =>
        `您向${s(p.courtNameZh)}提交的起诉材料已收到，法院将在${day(p.reviewDueOn, "zh-CN")}前完成立案审查。请在${day(p.feeDueOn, "zh-CN")}前交纳诉讼费${money(p.fee, "zh-CN")}。案件查询码：${s(p.queryCode)}。`,
    },
    en: {
      title: () => "Complaint submitted",
      body: (p) =>
        `${s(p.courtNameEn)} received your complaint and will decide on registration by ${day(p.reviewDueOn, "en")}. Please pay the fee of ${money(p.fee, "en")} by ${day(p.feeDueOn, "en")}. Progress query code: ${s(p.queryCode)}.`,
    },
  },
  filing_to_review: {
    "zh-CN": {
      title: () => "新的立案申请待审查",
      body: (p) => `${s(p.title)}，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "New filing to review",
      body: (p) => `${s(p.title)}; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  fee_paid: {
    "zh-CN": { title: () => "诉讼费已交纳", body: (p) => `已收到诉讼费${money(p.fee, "zh-CN")}。` },
    en: { title: () => "Fee paid", body: (p) => `The fee of ${money(p.fee, "en")} was received.` },
  },
  correction_requested: {
    "zh-CN": {
      title: () => "请补正起诉材料",
      body: (p) =>
        `法院要求补正：${sentence(list(p.items, "；"), "zh")}${p.note ? `说明：${sentence(s(p.note), "zh")}` : ""}补正后立案审查期限重新计算。`,
    },
    en: {
      title: () => "Please complete your complaint",
      body: (p) =>
        `The court asks you to correct: ${sentence(list(p.items, "; "), "en")}${p.note ? ` Note: ${sentence(s(p.note), "en")}` : ""} The review period restarts once you resubmit.`,
    },
  },
  correction_submitted: {
    "zh-CN": {
      title: () => "补正材料已提交",
      body: (p) => `${s(p.title)}已补正，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Correction submitted",
      body: (p) => `${s(p.title)} was corrected; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  filing_accepted: {
    "zh-CN": {
      title: () => "已立案",
      body: (p) => `您的案件已立案，案号${s(p.caseNumber)}，承办法官${s(p.judgeName)}。`,
    },
    en: {
      title: () => "Case registered",
      body: (p) => `Your case was registered as ${s(p.caseNumber)}; judge in charge: ${s(p.judgeName)}.`,
    },
  },
  case_assigned: {
    "zh-CN": { title: () => "新收案件", body: (p) => `${s(p.caseNumber)} ${s(p.title)} 已分配给您承办。` },
    en: {
      title: () => "New case assigned",
      body: (p) => `${s(p.caseNumber)} ${s(p.title)} was assigned to you.`,
    },
  },
  case_linked: {
    "zh-CN": {
      title: () => "您是一起案件的当事人",
      body: (p) => `${s(p.courtNameZh)}已立案${s(p.caseNumber)}，您为当事人，可在平台查看。`,
    },
    en: {
      title: () => "You are a party to a case",
      body: (p) =>
        `${s(p.courtNameEn)} registered case ${s(p.caseNumber)} in which you are a party; you can follow it here.`,
    },
  },
  filing_refused: {
    "zh-CN": {
      title: (p) => (p.instrument === "notice" ? "不予立案告知" : "不予受理"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "经审查，您的纠纷依法应通过其他途径解决，法院不予立案，并已出具告知书告知您应当如何处理。"
            : `法院裁定对您的起诉不予受理${p.caseNumber ? `（${s(p.caseNumber)}）` : ""}。`
        }${
          groundsOf(p).length > 0
            ? `依据：${groundsOf(p)
                .map((g) => `《中华人民共和国民事诉讼法》${g.articleZh}（${g.zh}）`)
                .join("；")}。`
            : ""
        }理由：${sentence(s(p.reason), "zh")}${
          p.instrument === "notice"
            ? "告知书见案件页面的“文书”。"
            : "如不服，可在裁定书送达之日起十日内提起上诉。"
        }`,
    },
    en: {
      title: (p) => (p.instrument === "notice" ? "Suit not registered: where to go" : "Suit not accepted"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "The law sends this dispute elsewhere, so the court will not register your suit; its notice tells you where to go."
            : `The court ruled not to accept your suit${p.caseNumber ? ` (${s(p.caseNumber)})` : ""}.`
        }${
          groundsOf(p).length > 0
            ? ` Grounds: ${groundsOf(p)
                .map((g) => `Civil Procedure Law, ${g.articleEn} (${g.en})`)
                .join("; ")}.`
            : ""
        } Reasons: ${sentence(s(p.reason), "en")} ${
          p.instrument === "notice"
            ? "The notice is under Documents on the case page."
            : "You may appeal within ten days of service of the ruling."
        }`,
    },
  },
  filing_withdrawn: {
    "zh-CN": { title: () => "已撤回起诉", body: () => "您已撤回起诉。" },
    en: { title: () => "Complaint withdrawn", body: () => "You withdrew the complaint." },
  },
  filing_deemed_withdrawn: {
    "zh-CN": {
      title: () => "按撤诉处理",
      body: () => "您未在期限内交纳诉讼费，本案按撤诉处理（民诉法解释第二百一十三条）。",
    },
    en: {
      title: () => "Treated as withdrawn",
      body: () =>
        "The fee was not paid in time, so the suit is treated as withdrawn (SPC interpretation art. 213).",
    },
  },
  verification_approved: {
    "zh-CN": { title: () => "实名认证已通过", body: () => "您的实名认证已通过。" },
    en: { title: () => "Identity verified", body: () => "Your identity verification was approved." },
  },
  verification_rejected: {
    "zh-CN": { title: () => "实名认证未通过", body: (p) => `原因：${s(p.reason)}` },
    en: { title: () => "Identity not verified", body: (p) => `Reason: ${s(p.reason)}` },
  },
};

function s(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return value.toString();
  return JSON.stringify(value) ?? "";
}

/** A court day (or moment) as the reader's pages write it; a message without the param shows nothing. */
function day(value: unknown, locale: Locale): string {
  return typeof value === "string" || value instanceof Date ? formatDate(locale, value) : s(value);
}

/**
 * Yuan as the reader's pages write them. Older messages stored the fee as text ("1050.00"); the
 * formatter reads that too.
 */
function money(value: unknown, locale: Locale): string {
  return typeof value === "number" || typeof value === "string" ? formatMoney(locale, value) : s(value);
}

/** Items joined into one sentence: each item's own closing punctuation gives way to the separator. */
function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map((item) => clause(s(item))).join(separator) : s(value);
}

const closingMarks = /[\s。．.，,；;、：:]+$/u;

/** Free text without its closing punctuation, so a template can continue the sentence. */
function clause(text: string): string {
  return text.trim().replace(closingMarks, "");
}

/**
 * Free text (a clerk's reasons or note) as one closed sentence: templates go on after it, so a text
 * that already ends with 。 must not get a second one. ！ and ？ are kept as written.
 */
function sentence(text: string, language: "zh" | "en"): string {
  const trimmed = text.trim();
  if (/[!?！？]$/u.test(trimmed)) return trimmed;
  if (language === "en" && /[.。]$/u.test(trimmed)) return trimmed;
  const open = clause(trimmed);
  return open === "" ? "" : `${open}${language === "zh" ? "。" : "."}`;
}

/** A refusal ground as the refusal stores it in the message: its article and what it means. */
interface GroundParam {
  articleZh: string;
  articleEn: string;
  zh: string;
  en: string;
}

function groundsOf(p: Record<string, unknown>): GroundParam[] {
  const grounds = p.grounds;
  if (!Array.isArray(grounds)) return [];
  return grounds.filter(
    (g): g is GroundParam =>
      typeof g === "object" &&
      g !== null &&
      ["articleZh", "articleEn", "zh", "en"].every(
        (key) => typeof (g as Record<string, unknown>)[key] === "string",
      ),
  );
}

/** Renders a message in a language; unknown kinds fall back to the kind itself. */
export function renderInboxMessage(
  kind: string,
  params: Record<string, unknown>,
  locale: Locale,
): { title: string; body: string } {
  const template = inboxTemplates[kind]?.[locale];
  if (!template) return { title: kind, body: "" };
  return { title: template.title(params), body: template.body(params) };
}
