import { loadLegalDictionary } from "./legal-dictionary";

/** True when every character of `needle` appears in `haystack` in the same order. */
function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const ch of haystack) {
    if (ch === needle[at]) at += 1;
    if (at === needle.length) return true;
  }
  return at === needle.length;
}

const canonicalCache = new Map<string, string | null>();

/**
 * Maps a charge as a judgment writes it (贩卖毒品罪, 非法持有枪支罪) to its official name
 * (走私、贩卖、运输、制造毒品罪, 非法持有、私藏枪支、弹药罪); null when it matches no charge.
 * A selective charge (选择性罪名) named by one of its acts is still the same charge.
 */
export function canonicalizeCharge(written: string): string | null {
  const name = written.replace(/\s+/gu, "").replace(/[（(].*?[)）]/gu, "");
  const key = name.endsWith("罪") ? name : `${name}罪`;
  const hit = canonicalCache.get(key);
  if (hit !== undefined) return hit;
  const { charges } = loadLegalDictionary();
  let best: string | null = null;
  if (charges.includes(key)) best = key;
  else {
    const bare = key.replace(/、/gu, "");
    for (const charge of charges) {
      // The written form must be contained in the official one in order (贩卖毒品罪 in 走私、贩卖、运输、制造毒品罪).
      if (bare.length < 4 || !isSubsequence(bare, charge.replace(/、/gu, ""))) continue;
      if (best === null || charge.length < best.length) best = charge;
    }
  }
  if (canonicalCache.size < 10_000) canonicalCache.set(key, best);
  return best;
}

const CHARGE_AFTER = /(?:犯|构成|涉嫌|以)([^，。；：,;:“”"（）()\s]{2,60}?罪)(?![犯名行])/gu;

/**
 * Finds the official charges a judgment convicts of (犯…罪 in the outcome, 构成…罪 in the
 * reasoning); several charges joined by 、 are all returned, each once, in order of appearance.
 */
export function extractCharges(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CHARGE_AFTER)) {
    const phrase = match[1] ?? "";
    // "犯盗窃罪、诈骗罪" is captured up to the first 罪; the rest follows after 、.
    const pieces = [phrase];
    let rest = text.slice((match.index ?? 0) + match[0].length);
    for (;;) {
      const next = /^、([^，。；：,;:、\s]{2,40}?罪)/u.exec(rest);
      if (!next) break;
      pieces.push(next[1] ?? "");
      rest = rest.slice(next[0].length);
    }
    for (const piece of pieces) {
      const canonical = canonicalizeCharge(piece);
      if (canonical !== null && !found.includes(canonical)) found.push(canonical);
    }
  }
  return found;
}
