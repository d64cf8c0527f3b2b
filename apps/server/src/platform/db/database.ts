import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { Mutex } from "./mutex";
import { PGliteDialect } from "./pglite-dialect";
import { CHANGE_CHANNEL, ChangeFeed, attachChangeFeed } from "./change-feed";
import type { DB } from "./schema";

/** Where the data lives: an embedded PGlite folder (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir?: string | undefined; template?: Blob | undefined }
  | { kind: "postgres"; url: string; schema?: string | undefined; poolSize?: number | undefined };

/** An open database: the typed query builder, a multi-statement script runner, and close. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: "pglite" | "postgres";
  /** A snapshot of an embedded database (tests start from a migrated template). */
  dump?(): Promise<Blob>;
  /** Changes committed by any server on this database, for read caches. */
  readonly changes: ChangeFeed;
  /** Runs a multi-statement SQL script outside the query builder (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Listens on a NOTIFY channel of its own (a module relaying messages between servers); on PostgreSQL
   * a dedicated connection that reconnects after a failure.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<{ stop(): Promise<void> }>;
  close(): Promise<void>;
}

// DATE columns stay 'YYYY-MM-DD' strings: a Date would shift calendar days across time zones.
// int8 comes back as a JS number (counts, money in fen and sequence numbers stay far below 2^53).
const OID_INT8 = 20;
const OID_DATE = 1082;

/** Opens a database and waits until it answers. Close it, or the process never exits. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPGlite(target.dataDir, target.template) : openPostgres(target);
}

async function openPGlite(dataDir: string | undefined, template: Blob | undefined): Promise<Database> {
  if (dataDir) await fs.mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pglite = new PGlite({
    ...(dataDir ? { dataDir: path.resolve(dataDir) } : {}),
    ...(template ? { loadDataDir: template } : {}),
    parsers: { [OID_DATE]: (value: string) => value, [OID_INT8]: (value: string) => Number(value) },
  });
  await pglite.waitReady;
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  const changes = new ChangeFeed();
  await pglite.listen(CHANGE_CHANNEL, (payload) => changes.deliver(payload));
  changes.setHealthy(true);
  attachChangeFeed(db, changes);
  let closed = false;
  return {
    db,
    kind: "pglite",
    changes,
    async dump() {
      await mutex.lock();
      try {
        return await pglite.dumpDataDir("none");
      } finally {
        mutex.unlock();
      }
    },
    async exec(script) {
      await mutex.lock();
      try {
        await pglite.exec(script);
      } finally {
        mutex.unlock();
      }
    },
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return { stop: () => unlisten() };
    },
    async close() {
      if (closed) return;
      closed = true;
      changes.setHealthy(false);
      await db.destroy();
    },
  };
}

/**
 * A dedicated connection that LISTENs for change notifications; it reconnects after a failure, and
 * the feed reports itself unhealthy meanwhile (caches then read through).
 */
async function listenForChanges(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  changes: ChangeFeed,
): Promise<{ stop(): Promise<void> }> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: target.url,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    next.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) changes.deliver(message.payload);
    });
    const lost = () => {
      changes.setHealthy(false);
      if (!stopped) retry = setTimeout(() => void connect().catch(lost), 1000);
      retry?.unref();
    };
    next.on("error", lost);
    next.on("end", () => {
      if (!stopped) lost();
    });
    await next.connect();
    await next.query(`listen ${CHANGE_CHANNEL}`);
    client = next;
    changes.setHealthy(true);
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      changes.setHealthy(false);
      await client?.end().catch(() => undefined);
    },
  };
}

/** A dedicated connection that LISTENs on one channel, reconnecting after a failure. */
async function listenOn(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<{ stop(): Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: target.url,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    const lost = () => {
      if (!stopped) retry = setTimeout(() => void connect().catch(lost), 1000);
      retry?.unref();
    };
    next.on("error", lost);
    next.on("end", () => {
      if (!stopped) lost();
    });
    await next.connect();
    await next.query(`listen ${channel}`);
    client = next;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_PREPARED_PER_CONNECTION = 2000;

/**
 * Sends the query builder's statements as named prepared statements (name = hash of the SQL text), so
 * PostgreSQL parses and plans each distinct statement once per connection instead of on every call —
 * planning was most of the cost of a typical query here.
 */
function preparingPool(pool: pg.Pool): pg.Pool {
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== "connect") return Reflect.get(target, property, receiver) as unknown;
      return async () => {
        const client = await connect();
        if (!prepared.has(client)) {
          const names = new Set<string>();
          prepared.set(client, names);
          const query = client.query.bind(client) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
          (client as unknown as { query: unknown }).query = (text: unknown, values?: unknown[]) => {
            if (
              typeof text !== "string" ||
              !PREPARABLE.test(text) ||
              names.size >= MAX_PREPARED_PER_CONNECTION
            ) {
              return (query as unknown as (t: unknown, v?: unknown[]) => Promise<pg.QueryResult>)(
                text,
                values,
              );
            }
            const name = `k${createHash("sha1").update(text).digest("base64url")}`;
            names.add(name);
            return query({ name, text, values: values ?? [] });
          };
        }
        return client;
      };
    },
  });
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") => {
      if (oid === OID_DATE) return (value: string) => value;
      if (oid === OID_INT8) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
    },
  };
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    types: types,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const changes = new ChangeFeed();
  const listener = await listenForChanges(target, changes);
  attachChangeFeed(db, changes);
  let closed = false;
  return {
    db,
    kind: "postgres",
    changes,
    async exec(script) {
      const connection = await pool.connect();
      try {
        await connection.query(script);
      } finally {
        connection.release();
      }
    },
    listen: (channel, onPayload) => listenOn(target, channel, onPayload),
    async close() {
      if (closed) return;
      closed = true;
      await listener.stop();
      await db.destroy();
    },
  };
}
