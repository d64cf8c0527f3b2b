import type { Executor } from "../../platform";
import type { AttachmentCategory, PaymentNotificationOutcome } from "./filing.tables";

export async function insertAttachment(
  db: Executor,
  values: {
    caseId: string;
    sha256: string;
    fileName: string;
    mediaType: string;
    size: number;
    category: AttachmentCategory;
    uploadedBy: string;
    now: Date;
  },
) {
  return db
    .insertInto("filing_attachments")
    .values({
      case_id: values.caseId,
      file_sha256: values.sha256,
      file_name: values.fileName,
      media_type: values.mediaType,
      size: values.size,
      category: values.category,
      uploaded_by: values.uploadedBy,
      created_at: values.now,
      removed_at: null,
    })
    .returning(["id", "file_name", "media_type", "size", "file_sha256", "category", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function listAttachments(db: Executor, caseId: string) {
  return db
    .selectFrom("filing_attachments")
    .select(["id", "file_name", "media_type", "size", "file_sha256", "category", "uploaded_by", "created_at"])
    .where("case_id", "=", caseId)
    .where("removed_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: Executor, caseId: string, attachmentId: string) {
  return db
    .selectFrom("filing_attachments")
    .select(["id", "file_name", "media_type", "size", "file_sha256", "category", "uploaded_by", "created_at"])
    .where("case_id", "=", caseId)
    .where("id", "=", attachmentId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
}

/** Attachments are never deleted once uploaded to a filing: removal hides them from the complaint. */
export async function markAttachmentRemoved(
  db: Executor,
  caseId: string,
  attachmentId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("filing_attachments")
    .set({ removed_at: now })
    .where("case_id", "=", caseId)
    .where("id", "=", attachmentId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceEvidence(
  db: Executor,
  caseId: string,
  items: Array<{ name: string; source: string | null; purpose: string | null; attachmentId: string | null }>,
): Promise<void> {
  await db.deleteFrom("filing_evidence").where("case_id", "=", caseId).execute();
  if (items.length === 0) return;
  await db
    .insertInto("filing_evidence")
    .values(
      items.map((item, index) => ({
        case_id: caseId,
        position: index + 1,
        name: item.name,
        source: item.source,
        purpose: item.purpose,
        attachment_id: item.attachmentId,
      })),
    )
    .execute();
}

export async function listEvidence(db: Executor, caseId: string) {
  return db
    .selectFrom("filing_evidence")
    .select(["position", "name", "source", "purpose", "attachment_id"])
    .where("case_id", "=", caseId)
    .orderBy("position")
    .execute();
}

/** The live (pending or paid) case acceptance fee order of a case, or the latest one; never a counterclaim's. */
export async function findFeeOrder(db: Executor, caseId: string) {
  return db
    .selectFrom("fee_orders")
    .select([
      "id",
      "case_id",
      "amount_fen",
      "status",
      "gateway",
      "gateway_reference",
      "due_at",
      "paid_at",
      "created_at",
    ])
    .where("case_id", "=", caseId)
    .where("counterclaim_id", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The fee order of a counterclaim (one per counterclaim), or undefined. */
export async function findCounterclaimFeeOrder(db: Executor, counterclaimId: string) {
  return db
    .selectFrom("fee_orders")
    .select([
      "id",
      "case_id",
      "counterclaim_id",
      "amount_fen",
      "status",
      "gateway_reference",
      "due_at",
      "paid_at",
    ])
    .where("counterclaim_id", "=", counterclaimId)
    .executeTakeFirst();
}

export async function lockFeeOrder(db: Executor, orderId: string) {
  return db
    .selectFrom("fee_orders")
    .select([
      "id",
      "case_id",
      "counterclaim_id",
      "amount_fen",
      "status",
      "gateway",
      "gateway_reference",
      "due_at",
      "paid_at",
    ])
    .where("id", "=", orderId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertFeeOrder(
  db: Executor,
  values: {
    caseId: string;
    amountFen: number;
    gateway: string;
    dueAt: Date;
    now: Date;
    /** The counterclaim whose fee this is; omitted for the case acceptance fee. */
    counterclaimId?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto("fee_orders")
    .values({
      case_id: values.caseId,
      counterclaim_id: values.counterclaimId ?? null,
      amount_fen: values.amountFen,
      status: "pending",
      gateway: values.gateway,
      gateway_reference: null,
      due_at: values.dueAt,
      paid_at: null,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFeeOrder(
  db: Executor,
  orderId: string,
  patch: {
    status?: "pending" | "paid" | "expired" | "cancelled";
    gatewayReference?: string;
    paidAt?: Date | null;
  },
): Promise<void> {
  await db
    .updateTable("fee_orders")
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.gatewayReference !== undefined ? { gateway_reference: patch.gatewayReference } : {}),
      ...(patch.paidAt !== undefined ? { paid_at: patch.paidAt } : {}),
    })
    .where("id", "=", orderId)
    .execute();
}

/**
 * Cancels the case's fee orders still awaiting payment (a counterclaim's fee when the case leaves the
 * court); returns how many. A payment arriving later is recorded for a refund like any late payment.
 */
export async function cancelPendingFeeOrders(db: Executor, caseId: string): Promise<number> {
  const rows = await db
    .updateTable("fee_orders")
    .set({ status: "cancelled" })
    .where("case_id", "=", caseId)
    .where("status", "=", "pending")
    .returning("id")
    .execute();
  return rows.length;
}

export async function insertReview(
  db: Executor,
  values: {
    caseId: string;
    decision: "accepted" | "correction_requested" | "refused";
    items: string[];
    reason: string | null;
    decidedBy: string;
    now: Date;
    rulingSha256?: string | null;
    rulingEnSha256?: string | null;
  },
): Promise<void> {
  await db
    .insertInto("filing_reviews")
    .values({
      case_id: values.caseId,
      decision: values.decision,
      items: JSON.stringify(values.items),
      reason: values.reason,
      decided_by: values.decidedBy,
      decided_at: values.now,
      ruling_sha256: values.rulingSha256 ?? null,
      ruling_en_sha256: values.rulingEnSha256 ?? null,
    })
    .execute();
}

export async function listReviews(db: Executor, caseId: string) {
  return db
    .selectFrom("filing_reviews")
    .select(["id", "decision", "items", "reason", "decided_at", "ruling_sha256", "ruling_en_sha256"])
    .where("case_id", "=", caseId)
    .orderBy("decided_at")
    .execute();
}

/** Fee order states of several cases (the review queue shows whether the fee was paid). */
export async function listFeeStatuses(
  db: Executor,
  caseIds: string[],
): Promise<Map<string, "pending" | "paid" | "expired" | "cancelled">> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("fee_orders")
    .select(["case_id", "status", "created_at"])
    .where("case_id", "in", caseIds)
    .where("counterclaim_id", "is", null)
    .orderBy("created_at")
    .execute();
  return new Map(rows.map((row) => [row.case_id, row.status]));
}

/** Records a signed payment notification once; false when its nonce was seen before (a replay). */
export async function insertPaymentNotification(
  db: Executor,
  values: {
    gateway: string;
    nonce: string;
    orderId: string;
    reference: string;
    status: "paid" | "failed";
    amountFen: number;
    outcome: PaymentNotificationOutcome;
    body: string;
    signature: string;
    signedAt: Date;
    now: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto("payment_notifications")
    .values({
      gateway: values.gateway,
      nonce: values.nonce,
      order_id: values.orderId,
      reference: values.reference,
      status: values.status,
      amount_fen: values.amountFen,
      outcome: values.outcome,
      body: values.body,
      signature: values.signature,
      signed_at: values.signedAt,
      received_at: values.now,
    })
    .onConflict((oc) => oc.columns(["gateway", "nonce"]).doNothing())
    .returning("nonce")
    .executeTakeFirst();
  return row !== undefined;
}

/** The outcome of an earlier notification saying the same thing about the same payment, if any. */
export async function findEarlierPaymentNotification(
  db: Executor,
  values: {
    gateway: string;
    orderId: string;
    reference: string;
    status: "paid" | "failed";
    amountFen: number;
  },
): Promise<PaymentNotificationOutcome | undefined> {
  const row = await db
    .selectFrom("payment_notifications")
    .select("outcome")
    .where("gateway", "=", values.gateway)
    .where("order_id", "=", values.orderId)
    .where("reference", "=", values.reference)
    .where("status", "=", values.status)
    .where("amount_fen", "=", values.amountFen)
    .where("outcome", "<>", "conflict")
    .orderBy("received_at")
    .limit(1)
    .executeTakeFirst();
  return row?.outcome;
}
