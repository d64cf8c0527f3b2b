import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";

/** The one ordered migration history of the whole database (STYLE.md: forward-only, never edited). */
export const migrationsDir = fileURLToPath(new URL("../../migrations", import.meta.url));

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.sql$/;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies every migration not yet applied, each in its own transaction, under an advisory lock so two
 * servers starting together do not both run them. Refuses to start if a landed migration was edited.
 */
export async function migrate(database: Database, dir: string = migrationsDir): Promise<MigrationResult> {
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  const bad = files.filter((name) => !MIGRATION_NAME.test(name));
  if (bad.length > 0)
    throw new Error(`migration file names must be YYYYMMDDHHMMSS_name.sql: ${bad.join(", ")}`);

  await database.exec(`
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    );`);

  const done = new Map(
    (await database.db.selectFrom("schema_migrations").select(["name", "checksum"]).execute()).map((row) => [
      row.name,
      row.checksum,
    ]),
  );
  const applied: string[] = [];
  for (const name of files) {
    const script = await fs.readFile(path.join(dir, name), "utf8");
    const checksum = createHash("sha256").update(script).digest("hex");
    const previous = done.get(name);
    if (previous !== undefined) {
      if (previous !== checksum) throw new Error(`migration ${name} was edited after it was applied`);
      continue;
    }
    // The lock and the check run in the same transaction as the script.
    const guarded = `
      begin;
      select pg_advisory_xact_lock(872301);
      do $$
      declare existing text;
      begin
        select checksum into existing from schema_migrations where name = '${name}';
        if existing is not null and existing <> '${checksum}' then
          raise exception 'migration % was edited after it was applied', '${name}';
        end if;
        if existing is not null then
          raise exception using errcode = 'P0001', message = 'netcourt:already-applied';
        end if;
      end $$;
      ${script}
      ;
      insert into schema_migrations (name, checksum) values ('${name}', '${checksum}');
      commit;`;
    try {
      await database.exec(guarded);
      applied.push(name);
    } catch (error) {
      await database.exec("rollback;").catch(() => undefined);
      if (error instanceof Error && error.message.includes("netcourt:already-applied")) continue;
      throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return { applied };
}
