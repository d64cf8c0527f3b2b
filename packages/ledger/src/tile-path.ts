import { isSize } from "./encoding";
import { LedgerError } from "./errors";

/** Hashes per full tile (tlog-tiles: tile height 8). */
export const TILE_WIDTH = 256;
/** Tree levels per tile level. */
export const TILE_HEIGHT = 8;
/** Highest tile level tlog-tiles allows in a path. */
export const MAX_TILE_LEVEL = 63;

/**
 * A hash tile: at tile level `level`, tile number `index`, holding `width` (1..256) hashes; hash i is
 * MTH(D[(index·256+i)·256^level : (index·256+i+1)·256^level]). Width 256 = full tile.
 */
export interface Tile {
  level: number;
  index: number;
  width: number;
}

/** A parsed tlog-tiles resource path. Entry bundles share the index/width of level-0 tiles. */
export type TilePath = ({ kind: "hash" } & Tile) | { kind: "entries"; index: number; width: number };

/** tlog-tiles index encoding: 3-digit groups, all but the last prefixed with x (1234067 → x001/x234/067). */
export function formatTileIndex(index: number): string {
  if (!isSize(index)) throw new LedgerError("invalid_argument", "invalid tile index");
  let n = index;
  let out = String(n % 1000).padStart(3, "0");
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    out = `x${String(n % 1000).padStart(3, "0")}/${out}`;
  }
  return out;
}

function checkTile(level: number, index: number, width: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new LedgerError("invalid_argument", "tile level must be 0..63");
  }
  if (!isSize(index)) throw new LedgerError("invalid_argument", "invalid tile index");
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new LedgerError("invalid_argument", "tile width must be 1..256");
  }
}

/** Path of a hash tile: `tile/<L>/<N>` or `tile/<L>/<N>.p/<W>` for a partial tile. */
export function formatTilePath(tile: Tile): string {
  checkTile(tile.level, tile.index, tile.width);
  const suffix = tile.width < TILE_WIDTH ? `.p/${tile.width}` : "";
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${suffix}`;
}

/** Path of an entry bundle: `tile/entries/<N>` or `tile/entries/<N>.p/<W>`. */
export function formatEntryBundlePath(index: number, width: number): string {
  checkTile(0, index, width);
  const suffix = width < TILE_WIDTH ? `.p/${width}` : "";
  return `tile/entries/${formatTileIndex(index)}${suffix}`;
}

const TILE_PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/**
 * Parses a tlog-tiles path (relative to the log prefix) for an HTTP router. Only the canonical
 * spelling is accepted — no leading-zero groups or numbers, level ≤ 63, partial width 1..255 —
 * so each resource has exactly one URL. Returns null for anything else.
 */
export function parseTilePath(path: string): TilePath | null {
  const match = TILE_PATH.exec(path);
  if (!match) return null;
  const [, levelText, indexText, widthText] = match;
  const groups = indexText!.split("/").map((g) => g.replace("x", ""));
  if (groups.length > 1 && groups[0] === "000") return null;
  let index = 0;
  for (const g of groups) index = index * 1000 + Number(g);
  if (!isSize(index)) return null;
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (widthText !== undefined && width >= TILE_WIDTH) return null; // a full tile has no .p/ suffix
  if (levelText === "entries") return { kind: "entries", index, width };
  const level = Number(levelText);
  if (level > MAX_TILE_LEVEL) return null;
  return { kind: "hash", level, index, width };
}

/** Number of hashes stored at tile level `level` for a tree of `size` leaves: floor(size / 256^level). */
export function hashCountAtLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/**
 * The hash tiles that must be (re)written when the tree grows from oldSize to newSize (Go:
 * tlog.NewTiles): every full tile completed in between and the new partial tile of each level.
 * Level-0 entries are also the entry bundles to write. tilesForTreeSize(n) = changedTiles(0, n).
 */
export function changedTiles(oldSize: number, newSize: number): Tile[] {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) {
    throw new LedgerError("invalid_argument", "oldSize must not exceed newSize");
  }
  const tiles: Tile[] = [];
  for (let level = 0; hashCountAtLevel(newSize, level) > 0; level++) {
    const oldCount = hashCountAtLevel(oldSize, level);
    const newCount = hashCountAtLevel(newSize, level);
    if (oldCount === newCount) continue;
    const lastFull = Math.floor(newCount / TILE_WIDTH);
    for (let n = Math.floor(oldCount / TILE_WIDTH); n < lastFull; n++)
      tiles.push({ level, index: n, width: TILE_WIDTH });
    const width = newCount % TILE_WIDTH;
    if (width > 0) tiles.push({ level, index: lastFull, width });
  }
  return tiles;
}

/** Every hash tile (full and partial) a tree of `size` leaves implies, level by level. */
export function tilesForTreeSize(size: number): Tile[] {
  return changedTiles(0, size);
}

/**
 * The partial tiles of a tree size, one per level where floor(size/256^level) mod 256 > 0, lowest
 * level first. They hold the tree's right edge: root and proofs at this size can be computed from
 * them plus full tiles, and the next tile update starts from them.
 */
export function rightEdgeTiles(size: number): Tile[] {
  if (!isSize(size)) throw new LedgerError("invalid_argument", "invalid tree size");
  const tiles: Tile[] = [];
  for (let level = 0; hashCountAtLevel(size, level) > 0; level++) {
    const count = hashCountAtLevel(size, level);
    const width = count % TILE_WIDTH;
    if (width > 0) tiles.push({ level, index: Math.floor(count / TILE_WIDTH), width });
  }
  return tiles;
}
