import path from "node:path";
import type { AppConfig } from "../config";
import { openDatabase, type Database, type DatabaseTarget } from "./database";
import { migrate } from "./migrate";

/** The database a configuration names: the PostgreSQL server of DATABASE_URL, or PGlite under DATA_DIR. */
export function configuredDatabaseTarget(config: AppConfig): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") };
}

/** Opens and migrates the configured database for one command line task, and closes it afterwards. */
export async function withConfiguredDatabase<T>(
  config: AppConfig,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(configuredDatabaseTarget(config));
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
