import { hash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHex } from "./encoding";
import { leafHash, treeHash } from "./merkle";
import { RightEdgeTree } from "./right-edge-tree";
import { setSha256 } from "./sha256";
import { MemoryTileStore, randomInt, seededRandom } from "./test-support";
import { formatTilePath } from "./tile-path";
import { updateTiles, updateTilesFromReader } from "./tile-update";

beforeAll(() => setSha256((data) => hash("sha256", data, "buffer")));
afterAll(() => setSha256(null));

const hashesFor = (count: number, salt: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => leafHash(Uint8Array.of(salt, i % 256, (i >> 8) % 256, i >> 16)));

describe("incremental tile updates", () => {
  it("writes the same tiles batch by batch as in one go, full tiles exactly once", async () => {
    const leaves = hashesFor(70_500, 1);
    const store = new MemoryTileStore();
    const tree = new RightEdgeTree();
    const random = seededRandom(256);
    let size = 0;
    while (size < leaves.length) {
      const batch = leaves.slice(size, size + randomInt(random, 1, 3000));
      const result = await updateTilesFromReader(store, size, batch);
      for (const { tile, data } of result.tiles) store.write(formatTilePath(tile), data);
      batch.forEach((h) => tree.appendLeafHash(h));
      size = result.size;
      expect(toHex(result.treeHash), `size ${size}`).toBe(toHex(tree.rootHash()));
    }
    const oneGo = updateTiles(0, [], leaves);
    for (const { tile, data } of oneGo.tiles) {
      expect(toHex(store.tiles.get(formatTilePath(tile))!), formatTilePath(tile)).toBe(toHex(data));
    }
    for (const [path, count] of store.writes) if (!path.includes(".p/")) expect(count, path).toBe(1);
  });

  it("rewrites only the partial tile (and nothing above) for one leaf inside a tile", () => {
    const leaves = hashesFor(300, 2);
    const first = updateTiles(0, [], leaves.slice(0, 299));
    const next = updateTiles(299, first.rightEdge, leaves.slice(299));
    expect(next.tiles.map((t) => formatTilePath(t.tile))).toEqual(["tile/0/001.p/44"]);
    expect(toHex(next.treeHash)).toBe(toHex(treeHash(leaves)));
  });

  it("completes a tile and adds its root one level up", () => {
    const leaves = hashesFor(512, 3);
    const first = updateTiles(0, [], leaves.slice(0, 511));
    const next = updateTiles(511, first.rightEdge, leaves.slice(511));
    expect(next.tiles.map((t) => formatTilePath(t.tile))).toEqual(["tile/0/001", "tile/1/000.p/2"]);
    expect(next.rightEdge[0]).toHaveLength(0);
    expect(toHex(next.treeHash)).toBe(toHex(treeHash(leaves)));
  });

  it("changes nothing for an empty batch", () => {
    const leaves = hashesFor(70, 4);
    const first = updateTiles(0, [], leaves);
    const next = updateTiles(70, first.rightEdge, []);
    expect(next.tiles).toEqual([]);
    expect(toHex(next.treeHash)).toBe(toHex(first.treeHash));
  });

  it("refuses right-edge data that does not match the old size", () => {
    const leaves = hashesFor(10, 5);
    const first = updateTiles(0, [], leaves);
    expect(() => updateTiles(11, first.rightEdge, leaves)).toThrow(/partial tile/);
  });
});
