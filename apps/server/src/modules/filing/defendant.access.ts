import { AppError, type Actor, type Executor } from "../../platform";
import { answerWindow, defendantPartiesOf, findDeadlineDue, type AnswerWindow } from "../cases/index";
import { loadFiling, type FilingAccess } from "./filing.access";

export interface DefendantAccess extends FilingAccess {
  /** The defendant party the actor acts for (in person or as agent). */
  partyId: string;
  party: FilingAccess["parts"]["parties"][number];
}

/**
 * Loads a case for an act of the defendant: invisible is `case_not_found` (404); visible to someone
 * who is not a defendant or a defendant's agent is `not_a_defendant` (403). With several defendants
 * the actor represents, `partyId` names the one acting (民事诉讼法第六十一条: an agent acts for the
 * party who appointed them).
 */
export async function loadDefendantAct(
  db: Executor,
  actor: Actor,
  caseId: string,
  partyId?: string | null,
): Promise<DefendantAccess> {
  const access = await loadFiling(db, actor, caseId);
  const mine = defendantPartiesOf(access.relation, access.parts.parties);
  const chosen = partyId ?? mine[0];
  if (chosen === undefined || !mine.includes(chosen)) throw new AppError("not_a_defendant");
  const party = access.parts.parties.find((p) => p.id === chosen)!;
  return { ...access, partyId: chosen, party };
}

/** The answer window of a case now (民事诉讼法第一百二十八条), from the answer deadline opened on service. */
export async function answerWindowOf(
  db: Executor,
  row: { id: string; status: FilingAccess["row"]["status"] },
  now: Date,
): Promise<AnswerWindow> {
  return answerWindow({
    status: row.status,
    answerDueAt: await findDeadlineDue(db, row.id, "answer_period"),
    now,
  });
}

/** Refuses an act after the answer period (`answer_period_expired`) or outside the trial's early stage. */
export function assertAnswerWindowOpen(window: AnswerWindow): void {
  if (window === "expired") throw new AppError("answer_period_expired");
  if (window === "closed_status")
    throw new AppError("case_status_conflict", [
      { code: "answer_window", message: "the defendant answers after registration and before the hearing" },
    ]);
}
