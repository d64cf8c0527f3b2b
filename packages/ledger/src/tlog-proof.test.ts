import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, utf8 } from "./encoding";
import { leafHash } from "./merkle";
import { parseTlogPolicy } from "./policy";
import { RFC6962_LEAVES, VECTOR, VECTOR_NOTE } from "./test-support";
import { formatTlogProof, parseTlogProof, verifyTlogProof } from "./tlog-proof";

// ledger-notes §1.10: receipt for the leaf 0x10 (index 2) of the RFC 6962 tree.
const RECEIPT = `c2sp.org/tlog-proof@v1\nindex 2\n${VECTOR.proofLines}\n${VECTOR_NOTE}`;
const LEAF = leafHash(RFC6962_LEAVES[2]!);
const TRUST = { logKeys: [VECTOR.logVkey], witnesses: { keys: [VECTOR.witnessVkey], quorum: 1 } };

describe("tlog-proof receipts (c2sp.org/tlog-proof@v1)", () => {
  it("parses the vector and formats it back byte for byte", () => {
    const receipt = parseTlogProof(RECEIPT);
    expect(receipt.index).toBe(2);
    expect(receipt.proof.map(toBase64).join("\n") + "\n").toBe(VECTOR.proofLines);
    expect(receipt.checkpoint).toBe(VECTOR_NOTE);
    expect(formatTlogProof(receipt)).toBe(RECEIPT);
  });

  it("verifies the vector for the leaf the caller hashed, reporting the cosigner and time", () => {
    const result = verifyTlogProof(RECEIPT, LEAF, TRUST);
    expect(result.index).toBe(2);
    expect(result.checkpoint.size).toBe(8);
    expect(result.cosignatures.map((c) => [c.name, c.timestamp])).toEqual([
      [VECTOR.witnessName, VECTOR.timestamp],
    ]);
  });

  it("verifies the vector against a policy", () => {
    const policy = parseTlogPolicy(`log ${VECTOR.logVkey}\nwitness w ${VECTOR.witnessVkey}\nquorum w\n`);
    expect(verifyTlogProof(RECEIPT, LEAF, { policy }).index).toBe(2);
  });

  it("rejects another leaf, another index and a tampered hash", () => {
    expect(() => verifyTlogProof(RECEIPT, leafHash(RFC6962_LEAVES[3]!), TRUST)).toThrow(
      expect.objectContaining({ code: "invalid_proof" }),
    );
    expect(() => verifyTlogProof(RECEIPT.replace("index 2", "index 3"), LEAF, TRUST)).toThrow(
      expect.objectContaining({ code: "invalid_proof" }),
    );
    expect(() => verifyTlogProof(RECEIPT.replace("B1Bqhf2d", "B1Bqhf2e"), LEAF, TRUST)).toThrow(
      expect.objectContaining({ code: "invalid_proof" }),
    );
  });

  it("rejects a receipt whose witness quorum is not met", () => {
    const noWitness = RECEIPT.replace(VECTOR.witnessLine, "");
    expect(() => verifyTlogProof(noWitness, LEAF, TRUST)).toThrow(
      expect.objectContaining({ code: "quorum_not_met" }),
    );
  });

  it("carries unauthenticated extra data", () => {
    const receipt = { ...parseTlogProof(RECEIPT), extra: utf8("deposit 2026-0001") };
    const text = formatTlogProof(receipt);
    expect(text.split("\n")[1]).toBe(`extra ${toBase64(utf8("deposit 2026-0001"))}`);
    expect(verifyTlogProof(text, LEAF, TRUST).extra).toEqual(utf8("deposit 2026-0001"));
  });

  it.each([
    ["a wrong header", RECEIPT.replace("tlog-proof@v1", "tlog-proof@v2")],
    ["no index", RECEIPT.replace("index 2\n", "")],
    ["a leading zero index", RECEIPT.replace("index 2", "index 02")],
    ["a short hash", RECEIPT.replace(VECTOR.proofLines.split("\n")[0]!, toBase64(fromBase64("AAAA")))],
    ["no checkpoint", `c2sp.org/tlog-proof@v1\nindex 2\n${VECTOR.proofLines}`],
  ])("rejects a receipt with %s", (_, text) => {
    expect(() => parseTlogProof(text)).toThrow(expect.objectContaining({ code: "malformed_tlog_proof" }));
  });
});
