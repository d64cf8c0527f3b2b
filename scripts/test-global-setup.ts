import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate, migrationsDir, openDatabase } from "../apps/server/src/platform";

/**
 * Makes one migrated PGlite data-dir dump per set of migrations, so each test file starts an in-memory
 * database in about a second instead of running initdb.
 */
export default async function setup(project: TestProject): Promise<void> {
  const names = (await fs.readdir(migrationsDir)).filter((name) => name.endsWith(".sql")).sort();
  const hash = createHash("sha256");
  for (const name of names) hash.update(name).update(await fs.readFile(path.join(migrationsDir, name)));
  const file = path.join(
    os.tmpdir(),
    "netcourt-test",
    `pglite-template-${hash.digest("hex").slice(0, 16)}.tar`,
  );
  try {
    await fs.access(file);
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const database = await openDatabase({ kind: "pglite" });
    await migrate(database);
    const blob = await database.dump!();
    await database.close();
    const partial = `${file}.${process.pid}.part`;
    await fs.writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await fs.rename(partial, file);
  }
  project.provide("pgliteTemplate", file);
}
