import { describe, expect, it } from "vitest";
import {
  changedTiles,
  formatEntryBundlePath,
  formatTileIndex,
  formatTilePath,
  parseTilePath,
  rightEdgeTiles,
  tilesForTreeSize,
  type Tile,
} from "./tile-path";

const paths = (tiles: Tile[]): string[] => tiles.map(formatTilePath);

describe("tile paths (tlog-tiles)", () => {
  it.each([
    [0, "000"],
    [5, "005"],
    [999, "999"],
    [1000, "x001/000"],
    [1234067, "x001/x234/067"],
    [273, "273"],
  ])("writes index %i as %s", (index, text) => {
    expect(formatTileIndex(index)).toBe(text);
  });

  it.each([
    [{ level: 0, index: 273, width: 112 }, "tile/0/273.p/112"],
    [{ level: 1, index: 1, width: 17 }, "tile/1/001.p/17"],
    [{ level: 2, index: 0, width: 1 }, "tile/2/000.p/1"],
    [{ level: 0, index: 1234067, width: 256 }, "tile/0/x001/x234/067"],
  ])("formats %o as %s and parses it back", (tile, path) => {
    expect(formatTilePath(tile)).toBe(path);
    expect(parseTilePath(path)).toEqual({ kind: "hash", ...tile });
  });

  it("formats and parses entry bundle paths", () => {
    expect(formatEntryBundlePath(273, 112)).toBe("tile/entries/273.p/112");
    expect(parseTilePath("tile/entries/273.p/112")).toEqual({ kind: "entries", index: 273, width: 112 });
    expect(parseTilePath("tile/entries/x001/000")).toEqual({ kind: "entries", index: 1000, width: 256 });
  });

  it.each([
    "tile/0/5",
    "tile/0/0005",
    "tile/00/005",
    "tile/64/000",
    "tile/0/x000/005",
    "tile/0/x1/005",
    "tile/0/001/002",
    "tile/0/005.p/0",
    "tile/0/005.p/256",
    "tile/0/005.p/012",
    "tile/0/005.p/",
    "tile/data/005",
    "/tile/0/005",
    "tile/0/005/",
    "tile/-1/005",
    "tile/0/x999/x999/x999/x999/x999/999",
  ])("rejects the non-canonical or malformed path %s", (path) => {
    expect(parseTilePath(path)).toBeNull();
  });
});

describe("tiles implied by a tree size", () => {
  it("lists 273 full level-0 tiles plus 273.p/112, 1/000, 1/001.p/17 and 2/000.p/1 at size 70,000", () => {
    const tiles = tilesForTreeSize(70_000);
    const level0 = tiles.filter((t) => t.level === 0);
    expect(level0.filter((t) => t.width === 256)).toHaveLength(273);
    expect(paths(tiles.filter((t) => t.width < 256 || t.level > 0))).toEqual([
      "tile/0/273.p/112",
      "tile/1/000",
      "tile/1/001.p/17",
      "tile/2/000.p/1",
    ]);
    expect(paths(rightEdgeTiles(70_000))).toEqual(["tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1"]);
  });

  it("lists tile/0/000 and tile/1/000.p/1 at size 256", () => {
    expect(paths(tilesForTreeSize(256))).toEqual(["tile/0/000", "tile/1/000.p/1"]);
    expect(paths(rightEdgeTiles(256))).toEqual(["tile/1/000.p/1"]);
  });

  it("has no tiles for the empty tree", () => {
    expect(tilesForTreeSize(0)).toEqual([]);
  });

  it("lists only what changed between two sizes, as Go's tlog.NewTiles", () => {
    expect(paths(changedTiles(250, 260))).toEqual(["tile/0/000", "tile/0/001.p/4", "tile/1/000.p/1"]);
    expect(paths(changedTiles(256, 257))).toEqual(["tile/0/001.p/1"]);
    expect(changedTiles(300, 300)).toEqual([]);
    expect(() => changedTiles(10, 9)).toThrow();
  });
});
