import { isSize } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE, emptyTreeHash, foldSubtreeHashes, nodeHash } from "./merkle";
import {
  completeSubtreeHash,
  readConsistencyProof,
  readInclusionProof,
  readTreeHash,
  type SubtreeHashSource,
  type SubtreeId,
} from "./subtrees";
import { TILE_HEIGHT, TILE_WIDTH, formatTilePath, hashCountAtLevel, type Tile } from "./tile-path";

/** Reads hash tiles, e.g. from files, object storage or HTTP (Go: tlog.TileReader). */
export interface TileReader {
  /**
   * Returns the bytes of each tile, in request order. A full tile may be returned for a partial one
   * (clients fall back to it once the partial is deleted); only the first `width` hashes are used.
   */
  readTiles(tiles: readonly Tile[]): Promise<Uint8Array[]>;
}

/** Tile bytes: the concatenation of 1..256 32-byte hashes. Throws `invalid_argument`. */
export function encodeHashTile(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length < 1 || hashes.length > TILE_WIDTH) {
    throw new LedgerError("invalid_argument", "a tile holds 1..256 hashes");
  }
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => {
    if (h.length !== HASH_SIZE) throw new LedgerError("invalid_argument", "tile hashes must be 32 bytes");
    out.set(h, i * HASH_SIZE);
  });
  return out;
}

/** Splits tile bytes into hashes (views into `data`). Throws `malformed_tile`. */
export function decodeHashTile(data: Uint8Array, width?: number): Uint8Array[] {
  const count = data.length / HASH_SIZE;
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    count > TILE_WIDTH ||
    (width !== undefined && width !== count)
  ) {
    throw new LedgerError(
      "malformed_tile",
      `tile of ${data.length} bytes is not ${width ?? "1..256"} hashes`,
    );
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

/** Where subtree (level h, index k) lives: tile level ⌊h/8⌋, 2^(h mod 8) adjacent entries. */
function locate(id: SubtreeId, treeSize: number): { tile: Tile; offset: number; count: number } {
  const tileLevel = Math.floor(id.level / TILE_HEIGHT);
  const count = 2 ** (id.level % TILE_HEIGHT);
  const first = id.index * count; // index of the first hash at this tile level
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const available = hashCountAtLevel(treeSize, tileLevel) - tileIndex * TILE_WIDTH;
  const offset = first % TILE_WIDTH;
  if (!isSize(id.index) || offset + count > available) {
    throw new LedgerError(
      "invalid_argument",
      `subtree ${id.level}/${id.index} is not complete at size ${treeSize}`,
    );
  }
  return {
    tile: { level: tileLevel, index: tileIndex, width: Math.min(TILE_WIDTH, available) },
    offset,
    count,
  };
}

/**
 * A SubtreeHashSource backed by hash tiles of a tree of `treeSize` leaves (Go: tlog.TileHashReader,
 * without its tile authentication — callers verify the resulting proof or root against a signed
 * checkpoint). Each batch reads each needed tile once; a subtree whose height is not a multiple of 8
 * is rebuilt by hashing 2^(h mod 8) entries of its tile.
 */
export function tileHashSource(reader: TileReader, treeSize: number): SubtreeHashSource {
  if (!isSize(treeSize)) throw new LedgerError("invalid_argument", "invalid tree size");
  return {
    async readSubtreeHashes(ids) {
      const locations = ids.map((id) => locate(id, treeSize));
      const tiles = new Map<string, Tile>();
      for (const { tile } of locations) tiles.set(formatTilePath(tile), tile);
      const keys = [...tiles.keys()];
      const list = [...tiles.values()];
      const data = await reader.readTiles(list);
      if (data.length !== list.length)
        throw new LedgerError("malformed_tile", "tile reader answered the wrong count");
      const hashesByPath = new Map<string, Uint8Array[]>();
      list.forEach((tile, i) => {
        const bytes = data[i]!;
        if (
          bytes.length < tile.width * HASH_SIZE ||
          bytes.length % HASH_SIZE !== 0 ||
          bytes.length > TILE_WIDTH * HASH_SIZE
        ) {
          throw new LedgerError("malformed_tile", `${keys[i]!} has ${bytes.length} bytes`);
        }
        hashesByPath.set(keys[i]!, decodeHashTile(bytes.subarray(0, tile.width * HASH_SIZE)));
      });
      return locations.map(({ tile, offset, count }) => {
        const entries = hashesByPath.get(formatTilePath(tile))!;
        return count === 1
          ? entries[offset]!.slice()
          : completeSubtreeHash(entries.slice(offset, offset + count));
      });
    },
  };
}

/** Root of the tree of `size` leaves from its hash tiles (reads only the right-edge tiles). */
export function tileTreeHash(reader: TileReader, size: number): Promise<Uint8Array> {
  return readTreeHash(tileHashSource(reader, size), size);
}

/** Inclusion proof for leaf `index` in the tree of `size` from hash tiles (Go: tlog.ProveRecord). */
export function tileInclusionProof(reader: TileReader, index: number, size: number): Promise<Uint8Array[]> {
  return readInclusionProof(tileHashSource(reader, size), index, size);
}

/** Consistency proof from size1 to size2 from hash tiles (Go: tlog.ProveTree). */
export function tileConsistencyProof(
  reader: TileReader,
  size1: number,
  size2: number,
): Promise<Uint8Array[]> {
  return readConsistencyProof(tileHashSource(reader, size2), size1, size2);
}

/**
 * The internal Merkle nodes of the first `width` hashes of a tile, in one buffer: the complete
 * subtrees of height 1 (⌊width/2⌋ hashes), then of height 2 (⌊width/4⌋), … up to the largest; for a
 * full tile the last 32 bytes are its root. One allocation for what would otherwise be 255 arrays.
 */
export function tileInternalNodes(data: Uint8Array, width: number): Uint8Array {
  if (!isSize(width) || width > TILE_WIDTH || data.length < width * HASH_SIZE) {
    throw new LedgerError("malformed_tile", `a tile of width ${width} needs ${width * HASH_SIZE} bytes`);
  }
  let nodes = 0;
  for (let count = width >> 1; count > 0; count >>= 1) nodes += count;
  const out = new Uint8Array(nodes * HASH_SIZE);
  let below = data;
  let belowCount = width;
  let offset = 0;
  while (belowCount > 1) {
    const count = belowCount >> 1;
    for (let i = 0; i < count; i++) {
      const left = below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
      const right = below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE);
      out.set(nodeHash(left, right), offset + i * HASH_SIZE);
    }
    below = out.subarray(offset, offset + count * HASH_SIZE);
    offset += count * HASH_SIZE;
    belowCount = count;
  }
  return out;
}

/**
 * Bytes of the partial tile of each level, indexed by level (`rightEdge[L]`); levels whose partial
 * tile would be empty are ignored and may hold `undefined` or an empty array.
 */
export type RightEdgeTileData = readonly (Uint8Array | undefined)[];

/** Checks and splits the partial tile of `level` for a tree of `size` leaves. */
export function rightEdgeHashes(size: number, level: number, rightEdge: RightEdgeTileData): Uint8Array[] {
  const width = hashCountAtLevel(size, level) % TILE_WIDTH;
  const data = rightEdge[level] ?? new Uint8Array(0);
  if (data.length !== width * HASH_SIZE) {
    throw new LedgerError(
      "malformed_tile",
      `partial tile at level ${level} must hold ${width} hashes for size ${size}`,
    );
  }
  return width === 0 ? [] : decodeHashTile(data);
}

/**
 * Root of the tree of `size` leaves from its partial tiles alone: the set bits of the width of the
 * partial tile at level L are exactly the subtrees of heights 8L..8L+7 in the binary decomposition
 * of the tree, so no full tile is needed.
 */
export function treeHashFromRightEdge(size: number, rightEdge: RightEdgeTileData): Uint8Array {
  if (!isSize(size)) throw new LedgerError("invalid_argument", "invalid tree size");
  if (size === 0) return emptyTreeHash();
  let top = 0;
  while (hashCountAtLevel(size, top + 1) > 0) top++;
  const subtrees: Uint8Array[] = [];
  for (let level = top; level >= 0; level--) {
    const entries = rightEdgeHashes(size, level, rightEdge);
    let offset = 0;
    for (let bit = TILE_WIDTH / 2; bit >= 1; bit /= 2) {
      if ((entries.length & bit) === 0) continue;
      subtrees.push(completeSubtreeHash(entries.slice(offset, offset + bit)));
      offset += bit;
    }
  }
  return foldSubtreeHashes(subtrees);
}
