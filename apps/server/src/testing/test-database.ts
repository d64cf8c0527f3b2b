import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { inject } from "vitest";
import { migrate, openDatabase, type Database } from "../platform";

export type DatabaseKind = "pglite" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of a migrated PGlite data-dir dump made once per test run (see scripts/test-global-setup.ts). */
    pgliteTemplate: string;
  }
}

/** The databases the suite runs on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

let templateBlob: Promise<Blob | undefined> | undefined;

async function loadTemplate(): Promise<Blob | undefined> {
  let file: string | undefined;
  try {
    file = inject("pgliteTemplate");
  } catch {
    file = undefined;
  }
  if (!file) return undefined;
  return new Blob([await fs.readFile(file)]);
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite started from the migrated template,
 * or a new schema on the PostgreSQL server (dropped on close).
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    templateBlob ??= loadTemplate();
    const template = await templateBlob;
    const database = await openDatabase({ kind: "pglite", template });
    await migrate(database);
    return database;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const database = await openDatabase({ kind: "postgres", url, schema, poolSize: 12 });
  await migrate(database);
  return {
    ...database,
    db: database.db,
    kind: database.kind,
    exec: (script) => database.exec(script),
    async close() {
      await database.close();
      const cleanup = await openDatabase({ kind: "postgres", url, poolSize: 1 });
      await cleanup.exec(`drop schema ${schema} cascade`);
      await cleanup.close();
    },
  };
}

/**
 * A fresh schema on the PostgreSQL server for a server process started by a test: DATABASE_URL selects
 * it through the connection's search_path. Drop it when done.
 */
export async function serverSchema(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `s_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const withSchema = new URL(url);
  withSchema.searchParams.set("options", `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: withSchema.toString() },
    async drop() {
      const cleanup = await openDatabase({ kind: "postgres", url, poolSize: 1 });
      await cleanup.exec(`drop schema ${schema} cascade`);
      await cleanup.close();
    },
  };
}
