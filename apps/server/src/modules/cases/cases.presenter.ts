import { maskIdNumber as maskIdentifier } from "@netcourt/shared/masking";
import { seesFullIdentityOf, type CaseRelation } from "./cases.policy";
import type { CaseParts, CaseRow } from "./cases.repository";
import { possibleTransitions } from "./cases.rules";
import type { TCaseDetail, TCaseSummary } from "./cases.schemas";
import { daysLeft } from "./deadlines.rules";
import { citationInEnglish } from "../../platform/text/citations";

export interface CourtRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Masks an identity number for people who may know who a party is but not their number. */
export function maskIdNumber(value: string | null): string | null {
  return value === null ? null : maskIdentifier(value);
}

/** Masks a phone number: 138****5678. */
export function maskPhone(value: string | null): string | null {
  if (value === null) return null;
  return value.length < 7 ? "*".repeat(value.length) : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Masks a home address past its first six characters (province and city): 北京市朝阳区****. */
function maskAddress(value: string | null): string | null {
  if (value === null) return null;
  return value.length <= 6 ? "****" : `${value.slice(0, 6)}****`;
}

export function presentCaseSummary(row: CaseRow, court: CourtRef, judgeName: string | null): TCaseSummary {
  return {
    id: row.id,
    court,
    status: row.status,
    typeCode: row.type_code,
    procedure: row.procedure,
    cause:
      row.cause_code && row.cause_name_zh && row.cause_name_en
        ? { code: row.cause_code, nameZh: row.cause_name_zh, nameEn: row.cause_name_en }
        : null,
    title: row.title,
    caseNumber: row.case_number,
    claimTotal: row.claim_total_fen / 100,
    judge: row.judge_id && judgeName ? { id: row.judge_id, name: judgeName } : null,
    submittedAt: row.submitted_at,
    reviewDueOn: row.review_due_on,
    acceptedAt: row.accepted_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The caller's relations as names the UI understands. */
export function relationNames(relation: CaseRelation): string[] {
  const names: string[] = [];
  if (relation.isFiler) names.push("filer");
  if (relation.isParty) names.push("party");
  if (relation.isAgent) names.push("agent");
  if (relation.isClerk) names.push("clerk");
  if (relation.isCourtAdmin) names.push("court_admin");
  if (relation.isAssignedJudge) names.push("judge");
  return names;
}

/**
 * The whole case as the caller may see it. ID numbers are masked but for their owner, the filer and the
 * court; other parties' phones too; the judge-assignment record is shown to court staff only.
 */
export function presentCaseDetail(
  row: CaseRow,
  parts: CaseParts,
  relation: CaseRelation,
  context: { court: CourtRef; judgeName: string | null; now: Date; actions: string[] },
): TCaseDetail {
  const mine = new Set(relation.ownPartyIds);
  const seesAll = relation.isStaff || relation.isFiler;
  return {
    ...presentCaseSummary(row, context.court, context.judgeName),
    factsAndReasons: row.facts_and_reasons,
    parties: parts.parties.map((p) => {
      const isMe = mine.has(p.id);
      const full = seesAll || isMe;
      return {
        id: p.id,
        position: p.position,
        role: p.role,
        kind: p.kind,
        name: p.name,
        idNumber: seesFullIdentityOf(relation, p.id) ? p.id_number : maskIdNumber(p.id_number),
        creditCode: p.credit_code,
        legalRepresentative: p.legal_representative,
        sex: p.sex,
        ethnicity: p.ethnicity,
        birthDate: full ? p.birth_date : null,
        phone: full ? p.phone : maskPhone(p.phone),
        email: full ? p.email : null,
        // 个人信息保护法第二十八条: a person's home address is shown to the other side as its district only;
        // an organisation's registered address is public (and the served complaint keeps both in full).
        address: full || p.kind !== "natural_person" ? p.address : maskAddress(p.address),
        serviceAddress: full ? p.service_address : null,
        isMe,
        hasAccount: p.user_id !== null,
      };
    }),
    agents: parts.agents.map((a) => ({
      id: a.id,
      partyId: a.party_id,
      kind: a.kind,
      name: a.name,
      lawFirm: a.law_firm,
      licenceNumber: a.licence_number,
      hasPowerOfAttorney: a.power_of_attorney_sha256 !== null,
      status: a.status,
      hasFiled: a.user_id !== null && a.user_id === row.filed_by,
    })),
    claims: parts.claims.map((c) => ({
      position: c.position,
      text: c.text,
      amount: c.amount_fen === null ? null : c.amount_fen / 100,
    })),
    timeline: parts.timeline.map((t) => ({
      at: new Date(t.occurred_at),
      kind: t.kind,
      params: t.data,
      isPublic: t.is_public,
    })),
    deadlines: parts.deadlines.map((d) => {
      const dueAt = new Date(d.due_at);
      return {
        kind: d.kind,
        dueAt,
        basis: d.basis,
        basisEn: citationInEnglish(d.basis),
        status: d.status,
        daysLeft: d.status === "open" ? daysLeft(context.now, dueAt) : null,
      };
    }),
    judgeAssignment: relation.isStaff ? row.judge_assignment : null,
    closedAt: row.closed_at,
    closureReason: row.closure_reason,
    myRoles: relationNames(relation),
    actions: context.actions,
  };
}

export { possibleTransitions };
