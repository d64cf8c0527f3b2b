import type { Tx } from "../../../platform";
import { appendTimeline } from "../cases.repository";

/**
 * Records a step that does not change the case's status on its timeline (a fee paid …); status
 * changes go through `changeCaseStatus`, which records their own step.
 */
export async function recordTimeline(
  trx: Tx,
  entry: {
    caseId: string;
    kind: string;
    actorUserId: string | null;
    data?: Record<string, unknown>;
    isPublic: boolean;
    now: Date;
  },
): Promise<void> {
  await appendTimeline(trx, entry);
}
