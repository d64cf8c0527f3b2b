import { api } from "../../../platform/api-client";

// The asynchronous trial API (`/api/cases/:caseId/async-trial`, `/api/async-trials/:id/...`). Shapes
// follow apps/server/src/modules/hearing/async/async-trial.schemas.ts.

export type AsyncTrialStatus = "applied" | "open" | "closed" | "ended_for_live" | "refused";
export type PartyRole = "plaintiff" | "defendant" | "third_party";

export interface AsyncQuestion {
  id: string;
  number: number;
  kind: "question" | "issue";
  body: string;
  addressedPartyId: string | null;
  postedAt: string;
  windowEndsAt: string;
  isWindowOpen: boolean;
  extendedCount: number;
  answers: Array<{
    id: string;
    partyId: string;
    body: string;
    /** 在线诉讼规则第二十条第二款: the party's video statement. */
    video: { sha256: string; mediaType: string; size: number } | null;
    isSupplement: boolean;
    answeredAt: string;
  }>;
  missedPartyIds: string[];
  awaitingPartyIds: string[];
  answerablePartyIds: string[];
}

export interface LiveRequest {
  id: string;
  partyId: string;
  reasons: string;
  requestedAt: string;
  status: "pending" | "granted" | "refused";
  decisionReasons: string | null;
  decidedAt: string | null;
}

export interface AsyncTrial {
  id: string;
  status: AsyncTrialStatus;
  applicantPartyId: string;
  reasons: string;
  appliedAt: string;
  consents: Array<{
    partyId: string;
    decision: "consented" | "refused" | null;
    reason: string | null;
    decidedAt: string | null;
  }>;
  allConsented: boolean;
  disputedItems: number | null;
  openedAt: string | null;
  refusal: { by: "judge" | "party"; reasons: string | null } | null;
  endedAt: string | null;
  record: {
    issueId: string;
    sha256: string;
    versions: Array<{ locale: "zh-CN" | "en"; docxUrl: string; pdfUrl: string }>;
  } | null;
  questions: AsyncQuestion[];
  liveRequests: LiveRequest[];
  actions: {
    consentPartyIds: string[];
    canOpen: boolean;
    canRefuse: boolean;
    canPost: boolean;
    canRequestLive: boolean;
    canDecideLive: boolean;
    canClose: boolean;
    shouldScheduleHearing: boolean;
  };
}

export interface AsyncTrialView {
  caseId: string;
  procedure: "ordinary" | "simplified" | "small_claims" | null;
  isProcedureAllowed: boolean;
  isJudge: boolean;
  myPartyIds: string[];
  parties: Array<{ id: string; name: string; role: PartyRole }>;
  canApply: boolean;
  trial: AsyncTrial | null;
}

export const asyncTrialApi = {
  ofCase: (caseId: string, signal?: AbortSignal) =>
    api.get<AsyncTrialView>(`/api/cases/${caseId}/async-trial`, { signal }),
  apply: (caseId: string, input: { reasons: string }) =>
    api.post<AsyncTrialView>(`/api/cases/${caseId}/async-trial`, input),
  consent: (
    trialId: string,
    input: { decision: "consented" | "refused"; reason?: string | null; partyId?: string },
  ) => api.post<AsyncTrialView>(`/api/async-trials/${trialId}/consent`, input),
  open: (trialId: string, input: { difficultyAttested: boolean; undisputedAttested: boolean }) =>
    api.post<AsyncTrialView>(`/api/async-trials/${trialId}/open`, input),
  refuse: (trialId: string, input: { reasons: string }) =>
    api.post<AsyncTrialView>(`/api/async-trials/${trialId}/refuse`, input),
  post: (
    trialId: string,
    input: {
      kind: "question" | "issue";
      body: string;
      addressedPartyId: string | null;
      windowEndsAt: string;
    },
  ) => api.post<AsyncTrialView>(`/api/async-trials/${trialId}/questions`, input),
  extend: (trialId: string, questionId: string, input: { windowEndsAt: string }) =>
    api.post<AsyncTrialView>(`/api/async-trials/${trialId}/questions/${questionId}/extend`, input),
  answer: (trialId: string, questionId: string, input: { body: string; partyId?: string }) =>
    api.post<AsyncTrialView>(`/api/async-trials/${trialId}/questions/${questionId}/answers`, input),
  answerWithVideo: (
    trialId: string,
    questionId: string,
    input: { body: string; partyId?: string },
    video: Blob,
  ) =>
    api.upload<AsyncTrialView>(
      `/api/async-trials/${trialId}/questions/${questionId}/answers/video`,
      input.partyId ? { body: input.body, partyId: input.partyId } : { body: input.body },
      video,
      video.type.includes("mp4") ? "statement.mp4" : "statement.webm",
    ),
  videoUrl: (trialId: string, answerId: string) => `/api/async-trials/${trialId}/answers/${answerId}/video`,
  requestLive: (trialId: string, input: { reasons: string }) =>
    api.post<AsyncTrialView>(`/api/async-trials/${trialId}/live-requests`, input),
  decideLive: (
    trialId: string,
    requestId: string,
    input: { decision: "granted" | "refused"; reasons: string | null },
  ) => api.post<AsyncTrialView>(`/api/async-trials/${trialId}/live-requests/${requestId}/decide`, input),
  close: (trialId: string) => api.post<AsyncTrialView>(`/api/async-trials/${trialId}/close`, {}),
};
