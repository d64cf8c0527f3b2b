import type { Executor } from "../../platform";
import type { AnswerEvidence, AnswerResponse } from "./cases.tables";

// The only SQL of the defendant's side: case codes, answers, jurisdiction objections, counterclaims.
// Other modules write these tables only through the functions exported from index.ts.

/** The case codes of a case's parties. */
export async function listCasePartyCodes(db: Executor, caseId: string) {
  return db
    .selectFrom("case_party_codes")
    .select(["party_id", "code", "used_at"])
    .where("case_id", "=", caseId)
    .execute();
}

/** Stores a party's case code; an existing code is kept (serving twice does not change it). */
export async function insertCasePartyCode(
  trx: Executor,
  values: { partyId: string; caseId: string; code: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("case_party_codes")
    .values({ party_id: values.partyId, case_id: values.caseId, code: values.code, created_at: values.now })
    .onConflict((oc) => oc.column("party_id").doNothing())
    .execute();
}

/** A case code with its party, row-locked (a code links once). */
export async function lockCasePartyCode(trx: Executor, code: string) {
  return trx
    .selectFrom("case_party_codes")
    .innerJoin("case_parties", "case_parties.id", "case_party_codes.party_id")
    .select([
      "case_party_codes.party_id",
      "case_party_codes.case_id",
      "case_party_codes.used_at",
      "case_parties.kind",
      "case_parties.role",
      "case_parties.id_number",
      "case_parties.credit_code",
      "case_parties.user_id",
    ])
    .where("case_party_codes.code", "=", code)
    .forUpdate()
    .executeTakeFirst();
}

/** Links an account to a party through its code, once. */
export async function linkPartyAccount(
  trx: Executor,
  values: { partyId: string; userId: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("case_parties")
    .set({ user_id: values.userId })
    .where("id", "=", values.partyId)
    .execute();
  await trx
    .updateTable("case_party_codes")
    .set({ used_at: values.now, used_by: values.userId })
    .where("party_id", "=", values.partyId)
    .execute();
}

/** A party's answer (draft or submitted). */
export async function findAnswer(db: Executor, caseId: string, partyId: string) {
  return db
    .selectFrom("case_answers")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("party_id", "=", partyId)
    .executeTakeFirst();
}

/** The submitted answers of a case, oldest first. */
export async function listSubmittedAnswers(db: Executor, caseId: string) {
  return db
    .selectFrom("case_answers")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("status", "=", "submitted")
    .orderBy("submitted_at")
    .execute();
}

/** Saves a party's answer draft whole. */
export async function upsertAnswerDraft(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    responses: AnswerResponse[];
    factsAndReasons: string;
    evidence: AnswerEvidence[];
    writtenBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("case_answers")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      status: "draft",
      responses: JSON.stringify(values.responses),
      facts_and_reasons: values.factsAndReasons,
      evidence: JSON.stringify(values.evidence),
      document_issue_id: null,
      written_by: values.writtenBy,
      created_at: values.now,
      updated_at: values.now,
      submitted_at: null,
    })
    .onConflict((oc) =>
      oc.columns(["case_id", "party_id"]).doUpdateSet({
        responses: JSON.stringify(values.responses),
        facts_and_reasons: values.factsAndReasons,
        evidence: JSON.stringify(values.evidence),
        written_by: values.writtenBy,
        updated_at: values.now,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an answer submitted with the document it was issued as. */
export async function markAnswerSubmitted(
  trx: Executor,
  values: { answerId: string; documentIssueId: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("case_answers")
    .set({
      status: "submitted",
      submitted_at: values.now,
      updated_at: values.now,
      document_issue_id: values.documentIssueId,
    })
    .where("id", "=", values.answerId)
    .execute();
}

/** Records an objection to jurisdiction. */
export async function insertJurisdictionObjection(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    grounds: string;
    proposedCourt: string | null;
    filedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("jurisdiction_objections")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      grounds: values.grounds,
      proposed_court: values.proposedCourt,
      status: "pending",
      filed_by: values.filedBy,
      filed_at: values.now,
      decided_by: null,
      decided_at: null,
      reason: null,
      ruling_issue_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The objections of a case, oldest first. */
export async function listJurisdictionObjections(db: Executor, caseId: string) {
  return db
    .selectFrom("jurisdiction_objections")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("filed_at")
    .execute();
}

/** An objection of a case, row-locked. */
export async function lockJurisdictionObjection(trx: Executor, caseId: string, objectionId: string) {
  return trx
    .selectFrom("jurisdiction_objections")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("id", "=", objectionId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the ruling on an objection. */
export async function decideJurisdictionObjectionRow(
  trx: Executor,
  values: {
    objectionId: string;
    outcome: "upheld" | "dismissed";
    reason: string;
    decidedBy: string;
    rulingIssueId: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .updateTable("jurisdiction_objections")
    .set({
      status: values.outcome,
      reason: values.reason,
      decided_by: values.decidedBy,
      decided_at: values.now,
      ruling_issue_id: values.rulingIssueId,
    })
    .where("id", "=", values.objectionId)
    .execute();
}

/** Records a counterclaim with its fee due. */
export async function insertCounterclaim(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    claims: Array<{ text: string; amountFen: number | null }>;
    factsAndReasons: string;
    claimTotalFen: number;
    feeFen: number;
    feeQuote: Record<string, unknown>;
    feeDueAt: Date;
    filedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("counterclaims")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      claims: JSON.stringify(values.claims),
      facts_and_reasons: values.factsAndReasons,
      claim_total_fen: values.claimTotalFen,
      fee_fen: values.feeFen,
      fee_quote: JSON.stringify(values.feeQuote),
      fee_due_at: values.feeDueAt,
      status: values.feeFen > 0 ? "fee_due" : "filed",
      filed_by: values.filedBy,
      filed_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The counterclaims of a case, oldest first. */
export async function listCounterclaims(db: Executor, caseId: string) {
  return db
    .selectFrom("counterclaims")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("filed_at")
    .execute();
}

/** One counterclaim of a case, or undefined. */
export async function findCounterclaim(db: Executor, caseId: string, counterclaimId: string) {
  return db
    .selectFrom("counterclaims")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("id", "=", counterclaimId)
    .executeTakeFirst();
}

/** A counterclaim locked for a change of its state, or undefined. */
export async function lockCounterclaim(db: Executor, counterclaimId: string) {
  return db
    .selectFrom("counterclaims")
    .selectAll()
    .where("id", "=", counterclaimId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records what happened to a counterclaim: its document, its fee paid, or its withdrawal. */
export async function updateCounterclaim(
  db: Executor,
  counterclaimId: string,
  patch: {
    status?: "fee_due" | "filed" | "deemed_withdrawn";
    feePaidAt?: Date;
    withdrawnAt?: Date;
    documentIssueId?: string;
    feeReceiptIssueId?: string | null;
  },
): Promise<void> {
  await db
    .updateTable("counterclaims")
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.feePaidAt !== undefined ? { fee_paid_at: patch.feePaidAt } : {}),
      ...(patch.withdrawnAt !== undefined ? { withdrawn_at: patch.withdrawnAt } : {}),
      ...(patch.documentIssueId !== undefined ? { document_issue_id: patch.documentIssueId } : {}),
      ...(patch.feeReceiptIssueId !== undefined ? { fee_receipt_issue_id: patch.feeReceiptIssueId } : {}),
    })
    .where("id", "=", counterclaimId)
    .execute();
}

/**
 * The due instant of a case's latest deadline of a kind that was not cancelled (open, met or missed),
 * or null when none was opened.
 */
export async function findDeadlineDue(db: Executor, caseId: string, kind: string): Promise<Date | null> {
  const row = await db
    .selectFrom("case_deadlines")
    .select("due_at")
    .where("case_id", "=", caseId)
    .where("kind", "=", kind)
    .where("status", "!=", "cancelled")
    .orderBy("due_at", "desc")
    .executeTakeFirst();
  return row ? row.due_at : null;
}

/** Records an agent ad litem appointed by a party (民事诉讼法第六十一条). */
export async function insertCaseAgent(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    userId: string;
    kind: "lawyer" | "legal_worker" | "relative" | "employee" | "other";
    name: string;
    lawFirm: string | null;
    licenceNumber: string | null;
    powerOfAttorneySha256: string;
    specialAuthority: boolean;
    appointedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("case_agents")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      user_id: values.userId,
      kind: values.kind,
      name: values.name,
      phone: null,
      law_firm: values.lawFirm,
      licence_number: values.licenceNumber,
      power_of_attorney_sha256: values.powerOfAttorneySha256,
      status: "active",
      special_authority: values.specialAuthority,
      appointed_by: values.appointedBy,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An agent of a case, row-locked. */
export async function lockCaseAgent(trx: Executor, caseId: string, agentId: string) {
  return trx
    .selectFrom("case_agents")
    .select(["id", "party_id", "user_id", "status", "name", "special_authority"])
    .where("case_id", "=", caseId)
    .where("id", "=", agentId)
    .forUpdate()
    .executeTakeFirst();
}

/** Revokes an agent's authority (民事诉讼法第六十五条: the party tells the court in writing). */
export async function revokeCaseAgent(trx: Executor, agentId: string): Promise<void> {
  await trx.updateTable("case_agents").set({ status: "revoked" }).where("id", "=", agentId).execute();
}

/** The active agents of a party. */
export async function listActiveAgentsOfParty(db: Executor, partyId: string) {
  return db
    .selectFrom("case_agents")
    .select(["id", "user_id", "special_authority"])
    .where("party_id", "=", partyId)
    .where("status", "=", "active")
    .execute();
}

/** Records a file attached to a defendant's answer. */
export async function insertAnswerAttachment(
  trx: Executor,
  values: {
    caseId: string;
    partyId: string;
    sha256: string;
    fileName: string;
    mediaType: string;
    size: number;
    uploadedBy: string;
    now: Date;
  },
) {
  return trx
    .insertInto("answer_attachments")
    .values({
      case_id: values.caseId,
      party_id: values.partyId,
      file_sha256: values.sha256,
      file_name: values.fileName,
      media_type: values.mediaType,
      size: values.size,
      uploaded_by: values.uploadedBy,
      created_at: values.now,
    })
    .returning(["id", "file_name", "media_type", "size"])
    .executeTakeFirstOrThrow();
}

/** The files attached to a party's answer. */
export async function listAnswerAttachmentIds(
  db: Executor,
  caseId: string,
  partyId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("answer_attachments")
    .select("id")
    .where("case_id", "=", caseId)
    .where("party_id", "=", partyId)
    .execute();
  return rows.map((r) => r.id);
}

/** One file attached to an answer of a case. */
export async function findAnswerAttachment(db: Executor, caseId: string, attachmentId: string) {
  return db
    .selectFrom("answer_attachments")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}
