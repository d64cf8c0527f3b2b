import { fromBase64, isSize, parseDecimal, toBase64 } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE } from "./merkle";
import { checkNoteText } from "./note";

/** A tlog-checkpoint note body: origin, tree size, root hash, optional extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Extension lines (non-empty, NOT RECOMMENDED by the spec). */
  extensions: string[];
}

/**
 * Parses checkpoint note text (c2sp.org/tlog-checkpoint): ≥ 3 non-empty lines, size in canonical
 * decimal (sizes above 2^53 − 1 are refused), root = base64 of 32 bytes. Throws `malformed_checkpoint`.
 */
export function parseCheckpoint(text: string): Checkpoint {
  try {
    checkNoteText(text);
  } catch (error) {
    throw new LedgerError("malformed_checkpoint", (error as Error).message);
  }
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3)
    throw new LedgerError("malformed_checkpoint", "checkpoint needs origin, size and root lines");
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === "") throw new LedgerError("malformed_checkpoint", "empty origin");
  const size = parseDecimal(sizeText);
  if (size === null)
    throw new LedgerError("malformed_checkpoint", "tree size must be a decimal without leading zeros");
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(rootText);
  } catch {
    throw new LedgerError("malformed_checkpoint", "root hash is not base64");
  }
  if (rootHash.length !== HASH_SIZE)
    throw new LedgerError("malformed_checkpoint", "root hash must be 32 bytes");
  if (extensions.some((line) => line === ""))
    throw new LedgerError("malformed_checkpoint", "empty extension line");
  return { origin, size, rootHash, extensions };
}

/** Formats checkpoint note text (to be signed). Throws `malformed_checkpoint`. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (origin === "" || origin.includes("\n")) throw new LedgerError("malformed_checkpoint", "invalid origin");
  if (!isSize(size)) throw new LedgerError("malformed_checkpoint", "invalid tree size");
  if (rootHash.length !== HASH_SIZE)
    throw new LedgerError("malformed_checkpoint", "root hash must be 32 bytes");
  if (extensions.some((line) => line === "" || line.includes("\n"))) {
    throw new LedgerError("malformed_checkpoint", "invalid extension line");
  }
  const text = [origin, String(size), toBase64(rootHash), ...extensions].join("\n") + "\n";
  parseCheckpoint(text); // the same rules as for received checkpoints
  return text;
}
