import type { Readable } from "node:stream";
import type { AppContext } from "../../../../context";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  type CommandMeta,
} from "../../../../platform";
import { courtDateOf } from "../../../cases/index";
import { assertTrialStatus, judgeBut, loadTrialFor, lockTrialFor, userOf } from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import { insertAnswer, listAnswers, lockQuestion, type AnswerRow } from "../async-trial.repository";
import { addressees, isWindowOpen } from "../async-trial.rules";

/**
 * A party, or its agent, answers a question put to it within its window (在线诉讼规则第二十条第一款:
 * 在一定期限内分别登录诉讼平台). Each party answers at its own time; a further answer to the same question
 * is kept as a supplement (补充陈述), marked as such in the record. After the window: refused with the day
 * it ended. The judge is told. Throws `async_trial_not_found`, `forbidden`, `async_trial_not_addressed`,
 * `async_trial_status_conflict`, `async_trial_window_closed`.
 */
export async function answerAsyncTrialQuestion(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  questionId: string,
  input: {
    body: string;
    partyId?: string | null | undefined;
    /** 在线诉讼规则第二十条第二款: the party's recorded video statement. */
    video?: { fileName: string; stream: Readable } | undefined;
  },
): Promise<AnswerRow> {
  const user = userOf(meta.actor);
  try {
    await loadTrialFor(context.db, meta.actor, trialId);
    if (input.video) validateFileName(input.video.fileName);
  } catch (error) {
    input.video?.stream.resume();
    throw error;
  }
  let video: { sha256: string; size: number; mediaType: string } | null = null;
  if (input.video) {
    const staged = await context.files.stage(input.video.stream, context.config.maxUploadBytes);
    try {
      const { mediaType } = await sniffFileType(staged.head, input.video.fileName, staged.size);
      if (!mediaType.startsWith("video/")) {
        throw new AppError("validation_failed", [
          { path: "video", code: "not_video", message: "a video statement must be a video file" },
        ]);
      }
      video = { sha256: staged.sha256, size: staged.size, mediaType };
    } catch (error) {
      await staged.discard();
      throw error;
    }
    await staged.commit();
  }
  if (input.body.trim() === "" && video === null) {
    throw new AppError("validation_failed", [
      { path: "body", code: "too_small", message: "an answer needs a text or a video" },
    ]);
  }
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    const question = await lockQuestion(trx, questionId);
    if (!question || question.trial_id !== trialId) throw new AppError("async_trial_not_found");
    const own = access.relation.ownPartyIds;
    if (own.length === 0 || (input.partyId && !own.includes(input.partyId))) {
      throw new AppError("forbidden", [
        { code: "party_only", message: "only a party of the case or its agent may answer" },
      ]);
    }
    // A party answers only what is put to it.
    const addressed = addressees(
      question,
      access.parts.parties.map((p) => p.id),
    );
    const candidates = (input.partyId ? [input.partyId] : own).filter((id) => addressed.includes(id));
    const partyId = candidates[0];
    if (partyId === undefined) throw new AppError("async_trial_not_addressed");
    assertTrialStatus(access.trial, "answer");
    if (!isWindowOpen(question.window_ends_at, meta.now)) {
      throw new AppError("async_trial_window_closed", [
        {
          code: "window_closed",
          message: `the window ended at ${question.window_ends_at.toISOString()}`,
          params: {
            endedAt: question.window_ends_at.toISOString(),
            endedOn: courtDateOf(question.window_ends_at),
          },
        },
      ]);
    }
    const earlier = await listAnswers(trx, [questionId]);
    const isSupplement = earlier.some((a) => a.party_id === partyId);
    const answer = await insertAnswer(trx, {
      question_id: questionId,
      party_id: partyId,
      body: input.body.trim(),
      video_sha256: video?.sha256 ?? null,
      video_media_type: video?.mediaType ?? null,
      video_size: video?.size ?? null,
      is_supplement: isSupplement,
      answered_by: user.userId,
      answered_at: meta.now,
    });
    if (video) await recordStoredFile(trx, { ...video, now: meta.now });
    const party = access.parts.parties.find((p) => p.id === partyId)!;
    await recordAsyncTrialAct(trx, meta, {
      trial: access.trial,
      action: "async_trial.answered",
      courtEvent: "async_trial_answered",
      data: {
        questionId,
        answerId: answer.id,
        partyId,
        isSupplement,
        answeredAt: meta.now.toISOString(),
        // The video's hash in the ledger makes the statement verifiable like any evidence file.
        videoSha256: video?.sha256 ?? null,
      },
      inbox: [
        {
          recipientIds: judgeBut(meta.actor, access),
          kind: "async_trial_answered",
          params: {
            caseNumber: access.row.case_number,
            partyName: party.name,
            number: question.number,
            isSupplement,
          },
        },
      ],
    });
    return answer;
  });
}
