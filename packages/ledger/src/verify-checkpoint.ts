import { parseCheckpoint, type Checkpoint } from "./checkpoint";
import { cosignatureTimestamp } from "./cosignature";
import { LedgerError } from "./errors";
import { checkNoteSignatures, parseNote, type Note, type NoteSignature, type NoteVerifier } from "./note";
import { isQuorumSatisfied, type TlogPolicy } from "./policy";
import { createVerifier } from "./verifiers";

/** A verified witness cosignature: who, and as of when (POSIX seconds). */
export interface WitnessCosignature {
  /** Key name; for policy verification, `policyName` is the witness's name in the policy. */
  name: string;
  keyId: number;
  timestamp: number;
  policyName?: string;
}

/** A checkpoint whose log signature and witness quorum have been verified. */
export interface VerifiedCheckpoint {
  checkpoint: Checkpoint;
  /** The signed note text (checkpoint body). */
  text: string;
  /** The log key(s) whose signature verified. */
  logSignatures: NoteSignature[];
  /** Verified cosignatures of configured witnesses, in note order. */
  cosignatures: WitnessCosignature[];
  /** Signatures from keys that were not configured (ignored). */
  unknown: NoteSignature[];
}

/** Trust configuration for one log: its key(s), the witnesses and a k-of-n quorum. */
export interface CheckpointTrust {
  /** Verifier keys (text) or verifiers of the log; a signature by any of them is enough. */
  logKeys: readonly (string | NoteVerifier)[];
  /** Expected origin line; defaults to the key name of the log key that signed. */
  origin?: string;
  /** Witness cosignature keys (type 0x04) and how many of them must have cosigned. */
  witnesses?: { keys: readonly (string | NoteVerifier)[]; quorum: number };
}

interface Witness {
  policyName: string;
  verifier: NoteVerifier;
}

const toVerifier = (key: string | NoteVerifier): NoteVerifier =>
  typeof key === "string" ? createVerifier(key) : key;
const sameKey = (a: { name: string; keyId: number }, b: { name: string; keyId: number }): boolean =>
  a.name === b.name && a.keyId >>> 0 === b.keyId >>> 0;

function verifyWith(
  signedNote: string | Uint8Array | Note,
  logs: readonly NoteVerifier[],
  witnesses: readonly Witness[],
  isSatisfied: (cosigned: ReadonlySet<string>) => boolean,
  origin: string | undefined,
): VerifiedCheckpoint {
  const note =
    typeof signedNote === "string" || signedNote instanceof Uint8Array ? parseNote(signedNote) : signedNote;
  // One pass with every known key: a failing signature by ANY known key rejects the note.
  const opened = checkNoteSignatures(note, [...logs, ...witnesses.map((w) => w.verifier)]);
  const logSignatures = opened.verified.filter((s) => logs.some((v) => sameKey(v, s)));
  if (logSignatures.length === 0)
    throw new LedgerError("unverified_note", "checkpoint is not signed by the log");
  const checkpoint = parseCheckpoint(opened.text);
  const expected = origin === undefined ? logSignatures.map((s) => s.name) : [origin];
  if (!expected.includes(checkpoint.origin)) {
    throw new LedgerError(
      "origin_mismatch",
      `checkpoint origin ${checkpoint.origin} is not ${expected.join(" or ")}`,
    );
  }
  const cosignatures: WitnessCosignature[] = [];
  const cosigned = new Set<string>();
  for (const sig of opened.verified) {
    const witness = witnesses.find((w) => sameKey(w.verifier, sig));
    if (!witness || logs.some((v) => sameKey(v, sig))) continue;
    if (sig.signature.length !== 72)
      throw new LedgerError("invalid_argument", "witness keys must be cosignature keys");
    cosignatures.push({
      name: sig.name,
      keyId: sig.keyId,
      timestamp: cosignatureTimestamp(sig.signature),
      policyName: witness.policyName,
    });
    cosigned.add(witness.policyName);
  }
  if (!isSatisfied(cosigned))
    throw new LedgerError("quorum_not_met", `only ${cosigned.size} witness(es) cosigned`);
  return { checkpoint, text: opened.text, logSignatures, cosignatures, unknown: opened.unknown };
}

/**
 * Verifies a cosigned checkpoint: signed by a log key, origin as expected, no failing signature by a
 * known key, and at least `witnesses.quorum` distinct configured witnesses cosigned. Returns which
 * witnesses cosigned and when. Throws `malformed_note`, `malformed_checkpoint`, `invalid_signature`,
 * `unverified_note`, `origin_mismatch`, `quorum_not_met`, `invalid_argument`.
 */
export function verifyCheckpoint(
  signedNote: string | Uint8Array | Note,
  trust: CheckpointTrust,
): VerifiedCheckpoint {
  const logs = trust.logKeys.map(toVerifier);
  if (logs.length === 0) throw new LedgerError("invalid_argument", "at least one log key is needed");
  const keys = trust.witnesses?.keys ?? [];
  const quorum = trust.witnesses?.quorum ?? 0;
  if (!Number.isInteger(quorum) || quorum < 0 || quorum > keys.length) {
    throw new LedgerError("invalid_argument", "quorum must be 0..number of witnesses");
  }
  const witnesses = keys.map((k) => {
    const verifier = toVerifier(k);
    return { policyName: `${verifier.name}+${verifier.keyId}`, verifier };
  });
  return verifyWith(signedNote, logs, witnesses, (cosigned) => cosigned.size >= quorum, trust.origin);
}

/**
 * Verifies a cosigned checkpoint against a tlog-policy: signed by one of its logs (origin = that
 * log's key name unless `origin` is given) and cosigned to satisfy its quorum. Throws as verifyCheckpoint.
 */
export function verifyCheckpointWithPolicy(
  signedNote: string | Uint8Array | Note,
  policy: TlogPolicy,
  origin?: string,
): VerifiedCheckpoint {
  const logs = policy.logs.map((l) => l.verifier);
  if (logs.length === 0) throw new LedgerError("invalid_argument", "the policy lists no log");
  const witnesses = [...policy.witnesses].map(([policyName, w]) => ({ policyName, verifier: w.verifier }));
  return verifyWith(signedNote, logs, witnesses, (cosigned) => isQuorumSatisfied(policy, cosigned), origin);
}
