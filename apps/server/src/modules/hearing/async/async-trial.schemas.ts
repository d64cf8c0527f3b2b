import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
const ZInstant = z.iso.datetime({ offset: true });
const ZPartyChoice = z
  .uuid()
  .nullish()
  .describe("The party the caller acts for, when it acts for several (its own party by default)");

export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case id") });
export const ZTrialParams = z.strictObject({ trialId: z.uuid().describe("Asynchronous trial id") });
export const ZQuestionParams = z.strictObject({
  trialId: z.uuid().describe("Asynchronous trial id"),
  questionId: z.uuid().describe("Question id"),
});
export const ZLiveRequestParams = z.strictObject({
  trialId: z.uuid().describe("Asynchronous trial id"),
  requestId: z.uuid().describe("Live-hearing request id"),
});

export const ZApplyRequest = z.strictObject({
  reasons: text(2000).describe("The written application's reasons (在线诉讼规则第二十条第二款第（二）项)"),
  partyId: ZPartyChoice,
});
export const ZConsentRequest = z.strictObject({
  decision: z.enum(["consented", "refused"]).describe("Whether the party agrees to an asynchronous trial"),
  reason: text(2000).nullish().describe("Why not (optional)"),
  partyId: ZPartyChoice,
});
export const ZOpenRequest = z.strictObject({
  difficultyAttested: z
    .boolean()
    .describe(
      "第二十条第二款第（一）项: the parties truly have difficulty attending online at the same time",
    ),
  undisputedAttested: z
    .boolean()
    .describe("第（三）项: after the online evidence exchange the main facts and evidence are not disputed"),
});
export const ZRefuseRequest = z.strictObject({
  reasons: text(2000).describe("Why the case is not tried asynchronously"),
});
export const ZQuestionRequest = z.strictObject({
  kind: z.enum(["question", "issue"]).describe("A question, or an issue in dispute (争议焦点)"),
  body: text(4000).describe("The question or the issue"),
  addressedPartyId: z.uuid().nullable().describe("The party it is put to; null for every party"),
  windowEndsAt: ZInstant.describe("When the response window closes (2 hours to 30 days ahead)"),
});
export const ZExtendRequest = z.strictObject({
  windowEndsAt: ZInstant.describe("The window's new end, later than the current one"),
});
export const ZAnswerParams = z.strictObject({
  trialId: z.uuid().describe("Asynchronous trial id"),
  answerId: z.uuid().describe("Answer id"),
});
export const ZAnswerRequest = z.strictObject({
  body: text(8000).describe("The party's answer; a second answer is kept as a supplement"),
  partyId: ZPartyChoice,
});
export const ZLiveRequest = z.strictObject({
  reasons: text(2000).describe("Why the party asks for a live hearing"),
  partyId: ZPartyChoice,
});
export const ZLiveDecision = z.strictObject({
  decision: z.enum(["granted", "refused"]).describe("Grant (the asynchronous trial ends) or refuse"),
  reasons: text(2000).nullish().describe("The reasons; required for a refusal"),
});
export const ZEmptyRequest = z.strictObject({}).optional();

const ZStatus = z.enum(["applied", "open", "closed", "ended_for_live", "refused"]);

export const ZAsyncTrial = z.object({
  id: z.uuid().describe("Asynchronous trial id"),
  status: ZStatus.describe("applied → open → closed | ended_for_live; applied → refused"),
  applicantPartyId: z.uuid().describe("The party that applied"),
  reasons: z.string().describe("The application's reasons"),
  appliedAt: z.iso.datetime().describe("When it was applied for"),
  consents: z
    .array(
      z.object({
        partyId: z.uuid().describe("Party"),
        decision: z.enum(["consented", "refused"]).nullable().describe("Its answer, null while awaited"),
        reason: z.string().nullable().describe("Its reason for refusing"),
        decidedAt: z.iso.datetime().nullable().describe("When it answered"),
      }),
    )
    .describe("Each party's answer to the application"),
  allConsented: z.boolean().describe("Every party has agreed"),
  disputedItems: z
    .number()
    .int()
    .nullable()
    .describe("Items disputed in the evidence exchange (the judge and clerks; at opening once open)"),
  openedAt: z.iso.datetime().nullable().describe("When the judge opened it"),
  refusal: z
    .object({
      by: z.enum(["judge", "party"]).describe("Who refused"),
      reasons: z.string().nullable().describe("The reasons"),
    })
    .nullable()
    .describe("Why it did not go ahead"),
  endedAt: z.iso.datetime().nullable().describe("When it was closed, refused or ended for a live hearing"),
  record: z
    .object({
      issueId: z.uuid().describe("The record's document issue"),
      sha256: z.string().describe("SHA-256 of the Chinese DOCX (in the ledger)"),
      versions: z
        .array(
          z.object({
            locale: z.enum(["zh-CN", "en"]).describe("Language"),
            docxUrl: z.string().describe("DOCX download"),
            pdfUrl: z.string().describe("PDF download"),
          }),
        )
        .describe("The record's language versions"),
    })
    .nullable()
    .describe("The record issued when the judge closed it"),
  questions: z
    .array(
      z.object({
        id: z.uuid().describe("Question id"),
        number: z.number().int().describe("Its number in the thread"),
        kind: z.enum(["question", "issue"]).describe("A question or an issue in dispute"),
        body: z.string().describe("The text"),
        addressedPartyId: z.uuid().nullable().describe("The party it is put to; null for every party"),
        postedAt: z.iso.datetime().describe("When it was put"),
        windowEndsAt: z.iso.datetime().describe("When the response window closes"),
        isWindowOpen: z.boolean().describe("Answers are still accepted"),
        extendedCount: z.number().int().describe("Times the window was extended"),
        answers: z
          .array(
            z.object({
              id: z.uuid().describe("Answer id"),
              partyId: z.uuid().describe("The party answering"),
              body: z.string().describe("The answer"),
              video: z
                .object({
                  sha256: z.string().describe("SHA-256 of the video file, as in the ledger"),
                  mediaType: z.string().describe("Its media type"),
                  size: z.number().int().describe("Its size in bytes"),
                })
                .nullable()
                .describe(
                  "The party's video statement (在线诉讼规则第二十条第二款); null for a written answer",
                ),
              isSupplement: z.boolean().describe("A supplement to the party's earlier answer"),
              answeredAt: z.iso.datetime().describe("When it was given"),
            }),
          )
          .describe("The answers in the order given"),
        missedPartyIds: z.array(z.uuid()).describe("Parties recorded as not answering within the window"),
        awaitingPartyIds: z.array(z.uuid()).describe("Addressed parties that have not answered yet"),
        answerablePartyIds: z.array(z.uuid()).describe("The caller's parties that may answer now"),
      }),
    )
    .describe("The judge's questions and issues with their answers"),
  liveRequests: z
    .array(
      z.object({
        id: z.uuid().describe("Request id"),
        partyId: z.uuid().describe("The party asking"),
        reasons: z.string().describe("Its reasons"),
        requestedAt: z.iso.datetime().describe("When it asked"),
        status: z.enum(["pending", "granted", "refused"]).describe("The judge's decision"),
        decisionReasons: z.string().nullable().describe("The judge's reasons"),
        decidedAt: z.iso.datetime().nullable().describe("When the judge decided"),
      }),
    )
    .describe("Requests for a live hearing"),
  actions: z
    .object({
      consentPartyIds: z.array(z.uuid()).describe("The caller's parties that may answer the application"),
      canOpen: z.boolean().describe("The judge may open it (every party agreed)"),
      canRefuse: z.boolean().describe("The judge may refuse the application"),
      canPost: z.boolean().describe("The judge may put questions and extend windows"),
      canRequestLive: z.boolean().describe("The caller may ask for a live hearing"),
      canDecideLive: z.boolean().describe("The judge may decide live-hearing requests"),
      canClose: z.boolean().describe("The judge may close it (no request waiting)"),
      shouldScheduleHearing: z.boolean().describe("A live hearing was granted: the judge fixes one"),
    })
    .describe("What the caller may do next"),
});
export type TAsyncTrial = z.infer<typeof ZAsyncTrial>;

export const ZAsyncTrialView = z.object({
  caseId: z.uuid().describe("Case id"),
  procedure: z.enum(["ordinary", "simplified", "small_claims"]).nullable().describe("The case's procedure"),
  isProcedureAllowed: z
    .boolean()
    .describe("Small-claims or simplified procedure (在线诉讼规则第二十条第二款)"),
  isJudge: z.boolean().describe("The caller is the judge of the case"),
  myPartyIds: z.array(z.uuid()).describe("The parties the caller is or acts for"),
  parties: z
    .array(
      z.object({
        id: z.uuid().describe("Party id"),
        name: z.string().describe("Name"),
        role: z.enum(["plaintiff", "defendant", "third_party"]).describe("Role"),
      }),
    )
    .describe("The parties of the case"),
  canApply: z.boolean().describe("The caller may apply for an asynchronous trial now"),
  trial: ZAsyncTrial.nullable().describe("The current (or latest) asynchronous trial"),
});
export type TAsyncTrialView = z.infer<typeof ZAsyncTrialView>;
