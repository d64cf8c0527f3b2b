import type { Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import { courtDateOf, loadCaseParts } from "../../cases/index";
import { findCourt } from "../../courts/index";
import { issueDocumentForRendering } from "../../documents/index";
import { buildFeeReceiptModels } from "../documents/fee-receipt";

/**
 * The 交费凭证 of a paid fee, issued to the case's documents in the caller's transaction (诉讼费用交纳办法
 * 第二十条、第二十二条). The payer is the case's filer (or, without a party or agent of that account, the
 * plaintiffs) unless named; a counterclaim's fee names the counterclaimant. The issue's id, or null
 * when the court is gone.
 */
export async function issueFeeReceipt(
  trx: Tx,
  context: AppContext,
  input: {
    row: { id: string; court_id: string; filed_by: string; case_number: string | null; title: string | null };
    order: { id: string; amount_fen: number };
    reference: string;
    now: Date;
    payer?: string;
    item?: "case" | "counterclaim";
  },
): Promise<string | null> {
  const court = await findCourt(trx, input.row.court_id);
  if (!court) return null;
  let payer = input.payer;
  if (payer === undefined) {
    const parts = await loadCaseParts(trx, input.row.id);
    payer =
      parts.parties.find((p) => p.user_id === input.row.filed_by)?.name ??
      parts.agents.find((a) => a.user_id === input.row.filed_by)?.name ??
      parts.parties
        .filter((p) => p.role === "plaintiff")
        .map((p) => p.name)
        .join("、");
  }
  const models = buildFeeReceiptModels({
    courtNameZh: court.name_zh,
    courtNameEn: court.name_en,
    caseNumber: input.row.case_number,
    caseTitle: input.row.title,
    payer,
    amountFen: input.order.amount_fen,
    paidOn: courtDateOf(input.now),
    orderId: input.order.id,
    reference: input.reference,
    gateway: context.ports.payment.name,
    item: input.item ?? "case",
  });
  const issued = await issueDocumentForRendering(trx, {
    caseId: input.row.id,
    courtId: court.id,
    ...models,
    issuedBy: null,
    now: input.now,
  });
  return issued.issueId;
}
