import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";

describe("file store settings", () => {
  it("keeps files in the local folder unless FILE_STORE=s3", () => {
    expect(loadConfig({}).fileStore).toEqual({ kind: "local" });
    expect(() => loadConfig({ FILE_STORE: "nfs" })).toThrow(/FILE_STORE/);
  });

  it("reads the bucket settings, secrets from their _FILE forms, and refuses half a key pair", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-secrets-"));
    try {
      await fs.writeFile(path.join(folder, "id"), "AKIDCOURT\n");
      await fs.writeFile(path.join(folder, "secret"), "s3cr3t-value\n");
      const base = { FILE_STORE: "s3", S3_BUCKET: "netcourt-files" };
      expect(
        loadConfig({
          ...base,
          S3_ENDPOINT: "https://minio.court.internal:9000",
          S3_FORCE_PATH_STYLE: "true",
          S3_ACCESS_KEY_ID_FILE: path.join(folder, "id"),
          S3_SECRET_ACCESS_KEY_FILE: path.join(folder, "secret"),
        }).fileStore,
      ).toEqual({
        kind: "s3",
        endpoint: "https://minio.court.internal:9000",
        bucket: "netcourt-files",
        region: "us-east-1",
        accessKeyId: "AKIDCOURT",
        secretAccessKey: "s3cr3t-value",
        forcePathStyle: true,
      });
      // Neither key: the SDK's own credential chain.
      expect(loadConfig(base).fileStore).toMatchObject({
        accessKeyId: undefined,
        secretAccessKey: undefined,
      });
      expect(() => loadConfig({ FILE_STORE: "s3" })).toThrow(/S3_BUCKET/);
      expect(() => loadConfig({ ...base, S3_ACCESS_KEY_ID: "AKIDCOURT" })).toThrow(/go together/);
      await fs.writeFile(path.join(folder, "empty"), "\n");
      expect(() =>
        loadConfig({ ...base, S3_ACCESS_KEY_ID: "x", S3_SECRET_ACCESS_KEY_FILE: path.join(folder, "empty") }),
      ).toThrow(/is empty/);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
