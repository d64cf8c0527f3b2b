import { describe, expect, it } from "vitest";
import { createCosigner } from "./cosignature";
import { toBase64 } from "./encoding";
import {
  computeKeyId,
  createSignerFromPrivateKey,
  ed25519VerifierKey,
  formatPrivateKey,
  formatVerifierKey,
  generateKey,
  parsePrivateKey,
  parseVerifierKey,
  SignatureType,
} from "./keys";
import { openNote, signNote } from "./note";
import { RFC8032_SEED_1, RFC8032_SEED_2, VECTOR } from "./test-support";
import { createVerifier } from "./verifiers";

describe("verifier keys", () => {
  it("derives the log vector key from the RFC 8032 test-1 seed", () => {
    expect(ed25519VerifierKey(VECTOR.logName, RFC8032_SEED_1)).toBe(VECTOR.logVkey);
  });

  it("derives the witness vector key (type 0x04) from the RFC 8032 test-2 seed", () => {
    const cosigner = createCosigner(VECTOR.witnessName, RFC8032_SEED_2, () => 1);
    const key = parseVerifierKey(VECTOR.witnessVkey);
    expect(key.type).toBe(SignatureType.cosignatureV1);
    expect(key.keyId).toBe(cosigner.keyId);
    expect(formatVerifierKey(key.name, key.type, key.publicKey)).toBe(VECTOR.witnessVkey);
  });

  // The base64 part of our own log key contains "+": a naive split("+") yields 4 parts and breaks.
  it("splits on the first two plus signs only", () => {
    expect(VECTOR.logVkey.split("+")).toHaveLength(4);
    const key = parseVerifierKey(VECTOR.logVkey);
    expect(key.name).toBe(VECTOR.logName);
    expect(key.keyId).toBe(0x48fe37ee);
    expect(toBase64(Uint8Array.of(key.type, ...key.publicKey))).toBe(
      "AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea",
    );
  });

  it.each([
    ["a wrong key ID", VECTOR.logVkey.replace("48fe37ee", "48fe37ef")],
    ["a short key ID", VECTOR.logVkey.replace("48fe37ee", "48fe37e")],
    ["a name with a space", VECTOR.logVkey.replace("court-ledger", "court ledger")],
    ["no key", "example.com/x+48fe37ee"],
    ["bad base64", VECTOR.logVkey.slice(0, -1)],
    ["a 31-byte Ed25519 key", formatVerifierKey("example.com/x", 1, new Uint8Array(31))],
  ])("rejects a verifier key with %s", (_, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(expect.objectContaining({ code: "malformed_key" }));
  });

  it("computes key IDs over name, newline, type byte and public key", () => {
    const key = parseVerifierKey(VECTOR.logVkey);
    expect(computeKeyId(key.name, 0x01, key.publicKey)).toBe(0x48fe37ee);
    expect(computeKeyId(key.name, 0x04, key.publicKey)).not.toBe(0x48fe37ee);
  });

  it("refuses to build a verifier for an unsupported signature type", () => {
    const ecdsa = formatVerifierKey("example.com/x", SignatureType.ecdsa, new Uint8Array(65));
    expect(() => createVerifier(ecdsa)).toThrow(expect.objectContaining({ code: "unsupported_key_type" }));
  });
});

describe("private keys (Go x/mod/sumdb/note format)", () => {
  it("round-trips PRIVATE+KEY text whose base64 contains plus signs", () => {
    const skey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const parsed = parsePrivateKey(skey);
    expect(parsed.name).toBe("PeterNeumann");
    expect(parsed.keyId).toBe(0xc74f20a3);
    expect(formatPrivateKey(parsed.name, parsed.seed)).toBe(skey);
  });

  it.each([
    ["no prefix", "PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"],
    ["a wrong ID", "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"],
    ["another name", "PRIVATE+KEY+PeterNeumanx+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"],
  ])("rejects private key text with %s", (_, skey) => {
    expect(() => parsePrivateKey(skey)).toThrow(expect.objectContaining({ code: "malformed_key" }));
  });

  it("generates a working key pair", () => {
    const { privateKey, verifierKey } = generateKey("example.com/new-log");
    const note = signNote("generated\n", [createSignerFromPrivateKey(privateKey)]);
    expect(openNote(note, [createVerifier(verifierKey)]).verified).toHaveLength(1);
    expect(generateKey("example.com/new-log").privateKey).not.toBe(privateKey);
  });
});
