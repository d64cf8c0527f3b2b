import type { Executor } from "../../platform";
import type {
  AddressBasis,
  AttemptStatus,
  ServedDocumentKind,
  ServedHow,
  ServiceChannel,
  ServiceStatus,
} from "./delivery.tables";

// The only file with SQL for service records, attempts and service addresses: plain rows, no
// authorisation, no HTTP errors.

export const serviceColumns = [
  "id",
  "case_id",
  "court_id",
  "document_issue_id",
  "kind",
  "recipient_party_id",
  "recipient_user_id",
  "recipient_name",
  "recipient_role",
  "recipient_phone",
  "recipient_email",
  "address_basis",
  "status",
  "sent_at",
  "delivered_at",
  "opened_at",
  "acted_at",
  "served_at",
  "served_how",
  "served_by",
  "unopened_days",
  "following_kind",
  "following_days",
  "following_basis",
  "post_tracking_number",
  "post_signed_on",
  "post_signed_by",
  "notice_on",
  "case_code",
  "created_at",
  "updated_at",
] as const;

export async function insertServiceRecord(
  trx: Executor,
  record: {
    caseId: string;
    courtId: string;
    documentIssueId: string;
    kind: ServedDocumentKind;
    recipientPartyId: string | null;
    recipientUserId: string | null;
    recipientName: string;
    recipientRole: string;
    recipientPhone: string | null;
    recipientEmail: string | null;
    addressBasis: AddressBasis;
    servedBy: string | null;
    following: { kind: string; days: number; basis: string } | null;
    caseCode: string | null;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("service_records")
    .values({
      case_id: record.caseId,
      court_id: record.courtId,
      document_issue_id: record.documentIssueId,
      kind: record.kind,
      recipient_party_id: record.recipientPartyId,
      recipient_user_id: record.recipientUserId,
      recipient_name: record.recipientName,
      recipient_role: record.recipientRole,
      recipient_phone: record.recipientPhone,
      recipient_email: record.recipientEmail,
      address_basis: record.addressBasis,
      status: "pending",
      sent_at: null,
      delivered_at: null,
      opened_at: null,
      acted_at: null,
      served_at: null,
      served_how: null,
      served_by: record.servedBy,
      following_kind: record.following?.kind ?? null,
      following_days: record.following?.days ?? null,
      following_basis: record.following?.basis ?? null,
      post_tracking_number: null,
      post_signed_on: null,
      post_signed_by: null,
      notice_on: null,
      case_code: record.caseCode,
      created_at: record.now,
      updated_at: record.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttempt(
  trx: Executor,
  attempt: {
    serviceId: string;
    channel: ServiceChannel;
    address: string | null;
    status: AttemptStatus;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("service_attempts")
    .values({
      service_id: attempt.serviceId,
      channel: attempt.channel,
      address: attempt.address,
      status: attempt.status,
      error: null,
      provider_reference: null,
      created_at: attempt.now,
      sent_at: attempt.status === "queued" ? null : attempt.now,
      delivered_at: attempt.status === "delivered" ? attempt.now : null,
      updated_at: attempt.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAttempt(
  trx: Executor,
  attemptId: string,
  result: { status: AttemptStatus; error: string | null; reference: string | null; now: Date },
): Promise<void> {
  await trx
    .updateTable("service_attempts")
    .set({
      status: result.status,
      error: result.error,
      provider_reference: result.reference,
      // A refused message never left for the addressee: it is no more sent than a failed one.
      sent_at: result.status === "failed" || result.status === "refused" ? null : result.now,
      delivered_at: result.status === "delivered" ? result.now : null,
      updated_at: result.now,
    })
    .where("id", "=", attemptId)
    .execute();
}

export async function findService(db: Executor, serviceId: string) {
  return db
    .selectFrom("service_records")
    .select(serviceColumns)
    .where("id", "=", serviceId)
    .executeTakeFirst();
}

/** Loads and row-locks a service record inside a command's transaction. */
export async function lockService(trx: Executor, serviceId: string) {
  return trx
    .selectFrom("service_records")
    .select(serviceColumns)
    .where("id", "=", serviceId)
    .forUpdate()
    .executeTakeFirst();
}

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findService>>>;

export async function listAttempts(db: Executor, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom("service_attempts")
    .select([
      "id",
      "service_id",
      "channel",
      "address",
      "status",
      "error",
      "provider_reference",
      "created_at",
      "sent_at",
      "delivered_at",
    ])
    .where("service_id", "in", serviceIds)
    .orderBy("seq")
    .execute();
}

export type AttemptRow = Awaited<ReturnType<typeof listAttempts>>[number];

export async function listServicesOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("service_records")
    .select(serviceColumns)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Services of a court that are not complete and need the clerk (failed or undeliverable). */
export async function listUnservedOfCourt(db: Executor, courtId: string, limit: number) {
  return db
    .selectFrom("service_records")
    .select(serviceColumns)
    .where("court_id", "=", courtId)
    .where("status", "in", ["failed", "undeliverable"])
    .orderBy("updated_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Open services of a case addressed to an account or to one of the parties it acts as (to complete when
 * the addressee acts).
 */
export async function listOpenServicesOfUser(
  db: Executor,
  caseId: string,
  userId: string,
  partyIds: readonly string[] = [],
) {
  return db
    .selectFrom("service_records")
    .select("id")
    .where("case_id", "=", caseId)
    .where((eb) =>
      partyIds.length === 0
        ? eb("recipient_user_id", "=", userId)
        : eb.or([eb("recipient_user_id", "=", userId), eb("recipient_party_id", "in", partyIds)]),
    )
    .where("status", "in", ["pending", "delivered", "failed", "undeliverable"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Gives a party's services that had no account the account now linked to the party; their ids. */
export async function setRecipientUserOfParty(
  trx: Executor,
  values: { caseId: string; partyId: string; userId: string; now: Date },
): Promise<string[]> {
  const rows = await trx
    .updateTable("service_records")
    .set({ recipient_user_id: values.userId, updated_at: values.now })
    .where("case_id", "=", values.caseId)
    .where("recipient_party_id", "=", values.partyId)
    .where("recipient_user_id", "is", null)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function updateService(
  trx: Executor,
  serviceId: string,
  changes: Partial<{
    status: ServiceStatus;
    sent_at: Date | null;
    delivered_at: Date | null;
    opened_at: Date | null;
    acted_at: Date | null;
    served_at: Date | null;
    served_how: ServedHow | null;
    served_by: string | null;
    post_tracking_number: string | null;
    post_signed_on: string | null;
    post_signed_by: string | null;
    notice_on: string | null;
  }>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("service_records")
    .set({ ...changes, updated_at: now })
    .where("id", "=", serviceId)
    .execute();
}

export async function findServiceAddressRow(db: Executor, userId: string) {
  return db
    .selectFrom("service_addresses")
    .select(["user_id", "phone", "email", "consent_version", "consented_at", "updated_at"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function upsertServiceAddress(
  trx: Executor,
  address: { userId: string; phone: string | null; email: string | null; consentVersion: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("service_addresses")
    .values({
      user_id: address.userId,
      phone: address.phone,
      email: address.email,
      consent_version: address.consentVersion,
      consented_at: address.now,
      updated_at: address.now,
    })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        phone: address.phone,
        email: address.email,
        consent_version: address.consentVersion,
        consented_at: address.now,
        updated_at: address.now,
      }),
    )
    .execute();
}

export async function deleteServiceAddress(trx: Executor, userId: string): Promise<boolean> {
  const result = await trx.deleteFrom("service_addresses").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Services whose period may have run out without their check job (a lost job, a restored backup):
 * open electronic services at unconfirmed addresses, and public notices not yet complete.
 */
export async function listServicesToCheck(db: Executor, limit: number) {
  return db
    .selectFrom("service_records")
    .select("id")
    .where("status", "in", ["pending", "delivered"])
    .where((eb) =>
      eb.or([
        eb.and([eb("address_basis", "=", "provided"), eb("sent_at", "is not", null)]),
        eb("notice_on", "is not", null),
      ]),
    )
    .orderBy("updated_at")
    .limit(limit)
    .execute();
}
