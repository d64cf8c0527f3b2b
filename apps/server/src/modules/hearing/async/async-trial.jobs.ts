import type { AppContext } from "../../../context";
import { defineJob, inTransaction, systemMeta, type JobDefinition, type Tx } from "../../../platform";
import { loadCaseParts, lockCase } from "../../cases/index";
import { accountsOfParties } from "./async-trial.access";
import { recordAsyncTrialAct } from "./async-trial.events";
import { asyncTrialReminderJobKind, asyncTrialWindowJobKind } from "./async-trial.job-kinds";
import {
  findAsyncTrial,
  findQuestion,
  insertMissed,
  listAnswers,
  lockAsyncTrial,
  lockQuestion,
  updateQuestion,
  type AsyncTrialRow,
  type QuestionRow,
} from "./async-trial.repository";
import { addressees } from "./async-trial.rules";

type Payload = { questionId: string; windowEndsAt: string };

/**
 * Locks what a window job works on — the case, the trial, the question, in the commands' order — and
 * hands it over only while the trial is open and the window still ends when the job was queued for.
 */
async function withOpenWindow(
  trx: Tx,
  payload: Payload,
  work: (input: {
    trial: AsyncTrialRow;
    question: QuestionRow;
    caseRow: Awaited<ReturnType<typeof lockCase>>;
    parts: Awaited<ReturnType<typeof loadCaseParts>>;
    unanswered: string[];
  }) => Promise<void>,
): Promise<void> {
  const found = await findQuestion(trx, payload.questionId);
  if (!found) return;
  const trialRow = await findAsyncTrial(trx, found.trial_id);
  if (!trialRow) return;
  const caseRow = await lockCase(trx, trialRow.case_id);
  const trial = await lockAsyncTrial(trx, found.trial_id);
  const question = await lockQuestion(trx, payload.questionId);
  if (!trial || !question || trial.status !== "open") return;
  if (question.window_ends_at.getTime() !== new Date(payload.windowEndsAt).getTime()) return;
  const parts = await loadCaseParts(trx, caseRow.id);
  const answered = new Set((await listAnswers(trx, [question.id])).map((a) => a.party_id));
  const unanswered = addressees(
    question,
    parts.parties.map((p) => p.id),
  ).filter((id) => !answered.has(id));
  await work({ trial, question, caseRow, parts, unanswered });
}

/**
 * Before a response window closes — a day ahead, or a few hours for a short window — the parties who
 * have not answered are reminded. Idempotent: a window since extended, a trial no longer open, or a
 * window already reminded for is left alone.
 */
export function asyncTrialReminderJob(context: AppContext): JobDefinition<Payload> {
  return defineJob({
    ...asyncTrialReminderJobKind,
    async handle(payload, { now }) {
      const meta = systemMeta("async-trial-reminder", now);
      await inTransaction(context.db, (trx) =>
        withOpenWindow(trx, payload, async ({ trial, question, caseRow, parts, unanswered }) => {
          if (question.reminded_for?.getTime() === question.window_ends_at.getTime()) return;
          await updateQuestion(trx, question.id, { reminded_for: question.window_ends_at });
          if (unanswered.length === 0) return;
          await recordAsyncTrialAct(trx, meta, {
            trial,
            action: "async_trial.reminded",
            courtEvent: null,
            data: {
              questionId: question.id,
              partyIds: unanswered,
              windowEndsAt: question.window_ends_at.toISOString(),
            },
            inbox: [
              {
                recipientIds: accountsOfParties(parts, unanswered),
                kind: "async_trial_reminder",
                params: {
                  caseNumber: caseRow.case_number,
                  number: question.number,
                  windowEndsAt: question.window_ends_at.toISOString(),
                },
              },
            ],
          });
        }),
      );
    },
  });
}

/**
 * When a response window closes, the parties who did not answer are recorded (an act with its court
 * event) and the judge is told, so the record shows it (在线诉讼规则第二十条: 在指定期限内). Idempotent.
 */
export function asyncTrialWindowJob(context: AppContext): JobDefinition<Payload> {
  return defineJob({
    ...asyncTrialWindowJobKind,
    async handle(payload, { now }) {
      const meta = systemMeta("async-trial-window", now);
      await inTransaction(context.db, (trx) =>
        withOpenWindow(trx, payload, async ({ trial, question, caseRow, parts, unanswered }) => {
          if (now.getTime() <= question.window_ends_at.getTime()) return;
          if (question.lapsed_for?.getTime() === question.window_ends_at.getTime()) return;
          await updateQuestion(trx, question.id, { lapsed_for: question.window_ends_at });
          if (unanswered.length === 0) return;
          for (const partyId of unanswered) {
            await insertMissed(trx, {
              question_id: question.id,
              party_id: partyId,
              window_ends_at: question.window_ends_at,
              recorded_at: now,
            });
          }
          await recordAsyncTrialAct(trx, meta, {
            trial,
            action: "async_trial.answer_missed",
            courtEvent: "async_trial_answer_missed",
            data: {
              questionId: question.id,
              partyIds: unanswered,
              windowEndsAt: question.window_ends_at.toISOString(),
            },
            inbox: [
              {
                recipientIds: caseRow.judge_id ? [caseRow.judge_id] : [],
                kind: "async_trial_answer_missed",
                params: {
                  caseNumber: caseRow.case_number,
                  number: question.number,
                  windowEndsAt: question.window_ends_at.toISOString(),
                  partyNames: unanswered.map((id) => parts.parties.find((p) => p.id === id)?.name ?? ""),
                },
              },
            ],
          });
        }),
      );
    },
  });
}
