// Whom a verifier trusts: the log's key(s), the witnesses and the quorum, always as one
// c2sp.org/tlog-policy so that keys given one by one and a published policy are checked the same way.
import {
  LedgerError,
  isQuorumSatisfied,
  parseCheckpoint,
  parseNote,
  parseTlogPolicy,
  parseVerifierKey,
  verifyCheckpoint,
  type Checkpoint,
  type TlogPolicy,
} from "@netcourt/ledger";

/** Where the trusted keys came from (shown to the reader: keys fetched from the log itself prove less). */
export type TrustSource = "policy" | "keys" | "receipt" | "log";

export interface LedgerTrust {
  source: TrustSource;
  policy: TlogPolicy;
  /** The policy text (for display and for the record). */
  text: string;
}

/** A trust policy from tlog-policy text. Throws `LedgerError` (`malformed_policy`). */
export function trustFromPolicy(text: string, source: TrustSource = "policy"): LedgerTrust {
  return { source, policy: parseTlogPolicy(text), text };
}

/**
 * A trust policy from keys: any of `logKeys` signs, and `quorum` of `witnessKeys` cosign (default: a
 * majority, as the court publishes at). Throws `LedgerError` for a malformed key or quorum.
 */
export function trustFromKeys(
  logKeys: readonly string[],
  witnessKeys: readonly string[] = [],
  quorum?: number,
  source: TrustSource = "keys",
): LedgerTrust {
  const names = new Set<string>();
  const witnessLines = witnessKeys.map((vkey) => {
    let name = parseVerifierKey(vkey).name;
    for (let i = 2; names.has(name); i++) name = `${parseVerifierKey(vkey).name}#${i}`;
    names.add(name);
    return { name, line: `witness ${name} ${vkey}` };
  });
  const k = quorum ?? (witnessKeys.length === 0 ? 0 : Math.floor(witnessKeys.length / 2) + 1);
  if (!Number.isInteger(k) || k < 0 || k > witnessKeys.length)
    throw new LedgerError("invalid_argument", `quorum must be 0..${witnessKeys.length}`);
  const lines = [
    ...logKeys.map((vkey) => `log ${vkey}`),
    ...witnessLines.map((w) => w.line),
    ...(k === 0
      ? ["quorum none"]
      : [`group quorum ${k} ${witnessLines.map((w) => w.name).join(" ")}`, "quorum quorum"]),
  ];
  return trustFromPolicy(`${lines.join("\n")}\n`, source);
}

/** The quorum rule in words: `2 of (a, b, c)`, nested for groups of groups; `none` when none is needed. */
export function describeQuorum(policy: TlogPolicy, name = policy.quorum): string {
  if (name === "none") return "none";
  const group = policy.groups.get(name);
  if (!group) return name;
  return `${group.threshold} of (${group.members.map((m) => describeQuorum(policy, m)).join(", ")})`;
}

/** One verified witness cosignature. */
export interface Cosigner {
  /** The witness's name in the trust policy. */
  witness: string;
  /** The key name in the signature line. */
  keyName: string;
  /** When it cosigned (POSIX seconds). */
  timestamp: number;
}

export type CheckpointCheck =
  | {
      isSigned: true;
      checkpoint: Checkpoint;
      /** Key name(s) of the log signatures that verified. */
      logKeys: string[];
      cosigners: Cosigner[];
      isQuorumMet: boolean;
      quorum: string;
      /** Witnesses in the policy that did not cosign. */
      missing: string[];
    }
  | {
      isSigned: false;
      /** The checkpoint as it claims to be, when it parses at all (never trust it). */
      claimed: Checkpoint | null;
      /** `LedgerError` code: unverified_note, invalid_signature, origin_mismatch, malformed_note … */
      error: string;
      message: string;
    };

/** The unsigned claim of a checkpoint note, or null when it does not parse. */
export function claimedCheckpoint(note: string): Checkpoint | null {
  try {
    return parseCheckpoint(parseNote(note).text);
  } catch {
    return null;
  }
}

/**
 * Checks a cosigned checkpoint against a trust policy, reporting each part separately: the log's
 * signature (and origin = the log key's name), then which policy witnesses cosigned and whether they
 * meet its quorum. A failing signature by any trusted key rejects the note (C2SP signed-note).
 */
export function checkCheckpoint(note: string, trust: LedgerTrust): CheckpointCheck {
  const { policy } = trust;
  const witnesses = [...policy.witnesses];
  try {
    const verified = verifyCheckpoint(note, {
      logKeys: policy.logs.map((l) => l.verifier),
      witnesses: { keys: witnesses.map(([, w]) => w.verifier), quorum: 0 },
    });
    const cosigners: Cosigner[] = [];
    for (const c of verified.cosignatures) {
      const entry = witnesses.find(
        ([, w]) => w.verifier.name === c.name && w.verifier.keyId >>> 0 === c.keyId >>> 0,
      );
      if (entry) cosigners.push({ witness: entry[0], keyName: c.name, timestamp: c.timestamp });
    }
    const cosigned = new Set(cosigners.map((c) => c.witness));
    return {
      isSigned: true,
      checkpoint: verified.checkpoint,
      logKeys: verified.logSignatures.map((s) => s.name),
      cosigners,
      isQuorumMet: isQuorumSatisfied(policy, cosigned),
      quorum: describeQuorum(policy),
      missing: witnesses.map(([name]) => name).filter((name) => !cosigned.has(name)),
    };
  } catch (error) {
    return {
      isSigned: false,
      claimed: claimedCheckpoint(note),
      error: error instanceof LedgerError ? error.code : "malformed_note",
      message: (error as Error).message,
    };
  }
}

/**
 * The policy's witnesses whose cosignature line on the note fails to verify (each checked alone with
 * the log keys), so a report can name the witness whose cosignature is forged or broken.
 */
export function invalidCosigners(note: string, trust: LedgerTrust): string[] {
  return [...trust.policy.witnesses].flatMap(([name, witness]) => {
    const policy = {
      ...trust.policy,
      witnesses: new Map([[name, witness]]),
      groups: new Map(),
      quorum: "none",
    };
    const check = checkCheckpoint(note, { ...trust, policy });
    return !check.isSigned && check.error === "invalid_signature" ? [name] : [];
  });
}

/**
 * The checkpoint checked against the policy's log keys alone, witnesses' lines ignored. When
 * `checkCheckpoint` rejects a note, this tells a forged or broken cosignature (the log's signature
 * still holds) from a bad log signature, so a report can name the step that failed.
 */
export function checkLogSignature(note: string, trust: LedgerTrust): CheckpointCheck {
  const policy = { ...trust.policy, witnesses: new Map(), groups: new Map(), quorum: "none" };
  return checkCheckpoint(note, { ...trust, policy });
}
