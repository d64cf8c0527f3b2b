import {
  HASH_SIZE,
  TILE_WIDTH,
  bytesEqual,
  decodeEntryBundle,
  formatCheckpoint,
  formatNote,
  leafHash,
  parseNote,
  rightEdgeTiles,
  sha256,
  signNote,
  treeHashFromRightEdge,
  updateTiles,
  verifyConsistency,
  type NoteSignature,
  type NoteSigner,
} from "@netcourt/ledger";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AppError, inTransaction, type Clock, type DB } from "../../platform";
import type { ChangeFeed } from "../../platform/db/change-feed";
import type { WitnessConfig } from "./ledger.config";
import {
  findLatestCheckpoint,
  findLatestPublishedCheckpoint,
  insertCheckpoint,
  publishCheckpoint,
  lockCheckpointSigning,
  readTilePrefixDigests,
  readPolicy,
  readTileRows,
  readWitnessSizes,
  saveWitnessSize,
  type CheckpointRow,
} from "./ledger.repository";
import type { Sequencer } from "./ledger.sequencer";
import { prefixOfBundle } from "./ledger.sequencer";
import { ENTRY_BUNDLE_LEVEL, type TileStore } from "./ledger.tiles";
import { configuredPolicy, policyDifference } from "./ledger.trust-policy";
import type { WitnessAnswer, WitnessClient } from "./ledger.witness-client";

/** A checkpoint cosigned by the witness quorum: what /ledger/checkpoint serves and receipts carry. */
export interface PublishedCheckpoint {
  size: number;
  rootHash: Uint8Array;
  /** The checkpoint note with the log's signature and the witnesses' cosignatures. */
  note: string;
}

export interface CheckpointerOptions {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  tiles: TileStore;
  sequencer: Sequencer;
  signer: NoteSigner;
  origin: string;
  client: WitnessClient;
  witnesses: readonly WitnessConfig[];
  /** The log's quorum (its trust policy, ledger.trust-policy.ts): never published with fewer cosigners. */
  quorum: number;
  intervalMs: number;
  refreshMs: number;
  /** Notifications of checkpoints published by any server on the database (the change feed). */
  changes?: ChangeFeed | undefined;
  /** How often the database is read for a checkpoint published elsewhere while someone waits or the feed is down. */
  followMs?: number;
}

/** The change-feed key prefix of published checkpoints (migration 20261207015537_ledger_policy.sql). */
export const CHECKPOINT_CHANGE_PREFIX = "ledger_checkpoint:";

interface Waiter {
  size: number;
  resolve(checkpoint: PublishedCheckpoint): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/** Entries re-hashed per database read when checking a new tree against storage. */
const VERIFY_CHUNK_BUNDLES = 64;

/**
 * Signs a checkpoint at a short interval when the log grew, after re-deriving the new tiles from the
 * stored entries (Yeti 2022: a corrupted stored hash must never be signed) and checking consistency
 * with the previous checkpoint; then collects witness cosignatures and publishes once `quorum` of them
 * answered. Unchanged checkpoints are re-submitted now and then so cosignature times stay fresh
 * (transparency-dev/witness PR #283).
 */
export class Checkpointer {
  #latest: CheckpointRow | undefined;
  #published: PublishedCheckpoint | undefined;
  #witnessSizes = new Map<string, number>();
  #waiters: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #stopped = true;
  #lastCosignAt = 0;
  #listening = false;
  #again = false;
  #unsubscribe: (() => void) | undefined;
  #followTimer: NodeJS.Timeout | undefined;
  #following: Promise<void> | undefined;
  #followAgain = false;

  constructor(readonly options: CheckpointerOptions) {}

  /** The latest published checkpoint, if any. */
  get published(): PublishedCheckpoint | undefined {
    return this.#published;
  }

  /** The latest signed checkpoint (published or not). */
  get latestSigned(): { size: number; rootHash: Uint8Array } | undefined {
    return this.#latest;
  }

  /** The size each witness last cosigned, as far as the log knows. */
  get witnessSizes(): ReadonlyMap<string, number> {
    return this.#witnessSizes;
  }

  async start(): Promise<void> {
    const { db } = this.options;
    this.#latest = await findLatestCheckpoint(db);
    const published = await findLatestPublishedCheckpoint(db);
    if (published) this.#published = toPublished(published);
    this.#witnessSizes = await readWitnessSizes(db);
    if (this.#latest) {
      // Refuse to sign anything if the stored tree no longer contains the last signed checkpoint.
      await this.#verifyStoredTree(this.#latest.size, this.#latest.rootHash);
    }
    this.#stopped = false;
    if (!this.#listening) {
      // A deposit waits for the checkpoint that includes it: sign as soon as its round committed rather
      // than at the next timer tick. Rounds that commit while a checkpoint is being signed are covered
      // by one more checkpoint right after it.
      this.#listening = true;
      this.options.sequencer.onCommit(() => {
        if (!this.#stopped && this.#waiters.length > 0) this.#kick();
      });
    }
    // Any server of the log may publish: a checkpoint published elsewhere is served here and
    // acknowledges deposits waiting here, at once through the change feed and else by reading the
    // database at a short interval (the database is the source of truth).
    this.#unsubscribe ??= this.options.changes?.subscribe((key) => {
      if (key === "*" || key.startsWith(CHECKPOINT_CHANGE_PREFIX)) void this.follow();
    });
    this.#scheduleFollow();
    await this.tick();
    this.#schedule();
  }

  /** Adopts the newest checkpoint any server published, if it is newer than this server's. */
  follow(): Promise<void> {
    if (this.#following) {
      this.#followAgain = true;
      return this.#following;
    }
    this.#following = (async () => {
      do {
        this.#followAgain = false;
        const row = await findLatestPublishedCheckpoint(this.options.db);
        if (row) this.#adopt(row);
      } while (this.#followAgain && !this.#stopped);
    })()
      .catch((error: unknown) =>
        this.options.log.warn({ err: error }, "reading published checkpoints failed"),
      )
      .finally(() => {
        this.#following = undefined;
      });
    return this.#following;
  }

  #scheduleFollow(): void {
    if (this.#stopped) return;
    const followMs = this.options.followMs ?? 1_000;
    this.#followTimer = setTimeout(() => {
      const needed = this.#waiters.length > 0 || !this.options.changes?.isHealthy;
      void (needed ? this.follow() : Promise.resolve()).finally(() => this.#scheduleFollow());
    }, followMs);
    this.#followTimer.unref();
  }

  /** Takes a published checkpoint (this server's or another's) unless a newer one is already held. */
  #adopt(row: CheckpointRow): void {
    if (!row.cosignedNote) return;
    const current = this.#published;
    // Same size, other note: fresh cosignatures of the same checkpoint (a refresh by any server).
    if (
      current &&
      (current.size > row.size || (current.size === row.size && current.note === row.cosignedNote))
    )
      return;
    this.#published = toPublished(row);
    // A checkpoint signed elsewhere is where this server's next one continues from.
    if (!this.#latest || this.#latest.size < row.size) this.#latest = row;
    const ready = this.#waiters.filter((w) => w.size <= row.size);
    this.#waiters = this.#waiters.filter((w) => w.size > row.size);
    for (const waiter of ready) {
      clearTimeout(waiter.timer);
      waiter.resolve(this.#published);
    }
  }

  /** A checkpoint for what just committed: no outbox round first (every round already takes the outbox). */
  #kick(): void {
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    void this.tick({ events: false });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#followTimer) clearTimeout(this.#followTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.#ticking;
    await this.#following;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new AppError("ledger_unavailable"));
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.tick().finally(() => this.#schedule());
    }, this.options.intervalMs);
  }

  /**
   * Resolves with the first published checkpoint of at least `size` leaves. Throws
   * `ledger_not_published` after `timeoutMs`, `ledger_unavailable` when stopped.
   */
  waitForPublished(size: number, timeoutMs: number): Promise<PublishedCheckpoint> {
    const published = this.#published;
    if (published && published.size >= size) return Promise.resolve(published);
    if (this.#stopped) return Promise.reject(new AppError("ledger_unavailable"));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        size,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          reject(
            new AppError("ledger_not_published", [{ code: "size", message: `waiting for size ${size}` }]),
          );
        }, timeoutMs),
      };
      this.#waiters.push(waiter);
    });
  }

  /**
   * One step: sequence outbox events (unless `events` is false), sign a new checkpoint if the log grew,
   * cosign and publish.
   */
  tick(options: { events?: boolean } = {}): Promise<void> {
    this.#ticking ??= this.#tick(options.events ?? true)
      .catch((error: unknown) => this.options.log.error({ err: error }, "ledger checkpoint failed"))
      .finally(() => {
        this.#ticking = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          void this.tick({ events: false });
        }
      });
    return this.#ticking;
  }

  async #tick(events: boolean): Promise<void> {
    const { sequencer } = this.options;
    // Under a steady deposit load the sequencer is rarely idle; waiting for it here would hold every
    // acknowledgement until the load pauses.
    if (events) await sequencer.sequencePendingEvents();
    const tree = sequencer.committed;
    if (!this.#latest || tree.size > this.#latest.size) await this.#signNext(tree);
    const latest = this.#latest;
    if (!latest) return;
    // Another server published a larger checkpoint: it carries on cosigning from there.
    if ((this.#published?.size ?? -1) > latest.size) return;
    const isPublished = this.#published?.size === latest.size;
    const isStale = Date.now() - this.#lastCosignAt >= this.options.refreshMs;
    if (!isPublished || (isStale && this.options.witnesses.length > 0)) await this.#cosign(latest);
  }

  async #signNext(tree: { size: number; rootHash: Uint8Array }): Promise<void> {
    const { db, clock, tiles, signer, origin } = this.options;
    const previous = this.#latest;
    if (previous) {
      await this.#verifyStoredAppend(previous.size, previous.rootHash, tree.size, tree.rootHash);
      if (previous.size > 0) {
        const proof = await tiles.consistencyProof(previous.size, tree.size);
        if (!verifyConsistency(previous.size, tree.size, previous.rootHash, tree.rootHash, proof)) {
          throw new Error(`checkpoint ${tree.size} is not consistent with ${previous.size}; not signing`);
        }
      }
    } else {
      await this.#verifyStoredTree(tree.size, tree.rootHash);
    }
    const text = formatCheckpoint({ origin, size: tree.size, rootHash: tree.rootHash, extensions: [] });
    const signedNote = signNote(text, [signer]);
    const now = clock.now();
    const inserted = await inTransaction(db, async (trx) => {
      // One signer at a time across processes (a transaction-scoped advisory lock, so appends go on);
      // the latest stored checkpoint must be the one just checked against (compare-and-swap), or
      // another process signed meanwhile.
      await lockCheckpointSigning(trx);
      const stored = await findLatestCheckpoint(trx);
      if ((stored?.size ?? -1) !== (previous?.size ?? -1)) return stored;
      await insertCheckpoint(trx, { size: tree.size, rootHash: tree.rootHash, signedNote, now });
      return null;
    });
    if (inserted) {
      this.options.log.warn({ size: inserted.size }, "another process signed a checkpoint; following it");
      this.#latest = inserted;
      return;
    }
    this.#latest = {
      size: tree.size,
      rootHash: tree.rootHash,
      signedNote,
      cosignedNote: null,
      signedAt: now,
      publishedAt: null,
    };
  }

  async #cosign(checkpoint: CheckpointRow): Promise<void> {
    const { db, clock, log, client, witnesses, quorum, tiles } = this.options;
    const policyWitnesses = new Set(witnesses.map((w) => w.name));
    const signed = parseNote(checkpoint.signedNote);
    const answers: WitnessAnswer[] = await Promise.all(
      witnesses.map((w) =>
        client.cosign(w, checkpoint.signedNote, checkpoint.size, this.#witnessSizes.get(w.name) ?? 0, (old) =>
          tiles.consistencyProof(old, checkpoint.size),
        ),
      ),
    );
    const now = clock.now();
    for (const answer of answers) {
      if (answer.size !== undefined && answer.size !== this.#witnessSizes.get(answer.name)) {
        this.#witnessSizes.set(answer.name, answer.size);
        await saveWitnessSize(db, answer.name, answer.size, now);
      }
      if (!answer.ok) log.warn({ witness: answer.name, error: answer.error }, "witness did not cosign");
    }
    const fresh = answers.filter((a) => a.ok).flatMap((a) => (a.ok ? a.signatures : []));
    // Witnesses that did not answer this time keep their earlier cosignature of the same checkpoint.
    const previous =
      this.#published?.size === checkpoint.size
        ? parseNote(this.#published.note).signatures
        : signed.signatures;
    const earlier = previous.filter(
      (s) =>
        !signed.signatures.some((l) => l.name === s.name && l.keyId === s.keyId) &&
        !fresh.some((f) => f.name === s.name && f.keyId === s.keyId),
    );
    const cosignatures: NoteSignature[] = [...earlier, ...fresh];
    // Only the log's own witnesses count towards its quorum.
    const cosigners = new Set(cosignatures.map((s) => s.name).filter((name) => policyWitnesses.has(name)));
    if (cosigners.size < quorum) {
      log.warn({ size: checkpoint.size, cosigners: [...cosigners], quorum }, "witness quorum not reached");
      return;
    }
    // The operator may have changed the log's policy since this server started (`netcourt ledger
    // policy --apply`): a server still configured with the old one publishes nothing until restarted.
    const logPolicy = await readPolicy(db);
    const difference = logPolicy && policyDifference(logPolicy, configuredPolicy({ witnesses, quorum }));
    if (difference) {
      log.error(
        { size: checkpoint.size, difference },
        "the log's trust policy changed since this server started: it publishes nothing until restarted with the log's policy",
      );
      return;
    }
    const note = formatNote({ text: signed.text, signatures: [...signed.signatures, ...cosignatures] });
    await publishCheckpoint(db, { size: checkpoint.size, cosignedNote: note, now });
    this.#lastCosignAt = Date.now();
    this.#adopt({ ...checkpoint, cosignedNote: note, publishedAt: checkpoint.publishedAt ?? now });
  }

  /** The stored partial tiles of `size` must hash to `rootHash`. */
  async #verifyStoredTree(size: number, rootHash: Uint8Array): Promise<Uint8Array[]> {
    const partial = rightEdgeTiles(size);
    const rows = await readTileRows(
      this.options.db,
      partial.map((t) => ({ level: t.level, idx: t.index })),
    );
    const byKey = new Map(rows.map((r) => [`${r.level}/${r.idx}`, r]));
    const edge: Uint8Array[] = [];
    for (const tile of partial) {
      const row = byKey.get(`${tile.level}/${tile.index}`);
      if (!row || row.width < tile.width)
        throw new Error(`stored tile ${tile.level}/${tile.index} is missing`);
      edge[tile.level] = row.data.slice(0, tile.width * HASH_SIZE);
    }
    if (!bytesEqual(treeHashFromRightEdge(size, edge), rootHash)) {
      throw new Error(`stored tiles do not hash to the checkpoint root at size ${size}`);
    }
    return edge;
  }

  /**
   * Re-derives the tree from `oldSize` to `newSize` from the stored entries: the old right edge from
   * stored tiles (must hash to the old signed root), leaf hashes from the entry bundles, every tile that
   * changed, and the new root. The bundles' bytes come from the tile store's memory where it still
   * holds them (else from the database); the database then proves that it stores exactly those bytes,
   * and exactly the re-derived tiles, by the SHA-256 of each stored prefix — the same check as reading
   * them back, without sending every entry twice.
   */
  async #verifyStoredAppend(oldSize: number, oldRoot: Uint8Array, newSize: number, newRoot: Uint8Array) {
    const { db, tiles } = this.options;
    let edge = await this.#verifyStoredTree(oldSize, oldRoot);
    let size = oldSize;
    while (size < newSize) {
      const firstBundle = Math.floor(size / TILE_WIDTH);
      const lastBundle = Math.min(
        Math.floor((newSize - 1) / TILE_WIDTH),
        firstBundle + VERIFY_CHUNK_BUNDLES - 1,
      );
      const end = Math.min(newSize, (lastBundle + 1) * TILE_WIDTH);
      const wanted: Array<{ level: number; index: number; width: number }> = [];
      for (let b = firstBundle; b <= lastBundle; b++) {
        wanted.push({
          level: ENTRY_BUNDLE_LEVEL,
          index: b,
          width: Math.min(TILE_WIDTH, end - b * TILE_WIDTH),
        });
      }
      const rows = await tiles.readRows(wanted);
      const checks: Array<{ level: number; idx: number; data: Uint8Array }> = [];
      const hashes: Uint8Array[] = [];
      for (const { index: b, width } of wanted) {
        const row = rows.get(`${ENTRY_BUNDLE_LEVEL}/${b}`);
        if (!row) throw new Error(`stored entry bundle ${b} is missing`);
        const bundle = row.width === width ? row.data : prefixOfBundle(row.data, width);
        checks.push({ level: ENTRY_BUNDLE_LEVEL, idx: b, data: bundle });
        const entries = decodeEntryBundle(bundle, width);
        const from = b === firstBundle ? size - b * TILE_WIDTH : 0;
        for (let i = from; i < width; i++) hashes.push(leafHash(entries[i]!));
      }
      const grown = updateTiles(size, edge, hashes);
      for (const t of grown.tiles) checks.push({ level: t.tile.level, idx: t.tile.index, data: t.data });
      const digests = await readTilePrefixDigests(
        db,
        checks.map((c) => ({ level: c.level, idx: c.idx, length: c.data.length })),
      );
      checks.forEach((check, i) => {
        const digest = digests[i];
        if (!digest || !bytesEqual(digest, sha256(check.data))) {
          const what = check.level === ENTRY_BUNDLE_LEVEL ? "entry bundle" : "tile";
          throw new Error(`stored ${what} ${check.level}/${check.idx} does not match its entries`);
        }
      });
      edge = grown.rightEdge;
      size = grown.size;
      if (size === newSize && !bytesEqual(grown.treeHash, newRoot)) {
        throw new Error(`stored entries do not hash to the committed root at size ${newSize}`);
      }
    }
  }
}

function toPublished(row: CheckpointRow): PublishedCheckpoint {
  return { size: row.size, rootHash: row.rootHash, note: row.cosignedNote! };
}
