import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "../errors";

/** A file held under its SHA-256: written once, never overwritten (DESIGN.md). */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/** A blob received but not yet accepted: its hash and first bytes are known, it can be kept or dropped. */
export interface StagedBlob extends StoredBlob {
  head: Buffer;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The file store port. The local folder adapter is the default; an S3-compatible adapter implements the
 * same four calls (content addressing makes object keys and caching trivial).
 */
export interface FileStore {
  /** Streams `source` into staging while hashing it; rejects with `file_too_large` past `maxBytes`. */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  put(data: Uint8Array): Promise<StoredBlob>;
  read(sha256: string): Promise<Buffer>;
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const HEAD_BYTES = 4100;

/** Content-addressed store in a local folder: `<root>/ab/cd/<sha256>`, written via temp file + fsync + rename. */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  #pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError("file_not_found");
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const tmpDir = path.join(this.root, "tmp");
    await fs.mkdir(tmpDir, { recursive: true });
    const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
    const handle = await fs.open(tmpPath, "wx");
    const hash = createHash("sha256");
    const headParts: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    try {
      for await (const chunk of source) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        size += buffer.length;
        if (size > maxBytes)
          throw new AppError("file_too_large", [
            { code: "max_bytes", message: String(maxBytes), params: { maxBytes } },
          ]);
        if (headLength < HEAD_BYTES) {
          headParts.push(buffer.subarray(0, HEAD_BYTES - headLength));
          headLength += Math.min(buffer.length, HEAD_BYTES - headLength);
        }
        hash.update(buffer);
        await handle.write(buffer);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(tmpPath, { force: true });
      // A truncated multipart stream reports its own limit error.
      if (isStreamLimitError(error)) throw new AppError("file_too_large", [], { cause: error });
      throw error;
    }
    await handle.close();
    const sha256 = hash.digest("hex");
    const finalPath = this.#pathOf(sha256);
    return {
      sha256,
      size,
      head: Buffer.concat(headParts),
      commit: async () => {
        await fs.mkdir(path.dirname(finalPath), { recursive: true });
        if (await exists(finalPath)) {
          await fs.rm(tmpPath, { force: true });
          return;
        }
        await fs.rename(tmpPath, finalPath);
        await syncDirectory(path.dirname(finalPath));
      },
      discard: async () => {
        await fs.rm(tmpPath, { force: true });
      },
    };
  }

  async put(data: Uint8Array): Promise<StoredBlob> {
    const sha256 = createHash("sha256").update(data).digest("hex");
    const finalPath = this.#pathOf(sha256);
    if (!(await exists(finalPath))) {
      await fs.mkdir(path.dirname(finalPath), { recursive: true });
      const tmpPath = `${finalPath}.${randomUUID()}.part`;
      const handle = await fs.open(tmpPath, "wx");
      try {
        await handle.write(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmpPath, finalPath);
      await syncDirectory(path.dirname(finalPath));
    }
    return { sha256, size: data.byteLength };
  }

  async read(sha256: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.#pathOf(sha256));
    } catch (error) {
      if (isNotFound(error)) throw new AppError("file_not_found", [], { cause: error });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const filePath = this.#pathOf(sha256);
    if (!(await exists(filePath))) throw new AppError("file_not_found");
    return createReadStream(filePath);
  }

  async exists(sha256: string): Promise<boolean> {
    return SHA256.test(sha256) && exists(this.#pathOf(sha256));
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath);
    return true;
  } catch {
    return false;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

function isStreamLimitError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE"
  );
}
