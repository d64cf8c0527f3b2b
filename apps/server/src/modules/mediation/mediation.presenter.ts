import { maskIdNumber } from "@netcourt/shared/masking";
import type { CaseRow } from "../cases/index";
import type { MediationAccess } from "./mediation.access";
import { allowedActions, sideOfRole } from "./mediation.rules";
import type { MediatorRow, OrganisationRow } from "./mediators.repository";
import type { TMediationView } from "./mediation.schemas";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function maskPhone(value: string | null): string | null {
  if (value === null) return null;
  return value.length < 7 ? "*".repeat(value.length) : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/**
 * The mediation workspace as the caller may see it:
 * - personal data (ID number, phone, address) in full for the caller's own side, the mediator (who
 *   verifies identities, 在线调解规则第十七条) and the court; the other side's masked or withheld
 *   (个人信息保护法第二十八条);
 * - the thread, offers and documents only to the parties, their agents and the mediator: concessions
 *   made to settle may not be used against a party in the suit (在线调解规则第十八条), so the court's
 *   staff see the course of the mediation, not its content;
 * - `actions`: what the caller may do next, from the rules.
 */
export function presentMediation(
  access: MediationAccess,
  caseRow: CaseRow,
  context: {
    mediator: MediatorRow | null;
    names: Map<string, string>;
    isFiler: boolean;
    userId: string;
    /** Unused case codes by party, only when the caller may see them (mediator, court staff). */
    caseCodes?: ReadonlyMap<string, string>;
  },
): TMediationView {
  const { row, parts, relation, sides } = access;
  const isParticipant = relation.kind !== "court_staff";
  const seesFull = (role: "plaintiff" | "defendant" | "third_party") =>
    relation.kind === "mediator" || relation.kind === "court_staff" || sides.includes(sideOfRole(role));
  const openOffers = parts.offers.filter((o) => o.status === "open");
  const sideOf = (partyId: string) => {
    const party = parts.parties.find((p) => p.id === partyId);
    return sideOfRole(party?.role ?? "plaintiff");
  };
  const openExtension = parts.extensions.find((e) => e.status === "open");
  const proposerParties = new Set(openExtension ? [openExtension.party_id] : []);
  const actions = allowedActions(relation, {
    status: row.status,
    origin: row.origin,
    isFiler: context.isFiler,
    sides,
    hasPendingConsent:
      relation.kind === "mediator"
        ? parts.consents.some((c) => c.answer === "pending")
        : parts.consents.some((c) => c.answer === "pending" && relation.ownPartyIds.includes(c.party_id)),
    hasOfferToAnswer: openOffers.some((o) => sides.some((side) => side !== sideOf(o.party_id))),
    hasExtensionToAnswer:
      openExtension !== undefined &&
      openExtension.proposed_by !== context.userId &&
      relation.ownPartyIds.some((id) => !proposerParties.has(id) && openExtension.answers[id] === undefined),
    hasOpenExtension: openExtension !== undefined,
  });
  return {
    id: row.id,
    caseId: row.case_id,
    courtId: row.court_id,
    origin: row.origin,
    status: row.status,
    outcome: row.outcome,
    outcomeReason: row.outcome_reason,
    myRelation: relation.kind === "none" ? "court_staff" : relation.kind,
    dispute: {
      title: caseRow.title,
      causeCode: caseRow.cause_code,
      causeNameZh: caseRow.cause_name_zh,
      causeNameEn: caseRow.cause_name_en,
      factsAndReasons: caseRow.facts_and_reasons,
      claims: parts.claims.map((c) => ({
        text: c.text,
        amount: c.amount_fen === null ? null : Number(c.amount_fen) / 100,
      })),
    },
    parties: parts.parties.map((p) => {
      const full = seesFull(p.role);
      const identifier = p.id_number ?? p.credit_code;
      return {
        id: p.id,
        role: p.role,
        side: sideOfRole(p.role),
        kind: p.kind,
        name: p.name,
        idNumber: identifier === null ? null : full ? identifier : maskIdNumber(identifier),
        phone: full ? p.phone : maskPhone(p.phone),
        address: full ? p.address : null,
        hasAccount: p.user_id !== null,
        caseCode: p.user_id === null ? (context.caseCodes?.get(p.id) ?? null) : null,
        consent: parts.consents.find((c) => c.party_id === p.id)?.answer ?? null,
      };
    }),
    mediator: context.mediator
      ? {
          id: context.mediator.id,
          name: context.mediator.display_name,
          organisation: context.mediator.organisation_name,
        }
      : null,
    mediatorChosenBy: row.mediator_chosen_by,
    appliedAt: iso(row.applied_at),
    appointmentDueOn: row.appointment_due_on,
    appointmentOverdue: row.status === "awaiting_mediator" && row.appointment_overdue_at !== null,
    acceptanceDueOn: row.acceptance_due_on,
    acceptedAt: iso(row.accepted_at),
    periodEndsOn: row.period_ends_on,
    endedAt: iso(row.ended_at),
    referredAt: iso(row.referred_at),
    recordIssueId: row.record_issue_id,
    messages: isParticipant
      ? parts.messages.map((m) => ({
          id: m.id,
          authorRole: m.author_role,
          authorName: context.names.get(m.author_user_id) ?? "",
          body: m.body,
          createdAt: iso(m.created_at)!,
        }))
      : [],
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      startsAt: iso(s.starts_at)!,
      videoUrl: isParticipant ? s.video_url : null,
      note: s.note,
    })),
    offers: isParticipant
      ? parts.offers.map((o) => ({
          id: o.id,
          partyId: o.party_id,
          side: sideOf(o.party_id),
          amount: o.amount_fen / 100,
          terms: o.terms,
          answersOfferId: o.answers_offer_id,
          status: o.status,
          createdAt: iso(o.created_at)!,
          answeredAt: iso(o.answered_at),
        }))
      : [],
    documents: isParticipant
      ? parts.documents.map((d) => ({
          id: d.id,
          title: d.title,
          fileName: d.file_name,
          mediaType: d.media_type,
          size: d.size,
          sha256: d.sha256,
          createdAt: iso(d.created_at)!,
        }))
      : [],
    extensions: parts.extensions.map((e) => ({
      id: e.id,
      days: e.days,
      status: e.status,
      partyId: e.party_id,
      createdAt: iso(e.created_at)!,
    })),
    mySides: [...sides],
    actions,
  };
}

/** A registered mediator as applicants see them (no personal data); administrators also see the account. */
export function presentMediator(row: MediatorRow, isAdmin: boolean) {
  return {
    id: row.id,
    name: row.display_name,
    organisation:
      row.organisation_id && row.organisation_name
        ? { id: row.organisation_id, name: row.organisation_name, nameEn: row.organisation_name_en }
        : null,
    specialties: row.specialties,
    caseTypes: row.case_types,
    isActive: row.is_active,
    userId: isAdmin ? row.user_id : null,
  };
}

export function presentOrganisation(row: OrganisationRow) {
  return {
    id: row.id,
    courtId: row.court_id,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    caseTypes: row.case_types,
    isActive: row.is_active,
  };
}
