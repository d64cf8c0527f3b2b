import { bytesEqual, parseDecimal } from "./encoding";
import { LedgerError } from "./errors";
import { parseVerifierKey, SignatureType, type VerifierKey } from "./keys";
import type { NoteVerifier } from "./note";
import { createVerifier } from "./verifiers";

/** A log or witness of a policy. */
export interface PolicyKey {
  key: VerifierKey;
  verifier: NoteVerifier;
  url?: string;
}

/** A witness group: satisfied when at least `threshold` of its members are. */
export interface PolicyGroup {
  threshold: number;
  members: string[];
}

/** A parsed c2sp.org/tlog-policy: accepted logs, named witnesses and groups, and the quorum. */
export interface TlogPolicy {
  logs: PolicyKey[];
  witnesses: Map<string, PolicyKey>;
  groups: Map<string, PolicyGroup>;
  /** A witness or group name, or "none" for no cosignature requirement. */
  quorum: string;
}

// tlog-policy allows tab, newline, 0x20–0x7E and any octet ≥ 0x80; items are separated by spaces/tabs only.
function hasControlCharacter(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

function fail(lineNumber: number, message: string): never {
  throw new LedgerError("malformed_policy", `line ${lineNumber}: ${message}`);
}

/**
 * Parses tlog-policy text: `log <vkey> [url]`, `witness <name> <vkey> [url]`,
 * `group <name> <k|all|any> <member>…`, exactly one `quorum <name|none>`; `#` comments and blank
 * lines ignored; names must be defined before use and each listed once per group; no duplicate
 * public keys. Logs need Ed25519 (0x01) keys, witnesses cosignature (0x04) keys. Throws `malformed_policy`.
 */
export function parseTlogPolicy(text: string): TlogPolicy {
  const logs: PolicyKey[] = [];
  const witnesses = new Map<string, PolicyKey>();
  const groups = new Map<string, PolicyGroup>();
  let quorum: string | null = null;
  const seenKeys: Uint8Array[] = [];
  const keyOf = (lineNumber: number, vkey: string, type: number, url: string | undefined): PolicyKey => {
    let key: VerifierKey;
    try {
      key = parseVerifierKey(vkey);
    } catch (error) {
      fail(lineNumber, (error as Error).message);
    }
    if (key.type !== type) fail(lineNumber, `expected a key of signature type 0x0${type}`);
    if (seenKeys.some((k) => bytesEqual(k, key.publicKey))) fail(lineNumber, "duplicate public key");
    seenKeys.push(key.publicKey);
    return { key, verifier: createVerifier(vkey), ...(url === undefined ? {} : { url }) };
  };
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (hasControlCharacter(raw)) fail(n, "control character");
    const line = raw.replace(/^[ \t]+|[ \t]+$/g, "");
    if (line === "" || line.startsWith("#")) return;
    const [first, ...args] = line.split(/[ \t]+/);
    const keyword = first ?? "";
    switch (keyword) {
      case "log":
        if (args.length < 1 || args.length > 2) fail(n, "expected: log <vkey> [url]");
        logs.push(keyOf(n, args[0]!, SignatureType.ed25519, args[1]));
        return;
      case "witness": {
        if (args.length < 2 || args.length > 3) fail(n, "expected: witness <name> <vkey> [url]");
        const name = args[0]!;
        if (name === "none" || witnesses.has(name) || groups.has(name))
          fail(n, `name ${name} already defined`);
        witnesses.set(name, keyOf(n, args[1]!, SignatureType.cosignatureV1, args[2]));
        return;
      }
      case "group": {
        if (args.length < 3) fail(n, "expected: group <name> <k|all|any> <member>...");
        const [name, k, ...members] = args as [string, string, ...string[]];
        if (name === "none" || witnesses.has(name) || groups.has(name))
          fail(n, `name ${name} already defined`);
        for (const m of members) if (!witnesses.has(m) && !groups.has(m)) fail(n, `undefined member ${m}`);
        if (new Set(members).size !== members.length) fail(n, "a member is listed twice");
        const threshold = k === "all" ? members.length : k === "any" ? 1 : parseDecimal(k);
        if (threshold === null || threshold < 1 || threshold > members.length)
          fail(n, "threshold must be 1..n");
        groups.set(name, { threshold, members });
        return;
      }
      case "quorum":
        if (args.length !== 1) fail(n, "expected: quorum <name>");
        if (quorum !== null) fail(n, "only one quorum line is allowed");
        if (args[0] !== "none" && !witnesses.has(args[0]!) && !groups.has(args[0]!))
          fail(n, `undefined name ${args[0]!}`);
        quorum = args[0]!;
        return;
      default:
        fail(n, `unknown keyword ${keyword}`);
    }
  });
  if (quorum === null) throw new LedgerError("malformed_policy", "policy has no quorum line");
  return { logs, witnesses, groups, quorum };
}

/** Whether the witnesses named in `cosigned` satisfy the policy's quorum. */
export function isQuorumSatisfied(policy: TlogPolicy, cosigned: ReadonlySet<string>): boolean {
  const memo = new Map<string, boolean>();
  const satisfied = (name: string): boolean => {
    if (name === "none") return true;
    const known = memo.get(name);
    if (known !== undefined) return known;
    const group = policy.groups.get(name);
    let result: boolean;
    if (group) {
      let count = 0;
      for (const m of group.members) if (satisfied(m)) count++;
      result = count >= group.threshold;
    } else {
      result = policy.witnesses.has(name) && cosigned.has(name);
    }
    memo.set(name, result);
    return result;
  };
  return satisfied(policy.quorum);
}
