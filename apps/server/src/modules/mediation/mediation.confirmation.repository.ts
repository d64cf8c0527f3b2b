import { sql } from "kysely";
import type { Executor } from "../../platform";
import type {
  JudicialConfirmationsTable,
  MediationAgreementsTable,
  MediationStatusValue,
} from "./mediation.tables";

// SQL of mediation agreements, their signatures and judicial confirmations. No authorisation here:
// callers decide with mediation.policy.ts and mediation.confirmation.policy.ts.

const agreementColumns = [
  "id",
  "mediation_id",
  "version",
  "status",
  "terms",
  "issue_id",
  "content_sha256",
  "drafted_by",
  "drafted_at",
  "effective_at",
  "effective_on",
] as const;

/** The live (draft or effective) agreement of a mediation. */
export async function findLiveAgreement(db: Executor, mediationId: string) {
  return db
    .selectFrom("mediation_agreements")
    .select(agreementColumns)
    .where("mediation_id", "=", mediationId)
    .where("status", "!=", "superseded")
    .executeTakeFirst();
}

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findLiveAgreement>>>;

/** Loads and row-locks the live agreement inside a command's transaction. */
export async function lockLiveAgreement(trx: Executor, mediationId: string) {
  return trx
    .selectFrom("mediation_agreements")
    .select(agreementColumns)
    .where("mediation_id", "=", mediationId)
    .where("status", "!=", "superseded")
    .forUpdate()
    .executeTakeFirst();
}

/** The agreement by id. */
export async function findAgreement(db: Executor, id: string) {
  return db
    .selectFrom("mediation_agreements")
    .select(agreementColumns)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertAgreement(
  trx: Executor,
  values: Omit<MediationAgreementsTable, "id" | "terms" | "effective_at" | "effective_on"> & {
    terms: Record<string, unknown>;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediation_agreements")
    .values({ ...values, terms: JSON.stringify(values.terms), effective_at: null, effective_on: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function supersedeAgreement(trx: Executor, id: string): Promise<void> {
  await trx.updateTable("mediation_agreements").set({ status: "superseded" }).where("id", "=", id).execute();
}

export async function markAgreementEffective(trx: Executor, id: string, at: Date, on: string): Promise<void> {
  await trx
    .updateTable("mediation_agreements")
    .set({ status: "effective", effective_at: at, effective_on: on })
    .where("id", "=", id)
    .execute();
}

/** The signatures of an agreement in signing order. */
export async function listSignatures(db: Executor, agreementId: string) {
  return db
    .selectFrom("mediation_agreement_signatures")
    .select(["id", "signer_user_id", "signer_role", "party_id", "content_sha256", "ip", "signed_at"])
    .where("agreement_id", "=", agreementId)
    .orderBy("signed_at")
    .orderBy("id")
    .execute();
}

export async function insertSignatures(
  trx: Executor,
  rows: Array<{
    agreementId: string;
    signerUserId: string;
    signerRole: "party" | "agent" | "mediator";
    partyId: string | null;
    contentSha256: string;
    ip: string | null;
    now: Date;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto("mediation_agreement_signatures")
    .values(
      rows.map((r) => ({
        agreement_id: r.agreementId,
        signer_user_id: r.signerUserId,
        signer_role: r.signerRole,
        party_id: r.partyId,
        content_sha256: r.contentSha256,
        ip: r.ip,
        signed_at: r.now,
      })),
    )
    .execute();
}

/** Moves a (locked) mediation to a status of the agreement and confirmation stages. */
export async function setMediationStatus(
  trx: Executor,
  id: string,
  status: MediationStatusValue,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("mediations")
    .set({ status, updated_at: now, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Judicial confirmations
// ---------------------------------------------------------------------------------------------

const confirmationColumns = [
  "id",
  "mediation_id",
  "agreement_id",
  "case_id",
  "court_id",
  "status",
  "application_due_on",
  "started_by",
  "started_at",
  "applied_at",
  "acceptance_due_on",
  "accepted_at",
  "accepted_by",
  "case_number",
  "judge_id",
  "judge_name",
  "clerk_name",
  "decision_due_on",
  "decision_extended_at",
  "decision_extended_by",
  "extension_reason",
  "refused_at",
  "refused_by",
  "refusal_grounds",
  "refusal_reason",
  "decided_at",
  "decided_by",
  "decision",
  "dismissal_grounds",
  "reasons",
  "ruling_issue_id",
  "is_enforceable",
  "acceptance_overdue_at",
  "decision_overdue_at",
  "withdrawn_at",
  "withdrawn_by",
  "withdrawn_party_ids",
  "withdrawal_reason",
  "withdrawal_ruling_issue_id",
  "created_at",
  "updated_at",
  "version",
] as const;

export async function findConfirmation(db: Executor, id: string) {
  return db
    .selectFrom("judicial_confirmations")
    .select(confirmationColumns)
    .where("id", "=", id)
    .executeTakeFirst();
}

export type ConfirmationRow = NonNullable<Awaited<ReturnType<typeof findConfirmation>>>;

export async function lockConfirmation(trx: Executor, id: string) {
  return trx
    .selectFrom("judicial_confirmations")
    .select(confirmationColumns)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The latest application for confirmation of an agreement, if one was started (a withdrawn one may precede it). */
export async function findConfirmationOfAgreement(db: Executor, agreementId: string) {
  return (
    db
      .selectFrom("judicial_confirmations")
      .select(confirmationColumns)
      .where("agreement_id", "=", agreementId)
      // The open application if there is one (at most one: a unique index), else the last withdrawn.
      .orderBy(sql`status = 'withdrawn'`)
      .orderBy("started_at", "desc")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst()
  );
}

export async function insertConfirmation(
  trx: Executor,
  values: Pick<
    JudicialConfirmationsTable,
    | "mediation_id"
    | "agreement_id"
    | "case_id"
    | "court_id"
    | "application_due_on"
    | "started_by"
    | "started_at"
  >,
): Promise<string> {
  const row = await trx
    .insertInto("judicial_confirmations")
    .values({
      ...values,
      status: "awaiting_parties",
      created_at: values.started_at,
      updated_at: values.started_at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ConfirmationPatch = Partial<
  Omit<
    JudicialConfirmationsTable,
    | "id"
    | "version"
    | "created_at"
    | "updated_at"
    | "refusal_grounds"
    | "dismissal_grounds"
    | "is_enforceable"
    | "withdrawn_party_ids"
  >
> & {
  refusal_grounds?: string[];
  dismissal_grounds?: string[];
  is_enforceable?: boolean;
  withdrawn_party_ids?: string[];
};

export async function updateConfirmation(
  trx: Executor,
  id: string,
  patch: ConfirmationPatch,
  now: Date,
): Promise<void> {
  const { refusal_grounds, dismissal_grounds, withdrawn_party_ids, ...rest } = patch;
  await trx
    .updateTable("judicial_confirmations")
    .set({
      ...rest,
      ...(refusal_grounds ? { refusal_grounds: JSON.stringify(refusal_grounds) } : {}),
      ...(dismissal_grounds ? { dismissal_grounds: JSON.stringify(dismissal_grounds) } : {}),
      ...(withdrawn_party_ids ? { withdrawn_party_ids: JSON.stringify(withdrawn_party_ids) } : {}),
      updated_at: now,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .execute();
}

export async function listApplicants(db: Executor, confirmationId: string) {
  return db
    .selectFrom("judicial_confirmation_applicants")
    .select(["party_id", "applied_by", "applied_as", "applied_at"])
    .where("confirmation_id", "=", confirmationId)
    .orderBy("applied_at")
    .orderBy("party_id")
    .execute();
}

export async function insertApplicants(
  trx: Executor,
  rows: Array<{
    confirmationId: string;
    partyId: string;
    appliedBy: string;
    appliedAs: "party" | "agent";
    ip: string | null;
    now: Date;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto("judicial_confirmation_applicants")
    .values(
      rows.map((r) => ({
        confirmation_id: r.confirmationId,
        party_id: r.partyId,
        applied_by: r.appliedBy,
        applied_as: r.appliedAs,
        ip: r.ip,
        applied_at: r.now,
      })),
    )
    .execute();
}

/**
 * A court's confirmations, newest first: every one for its clerks, or only those assigned to a judge.
 * Applications still waiting for the other party are not yet before the court and are left out.
 */
export async function listConfirmationsOfCourt(
  db: Executor,
  options: { courtId: string; judgeId?: string; status?: string },
) {
  let query = db
    .selectFrom("judicial_confirmations")
    .select(confirmationColumns)
    .where("court_id", "=", options.courtId)
    .where("status", "!=", "awaiting_parties");
  if (options.judgeId) query = query.where("judge_id", "=", options.judgeId);
  if (options.status) query = query.where("status", "=", options.status as ConfirmationRow["status"]);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(200).execute();
}
