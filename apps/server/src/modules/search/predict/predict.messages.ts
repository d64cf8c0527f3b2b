/** Stable codes of prediction and deviation findings; the UI may translate them itself from `params`. */
export type DeviationCode =
  | "term_within_range"
  | "term_below_range"
  | "term_above_range"
  | "term_insufficient_data"
  | "charge_unsupported"
  | "charge_not_proposed"
  | "article_unsupported"
  | "award_within_range"
  | "award_below_range"
  | "award_above_range"
  | "award_insufficient_data";

/** A finding with its parameters and ready zh-CN / en texts. */
export interface DeviationFinding {
  code: DeviationCode;
  severity: "info" | "warning";
  params: Record<string, string | number>;
  message: { "zh-CN": string; en: string };
}

/** Renders a term (months, −1 life, −2 death) in Chinese and English. */
export function describeTerm(months: number): { zh: string; en: string } {
  if (months === -2) return { zh: "死刑", en: "death penalty" };
  if (months === -1) return { zh: "无期徒刑", en: "life imprisonment" };
  const rounded = Math.round(months);
  const years = Math.floor(rounded / 12);
  const rest = rounded % 12;
  const zh =
    rounded === 0 ? "免于监禁刑" : `${years > 0 ? `${years}年` : ""}${rest > 0 ? `${rest}个月` : ""}`;
  return { zh, en: rounded === 0 ? "no custodial sentence" : `${rounded} months` };
}

function text(code: DeviationCode, p: Record<string, string | number>): { "zh-CN": string; en: string } {
  const s = (key: string) => String(p[key] ?? "");
  switch (code) {
    case "term_within_range":
      return {
        "zh-CN": `拟判刑期${s("proposedZh")}在${s("cases")}件类案支持的区间（${s("lowZh")}至${s("highZh")}）内。`,
        en: `The proposed term (${s("proposedEn")}) is within the range of ${s("cases")} similar cases (${s("lowEn")} to ${s("highEn")}).`,
      };
    case "term_below_range":
      return {
        "zh-CN": `拟判刑期${s("proposedZh")}低于${s("cases")}件类案支持的区间（${s("lowZh")}至${s("highZh")}），请核查从轻、减轻情节。`,
        en: `The proposed term (${s("proposedEn")}) is below the range of ${s("cases")} similar cases (${s("lowEn")} to ${s("highEn")}); check the mitigating circumstances relied on.`,
      };
    case "term_above_range":
      return {
        "zh-CN": `拟判刑期${s("proposedZh")}高于${s("cases")}件类案支持的区间（${s("lowZh")}至${s("highZh")}），请核查从重情节。`,
        en: `The proposed term (${s("proposedEn")}) is above the range of ${s("cases")} similar cases (${s("lowEn")} to ${s("highEn")}); check the aggravating circumstances relied on.`,
      };
    case "term_insufficient_data":
      return {
        "zh-CN": `同罪名（${s("charge")}）类案不足${s("minCases")}件，无法给出刑期区间。`,
        en: `Fewer than ${s("minCases")} similar cases with the same charge (${s("charge")}); no term range can be given.`,
      };
    case "charge_unsupported":
      return {
        "zh-CN": `拟定罪名“${s("charge")}罪”在最相似的${s("neighbours")}件类案中均未出现，模型评分也不支持。`,
        en: `The proposed charge "${s("charge")}" appears in none of the ${s("neighbours")} most similar cases and the model does not support it.`,
      };
    case "charge_not_proposed":
      return {
        "zh-CN": `模型认为可能涉及“${s("charge")}罪”，但拟判结果未包含该罪名。`,
        en: `The model finds the charge "${s("charge")}" likely, but the proposed outcome does not include it.`,
      };
    case "article_unsupported":
      return {
        "zh-CN": `拟引用的刑法第${s("article")}条在类案中未与拟定罪名一并适用，模型评分也不支持。`,
        en: `Criminal Law article ${s("article")} is not applied with the proposed charges in similar cases and the model does not support it.`,
      };
    case "award_within_range":
      return {
        "zh-CN": `判决金额占诉请比例${s("ratioPct")}%在${s("cases")}件类案支持的区间（${s("lowPct")}%至${s("highPct")}%）内。`,
        en: `The award is ${s("ratioPct")}% of the claim, within the range of ${s("cases")} similar cases (${s("lowPct")}% to ${s("highPct")}%).`,
      };
    case "award_below_range":
      return {
        "zh-CN": `判决金额占诉请比例${s("ratioPct")}%低于${s("cases")}件类案支持的区间（${s("lowPct")}%至${s("highPct")}%）。`,
        en: `The award is ${s("ratioPct")}% of the claim, below the range of ${s("cases")} similar cases (${s("lowPct")}% to ${s("highPct")}%).`,
      };
    case "award_above_range":
      return {
        "zh-CN": `判决金额占诉请比例${s("ratioPct")}%高于${s("cases")}件类案支持的区间（${s("lowPct")}%至${s("highPct")}%）。`,
        en: `The award is ${s("ratioPct")}% of the claim, above the range of ${s("cases")} similar cases (${s("lowPct")}% to ${s("highPct")}%).`,
      };
    case "award_insufficient_data":
      return {
        "zh-CN": `类案不足${s("minCases")}件，无法给出判赔比例区间。`,
        en: `Fewer than ${s("minCases")} similar cases; no award range can be given.`,
      };
  }
}

const WARNINGS: ReadonlySet<DeviationCode> = new Set<DeviationCode>([
  "term_below_range",
  "term_above_range",
  "charge_unsupported",
  "charge_not_proposed",
  "article_unsupported",
  "award_below_range",
  "award_above_range",
]);

/** Builds a finding with its bilingual texts. */
export function finding(code: DeviationCode, params: Record<string, string | number>): DeviationFinding {
  return { code, severity: WARNINGS.has(code) ? "warning" : "info", params, message: text(code, params) };
}
