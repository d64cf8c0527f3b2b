import { systemMeta, type Tx } from "../../../platform";
import { canServeAnotherWay } from "../delivery.rules";
import { listOpenServicesOfUser, lockService, updateService } from "../services.repository";
import { completeServiceIfDue } from "./complete-service";

/**
 * An addressee who acted in the case on what was served (filed an answer, an objection …) has been
 * served (在线诉讼规则第三十一条第二款第（一）项; 互联网法院规定第十七条), in the caller's transaction: each open
 * service of theirs in the case — addressed to their account or to a party they acted as — records the
 * act and completes if it was not complete.
 */
export async function recordPartyActed(
  trx: Tx,
  options: { caseId: string; userId: string; partyIds?: readonly string[]; now: Date },
): Promise<{ completed: string[] }> {
  const completed: string[] = [];
  const open = await listOpenServicesOfUser(trx, options.caseId, options.userId, options.partyIds ?? []);
  for (const { id } of open) {
    const row = await lockService(trx, id);
    if (!row || !canServeAnotherWay(row.status) || row.acted_at !== null) continue;
    await updateService(trx, id, { acted_at: options.now }, options.now);
    if (
      await completeServiceIfDue(
        trx,
        { ...row, acted_at: options.now },
        options.now,
        systemMeta("service", options.now),
      )
    )
      completed.push(id);
  }
  return { completed };
}
