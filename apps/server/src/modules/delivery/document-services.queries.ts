import type { Executor } from "../../platform";
import { isComplete } from "./delivery.rules";
import { listServicesOfCase } from "./services.repository";

/** One service of an issued document, as the rules of other contexts read it. */
interface DocumentServiceFacts {
  recipientPartyId: string | null;
  /** When service was complete; null while it is not (民事诉讼法第八十五条: periods run from here). */
  servedAt: Date | null;
  /** The period this service opens once complete, if any. */
  following: { kind: string; days: number; basis: string } | null;
}

/**
 * The services of one issued document of a case, complete or not: the facts a ruling's taking effect
 * hangs on (民事诉讼法第一百五十八条: the appeal period runs from each party's service).
 */
export async function listServicesOfDocument(
  db: Executor,
  caseId: string,
  documentIssueId: string,
): Promise<DocumentServiceFacts[]> {
  const rows = await listServicesOfCase(db, caseId);
  return rows
    .filter((row) => row.document_issue_id === documentIssueId)
    .map((row) => ({
      recipientPartyId: row.recipient_party_id,
      servedAt: isComplete(row.status) ? row.served_at : null,
      following:
        row.following_kind && row.following_days && row.following_basis
          ? { kind: row.following_kind, days: row.following_days, basis: row.following_basis }
          : null,
    }));
}
