import { isSize } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE } from "./merkle";
import {
  rightEdgeHashes,
  tileInternalNodes,
  treeHashFromRightEdge,
  type RightEdgeTileData,
  type TileReader,
} from "./tile-hashes";
import { TILE_WIDTH, hashCountAtLevel, rightEdgeTiles, type Tile } from "./tile-path";

/** One tile to write: full tiles are written once, partial tiles are rewritten as they grow. */
export interface TileUpdate {
  tile: Tile;
  data: Uint8Array;
  /** For a full tile: its internal Merkle nodes (`tileInternalNodes`), computed to hash it upward. */
  internal?: Uint8Array;
}

/** Result of appending leaves to a tiled tree. */
export interface TileUpdateResult {
  /** New size of the tree. */
  size: number;
  /** Every tile whose bytes changed, lowest level first, then by index. */
  tiles: TileUpdate[];
  /** Partial tile bytes of the new size, indexed by level (empty where there is no partial tile). */
  rightEdge: Uint8Array[];
  /** Root hash at the new size, computed from the new tiles. */
  treeHash: Uint8Array;
}

/**
 * Appends leaf hashes to a tree stored as hash tiles (what a sequencer does after each batch).
 * `rightEdge` holds the partial tiles of `oldSize` by level (see rightEdgeTiles). A tile that fills
 * up yields a new hash one level up (its 256-entry subtree root); partial tiles are never hashed
 * upward. Throws `invalid_argument` or `malformed_tile`.
 */
export function updateTiles(
  oldSize: number,
  rightEdge: RightEdgeTileData,
  newLeafHashes: readonly Uint8Array[],
): TileUpdateResult {
  if (!isSize(oldSize)) throw new LedgerError("invalid_argument", "invalid tree size");
  for (const h of newLeafHashes) {
    if (h.length !== HASH_SIZE) throw new LedgerError("invalid_argument", "leaf hashes must be 32 bytes");
  }
  const newSize = oldSize + newLeafHashes.length;
  if (!isSize(newSize)) throw new LedgerError("invalid_argument", "tree size overflow");
  const tiles: TileUpdate[] = [];
  const newRightEdge: Uint8Array[] = [];
  let added: readonly Uint8Array[] = newLeafHashes;
  for (let level = 0; hashCountAtLevel(newSize, level) > 0; level++) {
    const existing = rightEdgeHashes(oldSize, level, rightEdge);
    const oldCount = hashCountAtLevel(oldSize, level);
    const newCount = hashCountAtLevel(newSize, level);
    if (newCount === oldCount) {
      newRightEdge[level] = (rightEdge[level] ?? new Uint8Array(0)).slice();
      continue;
    }
    const completed: Uint8Array[] = [];
    const firstTile = Math.floor(oldCount / TILE_WIDTH);
    const lastTile = Math.floor((newCount - 1) / TILE_WIDTH);
    newRightEdge[level] = new Uint8Array(0);
    for (let t = firstTile; t <= lastTile; t++) {
      const tileStart = t * TILE_WIDTH;
      const width = Math.min(TILE_WIDTH, newCount - tileStart);
      const data = new Uint8Array(width * HASH_SIZE);
      let position = tileStart;
      if (t === firstTile) {
        for (const h of existing) data.set(h, (position++ - tileStart) * HASH_SIZE);
      }
      for (; position < tileStart + width; position++)
        data.set(added[position - oldCount]!, (position - tileStart) * HASH_SIZE);
      if (width === TILE_WIDTH) {
        const internal = tileInternalNodes(data, width);
        tiles.push({ tile: { level, index: t, width }, data, internal });
        completed.push(internal.slice(internal.length - HASH_SIZE));
      } else {
        tiles.push({ tile: { level, index: t, width }, data });
        newRightEdge[level] = data;
      }
    }
    added = completed;
  }
  return {
    size: newSize,
    tiles,
    rightEdge: newRightEdge,
    treeHash: treeHashFromRightEdge(newSize, newRightEdge),
  };
}

/** Reads the partial tiles of `oldSize` through `reader`, then runs updateTiles. */
export async function updateTilesFromReader(
  reader: TileReader,
  oldSize: number,
  newLeafHashes: readonly Uint8Array[],
): Promise<TileUpdateResult> {
  const partial = rightEdgeTiles(oldSize);
  const data = partial.length === 0 ? [] : await reader.readTiles(partial);
  const rightEdge: Uint8Array[] = [];
  partial.forEach((tile, i) => {
    const bytes = data[i];
    if (bytes === undefined || bytes.length < tile.width * HASH_SIZE) {
      throw new LedgerError("malformed_tile", `partial tile at level ${tile.level} is missing or short`);
    }
    rightEdge[tile.level] = bytes.subarray(0, tile.width * HASH_SIZE);
  });
  return updateTiles(oldSize, rightEdge, newLeafHashes);
}
