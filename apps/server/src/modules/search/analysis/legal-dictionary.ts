import { readFileSync } from "node:fs";

/** The legal word lists shipped with the search module (one entry per line, `#` comments). */
export interface LegalDictionary {
  /** Canonical charge names (罪名), e.g. 走私、贩卖、运输、制造毒品罪. */
  charges: readonly string[];
  /** Where each charge sits in 刑法分则: chapter and, in chapters 3 and 6, section. */
  chargePlaces: ReadonlyMap<string, ChargePlace>;
  /** Terms of art, causes of action and law short titles kept whole by the segmenter. */
  terms: readonly string[];
  /** Words dropped from the index and from queries. */
  stopWords: ReadonlySet<string>;
}

/** A charge's chapter (第五章 侵犯财产罪) and section (第五节 金融诈骗罪, or null). */
export interface ChargePlace {
  chapter: string;
  section: string | null;
}

function readDictionaryFile(name: string): string {
  return readFileSync(new URL(`../dictionaries/${name}`, import.meta.url), "utf8");
}

function readList(name: string): string[] {
  return readDictionaryFile(name)
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"))
    .map((line) => line.split(/\s+/u)[0] ?? "");
}

let cached: LegalDictionary | undefined;

/** Loads (once) the charge list, legal terms and stop words from `dictionaries/`. */
export function loadLegalDictionary(): LegalDictionary {
  cached ??= {
    charges: readList("charges.txt"),
    chargePlaces: readChargePlaces(),
    terms: readList("legal-terms.txt"),
    stopWords: new Set(readList("stopwords.txt")),
  };
  return cached;
}

/** Reads the `## 第X章 … / 第Y节 …` headings of charges.txt into charge → place. */
function readChargePlaces(): Map<string, ChargePlace> {
  const places = new Map<string, ChargePlace>();
  let place: ChargePlace | null = null;
  for (const raw of readDictionaryFile("charges.txt").split(/\r?\n/u)) {
    const line = raw.trim();
    if (line.startsWith("## ")) {
      const [chapter, section] = line.slice(3).split(" / ");
      place = { chapter: (chapter ?? "").trim(), section: section?.trim() ?? null };
    } else if (line.length > 0 && !line.startsWith("#") && place !== null) {
      places.set(line, place);
    }
  }
  return places;
}

/**
 * The jieba user dictionary (`word freq tag` lines): every charge name with and without 罪, each
 * branch of a selective charge (贩卖毒品罪 from 走私、贩卖、运输、制造毒品罪), and the legal terms.
 * High frequencies make the segmenter keep them whole.
 */
export function buildJiebaUserDictionary(dictionary: LegalDictionary = loadLegalDictionary()): string {
  const words = new Set<string>();
  for (const charge of dictionary.charges) {
    for (const variant of expandSelectiveCharge(charge)) {
      words.add(variant);
      if (variant.endsWith("罪") && variant.length > 2) words.add(variant.slice(0, -1));
    }
  }
  for (const term of dictionary.terms) words.add(term);
  return [...words]
    .filter((word) => !word.includes("、"))
    .map((word) => `${word} 200000 n`)
    .join("\n");
}

/**
 * Splits a selective charge (选择性罪名) into the single-act names judgments use:
 * 走私、贩卖、运输、制造毒品罪 → 走私毒品罪, 贩卖毒品罪, 运输毒品罪, 制造毒品罪 (plus the full name).
 * The acts are assumed to have the length of the first act, which holds for the official list.
 */
export function expandSelectiveCharge(charge: string): string[] {
  const parts = charge.split("、");
  if (parts.length < 2) return [charge];
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  // Leading qualifier shared by all acts: 非法持有、私藏枪支、弹药罪 has acts 持有/私藏 after 非法.
  const actLength = Math.min(2, first.length);
  const prefix = first.slice(0, first.length - actLength);
  const acts = [first.slice(prefix.length), ...parts.slice(1, -1), last.slice(0, actLength)];
  const object = last.slice(actLength);
  if (object.length < 2 || !object.endsWith("罪")) return [charge];
  const variants = new Set<string>([charge]);
  for (const act of acts) {
    if (act.length === 0 || act.length > 4) continue;
    variants.add(`${prefix}${act}${object}`);
  }
  return [...variants];
}
