import type { CourtroomRow } from "../courts/index";
import { hearingPolicy, type HearingRole } from "./hearing.access";
import {
  adjournmentGrounds,
  canActOnHearing,
  endOf,
  notPublicReasons,
  summonsNotice,
  type HearingAct,
} from "./hearing.rules";
import type { AdjournmentRow, HearingRow, ParticipantRow, SummonsRow } from "./hearing.repository";
import type { THearing } from "./hearing.schemas";

export interface HearingViewContext {
  caseNumber: string | null;
  courtroom: CourtroomRow | null;
  names: Map<string, string>;
  participants: ParticipantRow[];
  summonses: SummonsRow[];
  adjournments: AdjournmentRow[];
  role: HearingRole;
  viewerId: string | null;
  now: Date;
}

/** The courtroom as a hearing shows it. */
export function courtroomRef(room: CourtroomRow | null | undefined) {
  if (!room) return null;
  return {
    id: room.id,
    nameZh: room.name_zh,
    nameEn: room.name_en,
    kind: room.kind,
    locationZh: room.location_zh,
    locationEn: room.location_en,
  };
}

/**
 * A hearing as the caller may see it, with what the caller may do next. Service records of summonses
 * are linked for the court and for their own addressee only.
 */
export function presentHearing(row: HearingRow, view: HearingViewContext): THearing {
  const isCourt = view.role.isJudge || view.role.isHearingClerk || view.role.isCourtStaff;
  const open = (act: HearingAct) => hearingPolicy[act](view.role) && canActOnHearing(row.status, act);
  return {
    id: row.id,
    caseId: row.case_id,
    courtId: row.court_id,
    caseNumber: view.caseNumber,
    sitting: row.sitting,
    mode: row.mode,
    status: row.status,
    startsAt: row.starts_at.toISOString(),
    endsAt: endOf({ startsAt: row.starts_at, durationMinutes: row.duration_minutes }).toISOString(),
    durationMinutes: row.duration_minutes,
    courtroom: courtroomRef(view.courtroom),
    judge: { userId: row.judge_id, name: view.names.get(row.judge_id) ?? "" },
    clerk: row.clerk_id ? { userId: row.clerk_id, name: view.names.get(row.clerk_id) ?? "" } : null,
    isPublic: row.is_public,
    notPublicReason: row.not_public_reason,
    notPublicBasis: row.not_public_reason ? notPublicReasons[row.not_public_reason].basis : null,
    offlineReason: row.offline_reason,
    participants: view.participants
      .filter((p) => p.hearing_id === row.id)
      .map((p) => ({ role: p.role, name: p.name, partyRole: p.party_role })),
    summonses: view.summonses
      .filter((s) => s.hearing_id === row.id)
      .map((s) => {
        const isMine = view.viewerId !== null && s.recipient_user_id === view.viewerId;
        return {
          id: s.id,
          partyId: s.party_id,
          recipientName: s.recipient_name,
          recipientRole: s.recipient_role,
          startsAt: s.starts_at.toISOString(),
          isCurrent: s.is_current,
          serviceId: isCourt || isMine ? s.service_id : null,
          isMine,
          issuedAt: s.created_at.toISOString(),
          servedAt: s.served_at?.toISOString() ?? null,
          notice: summonsNotice(s.starts_at, s.served_at, view.now),
        };
      }),
    adjournments: view.adjournments
      .filter((a) => a.hearing_id === row.id)
      .map((a) => ({
        ground: a.ground,
        basis: adjournmentGrounds[a.ground].basis,
        reason: a.reason,
        previousStartsAt: a.previous_starts_at.toISOString(),
        newStartsAt: a.new_starts_at?.toISOString() ?? null,
        decidedAt: a.decided_at.toISOString(),
      })),
    cancelReason: row.cancel_reason,
    actions: {
      canReschedule: open("reschedule"),
      canAdjourn: open("adjourn"),
      canCancel: open("cancel"),
    },
  };
}
