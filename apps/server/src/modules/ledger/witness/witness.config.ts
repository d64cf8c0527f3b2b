import fs from "node:fs/promises";
import { SignatureType, createVerifier, parseVerifierKey, type NoteVerifier } from "@netcourt/ledger";

/**
 * Reads trusted log keys: each value is a verifier key, or a file of them — one per line, `#` comments,
 * and tlog-policy `log <vkey> [url]` lines (other policy lines are skipped), so a court's published
 * policy file can be given as is. Only Ed25519 (type 0x01) log keys are accepted.
 */
export async function readLogKeys(values: readonly string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const value of values) {
    if (isVerifierKey(value)) {
      keys.push(value);
      continue;
    }
    let content: string;
    try {
      content = await fs.readFile(value, "utf8");
    } catch {
      throw new Error(`${value} is neither a verifier key nor a readable file`);
    }
    content.split("\n").forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const [first, second] = line.split(/\s+/);
      if (first === "witness" || first === "group" || first === "quorum") return;
      const candidate = first === "log" ? second : first;
      if (candidate === undefined || !isVerifierKey(candidate)) {
        throw new Error(`${value}:${i + 1}: not a verifier key`);
      }
      keys.push(candidate);
    });
  }
  for (const key of keys) {
    if (parseVerifierKey(key).type !== SignatureType.ed25519) {
      throw new Error(`${key} is not an Ed25519 (type 0x01) log key`);
    }
  }
  return keys;
}

function isVerifierKey(value: string): boolean {
  try {
    parseVerifierKey(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Groups log keys by origin: the key's name (tlog-checkpoint: a log's key name SHOULD be its origin),
 * or `origin` for every key when given (one log signing with an old and a new key during a rotation).
 */
export function logsByOrigin(keys: readonly string[], origin?: string): Map<string, NoteVerifier[]> {
  const logs = new Map<string, NoteVerifier[]>();
  for (const key of keys) {
    const verifier = createVerifier(key);
    const name = origin ?? verifier.name;
    logs.set(name, [...(logs.get(name) ?? []), verifier]);
  }
  return logs;
}

/** Parses `host:port` (`[::1]:8080` for IPv6); port 0 picks a free port. Throws on anything else. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new Error(`--listen must be host:port, not ${value}`);
  return { host: match[1] ?? match[2]!, port };
}
