import { beforeAll, describe, expect, it } from "vitest";
import { buildPredictionModel, type PredictionModel } from "./predict.model";
import {
  bestExpectedTerm,
  checkDeviation,
  predictOutcome,
  severityOf,
  termFromSeverity,
  toPredictionLine,
} from "./predict.rules";
import { syntheticReference } from "./predict.test-fixtures";

let model: PredictionModel;
const theftFacts =
  "某某县人民检察院指控：被告人孙某于某日在超市内盗窃他人手机，价值人民币4000元。被告人到案后如实供述。";

beforeAll(() => {
  model = buildPredictionModel(syntheticReference(), { neighbours: 10 });
});

describe("predictOutcome", () => {
  it("predicts the charge, article and a term near similar cases", () => {
    const prediction = predictOutcome(model, theftFacts);
    expect(prediction.charges[0]?.label).toBe("盗窃");
    expect(prediction.articles[0]?.label).toBe(264);
    expect(prediction.termMonths).toBeGreaterThanOrEqual(3);
    expect(prediction.termMonths).toBeLessThanOrEqual(12);
    expect(prediction.similarCases[0]?.id).toMatch(/^theft-/);
    expect(prediction.features.maxAmount).toBe(4000);
  });

  it("writes the CAIL2018 submission line", () => {
    const line = toPredictionLine("case-1", predictOutcome(model, theftFacts));
    expect(Object.keys(line).sort()).toEqual([
      "accusation",
      "id",
      "relevant_articles",
      "term_of_imprisonment",
    ]);
    expect(line.term_of_imprisonment).toMatchObject({ death_penalty: false, life_imprisonment: false });
  });
});

describe("checkDeviation of the term", () => {
  it.each([
    { months: 7, status: "within", code: "term_within_range" },
    { months: 0, status: "below", code: "term_below_range" },
    { months: 1, status: "below", code: "term_below_range" },
    { months: 60, status: "above", code: "term_above_range" },
    { months: -1, status: "above", code: "term_above_range" },
  ])("puts a proposed $months months $status the range", ({ months, status, code }) => {
    const report = checkDeviation(model, theftFacts, {
      charges: ["盗窃罪"],
      articles: [264],
      termMonths: months,
    });
    expect(report.term.status).toBe(status);
    expect(report.term.charge).toBe("盗窃");
    expect(report.term.cases.length).toBeGreaterThanOrEqual(5);
    expect(report.term.cases.every((c) => c.charges.includes("盗窃"))).toBe(true);
    expect(report.findings.map((f) => f.code)).toContain(code);
    const found = report.findings.find((f) => f.code === code);
    expect(found?.message["zh-CN"]).toMatch(/类案/);
    expect(found?.message.en).toMatch(/similar cases/);
  });

  it("lists the cases behind the range with similarity and terms", () => {
    const report = checkDeviation(model, theftFacts, { charges: ["盗窃"], articles: [264], termMonths: 6 });
    const [first] = report.term.cases;
    expect(first).toMatchObject({ id: expect.stringMatching(/^theft-/) as unknown });
    expect(first?.similarity).toBeGreaterThan(0);
    const sims = report.term.cases.map((c) => c.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
    expect(report.term.range?.lowMonths).toBeLessThanOrEqual(report.term.range?.highMonths ?? -1);
  });

  it("moves the range up for a larger amount", () => {
    const small = checkDeviation(model, theftFacts.replace("4000", "1000"), {
      charges: ["盗窃"],
      articles: [264],
      termMonths: 6,
    });
    const large = checkDeviation(model, theftFacts.replace("4000", "8000"), {
      charges: ["盗窃"],
      articles: [264],
      termMonths: 6,
    });
    expect(model.amountSlopes.get("盗窃")).toBeGreaterThan(0);
    expect(large.term.range?.medianMonths).toBeGreaterThan(small.term.range?.medianMonths ?? Infinity);
  });

  it("reports insufficient data when too few similar cases share the charge", () => {
    const report = checkDeviation(model, theftFacts, {
      charges: ["非国家工作人员受贿"],
      articles: [163],
      termMonths: 12,
    });
    expect(report.term.status).toBe("insufficient_data");
    expect(report.findings.map((f) => f.code)).toContain("term_insufficient_data");
  });
});

describe("checkDeviation of charges and articles", () => {
  it("flags a charge and an article that no similar case supports", () => {
    const report = checkDeviation(model, theftFacts, {
      charges: ["盗窃", "贪污"],
      articles: [264, 382],
      termMonths: 6,
    });
    expect(report.charges).toEqual([
      expect.objectContaining({ label: "盗窃", supported: true }),
      expect.objectContaining({ label: "贪污", supported: false, supportingCases: 0 }),
    ]);
    expect(report.articles.find((a) => a.label === 382)?.supported).toBe(false);
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain("charge_unsupported");
    expect(codes).toContain("article_unsupported");
  });

  it("warns when the proposed charges leave out the one the facts point to", () => {
    const report = checkDeviation(model, theftFacts, {
      charges: ["故意伤害"],
      articles: [234],
      termMonths: 6,
    });
    expect(report.findings.some((f) => f.code === "charge_not_proposed" && f.params.charge === "盗窃")).toBe(
      true,
    );
  });

  it("raises no charge or article warning for a well-supported proposal", () => {
    const report = checkDeviation(model, theftFacts, { charges: ["盗窃"], articles: [264], termMonths: 6 });
    expect(report.findings.filter((f) => f.severity === "warning")).toEqual([]);
  });
});

describe("severity scale", () => {
  it.each([0, 1, 6, 36, 180, 300, -1, -2])("round-trips %d months", (months) => {
    expect(termFromSeverity(severityOf(months))).toBe(months);
  });
});

describe("bestExpectedTerm", () => {
  const at = (months: number, weight = 1) => ({ value: Math.log(1 + months), weight });
  it.each([
    { name: "one case", mixture: [at(12)], expected: 12 },
    { name: "no custodial sentence", mixture: [at(0)], expected: 0 },
    // Two clusters: the heavier one wins although the weighted mean lies between them.
    { name: "two clusters", mixture: [at(6, 0.7), at(36, 0.3)], expected: 6 },
    // 8 to 12 months all score 1 + 0.8 against these two cases: a tie goes to the lighter term.
    { name: "a tie", mixture: [at(8), at(12)], expected: 8 },
  ])("chooses the term with the best expected score for $name", ({ mixture, expected }) => {
    expect(bestExpectedTerm(mixture)).toBe(expected);
  });
});
