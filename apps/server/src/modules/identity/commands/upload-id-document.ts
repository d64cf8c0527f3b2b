import {
  AppError,
  inTransaction,
  isAppError,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  writeAuditEvent,
  type CommandMeta,
  type StagedBlob,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { insertDocument } from "../identity.repository";
import type { DocumentSide, IdentityDocumentsTable } from "../identity.tables";

/** ID-document images larger than this are refused (a phone photo is a few MB). */
export const ID_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const imageTypes: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/webp", "image/heic"]);

/**
 * Keeps an uploaded image of one side of the account's ID document for a later verification request.
 * The type is decided from the content (PNG, JPEG, WebP, HEIC only). The staged blob is committed or
 * discarded here. Throws `id_document_type_not_allowed`, `file_type_mismatch`, `file_name_invalid`,
 * `file_empty`.
 */
export async function uploadIdDocument(
  deps: IdentityDependencies,
  meta: CommandMeta,
  userId: string,
  upload: { side: DocumentSide; fileName: string; staged: StagedBlob },
): Promise<{ sha256: string; side: DocumentSide }> {
  const { staged } = upload;
  let mediaType: IdentityDocumentsTable["media_type"];
  try {
    const fileName = validateFileName(upload.fileName);
    let sniffed;
    try {
      sniffed = await sniffFileType(staged.head, fileName, staged.size);
    } catch (error) {
      if (isAppError(error, "file_type_not_allowed")) throw new AppError("id_document_type_not_allowed");
      throw error;
    }
    if (!imageTypes.has(sniffed.mediaType)) {
      throw new AppError("id_document_type_not_allowed", [
        { code: "detected", message: sniffed.mediaType, params: { mediaType: sniffed.mediaType } },
      ]);
    }
    mediaType = sniffed.mediaType as IdentityDocumentsTable["media_type"];
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await inTransaction(deps.db, async (trx) => {
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    await insertDocument(trx, {
      user_id: userId,
      side: upload.side,
      sha256: staged.sha256,
      media_type: mediaType,
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "identity.id_document_uploaded",
      subjectType: "user",
      subjectId: userId,
      data: { side: upload.side, sha256: staged.sha256, mediaType, size: staged.size },
    });
  });
  return { sha256: staged.sha256, side: upload.side };
}
