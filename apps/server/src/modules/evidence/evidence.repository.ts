// The only file of the evidence context with SQL. No authorisation here: callers load through the
// visibility-scoped case query first.
import type { Executor } from "../../platform";
import type {
  EvidenceDecisionValue,
  EvidencePeriodKind,
  EvidenceRequestKind,
  EvidenceSubjectKind,
  LedgerGround,
  OpinionAnswer,
} from "./evidence.tables";

const periodColumns = [
  "case_id",
  "kind",
  "starts_on",
  "ends_on",
  "ends_at",
  "days",
  "basis",
  "set_by",
  "set_at",
  "extended_count",
] as const;

export async function listPeriods(db: Executor, caseId: string) {
  return db.selectFrom("evidence_periods").select(periodColumns).where("case_id", "=", caseId).execute();
}
export type PeriodRow = Awaited<ReturnType<typeof listPeriods>>[number];

export async function findPeriod(db: Executor, caseId: string, kind: EvidencePeriodKind) {
  return db
    .selectFrom("evidence_periods")
    .select(periodColumns)
    .where("case_id", "=", caseId)
    .where("kind", "=", kind)
    .executeTakeFirst();
}

/** Sets a period, replacing the one of the same kind (the court fixes it anew). */
export async function upsertPeriod(
  trx: Executor,
  values: {
    caseId: string;
    kind: EvidencePeriodKind;
    startsOn: string;
    endsOn: string;
    endsAt: Date;
    days: number;
    basis: string;
    setBy: string;
    now: Date;
  },
): Promise<void> {
  const row = {
    case_id: values.caseId,
    kind: values.kind,
    starts_on: values.startsOn,
    ends_on: values.endsOn,
    ends_at: values.endsAt,
    days: values.days,
    basis: values.basis,
    set_by: values.setBy,
    set_at: values.now,
  };
  await trx
    .insertInto("evidence_periods")
    .values(row)
    .onConflict((oc) => oc.columns(["case_id", "kind"]).doUpdateSet({ ...row, extended_count: 0 }))
    .execute();
}

/** Moves a period's end later (an extension granted). */
export async function extendPeriod(
  trx: Executor,
  caseId: string,
  kind: EvidencePeriodKind,
  endsOn: string,
  endsAt: Date,
): Promise<void> {
  await trx
    .updateTable("evidence_periods")
    .set((eb) => ({ ends_on: endsOn, ends_at: endsAt, extended_count: eb("extended_count", "+", 1) }))
    .where("case_id", "=", caseId)
    .where("kind", "=", kind)
    .execute();
}

// ------------------------------------------------------------------ items and files

const itemColumns = [
  "id",
  "case_id",
  "party_id",
  "title",
  "source",
  "purpose",
  "status",
  "is_late",
  "submitted_at",
  "created_by",
  "created_at",
  "updated_at",
] as const;

export async function listItems(db: Executor, caseId: string) {
  return db
    .selectFrom("evidence_items")
    .select(itemColumns)
    .where("case_id", "=", caseId)
    .where("status", "!=", "withdrawn")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export async function findItem(db: Executor, caseId: string, itemId: string) {
  return db
    .selectFrom("evidence_items")
    .select(itemColumns)
    .where("case_id", "=", caseId)
    .where("id", "=", itemId)
    .executeTakeFirst();
}

export async function lockItem(trx: Executor, caseId: string, itemId: string) {
  return trx
    .selectFrom("evidence_items")
    .select(itemColumns)
    .where("case_id", "=", caseId)
    .where("id", "=", itemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertItem(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    title: string;
    source: string;
    purpose: string;
    createdBy: string;
    now: Date;
  },
): Promise<ItemRow> {
  return trx
    .insertInto("evidence_items")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      title: values.title,
      source: values.source,
      purpose: values.purpose,
      status: "draft",
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning(itemColumns)
    .executeTakeFirstOrThrow();
}

export async function updateDraftItem(
  trx: Executor,
  itemId: string,
  patch: { title?: string; source?: string; purpose?: string; status?: "withdrawn" },
  now: Date,
): Promise<void> {
  await trx
    .updateTable("evidence_items")
    .set({ ...patch, updated_at: now })
    .where("id", "=", itemId)
    .where("status", "=", "draft")
    .execute();
}

/** Submits the listed drafts of a catalogue together; returns the ids submitted. */
export async function submitDraftItems(
  trx: Executor,
  itemIds: readonly string[],
  isLate: boolean,
  now: Date,
): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const rows = await trx
    .updateTable("evidence_items")
    .set({ status: "submitted", submitted_at: now, is_late: isLate, updated_at: now })
    .where("id", "in", itemIds)
    .where("status", "=", "draft")
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function lockDraftItemsOfParty(trx: Executor, caseId: string, partyId: string) {
  return trx
    .selectFrom("evidence_items")
    .select(itemColumns)
    .where("case_id", "=", caseId)
    .where("party_id", "=", partyId)
    .where("status", "=", "draft")
    .orderBy("created_at")
    .orderBy("id")
    .forUpdate()
    .execute();
}

const fileColumns = [
  "id",
  "item_id",
  "case_id",
  "file_sha256",
  "file_name",
  "media_type",
  "size",
  "uploaded_by",
  "created_at",
] as const;

export async function listFiles(db: Executor, caseId: string) {
  return db
    .selectFrom("evidence_files")
    .select(fileColumns)
    .where("case_id", "=", caseId)
    .where("removed_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
export type FileRow = Awaited<ReturnType<typeof listFiles>>[number];

export async function insertFile(
  trx: Executor,
  values: {
    itemId: string;
    caseId: string;
    sha256: string;
    fileName: string;
    mediaType: string;
    size: number;
    uploadedBy: string;
    now: Date;
  },
): Promise<FileRow> {
  return trx
    .insertInto("evidence_files")
    .values({
      item_id: values.itemId,
      case_id: values.caseId,
      file_sha256: values.sha256,
      file_name: values.fileName,
      media_type: values.mediaType,
      size: values.size,
      uploaded_by: values.uploadedBy,
      created_at: values.now,
    })
    .returning(fileColumns)
    .executeTakeFirstOrThrow();
}

export async function removeFile(trx: Executor, itemId: string, fileId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("evidence_files")
    .set({ removed_at: now })
    .where("item_id", "=", itemId)
    .where("id", "=", fileId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countFilesOfItems(
  db: Executor,
  itemIds: readonly string[],
): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("evidence_files")
    .select(["item_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("item_id", "in", itemIds)
    .where("removed_at", "is", null)
    .groupBy("item_id")
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.count)]));
}

// ------------------------------------------------------------------ requests

const requestColumns = [
  "id",
  "case_id",
  "party_id",
  "kind",
  "reason",
  "requested_until",
  "status",
  "granted_until",
  "granted_until_at",
  "decision_reason",
  "requested_by",
  "requested_at",
  "decided_by",
  "decided_at",
] as const;

export async function listRequests(db: Executor, caseId: string) {
  return db
    .selectFrom("evidence_requests")
    .select(requestColumns)
    .where("case_id", "=", caseId)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
}
export type RequestRow = Awaited<ReturnType<typeof listRequests>>[number];

export async function lockRequest(trx: Executor, caseId: string, requestId: string) {
  return trx
    .selectFrom("evidence_requests")
    .select(requestColumns)
    .where("case_id", "=", caseId)
    .where("id", "=", requestId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findPendingRequest(
  db: Executor,
  caseId: string,
  partyId: string,
  kind: EvidenceRequestKind,
) {
  return db
    .selectFrom("evidence_requests")
    .select("id")
    .where("case_id", "=", caseId)
    .where("party_id", "=", partyId)
    .where("kind", "=", kind)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** The latest end of the leave to submit late granted to a party, or null. */
export async function findLeaveEndsAt(db: Executor, caseId: string, partyId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("evidence_requests")
    .select("granted_until_at")
    .where("case_id", "=", caseId)
    .where("party_id", "=", partyId)
    .where("kind", "=", "late_submission")
    .where("status", "=", "granted")
    .orderBy("granted_until_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.granted_until_at ?? null;
}

export async function insertRequest(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    kind: EvidenceRequestKind;
    reason: string;
    requestedUntil: string;
    requestedBy: string;
    now: Date;
  },
): Promise<RequestRow> {
  return trx
    .insertInto("evidence_requests")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      kind: values.kind,
      reason: values.reason,
      requested_until: values.requestedUntil,
      status: "pending",
      requested_by: values.requestedBy,
      requested_at: values.now,
    })
    .returning(requestColumns)
    .executeTakeFirstOrThrow();
}

export async function decideRequestRow(
  trx: Executor,
  requestId: string,
  values: {
    status: "granted" | "refused";
    grantedUntil: string | null;
    grantedUntilAt: Date | null;
    reason: string | null;
    decidedBy: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .updateTable("evidence_requests")
    .set({
      status: values.status,
      granted_until: values.grantedUntil,
      granted_until_at: values.grantedUntilAt,
      decision_reason: values.reason,
      decided_by: values.decidedBy,
      decided_at: values.now,
    })
    .where("id", "=", requestId)
    .where("status", "=", "pending")
    .execute();
}

// ------------------------------------------------------------------ opinions and decisions

const opinionColumns = [
  "id",
  "case_id",
  "subject_kind",
  "subject_id",
  "party_id",
  "authenticity",
  "authenticity_reason",
  "ledger_ground",
  "legality",
  "legality_reason",
  "relevance",
  "relevance_reason",
  "given_by",
  "given_at",
] as const;

export async function listOpinions(db: Executor, caseId: string) {
  return db
    .selectFrom("evidence_opinions")
    .select(opinionColumns)
    .where("case_id", "=", caseId)
    .orderBy("given_at")
    .orderBy("id")
    .execute();
}
export type OpinionRow = Awaited<ReturnType<typeof listOpinions>>[number];

/** Gives a party's opinion on an item, replacing the one it gave before. */
export async function upsertOpinion(
  trx: Executor,
  values: {
    caseId: string;
    subjectKind: EvidenceSubjectKind;
    subjectId: string;
    partyId: string;
    authenticity: OpinionAnswer;
    authenticityReason: string | null;
    ledgerGround: LedgerGround | null;
    legality: OpinionAnswer;
    legalityReason: string | null;
    relevance: OpinionAnswer;
    relevanceReason: string | null;
    givenBy: string;
    now: Date;
  },
): Promise<string> {
  const row = {
    case_id: values.caseId,
    subject_kind: values.subjectKind,
    subject_id: values.subjectId,
    party_id: values.partyId,
    authenticity: values.authenticity,
    authenticity_reason: values.authenticityReason,
    ledger_ground: values.ledgerGround,
    legality: values.legality,
    legality_reason: values.legalityReason,
    relevance: values.relevance,
    relevance_reason: values.relevanceReason,
    given_by: values.givenBy,
    given_at: values.now,
  };
  const saved = await trx
    .insertInto("evidence_opinions")
    .values(row)
    .onConflict((oc) => oc.columns(["subject_kind", "subject_id", "party_id"]).doUpdateSet(row))
    .returning("id")
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function listDecisions(db: Executor, caseId: string) {
  return db
    .selectFrom("evidence_decisions")
    .select(["subject_kind", "subject_id", "decision", "reason", "decided_by", "decided_at"])
    .where("case_id", "=", caseId)
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];

export async function findDecision(db: Executor, subjectKind: EvidenceSubjectKind, subjectId: string) {
  return db
    .selectFrom("evidence_decisions")
    .select(["decision"])
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the judge's decision on an item; a later decision replaces it (the court may reconsider). */
export async function upsertDecision(
  trx: Executor,
  values: {
    caseId: string;
    subjectKind: EvidenceSubjectKind;
    subjectId: string;
    decision: EvidenceDecisionValue;
    reason: string | null;
    decidedBy: string;
    now: Date;
  },
): Promise<void> {
  const row = {
    case_id: values.caseId,
    subject_kind: values.subjectKind,
    subject_id: values.subjectId,
    decision: values.decision,
    reason: values.reason,
    decided_by: values.decidedBy,
    decided_at: values.now,
  };
  await trx
    .insertInto("evidence_decisions")
    .values(row)
    .onConflict((oc) => oc.columns(["subject_kind", "subject_id"]).doUpdateSet(row))
    .execute();
}
