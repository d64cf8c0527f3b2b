import type { AppContext } from "../../../../context";
import { AppError, enqueueJob, inTransaction, type CommandMeta, type Executor } from "../../../../platform";
import {
  accountsOfParties,
  assertJudge,
  assertTrialStatus,
  loadTrialFor,
  lockTrialFor,
  userOf,
} from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import {
  asyncTrialReminderJobKind,
  asyncTrialReminderKey,
  asyncTrialWindowJobKind,
  asyncTrialWindowKey,
} from "../async-trial.job-kinds";
import {
  insertQuestion,
  lockQuestion,
  nextQuestionNumber,
  updateQuestion,
  type QuestionRow,
} from "../async-trial.repository";
import { addressees, MAX_WINDOW_DAYS, MIN_WINDOW_HOURS, reminderAt, windowIssue } from "../async-trial.rules";

export interface PostQuestionInput {
  kind: "question" | "issue";
  body: string;
  /** One party, or null for every party. */
  addressedPartyId: string | null;
  windowEndsAt: string;
}

function assertWindow(endsAt: Date, now: Date, currentEnd: Date | null): void {
  const issue = windowIssue(endsAt, now, currentEnd);
  if (issue) {
    throw new AppError("async_trial_window_invalid", [
      {
        path: "windowEndsAt",
        code: issue,
        message: `a window runs from ${MIN_WINDOW_HOURS} hours to ${MAX_WINDOW_DAYS} days ahead`,
        params: { minHours: MIN_WINDOW_HOURS, maxDays: MAX_WINDOW_DAYS },
      },
    ]);
  }
}

/** Queues the reminder and the window-close job of a question's window (moved when it is extended). */
async function queueWindowJobs(trx: Executor, question: QuestionRow, now: Date): Promise<void> {
  const payload = { questionId: question.id, windowEndsAt: question.window_ends_at.toISOString() };
  await enqueueJob(trx, asyncTrialReminderJobKind, payload, {
    runAt: reminderAt(question.window_ends_at, now),
    dedupeKey: asyncTrialReminderKey(question.id),
    now,
  });
  await enqueueJob(trx, asyncTrialWindowJobKind, payload, {
    runAt: new Date(question.window_ends_at.getTime() + 1000),
    dedupeKey: asyncTrialWindowKey(question.id),
    now,
  });
}

/**
 * The judge puts a question, or sets out an issue in dispute (争议焦点), to every party or to one, with
 * a response window (在线诉讼规则第二十条第一款: 指定当事人在一定期限内分别登录诉讼平台). The addressed parties
 * are told; a reminder and the window's close are queued. Throws `async_trial_not_found`, `forbidden`,
 * `async_trial_status_conflict`, `async_trial_window_invalid`, `validation_failed`.
 */
export async function postAsyncTrialQuestion(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  input: PostQuestionInput,
): Promise<QuestionRow> {
  const user = userOf(meta.actor);
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  const endsAt = new Date(input.windowEndsAt);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    assertTrialStatus(access.trial, "post");
    if (
      input.addressedPartyId !== null &&
      !access.parts.parties.some((p) => p.id === input.addressedPartyId)
    ) {
      throw new AppError("validation_failed", [
        { path: "addressedPartyId", code: "not_a_party", message: "not a party of the case" },
      ]);
    }
    assertWindow(endsAt, meta.now, null);
    const question = await insertQuestion(trx, {
      trial_id: trialId,
      number: await nextQuestionNumber(trx, trialId),
      kind: input.kind,
      body: input.body,
      addressed_party_id: input.addressedPartyId,
      window_ends_at: endsAt,
      reminded_for: null,
      lapsed_for: null,
      posted_by: user.userId,
      posted_at: meta.now,
    });
    await queueWindowJobs(trx, question, meta.now);
    const partyIds = addressees(
      question,
      access.parts.parties.map((p) => p.id),
    );
    await recordAsyncTrialAct(trx, meta, {
      trial: access.trial,
      action: "async_trial.question_posted",
      courtEvent: "async_trial_question_posted",
      data: {
        questionId: question.id,
        number: question.number,
        kind: question.kind,
        addressedPartyId: question.addressed_party_id,
        windowEndsAt: endsAt.toISOString(),
      },
      inbox: [
        {
          recipientIds: accountsOfParties(access.parts, partyIds),
          kind: "async_trial_question",
          params: {
            caseNumber: access.row.case_number,
            number: question.number,
            kind: question.kind,
            windowEndsAt: endsAt.toISOString(),
          },
        },
      ],
    });
    return question;
  });
}

/**
 * The judge extends a question's response window (also after it closed, to let a party answer): the
 * new end must be later than the current one and within the bounds of a window. The reminder and the
 * close move with it. Throws `async_trial_not_found`, `forbidden`, `async_trial_status_conflict`,
 * `async_trial_window_invalid`.
 */
export async function extendAsyncTrialWindow(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  questionId: string,
  input: { windowEndsAt: string },
): Promise<QuestionRow> {
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  const endsAt = new Date(input.windowEndsAt);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    const current = await lockQuestion(trx, questionId);
    if (!current || current.trial_id !== trialId) throw new AppError("async_trial_not_found");
    assertTrialStatus(access.trial, "extend");
    assertWindow(endsAt, meta.now, current.window_ends_at);
    const question = await updateQuestion(trx, questionId, {
      window_ends_at: endsAt,
      extended_count: current.extended_count + 1,
    });
    await queueWindowJobs(trx, question, meta.now);
    const partyIds = addressees(
      question,
      access.parts.parties.map((p) => p.id),
    );
    await recordAsyncTrialAct(trx, meta, {
      trial: access.trial,
      action: "async_trial.window_extended",
      courtEvent: "async_trial_window_extended",
      data: {
        questionId,
        previousEndsAt: current.window_ends_at.toISOString(),
        windowEndsAt: endsAt.toISOString(),
      },
      inbox: [
        {
          recipientIds: accountsOfParties(access.parts, partyIds),
          kind: "async_trial_window_extended",
          params: {
            caseNumber: access.row.case_number,
            number: question.number,
            windowEndsAt: endsAt.toISOString(),
          },
        },
      ],
    });
    return question;
  });
}
