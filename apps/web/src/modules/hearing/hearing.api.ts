import { api } from "../../platform/api-client";

// The hearing API (`/api/cases/:caseId/hearings`, `/api/hearings/:id`, the court's calendar). Shapes
// follow apps/server/src/modules/hearing/hearing.schemas.ts.

export type HearingMode = "online" | "courtroom" | "asynchronous";
export type HearingStatus = "scheduled" | "adjourned" | "cancelled" | "in_progress" | "held";
export type NotPublicReason =
  "state_secret" | "personal_privacy" | "law_provides" | "divorce_on_request" | "trade_secret_on_request";
export type OfflineReason =
  "identity_check" | "original_documents" | "physical_evidence" | "not_suitable_online";
export type AdjournmentGround = "absence_with_cause" | "recusal_request" | "further_evidence" | "other";

export const notPublicReasons: NotPublicReason[] = [
  "state_secret",
  "personal_privacy",
  "law_provides",
  "divorce_on_request",
  "trade_secret_on_request",
];
export const offlineReasons: OfflineReason[] = [
  "identity_check",
  "original_documents",
  "physical_evidence",
  "not_suitable_online",
];
export const adjournmentGrounds: AdjournmentGround[] = [
  "absence_with_cause",
  "recusal_request",
  "further_evidence",
  "other",
];

export interface Person {
  userId: string;
  name: string;
}

export interface CourtroomRef {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: "physical" | "online";
  locationZh: string | null;
  locationEn: string | null;
}

export interface Hearing {
  id: string;
  caseId: string;
  courtId: string;
  caseNumber: string | null;
  sitting: number;
  mode: HearingMode;
  status: HearingStatus;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  courtroom: CourtroomRef | null;
  judge: Person;
  clerk: Person | null;
  isPublic: boolean;
  notPublicReason: NotPublicReason | null;
  notPublicBasis: string | null;
  offlineReason: OfflineReason | null;
  participants: Array<{
    role: "judge" | "clerk" | "party" | "agent";
    name: string;
    partyRole: string | null;
  }>;
  summonses: Array<{
    id: string;
    partyId: string;
    recipientName: string;
    recipientRole: "party" | "agent";
    startsAt: string;
    isCurrent: boolean;
    serviceId: string | null;
    isMine: boolean;
    issuedAt: string;
    servedAt: string | null;
    /** 民事诉讼法第一百三十九条: whether it reached its addressee three days before the sitting. */
    notice: "in_time" | "late" | "pending";
  }>;
  adjournments: Array<{
    ground: AdjournmentGround;
    basis: string;
    reason: string;
    previousStartsAt: string;
    newStartsAt: string | null;
    decidedAt: string;
  }>;
  cancelReason: string | null;
  actions: { canReschedule: boolean; canAdjourn: boolean; canCancel: boolean };
}

export interface Conflict {
  kind: "judge" | "clerk" | "courtroom";
  hearingId: string;
  startsAt: string;
  endsAt: string;
}

export interface Availability {
  earliestDay: string;
  isTooEarly: boolean;
  conflicts: Conflict[];
}

export interface HearingResources {
  isInternetCourt: boolean;
  courtrooms: Array<CourtroomRef & { code: string; isActive: boolean }>;
  clerks: Person[];
  judges: Person[];
}

export interface ScheduleHearingInput {
  mode: "online" | "courtroom";
  startsAt: string;
  durationMinutes: number;
  courtroomId: string | null;
  clerkId: string | null;
  isPublic: boolean;
  notPublicReason: NotPublicReason | null;
  notPublicNote: string | null;
  partyRequested: boolean;
  offlineReason: OfflineReason | null;
}

export interface CalendarEntry {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  startsAt: string;
  endsAt: string;
  mode: HearingMode;
  status: HearingStatus;
  isPublic: boolean;
  courtroom: CourtroomRef | null;
  judge: Person;
  clerk: Person | null;
}

/** A court day and a wall-clock time at the court (UTC+8) as an instant: 2026-03-10 + 09:30. */
export function courtInstant(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

export const hearingApi = {
  ofCase: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: Hearing[]; canSchedule: boolean }>(`/api/cases/${caseId}/hearings`, { signal }),
  schedule: (caseId: string, input: ScheduleHearingInput) =>
    api.post<Hearing>(`/api/cases/${caseId}/hearings`, input),
  availability: (
    caseId: string,
    query: {
      startsAt: string;
      durationMinutes: number;
      courtroomId?: string | null;
      clerkId?: string | null;
      hearingId?: string;
    },
    signal?: AbortSignal,
  ) => {
    const params = new URLSearchParams({
      startsAt: query.startsAt,
      durationMinutes: String(query.durationMinutes),
    });
    if (query.courtroomId) params.set("courtroomId", query.courtroomId);
    if (query.clerkId) params.set("clerkId", query.clerkId);
    if (query.hearingId) params.set("hearingId", query.hearingId);
    return api.get<Availability>(`/api/cases/${caseId}/hearings/availability?${params.toString()}`, {
      signal,
    });
  },
  reschedule: (
    hearingId: string,
    input: { startsAt: string; durationMinutes?: number; courtroomId?: string | null; reason: string },
  ) => api.post<Hearing>(`/api/hearings/${hearingId}/reschedule`, input),
  adjourn: (
    hearingId: string,
    input: { ground: AdjournmentGround; reason: string; newStartsAt: string | null },
  ) => api.post<Hearing>(`/api/hearings/${hearingId}/adjourn`, input),
  cancel: (hearingId: string, input: { reason: string }) =>
    api.post<Hearing>(`/api/hearings/${hearingId}/cancel`, input),
  resources: (courtId: string, signal?: AbortSignal) =>
    api.get<HearingResources>(`/api/courts/${courtId}/hearing-resources`, { signal }),
  calendar: (courtId: string, from: string, days: number, signal?: AbortSignal) =>
    api.get<{ from: string; to: string; items: CalendarEntry[] }>(
      `/api/courts/${courtId}/hearings?from=${from}&days=${days}`,
      { signal },
    ),
};
