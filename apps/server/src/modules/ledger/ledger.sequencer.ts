import {
  HASH_SIZE,
  TILE_WIDTH,
  bytesEqual,
  emptyTreeHash,
  hashCountAtLevel,
  leafHash,
  rightEdgeTiles,
  toHex,
  treeHashFromRightEdge,
  updateEntryBundles,
  updateTiles,
  utf8,
} from "@netcourt/ledger";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AppError, inTransaction, type Clock, type DB, type Tx } from "../../platform";
import { commitmentNative } from "./ledger.keys";
import {
  commitmentOf,
  depositLeafJson,
  encodeLeaf,
  type CourtEventLeaf,
  type DepositLeaf,
  type EvidenceLeaf,
  type Leaf,
} from "./ledger.leaves";
import {
  claimPendingEvents,
  findDepositsByPlatformHash,
  insertDepositRequests,
  insertDeposits,
  readState,
  readTileRows,
  setEventLeafIndexes,
  updateState,
  upsertTiles,
  type DepositInsert,
  type DepositRequestInsert,
  type TileRow,
} from "./ledger.repository";
import { ENTRY_BUNDLE_LEVEL, type TileStore } from "./ledger.tiles";

/** One evidence hash to deposit, prepared by the deposit command. */
export interface DepositItem {
  platformId: string;
  credentialId: string;
  /** The credential's key hash (the leaf's `platform`). */
  keyHash: Uint8Array;
  sha256: Uint8Array;
  /** `sha256` as lowercase hex (the leaf's `sha256`). */
  sha256Hex: string;
  kind: string;
  /** Canonical opening text; the leaf commits to it. Ignored when the deposit already exists. */
  opening: string;
}

/** Where a deposit is in the log once its round committed. */
export interface DepositOutcome {
  leafIndex: number;
  /** False when the platform had deposited this hash before (idempotent). */
  isNew: boolean;
  leaf: DepositLeaf;
  entry: Uint8Array;
  /** `entry` as text: the leaf's canonical JSON. */
  entryText: string;
  /** RFC 9162 leaf hash of `entry`. */
  leafHash: Uint8Array;
  opening: string;
}

interface Job {
  request: DepositRequestInsert | null;
  items: DepositItem[];
  resolve(outcomes: DepositOutcome[]): void;
  reject(error: unknown): void;
}

interface CommittedTree {
  size: number;
  rootHash: Uint8Array;
}

const MAX_ROUND_ITEMS = 20_000;
const MAX_ROUND_EVENTS = 5_000;

/**
 * The log's single writer. Requests queue their deposits; each round takes everything queued since the
 * last one (group commit), plus court events from the outbox, and appends them in ONE transaction:
 * deposit rows, event leaf indexes, grown tiles and entry bundles, and the new size and root. A request
 * resolves only after its round committed. The state row is locked for the round and must hold the
 * size this process expects — otherwise it reloads — so two processes cannot fork the log.
 */
export class Sequencer {
  #size = 0;
  #rootHash: Uint8Array = emptyTreeHash();
  /** Partial hash tiles of #size by level, and the partial entry bundle. */
  #rightEdge: Uint8Array[] = [];
  #partialBundle: Uint8Array = new Uint8Array(0);
  #queue: Job[] = [];
  #running: Promise<void> | undefined;
  #wantsEvents = false;
  #stopped = true;
  #listeners: Array<(tree: CommittedTree) => void> = [];

  constructor(
    readonly db: Kysely<DB>,
    readonly clock: Clock,
    readonly tiles: TileStore,
    readonly log: Logger,
  ) {}

  /** The last committed tree (size and root). */
  get committed(): CommittedTree {
    return { size: this.#size, rootHash: this.#rootHash };
  }

  /** Loads the committed state and checks that the stored right edge hashes to the stored root. */
  async start(): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const state = await readState(trx, true);
      if (!state) throw new Error("ledger state row is missing");
      await this.#reload(trx, state);
    });
    await this.tiles.preloadUpperLevels(this.#size);
    await this.tiles.openTileFile(this.#size);
    this.#stopped = false;
  }

  /** Stops after the current round; queued deposits fail with `ledger_unavailable`. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
    for (const job of this.#queue.splice(0)) job.reject(new AppError("ledger_unavailable"));
    await this.tiles.closeTileFile();
  }

  /** Calls `listener` after each committed round. */
  onCommit(listener: (tree: CommittedTree) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Appends deposits in the next round; resolves with their leaves once committed. Throws
   * `ledger_unavailable` when stopped, `ledger_request_replayed` when the request's nonce was used.
   */
  enqueueDeposits(request: DepositRequestInsert | null, items: DepositItem[]): Promise<DepositOutcome[]> {
    if (this.#stopped) return Promise.reject(new AppError("ledger_unavailable"));
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, items, resolve, reject });
      void this.#kick();
    });
  }

  /**
   * Runs a round for court events waiting in the outbox (called by the checkpointer's timer) and waits
   * for it. While rounds are running it only asks for one more and returns: every round takes the
   * outbox, and waiting would hold the caller until the deposit load pauses.
   */
  async sequencePendingEvents(): Promise<void> {
    if (this.#stopped) return;
    this.#wantsEvents = true;
    if (this.#running) return;
    await this.#kick();
  }

  #kick(): Promise<void> {
    this.#running ??= this.#loop().finally(() => {
      this.#running = undefined;
      // A job queued while the last round finished starts the next loop.
      if (!this.#stopped && this.#queue.length > 0) void this.#kick();
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    while (!this.#stopped && (this.#queue.length > 0 || this.#wantsEvents)) {
      this.#wantsEvents = false;
      let count = 0;
      let take = 0;
      while (
        take < this.#queue.length &&
        (take === 0 || count + this.#queue[take]!.items.length <= MAX_ROUND_ITEMS)
      ) {
        count += this.#queue[take]!.items.length;
        take++;
      }
      await this.#round(this.#queue.splice(0, take));
    }
  }

  /** Reads the right edge of the stored tree and checks it against the stored root (Yeti 2022). */
  async #reload(trx: Tx, state: { size: number; rootHash: Uint8Array }): Promise<void> {
    const partial = rightEdgeTiles(state.size);
    const bundleWidth = state.size % TILE_WIDTH;
    const bundleIndex = Math.floor(state.size / TILE_WIDTH);
    const rows = await readTileRows(trx, [
      ...partial.map((t) => ({ level: t.level, idx: t.index })),
      ...(bundleWidth > 0 ? [{ level: ENTRY_BUNDLE_LEVEL, idx: bundleIndex }] : []),
    ]);
    const byKey = new Map(rows.map((r) => [`${r.level}/${r.idx}`, r]));
    const rightEdge: Uint8Array[] = [];
    const edgeRows: TileRow[] = [];
    for (const tile of partial) {
      const row = byKey.get(`${tile.level}/${tile.index}`);
      if (!row || row.width < tile.width)
        throw new Error(`ledger tile ${tile.level}/${tile.index} is missing`);
      rightEdge[tile.level] = row.data.slice(0, tile.width * HASH_SIZE);
      edgeRows.push({ level: tile.level, idx: tile.index, width: tile.width, data: rightEdge[tile.level]! });
    }
    const root = treeHashFromRightEdge(state.size, rightEdge);
    if (!bytesEqual(root, state.rootHash)) {
      throw new Error(`stored ledger tiles do not hash to the stored root at size ${state.size}`);
    }
    let bundle: Uint8Array = new Uint8Array(0);
    if (bundleWidth > 0) {
      const row = byKey.get(`${ENTRY_BUNDLE_LEVEL}/${bundleIndex}`);
      if (!row || row.width < bundleWidth) throw new Error(`ledger entry bundle ${bundleIndex} is missing`);
      bundle = row.width === bundleWidth ? row.data.slice() : prefixOfBundle(row.data, bundleWidth);
      edgeRows.push({ level: ENTRY_BUNDLE_LEVEL, idx: bundleIndex, width: bundleWidth, data: bundle });
    }
    this.#size = state.size;
    this.#rootHash = state.rootHash;
    this.#rightEdge = rightEdge;
    this.#partialBundle = bundle;
    this.tiles.update([], edgeRows);
  }

  /**
   * Appends the jobs' deposits. The first attempt assumes every deposit is new and lets the unique
   * (sha256, platform) index say otherwise, which spares a look-up of every hash in the common case;
   * when a deposit was already made, the round is rolled back and run again with the look-up.
   */
  async #round(jobs: Job[]): Promise<void> {
    try {
      await this.#attempt(jobs, false);
    } catch (error) {
      if (!(error instanceof KnownDepositInRound)) throw error;
      await this.#attempt(jobs, true);
    }
  }

  async #attempt(jobs: Job[], lookUp: boolean): Promise<void> {
    const now = this.clock.now();
    const rejected = new Map<Job, AppError>();
    try {
      const result = await inTransaction(this.db, async (trx) => {
        rejected.clear();
        const state = await readState(trx, true);
        if (!state) throw new Error("ledger state row is missing");
        if (state.size !== this.#size || !bytesEqual(state.rootHash, this.#rootHash)) {
          this.log.warn(
            { stored: state.size, expected: this.#size },
            "ledger state changed elsewhere; reloading",
          );
          await this.#reload(trx, state);
        }

        // Replays: one use of a nonce per credential, in this round and ever (unique in the table).
        const seen = new Set<string>();
        const requests: DepositRequestInsert[] = [];
        for (const job of jobs) {
          if (!job.request) continue;
          const k = `${job.request.credentialId}/${job.request.nonce}`;
          if (seen.has(k)) rejected.set(job, new AppError("ledger_request_replayed"));
          else {
            seen.add(k);
            requests.push(job.request);
          }
        }
        const stored = new Map(
          (await insertDepositRequests(trx, requests)).map((r) => [`${r.credentialId}/${r.nonce}`, r.id]),
        );
        for (const job of jobs) {
          if (
            job.request &&
            !rejected.has(job) &&
            !stored.has(`${job.request.credentialId}/${job.request.nonce}`)
          )
            rejected.set(job, new AppError("ledger_request_replayed"));
        }
        const live = jobs.filter((job) => !rejected.has(job));

        const depositKey = (platformId: string, sha256Hex: string) => `${platformId}/${sha256Hex}`;
        const outcomes = new Map<string, DepositOutcome>();
        if (lookUp) {
          const wanted = new Map<string, { platformId: string; sha256: Uint8Array }>();
          for (const job of live)
            for (const item of job.items) wanted.set(depositKey(item.platformId, item.sha256Hex), item);
          for (const row of await findDepositsByPlatformHash(trx, [...wanted.values()])) {
            const sha256Hex = toHex(row.sha256);
            const leaf = depositLeaf(sha256Hex, row.kind, toHex(row.keyHash), row.depositedAt, row.opening);
            outcomes.set(
              depositKey(row.platformId, sha256Hex),
              depositOutcome(row.leafIndex, false, leaf, row.opening),
            );
          }
        }
        // One platform key per request: its hex and the round's time are the same in every leaf.
        const keyHex = new Map<Uint8Array, string>();
        const depositedAt = now.toISOString();

        let next = state.size;
        const entries: Uint8Array[] = [];
        const hashes: Uint8Array[] = [];
        const deposits: DepositInsert[] = [];
        const results = new Map<Job, DepositOutcome[]>();
        for (const job of live) {
          const requestId = job.request
            ? (stored.get(`${job.request.credentialId}/${job.request.nonce}`) ?? null)
            : null;
          results.set(
            job,
            job.items.map((item) => {
              const k = depositKey(item.platformId, item.sha256Hex);
              const known = outcomes.get(k);
              if (known) return known.isNew ? { ...known, isNew: false } : known;
              let platform = keyHex.get(item.keyHash);
              if (platform === undefined) keyHex.set(item.keyHash, (platform = toHex(item.keyHash)));
              const leaf = depositLeaf(item.sha256Hex, item.kind, platform, depositedAt, item.opening);
              const outcome = depositOutcome(next++, true, leaf, item.opening);
              outcomes.set(k, outcome);
              entries.push(outcome.entry);
              hashes.push(outcome.leafHash);
              deposits.push({
                leafIndex: outcome.leafIndex,
                platformId: item.platformId,
                credentialId: item.credentialId,
                requestId,
                sha256: item.sha256,
                kind: item.kind,
                opening: item.opening,
                depositedAt: now,
              });
              return outcome;
            }),
          );
        }

        const events = await claimPendingEvents(trx, MAX_ROUND_EVENTS);
        const eventIndexes = events.map((event) => {
          const leaf: Leaf =
            event.leafType === "evidence"
              ? ({
                  type: "evidence",
                  v: 1,
                  kind: event.kind,
                  sha256: toHex(event.sha256!),
                  court: event.courtId,
                  recordedAt: event.recordedAt.toISOString(),
                  commitment: commitmentOf(event.opening),
                } satisfies EvidenceLeaf)
              : ({
                  type: "court_event",
                  v: 1,
                  kind: event.kind,
                  court: event.courtId,
                  recordedAt: event.recordedAt.toISOString(),
                  commitment: commitmentOf(event.opening),
                } satisfies CourtEventLeaf);
          const entry = encodeLeaf(leaf);
          entries.push(entry);
          hashes.push(leafHash(entry));
          return { id: event.id, leafIndex: next++ };
        });

        if (entries.length === 0) return { results, written: null };
        const grown = updateTiles(state.size, this.#rightEdge, hashes);
        const bundles = updateEntryBundles(state.size, this.#partialBundle, entries);
        const written: Array<TileRow & { internal?: Uint8Array }> = [
          ...grown.tiles.map((t) => ({
            level: t.tile.level,
            idx: t.tile.index,
            width: t.tile.width,
            data: t.data,
            ...(t.internal ? { internal: t.internal } : {}),
          })),
          ...bundles.map((b) => ({ level: ENTRY_BUNDLE_LEVEL, idx: b.index, width: b.width, data: b.data })),
        ];
        if ((await insertDeposits(trx, deposits)) !== deposits.length) throw new KnownDepositInRound();
        await setEventLeafIndexes(trx, eventIndexes);
        await upsertTiles(trx, written);
        await updateState(trx, { size: grown.size, rootHash: grown.treeHash, now });
        return { results, written: { grown, bundles, rows: written } };
      });

      if (result.written) {
        const { grown, bundles, rows } = result.written;
        const lastBundle = bundles.at(-1);
        this.#size = grown.size;
        this.#rootHash = grown.treeHash;
        this.#rightEdge = grown.rightEdge;
        // The last bundle written is the partial one unless the size is a multiple of 256.
        this.#partialBundle = grown.size % TILE_WIDTH === 0 ? new Uint8Array(0) : lastBundle!.data;
        this.tiles.update(rows, rightEdgeRows(grown.size, grown.rightEdge, this.#partialBundle));
      }
      for (const job of jobs) {
        const error = rejected.get(job);
        if (error) job.reject(error);
        else job.resolve(result.results.get(job) ?? []);
      }
      if (result.written) for (const listener of this.#listeners) listener(this.committed);
    } catch (error) {
      if (error instanceof KnownDepositInRound) throw error;
      this.log.error({ err: error }, "ledger round failed");
      for (const job of jobs) job.reject(error);
    }
  }
}

/** A round that took every deposit for new met one already in the log (rolled back, run again). */
class KnownDepositInRound extends Error {}

/** A deposit's place in the log with its entry bytes, their text and their leaf hash. */
function depositOutcome(
  leafIndex: number,
  isNew: boolean,
  leaf: DepositLeaf,
  opening: string,
): DepositOutcome {
  const entryText = depositLeafJson(leaf);
  const entry = utf8(entryText);
  return { leafIndex, isNew, leaf, entry, entryText, leafHash: leafHash(entry), opening };
}

/** The version-1 deposit leaf of a stored or new deposit (hashes as lowercase hex, the time as ISO). */
export function depositLeaf(
  sha256Hex: string,
  kind: string,
  keyHashHex: string,
  depositedAt: Date | string,
  opening: string,
): DepositLeaf {
  return {
    type: "deposit",
    v: 1,
    sha256: sha256Hex,
    kind,
    platform: keyHashHex,
    depositedAt: typeof depositedAt === "string" ? depositedAt : depositedAt.toISOString(),
    commitment: commitmentNative(opening),
  };
}

/** The partial tiles of a size as rows (what the tile store keeps in memory). */
function rightEdgeRows(size: number, rightEdge: readonly Uint8Array[], partialBundle: Uint8Array): TileRow[] {
  const rows: TileRow[] = [];
  rightEdge.forEach((data, level) => {
    if (!data || data.length === 0) return;
    rows.push({
      level,
      idx: Math.floor(hashCountAtLevel(size, level) / TILE_WIDTH),
      width: data.length / HASH_SIZE,
      data,
    });
  });
  if (size % TILE_WIDTH > 0)
    rows.push({
      level: ENTRY_BUNDLE_LEVEL,
      idx: Math.floor(size / TILE_WIDTH),
      width: size % TILE_WIDTH,
      data: partialBundle,
    });
  return rows;
}

/** The first `width` entries of an entry bundle (uint16 length-prefixed entries). */
export function prefixOfBundle(data: Uint8Array, width: number): Uint8Array {
  let offset = 0;
  for (let i = 0; i < width; i++) {
    if (offset + 2 > data.length) throw new Error("entry bundle is shorter than its width");
    offset += 2 + ((data[offset]! << 8) | data[offset + 1]!);
  }
  return data.slice(0, offset);
}
