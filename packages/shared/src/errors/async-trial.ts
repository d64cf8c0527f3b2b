import type { ErrorDefinition } from "./types";

/** Errors of the asynchronous trial (非同步审理, 在线诉讼规则第二十条). */
export const asyncTrialErrors = {
  /** No such asynchronous trial (or question, or request), or the caller may not see it. */
  async_trial_not_found: {
    status: 404,
    zh: "非同步审理不存在或无权查看",
    en: "Asynchronous trial not found",
  },
  /** Only the parties, their agents, the judge of the case and the court's clerks take part. */
  async_trial_not_participant: {
    status: 403,
    zh: "仅本案当事人、诉讼代理人、承办法官和书记员可以参与非同步审理",
    en: "Only the parties, their agents, the judge of the case and the clerks take part in the asynchronous trial",
  },
  /** 在线诉讼规则第二十条第二款: only small-claims or simplified-procedure cases. */
  async_trial_procedure_not_allowed: {
    status: 422,
    zh: "仅适用小额诉讼程序或者简易程序审理的案件可以非同步审理（《人民法院在线诉讼规则》第二十条）",
    en: "Only cases under the small-claims or simplified procedure may be tried asynchronously (Online Litigation Rules, Article 20)",
  },
  /** The case is not at a stage where it is tried (registered, before judgment). */
  async_trial_case_stage: {
    status: 409,
    zh: "案件当前阶段不能非同步审理",
    en: "The case is not at a stage where it can be tried asynchronously",
  },
  /** An application or an asynchronous trial of the case is already under way. */
  async_trial_already_active: {
    status: 409,
    zh: "本案已有进行中的非同步审理或申请",
    en: "An asynchronous trial or application of this case is already under way",
  },
  /** The act is not possible in the trial's current status; `details` name it. */
  async_trial_status_conflict: {
    status: 409,
    zh: "非同步审理当前状态不允许该操作",
    en: "This cannot be done in the asynchronous trial's current status",
  },
  /** The party has already answered the application. */
  async_trial_consent_given: {
    status: 409,
    zh: "该当事人已答复是否同意非同步审理",
    en: "This party has already answered whether it agrees",
  },
  /** 在线诉讼规则第二十条第二款: the judge attests each condition before opening. */
  async_trial_conditions_not_met: {
    status: 422,
    zh: "须确认各方当事人同时在线参与庭审确有困难，且对案件主要事实和证据不存在争议",
    en: "Confirm that the parties truly have difficulty attending together and do not dispute the main facts and evidence",
  },
  /** The response window is too short, too long, or not ahead. */
  async_trial_window_invalid: {
    status: 422,
    zh: "答复期限不符合要求",
    en: "The response window is not acceptable",
  },
  /** The window of the question closed; `details` give when. */
  async_trial_window_closed: {
    status: 409,
    zh: "答复期限已届满",
    en: "The response window has closed",
  },
  /** The question is addressed to another party. */
  async_trial_not_addressed: {
    status: 403,
    zh: "该问题并非向您所代表的当事人提出",
    en: "This question is not addressed to the party you act for",
  },
  /** The party already has a live-hearing request waiting for the judge. */
  async_trial_live_request_pending: {
    status: 409,
    zh: "已有待法官决定的同步开庭申请",
    en: "A request for a live hearing is already waiting for the judge",
  },
} as const satisfies Record<string, ErrorDefinition>;
