import { sql } from "kysely";
import type { Executor, Tx } from "../../platform";
import type { CredentialKind, LedgerLeafType, PlatformCategory, VerificationResult } from "./ledger.tables";

// Bulk statements pass one array per column through unnest(): one statement text whatever the batch
// size (prepared once per connection), and a single round trip for a thousand rows. The sequencer's
// statements, which carry every deposit, pack their columns cheaper still: bytes concatenated into
// one bytea (sent in binary by `pg`, where a bytea[] is hex text escaped element by element) and
// strings as one text, separated by a character they cannot hold (PostgreSQL splits it with
// string_to_table).

const buffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const bytes = (value: Uint8Array): Uint8Array =>
  new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

// ---------------------------------------------------------------- state and tiles

export interface StateRow {
  origin: string;
  verifierKey: string;
  size: number;
  rootHash: Uint8Array;
}

/** Creates the state row of an empty log (first start); keeps an existing one. */
export async function insertInitialState(
  db: Executor,
  values: { origin: string; verifierKey: string; rootHash: Uint8Array; now: Date },
): Promise<void> {
  await db
    .insertInto("ledger_state")
    .values({
      id: 1,
      origin: values.origin,
      verifier_key: values.verifierKey,
      size: 0,
      root_hash: buffer(values.rootHash),
      updated_at: values.now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** The committed size and root; with `forUpdate`, locks the row until the transaction ends (one writer). */
export async function readState(db: Executor, forUpdate = false): Promise<StateRow | undefined> {
  let query = db
    .selectFrom("ledger_state")
    .select(["origin", "verifier_key", "size", "root_hash"])
    .where("id", "=", 1);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? { origin: row.origin, verifierKey: row.verifier_key, size: row.size, rootHash: bytes(row.root_hash) }
    : undefined;
}

/** The log's trust policy: its witnesses by key and the cosignatures a checkpoint needs. */
export interface PolicyRow {
  witnesses: Array<{ name: string; vkey: string }>;
  quorum: number;
}

/** Records the trust policy when the log has none yet (first start); keeps an existing one. True if recorded. */
export async function insertInitialPolicy(db: Executor, values: PolicyRow & { now: Date }): Promise<boolean> {
  const result = await db
    .insertInto("ledger_policy")
    .values({
      id: 1,
      witnesses: JSON.stringify(values.witnesses),
      quorum: values.quorum,
      recorded_at: values.now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces the trust policy (an operator's deliberate step, `netcourt ledger policy --apply`). */
export async function savePolicy(db: Executor, values: PolicyRow & { now: Date }): Promise<void> {
  const witnesses = JSON.stringify(values.witnesses);
  await db
    .insertInto("ledger_policy")
    .values({ id: 1, witnesses, quorum: values.quorum, recorded_at: values.now })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({ witnesses, quorum: values.quorum, recorded_at: values.now }),
    )
    .execute();
}

export async function readPolicy(db: Executor): Promise<PolicyRow | undefined> {
  const row = await db
    .selectFrom("ledger_policy")
    .select(["witnesses", "quorum"])
    .where("id", "=", 1)
    .executeTakeFirst();
  return row ? { witnesses: row.witnesses, quorum: Number(row.quorum) } : undefined;
}

/** Serialises checkpoint signing between server processes until the transaction ends. */
export async function lockCheckpointSigning(trx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(872302)`.execute(trx);
}

export async function updateState(trx: Tx, values: { size: number; rootHash: Uint8Array; now: Date }) {
  await trx
    .updateTable("ledger_state")
    .set({ size: values.size, root_hash: buffer(values.rootHash), updated_at: values.now })
    .where("id", "=", 1)
    .execute();
}

export interface TileRow {
  level: number;
  idx: number;
  width: number;
  data: Uint8Array;
}

/** Reads the stored rows of tiles (level −1 = entry bundles), in no particular order. */
export async function readTileRows(db: Executor, keys: ReadonlyArray<{ level: number; idx: number }>) {
  if (keys.length === 0) return [];
  const result = await sql<TileRow>`
    select t.level, t.idx, t.width, t.data
    from ledger_tiles t
    join unnest(${keys.map((k) => k.level)}::int2[], ${keys.map((k) => k.idx)}::int8[]) as k(level, idx)
      on t.level = k.level and t.idx = k.idx`.execute(db);
  return result.rows.map((row) => ({ ...row, idx: Number(row.idx), data: bytes(row.data) }));
}

/**
 * SHA-256 of the first `length` stored bytes of each tile (level −1 = entry bundles), in request order:
 * null where the tile is not stored or holds fewer bytes. What a check of stored tiles against bytes
 * in hand needs, without sending the tiles themselves.
 */
export async function readTilePrefixDigests(
  db: Executor,
  keys: ReadonlyArray<{ level: number; idx: number; length: number }>,
): Promise<Array<Uint8Array | null>> {
  if (keys.length === 0) return [];
  const result = await sql<{ n: string | number; digest: Uint8Array | null }>`
    select k.n, case when octet_length(t.data) >= k.length
                     then sha256(substring(t.data from 1 for k.length)) end as digest
    from unnest(${keys.map((k) => k.level)}::int2[], ${keys.map((k) => k.idx)}::int8[],
                ${keys.map((k) => k.length)}::int4[]) with ordinality as k(level, idx, length, n)
    left join ledger_tiles t on t.level = k.level and t.idx = k.idx`.execute(db);
  const digests = new Array<Uint8Array | null>(keys.length).fill(null);
  for (const row of result.rows) digests[Number(row.n) - 1] = row.digest ? bytes(row.digest) : null;
  return digests;
}

/** Writes tiles: new rows, or wider bytes for a partial tile (the table refuses anything else). */
export async function upsertTiles(trx: Tx, rows: readonly TileRow[]): Promise<void> {
  if (rows.length === 0) return;
  const offsets: number[] = [];
  let length = 0;
  for (const row of rows) {
    offsets.push(length);
    length += row.data.length;
  }
  const data = Buffer.allocUnsafe(length);
  rows.forEach((row, i) => data.set(row.data, offsets[i]));
  await sql`
    insert into ledger_tiles (level, idx, width, data)
    select t.level, t.idx, t.width, substring(${data}::bytea from t.start + 1 for t.length)
    from unnest(${rows.map((r) => r.level)}::int2[], ${rows.map((r) => r.idx)}::int8[],
                ${rows.map((r) => r.width)}::int2[], ${offsets}::int4[],
                ${rows.map((r) => r.data.length)}::int4[]) as t(level, idx, width, start, length)
    on conflict (level, idx) do update set width = excluded.width, data = excluded.data
    where ledger_tiles.width < excluded.width`.execute(trx);
}

// ---------------------------------------------------------------- deposits

/** Separates the strings of a column sent as one text (see insertDeposits). */
const SEPARATOR = "\u0001";

export interface ExistingDepositRow {
  leafIndex: number;
  platformId: string;
  sha256: Uint8Array;
  kind: string;
  opening: string;
  depositedAt: Date;
  keyHash: Uint8Array;
}

/** Deposits already made by these (platform, hash) pairs — deposits are idempotent per platform and hash. */
export async function findDepositsByPlatformHash(
  db: Executor,
  keys: ReadonlyArray<{ platformId: string; sha256: Uint8Array }>,
): Promise<ExistingDepositRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<{
    leaf_index: string | number;
    platform_id: string;
    sha256: Uint8Array;
    kind: string;
    opening: string;
    deposited_at: Date;
    key_hash: Uint8Array;
  }>`
    select d.leaf_index, d.platform_id, d.sha256, d.kind, d.opening, d.deposited_at, c.key_hash
    from unnest(${keys.map((k) => buffer(k.sha256))}::bytea[], ${keys.map((k) => k.platformId)}::uuid[]) as k(sha256, platform_id)
    join ledger_deposits d on d.sha256 = k.sha256 and d.platform_id = k.platform_id
    join ledger_platform_credentials c on c.id = d.credential_id`.execute(db);
  return result.rows.map((r) => ({
    leafIndex: Number(r.leaf_index),
    platformId: r.platform_id,
    sha256: bytes(r.sha256),
    kind: r.kind,
    opening: r.opening,
    depositedAt: r.deposited_at,
    keyHash: bytes(r.key_hash),
  }));
}

export interface DepositRequestInsert {
  credentialId: string;
  nonce: string;
  signedAt: Date;
  signatureInput: string;
  signature: Uint8Array;
  body: Uint8Array;
  receivedAt: Date;
}

/** Stores signed requests; a (credential, nonce) already stored is skipped (a replay) and not returned. */
export async function insertDepositRequests(trx: Tx, rows: readonly DepositRequestInsert[]) {
  if (rows.length === 0) return [];
  const result = await sql<{ id: number; credential_id: string; nonce: string }>`
    insert into ledger_deposit_requests
      (credential_id, nonce, signed_at, signature_input, signature, body, received_at)
    select * from unnest(${rows.map((r) => r.credentialId)}::uuid[], ${rows.map((r) => r.nonce)}::text[],
      ${rows.map((r) => r.signedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.signatureInput)}::text[],
      ${rows.map((r) => buffer(r.signature))}::bytea[], ${rows.map((r) => buffer(r.body))}::bytea[],
      ${rows.map((r) => r.receivedAt.toISOString())}::timestamptz[])
    on conflict (credential_id, nonce) do nothing
    returning id, credential_id, nonce`.execute(trx);
  return result.rows.map((r) => ({ id: Number(r.id), credentialId: r.credential_id, nonce: r.nonce }));
}

/** True when the credential already used this nonce. */
export async function isNonceUsed(db: Executor, credentialId: string, nonce: string): Promise<boolean> {
  const row = await db
    .selectFrom("ledger_deposit_requests")
    .select("id")
    .where("credential_id", "=", credentialId)
    .where("nonce", "=", nonce)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DepositInsert {
  leafIndex: number;
  platformId: string;
  credentialId: string;
  requestId: number | null;
  sha256: Uint8Array;
  kind: string;
  opening: string;
  depositedAt: Date;
}

/** Inserts new deposits, skipping any (sha256, platform) already deposited; returns how many it inserted. */
export async function insertDeposits(trx: Tx, rows: readonly DepositInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  // A round's deposits come from a few requests: (platform, credential, request, time) once per
  // request as a "source", and per deposit only its source's number.
  const sourceOf = new Map<string, number>();
  const sources: Array<Pick<DepositInsert, "platformId" | "credentialId" | "requestId"> & { at: number }> =
    [];
  const sourceNumbers = new Array<number>(rows.length);
  const hashes = Buffer.allocUnsafe(32 * rows.length);
  rows.forEach((row, i) => {
    const at = row.depositedAt.getTime();
    const k = `${row.platformId}/${row.credentialId}/${row.requestId}/${at}`;
    let source = sourceOf.get(k);
    if (source === undefined) {
      sources.push({
        platformId: row.platformId,
        credentialId: row.credentialId,
        requestId: row.requestId,
        at,
      });
      sourceOf.set(k, (source = sources.length));
    }
    sourceNumbers[i] = source;
    if (row.sha256.length !== 32) throw new Error("a deposit's sha256 is 32 bytes");
    hashes.set(row.sha256, 32 * i);
  });
  // Kinds and openings never hold U+0001: a kind is [a-z0-9_.-], an opening canonical JSON (which
  // escapes every control character), so it separates them with nothing to escape.
  for (const row of rows) {
    if (row.kind.includes(SEPARATOR) || row.opening.includes(SEPARATOR))
      throw new Error("a deposit's kind or opening holds U+0001");
  }
  const result = await sql`
    insert into ledger_deposits
      (leaf_index, platform_id, credential_id, request_id, sha256, kind, opening, deposited_at)
    select r.leaf_index::int8, s.platform_id, s.credential_id, s.request_id,
           substring(${hashes}::bytea from (r.n::int4 - 1) * 32 + 1 for 32), r.kind, r.opening, s.at
    from rows from (
        string_to_table(${rows.map((r) => r.leafIndex).join(",")}::text, ','),
        string_to_table(${sourceNumbers.join(",")}::text, ','),
        string_to_table(${rows.map((r) => r.kind).join(SEPARATOR)}::text, ${SEPARATOR}::text),
        string_to_table(${rows.map((r) => r.opening).join(SEPARATOR)}::text, ${SEPARATOR}::text)
      ) with ordinality as r(leaf_index, source, kind, opening, n)
    join unnest(${sources.map((s) => s.platformId)}::uuid[], ${sources.map((s) => s.credentialId)}::uuid[],
                ${sources.map((s) => s.requestId)}::int8[],
                ${sources.map((s) => new Date(s.at).toISOString())}::timestamptz[])
      with ordinality as s(platform_id, credential_id, request_id, at, n) on s.n = r.source::int8
    on conflict (sha256, platform_id) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface DepositRow {
  leafIndex: number;
  platformId: string;
  platformName: string;
  operatorName: string;
  operatorCreditCode: string | null;
  category: PlatformCategory;
  platformCourtId: string;
  credentialId: string;
  credentialKind: CredentialKind;
  keyHash: Uint8Array;
  requestId: number | null;
  sha256: Uint8Array;
  kind: string;
  opening: string;
  depositedAt: Date;
}

function depositQuery(db: Executor) {
  return db
    .selectFrom("ledger_deposits as d")
    .innerJoin("ledger_platforms as p", "p.id", "d.platform_id")
    .innerJoin("ledger_platform_credentials as c", "c.id", "d.credential_id")
    .select([
      "d.leaf_index",
      "d.platform_id",
      "p.name",
      "p.operator_name",
      "p.operator_credit_code",
      "p.category",
      "p.court_id",
      "d.credential_id",
      "c.kind as credential_kind",
      "c.key_hash",
      "d.request_id",
      "d.sha256",
      "d.kind",
      "d.opening",
      "d.deposited_at",
    ]);
}

type DepositSelect = Awaited<ReturnType<ReturnType<typeof depositQuery>["execute"]>>[number];
const toDeposit = (r: DepositSelect): DepositRow => ({
  leafIndex: Number(r.leaf_index),
  platformId: r.platform_id,
  platformName: r.name,
  operatorName: r.operator_name,
  operatorCreditCode: r.operator_credit_code,
  category: r.category,
  platformCourtId: r.court_id,
  credentialId: r.credential_id,
  credentialKind: r.credential_kind,
  keyHash: bytes(r.key_hash),
  requestId: r.request_id === null ? null : Number(r.request_id),
  sha256: bytes(r.sha256),
  kind: r.kind,
  opening: r.opening,
  depositedAt: r.deposited_at,
});

/** The deposit at a leaf index, with its platform. */
export async function findDeposit(db: Executor, leafIndex: number): Promise<DepositRow | undefined> {
  const row = await depositQuery(db).where("d.leaf_index", "=", leafIndex).executeTakeFirst();
  return row ? toDeposit(row) : undefined;
}

/** Every deposit of a file's SHA-256 (by any platform), oldest first. */
export async function findDepositsBySha256(db: Executor, sha256: Uint8Array): Promise<DepositRow[]> {
  const rows = await depositQuery(db)
    .where("d.sha256", "=", buffer(sha256))
    .orderBy("d.leaf_index")
    .limit(20)
    .execute();
  return rows.map(toDeposit);
}

/** Deposits at these leaf indexes. */
export async function findDepositsByIndex(db: Executor, indexes: readonly number[]): Promise<DepositRow[]> {
  if (indexes.length === 0) return [];
  const rows = await depositQuery(db).where("d.leaf_index", "in", indexes).execute();
  return rows.map(toDeposit);
}

// ---------------------------------------------------------------- court events (outbox)

export interface CourtEventInsert {
  leafType: LedgerLeafType;
  kind: string;
  courtId: string;
  caseId: string | null;
  sha256: Uint8Array | null;
  opening: string;
  recordedAt: Date;
}

export async function insertCourtEvent(db: Executor, event: CourtEventInsert): Promise<number> {
  const row = await db
    .insertInto("ledger_court_events")
    .values({
      leaf_type: event.leafType,
      kind: event.kind,
      court_id: event.courtId,
      case_id: event.caseId,
      sha256: event.sha256 ? buffer(event.sha256) : null,
      opening: event.opening,
      recorded_at: event.recordedAt,
      leaf_index: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface CourtEventRow {
  id: number;
  leafType: LedgerLeafType;
  kind: string;
  courtId: string;
  caseId: string | null;
  sha256: Uint8Array | null;
  opening: string;
  recordedAt: Date;
  leafIndex: number | null;
}

type EventSelect = {
  id: number;
  leaf_type: LedgerLeafType;
  kind: string;
  court_id: string;
  case_id: string | null;
  sha256: Uint8Array | null;
  opening: string;
  recorded_at: Date;
  leaf_index: number | null;
};
const toEvent = (r: EventSelect): CourtEventRow => ({
  id: Number(r.id),
  leafType: r.leaf_type,
  kind: r.kind,
  courtId: r.court_id,
  caseId: r.case_id,
  sha256: r.sha256 ? bytes(r.sha256) : null,
  opening: r.opening,
  recordedAt: r.recorded_at,
  leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
});
const eventColumns = [
  "id",
  "leaf_type",
  "kind",
  "court_id",
  "case_id",
  "sha256",
  "opening",
  "recorded_at",
  "leaf_index",
] as const;

/** Court events committed but not yet in the log, oldest first, locked for this transaction. */
export async function claimPendingEvents(trx: Tx, limit: number): Promise<CourtEventRow[]> {
  const rows = await trx
    .selectFrom("ledger_court_events")
    .select(eventColumns)
    .where("leaf_index", "is", null)
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toEvent);
}

export async function setEventLeafIndexes(
  trx: Tx,
  rows: ReadonlyArray<{ id: number; leafIndex: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update ledger_court_events e set leaf_index = u.leaf_index
    from unnest(${rows.map((r) => r.id)}::int8[], ${rows.map((r) => r.leafIndex)}::int8[]) as u(id, leaf_index)
    where e.id = u.id`.execute(trx);
}

/** A case's logged events and evidence submissions, oldest first. */
export async function listCaseEvents(db: Executor, caseId: string): Promise<CourtEventRow[]> {
  const rows = await db
    .selectFrom("ledger_court_events")
    .select(eventColumns)
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
  return rows.map(toEvent);
}

// ---------------------------------------------------------------- checkpoints and witnesses

export interface CheckpointRow {
  size: number;
  rootHash: Uint8Array;
  signedNote: string;
  cosignedNote: string | null;
  signedAt: Date;
  publishedAt: Date | null;
}

type CheckpointSelect = {
  size: number;
  root_hash: Uint8Array;
  signed_note: string;
  cosigned_note: string | null;
  signed_at: Date;
  published_at: Date | null;
};
const toCheckpoint = (r: CheckpointSelect): CheckpointRow => ({
  size: Number(r.size),
  rootHash: bytes(r.root_hash),
  signedNote: r.signed_note,
  cosignedNote: r.cosigned_note,
  signedAt: r.signed_at,
  publishedAt: r.published_at,
});
const checkpointColumns = [
  "size",
  "root_hash",
  "signed_note",
  "cosigned_note",
  "signed_at",
  "published_at",
] as const;

/** The largest checkpoint the log signed (published or not). */
export async function findLatestCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
  const row = await db
    .selectFrom("ledger_checkpoints")
    .select(checkpointColumns)
    .orderBy("size", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toCheckpoint(row) : undefined;
}

/** The largest published (cosigned) checkpoint. */
export async function findLatestPublishedCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
  const row = await db
    .selectFrom("ledger_checkpoints")
    .select(checkpointColumns)
    .where("published_at", "is not", null)
    .orderBy("size", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toCheckpoint(row) : undefined;
}

/** The first published checkpoint whose tree contains the leaf: its cosignatures bound the deposit time. */
export async function findFirstPublishedCheckpointCovering(
  db: Executor,
  leafIndex: number,
): Promise<CheckpointRow | undefined> {
  const row = await db
    .selectFrom("ledger_checkpoints")
    .select(checkpointColumns)
    .where("published_at", "is not", null)
    .where("size", ">", leafIndex)
    .orderBy("size")
    .limit(1)
    .executeTakeFirst();
  return row ? toCheckpoint(row) : undefined;
}

export async function insertCheckpoint(
  trx: Tx,
  values: { size: number; rootHash: Uint8Array; signedNote: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("ledger_checkpoints")
    .values({
      size: values.size,
      root_hash: buffer(values.rootHash),
      signed_note: values.signedNote,
      cosigned_note: null,
      signed_at: values.now,
      published_at: null,
    })
    .execute();
}

/** Publishes a checkpoint with its cosignatures (or refreshes them: the first publication time stays). */
export async function publishCheckpoint(
  db: Executor,
  values: { size: number; cosignedNote: string; now: Date },
): Promise<void> {
  await db
    .updateTable("ledger_checkpoints")
    .set((eb) => ({
      cosigned_note: values.cosignedNote,
      published_at: eb.fn.coalesce("published_at", eb.val(values.now)),
    }))
    .where("size", "=", values.size)
    .execute();
}

export async function readWitnessSizes(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom("ledger_witness_sizes").select(["name", "size"]).execute();
  return new Map(rows.map((r) => [r.name, Number(r.size)]));
}

export async function saveWitnessSize(db: Executor, name: string, size: number, now: Date): Promise<void> {
  await db
    .insertInto("ledger_witness_sizes")
    .values({ name, size, updated_at: now })
    .onConflict((oc) => oc.column("name").doUpdateSet({ size, updated_at: now }))
    .execute();
}

// ---------------------------------------------------------------- platforms and credentials

export interface PlatformInsert {
  courtId: string;
  name: string;
  operatorName: string;
  operatorCreditCode: string | null;
  category: PlatformCategory;
  description: string | null;
  createdBy: string;
  now: Date;
}

const platformColumns = [
  "id",
  "court_id",
  "name",
  "operator_name",
  "operator_credit_code",
  "category",
  "description",
  "created_at",
  "disabled_at",
] as const;

export async function insertPlatform(db: Executor, values: PlatformInsert) {
  return db
    .insertInto("ledger_platforms")
    .values({
      court_id: values.courtId,
      name: values.name,
      operator_name: values.operatorName,
      operator_credit_code: values.operatorCreditCode,
      category: values.category,
      description: values.description,
      created_by: values.createdBy,
      created_at: values.now,
      disabled_at: null,
    })
    .returning(platformColumns)
    .executeTakeFirstOrThrow();
}

export type PlatformRow = Awaited<ReturnType<typeof insertPlatform>>;

export async function findPlatform(db: Executor, id: string): Promise<PlatformRow | undefined> {
  return db.selectFrom("ledger_platforms").select(platformColumns).where("id", "=", id).executeTakeFirst();
}

export async function listPlatforms(db: Executor, courtIds: readonly string[]): Promise<PlatformRow[]> {
  if (courtIds.length === 0) return [];
  return db
    .selectFrom("ledger_platforms")
    .select(platformColumns)
    .where("court_id", "in", courtIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

const credentialColumns = [
  "id",
  "platform_id",
  "kind",
  "public_key",
  "key_hash",
  "created_at",
  "revoked_at",
] as const;

export async function insertCredential(
  db: Executor,
  values: {
    platformId: string;
    kind: CredentialKind;
    publicKey: Uint8Array | null;
    apiKeyHash: Uint8Array | null;
    keyHash: Uint8Array;
    createdBy: string;
    now: Date;
    id?: string;
  },
) {
  return db
    .insertInto("ledger_platform_credentials")
    .values({
      ...(values.id ? { id: values.id } : {}),
      platform_id: values.platformId,
      kind: values.kind,
      public_key: values.publicKey ? buffer(values.publicKey) : null,
      api_key_hash: values.apiKeyHash ? buffer(values.apiKeyHash) : null,
      key_hash: buffer(values.keyHash),
      created_by: values.createdBy,
      created_at: values.now,
      revoked_at: null,
    })
    .returning(credentialColumns)
    .executeTakeFirstOrThrow();
}

export type CredentialRow = Awaited<ReturnType<typeof insertCredential>>;

export async function listCredentials(
  db: Executor,
  platformIds: readonly string[],
): Promise<CredentialRow[]> {
  if (platformIds.length === 0) return [];
  return db
    .selectFrom("ledger_platform_credentials")
    .select(credentialColumns)
    .where("platform_id", "in", platformIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function revokeCredential(db: Executor, platformId: string, id: string, now: Date) {
  const result = await db
    .updateTable("ledger_platform_credentials")
    .set({ revoked_at: now })
    .where("platform_id", "=", platformId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findCredential(db: Executor, platformId: string, id: string) {
  return db
    .selectFrom("ledger_platform_credentials")
    .select(credentialColumns)
    .where("platform_id", "=", platformId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A live credential with its platform, by credential id or by API-key hash (authentication). */
export async function findActiveCredential(db: Executor, by: { id: string } | { apiKeyHash: Uint8Array }) {
  let query = db
    .selectFrom("ledger_platform_credentials as c")
    .innerJoin("ledger_platforms as p", "p.id", "c.platform_id")
    .select([
      "c.id",
      "c.kind",
      "c.public_key",
      "c.key_hash",
      "p.id as platform_id",
      "p.name as platform_name",
      "p.court_id",
      "p.disabled_at",
    ])
    .where("c.revoked_at", "is", null);
  query =
    "id" in by ? query.where("c.id", "=", by.id) : query.where("c.api_key_hash", "=", buffer(by.apiKeyHash));
  return query.executeTakeFirst();
}

// ---------------------------------------------------------------- verifications

export interface VerificationInsert {
  subjectType: string;
  subjectId: string;
  caseId: string;
  courtId: string;
  sha256: Uint8Array;
  claimedIndex: number | null;
  result: VerificationResult;
  depositIndexes: number[];
  now: Date;
}

export async function upsertVerification(db: Executor, values: VerificationInsert): Promise<void> {
  const row = {
    subject_type: values.subjectType,
    subject_id: values.subjectId,
    case_id: values.caseId,
    court_id: values.courtId,
    sha256: buffer(values.sha256),
    claimed_index: values.claimedIndex,
    result: values.result,
    deposit_indexes: values.depositIndexes,
    checked_at: values.now,
  };
  await db
    .insertInto("ledger_verifications")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["subject_type", "subject_id"]).doUpdateSet({
        sha256: row.sha256,
        claimed_index: row.claimed_index,
        result: row.result,
        deposit_indexes: row.deposit_indexes,
        checked_at: row.checked_at,
      }),
    )
    .execute();
}

export interface VerificationRow {
  subjectType: string;
  subjectId: string;
  caseId: string;
  courtId: string;
  sha256: Uint8Array;
  claimedIndex: number | null;
  result: VerificationResult;
  depositIndexes: number[];
  checkedAt: Date;
}

const verificationColumns = [
  "subject_type",
  "subject_id",
  "case_id",
  "court_id",
  "sha256",
  "claimed_index",
  "result",
  "deposit_indexes",
  "checked_at",
] as const;
type VerificationSelect = {
  subject_type: string;
  subject_id: string;
  case_id: string;
  court_id: string;
  sha256: Uint8Array;
  claimed_index: number | null;
  result: VerificationResult;
  deposit_indexes: Array<number | string>;
  checked_at: Date;
};
const toVerification = (r: VerificationSelect): VerificationRow => ({
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  caseId: r.case_id,
  courtId: r.court_id,
  sha256: bytes(r.sha256),
  claimedIndex: r.claimed_index === null ? null : Number(r.claimed_index),
  result: r.result,
  // int8[] arrives as strings from the drivers.
  depositIndexes: r.deposit_indexes.map(Number),
  checkedAt: r.checked_at,
});

export async function findVerificationsBySubject(
  db: Executor,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<VerificationRow[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom("ledger_verifications")
    .select(verificationColumns)
    .where("subject_type", "=", subjectType)
    .where("subject_id", "in", subjectIds)
    .execute();
  return rows.map((r) => toVerification(r as VerificationSelect));
}

export async function findVerificationsBySha256(
  db: Executor,
  sha256: Uint8Array,
  caseId?: string,
): Promise<VerificationRow[]> {
  let query = db
    .selectFrom("ledger_verifications")
    .select(verificationColumns)
    .where("sha256", "=", buffer(sha256))
    .orderBy("checked_at")
    .limit(100);
  if (caseId) query = query.where("case_id", "=", caseId);
  const rows = await query.execute();
  return rows.map((r) => toVerification(r as VerificationSelect));
}
