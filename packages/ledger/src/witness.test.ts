import { describe, expect, it } from "vitest";
import { cosignCheckpoint, createCosigner } from "./cosignature";
import { fromBase64, toBase64 } from "./encoding";
import { emptyTreeHash, leafHash, treeHash } from "./merkle";
import { consistencyProof } from "./proofs";
import { createEd25519Signer } from "./keys";
import { signNote } from "./note";
import { formatCheckpoint } from "./checkpoint";
import { RFC6962_LEAVES, RFC8032_SEED_1, RFC8032_SEED_2, VECTOR } from "./test-support";
import { createVerifier } from "./verifiers";
import {
  addCosignatures,
  decideAddCheckpoint,
  formatAddCheckpointRequest,
  parseAddCheckpointRequest,
  type WitnessLogState,
} from "./witness";

const hashes = RFC6962_LEAVES.map(leafHash);
const logSigner = createEd25519Signer(VECTOR.logName, RFC8032_SEED_1);
const logKeys = [createVerifier(VECTOR.logVkey)];
const LOG_NOTE = `${VECTOR.checkpointText}\n${VECTOR.logLine}`;

/** A checkpoint of the RFC 6962 tree at `size`, signed by the vector's log key. */
const signedAt = (size: number, root = treeHash(hashes, 0, size)): string =>
  signNote(formatCheckpoint({ origin: VECTOR.logName, size, rootHash: root, extensions: [] }), [logSigner]);
const stateAt = (size: number): WitnessLogState => ({ size, rootHash: treeHash(hashes, 0, size) });
const request = (oldSize: number, proof: Uint8Array[], checkpoint: string) =>
  parseAddCheckpointRequest(formatAddCheckpointRequest({ oldSize, proof, checkpoint }));

describe("add-checkpoint request bodies (tlog-witness)", () => {
  it("formats the notes' example for a witness that last saw size 6", () => {
    const body = formatAddCheckpointRequest({
      oldSize: 6,
      proof: consistencyProof(6, 8, hashes),
      checkpoint: LOG_NOTE,
    });
    expect(body).toBe(
      "old 6\n" +
        "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=\n" +
        "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=\n" +
        "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=\n" +
        "\n" +
        LOG_NOTE,
    );
    const parsed = parseAddCheckpointRequest(body);
    expect(parsed.oldSize).toBe(6);
    expect(parsed.proof.map(toBase64)).toHaveLength(3);
    expect(parsed.checkpoint).toBe(LOG_NOTE);
    expect(parsed.unverifiedCheckpoint.size).toBe(8);
  });

  it.each([
    ["no old line", `\n${LOG_NOTE}`],
    ["a leading zero", `old 06\n\n${LOG_NOTE}`],
    ["a bad proof line", `old 6\nnot-base64\n\n${LOG_NOTE}`],
    ["64 proof lines", `old 6\n${"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n".repeat(64)}\n${LOG_NOTE}`],
    ["an unsigned checkpoint", `old 0\n\n${VECTOR.checkpointText}`],
    ["a malformed checkpoint", `old 0\n\nexample.com/x\n08\nAAAA\n\n${VECTOR.logLine}`],
  ])("rejects a body with %s", (_, body) => {
    expect(() => parseAddCheckpointRequest(body)).toThrow(
      expect.objectContaining({ code: "malformed_request" }),
    );
  });
});

describe("the witness decision (tlog-witness add-checkpoint)", () => {
  const proof6to8 = consistencyProof(6, 8, hashes);

  it.each([
    ["cosigns a consistent extension", 6, proof6to8, signedAt(8), stateAt(6), 200],
    ["cosigns the first checkpoint with old 0", 0, [], signedAt(8), null, 200],
    ["cosigns the same checkpoint again (fresh timestamp)", 8, [], signedAt(8), stateAt(8), 200],
    ["cosigns the empty tree", 0, [], signedAt(0, emptyTreeHash()), null, 200],
    ["answers 400 when old exceeds the new size", 9, [], signedAt(8), stateAt(8), 400],
    [
      "answers 409 when old is not the last cosigned size",
      5,
      consistencyProof(5, 8, hashes),
      signedAt(8),
      stateAt(6),
      409,
    ],
    ["answers 409 to a client that starts with old 0", 0, [], signedAt(8), stateAt(6), 409],
    ["answers 422 to an empty tree with a wrong root", 0, [], signedAt(0, hashes[0]), null, 422],
    ["answers 422 to old 0 with a proof", 0, proof6to8, signedAt(8), null, 422],
    ["answers 422 to a bad consistency proof", 6, proof6to8.slice(1), signedAt(8), stateAt(6), 422],
    [
      "answers 422 to the same size with another root (a fork)",
      8,
      [],
      signedAt(8, hashes[1]),
      stateAt(8),
      422,
    ],
    ["answers 422 to the same size with a proof", 8, proof6to8, signedAt(8), stateAt(8), 422],
  ] as const)("%s", (_, oldSize, proof, checkpoint, state, status) => {
    const decision = decideAddCheckpoint(request(oldSize, [...proof], checkpoint), logKeys, state);
    expect(decision.status).toBe(status);
    if (decision.status === 409) {
      expect(decision.size).toBe(state!.size);
      expect(decision.body).toBe(`${state!.size}\n`);
      expect(decision.contentType).toBe("text/x.tlog.size");
    }
    if (decision.status === 200) expect(decision.newState.size).toBe(decision.checkpoint.size);
  });

  it("answers 404 for an origin it has no keys for", () => {
    expect(decideAddCheckpoint(request(6, proof6to8, signedAt(8)), undefined, stateAt(6)).status).toBe(404);
    expect(decideAddCheckpoint(request(6, proof6to8, signedAt(8)), [], stateAt(6)).status).toBe(404);
  });

  it("answers 403 when no trusted key signed, or a trusted key's signature fails", () => {
    const stranger = signNote(VECTOR.checkpointText, [createEd25519Signer(VECTOR.logName, RFC8032_SEED_2)]);
    expect(decideAddCheckpoint(request(6, proof6to8, stranger), logKeys, stateAt(6)).status).toBe(403);
    const forged = LOG_NOTE.replace("SP437iHN", "SP437iHM");
    expect(decideAddCheckpoint(request(6, proof6to8, forged), logKeys, stateAt(6)).status).toBe(403);
  });

  it("checks the signature before the sizes (403 before 400/409)", () => {
    const stranger = signNote(VECTOR.checkpointText, [createEd25519Signer(VECTOR.logName, RFC8032_SEED_2)]);
    expect(decideAddCheckpoint(request(9, [], stranger), logKeys, stateAt(3)).status).toBe(403);
  });

  it("returns the checkpoint body to cosign; the cosignature line completes the vector", () => {
    const decision = decideAddCheckpoint(request(6, proof6to8, LOG_NOTE), logKeys, stateAt(6));
    expect(decision.status).toBe(200);
    if (decision.status !== 200) return;
    const cosigner = createCosigner(VECTOR.witnessName, RFC8032_SEED_2, () => VECTOR.timestamp);
    const line = cosignCheckpoint(decision.checkpointText, cosigner);
    expect(line).toBe(VECTOR.witnessLine);
    expect(toBase64(decision.newState.rootHash)).toBe(
      toBase64(fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")),
    );
  });
});

describe("adding a witness's answer to the checkpoint (client side)", () => {
  const witnessKeys = [createVerifier(VECTOR.witnessVkey)];

  it("appends the configured witness's cosignature", () => {
    expect(addCosignatures(LOG_NOTE, VECTOR.witnessLine, witnessKeys)).toBe(
      `${LOG_NOTE}${VECTOR.witnessLine}`,
    );
  });

  it("drops lines from keys it did not configure", () => {
    const polluted = `${VECTOR.witnessLine}— example.com/spam AAAAAAAA\n`;
    expect(addCosignatures(LOG_NOTE, polluted, witnessKeys)).toBe(`${LOG_NOTE}${VECTOR.witnessLine}`);
  });

  it("refuses an answer without a valid configured cosignature", () => {
    expect(() => addCosignatures(LOG_NOTE, VECTOR.logLine, witnessKeys)).toThrow(
      expect.objectContaining({ code: "unverified_note" }),
    );
    const forged = VECTOR.witnessLine.replace("ur2+VQAAAABlU/EA", "ur2+VQAAAABlU/EB");
    expect(() => addCosignatures(LOG_NOTE, forged, witnessKeys)).toThrow(
      expect.objectContaining({ code: "invalid_signature" }),
    );
  });
});
