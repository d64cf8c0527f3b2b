import { api } from "../../platform/api-client";
import type { AgentKind, PartyKind, PartyRole, Procedure } from "../filing/filing.api";

export type CaseStatus =
  | "mediation"
  | "draft"
  | "under_review"
  | "correction_requested"
  | "accepted"
  | "service"
  | "evidence_exchange"
  | "hearing"
  | "judgment"
  | "appeal_window"
  | "effective"
  | "enforcement"
  | "closed"
  | "refused"
  | "withdrawn"
  | "deemed_withdrawn"
  | "transferred";

export interface CourtRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A case in a list (`GET /api/cases`). */
export interface CaseSummary {
  id: string;
  court: CourtRef;
  status: CaseStatus;
  typeCode: string;
  procedure: Procedure | null;
  cause: { code: string; nameZh: string; nameEn: string } | null;
  title: string | null;
  caseNumber: string | null;
  claimTotal: number;
  judge: { id: string; name: string } | null;
  submittedAt: string | null;
  reviewDueOn: string | null;
  acceptedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface CaseParty {
  id: string;
  position: number;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  /** Masked by the server unless the caller may see it in full. */
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  sex: "male" | "female" | null;
  ethnicity: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  serviceAddress: string | null;
  isMe: boolean;
  hasAccount: boolean;
}

export interface CaseAgent {
  id: string;
  partyId: string;
  kind: AgentKind;
  name: string;
  lawFirm: string | null;
  licenceNumber: string | null;
  hasPowerOfAttorney: boolean;
  status: "active" | "revoked";
  /** This agent submitted the complaint (由代理人代为提交). */
  hasFiled: boolean;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  params: Record<string, unknown>;
  isPublic: boolean;
}

export interface Deadline {
  kind: string;
  dueAt: string;
  basis: string;
  /** The same citation in English. */
  basisEn: string;
  status: "open" | "met" | "missed" | "cancelled";
  /** Calendar days left for an open period (negative when overdue). */
  daysLeft: number | null;
}

export interface JudgeCandidate {
  judgeId: string;
  name: string;
  openCases: number;
  weight: number;
  probability: number;
}

/** How the judge was drawn (随机分案), shown to court staff. */
export interface JudgeAssignment {
  rule?: string;
  divisionKinds?: string[];
  candidates?: JudgeCandidate[];
  draw?: number;
  chosenJudgeId?: string;
  assignedAt?: string;
}

/** One case as the caller may see it (`GET /api/cases/:id`). */
export interface CaseDetail extends CaseSummary {
  factsAndReasons: string;
  parties: CaseParty[];
  agents: CaseAgent[];
  claims: Array<{ position: number; text: string; amount: number | null }>;
  timeline: TimelineEntry[];
  deadlines: Deadline[];
  judgeAssignment: JudgeAssignment | null;
  closedAt: string | null;
  closureReason: string | null;
  /** filer, party, agent, clerk, court_admin, judge */
  myRoles: string[];
  actions: string[];
}

export interface CaseListQuery {
  status?: CaseStatus[];
  courtId?: string;
  assignedToMe?: boolean;
  search?: string;
  page?: number;
  pageSize?: number;
}

function listQuery(query: CaseListQuery): Record<string, string | number | undefined> {
  return {
    courtId: query.courtId,
    assignedToMe: query.assignedToMe ? "true" : undefined,
    search: query.search?.trim() || undefined,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The case aggregate's API. */
export const casesApi = {
  list: (query: CaseListQuery, signal?: AbortSignal) => {
    // `status` repeats (status=a&status=b), which the generic query builder does not do.
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(listQuery(query)))
      if (value !== undefined && value !== "") params.set(key, String(value));
    for (const status of query.status ?? []) params.append("status", status);
    const text = params.toString();
    return api.get<{ items: CaseSummary[]; total: number }>(`/api/cases${text ? `?${text}` : ""}`, {
      signal,
    });
  },
  get: (caseId: string, signal?: AbortSignal) =>
    api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`, { signal }),
};
