import { describe, expect, it } from "vitest";
import {
  cosignatureMessage,
  cosignCheckpoint,
  createCosignatureVerifier,
  createCosigner,
  parseCosignatureLine,
} from "./cosignature";
import { fromBase64, fromUtf8, utf8 } from "./encoding";
import { parseVerifierKey } from "./keys";
import { RFC8032_SEED_2, VECTOR } from "./test-support";

describe("cosignatures (c2sp.org/tlog-cosignature, type 0x04)", () => {
  it("signs `cosignature/v1`, the time line and the checkpoint body", () => {
    expect(fromUtf8(cosignatureMessage(VECTOR.checkpointText, 1_700_000_000))).toBe(
      `cosignature/v1\ntime 1700000000\n${VECTOR.checkpointText}`,
    );
  });

  it("reproduces the vector's witness line at timestamp 1,700,000,000", () => {
    const cosigner = createCosigner(VECTOR.witnessName, RFC8032_SEED_2, () => VECTOR.timestamp);
    expect(cosignCheckpoint(VECTOR.checkpointText, cosigner)).toBe(VECTOR.witnessLine);
  });

  it("encodes key ID, 8-byte timestamp and signature: 76 bytes, 104 base64 characters", () => {
    const line = parseCosignatureLine(VECTOR.witnessLine.trimEnd());
    expect(line).toMatchObject({ name: VECTOR.witnessName, keyId: 0xbabdbe55, timestamp: VECTOR.timestamp });
    expect(VECTOR.witnessLine.trimEnd().split(" ")[2]).toHaveLength(104);
  });

  it("decodes the spec example's key ID and timestamp", () => {
    const example =
      "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";
    expect(parseCosignatureLine(example)).toMatchObject({ keyId: 0x8d66cf3f, timestamp: 1_679_315_147 });
  });

  it("verifies only the exact checkpoint body and timestamp", () => {
    const key = parseVerifierKey(VECTOR.witnessVkey);
    const verifier = createCosignatureVerifier(key.name, key.publicKey);
    const { signature } = parseCosignatureLine(VECTOR.witnessLine.trimEnd());
    expect(verifier.verify(utf8(VECTOR.checkpointText), signature)).toBe(true);
    expect(verifier.verify(utf8(VECTOR.checkpointText.replace("8\n", "9\n")), signature)).toBe(false);
    const shifted = signature.slice();
    shifted[7] = shifted[7]! + 1; // timestamp + 1
    expect(verifier.verify(utf8(VECTOR.checkpointText), shifted)).toBe(false);
    expect(verifier.verify(utf8(VECTOR.checkpointText), fromBase64("AAAA"))).toBe(false);
  });

  it("refuses a zero or fractional timestamp", () => {
    expect(() =>
      cosignCheckpoint(
        VECTOR.checkpointText,
        createCosigner("w", RFC8032_SEED_2, () => 0),
      ),
    ).toThrow();
    expect(() =>
      cosignCheckpoint(
        VECTOR.checkpointText,
        createCosigner("w", RFC8032_SEED_2, () => 1.5),
      ),
    ).toThrow();
  });
});
