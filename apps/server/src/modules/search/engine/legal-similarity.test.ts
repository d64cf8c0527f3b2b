import { describe, expect, it } from "vitest";
import type { JudgmentFeatures } from "../analysis/analyze-judgment";
import { extractElements } from "../analysis/elements";
import { chargeAgreement, compareLegalFeatures, DEFAULT_LEGAL_WEIGHTS, legalScore } from "./legal-similarity";

function features(charges: string[], facts: string): JudgmentFeatures {
  return { charges, articles: [], elements: extractElements(facts) };
}

describe("compareLegalFeatures", () => {
  it("gives full charge agreement to a case convicted of the query's charge and another one", () => {
    const query = features(["盗窃罪"], "窃得现金");
    const single = compareLegalFeatures(query, features(["盗窃罪"], "窃得现金"));
    const joined = compareLegalFeatures(query, features(["盗窃罪", "非法侵入住宅罪"], "窃得现金"));
    expect(single.chargeScore).toBe(1);
    expect(joined.chargeScore).toBe(1);
    expect(joined.sharedCharges).toEqual(["盗窃罪"]);
    expect(compareLegalFeatures(query, features(["抢劫罪"], "抢走现金")).chargeScore).toBe(0);
  });

  it("ranks a burglary with surrender above one without, all else equal", () => {
    const query = features(["盗窃罪"], "被告人翻墙进入被害人家中窃得现金，后主动投案。");
    const alike = features(["盗窃罪"], "被告人撬锁进入被害人家中窃得手机，后到公安机关自首。");
    const unlike = features(["盗窃罪"], "被告人在商场扒窃手机，被民警当场抓获。");
    const a = compareLegalFeatures(query, alike);
    const b = compareLegalFeatures(query, unlike);
    expect(a.circumstanceScore).toBe(1);
    expect(a.sharedElements).toEqual(expect.arrayContaining(["自首", "入户"]));
    expect(b.circumstanceScore).toBe(0);
    expect(legalScore(a)).toBeGreaterThan(legalScore(b));
  });

  it("scores circumstances 0, not NaN, for features stored before circumstances were extracted", () => {
    const query = features(["盗窃罪"], "被告人主动投案。");
    const stored = features(["盗窃罪"], "被告人主动投案。");
    delete stored.elements.circumstances;
    const agreement = compareLegalFeatures(query, stored);
    expect(agreement.circumstanceScore).toBe(0);
    expect(legalScore(agreement, DEFAULT_LEGAL_WEIGHTS)).toBeCloseTo(DEFAULT_LEGAL_WEIGHTS.charges);
  });

  it("credits a case of a related charge for a query charge it lacks, never above a case that has it", () => {
    const relatedCharges = new Map([["聚众斗殴罪|故意伤害罪", 0.6]]);
    const weights = { ...DEFAULT_LEGAL_WEIGHTS, relatedCharges };
    const query = features(["聚众斗殴罪", "寻衅滋事罪"], "双方持刀棍互殴");
    const same = compareLegalFeatures(query, features(["聚众斗殴罪"], "双方持刀棍互殴"));
    const related = compareLegalFeatures(query, features(["故意伤害罪"], "双方持刀棍互殴"));
    const unrelated = compareLegalFeatures(query, features(["危险驾驶罪"], "双方持刀棍互殴"));
    expect(related.chargeScore).toBe(0);
    expect(related.missingCharges).toEqual(["聚众斗殴罪", "寻衅滋事罪"]);
    expect(chargeAgreement(related, relatedCharges)).toBeCloseTo(0.3);
    expect(chargeAgreement(same, relatedCharges)).toBeCloseTo(0.5);
    expect(chargeAgreement(unrelated, relatedCharges)).toBe(0);
    expect(legalScore(same, weights)).toBeGreaterThan(legalScore(related, weights));
    expect(legalScore(related, weights)).toBeGreaterThan(legalScore(unrelated, weights));
    expect(chargeAgreement(related, undefined)).toBe(0);
  });
});
