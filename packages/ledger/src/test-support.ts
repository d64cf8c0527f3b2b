// Shared fixtures for the package's tests (not exported from index.ts).
import { fromHex, utf8 } from "./encoding";

/** RFC 6962 test leaves (transparency-dev/merkle testonly/constants.go). */
export const RFC6962_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(fromHex);

/** The 70,000-entry tree of ledger-notes §1.10: entry i = ASCII `entry-<i>`. */
export function numberedEntries(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => utf8(`entry-${i}`));
}

/** RFC 8032 §7.1 test 1 and test 2 secret keys (seeds). */
export const RFC8032_SEED_1 = fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
export const RFC8032_SEED_2 = fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");

/** Deterministic PRNG (mulberry32) so property tests are reproducible: same seed, same cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] from a PRNG. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** An in-memory tile store for tests: serves partial tiles, or the full tile once a partial is gone. */
export class MemoryTileStore {
  readonly tiles = new Map<string, Uint8Array>();
  readonly writes = new Map<string, number>();
  batches: { level: number; index: number; width: number }[][] = [];

  write(path: string, data: Uint8Array): void {
    this.tiles.set(path, data);
    this.writes.set(path, (this.writes.get(path) ?? 0) + 1);
  }

  async readTiles(tiles: readonly { level: number; index: number; width: number }[]): Promise<Uint8Array[]> {
    this.batches.push([...tiles]);
    return tiles.map(({ level, index, width }) => {
      const base = `tile/${level}/${formatIndex(index)}`;
      // A wider version (later partial or the full tile) serves too: readers use the first `width` hashes.
      let data = this.tiles.get(width < 256 ? `${base}.p/${width}` : base) ?? this.tiles.get(base);
      for (let w = width + 1; !data && w < 256; w++) data = this.tiles.get(`${base}.p/${w}`);
      if (!data) throw new Error(`tile ${base} (width ${width}) is missing`);
      return data;
    });
  }
}

function formatIndex(index: number): string {
  let n = index;
  let out = String(n % 1000).padStart(3, "0");
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    out = `x${String(n % 1000).padStart(3, "0")}/${out}`;
  }
  return out;
}

/** Checks a SHA-256 digest against an abbreviated `prefix…suffix` hex value from the notes. */
export function matchesAbbreviated(hex: string, abbreviated: string): boolean {
  const [prefix, suffix] = abbreviated.split("…") as [string, string];
  return hex.startsWith(prefix) && hex.endsWith(suffix);
}

/** Checkpoint + cosignature + tlog-proof vector of ledger-notes §1.10 (RFC 8032 test seeds). */
export const VECTOR = {
  logName: "example.com/court-ledger-test",
  logVkey: "example.com/court-ledger-test+48fe37ee+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea",
  witnessName: "example.com/witness-test",
  witnessVkey: "example.com/witness-test+babdbe55+BD1AF8PoQ4lakrcKp00bfrycmCzPLsSWjMDNVfEq9GYM",
  checkpointText: "example.com/court-ledger-test\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
  logLine:
    "— example.com/court-ledger-test SP437iHNqW8YhT3xwe5lmkeAvH2wlfHf4HOWjVsnb693GAErHKwwYQQkBL+z6kwfgyy6TZT8hpVng0yS9kw2uGITjgo=\n",
  witnessLine:
    "— example.com/witness-test ur2+VQAAAABlU/EA2OAtuvuCsssyGDUmxnGDMeziyp/S7tyMb0NGmdcbV2Oc5CBl/oqTvWXI5IWw17dWhMip6PQa5vWU12gsc8mLBw==\n",
  timestamp: 1_700_000_000,
  proofLines:
    "B1Bqhf2d0vEg62lPhgEeW7RmLlxBWmKRcDPUqWJEh+c=\n+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=\na0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=\n",
} as const;

/** The cosigned checkpoint note of the vector. */
export const VECTOR_NOTE = `${VECTOR.checkpointText}\n${VECTOR.logLine}${VECTOR.witnessLine}`;
