import type { Readable } from "node:stream";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { appendEvidenceSubmission, recordLedgerVerification } from "../../ledger/index";
import {
  actingParty,
  assertEvidenceStage,
  loadEvidenceCase,
  lockEvidenceCase,
  userOf,
  type EvidenceAccess,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import { EVIDENCE_FILE_SUBJECT } from "../evidence.queries";
import {
  findItem,
  findLeaveEndsAt,
  findPeriod,
  insertFile,
  insertItem,
  lockItem,
  removeFile,
  updateDraftItem,
  type ItemRow,
} from "../evidence.repository";
import { submissionWindow } from "../evidence.rules";
import type { Executor } from "../../../platform";

/**
 * 民事诉讼法第六十八条; 民诉法解释第一百零一条: after the evidence period a party prepares and submits
 * evidence only with the court's leave. Throws `evidence_period_expired`.
 */
export async function assertMaySubmit(db: Executor, caseId: string, partyId: string, now: Date) {
  const period = await findPeriod(db, caseId, "evidence");
  const window = submissionWindow({
    periodEndsAt: period?.ends_at ?? null,
    leaveEndsAt: await findLeaveEndsAt(db, caseId, partyId),
    now,
  });
  if (window === "expired") {
    throw new AppError("evidence_period_expired", [
      {
        code: "period_ended",
        message: `the period ended on ${period?.ends_on}`,
        params: { endsOn: period?.ends_on },
      },
    ]);
  }
  return window;
}

/**
 * An item of the caller's own catalogue that is still a draft. Another party's draft is invisible
 * (`evidence_item_not_found`); a submitted or foreign item does not change (`evidence_item_conflict`,
 * `forbidden`).
 */
function assertOwnDraft(access: EvidenceAccess, item: ItemRow | undefined): ItemRow {
  const isOwn = item !== undefined && access.relation.ownPartyIds.includes(item.party_id);
  if (!item || item.status === "withdrawn" || (!isOwn && item.status === "draft")) {
    throw new AppError("evidence_item_not_found");
  }
  if (!isOwn) {
    throw new AppError("forbidden", [
      { code: "own_items_only", message: "only the party offering it edits an item" },
    ]);
  }
  if (item.status !== "draft") throw new AppError("evidence_item_conflict");
  return item;
}

export interface AddEvidenceItemOptions {
  caseId: string;
  partyId?: string | null;
  title: string;
  source: string;
  purpose: string;
}

/**
 * A party (or its agent) adds an item to its evidence catalogue: its name, source and what it is offered
 * to prove (证据规定第十九条). The item stays a draft, seen only by that party, until the catalogue is
 * submitted. Throws `case_not_found`, `evidence_not_a_party`, `case_status_conflict`, `evidence_period_expired`.
 */
export async function addEvidenceItem(
  context: AppContext,
  meta: CommandMeta,
  options: AddEvidenceItemOptions,
) {
  const user = userOf(meta.actor);
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  const party = actingParty(access, options.partyId);
  assertEvidenceStage(access.row);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    assertEvidenceStage(locked.row);
    await assertMaySubmit(trx, locked.row.id, party.id, meta.now);
    const item = await insertItem(trx, {
      caseId: locked.row.id,
      partyId: party.id,
      title: options.title,
      source: options.source,
      purpose: options.purpose,
      createdBy: user.userId,
      now: meta.now,
    });
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.item_drafted",
      courtEvent: "evidence_item_drafted",
      data: { itemId: item.id, partyId: party.id, change: "added", title: item.title },
    });
    return item;
  });
}

/**
 * A party changes, or withdraws, an item of its catalogue before submitting it. Throws `case_not_found`,
 * `evidence_item_not_found`, `forbidden`, `evidence_item_conflict`.
 */
export async function updateEvidenceItem(
  context: AppContext,
  meta: CommandMeta,
  options: {
    caseId: string;
    itemId: string;
    patch: { title?: string; source?: string; purpose?: string } | "withdraw";
  },
) {
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  assertOwnDraft(access, await findItem(context.db, options.caseId, options.itemId));
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const item = assertOwnDraft(locked, await lockItem(trx, options.caseId, options.itemId));
    const patch = options.patch;
    const withdraw = patch === "withdraw";
    await updateDraftItem(trx, item.id, patch === "withdraw" ? { status: "withdrawn" } : patch, meta.now);
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: withdraw ? "evidence.item_withdrawn" : "evidence.item_changed",
      courtEvent: "evidence_item_drafted",
      data: {
        itemId: item.id,
        partyId: item.party_id,
        change: withdraw ? "withdrawn" : "changed",
        ...(patch === "withdraw" ? {} : { fields: Object.keys(patch) }),
      },
    });
    return { id: item.id };
  });
}

/**
 * Adds a file to a draft item. The type is decided from the content, never the name (a file whose
 * content is not what its name says is refused); the file is stored under its SHA-256, its submission
 * logged in the evidence ledger and checked against the ledger's deposits (核验, 在线诉讼规则第十六条).
 * Throws `case_not_found`, `evidence_item_not_found`, `forbidden`, `evidence_item_conflict`,
 * `file_name_invalid`, `file_too_large`, `file_empty`, `file_type_not_allowed`, `file_type_mismatch`.
 */
export async function addEvidenceFile(
  context: AppContext,
  meta: CommandMeta,
  options: {
    caseId: string;
    itemId: string;
    fileName: string;
    stream: Readable;
    ledgerIndex?: number | null;
  },
) {
  const user = userOf(meta.actor);
  let fileName: string;
  try {
    fileName = validateFileName(options.fileName);
    const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
    assertOwnDraft(access, await findItem(context.db, options.caseId, options.itemId));
  } catch (error) {
    options.stream.resume();
    throw error;
  }
  const staged = await context.files.stage(options.stream, context.config.maxUploadBytes);
  let mediaType: string;
  try {
    mediaType = (await sniffFileType(staged.head, fileName, staged.size)).mediaType;
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const item = assertOwnDraft(locked, await lockItem(trx, options.caseId, options.itemId));
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    const file = await insertFile(trx, {
      itemId: item.id,
      caseId: locked.row.id,
      sha256: staged.sha256,
      fileName,
      mediaType,
      size: staged.size,
      uploadedBy: user.userId,
      now: meta.now,
    });
    await appendEvidenceSubmission(trx, {
      kind: EVIDENCE_FILE_SUBJECT,
      courtId: locked.row.court_id,
      caseId: locked.row.id,
      sha256: staged.sha256,
      payload: { itemId: item.id, fileId: file.id, fileName, mediaType, size: staged.size },
      now: meta.now,
    });
    const check = await recordLedgerVerification(trx, {
      subjectType: EVIDENCE_FILE_SUBJECT,
      subjectId: file.id,
      caseId: locked.row.id,
      courtId: locked.row.court_id,
      sha256: staged.sha256,
      claimedIndex: options.ledgerIndex ?? null,
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "evidence.file_added",
      subjectType: "case",
      subjectId: locked.row.id,
      courtId: locked.row.court_id,
      data: {
        itemId: item.id,
        fileId: file.id,
        sha256: staged.sha256,
        size: staged.size,
        mediaType,
        fileName,
        ledgerResult: check.result,
      },
    });
    return { ...file, ledgerResult: check.result };
  });
}

/** Takes a file off a draft item. Throws as `updateEvidenceItem`, and `file_not_found`. */
export async function removeEvidenceFile(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; itemId: string; fileId: string },
) {
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  assertOwnDraft(access, await findItem(context.db, options.caseId, options.itemId));
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const item = assertOwnDraft(locked, await lockItem(trx, options.caseId, options.itemId));
    if (!(await removeFile(trx, item.id, options.fileId, meta.now))) throw new AppError("file_not_found");
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.file_removed",
      courtEvent: "evidence_item_drafted",
      data: { itemId: item.id, partyId: item.party_id, change: "file_removed", fileId: options.fileId },
    });
    return { id: item.id };
  });
}
