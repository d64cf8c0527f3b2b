/** The parts of a criminal judgment that matter for finding similar cases. */
export interface JudgmentSections {
  /** Heading, parties and procedural history before the facts. */
  header: string;
  /** 案件基本情况: the facts as charged and as found (经审理查明 …). */
  facts: string;
  /** 裁判分析过程: the court's reasoning (本院认为 …), up to 判决如下. */
  reasoning: string;
  /** 判决结果: the operative part (判决如下 …). */
  outcome: string;
}

// 刑事诉讼法第二百条 and the SPC judgment templates (法院刑事诉讼文书样式) fix this order:
// parties, charge, (defence), facts found, 本院认为, 判决如下.
const FACTS_START =
  /(?:经审理查明|本院查明|经审理认定|经公开开庭审理查明|公诉机关指控|检察院指控|起诉书指控)/u;
const REASONING_START = /本院认为/u;
const OUTCOME_START = /(?:判决如下|裁定如下|决定如下)[:：]?/u;

/**
 * Splits a judgment's full text into header, facts, reasoning and outcome. Missing markers leave
 * the corresponding part empty; text without any marker is treated as facts.
 */
export function splitJudgmentSections(fullText: string): JudgmentSections {
  const text = fullText.trim();
  const reasoningAt = text.search(REASONING_START);
  const outcomeMatch = OUTCOME_START.exec(text);
  const outcomeAt = outcomeMatch && outcomeMatch.index > reasoningAt ? outcomeMatch.index : -1;
  const factsEnd = reasoningAt >= 0 ? reasoningAt : outcomeAt >= 0 ? outcomeAt : text.length;
  // Prefer the court's own finding (经审理查明) over the indictment when both are present.
  const found = /(?:经审理查明|本院查明|经审理认定|经公开开庭审理查明)/u.exec(text.slice(0, factsEnd));
  const charged = FACTS_START.exec(text.slice(0, factsEnd));
  const factsAt = found ? found.index : charged ? charged.index : 0;
  const hasMarkers = found !== null || charged !== null || reasoningAt >= 0 || outcomeAt >= 0;
  if (!hasMarkers) return { header: "", facts: text, reasoning: "", outcome: "" };
  const outcomeBody = outcomeAt >= 0 && outcomeMatch ? outcomeAt + outcomeMatch[0].length : text.length;
  return {
    header: text.slice(0, factsAt).trim(),
    facts: text.slice(factsAt, factsEnd).trim(),
    reasoning:
      reasoningAt >= 0 ? text.slice(reasoningAt, outcomeAt >= 0 ? outcomeAt : text.length).trim() : "",
    outcome: outcomeAt >= 0 ? text.slice(outcomeBody).trim() : "",
  };
}
