import { randomBytes } from "node:crypto";
import { AppError, inTransaction, writeAuditEvent, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  caseCodeFromBytes,
  changeCaseStatus,
  closeDeadline,
  insertCasePartyCode,
  listCasePartyCodes,
  loadCaseParts,
  lockCase,
} from "../../cases/index";
import { sendInboxMessage, serveDocument, type ServedDocumentKind } from "../../delivery/index";
import { listCaseDocuments } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { addressBasisOf } from "../defendant.delivery";
import { assertClerk, loadFiling } from "../filing.access";

export interface ServeComplaintResult {
  defendants: Array<{ partyId: string; name: string; caseCode: string; hasAccount: boolean }>;
}

/** The documents served on every defendant, with the period the complaint copy opens. */
const servedDocuments: ReadonlyArray<{ documentKind: string; kind: ServedDocumentKind }> = [
  { documentKind: "complaint", kind: "complaint_copy" },
  { documentKind: "response_notice", kind: "response_notice" },
  { documentKind: "evidence_notice", kind: "evidence_notice" },
];

/**
 * Serves the complaint copy, the 应诉通知书 and the 举证通知书 on every defendant and moves the case to
 * service (民事诉讼法第一百二十八条: the copy goes to the defendant within 5 days of registration; the
 * defendant answers within 15 days of receiving it — the delivery context opens that period when service
 * completes). Each defendant gets a case code to link an account. The clerk may trigger it; the job
 * queued at registration does it otherwise. Throws `case_not_found`, `forbidden`, `case_status_conflict`.
 */
export async function serveComplaint(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string },
): Promise<ServeComplaintResult> {
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  assertClerk(access);
  return inTransaction(context.db, async (trx) => {
    const result = await serveComplaintInTransaction(trx, meta, options.caseId);
    if (result === null)
      throw new AppError("case_status_conflict", [
        { code: "startService", message: "the complaint is served once, after registration" },
      ]);
    return result;
  });
}

/**
 * The act itself, in the caller's transaction: null when the case is not (or no longer) registered and
 * waiting for service, so the job is idempotent.
 */
export async function serveComplaintInTransaction(
  trx: Tx,
  meta: CommandMeta,
  caseId: string,
): Promise<ServeComplaintResult | null> {
  const row = await lockCase(trx, caseId);
  if (row.status !== "accepted") return null;
  const parts = await loadCaseParts(trx, caseId);
  const defendants = parts.parties.filter((p) => p.role === "defendant");
  const documents = await listCaseDocuments(trx, caseId);
  // The latest issue of each kind (a corrected complaint replaces the first).
  const issueOf = new Map<string, string>();
  for (const doc of documents) issueOf.set(doc.kind, doc.issue_id);
  const servedBy = meta.actor.kind === "user" ? meta.actor.userId : null;

  const codes = new Map((await listCasePartyCodes(trx, caseId)).map((c) => [c.party_id, c.code]));
  const served: ServeComplaintResult["defendants"] = [];
  for (const party of defendants) {
    let code = codes.get(party.id);
    if (code === undefined) {
      code = caseCodeFromBytes(randomBytes(16));
      await insertCasePartyCode(trx, { partyId: party.id, caseId, code, now: meta.now });
    }
    const addressBasis = await addressBasisOf(trx, party.user_id);
    for (const document of servedDocuments) {
      const issueId = issueOf.get(document.documentKind);
      if (issueId === undefined) continue;
      await serveDocument(trx, {
        caseId,
        courtId: row.court_id,
        documentIssueId: issueId,
        kind: document.kind,
        recipient: {
          partyId: party.id,
          userId: party.user_id,
          name: party.name,
          role: party.role,
          phone: party.phone,
          email: party.email,
          addressBasis,
        },
        servedBy,
        // 民事诉讼法第一百二十八条: 15 days to answer from receipt of the complaint copy.
        followingDeadline:
          document.kind === "complaint_copy"
            ? { kind: "answer_period", days: 15, basis: "民事诉讼法第一百二十八条" }
            : null,
        // 在线诉讼规则第七条: a defendant without an account registers and links the case with this code,
        // sent with the complaint copy only.
        caseCode: document.kind === "complaint_copy" ? code : null,
        now: meta.now,
      });
    }
    served.push({ partyId: party.id, name: party.name, caseCode: code, hasAccount: party.user_id !== null });
  }

  await changeCaseStatus(trx, meta, {
    row,
    transition: "startService",
    timeline: {
      kind: "complaint_served",
      data: { defendants: defendants.map((d) => d.name) },
      isPublic: true,
    },
  });
  await closeDeadline(trx, caseId, "serve_complaint", "met", meta.now);
  const plaintiffUsers = parts.parties
    .filter((p) => p.role === "plaintiff" && p.user_id !== null)
    .map((p) => p.user_id!);
  await sendInboxMessage(trx, {
    recipientIds: [row.filed_by, ...plaintiffUsers],
    caseId,
    kind: "complaint_served",
    params: { caseNumber: row.case_number },
    now: meta.now,
  });
  // 全流程留痕: service of the complaint on the defendants is a court event.
  await appendCourtEvent(trx, {
    kind: "complaint_served",
    courtId: row.court_id,
    caseId,
    payload: {
      defendants: defendants.map((d) => d.id),
      documents: servedDocuments.map((d) => issueOf.get(d.documentKind) ?? null),
      servedBy,
      basis: "民事诉讼法第一百二十八条",
    },
    now: meta.now,
  });
  await writeAuditEvent(trx, meta, {
    action: "cases.complaint_served",
    subjectType: "case",
    subjectId: caseId,
    courtId: row.court_id,
    // The codes are secrets of the defendants: the audit names the parties only.
    data: { defendants: defendants.map((d) => d.id), basis: "民事诉讼法第一百二十八条" },
  });
  return { defendants: served };
}
