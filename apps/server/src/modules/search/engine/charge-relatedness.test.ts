import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHARGE_RELATEDNESS,
  learnChargeRelatedness,
  relatedChargeCredit,
} from "./charge-relatedness";

describe("learnChargeRelatedness", () => {
  it("credits a case's charges with its grade when it has none of the query's charges", () => {
    const table = learnChargeRelatedness([
      { queryCharges: ["聚众斗殴罪"], caseCharges: ["故意伤害罪"], grade: 3 },
      { queryCharges: ["聚众斗殴罪"], caseCharges: ["故意伤害罪"], grade: 3 },
      { queryCharges: ["聚众斗殴罪"], caseCharges: ["故意伤害罪"], grade: 0 },
      { queryCharges: ["聚众斗殴罪"], caseCharges: ["危险驾驶罪"], grade: 0 },
    ]);
    // Two grade-3 cases of three, behind a prior of two ungraded ones: 2 / (3 + 2).
    expect(table.get("聚众斗殴罪|故意伤害罪")).toBeCloseTo(0.4);
    // Only ever judged irrelevant: not stored, so it counts 0.
    expect(table.has("聚众斗殴罪|危险驾驶罪")).toBe(false);
    // Learned for the query's charge only: the reverse pair is unknown.
    expect(table.has("故意伤害罪|聚众斗殴罪")).toBe(false);
  });

  it("learns nothing from cases that share a query charge", () => {
    const table = learnChargeRelatedness([
      { queryCharges: ["盗窃罪", "非法侵入住宅罪"], caseCharges: ["盗窃罪", "抢劫罪"], grade: 3 },
    ]);
    expect(table.size).toBe(0);
  });
});

describe("relatedChargeCredit", () => {
  it("takes the case's most related charge", () => {
    const table = new Map([
      ["诈骗罪|合同诈骗罪", 0.6],
      ["诈骗罪|盗窃罪", 0.2],
    ]);
    expect(relatedChargeCredit(table, "诈骗罪", ["盗窃罪", "合同诈骗罪"])).toBe(0.6);
    expect(relatedChargeCredit(table, "诈骗罪", ["危险驾驶罪"])).toBe(0);
  });

  it("ships a table in which 故意伤害罪 cases count for a 聚众斗殴罪 query", () => {
    expect(DEFAULT_CHARGE_RELATEDNESS.get("聚众斗殴罪|故意伤害罪")).toBeGreaterThan(0.3);
    for (const value of DEFAULT_CHARGE_RELATEDNESS.values()) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
  });
});
