import { hash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toBase64, toHex } from "./encoding";
import { leafHash, treeHash } from "./merkle";
import { consistencyProof, inclusionProof } from "./proofs";
import { RightEdgeTree } from "./right-edge-tree";
import { setSha256, sha256 } from "./sha256";
import {
  MemoryTileStore,
  matchesAbbreviated,
  numberedEntries,
  randomInt,
  seededRandom,
} from "./test-support";
import {
  decodeHashTile,
  encodeHashTile,
  tileConsistencyProof,
  tileInclusionProof,
  tileInternalNodes,
  tileTreeHash,
  treeHashFromRightEdge,
} from "./tile-hashes";
import { formatTilePath, rightEdgeTiles } from "./tile-path";
import { updateTiles } from "./tile-update";
import { verifyConsistency, verifyInclusion } from "./verify";

// The 70,000-entry tree of ledger-notes §1.10 (values checked there against Go's golang.org/x/mod).
// Hashing uses Node's native SHA-256, as the server configures it; merkle.test.ts shows both agree.
const SIZE = 70_000;
const ROOTS: [number, string][] = [
  [1, "QHZrIDNCkCb1PVRQJnmoOXBrR0H43K86i7pfQbX/4HU="],
  [2, "LyelCCwdQq+kiKw1Cp/EOQwIT1T3Hs3/hZ6Y24QptHk="],
  [3, "pkvybgkSj2/i/m+LLYyAHhZrV8BHp82bK4Ceepai8cs="],
  [255, "RdqfN0dI4Xo3L3HABCKxLiv5aELx9hxXQP5JTkvs/w8="],
  [256, "+F9OrTQIBxC00egIMBVDqquBqgTeuIWZNQ3Cak8vWN4="],
  [257, "kYsc7GTzF8duPPVcBTaEHAOe/wZ3LruIKM58F2Aotaw="],
  [1000, "0D1jt3KvmQGYF+4+AYKG02omFhvbW/6CKOksAqvpEV0="],
  [65536, "3yxgbRFEFvpgC/NJUVLgnjnovj0OLlUBw1KCZTmr2o4="],
  [70000, "pipUvjMpT/1aXExjf9dUYwtxqJLoNW46Zmpcin/9FRg="],
];
const TILE_DIGESTS: [string, string][] = [
  ["tile/0/000", "8921c57d…b590"],
  ["tile/0/272", "a7dec3f9…f4ac"],
  ["tile/0/273.p/112", "41c090f2…7f1d"],
  ["tile/1/000", "3f2180f3…85e0"],
  ["tile/1/001.p/17", "e7be92bf…3926"],
  ["tile/2/000.p/1", "a39abb51…b24c"],
];

let leafHashes: Uint8Array[] = [];
const store = new MemoryTileStore();

beforeAll(() => {
  setSha256((data) => hash("sha256", data, "buffer"));
  leafHashes = numberedEntries(SIZE).map(leafHash);
  for (const { tile, data } of updateTiles(0, [], leafHashes).tiles) store.write(formatTilePath(tile), data);
});
afterAll(() => setSha256(null));

describe("the 70,000-entry tree", () => {
  it("has the published roots at every listed size", () => {
    const tree = new RightEdgeTree();
    const roots = new Map(ROOTS);
    leafHashes.forEach((h) => {
      tree.appendLeafHash(h);
      const expected = roots.get(tree.size);
      if (expected) expect(toBase64(tree.rootHash()), `size ${tree.size}`).toBe(expected);
    });
  });

  it.each(TILE_DIGESTS)("has the published bytes for %s", (path, digest) => {
    const data = store.tiles.get(path);
    expect(data).toBeDefined();
    expect(matchesAbbreviated(toHex(sha256(data!)), digest), path).toBe(true);
  });

  it("computes the root from its partial tiles alone", () => {
    const rightEdge: Uint8Array[] = [];
    for (const tile of rightEdgeTiles(SIZE)) rightEdge[tile.level] = store.tiles.get(formatTilePath(tile))!;
    expect(toBase64(treeHashFromRightEdge(SIZE, rightEdge))).toBe(ROOTS.at(-1)![1]);
  });

  it.each(ROOTS)("reads the root at size %i from tiles", async (size, root) => {
    expect(toBase64(await tileTreeHash(store, size))).toBe(root);
  });

  it("proves entry 12,345 at size 70,000 with 17 hashes, one tile batch, each tile once", async () => {
    store.batches = [];
    const proof = await tileInclusionProof(store, 12_345, SIZE);
    expect(proof).toHaveLength(17);
    expect(proof.map(toHex)).toEqual(inclusionProof(12_345, SIZE, leafHashes).map(toHex));
    expect(verifyInclusion(12_345, SIZE, leafHashes[12_345]!, proof, treeHash(leafHashes))).toBe(true);
    expect(store.batches).toHaveLength(1);
    const read = store.batches[0]!.map(formatTilePath);
    expect(new Set(read).size).toBe(read.length);
    // Per level: the tile on the leaf's path, plus the right-edge (partial) tile shared by every
    // proof at this size — which the server keeps in memory.
    const rightEdge = new Set(rightEdgeTiles(SIZE).map(formatTilePath));
    const onPath = store.batches[0]!.filter((t) => !rightEdge.has(formatTilePath(t)));
    expect(onPath.map(formatTilePath)).toEqual(["tile/0/048", "tile/1/000"]);
  });

  it("proves consistency from 1,000 to 70,000 with 15 hashes", async () => {
    const proof = await tileConsistencyProof(store, 1000, SIZE);
    expect(proof).toHaveLength(15);
    expect(proof.map(toHex)).toEqual(consistencyProof(1000, SIZE, leafHashes).map(toHex));
    expect(verifyConsistency(1000, SIZE, treeHash(leafHashes, 0, 1000), treeHash(leafHashes), proof)).toBe(
      true,
    );
  });

  it("proves consistency from 65,536 to 70,000 with a single hash", async () => {
    expect(await tileConsistencyProof(store, 65_536, SIZE)).toHaveLength(1);
  });

  it("gives the same proofs from tiles as from the list for random indexes and sizes", async () => {
    const random = seededRandom(70_000);
    for (let k = 0; k < 6; k++) {
      const size = randomInt(random, 1, SIZE);
      const index = randomInt(random, 0, size - 1);
      const size1 = randomInt(random, 1, size);
      expect((await tileInclusionProof(store, index, size)).map(toHex)).toEqual(
        inclusionProof(index, size, leafHashes).map(toHex),
      );
      expect((await tileConsistencyProof(store, size1, size)).map(toHex)).toEqual(
        consistencyProof(size1, size, leafHashes).map(toHex),
      );
    }
  });

  it("refuses a tile reader answer that is too short", async () => {
    const broken = { readTiles: async (tiles: readonly unknown[]) => tiles.map(() => new Uint8Array(32)) };
    await expect(tileTreeHash(broken, 300)).rejects.toThrow(/bytes/);
  });
});

describe("hash tile encoding", () => {
  it("round-trips 1..256 hashes and rejects other lengths", () => {
    const hashes = leafHashes.slice(0, 17);
    expect(decodeHashTile(encodeHashTile(hashes), 17).map(toHex)).toEqual(hashes.map(toHex));
    expect(() => encodeHashTile([])).toThrow();
    expect(() => decodeHashTile(new Uint8Array(33))).toThrow(/not/);
    expect(() => decodeHashTile(new Uint8Array(64), 3)).toThrow(/not/);
  });
});

describe("tileInternalNodes", () => {
  it.each([256, 255, 130, 2, 1])(
    "holds every complete subtree of a tile of width %i, height by height",
    (width) => {
      const hashes = Array.from({ length: width }, (_, i) => leafHash(Uint8Array.of(i, width)));
      const internal = tileInternalNodes(encodeHashTile(hashes), width);
      let offset = 0;
      for (let height = 1; width >> height > 0; height++) {
        for (let i = 0; i < width >> height; i++) {
          const node = internal.subarray(offset, offset + 32);
          expect(toHex(node)).toBe(toHex(treeHash(hashes, i << height, (i + 1) << height)));
          offset += 32;
        }
      }
      expect(offset).toBe(internal.length);
    },
  );
});
