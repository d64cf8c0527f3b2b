import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, pipeline, type Readable } from "node:stream";
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
  /**
   * Streams `source` into staging while hashing it; rejects with `file_too_large` past `maxBytes` or when
   * the source was cut short by an upstream size limit (a truncated stream is never a whole file).
   */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  put(data: Uint8Array): Promise<StoredBlob>;
  read(sha256: string): Promise<Buffer>;
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /**
   * Removes temporary files that a crash left behind (untouched for an hour before `now`); returns how
   * many. Called once at start.
   */
  cleanUp(now?: number): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const HEAD_BYTES = 4100;
const SHARD = /^[0-9a-f]{2}$/;
// Several nodes may share the folder, and a live upload on another node touches its temp file with every
// chunk it writes. A temp file untouched for an hour belongs to no live upload: its writer has crashed.
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Content-addressed store in a local folder: `<root>/ab/cd/<sha256>`, written via temp file + fsync + rename. */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  #pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError("file_not_found");
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async #tempPath(): Promise<string> {
    const tmpDir = path.join(this.root, "tmp");
    await fs.mkdir(tmpDir, { recursive: true });
    return path.join(tmpDir, `${randomUUID()}.part`);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const tmpPath = await this.#tempPath();
    const { sha256, size, head } = await stageToFile(source, maxBytes, tmpPath);
    const finalPath = this.#pathOf(sha256);
    return {
      sha256,
      size,
      head,
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
      // Written in tmp/ like staged uploads, so the start-up sweep finds every leftover in one folder.
      const tmpPath = await this.#tempPath();
      const handle = await fs.open(tmpPath, "wx");
      try {
        await handle.write(data);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(tmpPath, { force: true });
        throw error;
      }
      await handle.close();
      await fs.rename(tmpPath, finalPath);
      await syncDirectory(path.dirname(finalPath));
    }
    return { sha256, size: data.byteLength };
  }

  async read(sha256: string): Promise<Buffer> {
    let data: Buffer;
    try {
      data = await fs.readFile(this.#pathOf(sha256));
    } catch (error) {
      if (isNotFound(error)) throw new AppError("file_not_found", [], { cause: error });
      throw error;
    }
    assertIntact(sha256, data);
    return data;
  }

  async open(sha256: string): Promise<Readable> {
    const filePath = this.#pathOf(sha256);
    if (!(await exists(filePath))) throw new AppError("file_not_found");
    return verifyingStream(sha256, createReadStream(filePath));
  }

  async exists(sha256: string): Promise<boolean> {
    return SHA256.test(sha256) && exists(this.#pathOf(sha256));
  }

  /**
   * Removes `.part` files older than an hour from tmp/ and, left by earlier versions that wrote them beside
   * the final file, from the shard folders.
   */
  async cleanUp(now = Date.now()): Promise<number> {
    const folders = [path.join(this.root, "tmp")];
    for (const first of await listDirectories(this.root)) {
      if (!SHARD.test(first)) continue;
      for (const second of await listDirectories(path.join(this.root, first))) {
        if (SHARD.test(second)) folders.push(path.join(this.root, first, second));
      }
    }
    return sweepStaleParts(folders, now);
  }
}

/** A stored file whose bytes no longer hash to its name: the store was damaged (a server fault, never the user's). */
export class StoredFileCorruptError extends Error {
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} does not match its SHA-256`);
    this.name = "StoredFileCorruptError";
  }
}

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** Throws unless `data` hashes to `sha256`. */
export function assertIntact(sha256: string, data: Uint8Array): void {
  if (createHash("sha256").update(data).digest("hex") !== sha256) throw new StoredFileCorruptError(sha256);
}

/**
 * Passes `source` through while hashing it, and fails the stream at its end when the bytes do not hash to
 * `sha256`: a reader that consumes to the end never takes a damaged file for a whole one.
 */
export function verifyingStream(sha256: string, source: Readable): Readable {
  const hash = createHash("sha256");
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      callback(hash.digest("hex") === sha256 ? null : new StoredFileCorruptError(sha256));
    },
  });
  // pipeline passes a read error on to the consumer and closes the source when the consumer stops early.
  return pipeline(source, check, () => undefined);
}

/**
 * Streams `source` into a new file at `tmpPath` while hashing it, then fsyncs it. Rejects with
 * `file_too_large` past `maxBytes` or when an upstream limit cut the stream short, and then leaves no file.
 */
export async function stageToFile(
  source: Readable,
  maxBytes: number,
  tmpPath: string,
): Promise<{ sha256: string; size: number; head: Buffer }> {
  // A multipart parser that hits its own size limit ends the file stream early and quietly: it sets
  // `truncated` and emits 'limit'. Such a stream must not pass for the whole file.
  let isLimited = false;
  const onLimit = () => {
    isLimited = true;
  };
  source.once("limit", onLimit);
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
    if (isLimited || (source as Readable & { truncated?: boolean }).truncated === true)
      throw new AppError("file_too_large", [
        { code: "truncated", message: String(maxBytes), params: { maxBytes } },
      ]);
    await handle.sync();
  } catch (error) {
    source.off("limit", onLimit);
    await handle.close();
    await fs.rm(tmpPath, { force: true });
    // A truncated multipart stream reports its own limit error.
    if (isStreamLimitError(error)) throw new AppError("file_too_large", [], { cause: error });
    throw error;
  }
  source.off("limit", onLimit);
  await handle.close();
  return { sha256: hash.digest("hex"), size, head: Buffer.concat(headParts) };
}

/** Removes the `.part` files in `folders` untouched for an hour (their writer has crashed); returns how many. */
export async function sweepStaleParts(folders: readonly string[], now = Date.now()): Promise<number> {
  let removed = 0;
  for (const folder of folders) {
    for (const name of await listFiles(folder)) {
      if (!name.endsWith(".part")) continue;
      const filePath = path.join(folder, name);
      const stat = await fs.stat(filePath).catch(() => undefined);
      if (!stat || now - stat.mtimeMs < STALE_TEMP_MS) continue;
      await fs.rm(filePath, { force: true });
      removed += 1;
    }
  }
  return removed;
}

async function listEntries(folder: string) {
  try {
    return await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

async function listDirectories(folder: string): Promise<string[]> {
  return (await listEntries(folder)).filter((e) => e.isDirectory()).map((e) => e.name);
}

async function listFiles(folder: string): Promise<string[]> {
  return (await listEntries(folder)).filter((e) => e.isFile()).map((e) => e.name);
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
