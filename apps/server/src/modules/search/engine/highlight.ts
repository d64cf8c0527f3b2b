/** A passage of a judgment with the matched words marked 【…】; offsets are into the original text. */
export interface HighlightedPassage {
  field: "facts" | "reasoning";
  start: number;
  end: number;
  /** The passage with each matched word wrapped in 【】. */
  marked: string;
  /** The matched words found in this passage. */
  terms: string[];
}

/**
 * Picks the passages (about `width` characters, cut at sentence marks when possible) that
 * contain the most distinct query words, best first, without overlap.
 */
export function highlightPassages(
  text: string,
  terms: readonly string[],
  field: HighlightedPassage["field"],
  maxPassages = 2,
  width = 80,
): HighlightedPassage[] {
  if (text.length === 0 || terms.length === 0) return [];
  const lower = text.toLowerCase();
  const hits: { at: number; length: number; term: string }[] = [];
  for (const term of terms) {
    if (term.length < 2 && !/[\u4e00-\u9fff]/u.test(term)) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length))
      hits.push({ at, length: term.length, term });
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => a.at - b.at || b.length - a.length);
  // Drop hits inside longer hits (刑法 inside 刑法修正案).
  const clean: typeof hits = [];
  for (const hit of hits) {
    const last = clean[clean.length - 1];
    if (last && hit.at < last.at + last.length) continue;
    clean.push(hit);
  }
  const windows: { start: number; end: number; distinct: number; hits: typeof clean }[] = [];
  // Hits are sorted and do not overlap, so a window's hits are a contiguous run: found with two
  // moving bounds instead of a scan of every hit per window.
  let from = 0;
  for (let i = 0; i < clean.length; i += 1) {
    const first = clean[i];
    if (!first) continue;
    const start = sentenceStart(text, first.at, width);
    const end = Math.min(text.length, start + width);
    while (from < clean.length && (clean[from]?.at ?? 0) < start) from += 1;
    let to = from;
    while (to < clean.length && (clean[to]?.at ?? 0) + (clean[to]?.length ?? 0) <= end) to += 1;
    const inside = clean.slice(from, to);
    windows.push({ start, end, distinct: new Set(inside.map((h) => h.term)).size, hits: inside });
  }
  windows.sort((a, b) => b.distinct - a.distinct || a.start - b.start);
  const chosen: typeof windows = [];
  for (const window of windows) {
    if (chosen.length >= maxPassages) break;
    if (chosen.some((c) => window.start < c.end && c.start < window.end)) continue;
    chosen.push(window);
  }
  return chosen.map((window) => {
    let marked = "";
    let at = window.start;
    for (const hit of window.hits) {
      marked += `${text.slice(at, hit.at)}【${text.slice(hit.at, hit.at + hit.length)}】`;
      at = hit.at + hit.length;
    }
    marked += text.slice(at, window.end);
    return {
      field,
      start: window.start,
      end: window.end,
      marked,
      terms: [...new Set(window.hits.map((h) => h.term))],
    };
  });
}

/** Starts a passage at the beginning of the clause holding `at`, at most a third of `width` back. */
function sentenceStart(text: string, at: number, width: number): number {
  const limit = Math.max(0, at - Math.floor(width / 3));
  for (let i = at - 1; i >= limit; i -= 1) if ("。；，,;".includes(text[i] ?? "")) return i + 1;
  return limit;
}
