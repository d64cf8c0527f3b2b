import { api } from "../../platform/api-client";
import type { AgentKind } from "../filing/filing.api";

export type AnswerPosition = "admit" | "contest" | "partly";

/** A response to one claim of the complaint. */
export interface AnswerResponse {
  claimPosition: number;
  position: AnswerPosition;
  text: string;
}

/** An item of the answer's evidence list. */
export interface AnswerEvidence {
  name: string;
  source: string;
  purpose: string;
  attachmentId: string | null;
}

export interface AnswerDraft {
  partyId?: string | null;
  responses: AnswerResponse[];
  factsAndReasons: string;
  evidence: AnswerEvidence[];
}

export interface DefenceAnswer {
  id: string;
  partyId: string;
  status: "draft" | "submitted";
  responses: AnswerResponse[];
  factsAndReasons: string;
  evidence: AnswerEvidence[];
  submittedAt: string | null;
  documentIssueId: string | null;
}

export type ObjectionStatus = "pending" | "upheld" | "dismissed";

export interface DefenceObjection {
  id: string;
  partyId: string;
  grounds: string;
  proposedCourt: string | null;
  status: ObjectionStatus;
  filedAt: string;
  decidedAt: string | null;
  reason: string | null;
  rulingIssueId: string | null;
}

/** A counterclaim's fee: unpaid while payable, paid, none due, or unpaid past its due date. */
export type CounterclaimFeeStatus = "unpaid" | "paid" | "none" | "expired";

export interface DefenceCounterclaim {
  id: string;
  partyId: string;
  claims: Array<{ text: string; amount: number | null }>;
  factsAndReasons: string;
  fee: number;
  feeDueAt: string;
  status: "fee_due" | "filed" | "deemed_withdrawn";
  feeStatus: CounterclaimFeeStatus;
  feePaidAt: string | null;
  withdrawnAt: string | null;
  filedAt: string;
  /** The 民事反诉状 issued on filing. */
  documentIssueId: string | null;
  /** The receipt of its fee, once paid. */
  feeReceiptIssueId: string | null;
  /** Whether the caller may pay its fee now. */
  canPay: boolean;
}

/** Where the transfer stands after an upheld objection (民事诉讼法第三十七条、第一百三十条、第一百五十八条). */
export interface DefenceTransfer {
  objectionId: string;
  state: "awaiting_service" | "appeal_period" | "effective" | "transferred";
  proposedCourt: string | null;
  /** Last day of the last party's time to appeal (YYYY-MM-DD). */
  appealEndsOn: string | null;
  effectiveOn: string | null;
  receivingCourtName: string | null;
  transferredAt: string | null;
  letterIssueId: string | null;
}

/** The defendant's side of a case (`GET /api/cases/:id/defence`). */
export interface Defence {
  answers: DefenceAnswer[];
  objections: DefenceObjection[];
  counterclaims: DefenceCounterclaim[];
  answerDueAt: string | null;
  /** Court staff only. */
  caseCodes: Array<{ partyId: string; caseCode: string; usedAt: string | null }>;
  /** Null while no objection to jurisdiction is upheld. */
  transfer: DefenceTransfer | null;
  /** What the caller (the judge in charge) may do now. */
  actions: Array<"decide_jurisdiction_objection" | "transfer_case">;
}

export interface ServedDefendant {
  partyId: string;
  name: string;
  caseCode: string;
  hasAccount: boolean;
}

export interface AnswerAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

const path = (caseId: string, rest = "") => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

/** The defendant's side of the case: service of the complaint, linking, answer, objection, counterclaim, agents. */
export const defendantApi = {
  link: (caseCode: string) => api.post<{ caseId: string; partyId: string }>("/api/cases/link", { caseCode }),
  serveComplaint: (caseId: string) =>
    api.post<{ defendants: ServedDefendant[] }>(path(caseId, "/serve-complaint")),
  defence: (caseId: string, signal?: AbortSignal) => api.get<Defence>(path(caseId, "/defence"), { signal }),
  saveAnswer: (caseId: string, draft: AnswerDraft) =>
    api.put<{ answerId: string }>(path(caseId, "/answer"), draft),
  submitAnswer: (caseId: string) =>
    api.post<{ answerId: string; issueId: string }>(path(caseId, "/answer/submit"), {}),
  attach: (caseId: string, file: File) =>
    api.upload<AnswerAttachment>(path(caseId, "/answer/attachments"), {}, file, file.name),
  attachmentUrl: (caseId: string, attachmentId: string) =>
    path(caseId, `/answer/attachments/${encodeURIComponent(attachmentId)}/content`),
  object: (caseId: string, body: { grounds: string; proposedCourt: string | null }) =>
    api.post<{ objectionId: string }>(path(caseId, "/jurisdiction-objections"), body),
  decideObjection: (
    caseId: string,
    objectionId: string,
    body: { outcome: "upheld" | "dismissed"; reason: string },
  ) =>
    api.post<{ issueId: string }>(
      path(caseId, `/jurisdiction-objections/${encodeURIComponent(objectionId)}/decide`),
      body,
    ),
  /** The judge in charge transfers the case once the upheld ruling is in force. */
  transfer: (caseId: string, receivingCourtName: string | null) =>
    api.post<{ issueId: string; receivingCourtName: string }>(path(caseId, "/transfer"), {
      receivingCourtName,
    }),
  counterclaim: (
    caseId: string,
    body: { claims: Array<{ text: string; amount: number | null }>; factsAndReasons: string },
  ) =>
    api.post<{ counterclaimId: string; fee: number; feeDueOn: string; issueId: string }>(
      path(caseId, "/counterclaims"),
      body,
    ),
  /** Opens the payment of a counterclaim's fee; the caller goes on to `payUrl` (the gateway's cashier). */
  payCounterclaim: (caseId: string, counterclaimId: string) =>
    api.post<{ orderId: string; amount: number; payUrl: string }>(
      path(caseId, `/counterclaims/${encodeURIComponent(counterclaimId)}/pay`),
      {},
    ),
  appointAgent: (
    caseId: string,
    fields: { kind: AgentKind; contact: string; specialAuthority: boolean },
    file: File,
  ) =>
    api.upload<{ agentId: string }>(
      path(caseId, "/agents"),
      { kind: fields.kind, contact: fields.contact, specialAuthority: String(fields.specialAuthority) },
      file,
      file.name,
    ),
  revokeAgent: (caseId: string, agentId: string) =>
    api.post<{ revoked: true }>(path(caseId, `/agents/${encodeURIComponent(agentId)}/revoke`)),
};
