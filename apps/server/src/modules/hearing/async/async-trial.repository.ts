import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor } from "../../../platform";
import type {
  AsyncTrialAnswersTable,
  AsyncTrialConsentsTable,
  AsyncTrialLiveRequestsTable,
  AsyncTrialMissedAnswersTable,
  AsyncTrialQuestionsTable,
  AsyncTrialsTable,
} from "./async-trial.tables";

export type AsyncTrialRow = Selectable<AsyncTrialsTable>;
export type ConsentRow = Selectable<AsyncTrialConsentsTable>;
export type QuestionRow = Selectable<AsyncTrialQuestionsTable>;
export type AnswerRow = Selectable<AsyncTrialAnswersTable>;
export type MissedRow = Selectable<AsyncTrialMissedAnswersTable>;
export type LiveRequestRow = Selectable<AsyncTrialLiveRequestsTable>;

export async function findAsyncTrial(db: Executor, trialId: string) {
  return db.selectFrom("async_trials").selectAll().where("id", "=", trialId).executeTakeFirst();
}

/** Loads and row-locks an asynchronous trial inside a command's transaction (after its case). */
export async function lockAsyncTrial(trx: Executor, trialId: string) {
  return trx.selectFrom("async_trials").selectAll().where("id", "=", trialId).forUpdate().executeTakeFirst();
}

/** The case's asynchronous trials, the latest first. */
export async function listAsyncTrialsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("async_trials")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("applied_at", "desc")
    .orderBy("id")
    .execute();
}

export async function findActiveAsyncTrial(db: Executor, caseId: string) {
  return db
    .selectFrom("async_trials")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("status", "in", ["applied", "open"])
    .executeTakeFirst();
}

export async function insertAsyncTrial(trx: Executor, values: Insertable<AsyncTrialsTable>) {
  return trx.insertInto("async_trials").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAsyncTrial(
  trx: Executor,
  trialId: string,
  values: Updateable<AsyncTrialsTable>,
  now: Date,
) {
  return trx
    .updateTable("async_trials")
    .set({ ...values, updated_at: now })
    .where("id", "=", trialId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listConsents(db: Executor, trialId: string) {
  return db.selectFrom("async_trial_consents").selectAll().where("trial_id", "=", trialId).execute();
}

export async function insertConsent(trx: Executor, values: Insertable<AsyncTrialConsentsTable>) {
  await trx.insertInto("async_trial_consents").values(values).execute();
}

export async function listQuestions(db: Executor, trialId: string) {
  return db
    .selectFrom("async_trial_questions")
    .selectAll()
    .where("trial_id", "=", trialId)
    .orderBy("number")
    .execute();
}

export async function findQuestion(db: Executor, questionId: string) {
  return db.selectFrom("async_trial_questions").selectAll().where("id", "=", questionId).executeTakeFirst();
}

export async function lockQuestion(trx: Executor, questionId: string) {
  return trx
    .selectFrom("async_trial_questions")
    .selectAll()
    .where("id", "=", questionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function nextQuestionNumber(db: Executor, trialId: string): Promise<number> {
  const row = await db
    .selectFrom("async_trial_questions")
    .select((eb) => eb.fn.max("number").as("last"))
    .where("trial_id", "=", trialId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertQuestion(trx: Executor, values: Insertable<AsyncTrialQuestionsTable>) {
  return trx.insertInto("async_trial_questions").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateQuestion(
  trx: Executor,
  questionId: string,
  values: Updateable<AsyncTrialQuestionsTable>,
) {
  return trx
    .updateTable("async_trial_questions")
    .set(values)
    .where("id", "=", questionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An answer of a trial's question, with its video's place in the file store. */
export async function findAnswerOfTrial(db: Executor, trialId: string, answerId: string) {
  return db
    .selectFrom("async_trial_answers as a")
    .innerJoin("async_trial_questions as q", "q.id", "a.question_id")
    .select(["a.id", "a.video_sha256", "a.video_media_type", "a.video_size", "a.answered_at"])
    .where("a.id", "=", answerId)
    .where("q.trial_id", "=", trialId)
    .executeTakeFirst();
}

export async function listAnswers(db: Executor, questionIds: readonly string[]) {
  if (questionIds.length === 0) return [];
  return db
    .selectFrom("async_trial_answers")
    .selectAll()
    .where("question_id", "in", questionIds)
    .orderBy("answered_at")
    .orderBy("id")
    .execute();
}

export async function insertAnswer(trx: Executor, values: Insertable<AsyncTrialAnswersTable>) {
  return trx.insertInto("async_trial_answers").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function listMissed(db: Executor, questionIds: readonly string[]) {
  if (questionIds.length === 0) return [];
  return db
    .selectFrom("async_trial_missed_answers")
    .selectAll()
    .where("question_id", "in", questionIds)
    .orderBy("recorded_at")
    .execute();
}

export async function insertMissed(trx: Executor, values: Insertable<AsyncTrialMissedAnswersTable>) {
  await trx
    .insertInto("async_trial_missed_answers")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listLiveRequests(db: Executor, trialId: string) {
  return db
    .selectFrom("async_trial_live_requests")
    .selectAll()
    .where("trial_id", "=", trialId)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
}

export async function lockLiveRequest(trx: Executor, requestId: string) {
  return trx
    .selectFrom("async_trial_live_requests")
    .selectAll()
    .where("id", "=", requestId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertLiveRequest(trx: Executor, values: Insertable<AsyncTrialLiveRequestsTable>) {
  return trx.insertInto("async_trial_live_requests").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateLiveRequest(
  trx: Executor,
  requestId: string,
  values: Updateable<AsyncTrialLiveRequestsTable>,
) {
  return trx
    .updateTable("async_trial_live_requests")
    .set(values)
    .where("id", "=", requestId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Refuses every pending live-hearing request of a trial that ends (the decision is the ending itself). */
export async function settlePendingLiveRequests(
  trx: Executor,
  trialId: string,
  values: { status: "granted" | "refused"; decision_reasons: string; decided_by: string; decided_at: Date },
) {
  await trx
    .updateTable("async_trial_live_requests")
    .set(values)
    .where("trial_id", "=", trialId)
    .where("status", "=", "pending")
    .execute();
}
