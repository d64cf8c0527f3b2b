import { systemMeta, writeAuditEvent, type Tx } from "../../../platform";
import { setRecipientUserOfParty } from "../services.repository";

/**
 * A party served before it had an account links one (在线诉讼规则第七条): in the caller's transaction, the
 * party's services addressed to no account become the account's, so the addressee opens what was served
 * (在线诉讼规则第三十一条第二款) and acting in the case completes it (第三十一条第二款第（一）项).
 */
export async function attachPartyUser(
  trx: Tx,
  options: { caseId: string; courtId: string; partyId: string; userId: string; now: Date },
): Promise<{ attached: string[] }> {
  const attached = await setRecipientUserOfParty(trx, options);
  if (attached.length > 0) {
    await writeAuditEvent(trx, systemMeta("service", options.now), {
      action: "delivery.services_attached",
      subjectType: "case",
      subjectId: options.caseId,
      courtId: options.courtId,
      data: { partyId: options.partyId, userId: options.userId, serviceIds: attached },
    });
  }
  return { attached };
}
