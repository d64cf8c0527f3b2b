import { randomBytes } from "node:crypto";
import { AppError, inTransaction, writeAuditEvent, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  caseCodeFromBytes,
  changeCaseStatus,
  checkPartyIdentity,
  closeDeadline,
  insertCasePartyCode,
  linkPartyAccount,
  listCasePartyCodes,
  loadCaseParts,
  lockCase,
  recordTimeline,
  type CaseParts,
  type CaseRow,
} from "../../cases/index";
import {
  findServiceAddress,
  sendInboxMessage,
  serveDocument,
  type AddressBasis,
  type ServedDocumentKind,
} from "../../delivery/index";
import { listCaseDocuments } from "../../documents/index";
import { findAccountIdentity, findVerifiedAccountIdsByIdentity } from "../../identity/index";
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

type CaseParty = CaseParts["parties"][number];

/**
 * The one verified account whose ID number (a person) or credit code (an organisation) equals the one
 * the plaintiff gave for the party and which confirmed an electronic service address, with that
 * address; null when there is none, or more than one (the court does not choose between accounts).
 */
async function confirmedOwnerOf(
  trx: Tx,
  party: CaseParty,
): Promise<{ userId: string; phone: string | null; email: string | null } | null> {
  const isPerson = party.kind === "natural_person";
  const onFile = isPerson ? party.id_number : party.credit_code;
  if (onFile === null) return null;
  const candidates = await findVerifiedAccountIdsByIdentity(
    trx,
    isPerson ? { kind: "person", idNumber: onFile } : { kind: "organisation", creditCode: onFile },
  );
  const owners: Array<{ userId: string; phone: string | null; email: string | null }> = [];
  for (const userId of candidates) {
    const account = await findAccountIdentity(trx, userId);
    // The same rule as linking with a case code (在线诉讼规则第七条): the verified identity must match.
    if (!account) continue;
    const check = checkPartyIdentity(
      { kind: party.kind, idNumber: party.id_number, creditCode: party.credit_code },
      account,
    );
    if (check !== "match") continue;
    const address = await findServiceAddress(trx, userId);
    if (address) owners.push({ userId, phone: address.phone, email: address.email });
  }
  return owners.length === 1 ? owners[0]! : null;
}

/**
 * Links a defendant to its own account found by its verified identity, in the serving transaction,
 * recorded as a link with a case code is (timeline, inbox, ledger, audit).
 */
async function linkConfirmedOwner(
  trx: Tx,
  meta: CommandMeta,
  row: CaseRow,
  party: CaseParty,
  userId: string,
): Promise<void> {
  await linkPartyAccount(trx, { partyId: party.id, userId, now: meta.now });
  await recordTimeline(trx, {
    caseId: row.id,
    kind: "party_linked",
    actorUserId: null,
    data: { partyId: party.id, role: party.role, basis: "confirmed_service_address" },
    isPublic: false,
    now: meta.now,
  });
  await sendInboxMessage(trx, {
    recipientIds: [userId],
    caseId: row.id,
    kind: "case_linked",
    params: { caseNumber: row.case_number },
    now: meta.now,
  });
  await appendCourtEvent(trx, {
    kind: "party_linked",
    courtId: row.court_id,
    caseId: row.id,
    payload: { partyId: party.id, userId },
    now: meta.now,
  });
  await writeAuditEvent(trx, meta, {
    action: "cases.party_linked",
    subjectType: "case",
    subjectId: row.id,
    courtId: row.court_id,
    data: { partyId: party.id, userId, basis: "confirmed_service_address" },
  });
}

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
    // 互联网法院规定第十七条, 在线诉讼规则第三十一条第一款: a defendant whose own verified account
    // confirmed an electronic service address is served there, complete when the message arrives.
    const owner = party.user_id === null ? await confirmedOwnerOf(trx, party) : null;
    if (owner) await linkConfirmedOwner(trx, meta, row, party, owner.userId);
    const userId = owner?.userId ?? party.user_id;
    const addressBasis: AddressBasis = owner ? "confirmed" : await addressBasisOf(trx, party.user_id);
    const phone = owner ? owner.phone : party.phone;
    const email = owner ? owner.email : party.email;
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
          userId,
          name: party.name,
          role: party.role,
          phone,
          email,
          addressBasis,
        },
        servedBy,
        // 民事诉讼法第一百二十八条: 15 days to answer from receipt of the complaint copy.
        followingDeadline:
          document.kind === "complaint_copy"
            ? { kind: "answer_period", days: 15, basis: "民事诉讼法第一百二十八条" }
            : null,
        // 在线诉讼规则第七条: a defendant without an account registers and links the case with this code,
        // sent with the complaint copy only (not to one linked above).
        caseCode: document.kind === "complaint_copy" && !owner ? code : null,
        now: meta.now,
      });
    }
    served.push({ partyId: party.id, name: party.name, caseCode: code, hasAccount: userId !== null });
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
