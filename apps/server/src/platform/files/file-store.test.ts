import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { LocalFileStore } from "./file-store";

const HOUR = 60 * 60 * 1000;

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** A stream that ends early the way busboy ends a file over its size limit: `truncated` and 'limit'. */
function truncatedStream(content: Buffer): Readable {
  const stream = new PassThrough() as PassThrough & { truncated?: boolean };
  stream.write(content);
  stream.truncated = true;
  stream.emit("limit");
  stream.end();
  return stream;
}

describe("LocalFileStore", () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-files-"));
    store = new LocalFileStore(root);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("refuses a stream an upstream limit cut short, even under its own limit, and keeps nothing", async () => {
    const error = await store.stage(truncatedStream(Buffer.alloc(1024, 1)), 2048).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("file_too_large");
    expect(await listFiles(root)).toEqual([]);
    // A whole file of exactly the limit is still taken.
    const staged = await store.stage(Readable.from([Buffer.alloc(2048)]), 2048);
    await staged.commit();
    expect(await store.exists(staged.sha256)).toBe(true);
  });

  it("removes temp files a crash left for more than an hour, and keeps young ones of live uploads", async () => {
    const stored = await store.put(Buffer.from("判决书"));
    const shard = path.join(root, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4));
    await fs.mkdir(path.join(root, "tmp"), { recursive: true });
    const leftovers = [
      path.join(root, "tmp", "crashed.part"),
      path.join(shard, `${stored.sha256}.4b1d.part`),
    ];
    const live = path.join(root, "tmp", "live.part");
    const old = new Date(Date.now() - 2 * HOUR);
    for (const file of leftovers) {
      await fs.writeFile(file, "partial");
      await fs.utimes(file, old, old);
    }
    await fs.writeFile(live, "still arriving");

    expect(await store.cleanUp()).toBe(2);
    expect(await listFiles(root)).toEqual(
      [path.join("tmp", "live.part"), path.relative(root, path.join(shard, stored.sha256))].sort(),
    );
    expect((await store.read(stored.sha256)).toString()).toBe("判决书");
  });
});
