import path from "node:path";
import type { AppConfig } from "../config";
import { LocalFileStore, type FileStore } from "./file-store";
import { S3FileStore, createS3Client } from "./s3-file-store";

/**
 * The configured file store: the folder DATA_DIR/files (the single-node default, or a shared POSIX mount),
 * or an S3-compatible bucket that every node shares. An unreachable bucket stops the start.
 */
export async function createFileStore(config: Pick<AppConfig, "dataDir" | "fileStore">): Promise<FileStore> {
  const root = path.join(config.dataDir, "files");
  const settings = config.fileStore;
  if (settings.kind === "local") return new LocalFileStore(root);
  const store = new S3FileStore(createS3Client(settings), settings.bucket, path.join(root, "tmp"));
  await store.checkReachable();
  return store;
}
