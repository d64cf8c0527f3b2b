import { describe, expect, it } from "vitest";
import { counterclaimFee } from "./counterclaim.rules";
import { calculateFee } from "./fees.rules";

describe("counterclaimFee (诉讼费用交纳办法第十八条)", () => {
  it.each([
    // 5,000 yuan: 50 yuan under 第十三条第（一）项 → halved to 25 when tried together.
    { amount: 5000, procedure: "ordinary" as const, fee: 2500, basis: "诉讼费用交纳办法第十八条" },
    // 100,000 yuan: 2,300 yuan → 1,150.
    { amount: 100000, procedure: "ordinary" as const, fee: 115000, basis: "诉讼费用交纳办法第十八条" },
    // Simplified procedure: already halved once (第十六条), not again (民诉法解释第二百零六条).
    {
      amount: 100000,
      procedure: "simplified" as const,
      fee: 115000,
      basis: "诉讼费用交纳办法第十八条；民诉法解释第二百零六条",
    },
  ])("charges $fee fen for a $amount yuan counterclaim in the $procedure procedure", (row) => {
    const quote = calculateFee({ kind: "property", amount: row.amount, procedure: row.procedure });
    const fee = counterclaimFee(quote);
    expect(fee.feeFen).toBe(row.fee);
    expect(fee.basis).toBe(row.basis);
  });

  it("rounds half a fen up to the fen", () => {
    expect(counterclaimFee({ feeFen: 5001, halvedFor: null }).feeFen).toBe(2501);
  });
});
