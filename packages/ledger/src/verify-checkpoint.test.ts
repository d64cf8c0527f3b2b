import { describe, expect, it } from "vitest";
import { cosignCheckpoint, createCosigner } from "./cosignature";
import { createEd25519Signer, ed25519VerifierKey, formatVerifierKey, SignatureType } from "./keys";
import { signNote } from "./note";
import { parseTlogPolicy } from "./policy";
import { RFC8032_SEED_1, VECTOR, VECTOR_NOTE } from "./test-support";
import { verifyCheckpoint, verifyCheckpointWithPolicy } from "./verify-checkpoint";
import { ed25519 } from "./ed25519";

const witnessSeed = (i: number): Uint8Array => new Uint8Array(32).fill(i + 10);
const witnessName = (i: number): string => `example.com/witness-${i}`;
const witnessVkey = (i: number): string =>
  formatVerifierKey(witnessName(i), SignatureType.cosignatureV1, ed25519().publicKey(witnessSeed(i)));

/** The vector checkpoint signed by the log and cosigned by witnesses `cosigners` at times 100 + i. */
function cosigned(cosigners: number[]): string {
  const note = signNote(VECTOR.checkpointText, [createEd25519Signer(VECTOR.logName, RFC8032_SEED_1)]);
  const lines = cosigners.map((i) =>
    cosignCheckpoint(
      VECTOR.checkpointText,
      createCosigner(witnessName(i), witnessSeed(i), () => 100 + i),
    ),
  );
  return note + lines.join("");
}

describe("verifying a cosigned checkpoint", () => {
  it("verifies the vector: log signature and the witness's cosignature with its time", () => {
    const result = verifyCheckpoint(VECTOR_NOTE, {
      logKeys: [VECTOR.logVkey],
      witnesses: { keys: [VECTOR.witnessVkey], quorum: 1 },
    });
    expect(result.checkpoint.size).toBe(8);
    expect(result.cosignatures).toEqual([
      expect.objectContaining({ name: VECTOR.witnessName, keyId: 0xbabdbe55, timestamp: VECTOR.timestamp }),
    ]);
  });

  it("reports which of n witnesses cosigned when k of n is met", () => {
    const result = verifyCheckpoint(cosigned([0, 2]), {
      logKeys: [VECTOR.logVkey],
      witnesses: { keys: [0, 1, 2].map(witnessVkey), quorum: 2 },
    });
    expect(result.cosignatures.map((c) => [c.name, c.timestamp])).toEqual([
      [witnessName(0), 100],
      [witnessName(2), 102],
    ]);
  });

  it("fails when fewer than k witnesses cosigned, counting a repeated witness once", () => {
    const note = cosigned([1, 1]);
    const trust = { logKeys: [VECTOR.logVkey], witnesses: { keys: [0, 1, 2].map(witnessVkey), quorum: 2 } };
    expect(() => verifyCheckpoint(note, trust)).toThrow(expect.objectContaining({ code: "quorum_not_met" }));
  });

  it("ignores cosignatures from unconfigured witnesses", () => {
    const result = verifyCheckpoint(cosigned([0, 5]), {
      logKeys: [VECTOR.logVkey],
      witnesses: { keys: [witnessVkey(0)], quorum: 1 },
    });
    expect(result.cosignatures).toHaveLength(1);
    expect(result.unknown.map((s) => s.name)).toEqual([witnessName(5)]);
  });

  it("rejects a note whose configured witness's cosignature is forged", () => {
    const forged = VECTOR_NOTE.replace("ur2+VQAAAABlU/EA", "ur2+VQAAAABlU/EB");
    const trust = { logKeys: [VECTOR.logVkey], witnesses: { keys: [VECTOR.witnessVkey], quorum: 0 } };
    expect(() => verifyCheckpoint(forged, trust)).toThrow(
      expect.objectContaining({ code: "invalid_signature" }),
    );
  });

  it("rejects a checkpoint signed only by witnesses", () => {
    const onlyWitness = `${VECTOR.checkpointText}\n${VECTOR.witnessLine}`;
    const trust = { logKeys: [VECTOR.logVkey], witnesses: { keys: [VECTOR.witnessVkey], quorum: 1 } };
    expect(() => verifyCheckpoint(onlyWitness, trust)).toThrow(
      expect.objectContaining({ code: "unverified_note" }),
    );
  });

  it("requires the origin to match the log key name or the configured origin", () => {
    const otherName = ed25519VerifierKey("example.com/other-log", RFC8032_SEED_1);
    const note = signNote(VECTOR.checkpointText, [
      createEd25519Signer("example.com/other-log", RFC8032_SEED_1),
    ]);
    expect(() => verifyCheckpoint(note, { logKeys: [otherName] })).toThrow(
      expect.objectContaining({ code: "origin_mismatch" }),
    );
    expect(verifyCheckpoint(note, { logKeys: [otherName], origin: VECTOR.logName }).checkpoint.size).toBe(8);
  });

  it("refuses a quorum larger than the witness list", () => {
    expect(() =>
      verifyCheckpoint(VECTOR_NOTE, { logKeys: [VECTOR.logVkey], witnesses: { keys: [], quorum: 1 } }),
    ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("verifies against a tlog-policy with nested groups", () => {
    const policy = parseTlogPolicy(
      [
        `log ${VECTOR.logVkey}`,
        ...[0, 1, 2, 3, 4].map((i) => `witness w${i} ${witnessVkey(i)}`),
        "group notaries 2 w0 w1 w2",
        "group courts any w3 w4",
        "group both all notaries courts",
        "quorum both",
      ].join("\n"),
    );
    const result = verifyCheckpointWithPolicy(cosigned([0, 1, 4]), policy);
    expect(result.cosignatures.map((c) => c.policyName)).toEqual(["w0", "w1", "w4"]);
    expect(() => verifyCheckpointWithPolicy(cosigned([0, 1]), policy)).toThrow(
      expect.objectContaining({ code: "quorum_not_met" }),
    );
  });

  it("accepts `quorum none` with only the log signature", () => {
    const policy = parseTlogPolicy(`log ${VECTOR.logVkey}\nquorum none\n`);
    expect(verifyCheckpointWithPolicy(cosigned([]), policy).cosignatures).toEqual([]);
  });
});
