import type { FeeQuote } from "./fees.rules";

export interface CounterclaimFee {
  /** The fee due, in fen. */
  feeFen: number;
  /** The fee the counterclaim would bear as an action of its own, in fen. */
  fullFeeFen: number;
  /** Why the fee is what it is, as the law cites it. */
  basis: string;
}

/**
 * The acceptance fee of a counterclaim tried together with the action: halved (诉讼费用交纳办法第十八条:
 * 被告提起反诉……人民法院决定合并审理的，分别减半交纳案件受理费). A fee already halved on another ground
 * (第十六条, simplified procedure) is not halved again (民诉法解释第二百零六条: 减半交纳的，只减半一次).
 */
export function counterclaimFee(quote: Pick<FeeQuote, "feeFen" | "halvedFor">): CounterclaimFee {
  if (quote.halvedFor !== null)
    return {
      feeFen: quote.feeFen,
      fullFeeFen: quote.feeFen,
      basis: "诉讼费用交纳办法第十八条；民诉法解释第二百零六条",
    };
  return {
    feeFen: Math.round(quote.feeFen / 2),
    fullFeeFen: quote.feeFen,
    basis: "诉讼费用交纳办法第十八条",
  };
}
