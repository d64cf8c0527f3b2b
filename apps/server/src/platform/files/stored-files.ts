import type { Executor } from "../db/transaction";

/**
 * Registers a committed blob in the platform's file table, which every module's records refer to
 * (idempotent: the store is content-addressed, so a second record of the same bytes changes nothing).
 */
export async function recordStoredFile(
  db: Executor,
  file: { sha256: string; size: number; mediaType: string; now: Date },
): Promise<void> {
  await db
    .insertInto("stored_files")
    .values({ sha256: file.sha256, size: file.size, media_type: file.mediaType, created_at: file.now })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}
