import { describe, expect, it } from "vitest";
import { buildAwardModel, checkAwardDeviation, type CivilReferenceRecord } from "./predict.civil";

// Synthetic online-shopping disputes: courts awarded 60–90 % of the claim.
function records(): CivilReferenceRecord[] {
  const out: CivilReferenceRecord[] = [];
  for (let i = 0; i < 20; i += 1) {
    out.push({
      id: `shop-${i}`,
      fact: `原告通过电商平台向被告购买商品，被告未按约定发货，原告请求被告退还货款并赔偿损失${i}。`,
      claimedAmount: 10000,
      awardedAmount: 6000 + 150 * i,
      cause: "网络购物合同纠纷",
    });
  }
  for (let i = 0; i < 3; i += 1) {
    out.push({
      id: `loan-${i}`,
      fact: `原告通过网络平台向被告出借款项，被告到期未还，原告请求偿还借款本金及利息${i}。`,
      claimedAmount: 50000,
      awardedAmount: 50000,
      cause: "网络借款合同纠纷",
    });
  }
  return out;
}

const facts = "原告在电商平台向被告购买商品，被告未发货，原告请求退还货款并赔偿损失。";
const model = buildAwardModel(records());

describe("checkAwardDeviation", () => {
  it.each([
    { awarded: 7500, status: "within", code: "award_within_range" },
    { awarded: 2000, status: "below", code: "award_below_range" },
    { awarded: 12000, status: "above", code: "award_above_range" },
  ])("puts an award of $awarded of 10000 $status the range", ({ awarded, status, code }) => {
    const report = checkAwardDeviation(model, facts, {
      claimedAmount: 10000,
      awardedAmount: awarded,
      cause: "网络购物合同纠纷",
    });
    expect(report.status).toBe(status);
    expect(report.findings[0]?.code).toBe(code);
    expect(report.cases.every((c) => c.id.startsWith("shop-"))).toBe(true);
    expect(report.range?.lowRatio).toBeGreaterThanOrEqual(0.6);
    expect(report.range?.highRatio).toBeLessThanOrEqual(0.9);
  });

  it("reports insufficient data when too few cases share the cause of action", () => {
    const report = checkAwardDeviation(model, "原告出借款项，被告到期未还", {
      claimedAmount: 10000,
      awardedAmount: 10000,
      cause: "网络借款合同纠纷",
    });
    expect(report.status).toBe("insufficient_data");
    expect(report.cases.length).toBe(3);
    expect(report.findings[0]?.message.en).toMatch(/Fewer than 5/);
  });
});
