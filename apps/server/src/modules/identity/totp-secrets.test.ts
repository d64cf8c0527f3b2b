import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../platform";
import {
  GENERATED_KEY_FILE,
  TotpSecretBox,
  loadTotpSecretBox,
  parseTotpKeys,
  totpKeyId,
} from "./totp-secrets";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const USER = "0b9c8e4e-7a55-4c1e-9a53-2f1f3f0f6a11";

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("TOTP secrets at rest", () => {
  it("seals a secret into a versioned envelope that names its key and opens only for the same account", () => {
    const key = randomBytes(32);
    const box = new TotpSecretBox([key]);
    const envelope = box.seal(SECRET, USER);
    expect(envelope).toMatch(new RegExp(`^v1\\.${totpKeyId(key)}\\.[\\w-]{16}\\.[\\w-]+\\.[\\w-]{22}$`));
    expect(envelope).not.toContain(SECRET);
    expect(box.seal(SECRET, USER)).not.toBe(envelope);
    expect(box.open(envelope, USER)).toBe(SECRET);
    expect(
      isAppError(
        thrown(() => box.open(envelope, "another-user")),
        "totp_key_unavailable",
      ),
    ).toBe(true);
  });

  it("fails clearly with a wrong key or an altered envelope", () => {
    const envelope = new TotpSecretBox([randomBytes(32)]).seal(SECRET, USER);
    expect(
      isAppError(
        thrown(() => new TotpSecretBox([randomBytes(32)]).open(envelope, USER)),
        "totp_key_unavailable",
      ),
    ).toBe(true);
    const box = new TotpSecretBox([randomBytes(32)]);
    const sealed = box.seal(SECRET, USER);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").toString("base64url");
    expect(
      isAppError(
        thrown(() => box.open(parts.join("."), USER)),
        "totp_key_unavailable",
      ),
    ).toBe(true);
  });

  it("opens envelopes of an older key while sealing under the newest", () => {
    const older = randomBytes(32);
    const newer = randomBytes(32);
    const envelope = new TotpSecretBox([older]).seal(SECRET, USER);
    const rotated = new TotpSecretBox([newer, older]);
    expect(rotated.open(envelope, USER)).toBe(SECRET);
    expect(TotpSecretBox.keyIdOf(rotated.seal(SECRET, USER))).toBe(totpKeyId(newer));
  });

  it("accepts only 32-byte base64 keys", () => {
    expect(
      parseTotpKeys(`${randomBytes(32).toString("base64")},${randomBytes(32).toString("base64")}`),
    ).toHaveLength(2);
    expect(() => parseTotpKeys(randomBytes(16).toString("base64"))).toThrow(/not 32 bytes/);
    expect(() => parseTotpKeys("# only a comment\n")).toThrow(/no TOTP encryption key/);
  });

  it("refuses to start in production without a configured key", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-totp-"));
    await expect(
      loadTotpSecretBox({
        isProduction: true,
        dataDir,
        totpEncryptionKey: undefined,
        totpEncryptionKeyFile: undefined,
      }),
    ).rejects.toThrow(/TOTP_ENCRYPTION_KEY/);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("outside production generates a 0600 key file in the data folder once, and says so", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-totp-"));
    const warnings: unknown[] = [];
    const log = { warn: (...args: unknown[]) => warnings.push(args), info: () => undefined };
    const config = {
      isProduction: false,
      dataDir,
      totpEncryptionKey: undefined,
      totpEncryptionKeyFile: undefined,
    };
    const first = await loadTotpSecretBox(config, log);
    expect(first.source).toBe("generated");
    expect(warnings).toHaveLength(1);
    const file = path.join(dataDir, GENERATED_KEY_FILE);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadTotpSecretBox(config, log);
    expect(second.source).toBe("file");
    expect(second.box.currentKeyId).toBe(first.box.currentKeyId);
    expect(warnings).toHaveLength(1);
    await fs.rm(dataDir, { recursive: true, force: true });
  });
});
