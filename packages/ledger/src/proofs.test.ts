import { RFC9162 } from "@transmute/rfc9162";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, toHex } from "./encoding";
import { isPowerOfTwo, leafHash, treeHash } from "./merkle";
import { consistencyProof, inclusionProof } from "./proofs";
import { RFC6962_LEAVES, randomInt, seededRandom } from "./test-support";
import { verifyConsistency, verifyInclusion } from "./verify";

const hashes = RFC6962_LEAVES.map(leafHash);
const b64 = (list: Uint8Array[]): string => list.map(toBase64).join(" ");

// ledger-notes §1.10: proofs in the 8-leaf RFC 6962 tree (identical in Go x/mod and @transmute/rfc9162).
const INCLUSION_8 = [
  [
    0,
    "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
  ],
  [
    2,
    "B1Bqhf2d0vEg62lPhgEeW7RmLlxBWmKRcDPUqWJEh+c= +sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
  ],
  [
    5,
    "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms= yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
  ],
  [
    7,
    "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8= DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
  ],
] as const;
const CONSISTENCY_8 = [
  [
    1,
    "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c= Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
  ],
  [
    3,
    "ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c= B1Bqhf2d0vEg62lPhgEeW7RmLlxBWmKRcDPUqWJEh+c= +sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU= a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
  ],
  [4, "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="],
  [
    6,
    "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o= yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA= 037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
  ],
] as const;

describe("inclusion proofs (RFC 9162 §2.1.3)", () => {
  it.each(INCLUSION_8)("match the published proof for leaf %i of 8", (index, expected) => {
    const proof = inclusionProof(index, 8, hashes);
    expect(b64(proof)).toBe(expected);
    expect(verifyInclusion(index, 8, hashes[index]!, proof, treeHash(hashes))).toBe(true);
  });

  it("is empty for the only leaf of a one-leaf tree", () => {
    expect(inclusionProof(0, 1, hashes)).toEqual([]);
    expect(verifyInclusion(0, 1, hashes[0]!, [], hashes[0]!)).toBe(true);
  });

  it("refuses an index at or beyond the size", () => {
    expect(() => inclusionProof(8, 8, hashes)).toThrow();
    expect(verifyInclusion(8, 8, hashes[0]!, [], treeHash(hashes))).toBe(false);
  });

  it("rejects a proof longer than the path (the sn == 0 check)", () => {
    const proof = inclusionProof(6, 8, hashes);
    const padded = [...proof, fromBase64(toBase64(treeHash(hashes)))];
    expect(verifyInclusion(6, 8, hashes[6]!, padded, treeHash(hashes))).toBe(false);
  });

  // Trap (ledger-notes §1.2): the proof does not commit to the tree size. A proof for size n can
  // also verify when a caller claims size n+1 with the SAME root — harmless only because size and
  // root always come together from a signed checkpoint, and the real root of n+1 never matches.
  it("accepts a size-n proof at a claimed size n+1 only with the size-n root, never the real one", () => {
    const leaves = Array.from({ length: 71 }, (_, i) => leafHash(Uint8Array.of(i)));
    let trapped = 0;
    for (let n = 1; n <= 70; n++) {
      const rootN = treeHash(leaves, 0, n);
      const rootNext = treeHash(leaves, 0, n + 1);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, n, leaves);
        if (verifyInclusion(i, n + 1, leaves[i]!, proof, rootN)) trapped++;
        expect(verifyInclusion(i, n + 1, leaves[i]!, proof, rootNext)).toBe(false);
      }
    }
    expect(trapped).toBe(2218); // the count ledger-notes §1.2 reports for sizes up to 70
  });
});

describe("consistency proofs (RFC 9162 §2.1.4)", () => {
  it.each(CONSISTENCY_8)("match the published proof from %i to 8", (size1, expected) => {
    const proof = consistencyProof(size1, 8, hashes);
    expect(b64(proof)).toBe(expected);
    expect(verifyConsistency(size1, 8, treeHash(hashes, 0, size1), treeHash(hashes), proof)).toBe(true);
  });

  it("gives the published size-6 root", () => {
    expect(toBase64(treeHash(hashes, 0, 6))).toBe("duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=");
  });

  it("is empty between equal sizes and from the empty tree", () => {
    expect(consistencyProof(8, 8, hashes)).toEqual([]);
    expect(consistencyProof(0, 8, hashes)).toEqual([]);
  });

  // Without the final sn == 0 check (Haskell hash-tree 0.1.1), a proof for size2 also "verifies"
  // for a larger claimed size2 whose path it does not reach the top of.
  it("needs the second size fully consumed (sn == 0): a larger claimed size2 fails", () => {
    const leaves = Array.from({ length: 64 }, (_, i) => leafHash(Uint8Array.of(i)));
    for (let size2 = 2; size2 <= 64; size2++) {
      for (let size1 = 1; size1 < size2; size1++) {
        const proof = consistencyProof(size1, size2, leaves);
        const root1 = treeHash(leaves, 0, size1);
        const root2 = treeHash(leaves, 0, size2);
        expect(verifyConsistency(size1, size2, root1, root2, proof)).toBe(true);
        expect(verifyConsistency(size1, size2 * 2, root1, root2, proof)).toBe(false);
        expect(verifyConsistency(size1, size2 * 4, root1, root2, proof)).toBe(false);
      }
    }
  });

  // Same trap as for inclusion: e.g. the 1 → 3 proof also verifies as 1 → 4 with the size-3 root.
  // Only a signed (size, root) pair makes the claim meaningful.
  it("does not bind the claimed size2 by itself (take it from a signed checkpoint)", () => {
    const leaves = Array.from({ length: 4 }, (_, i) => leafHash(Uint8Array.of(i)));
    const proof = consistencyProof(1, 3, leaves);
    const root1 = treeHash(leaves, 0, 1);
    expect(verifyConsistency(1, 4, root1, treeHash(leaves, 0, 3), proof)).toBe(true);
    expect(verifyConsistency(1, 4, root1, treeHash(leaves, 0, 4), proof)).toBe(false);
  });

  it("rejects the 1 → 8 proof when its last hash is dropped or extended", () => {
    const proof = consistencyProof(1, 8, hashes);
    const root1 = treeHash(hashes, 0, 1);
    const root8 = treeHash(hashes);
    expect(verifyConsistency(1, 8, root1, root8, proof.slice(0, -1))).toBe(false);
    expect(verifyConsistency(1, 8, root1, root8, [...proof, root8])).toBe(false);
  });
});

describe("agreement with @transmute/rfc9162 on random trees", () => {
  const random = seededRandom(9162);
  const sizes = Array.from({ length: 30 }, () => randomInt(random, 1, 300));

  it("computes the same roots and proofs for random sizes 1..300", async () => {
    for (const size of sizes) {
      const entries = Array.from({ length: size }, () =>
        Uint8Array.from({ length: randomInt(random, 0, 40) }, () => randomInt(random, 0, 255)),
      );
      const leafHashes = entries.map(leafHash);
      const root = treeHash(leafHashes);
      expect(toHex(root)).toBe(toHex(await RFC9162.MTH(entries)));
      for (let k = 0; k < 2; k++) {
        const index = randomInt(random, 0, size - 1);
        const proof = inclusionProof(index, size, leafHashes);
        expect(b64(proof)).toBe(b64(await RFC9162.PATH(index, entries)));
        expect(verifyInclusion(index, size, leafHashes[index]!, proof, root)).toBe(true);
        const size1 = randomInt(random, 1, size);
        const consistency = consistencyProof(size1, size, leafHashes);
        const oracle = size1 === size ? [] : await RFC9162.PROOF(size1, entries);
        // The oracle's SUBPROOF ignores the `b` flag when m = n, so for a power-of-two size1 it
        // prepends MTH(D[0:size1]) = root1 — the hash RFC 9162 verifiers re-add themselves.
        const oracleProof = size1 < size && isPowerOfTwo(size1) ? oracle.slice(1) : oracle;
        if (oracleProof !== oracle) expect(toHex(oracle[0]!)).toBe(toHex(treeHash(leafHashes, 0, size1)));
        expect(b64(consistency)).toBe(b64(oracleProof));
        expect(verifyConsistency(size1, size, treeHash(leafHashes, 0, size1), root, consistency)).toBe(true);
      }
    }
  });
});
