import { fromBase64, fromUtf8, toBase64, utf8 } from "./encoding";
import { LedgerError } from "./errors";

/** One signature line of a note. */
export interface NoteSignature {
  /** Key name. */
  name: string;
  /** 32-bit key ID (first 4 bytes of the base64 payload). */
  keyId: number;
  /** Signature bytes after the key ID. */
  signature: Uint8Array;
}

/** A parsed, not yet verified, signed note. */
export interface Note {
  /** The signed text, including its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Signs note text (C2SP signed-note); `keyId` is placed before the signature. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array;
}

/** Verifies signatures of one key, identified by (name, keyId). */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** `signature` excludes the 4-byte key ID. Must return false, not throw, on bad input. */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Result of opening a note: which signatures verified and which came from unknown keys. */
export interface OpenedNote {
  text: string;
  /** Signatures by known keys, all verified (one per key). */
  verified: NoteSignature[];
  /** Signatures by unknown keys (ignored, kept for re-publication). */
  unknown: NoteSignature[];
}

/** Go's x/mod/sumdb/note limit; the spec requires at least 16 to be accepted. */
export const DEFAULT_MAX_SIGNATURES = 100;

const SIGNATURE_PREFIX = "\u2014 "; // em dash U+2014, then a space
const UNICODE_SPACE = /\p{White_Space}/u;

/**
 * signed-note: valid UTF-8 and no ASCII control characters other than newline. A JavaScript string
 * is UTF-16, so "valid UTF-8" means no unpaired surrogate.
 */
function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x0a) return true;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** signed-note key name rule: non-empty, no Unicode spaces, no `+`. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !name.includes("+") && !UNICODE_SPACE.test(name) && !hasForbiddenCharacter(name);
}

/** Checks note text: ends in a newline, valid UTF-8, no control characters. Throws `malformed_note`. */
export function checkNoteText(text: string): void {
  if (!text.endsWith("\n")) throw new LedgerError("malformed_note", "note text must end with a newline");
  if (hasForbiddenCharacter(text))
    throw new LedgerError("malformed_note", "note contains a control character");
}

/** Parses one `— <name> <base64>` line (without its newline). Throws `malformed_note`. */
export function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX))
    throw new LedgerError("malformed_note", "signature line must start with '— '");
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(" ");
  const name = space < 0 ? rest : rest.slice(0, space);
  const b64 = space < 0 ? "" : rest.slice(space + 1);
  if (!isValidKeyName(name)) throw new LedgerError("malformed_note", "invalid key name in signature line");
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    throw new LedgerError("malformed_note", "signature is not base64");
  }
  if (raw.length < 5) throw new LedgerError("malformed_note", "signature shorter than key ID plus one byte");
  const keyId = ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0;
  return { name, keyId, signature: raw.slice(4) };
}

/** Formats a signature line `— <name> <base64(keyId ‖ signature)>\n`. */
export function formatSignatureLine(signature: NoteSignature): string {
  if (!isValidKeyName(signature.name)) throw new LedgerError("invalid_argument", "invalid key name");
  const raw = new Uint8Array(4 + signature.signature.length);
  new DataView(raw.buffer).setUint32(0, signature.keyId >>> 0);
  raw.set(signature.signature, 4);
  return `${SIGNATURE_PREFIX}${signature.name} ${toBase64(raw)}\n`;
}

/**
 * Parses newline-terminated signature lines, e.g. a witness's add-checkpoint response body.
 * Throws `malformed_note`.
 */
export function parseSignatureLines(body: string): NoteSignature[] {
  if (body === "" || !body.endsWith("\n"))
    throw new LedgerError("malformed_note", "signature lines must end in newline");
  return body.slice(0, -1).split("\n").map(parseSignatureLine);
}

/**
 * Parses a signed note (C2SP signed-note): the text is everything up to the LAST blank line, so the
 * text may itself contain blank lines. Accepts up to `maxSignatures` (default 100) signature lines.
 * Throws `malformed_note`.
 */
export function parseNote(note: string | Uint8Array, maxSignatures = DEFAULT_MAX_SIGNATURES): Note {
  const message = typeof note === "string" ? note : decodeNote(note);
  if (hasForbiddenCharacter(message))
    throw new LedgerError("malformed_note", "note contains a control character");
  const split = message.lastIndexOf("\n\n");
  if (split < 0) throw new LedgerError("malformed_note", "note has no blank line before its signatures");
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === "" || !block.endsWith("\n"))
    throw new LedgerError("malformed_note", "note has no signatures");
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > maxSignatures)
    throw new LedgerError("malformed_note", `more than ${maxSignatures} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

function decodeNote(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw new LedgerError("malformed_note", "note is not valid UTF-8");
  }
}

/** Formats a note: text, blank line, one line per signature. Throws `malformed_note`. */
export function formatNote(note: Note): string {
  checkNoteText(note.text);
  if (note.signatures.length === 0)
    throw new LedgerError("malformed_note", "a note needs at least one signature");
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join("")}`;
}

/**
 * Signs `text` with each signer and returns the note. Existing signatures are kept first, except
 * those by a key that signs again (as Go's note.Sign). Throws `malformed_note`.
 */
export function signNote(
  text: string,
  signers: readonly NoteSigner[],
  existing: readonly NoteSignature[] = [],
): string {
  checkNoteText(text);
  const bytes = utf8(text);
  const fresh = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(bytes) }));
  const kept = existing.filter((e) => !fresh.some((f) => f.name === e.name && f.keyId === e.keyId));
  return formatNote({ text, signatures: [...kept, ...fresh] });
}

/**
 * Checks every signature of a parsed note against the known keys (signed-note rules): signatures
 * whose (name, key ID) is unknown are ignored; a known key's signature that fails rejects the whole
 * note (`invalid_signature`). Does not require any signature to verify — see openNote.
 */
export function checkNoteSignatures(note: Note, verifiers: readonly NoteVerifier[]): OpenedNote {
  const bytes = utf8(note.text);
  const verified: NoteSignature[] = [];
  const unknown: NoteSignature[] = [];
  for (const sig of note.signatures) {
    const candidates = verifiers.filter((v) => v.name === sig.name && v.keyId >>> 0 === sig.keyId);
    if (candidates.length === 0) {
      unknown.push(sig);
      continue;
    }
    if (!candidates.some((v) => v.verify(bytes, sig.signature))) {
      throw new LedgerError("invalid_signature", `invalid signature for key ${sig.name}+${hexId(sig.keyId)}`);
    }
    if (!verified.some((v) => v.name === sig.name && v.keyId === sig.keyId)) verified.push(sig);
  }
  return { text: note.text, verified, unknown };
}

/**
 * Parses and verifies a signed note: rejects it when a known key's signature fails
 * (`invalid_signature`) or when no known key signed it (`unverified_note`); `malformed_note` on syntax.
 */
export function openNote(note: string | Uint8Array | Note, verifiers: readonly NoteVerifier[]): OpenedNote {
  const parsed = typeof note === "string" || note instanceof Uint8Array ? parseNote(note) : note;
  const opened = checkNoteSignatures(parsed, verifiers);
  if (opened.verified.length === 0) throw new LedgerError("unverified_note", "no signature from a known key");
  return opened;
}

/** 8-digit lowercase hex of a key ID, as in verifier keys. */
export function hexId(keyId: number): string {
  return (keyId >>> 0).toString(16).padStart(8, "0");
}
