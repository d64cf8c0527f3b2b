// TOTP secrets at rest. A TOTP secret is a shared key: whoever reads it from a database dump can make
// every staff member's codes, so it is stored only as an AES-256-GCM envelope (NIST SP 800-38D) under
// a key kept outside the database. Envelopes name their key, so keys can be rotated.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { AppError, type AppConfig } from "../../platform";
import type { SecretBox } from "../../platform/ports/index";

const VERSION = "v1";
const KEY_BYTES = 32;
/** SP 800-38D §8.2: 96-bit random nonces; a key seals far fewer than 2^32 secrets. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The key file kept in DATA_DIR outside production when no key is configured. */
export const GENERATED_KEY_FILE = "totp-encryption.key";

/** A short public name of a key (not the key): the start of its SHA-256 under a fixed label. */
export function totpKeyId(key: Uint8Array): string {
  return createHash("sha256").update("netcourt-totp-key\0").update(key).digest("hex").slice(0, 16);
}

/** Parses base64 keys separated by commas or newlines (blank lines and `#` comments skipped). */
export function parseTotpKeys(text: string): Buffer[] {
  const keys = text
    .split(/[,\n]/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line, index) => {
      const key = Buffer.from(line, "base64");
      if (key.length !== KEY_BYTES || key.toString("base64").replace(/=+$/, "") !== line.replace(/=+$/, "")) {
        throw new Error(`TOTP encryption key ${index + 1} is not ${KEY_BYTES} bytes of base64`);
      }
      return key;
    });
  if (keys.length === 0) throw new Error("no TOTP encryption key given");
  return keys;
}

/**
 * Seals and opens TOTP secrets. The first key seals; every key opens. Each envelope is bound to the
 * row it belongs to (GCM additional data), so a secret copied onto another account does not open.
 */
export class TotpSecretBox implements SecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error("no TOTP encryption key given");
    for (const key of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`a TOTP encryption key must be ${KEY_BYTES} bytes`);
      this.keys.set(totpKeyId(key), key);
    }
    this.currentKeyId = totpKeyId(keys[0]!);
  }

  /** True when the stored value is an envelope rather than a clear base32 secret of an older version. */
  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}.`);
  }

  /** The key id an envelope was sealed under, or null when the value is not an envelope. */
  static keyIdOf(value: string): string | null {
    return TotpSecretBox.isSealed(value) ? (value.split(".")[1] ?? null) : null;
  }

  /** Seals a base32 secret for the account `userId`: `v1.<key id>.<nonce>.<ciphertext>.<tag>`. */
  seal(secret: string, userId: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keys.get(this.currentKeyId)!, nonce, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(additionalData(this.currentKeyId, userId));
    const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
    const parts = [nonce, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
    return [VERSION, this.currentKeyId, ...parts].join(".");
  }

  /**
   * Opens an envelope of the account `userId`. Throws `totp_key_unavailable` when the key is not
   * configured or the envelope does not authenticate (wrong key, altered row, other account's secret).
   */
  open(envelope: string, userId: string): string {
    const [version, keyId, nonce, ciphertext, tag, ...rest] = envelope.split(".");
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (version !== VERSION || rest.length > 0 || !nonce || ciphertext === undefined || !tag || !key) {
      throw new AppError("totp_key_unavailable");
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(additionalData(keyId!, userId));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    } catch (error) {
      throw new AppError("totp_key_unavailable", [], { cause: error });
    }
  }
}

function additionalData(keyId: string, userId: string): Buffer {
  return Buffer.from(`netcourt:users.totp_secret:${VERSION}:${keyId}:${userId}`, "utf8");
}

/** Where the keys come from, for the start-up log. */
export type TotpKeySource = "environment" | "file" | "generated";

/**
 * The key box from the configuration: TOTP_ENCRYPTION_KEY, else TOTP_ENCRYPTION_KEY_FILE. Outside
 * production, without either, a key file in DATA_DIR (created 0600 on first start). In production
 * without a configured key it throws: the server must not start with secrets it cannot protect.
 */
export async function loadTotpSecretBox(
  config: Pick<AppConfig, "totpEncryptionKey" | "totpEncryptionKeyFile" | "isProduction" | "dataDir">,
  log?: Pick<Logger, "info" | "warn">,
): Promise<{ box: TotpSecretBox; source: TotpKeySource; file: string | null }> {
  if (config.totpEncryptionKey) {
    return {
      box: new TotpSecretBox(parseTotpKeys(config.totpEncryptionKey)),
      source: "environment",
      file: null,
    };
  }
  if (config.totpEncryptionKeyFile) {
    const file = config.totpEncryptionKeyFile;
    return { box: new TotpSecretBox(parseTotpKeys(await fs.readFile(file, "utf8"))), source: "file", file };
  }
  if (config.isProduction) {
    throw new Error(
      "TOTP_ENCRYPTION_KEY or TOTP_ENCRYPTION_KEY_FILE must be set in production " +
        "(32 random bytes in base64, e.g. `openssl rand -base64 32`)",
    );
  }
  const file = path.join(config.dataDir, GENERATED_KEY_FILE);
  try {
    return { box: new TotpSecretBox(parseTotpKeys(await fs.readFile(file, "utf8"))), source: "file", file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await fs.mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // "wx": two processes starting together must not overwrite each other's key.
  try {
    await fs.writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { box: new TotpSecretBox(parseTotpKeys(await fs.readFile(file, "utf8"))), source: "file", file };
  }
  log?.warn(
    { file },
    "generated a TOTP encryption key in the data folder; set TOTP_ENCRYPTION_KEY or TOTP_ENCRYPTION_KEY_FILE in production",
  );
  return { box: new TotpSecretBox([key]), source: "generated", file };
}

/**
 * Puts a new key first in a key file (the old ones stay to open existing envelopes until they are
 * re-encrypted). Returns the new key's id.
 */
export async function prependTotpKey(file: string): Promise<string> {
  const existing = await fs.readFile(file, "utf8");
  parseTotpKeys(existing);
  const key = randomBytes(KEY_BYTES);
  const next = `${key.toString("base64")}\n${existing.endsWith("\n") ? existing : `${existing}\n`}`;
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, next, { mode: 0o600 });
  await fs.rename(temporary, file);
  return totpKeyId(key);
}
