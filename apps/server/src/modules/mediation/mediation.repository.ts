import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Executor } from "../../platform";
import { loadCaseParts } from "../cases/index";

const mediationColumns = [
  "mediations.id",
  "mediations.case_id",
  "mediations.court_id",
  "mediations.origin",
  "mediations.status",
  "mediations.applicant_user_id",
  "mediations.mediator_id",
  "mediations.mediator_user_id",
  "mediations.mediator_chosen_by",
  "mediations.offered_at",
  "mediations.offered_by",
  "mediations.applied_at",
  "mediations.appointment_due_on",
  "mediations.assigned_at",
  "mediations.acceptance_due_on",
  "mediations.accepted_at",
  "mediations.appointment_overdue_at",
  "mediations.period_ends_on",
  "mediations.period_ends_at",
  "mediations.ended_at",
  "mediations.outcome",
  "mediations.outcome_reason",
  "mediations.referred_at",
  "mediations.record_issue_id",
  "mediations.created_at",
  "mediations.updated_at",
  "mediations.version",
] as const;

/** A mediation by id, without any visibility check (callers decide with mediation.policy.ts). */
export async function findMediation(db: Executor, id: string) {
  return db
    .selectFrom("mediations")
    .select(mediationColumns)
    .where("mediations.id", "=", id)
    .executeTakeFirst();
}

export type MediationRow = NonNullable<Awaited<ReturnType<typeof findMediation>>>;

/** Loads and row-locks a mediation inside a command's transaction. */
export async function lockMediation(trx: Executor, id: string): Promise<MediationRow | undefined> {
  return trx
    .selectFrom("mediations")
    .select(mediationColumns)
    .where("mediations.id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The live (or latest) mediation of a case. */
export async function findMediationOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("mediations")
    .select(mediationColumns)
    .where("mediations.case_id", "=", caseId)
    .orderBy("mediations.created_at", "desc")
    .orderBy("mediations.id", "desc")
    .executeTakeFirst();
}

/**
 * Everything around a mediation in two round trips: the case's parties, agents and claims (through
 * the cases module), the other side's consents, offers, messages, sessions, documents and extension
 * proposals.
 */
export async function loadMediationParts(db: Executor, mediation: { id: string; case_id: string }) {
  const [caseParts, own] = await Promise.all([
    loadCaseParts(db, mediation.case_id),
    db
      .selectNoFrom((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom("mediation_consents")
            .select(["party_id", "answer", "answered_by", "answered_at", "asked_at"])
            .where("mediation_id", "=", mediation.id)
            .orderBy("asked_at")
            .orderBy("party_id"),
        ).as("consents"),
        jsonArrayFrom(
          eb
            .selectFrom("mediation_offers")
            .select([
              "id",
              "answers_offer_id",
              "party_id",
              "made_by",
              "amount_fen",
              "terms",
              "status",
              "answered_by",
              "answered_at",
              "created_at",
            ])
            .where("mediation_id", "=", mediation.id)
            .orderBy("seq"),
        ).as("offers"),
        jsonArrayFrom(
          eb
            .selectFrom("mediation_messages")
            .select(["id", "author_user_id", "author_role", "body", "created_at"])
            .where("mediation_id", "=", mediation.id)
            .orderBy("seq"),
        ).as("messages"),
        jsonArrayFrom(
          eb
            .selectFrom("mediation_sessions")
            .select(["id", "starts_at", "video_url", "note", "scheduled_by", "created_at"])
            .where("mediation_id", "=", mediation.id)
            .orderBy("starts_at")
            .orderBy("id"),
        ).as("sessions"),
        jsonArrayFrom(
          eb
            .selectFrom("mediation_documents")
            .select(["id", "sha256", "file_name", "media_type", "size", "title", "uploaded_by", "created_at"])
            .where("mediation_id", "=", mediation.id)
            .orderBy("created_at")
            .orderBy("id"),
        ).as("documents"),
        jsonArrayFrom(
          eb
            .selectFrom("mediation_extensions")
            .select([
              "id",
              "proposed_by",
              "party_id",
              "days",
              "status",
              "answers",
              "created_at",
              "resolved_at",
            ])
            .where("mediation_id", "=", mediation.id)
            .orderBy("created_at")
            .orderBy("id"),
        ).as("extensions"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    parties: caseParts.parties,
    agents: caseParts.agents,
    claims: caseParts.claims,
    consents: own.consents,
    offers: own.offers.map((o) => ({ ...o, amount_fen: Number(o.amount_fen) })),
    messages: own.messages,
    sessions: own.sessions,
    documents: own.documents.map((d) => ({ ...d, size: Number(d.size) })),
    extensions: own.extensions,
  };
}

export type MediationParts = Awaited<ReturnType<typeof loadMediationParts>>;

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

type MediationInsert = {
  caseId: string;
  courtId: string;
  origin: "application" | "offered_at_filing";
  status: MediationRow["status"];
  applicantUserId: string;
  offeredAt?: Date | null;
  offeredBy?: string | null;
  appliedAt?: Date | null;
  appointmentDueOn?: string | null;
  now: Date;
};

/** Starts a mediation row; returns its id. */
export async function insertMediation(trx: Executor, values: MediationInsert): Promise<string> {
  const row = await trx
    .insertInto("mediations")
    .values({
      case_id: values.caseId,
      court_id: values.courtId,
      origin: values.origin,
      status: values.status,
      applicant_user_id: values.applicantUserId,
      mediator_id: null,
      mediator_user_id: null,
      mediator_chosen_by: null,
      offered_at: values.offeredAt ?? null,
      offered_by: values.offeredBy ?? null,
      applied_at: values.appliedAt ?? null,
      appointment_due_on: values.appointmentDueOn ?? null,
      assigned_at: null,
      acceptance_due_on: null,
      accepted_at: null,
      period_ends_on: null,
      period_ends_at: null,
      ended_at: null,
      outcome: null,
      outcome_reason: null,
      referred_at: null,
      record_issue_id: null,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type MediationPatch = Partial<
  Pick<
    MediationRow,
    | "status"
    | "mediator_id"
    | "mediator_user_id"
    | "mediator_chosen_by"
    | "applied_at"
    | "appointment_due_on"
    | "assigned_at"
    | "acceptance_due_on"
    | "accepted_at"
    | "appointment_overdue_at"
    | "period_ends_on"
    | "period_ends_at"
    | "ended_at"
    | "outcome"
    | "outcome_reason"
    | "referred_at"
    | "record_issue_id"
  >
>;

/** Writes changed columns of a mediation and bumps its version. */
export async function updateMediation(
  trx: Executor,
  id: string,
  patch: MediationPatch,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("mediations")
    .set((eb) => ({ ...patch, updated_at: now, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** The live mediation of a case, row-locked (null when none is live). */
export async function lockLiveMediationOfCase(trx: Executor, caseId: string) {
  return trx
    .selectFrom("mediations")
    .select(mediationColumns)
    .where("mediations.case_id", "=", caseId)
    .where("mediations.status", "not in", ["declined", "referred", "ended"])
    .forUpdate()
    .executeTakeFirst();
}

export async function insertConsents(
  trx: Executor,
  values: { mediationId: string; partyIds: string[]; now: Date },
): Promise<void> {
  if (values.partyIds.length === 0) return;
  await trx
    .insertInto("mediation_consents")
    .values(
      values.partyIds.map((partyId) => ({
        mediation_id: values.mediationId,
        party_id: partyId,
        answer: "pending" as const,
        answered_by: null,
        answered_at: null,
        asked_at: values.now,
      })),
    )
    .onConflict((oc) => oc.columns(["mediation_id", "party_id"]).doNothing())
    .execute();
}

export async function answerConsent(
  trx: Executor,
  values: { mediationId: string; partyId: string; answer: "agreed" | "refused"; userId: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("mediation_consents")
    .set({ answer: values.answer, answered_by: values.userId, answered_at: values.now })
    .where("mediation_id", "=", values.mediationId)
    .where("party_id", "=", values.partyId)
    .execute();
}

export async function insertMessage(
  trx: Executor,
  values: {
    mediationId: string;
    authorUserId: string;
    authorRole: "party" | "agent" | "mediator";
    body: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_messages")
    .values({
      mediation_id: values.mediationId,
      author_user_id: values.authorUserId,
      author_role: values.authorRole,
      body: values.body,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSession(
  trx: Executor,
  values: {
    mediationId: string;
    startsAt: Date;
    videoUrl: string | null;
    note: string;
    scheduledBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_sessions")
    .values({
      mediation_id: values.mediationId,
      starts_at: values.startsAt,
      video_url: values.videoUrl,
      note: values.note,
      scheduled_by: values.scheduledBy,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOffer(
  trx: Executor,
  values: {
    mediationId: string;
    answersOfferId: string | null;
    partyId: string;
    madeBy: string;
    amountFen: number;
    terms: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_offers")
    .values({
      mediation_id: values.mediationId,
      answers_offer_id: values.answersOfferId,
      party_id: values.partyId,
      made_by: values.madeBy,
      amount_fen: values.amountFen,
      terms: values.terms,
      status: "open",
      answered_by: null,
      answered_at: null,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An offer of a mediation, row-locked. */
export async function lockOffer(trx: Executor, mediationId: string, offerId: string) {
  return trx
    .selectFrom("mediation_offers")
    .selectAll()
    .where("mediation_id", "=", mediationId)
    .where("id", "=", offerId)
    .forUpdate()
    .executeTakeFirst();
}

export async function answerOffer(
  trx: Executor,
  values: { offerId: string; status: "accepted" | "rejected" | "countered"; userId: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("mediation_offers")
    .set({ status: values.status, answered_by: values.userId, answered_at: values.now })
    .where("id", "=", values.offerId)
    .execute();
}

export async function insertDocument(
  trx: Executor,
  values: {
    mediationId: string;
    sha256: string;
    fileName: string;
    mediaType: string;
    size: number;
    title: string;
    uploadedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_documents")
    .values({
      mediation_id: values.mediationId,
      sha256: values.sha256,
      file_name: values.fileName,
      media_type: values.mediaType,
      size: values.size,
      title: values.title,
      uploaded_by: values.uploadedBy,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDocument(db: Executor, mediationId: string, documentId: string) {
  return db
    .selectFrom("mediation_documents")
    .selectAll()
    .where("mediation_id", "=", mediationId)
    .where("id", "=", documentId)
    .executeTakeFirst();
}

export async function insertExtension(
  trx: Executor,
  values: { mediationId: string; proposedBy: string; partyId: string; days: number; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_extensions")
    .values({
      mediation_id: values.mediationId,
      proposed_by: values.proposedBy,
      party_id: values.partyId,
      days: values.days,
      status: "open",
      answers: JSON.stringify({}),
      created_at: values.now,
      resolved_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The open extension proposal of a mediation, row-locked. */
export async function lockOpenExtension(trx: Executor, mediationId: string) {
  return trx
    .selectFrom("mediation_extensions")
    .selectAll()
    .where("mediation_id", "=", mediationId)
    .where("status", "=", "open")
    .forUpdate()
    .executeTakeFirst();
}

export async function updateExtension(
  trx: Executor,
  id: string,
  values: { answers: Record<string, "agreed" | "refused">; status: "open" | "agreed" | "refused"; now: Date },
): Promise<void> {
  await trx
    .updateTable("mediation_extensions")
    .set({
      answers: JSON.stringify(values.answers),
      status: values.status,
      resolved_at: values.status === "open" ? null : values.now,
    })
    .where("id", "=", id)
    .execute();
}

/** Closes an open extension proposal when the mediation ends. */
export async function closeOpenExtensions(trx: Executor, mediationId: string, now: Date): Promise<void> {
  await trx
    .updateTable("mediation_extensions")
    .set({ status: "refused", resolved_at: now })
    .where("mediation_id", "=", mediationId)
    .where("status", "=", "open")
    .execute();
}

/**
 * Mediations the user takes part in: as mediator, as applicant, in a case where they are a party or
 * agent (`caseIds`, from the cases module), or of a court where they are clerk or administrator.
 */
export async function listMediationIdsFor(
  db: Executor,
  values: { userId: string; caseIds: string[]; staffCourtIds: string[]; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom("mediations")
    .select(["mediations.id", "mediations.created_at"])
    .where((eb) =>
      eb.or([
        eb("mediations.mediator_user_id", "=", values.userId),
        eb("mediations.applicant_user_id", "=", values.userId),
        ...(values.caseIds.length > 0 ? [eb("mediations.case_id", "in", values.caseIds)] : []),
        ...(values.staffCourtIds.length > 0 ? [eb("mediations.court_id", "in", values.staffCourtIds)] : []),
      ]),
    )
    .orderBy("mediations.created_at", "desc")
    .orderBy("mediations.id", "desc")
    .limit(values.limit)
    .execute();
  return rows.map((r) => r.id);
}
