import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createFileStore } from "./create-file-store";
import { LocalFileStore, StoredFileCorruptError, type FileStore } from "./file-store";
import { S3FileStore, createS3Client, type S3StoreSettings } from "./s3-file-store";

/** One store under test, and what the contract needs to look behind it. */
interface Subject {
  store: FileStore;
  /** Replaces the stored bytes under `sha256`, as a damaged disk or bucket would. */
  corrupt(sha256: string, bytes: Buffer): Promise<void>;
  /** Every file in the store's temporary folder. */
  leftovers(): Promise<string[]>;
}

const BUCKET = "netcourt-files";
let s3rver: S3rver;
let s3Settings: S3StoreSettings;
let scratch: string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-s3rver-"));
  s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: scratch,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3rver.run();
  s3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    region: "us-east-1",
    // s3rver's fixed test credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
});

afterAll(async () => {
  await s3rver.close();
  await fs.rm(scratch, { recursive: true, force: true });
});

async function filesIn(folder: string): Promise<string[]> {
  try {
    return (await fs.readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

const subjects: Array<[string, (root: string) => Promise<Subject>]> = [
  [
    "local folder",
    async (root) => ({
      store: new LocalFileStore(root),
      corrupt: async (sha256, bytes) => {
        await fs.writeFile(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), bytes);
      },
      leftovers: () => filesIn(path.join(root, "tmp")),
    }),
  ],
  [
    "S3-compatible bucket",
    async (root) => {
      const client = createS3Client(s3Settings);
      return {
        store: new S3FileStore(client, BUCKET, path.join(root, "tmp")),
        corrupt: async (sha256, bytes) => {
          await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: sha256, Body: bytes }));
        },
        leftovers: () => filesIn(path.join(root, "tmp")),
      };
    },
  ],
];

function sha256Of(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
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

describe.each(subjects)("file store contract: %s", (_name, makeSubject) => {
  let root: string;
  let subject: Subject;
  let store: FileStore;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-files-"));
    subject = await makeSubject(root);
    store = subject.store;
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("keeps a file under its SHA-256 and gives back the same bytes, whole or streamed", async () => {
    // Unique per run, so a shared bucket holds no copy from an earlier test.
    const data = Buffer.from(`起诉状 ${root} ${"x".repeat(70_000)}`);
    expect(await store.exists(sha256Of(data))).toBe(false);

    const stored = await store.put(data);
    expect(stored).toEqual({ sha256: sha256Of(data), size: data.byteLength });
    expect(await store.exists(stored.sha256)).toBe(true);
    expect((await store.read(stored.sha256)).equals(data)).toBe(true);
    expect((await collect(await store.open(stored.sha256))).equals(data)).toBe(true);
  });

  it("stores the same content once: a second put answers the same and the file stays intact", async () => {
    const data = Buffer.from(`证据目录 ${root}`);
    const first = await store.put(data);
    const second = await store.put(Buffer.from(data));
    expect(second).toEqual(first);
    const staged = await store.stage(Readable.from([data]), 1024);
    await staged.commit();
    expect(staged.sha256).toBe(first.sha256);
    expect((await store.read(first.sha256)).equals(data)).toBe(true);
    expect(await subject.leftovers()).toEqual([]);
  });

  it("stages a stream with its hash, size and first bytes; commit keeps it, discard keeps nothing", async () => {
    const data = Buffer.from(`答辩状 ${root} ${"y".repeat(10_000)}`);
    const staged = await store.stage(Readable.from([data.subarray(0, 3000), data.subarray(3000)]), 1 << 20);
    expect(staged.sha256).toBe(sha256Of(data));
    expect(staged.size).toBe(data.byteLength);
    expect(staged.head.equals(data.subarray(0, 4100))).toBe(true);
    expect(await store.exists(staged.sha256)).toBe(false);
    await staged.commit();
    expect((await store.read(staged.sha256)).equals(data)).toBe(true);

    const other = Buffer.from(`撤诉申请 ${root}`);
    const dropped = await store.stage(Readable.from([other]), 1024);
    await dropped.discard();
    expect(await store.exists(dropped.sha256)).toBe(false);
    expect(await subject.leftovers()).toEqual([]);
  });

  it("refuses a stream past its limit or cut short by an upstream limit, and keeps nothing", async () => {
    const data = Buffer.alloc(1024, 7);
    expect(await codeOf(store.stage(truncatedStream(data), 2048))).toBe("file_too_large");
    expect(await codeOf(store.stage(Readable.from([data, data, data]), 2048))).toBe("file_too_large");
    expect(await store.exists(sha256Of(data))).toBe(false);
    expect(await subject.leftovers()).toEqual([]);
  });

  it("answers file_not_found for a file it does not hold or a name that is no SHA-256", async () => {
    const absent = sha256Of(Buffer.from(`absent ${root}`));
    expect(await store.exists(absent)).toBe(false);
    expect(await codeOf(store.read(absent))).toBe("file_not_found");
    expect(await codeOf(store.open(absent))).toBe("file_not_found");
    expect(await store.exists("../etc/passwd")).toBe(false);
    expect(await codeOf(store.read("../etc/passwd"))).toBe("file_not_found");
  });

  it("detects on read a stored file whose bytes no longer match its hash", async () => {
    const data = Buffer.from(`判决书 ${root} ${"z".repeat(100_000)}`);
    const { sha256 } = await store.put(data);
    // The same length, one byte changed: only the hash tells.
    const damaged = Buffer.concat([data.subarray(0, -1), Buffer.from("y")]);
    await subject.corrupt(sha256, damaged);

    await expect(store.read(sha256)).rejects.toBeInstanceOf(StoredFileCorruptError);
    await expect(collect(await store.open(sha256))).rejects.toBeInstanceOf(StoredFileCorruptError);
  });

  it("removes staged uploads a crash left behind for more than an hour", async () => {
    const staged = await store.stage(Readable.from([Buffer.from(`未提交 ${root}`)]), 1024);
    expect(await subject.leftovers()).toHaveLength(1);
    expect(await store.cleanUp()).toBe(0);
    expect(await store.cleanUp(Date.now() + 2 * 60 * 60 * 1000)).toBe(1);
    expect(await subject.leftovers()).toEqual([]);
    await staged.discard();
  });
});

describe("createFileStore", () => {
  it("uses the local folder by default and the shared bucket with FILE_STORE=s3", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-data-"));
    try {
      expect(await createFileStore({ dataDir, fileStore: { kind: "local" } })).toBeInstanceOf(LocalFileStore);
      const shared = await createFileStore({ dataDir, fileStore: { kind: "s3", ...s3Settings } });
      expect(shared).toBeInstanceOf(S3FileStore);
      // Written through one node, read through another: both see the same bucket.
      const other = await createFileStore({
        dataDir: path.join(dataDir, "node-b"),
        fileStore: { kind: "s3", ...s3Settings },
      });
      const { sha256 } = await shared.put(Buffer.from(`送达回证 ${dataDir}`));
      expect((await other.read(sha256)).toString()).toBe(`送达回证 ${dataDir}`);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses to start on a bucket it cannot reach", async () => {
    await expect(
      createFileStore({
        dataDir: os.tmpdir(),
        fileStore: { kind: "s3", ...s3Settings, bucket: "no-such-bucket" },
      }),
    ).rejects.toThrow();
  });
});
