import type { Readable } from "node:stream";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { appendEvidenceSubmission } from "../../ledger/index";
import {
  assertRelation,
  assertStatus,
  loadMediation,
  lockMediationFor,
  othersThan,
  userOf,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { insertDocument } from "../mediation.repository";

const uploadStatuses = ["in_progress", "agreement_drafted"] as const;

/**
 * A party, an agent or the mediator adds a document to the mediation (在线调解规则第二条: materials
 * exchanged on the platform). The type is read from the content; the file is stored under its SHA-256
 * and its submission logged in the evidence ledger. Throws `mediation_not_found`, `forbidden`,
 * `mediation_status_conflict`, `file_name_invalid`, `file_too_large`, `file_empty`,
 * `file_type_not_allowed`, `file_type_mismatch`.
 */
export async function addMediationDocument(
  context: AppContext,
  meta: CommandMeta,
  options: { mediationId: string; fileName: string; title: string | null; stream: Readable },
) {
  const user = userOf(meta.actor);
  const fileName = validateFileName(options.fileName);
  let access;
  try {
    access = await loadMediation(context.db, meta.actor, options.mediationId);
    assertRelation(access, "party", "agent", "mediator");
    assertStatus(access.row, ...uploadStatuses);
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
  const title = options.title?.trim() || fileName;
  if (title.length > 200) {
    throw new AppError("validation_failed", [
      { path: "title", code: "too_long", message: "at most 200 characters" },
    ]);
  }
  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockMediationFor(trx, meta.actor, options.mediationId);
    assertStatus(row, ...uploadStatuses);
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    const id = await insertDocument(trx, {
      mediationId: row.id,
      sha256: staged.sha256,
      fileName,
      mediaType,
      size: staged.size,
      title,
      uploadedBy: user.userId,
      now: meta.now,
    });
    await appendEvidenceSubmission(trx, {
      kind: "mediation_document",
      courtId: row.court_id,
      caseId: row.case_id,
      sha256: staged.sha256,
      payload: { mediationId: row.id, documentId: id, fileName, mediaType, size: staged.size },
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.document_added",
      courtEvent: null,
      data: { documentId: id, sha256: staged.sha256, size: staged.size, mediaType, fileName },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_document_added",
          params: { title },
        },
      ],
    });
    return {
      id,
      sha256: staged.sha256,
      fileName,
      mediaType,
      size: staged.size,
      title,
      uploadedBy: user.userId,
      createdAt: meta.now,
    };
  });
}
