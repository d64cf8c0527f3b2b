import { describe, expect, it } from "vitest";
import type { JudgmentFeatures } from "../analysis/analyze-judgment";
import { extractElements } from "../analysis/elements";
import { compareLegalFeatures, DEFAULT_LEGAL_WEIGHTS, legalScore } from "./legal-similarity";

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
});
