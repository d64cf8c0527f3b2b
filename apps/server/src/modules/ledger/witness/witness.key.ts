import fs from "node:fs/promises";
import path from "node:path";
import {
  SignatureType,
  createCosigner,
  ed25519VerifierKey,
  formatVerifierKey,
  generateKey,
  isValidKeyName,
  parsePrivateKey,
  parseVerifierKey,
  type NoteSigner,
} from "@netcourt/ledger";

/** A witness's Ed25519 key: Go's `PRIVATE+KEY+…` text on disk, used as a tlog-cosignature (0x04) key. */
export interface WitnessKey {
  /** The key name, which every cosignature line carries (a scheme-less URL, e.g. `notary.example.cn`). */
  name: string;
  /** The cosignature verifier key (type 0x04) that logs, monitors and verifiers configure. */
  vkey: string;
  /** A cosigner whose timestamps come from `clock` (POSIX seconds). */
  cosigner(clock: () => number): NoteSigner;
}

/**
 * Loads the witness key from `file`, generating it (mode 0600, fsync, never replacing a file another
 * process wrote first) when missing; generating needs `name`. A given `name` must match the stored key.
 * Throws with a readable message on a malformed, mismatching or unreadable key.
 */
export async function loadOrCreateWitnessKey(
  file: string,
  name?: string,
): Promise<{ key: WitnessKey; isNew: boolean }> {
  let text = await readKeyText(file);
  let isNew = false;
  if (text === undefined) {
    if (name === undefined) throw new Error(`no key at ${file}: give --name to generate one`);
    if (!isValidKeyName(name)) throw new Error(`invalid key name ${JSON.stringify(name)}: no spaces, no +`);
    await writeNewKey(file, generateKey(name).privateKey);
    text = (await readKeyText(file))!;
    isNew = true;
  }
  let parsed: ReturnType<typeof parsePrivateKey>;
  try {
    parsed = parsePrivateKey(text);
  } catch (error) {
    throw new Error(`${file} is not a PRIVATE+KEY+ Ed25519 key: ${(error as Error).message}`);
  }
  if (name !== undefined && parsed.name !== name) {
    throw new Error(`${file} holds the key of ${parsed.name}, not ${name}`);
  }
  return { key: witnessKeyFrom(parsed.name, parsed.seed), isNew };
}

/** The witness key of a seed (tests and tools that keep keys in memory). */
export function witnessKeyFrom(name: string, seed: Uint8Array): WitnessKey {
  // The same Ed25519 key, published under the cosignature type byte (its key ID differs from 0x01's).
  const { publicKey } = parseVerifierKey(ed25519VerifierKey(name, seed));
  const vkey = formatVerifierKey(name, SignatureType.cosignatureV1, publicKey);
  const secret = seed.slice();
  return { name, vkey, cosigner: (clock) => createCosigner(name, secret, clock) };
}

async function readKeyText(file: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeNewKey(file: string, privateKey: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temporary, "w", 0o600);
  try {
    await handle.writeFile(`${privateKey}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // link, not rename: a key another process created meanwhile wins and is never overwritten.
    await fs.link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
