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
  createSignerFromPrivateKey,
  ed25519VerifierKey,
  generateKey,
  isValidKeyName,
  parsePrivateKey,
  setEd25519,
  setSha256,
  type Ed25519,
  type NoteSigner,
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

/** Where a server keeps the log key unless LEDGER_LOG_KEY or LEDGER_LOG_KEY_FILE says otherwise. */
export function defaultLogKeyFile(dataDir: string): string {
  return path.join(dataDir, "ledger", "log.key");
}

/** Loads the log key from `file`, creating it (mode 0600, never replacing one written concurrently). */
export async function loadOrCreateLogKeyFile(file: string, origin: string): Promise<LogKey> {
  if (!isValidKeyName(origin)) throw new Error(`invalid ledger origin ${JSON.stringify(origin)}`);
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
  return logKeyFromText(text, file);
}

/** A log key from Go's `PRIVATE+KEY+<name>+<hash>+<key>` text; `where` names its source in errors. */
export function logKeyFromText(text: string, where: string): LogKey {
  let parsed: ReturnType<typeof parsePrivateKey>;
  try {
    parsed = parsePrivateKey(text.trim());
  } catch (error) {
    throw new Error(
      `the ledger key in ${where} is not a note private key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    privateKey: text.trim(),
    verifierKey: ed25519VerifierKey(parsed.name, parsed.seed),
    origin: parsed.name,
  };
}

/** The log's signing key as the ledger uses it: its name (the origin), verifier key and a signer. */
export interface LogSigningKey {
  origin: string;
  verifierKey: string;
  signer: NoteSigner;
}

/**
 * Where the log's key lives, the same for every server of the log. The file and environment forms
 * hold the private key; a key management service implements this port by signing remotely, never
 * handing out the key.
 */
export interface LogKeyStore {
  /** Where the key is, for messages (never the key itself). */
  readonly location: string;
  /** The key, created for `origin` if the store creates keys and has none yet. */
  open(origin: string): Promise<LogSigningKey>;
}

const signingKey = (key: LogKey): LogSigningKey => ({
  origin: key.origin,
  verifierKey: key.verifierKey,
  signer: createSignerFromPrivateKey(key.privateKey),
});

/** The key in a file (created on first use): DATA_DIR/ledger/log.key, or a shared LEDGER_LOG_KEY_FILE. */
export function fileLogKeyStore(file: string): LogKeyStore {
  return {
    location: file,
    open: async (origin) => signingKey(await loadOrCreateLogKeyFile(file, origin)),
  };
}

/** The key given in an environment variable (never created: it must be the log's key). */
export function environmentLogKeyStore(text: string, variable = "LEDGER_LOG_KEY"): LogKeyStore {
  return {
    location: variable,
    open: (origin) =>
      Promise.resolve().then(() => {
        if (!isValidKeyName(origin)) throw new Error(`invalid ledger origin ${JSON.stringify(origin)}`);
        return signingKey(logKeyFromText(text, variable));
      }),
  };
}

/** The key store a server's configuration names: LEDGER_LOG_KEY, else LEDGER_LOG_KEY_FILE, else DATA_DIR. */
export function configuredLogKeyStore(
  config: { logKey?: string | undefined; logKeyFile?: string | undefined },
  dataDir: string,
): LogKeyStore {
  if (config.logKey) return environmentLogKeyStore(config.logKey);
  return fileLogKeyStore(config.logKeyFile ?? defaultLogKeyFile(dataDir));
}

/** `commitmentOf` with Node's native SHA-256: the hex SHA-256 of an opening's UTF-8 text. */
export function commitmentNative(openingText: string): string {
  return hash("sha256", openingText, "hex");
}
