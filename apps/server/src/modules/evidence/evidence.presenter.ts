import { AppError } from "../../platform";
import { citationInEnglish } from "../../platform/text/citations";
import type { EvidenceAccess } from "./evidence.access";
import type { EvidenceState, EvidenceSubject } from "./evidence.queries";
import { seesSubject } from "./evidence.queries";
import type { OpinionRow, PeriodRow, RequestRow } from "./evidence.repository";
import { opinionPartyFor, requestKindNow, submissionWindow, type SubmissionWindow } from "./evidence.rules";
import type { TEvidenceItem, TEvidenceReview, TEvidenceView } from "./evidence.schemas";

type ViewAction = TEvidenceView["actions"][number];
type ItemAction = TEvidenceItem["actions"][number];

function presentPeriod(period: PeriodRow | undefined, now: Date) {
  if (!period) return null;
  return {
    startsOn: period.starts_on,
    endsOn: period.ends_on,
    days: period.days,
    basis: period.basis,
    basisEn: citationInEnglish(period.basis),
    extendedCount: period.extended_count,
    isOver: now.getTime() > period.ends_at.getTime(),
  };
}

function presentOpinion(opinion: OpinionRow, partyName: (id: string) => string) {
  return {
    partyId: opinion.party_id,
    partyName: partyName(opinion.party_id),
    authenticity: opinion.authenticity,
    authenticityReason: opinion.authenticity_reason,
    ledgerGround: opinion.ledger_ground,
    legality: opinion.legality,
    legalityReason: opinion.legality_reason,
    relevance: opinion.relevance,
    relevanceReason: opinion.relevance_reason,
    givenAt: opinion.given_at,
  };
}

function presentRequest(request: RequestRow, partyName: (id: string) => string) {
  return {
    id: request.id,
    partyId: request.party_id,
    partyName: partyName(request.party_id),
    kind: request.kind,
    reason: request.reason,
    requestedUntil: request.requested_until,
    status: request.status,
    grantedUntil: request.granted_until,
    decisionReason: request.decision_reason,
    requestedAt: request.requested_at,
    decidedAt: request.decided_at,
  };
}

interface Context {
  access: EvidenceAccess;
  state: EvidenceState;
  now: Date;
  partyName: (id: string) => string;
  crossExaminationOver: boolean;
}

function numbersOf(subjects: readonly EvidenceSubject[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const counters = new Map<string, number>();
  const ordered = [...subjects].sort((a, b) =>
    a.kind === b.kind ? a.createdAt.getTime() - b.createdAt.getTime() : a.kind === "filed" ? -1 : 1,
  );
  for (const subject of ordered) {
    const next = (counters.get(subject.partyId) ?? 0) + 1;
    counters.set(subject.partyId, next);
    numbers.set(subject.id, next);
  }
  return numbers;
}

function presentItem(ctx: Context, subject: EvidenceSubject, number: number): TEvidenceItem {
  const { access, state } = ctx;
  const caseId = access.row.id;
  const decision = state.decisions.find(
    (d) => d.subject_kind === subject.kind && d.subject_id === subject.id,
  );
  const actions: ItemAction[] = [];
  const isOwn = access.relation.ownPartyIds.includes(subject.partyId);
  if (isOwn && subject.kind === "item" && subject.status === "draft") {
    actions.push("edit", "withdraw", "add_file");
  }
  const ownParties = access.parts.parties.filter((p) => access.relation.ownPartyIds.includes(p.id));
  if (
    subject.status === "submitted" &&
    !decision &&
    !ctx.crossExaminationOver &&
    opinionPartyFor(ownParties, { id: subject.partyId, role: subject.role }) !== null
  ) {
    actions.push("give_opinion");
  }
  if (access.relation.isAssignedJudge && subject.status === "submitted") actions.push("decide");
  return {
    id: subject.id,
    origin: subject.kind === "filed" ? "filing" : "catalogue",
    number,
    partyId: subject.partyId,
    partyName: ctx.partyName(subject.partyId),
    role: subject.role,
    title: subject.title,
    source: subject.source,
    purpose: subject.purpose,
    status: subject.status === "withdrawn" ? "draft" : subject.status,
    isLate: subject.isLate,
    submittedAt: subject.submittedAt,
    files: subject.files.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      uploadedAt: file.uploadedAt,
      url: `/api/cases/${caseId}/evidence/files/${file.id}/content`,
      ledgerVerification: file.ledgerVerification,
    })),
    isLedgerVerified: subject.isLedgerVerified,
    opinions: state.opinions
      .filter((o) => o.subject_kind === subject.kind && o.subject_id === subject.id)
      .map((o) => presentOpinion(o, ctx.partyName)),
    decision: decision
      ? { decision: decision.decision, reason: decision.reason, decidedAt: decision.decided_at }
      : null,
    actions,
  };
}

function contextOf(access: EvidenceAccess, state: EvidenceState, now: Date): Context {
  const names = new Map(access.parts.parties.map((p) => [p.id, p.name]));
  const cross = state.periods.find((p) => p.kind === "cross_examination");
  return {
    access,
    state,
    now,
    partyName: (id) => names.get(id) ?? "",
    crossExaminationOver: cross !== undefined && now.getTime() > cross.ends_at.getTime(),
  };
}

/** The leave to submit late a party holds: the latest granted end, or null. */
function leaveEndsAt(state: EvidenceState, partyId: string): Date | null {
  const granted = state.requests
    .filter((r) => r.party_id === partyId && r.kind === "late_submission" && r.granted_until_at !== null)
    .map((r) => r.granted_until_at!.getTime());
  return granted.length > 0 ? new Date(Math.max(...granted)) : null;
}

/** The evidence of a case as the caller sees it, with what the caller may do next. */
export function presentEvidenceView(access: EvidenceAccess, state: EvidenceState, now: Date): TEvidenceView {
  const ctx = contextOf(access, state, now);
  const { relation, row, parts } = access;
  const visible = state.subjects.filter((s) => seesSubject(access, s));
  const numbers = numbersOf(visible);
  const evidencePeriod = state.periods.find((p) => p.kind === "evidence");
  const myParties = parts.parties
    .filter((p) => relation.ownPartyIds.includes(p.id))
    .map((p) => {
      const window: SubmissionWindow = submissionWindow({
        periodEndsAt: evidencePeriod?.ends_at ?? null,
        leaveEndsAt: leaveEndsAt(state, p.id),
        now,
      });
      return { id: p.id, name: p.name, role: p.role, submissionWindow: window };
    });
  const actions: ViewAction[] = [];
  const inStage = ["accepted", "service", "evidence_exchange", "hearing"].includes(row.status);
  if (inStage && (relation.isAssignedJudge || relation.isClerk)) {
    actions.push("set_evidence_period", "set_cross_examination_period");
  }
  if (inStage && relation.isAssignedJudge) actions.push("decide_requests");
  if (inStage && myParties.length > 0) {
    if (myParties.some((p) => p.submissionWindow !== "expired")) actions.push("add_item");
    const kind = requestKindNow(evidencePeriod?.ends_at ?? null, now);
    if (kind === "extension") actions.push("request_extension");
    if (kind === "late_submission") actions.push("request_late_submission");
  }
  const ownRequests = relation.isStaff
    ? state.requests
    : state.requests.filter((r) => relation.ownPartyIds.includes(r.party_id));
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    title: row.title,
    status: row.status,
    procedure: row.procedure,
    periods: {
      evidence: presentPeriod(evidencePeriod, now),
      crossExamination: presentPeriod(
        state.periods.find((p) => p.kind === "cross_examination"),
        now,
      ),
    },
    parties: parts.parties.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      isMine: relation.ownPartyIds.includes(p.id),
    })),
    myParties,
    items: visible.map((s) => presentItem(ctx, s, numbers.get(s.id) ?? 0)),
    requests: ownRequests.map((r) => presentRequest(r, ctx.partyName)),
    isStaff: relation.isStaff,
    actions,
  };
}

/**
 * The judge's table: every submitted item in a row, each other side's opinion in a column, the
 * decision at the end (证据规定第八十八条: all the evidence weighed together). Staff of the case only.
 */
export function presentEvidenceReview(access: EvidenceAccess, state: EvidenceState): TEvidenceReview {
  if (!access.relation.isStaff) {
    throw new AppError("forbidden", [
      { code: "case_staff_only", message: "the review table is the court's" },
    ]);
  }
  const ctx = contextOf(access, state, new Date(0));
  const submitted = state.subjects.filter((s) => s.status === "submitted");
  const numbers = numbersOf(submitted);
  return {
    caseId: access.row.id,
    parties: access.parts.parties.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    rows: submitted.map((subject) => {
      const item = presentItem(ctx, subject, numbers.get(subject.id) ?? 0);
      const examiners = access.parts.parties.filter((p) => p.role !== subject.role);
      return {
        item,
        opinions: examiners.map((p) => ({
          partyId: p.id,
          opinion: item.opinions.find((o) => o.partyId === p.id) ?? null,
        })),
        disputed: item.opinions.some(
          (o) => o.authenticity === "dispute" || o.legality === "dispute" || o.relevance === "dispute",
        ),
      };
    }),
  };
}
