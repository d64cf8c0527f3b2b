import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { setEd25519, type Ed25519 } from "./ed25519";
import { createSignerFromPrivateKey } from "./keys";
import { openNote, signNote } from "./note";
import { VECTOR, VECTOR_NOTE } from "./test-support";
import { createVerifier } from "./verifiers";

// The server's Node-native Ed25519 (the README shows the same adapter): raw 32-byte keys wrapped in
// the fixed PKCS#8 / SPKI DER prefixes for Ed25519.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const privateKeyOf = (seed: Uint8Array) =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
const nodeEd25519: Ed25519 = {
  publicKey: (seed) =>
    createPublicKey(privateKeyOf(seed)).export({ format: "der", type: "spki" }).subarray(12),
  sign: (message, seed) => sign(null, message, privateKeyOf(seed)),
  verify: (signature, message, publicKey) => {
    try {
      const key = createPublicKey({
        key: Buffer.concat([SPKI_PREFIX, publicKey]),
        format: "der",
        type: "spki",
      });
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  },
};

afterEach(() => setEd25519(null));

describe("pluggable Ed25519", () => {
  it("signs and verifies the vectors identically with Node's crypto plugged in", () => {
    setEd25519(nodeEd25519);
    const skey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const text =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    expect(signNote(text, [createSignerFromPrivateKey(skey)])).toContain(
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
    );
    const opened = openNote(VECTOR_NOTE, [
      createVerifier(VECTOR.logVkey),
      createVerifier(VECTOR.witnessVkey),
    ]);
    expect(opened.verified).toHaveLength(2);
  });

  it("rejects a wrong signature through the plugged implementation", () => {
    setEd25519(nodeEd25519);
    const forged = VECTOR_NOTE.replace("SP437iHN", "SP437iHM");
    expect(() => openNote(forged, [createVerifier(VECTOR.logVkey)])).toThrow(
      expect.objectContaining({ code: "invalid_signature" }),
    );
  });
});
