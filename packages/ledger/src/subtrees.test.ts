import { describe, expect, it } from "vitest";
import { toHex } from "./encoding";
import { leafHash, treeHash } from "./merkle";
import { consistencyProof, inclusionProof } from "./proofs";
import {
  completeSubtreeHash,
  readConsistencyProof,
  readInclusionProof,
  readInclusionProofs,
  readTreeHash,
  subtreesOfRange,
  type SubtreeHashSource,
} from "./subtrees";

const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Uint8Array.of(i)));

/** Stored subtree hashes computed on demand from the list; counts requests. */
function listSource(list: Uint8Array[]): SubtreeHashSource & { requests: number } {
  return {
    requests: 0,
    async readSubtreeHashes(ids) {
      this.requests++;
      return ids.map(({ level, index }) => treeHash(list, index * 2 ** level, (index + 1) * 2 ** level));
    },
  };
}

describe("complete subtrees", () => {
  it.each([
    [0, 13, "3/0 2/2 0/12"],
    [8, 12, "2/2"],
    [5, 6, "0/5"],
    [4, 8, "2/1"],
    [6, 13, "1/3 2/2 0/12"],
    [3, 3, ""],
  ])("splits [%i, %i) into %s", (start, end, expected) => {
    expect(
      subtreesOfRange(start, end)
        .map((s) => `${s.level}/${s.index}`)
        .join(" "),
    ).toBe(expected);
  });

  it("hashes a power-of-two list as its tree root and refuses other lengths", () => {
    expect(toHex(completeSubtreeHash(leaves.slice(0, 16)))).toBe(toHex(treeHash(leaves, 0, 16)));
    expect(() => completeSubtreeHash(leaves.slice(0, 3))).toThrow(/power-of-two/);
  });
});

describe("proofs from stored subtree hashes", () => {
  it("match the in-memory proofs for every index, size and size pair up to 40, one batch each", async () => {
    for (let size = 1; size <= leaves.length; size++) {
      const source = listSource(leaves);
      expect(toHex(await readTreeHash(source, size))).toBe(toHex(treeHash(leaves, 0, size)));
      for (let i = 0; i < size; i++) {
        expect((await readInclusionProof(source, i, size)).map(toHex)).toEqual(
          inclusionProof(i, size, leaves).map(toHex),
        );
        expect((await readConsistencyProof(source, i + 1, size)).map(toHex)).toEqual(
          consistencyProof(i + 1, size, leaves).map(toHex),
        );
      }
      // One batch per non-empty proof; empty proofs (one-leaf tree, equal sizes) read nothing.
      expect(source.requests).toBe(size === 1 ? 1 : 2 * size);
    }
  });

  it("reads the proofs of many leaves in one batch, each equal to its own proof", async () => {
    for (const size of [1, 2, 7, 16, 33, 40]) {
      const source = listSource(leaves);
      const indexes = [...Array.from({ length: size }, (_, i) => i), 0, size - 1];
      const proofs = await readInclusionProofs(source, indexes, size);
      expect(proofs.map((p) => p.map(toHex))).toEqual(
        indexes.map((i) => inclusionProof(i, size, leaves).map(toHex)),
      );
      expect(source.requests).toBe(size === 1 ? 0 : 1);
    }
    await expect(readInclusionProofs(listSource(leaves), [5], 5)).rejects.toThrow(/below the tree size/);
  });

  it("refuses a source that answers a different number of hashes", async () => {
    const short: SubtreeHashSource = { readSubtreeHashes: async () => [] };
    await expect(readTreeHash(short, 5)).rejects.toThrow(/wrong count/);
  });
});

describe("batches of inclusion proofs in very large trees", () => {
  // Stand-in stored hashes: any function of the subtree does, the proofs only have to agree.
  const synthetic: SubtreeHashSource = {
    async readSubtreeHashes(ids) {
      return ids.map(({ level, index }) => leafHash(new TextEncoder().encode(`${level}/${index}`)));
    },
  };

  it.each([2 ** 40 + 3, 2 ** 47 - 1, 2 ** 47, 2 ** 47 + 5, 2 ** 52 + 77])(
    "match single proofs at size %i, below and above the numeric-key limit",
    async (size) => {
      const indexes = [0, 1, size - 2, size - 1, Math.floor(size / 3), Math.floor(size / 3) + 1, size - 1];
      const batch = await readInclusionProofs(synthetic, indexes, size);
      for (const [i, index] of indexes.entries()) {
        const single = await readInclusionProof(synthetic, index, size);
        expect(batch[i]!.map(toHex)).toEqual(single.map(toHex));
      }
    },
  );
});
