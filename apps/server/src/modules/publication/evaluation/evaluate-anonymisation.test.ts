import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { needsSharedData, sharedDataPath } from "../../../../../../scripts/shared-data";
import {
  evaluateAnonymisation,
  formatReport,
  readGold,
  readJudgmentTexts,
  type EvaluationReport,
} from "./evaluate-anonymisation";

const LECARD_V2 = "lecardv2/judgments.jsonl";

/**
 * The share of changed characters that did not need to change may not pass 1 %. Measured: 0.07 % on the
 * 160 judgments (2 of 2,677 changed characters). 1 % leaves room for about 25 needless characters on this set
 * — one address cut too long, or a few words taken for names — and fails on the kind of regression the first
 * held-out run showed (27 %: an address taken once and then deleted at every recurrence of a street name).
 */
const OVER_CHANGE_LIMIT = 0.01;

/** 法释〔2016〕19号第八条、第十条: these must all go; the test holds the anonymiser to 100 % on this set. */
const COMPLETE_TYPES = ["id_number", "phone", "bank_account", "plate", "address", "protected_name"] as const;

describe("the gold annotation", () => {
  const gold = readGold();
  it("holds offsets, types and hashes, and no text of the judgments", () => {
    expect(gold.documents).toHaveLength(160);
    for (const document of gold.documents) {
      expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.keys(document).sort()).toEqual(
        ["change", "id", "keep", "length", "optional", "sha256", "split"].sort(),
      );
      for (const [start, end] of [...document.change, ...document.optional, ...document.keep]) {
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(document.length);
      }
    }
  });
  it("holds out every 5th judgment by id order", () => {
    const ids = gold.documents.map((d) => d.id).sort((a, b) => a - b);
    const heldOut = new Set(ids.filter((_, i) => i % 5 === 4));
    for (const document of gold.documents)
      expect(document.split).toBe(heldOut.has(document.id) ? "held_out" : "tune");
    expect(heldOut.size).toBe(32);
  });
});

describe("anonymisation of the 160 LeCaRDv2 judgments", needsSharedData(LECARD_V2), () => {
  let report: EvaluationReport;
  const run = () => (report ??= evaluateAnonymisation(sharedDataPath(LECARD_V2)));

  it("finds every judgment, with the text the gold was made on", () => {
    const { missing, mismatched, splits } = run();
    expect(missing).toEqual([]);
    expect(mismatched).toEqual([]);
    expect(splits.all.documents).toBe(160);
    expect(splits.held_out.documents).toBe(32);
  });

  it.each(COMPLETE_TYPES)("changes every %s the gold marks, in both splits", (type) => {
    for (const split of [run().splits.tune, run().splits.held_out]) {
      const entry = split.recall[type];
      if (entry) expect(entry.recalled).toBe(entry.spans);
    }
    expect(run().splits.all.leaks.filter((leak) => leak.type === type)).toEqual([]);
  });

  it("leaves no protected string anywhere in the output", () => {
    expect(run().splits.all.survivors).toEqual([]);
  });

  it("keeps judges, clerks, prosecutors, lawyers, law firms and courts (第十一条)", () => {
    expect(run().splits.all.keepSpans).toBeGreaterThan(500);
    expect(run().splits.all.damagedKeeps).toEqual([]);
  });

  it(`changes less than ${OVER_CHANGE_LIMIT * 100} % of characters that did not need to change`, () => {
    expect(run().splits.all.changedCharacters).toBeGreaterThan(2000);
    expect(run().splits.all.overChangeShare).toBeLessThan(OVER_CHANGE_LIMIT);
  });

  it("prints figures, ids and offsets, and no text of the judgments", () => {
    const printed = formatReport(run());
    const texts = readJudgmentTexts(sharedDataPath(LECARD_V2));
    for (const document of readGold().documents) {
      const text = texts.get(document.id)!;
      expect(createHash("sha256").update(text).digest("hex")).toBe(document.sha256);
      for (const [start, end] of document.change) expect(printed).not.toContain(text.slice(start, end));
    }
    expect(printed).toContain("over-change share");
  });
});
