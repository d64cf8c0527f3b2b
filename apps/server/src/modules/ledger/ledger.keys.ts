import {
  createPrivateKey,
  createPublicKey,
  hash,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  ed25519VerifierKey,
  generateKey,
  isValidKeyName,
  parsePrivateKey,
  setEd25519,
  setSha256,
  type Ed25519,
} from "@netcourt/ledger";

// Raw 32-byte Ed25519 keys wrapped in the fixed PKCS#8 / SPKI DER prefixes Node's crypto expects.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const MAX_CACHED_KEYS = 10_000;

const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function cached(map: Map<string, KeyObject>, bytes: Uint8Array, make: () => KeyObject): KeyObject {
  const id = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  let key = map.get(id);
  if (!key) {
    if (map.size >= MAX_CACHED_KEYS) map.clear();
    key = make();
    map.set(id, key);
  }
  return key;
}

const privateKeyOf = (seed: Uint8Array) =>
  cached(privateKeys, seed, () =>
    createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" }),
  );
const publicKeyOf = (publicKey: Uint8Array) =>
  cached(publicKeys, publicKey, () =>
    createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: "der", type: "spki" }),
  );

/** Node's native Ed25519 (OpenSSL), several times faster than the portable default; strict RFC 8032. */
export const nodeEd25519: Ed25519 = {
  publicKey: (seed) =>
    new Uint8Array(createPublicKey(privateKeyOf(seed)).export({ format: "der", type: "spki" }).subarray(12)),
  sign: (message, seed) => new Uint8Array(nodeSign(null, message, privateKeyOf(seed))),
  verify: (signature, message, publicKey) => {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return nodeVerify(null, message, publicKeyOf(publicKey), signature);
    } catch {
      return false;
    }
  },
};

/** SHA-256 of bytes with Node's native implementation. */
export function sha256Native(data: Uint8Array): Uint8Array {
  return hash("sha256", data, "buffer");
}

let installed = false;

/** Plugs Node's native SHA-256 and Ed25519 into @netcourt/ledger (the server's hot paths). */
export function useNativeCrypto(): void {
  if (installed) return;
  installed = true;
  setSha256(sha256Native);
  setEd25519(nodeEd25519);
}

/** The log's signing key: Go's `PRIVATE+KEY+…` text, its verifier key and the origin it signs for. */
export interface LogKey {
  privateKey: string;
  verifierKey: string;
  origin: string;
}

/**
 * Loads the log's Ed25519 key from `DATA_DIR/ledger/log.key`, creating it (mode 0600) on first use.
 * The key name is the origin (tlog-checkpoint: the log's signature key name SHOULD equal it); an
 * existing key keeps its own name, because the origin is chosen once and never changes.
 */
export async function loadOrCreateLogKey(dataDir: string, origin: string): Promise<LogKey> {
  if (!isValidKeyName(origin)) throw new Error(`invalid ledger origin ${JSON.stringify(origin)}`);
  const file = path.join(dataDir, "ledger", "log.key");
  let text: string | undefined;
  try {
    text = (await fs.readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (text === undefined) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const generated = generateKey(origin);
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await fs.open(temporary, "w", 0o600);
    try {
      await handle.writeFile(`${generated.privateKey}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // link, not rename: a key written by a concurrent start is never replaced.
      await fs.link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await fs.rm(temporary, { force: true });
    }
    text = (await fs.readFile(file, "utf8")).trim();
  }
  const parsed = parsePrivateKey(text);
  return { privateKey: text, verifierKey: ed25519VerifierKey(parsed.name, parsed.seed), origin: parsed.name };
}

/** `commitmentOf` with Node's native SHA-256: the hex SHA-256 of an opening's UTF-8 text. */
export function commitmentNative(openingText: string): string {
  return hash("sha256", openingText, "hex");
}
