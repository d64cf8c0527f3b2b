import { describe, expect, it } from "vitest";
import { caseloadScoreShift, DEFAULT_CASELOAD_PRIOR_OPTIONS } from "./predict.caseload";
import { buildPredictionModel } from "./predict.model";
import { predictCaseload, predictOutcome } from "./predict.rules";
import { syntheticReference } from "./predict.test-fixtures";

const options = { ...DEFAULT_CASELOAD_PRIOR_OPTIONS, minimumCases: 4 };

/** Scores of a case that leans to `lean` by `margin` over the other class. */
function scores(lean: 0 | 1, margin: number): Float64Array {
  return Float64Array.from(lean === 0 ? [margin, 0] : [0, margin]);
}

describe("caseloadScoreShift", () => {
  it("raises a charge the batch is full of and lowers one the archive is full of", () => {
    // Archive: 95 % class 0. Batch: every case leans to class 1.
    const batch = Array.from({ length: 10 }, () => scores(1, 0.2));
    const shift = caseloadScoreShift([95, 5], batch, options);
    expect(shift[1]).toBeGreaterThan(0);
    expect(shift[0]).toBeLessThan(0);
  });

  it("leaves priors alone when the batch looks like the archive", () => {
    const batch = [...Array.from({ length: 9 }, () => scores(0, 1)), scores(1, 1)];
    const shift = caseloadScoreShift([90, 10], batch, options);
    expect(Math.abs(shift[0] ?? 1)).toBeLessThan(0.01);
    expect(Math.abs(shift[1] ?? 1)).toBeLessThan(0.05);
  });

  it("turns a close call to the charge the batch supports", () => {
    // Half the batch is clearly class 1; one case is a near tie the archive would give to class 0.
    const batch = [...Array.from({ length: 6 }, () => scores(1, 1)), scores(0, 0.02)];
    const shift = caseloadScoreShift([95, 5], batch, options);
    const tie = batch[6] as Float64Array;
    expect((tie[1] ?? 0) + (shift[1] ?? 0)).toBeGreaterThan((tie[0] ?? 0) + (shift[0] ?? 0));
  });

  it("keeps the archive's priors for a batch below the minimum", () => {
    const shift = caseloadScoreShift([95, 5], [scores(1, 1), scores(1, 1)], options);
    expect([...shift]).toEqual([0, 0]);
  });
});

describe("predictCaseload", () => {
  const model = buildPredictionModel(syntheticReference(), { neighbours: 10 });
  const facts = [
    "某某县人民检察院指控：被告人孙某于某日在超市内盗窃他人手机，价值人民币4000元。被告人到案后如实供述。",
    "公诉机关指控：被告人周某酒后驾驶小型轿车在道路上行驶，被民警查获。经鉴定，其血液中乙醇含量为150mg/100ml。",
  ];

  it("predicts a small batch case by case, in order", () => {
    const batch = predictCaseload(model, facts);
    expect(batch.map((p) => p.charges[0]?.label)).toEqual(["盗窃", "危险驾驶"]);
    expect(batch.map((p) => p.charges.map((c) => c.score))).toEqual(
      facts.map((text) => predictOutcome(model, text).charges.map((c) => c.score)),
    );
  });

  it("moves charge scores by the batch's frequencies when the batch is large enough", () => {
    const many = Array.from({ length: 30 }, (_, i) => facts[i % 5 === 0 ? 0 : 1] as string);
    const batch = predictCaseload(model, many, { ...DEFAULT_CASELOAD_PRIOR_OPTIONS, minimumCases: 10 });
    const single = predictOutcome(model, facts[1] as string);
    const adjusted = batch[1];
    const drunk = (p: typeof single) => p.chargeCandidates.find((c) => c.label === "危险驾驶")?.score ?? 0;
    const theft = (p: typeof single) => p.chargeCandidates.find((c) => c.label === "盗窃")?.score ?? 0;
    // The archive is mostly theft; this caseload is mostly drunk driving.
    expect(adjusted && drunk(adjusted) - theft(adjusted)).toBeGreaterThan(drunk(single) - theft(single));
    expect(batch.map((p) => p.charges[0]?.label)).toEqual(
      many.map((text) => (text === facts[0] ? "盗窃" : "危险驾驶")),
    );
  });
});
