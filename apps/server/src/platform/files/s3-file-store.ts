import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { AppError } from "../errors";
import {
  assertIntact,
  isSha256,
  stageToFile,
  sweepStaleParts,
  verifyingStream,
  type FileStore,
  type StagedBlob,
  type StoredBlob,
} from "./file-store";

/** Where the S3-compatible object store is and how to sign in to it (platform/config.ts). */
export interface S3StoreSettings {
  /** e.g. `https://minio.court.internal:9000`; undefined: the cloud's regional endpoint. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both or neither; neither: the SDK's own chain (instance role, web identity, ~/.aws). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` (MinIO, Ceph RGW behind one name). */
  forcePathStyle: boolean;
}

export function createS3Client(settings: S3StoreSettings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId !== undefined && settings.secretAccessKey !== undefined
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // The store sends and checks its own SHA-256 (the object's name); the SDK's default CRC32 trailers
    // (aws-chunked uploads) are not understood by every S3-compatible server.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Content-addressed store in an S3-compatible bucket that every server node shares: the object key is the
 * file's SHA-256, an object is written only when absent, and its hash is checked on write and on read.
 *
 * An upload is first staged in a node-local temp file while it is hashed, and only `commit()` sends it,
 * with one PutObject under its final key. The key is the hash, so it is known only once the last byte has
 * arrived; staging locally (rather than uploading to a temporary key and copying) means the bucket never
 * holds a partial or rejected upload, an upload that is discarded (wrong type, limit exceeded) costs no
 * transfer, a crash leaves only a local `.part` file that `cleanUp()` sweeps, and the object is written
 * once rather than twice. PutObject is atomic: readers on other nodes see the whole object or none.
 * MAX_UPLOAD_MB is at most 2 GiB, under PutObject's 5 GiB, so no multipart upload is needed.
 *
 * The request carries `x-amz-checksum-sha256`, so the server refuses a body damaged in transit, and
 * `If-None-Match: *`, so an existing object is never overwritten (a server too old to know the header
 * overwrites it with the same bytes, which is harmless: same key, same content).
 */
export class S3FileStore implements FileStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    /** A node-local folder for uploads being received. */
    readonly stagingDir: string,
  ) {}

  /** Fails unless the bucket is reachable with these credentials: a misconfigured node does not start. */
  async checkReachable(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async #tempPath(): Promise<string> {
    await fs.mkdir(this.stagingDir, { recursive: true });
    return path.join(this.stagingDir, `${randomUUID()}.part`);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const tmpPath = await this.#tempPath();
    const { sha256, size, head } = await stageToFile(source, maxBytes, tmpPath);
    return {
      sha256,
      size,
      head,
      commit: async () => {
        try {
          if (!(await this.exists(sha256)))
            await this.#putIfAbsent(sha256, size, () => createReadStream(tmpPath));
        } finally {
          await fs.rm(tmpPath, { force: true });
        }
      },
      discard: async () => {
        await fs.rm(tmpPath, { force: true });
      },
    };
  }

  async put(data: Uint8Array): Promise<StoredBlob> {
    const sha256 = createHash("sha256").update(data).digest("hex");
    if (!(await this.exists(sha256))) await this.#putIfAbsent(sha256, data.byteLength, () => data);
    return { sha256, size: data.byteLength };
  }

  async #putIfAbsent(sha256: string, size: number, body: () => Readable | Uint8Array): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: sha256,
          Body: body(),
          ContentLength: size,
          ContentType: "application/octet-stream",
          ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
          IfNoneMatch: "*",
        }),
      );
    } catch (error) {
      // 412: the object exists (another node stored the same file); 409: a concurrent write of it is under
      // way. Either way the key holds, or is about to hold, these very bytes.
      if (statusOf(error) === 412 || statusOf(error) === 409) return;
      throw error;
    }
  }

  async #get(sha256: string): Promise<Readable> {
    if (!isSha256(sha256)) throw new AppError("file_not_found");
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: sha256 }));
      if (!(response.Body instanceof Readable)) throw new Error("the S3 client returned no Node stream");
      return response.Body;
    } catch (error) {
      if (statusOf(error) === 404) throw new AppError("file_not_found", [], { cause: error });
      throw error;
    }
  }

  async read(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.#get(sha256)) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    assertIntact(sha256, data);
    return data;
  }

  async open(sha256: string): Promise<Readable> {
    return verifyingStream(sha256, await this.#get(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: sha256 }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /** Removes staged uploads a crash left behind on this node; the bucket never holds partial objects. */
  async cleanUp(now = Date.now()): Promise<number> {
    return sweepStaleParts([this.stagingDir], now);
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
