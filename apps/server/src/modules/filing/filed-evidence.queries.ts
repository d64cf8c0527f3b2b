import type { Executor } from "../../platform";

/** An item of the evidence list filed with the complaint, with its file when one was attached. */
export interface FiledEvidenceItem {
  id: string;
  position: number;
  name: string;
  source: string | null;
  purpose: string | null;
  attachment: {
    id: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    uploadedAt: Date;
  } | null;
}

/**
 * The evidence list of the complaint (民事诉讼法第一百二十四条) as filed: the evidence context shows it as
 * the plaintiff's first catalogue without copying it. Files removed from the filing are left out.
 */
export async function listFiledEvidence(db: Executor, caseId: string): Promise<FiledEvidenceItem[]> {
  const rows = await db
    .selectFrom("filing_evidence")
    .leftJoin("filing_attachments", (join) =>
      join
        .onRef("filing_attachments.id", "=", "filing_evidence.attachment_id")
        .on("filing_attachments.removed_at", "is", null),
    )
    .select([
      "filing_evidence.id",
      "filing_evidence.position",
      "filing_evidence.name",
      "filing_evidence.source",
      "filing_evidence.purpose",
      "filing_attachments.id as attachment_id",
      "filing_attachments.file_name",
      "filing_attachments.media_type",
      "filing_attachments.size",
      "filing_attachments.file_sha256",
      "filing_attachments.created_at",
    ])
    .where("filing_evidence.case_id", "=", caseId)
    .orderBy("filing_evidence.position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    name: row.name,
    source: row.source,
    purpose: row.purpose,
    attachment:
      row.attachment_id !== null && row.file_sha256 !== null
        ? {
            id: row.attachment_id,
            fileName: row.file_name!,
            mediaType: row.media_type!,
            size: Number(row.size),
            sha256: row.file_sha256,
            uploadedAt: row.created_at!,
          }
        : null,
  }));
}
