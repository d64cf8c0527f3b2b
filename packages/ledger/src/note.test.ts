import { describe, expect, it } from "vitest";
import { utf8 } from "./encoding";
import { createEd25519Signer, createSignerFromPrivateKey, ed25519VerifierKey } from "./keys";
import {
  checkNoteSignatures,
  formatNote,
  openNote,
  parseNote,
  parseSignatureLines,
  signNote,
  type NoteVerifier,
} from "./note";
import { RFC8032_SEED_1, RFC8032_SEED_2 } from "./test-support";
import { createVerifier } from "./verifiers";

// C2SP signed-note example and Go x/mod/sumdb/note example (ledger-notes §1.10).
const C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const C2SP_NOTE =
  "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_LINE =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

describe("signed notes (c2sp.org/signed-note)", () => {
  it("verifies the C2SP example", () => {
    const opened = openNote(C2SP_NOTE, [createVerifier(C2SP_VKEY)]);
    expect(opened.text).toBe("This is an example message.\n");
    expect(opened.verified.map((s) => s.name)).toEqual(["example.com/foo"]);
  });

  it("reproduces Go's PeterNeumann signature line from the private key (Ed25519 is deterministic)", () => {
    const note = signNote(PETER_TEXT, [createSignerFromPrivateKey(PETER_SKEY)]);
    expect(note).toBe(`${PETER_TEXT}\n${PETER_LINE}`);
    expect(openNote(note, [createVerifier(PETER_VKEY)]).verified).toHaveLength(1);
  });

  it("accepts bytes as well as text", () => {
    expect(openNote(utf8(C2SP_NOTE), [createVerifier(C2SP_VKEY)]).verified).toHaveLength(1);
  });

  it("splits text from signatures at the LAST blank line, so the text may contain blank lines", () => {
    const text = "first paragraph\n\nsecond paragraph\n";
    const signer = createEd25519Signer("example.com/a", RFC8032_SEED_1);
    const note = signNote(text, [signer]);
    const parsed = parseNote(note);
    expect(parsed.text).toBe(text);
    const verifier = createVerifier(vkeyOf(signer.name));
    expect(openNote(note, [verifier]).text).toBe(text);
    // A first-blank-line split (sigstore-js) would take "first paragraph\n" as the text and then
    // fail on "second paragraph" as a signature line.
    const firstSplit = note.indexOf("\n\n");
    expect(note.slice(firstSplit + 2).startsWith("second paragraph")).toBe(true);
  });

  it("ignores signatures by unknown keys, even with a known name or a known key ID", () => {
    const signer = createEd25519Signer("example.com/a", RFC8032_SEED_1);
    const stranger = createEd25519Signer("example.com/a", RFC8032_SEED_2); // same name, other key
    const note = signNote("hello\n", [signer, stranger]);
    const opened = openNote(note, [createVerifier(vkeyOf("example.com/a"))]);
    expect(opened.verified).toHaveLength(1);
    expect(opened.unknown).toHaveLength(1);
  });

  it("rejects the whole note when a known key's signature fails, even if another known key verifies", () => {
    const a = createEd25519Signer("example.com/a", RFC8032_SEED_1);
    const b = createEd25519Signer("example.com/b", RFC8032_SEED_2);
    const good = parseNote(signNote("hello\n", [a, b]));
    const bad = {
      ...good,
      signatures: [good.signatures[0]!, { ...good.signatures[1]!, signature: good.signatures[0]!.signature }],
    };
    const verifiers = [
      createVerifier(vkeyOf("example.com/a")),
      createVerifier(vkeyOf("example.com/b", RFC8032_SEED_2)),
    ];
    expect(() => openNote(formatNote(bad), verifiers)).toThrow(
      expect.objectContaining({ code: "invalid_signature" }),
    );
  });

  it("rejects a note no known key signed", () => {
    expect(() => openNote(C2SP_NOTE, [createVerifier(PETER_VKEY)])).toThrow(
      expect.objectContaining({ code: "unverified_note" }),
    );
  });

  it("accepts at least 16 signatures (here 20), up to 100", () => {
    const signers = Array.from({ length: 20 }, (_, i) =>
      createEd25519Signer(`example.com/w${i}`, RFC8032_SEED_1),
    );
    const note = signNote("many\n", signers);
    const verifiers: NoteVerifier[] = signers.map((s) => createVerifier(vkeyOf(s.name)));
    expect(openNote(note, verifiers).verified).toHaveLength(20);
    const tooMany = `many\n\n${note.split("\n\n")[1]!.repeat(6)}`;
    expect(() => parseNote(tooMany)).toThrow(/more than 100/);
  });

  it.each([
    ["no blank line", "text\n— example.com/foo AAAAAAA=\n"],
    ["no final newline", C2SP_NOTE.slice(0, -1)],
    ["a control character", C2SP_NOTE.replace("example message", "example\tmessage")],
    ["a carriage return", C2SP_NOTE.replace("message.\n", "message.\r\n")],
    ["a hyphen instead of an em dash", C2SP_NOTE.replace("—", "-")],
    ["a key name with a plus", C2SP_NOTE.replace("example.com/foo", "example.com+foo")],
    ["a signature shorter than 5 bytes", "text\n\n— example.com/foo AAAAAA==\n"],
    ["non-canonical base64", "text\n\n— example.com/foo AAAAAAB=\n"],
    ["an empty signature block line", `${C2SP_NOTE}\n`],
  ])("rejects a note with %s", (_, text) => {
    expect(() => openNote(text, [createVerifier(C2SP_VKEY)])).toThrow(
      expect.objectContaining({ code: "malformed_note" }),
    );
  });

  it("rejects invalid UTF-8 bytes", () => {
    const bytes = Uint8Array.of(...utf8("text "), 0xff, ...utf8("\n\n"), ...utf8(PETER_LINE));
    expect(() => parseNote(bytes)).toThrow(/UTF-8/);
  });

  it("keeps existing signatures when signing again, replacing one by the same key", () => {
    const a = createEd25519Signer("example.com/a", RFC8032_SEED_1);
    const b = createEd25519Signer("example.com/b", RFC8032_SEED_2);
    const first = parseNote(signNote("hello\n", [a, b]));
    const again = parseNote(signNote("hello\n", [a], first.signatures));
    expect(again.signatures.map((s) => s.name)).toEqual(["example.com/b", "example.com/a"]);
  });

  it("parses signature lines of a witness response", () => {
    expect(parseSignatureLines(PETER_LINE)[0]!.name).toBe("PeterNeumann");
    expect(() => parseSignatureLines(PETER_LINE.trimEnd())).toThrow();
  });

  it("checks signatures without requiring one to verify", () => {
    const opened = checkNoteSignatures(parseNote(C2SP_NOTE), []);
    expect(opened.verified).toEqual([]);
    expect(opened.unknown).toHaveLength(1);
  });
});

function vkeyOf(name: string, seed: Uint8Array = RFC8032_SEED_1): string {
  return ed25519VerifierKey(name, seed);
}
