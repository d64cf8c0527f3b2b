import type { Executor } from "../../platform";
import { listFiledEvidence } from "../filing/index";

/**
 * The ids of a case's submitted items of evidence: the evidence list filed with the complaint and the
 * submitted catalogue items, for contexts that name the evidence a finding relies on.
 */
export async function listSubmittedEvidenceIds(db: Executor, caseId: string): Promise<Set<string>> {
  const [items, filed] = await Promise.all([
    db
      .selectFrom("evidence_items")
      .select("id")
      .where("case_id", "=", caseId)
      .where("status", "=", "submitted")
      .execute(),
    listFiledEvidence(db, caseId),
  ]);
  return new Set([...items.map((i) => i.id), ...filed.map((f) => f.id)]);
}
