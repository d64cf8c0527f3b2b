import type { Executor } from "../../platform";

/**
 * How many items of a case a party has disputed in its opinions (authenticity, legality or relevance),
 * for contexts that weigh whether the main evidence is in dispute (在线诉讼规则第二十条第二款第（三）项).
 */
export async function countDisputedEvidence(db: Executor, caseId: string): Promise<number> {
  const rows = await db
    .selectFrom("evidence_opinions")
    .select(["subject_kind", "subject_id"])
    .where("case_id", "=", caseId)
    .where((eb) =>
      eb.or([
        eb("authenticity", "=", "dispute"),
        eb("legality", "=", "dispute"),
        eb("relevance", "=", "dispute"),
      ]),
    )
    .groupBy(["subject_kind", "subject_id"])
    .execute();
  return rows.length;
}
