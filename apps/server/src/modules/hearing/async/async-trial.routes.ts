import type { AppContext } from "../../../context";
import { z } from "zod";
import { AppError, commandMeta, readMultipart, requireUser, type ZodApp } from "../../../platform";
import { loadTrialFor } from "./async-trial.access";
import { answerAsyncTrialApplication } from "./commands/answer-application";
import { answerAsyncTrialQuestion } from "./commands/answer-question";
import { applyForAsyncTrial } from "./commands/apply-async-trial";
import { closeAsyncTrial } from "./commands/close-async-trial";
import { decideLiveHearingRequest, requestLiveHearing } from "./commands/live-requests";
import { openAsyncTrial, refuseAsyncTrial } from "./commands/open-async-trial";
import { extendAsyncTrialWindow, postAsyncTrialQuestion } from "./commands/post-question";
import { getAsyncTrialView } from "./async-trial.queries";
import { findAnswerOfTrial, findAsyncTrial } from "./async-trial.repository";
import {
  ZAnswerParams,
  ZAnswerRequest,
  ZApplyRequest,
  ZAsyncTrialView,
  ZCaseParams,
  ZConsentRequest,
  ZEmptyRequest,
  ZExtendRequest,
  ZLiveDecision,
  ZLiveRequest,
  ZLiveRequestParams,
  ZOpenRequest,
  ZQuestionParams,
  ZQuestionRequest,
  ZRefuseRequest,
  ZTrialParams,
} from "./async-trial.schemas";

const tags = ["hearing"];

/**
 * The asynchronous trial (非同步审理, 在线诉讼规则第二十条): a party applies, the others agree, the judge
 * opens it and puts questions with response windows, the parties answer at their own times, any party
 * may ask for a live hearing, and the judge closes it with the thread as the record. Every act answers
 * with the caller's view of the case's asynchronous trial.
 */
export async function registerAsyncTrialRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const view = (request: { actor: Parameters<typeof getAsyncTrialView>[1] }, caseId: string) =>
    getAsyncTrialView(context, request.actor, caseId);

  app.get(
    "/api/cases/:caseId/async-trial",
    {
      schema: {
        tags,
        summary: "The case's asynchronous trial as the caller sees it (parties, agents, judge, clerks)",
        params: ZCaseParams,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => view({ actor: requireUser(request.actor) }, request.params.caseId),
  );
  app.post(
    "/api/cases/:caseId/async-trial",
    {
      schema: {
        tags,
        summary: "Apply in writing for an asynchronous trial (a party; 在线诉讼规则第二十条第二款第（二）项)",
        params: ZCaseParams,
        body: ZApplyRequest,
        response: { 201: ZAsyncTrialView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await applyForAsyncTrial(context, meta(request), request.params.caseId, request.body);
      return reply.status(201).send(await view(request, request.params.caseId));
    },
  );

  const afterAct = async (request: { actor: Parameters<typeof getAsyncTrialView>[1] }, trialId: string) => {
    const row = await findAsyncTrial(context.db, trialId);
    return view(request, row!.case_id);
  };

  app.post(
    "/api/async-trials/:trialId/consent",
    {
      schema: {
        tags,
        summary: "Agree or refuse to an asynchronous trial (each other party; 第二十条第二款第（二）项)",
        params: ZTrialParams,
        body: ZConsentRequest,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await answerAsyncTrialApplication(context, meta(request), request.params.trialId, request.body);
      return afterAct(request, request.params.trialId);
    },
  );
  app.post(
    "/api/async-trials/:trialId/open",
    {
      schema: {
        tags,
        summary: "Open the asynchronous trial, attesting the conditions of 第二十条第二款 (judge)",
        params: ZTrialParams,
        body: ZOpenRequest,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await openAsyncTrial(context, meta(request), request.params.trialId, request.body);
      return afterAct(request, request.params.trialId);
    },
  );
  app.post(
    "/api/async-trials/:trialId/refuse",
    {
      schema: {
        tags,
        summary: "Refuse the application with reasons (judge)",
        params: ZTrialParams,
        body: ZRefuseRequest,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await refuseAsyncTrial(context, meta(request), request.params.trialId, request.body);
      return afterAct(request, request.params.trialId);
    },
  );
  app.post(
    "/api/async-trials/:trialId/questions",
    {
      schema: {
        tags,
        summary: "Put a question or an issue in dispute with a response window (judge)",
        params: ZTrialParams,
        body: ZQuestionRequest,
        response: { 201: ZAsyncTrialView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await postAsyncTrialQuestion(context, meta(request), request.params.trialId, request.body);
      return reply.status(201).send(await afterAct(request, request.params.trialId));
    },
  );
  app.post(
    "/api/async-trials/:trialId/questions/:questionId/extend",
    {
      schema: {
        tags,
        summary: "Extend a question's response window (judge)",
        params: ZQuestionParams,
        body: ZExtendRequest,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const { trialId, questionId } = request.params;
      await extendAsyncTrialWindow(context, meta(request), trialId, questionId, request.body);
      return afterAct(request, trialId);
    },
  );
  app.post(
    "/api/async-trials/:trialId/questions/:questionId/answers",
    {
      schema: {
        tags,
        summary: "Answer a question put to the caller's party within its window (a party or its agent)",
        params: ZQuestionParams,
        body: ZAnswerRequest,
        response: { 201: ZAsyncTrialView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { trialId, questionId } = request.params;
      await answerAsyncTrialQuestion(context, meta(request), trialId, questionId, request.body);
      return reply.status(201).send(await afterAct(request, trialId));
    },
  );
  // 在线诉讼规则第二十条第二款: the party records its part of the trial on video and uploads it.
  const ZVideoAnswerFields = z.strictObject({
    body: z.string().trim().max(8000),
    partyId: z.uuid().optional(),
  });
  app.post(
    "/api/async-trials/:trialId/questions/:questionId/answers/video",
    {
      schema: {
        tags,
        summary:
          "Answer with a recorded video statement (multipart: optional fields `body` and `partyId`, then part `file`)",
        params: ZQuestionParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZAsyncTrialView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { trialId, questionId } = request.params;
      await readMultipart(
        request,
        { fields: ["body", "partyId"], file: { field: "file", maxBytes: context.config.maxUploadBytes } },
        {
          onFile: (file) => {
            const fields = ZVideoAnswerFields.safeParse({
              body: file.fields.body ?? "",
              ...(file.fields.partyId ? { partyId: file.fields.partyId } : {}),
            });
            if (!fields.success) {
              file.stream.resume();
              throw new AppError(
                "validation_failed",
                fields.error.issues.map((issue) => ({
                  path: issue.path.join("."),
                  code: issue.code,
                  message: issue.message,
                })),
              );
            }
            return answerAsyncTrialQuestion(context, meta(request), trialId, questionId, {
              body: fields.data.body,
              partyId: fields.data.partyId,
              video: { fileName: file.fileName, stream: file.stream },
            });
          },
        },
      );
      return reply.status(201).send(await afterAct(request, trialId));
    },
  );
  app.get(
    "/api/async-trials/:trialId/answers/:answerId/video",
    {
      schema: {
        tags,
        summary: "Play a party's video statement (the case's parties, agents, judge and clerks)",
        params: ZAnswerParams,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await loadTrialFor(context.db, actor, request.params.trialId);
      const answer = await findAnswerOfTrial(context.db, request.params.trialId, request.params.answerId);
      if (!answer?.video_sha256 || !answer.video_media_type) throw new AppError("file_not_found");
      return reply
        .type(answer.video_media_type)
        .header("cache-control", "private, max-age=3600")
        .header("content-length", String(answer.video_size))
        .send(await context.files.open(answer.video_sha256));
    },
  );
  app.post(
    "/api/async-trials/:trialId/live-requests",
    {
      schema: {
        tags,
        summary: "Ask for a live hearing with reasons (a party or its agent)",
        params: ZTrialParams,
        body: ZLiveRequest,
        response: { 201: ZAsyncTrialView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await requestLiveHearing(context, meta(request), request.params.trialId, request.body);
      return reply.status(201).send(await afterAct(request, request.params.trialId));
    },
  );
  app.post(
    "/api/async-trials/:trialId/live-requests/:requestId/decide",
    {
      schema: {
        tags,
        summary: "Grant (ending the asynchronous trial) or refuse a request for a live hearing (judge)",
        params: ZLiveRequestParams,
        body: ZLiveDecision,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const { trialId, requestId } = request.params;
      await decideLiveHearingRequest(context, meta(request), trialId, requestId, request.body);
      return afterAct(request, trialId);
    },
  );
  app.post(
    "/api/async-trials/:trialId/close",
    {
      schema: {
        tags,
        summary: "Close the asynchronous trial and issue its record (judge)",
        params: ZTrialParams,
        body: ZEmptyRequest,
        response: { 200: ZAsyncTrialView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await closeAsyncTrial(context, meta(request), request.params.trialId);
      return afterAct(request, request.params.trialId);
    },
  );
}
