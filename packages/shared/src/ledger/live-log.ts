// Checks against the live log over its public tlog-tiles API (`<prefix>/checkpoint`, `<prefix>/tile/…`,
// `<prefix>/policy`): that a receipt's checkpoint is consistent with the log's current one and that
// the entry is still included, and — for monitors — that two checkpoints seen by different parties
// are consistent (no split view). Pure code over an injectable `fetch`.
import {
  TILE_WIDTH,
  bytesEqual,
  formatTilePath,
  tileConsistencyProof,
  tileInclusionProof,
  tileTreeHash,
  toBase64,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
  type Tile,
  type TileReader,
} from "@netcourt/ledger";
import { checkCheckpoint, type CheckpointCheck, type LedgerTrust } from "./trust";

export type Fetch = (url: string) => Promise<Response>;

/** Why the live log could not be read; each code has a message (`ledger:liveProblems.<code>`). */
export class LiveLogError extends Error {
  constructor(
    readonly code: "http_status" | "no_checkpoint" | "tile_missing",
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "LiveLogError";
  }
}

/** The live log at a URL prefix such as `https://court.example/ledger`. */
export class LiveLog implements TileReader {
  readonly prefix: string;
  readonly #fetch: Fetch;
  /** Tiles fetched so far (paths), for the report. */
  readonly fetched: string[] = [];

  constructor(prefix: string, fetchImpl: Fetch = (url) => fetch(url)) {
    this.prefix = prefix.replace(/\/+$/, "");
    this.#fetch = fetchImpl;
  }

  async #get(path: string): Promise<Response | null> {
    const response = await this.#fetch(`${this.prefix}/${path}`);
    if (response.status === 404) return null;
    if (!response.ok)
      throw new LiveLogError(
        "http_status",
        `${this.prefix}/${path}: HTTP ${response.status}`,
        response.status,
      );
    return response;
  }

  /** The log's current checkpoint note. */
  async checkpoint(): Promise<string> {
    const response = await this.#get("checkpoint");
    if (!response)
      throw new LiveLogError(
        "no_checkpoint",
        `${this.prefix}/checkpoint: the log has published no checkpoint`,
      );
    return response.text();
  }

  /** The log's published trust policy, if it serves one (`<prefix>/policy`). */
  async policy(): Promise<string | null> {
    const response = await this.#get("policy");
    return response ? response.text() : null;
  }

  /** TileReader over HTTP: a partial tile, or the full one once the partial is gone (tlog-tiles). */
  async readTiles(tiles: readonly Tile[]): Promise<Uint8Array[]> {
    return Promise.all(
      tiles.map(async (tile) => {
        const path = formatTilePath(tile);
        this.fetched.push(path);
        let response = await this.#get(path);
        if (!response && tile.width < TILE_WIDTH) {
          const full = formatTilePath({ ...tile, width: TILE_WIDTH });
          this.fetched.push(full);
          response = await this.#get(full);
        }
        if (!response) throw new LiveLogError("tile_missing", `${this.prefix}/${path}: tile not found`);
        return new Uint8Array(await response.arrayBuffer());
      }),
    );
  }
}

/** What the live log says about a receipt's entry. */
export interface LiveCheck {
  /** The log's current checkpoint, checked against the same trust. */
  current: CheckpointCheck;
  /** Consistency of the receipt's checkpoint with the current one. */
  consistency: "ok" | "same" | "failed" | "rolled_back" | "unchecked";
  consistencyProof: string[];
  /** Inclusion of the entry in the current tree, recomputed from the tiles. */
  inclusion: "ok" | "failed" | "unchecked";
  isVerified: boolean;
  /** The reason when not verified (message code). */
  reason: string | null;
}

/**
 * Checks a verified receipt checkpoint against the live log: fetches and verifies the current
 * checkpoint, proves consistency from the receipt's size to the current size from tiles, and
 * recomputes the entry's inclusion in the current tree from tiles. Throws only on network errors.
 */
export async function checkAgainstLiveLog(
  log: LiveLog,
  receipt: { checkpoint: Checkpoint; index: number; leafHash: Uint8Array },
  trust: LedgerTrust,
): Promise<LiveCheck> {
  const current = checkCheckpoint(await log.checkpoint(), trust);
  const result: LiveCheck = {
    current,
    consistency: "unchecked",
    consistencyProof: [],
    inclusion: "unchecked",
    isVerified: false,
    reason: null,
  };
  if (!current.isSigned) return { ...result, reason: "live_checkpoint_unsigned" };
  if (!current.isQuorumMet) return { ...result, reason: "live_quorum_not_met" };
  const old = receipt.checkpoint;
  const now = current.checkpoint;
  if (now.size < old.size) return { ...result, consistency: "rolled_back", reason: "live_rolled_back" };
  if (now.size === old.size) {
    result.consistency = bytesEqual(now.rootHash, old.rootHash) ? "same" : "failed";
  } else {
    const proof = await tileConsistencyProof(log, old.size, now.size);
    result.consistencyProof = proof.map(toBase64);
    result.consistency = verifyConsistency(old.size, now.size, old.rootHash, now.rootHash, proof)
      ? "ok"
      : "failed";
  }
  if (result.consistency === "failed") return { ...result, reason: "live_inconsistent" };
  const inclusion = await tileInclusionProof(log, receipt.index, now.size);
  result.inclusion = verifyInclusion(receipt.index, now.size, receipt.leafHash, inclusion, now.rootHash)
    ? "ok"
    : "failed";
  if (result.inclusion === "failed") return { ...result, reason: "live_not_included" };
  return { ...result, isVerified: true };
}

/** One checkpoint a party saw, checked against the trust policy. */
export interface ObservedCheckpoint {
  label: string;
  note: string;
  check: CheckpointCheck;
}

/** The comparison of two observed checkpoints. */
export interface PairComparison {
  smaller: string;
  larger: string;
  /** consistent; split_view (both signed, provably inconsistent); unverifiable (a note is not validly signed). */
  outcome: "consistent" | "split_view" | "unverifiable";
  /** What proves it: equal roots, a consistency proof from the tiles, or the reason it fails. */
  evidence: string;
  proof: string[];
  /** Tree hashes the log's tiles give at both sizes, when they could be read. */
  tileRoots: { smaller: string | null; larger: string | null };
}

/**
 * Compares two checkpoints of one log seen by different parties. Both must be signed by the trusted
 * log key; then equal sizes need equal roots, and different sizes need a consistency proof, built from
 * the live log's tiles, that verifies against both signed roots. A failure is a split view: two
 * signed, incompatible statements of the log — the two notes themselves are the evidence.
 */
export async function compareCheckpoints(
  a: ObservedCheckpoint,
  b: ObservedCheckpoint,
  log: LiveLog | null,
): Promise<PairComparison> {
  const [small, large] =
    a.check.isSigned && b.check.isSigned && a.check.checkpoint.size > b.check.checkpoint.size
      ? [b, a]
      : [a, b];
  const base = {
    smaller: small.label,
    larger: large.label,
    proof: [],
    tileRoots: { smaller: null, larger: null },
  };
  if (!small.check.isSigned || !large.check.isSigned) {
    const bad = !small.check.isSigned ? small : large;
    const reason = bad.check.isSigned ? "" : `${bad.check.error}: ${bad.check.message}`;
    return { ...base, outcome: "unverifiable", evidence: `${bad.label} is not signed by the log: ${reason}` };
  }
  const s = small.check.checkpoint;
  const l = large.check.checkpoint;
  if (s.origin !== l.origin)
    return { ...base, outcome: "unverifiable", evidence: `different logs: ${s.origin} and ${l.origin}` };
  if (s.size === l.size) {
    return bytesEqual(s.rootHash, l.rootHash)
      ? { ...base, outcome: "consistent", evidence: `same size ${s.size}, same root ${toBase64(s.rootHash)}` }
      : {
          ...base,
          outcome: "split_view",
          evidence: `both signed at size ${s.size} with different roots ${toBase64(s.rootHash)} and ${toBase64(l.rootHash)}`,
        };
  }
  if (s.size === 0)
    return { ...base, outcome: "consistent", evidence: "the empty tree is a prefix of every tree" };
  if (!log)
    return {
      ...base,
      outcome: "unverifiable",
      evidence: "a consistency proof needs the log's tiles (--log)",
    };
  const tileRoots = { smaller: null as string | null, larger: null as string | null };
  let proof: Uint8Array[] = [];
  try {
    tileRoots.larger = toBase64(await tileTreeHash(log, l.size));
    tileRoots.smaller = toBase64(await tileTreeHash(log, s.size));
    proof = await tileConsistencyProof(log, s.size, l.size);
  } catch (error) {
    return { ...base, tileRoots, outcome: "unverifiable", evidence: `tiles: ${(error as Error).message}` };
  }
  const encoded = proof.map(toBase64);
  if (verifyConsistency(s.size, l.size, s.rootHash, l.rootHash, proof))
    return {
      ...base,
      proof: encoded,
      tileRoots,
      outcome: "consistent",
      evidence: `consistency proof ${s.size} → ${l.size} (${proof.length} hashes) verifies against both roots`,
    };
  const which =
    tileRoots.larger !== toBase64(l.rootHash)
      ? `the log's tiles do not hash to ${large.label}'s root at size ${l.size}`
      : `${small.label}'s root at size ${s.size} is not a prefix of ${large.label}'s tree (tiles give ${tileRoots.smaller})`;
  return {
    ...base,
    proof: encoded,
    tileRoots,
    outcome: "split_view",
    evidence: `no consistency between size ${s.size} and ${l.size}: ${which}`,
  };
}
