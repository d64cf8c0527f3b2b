import { existsSync } from "node:fs";
import path from "node:path";

/** The repository root (this file is in scripts/). */
export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, "..");

/**
 * The data sets tests and benchmarks read (laws, LeCaRD, CAIL2018, Merkle test vectors): `../shared/data`
 * beside the repository, or the folder NETCOURT_DATA_DIR names. They are never committed.
 */
export const SHARED_DATA_DIR = path.resolve(
  REPOSITORY_ROOT,
  process.env.NETCOURT_DATA_DIR || "../shared/data",
);

/** How the run's summary names the folder: `../shared/data` from the root, or NETCOURT_DATA_DIR as given. */
export const SHARED_DATA_LABEL =
  process.env.NETCOURT_DATA_DIR || path.relative(REPOSITORY_ROOT, SHARED_DATA_DIR);

/** A path inside the shared data folder, e.g. `sharedDataPath("lecard", "qrels.tsv")`. */
export function sharedDataPath(...parts: string[]): string {
  return path.join(SHARED_DATA_DIR, ...parts);
}

/** Which of `files` (paths inside the shared data folder) are missing. */
export function missingSharedData(files: readonly string[]): string[] {
  return files.filter((file) => !existsSync(sharedDataPath(file)));
}

/** Whether every one of `files` (paths inside the shared data folder) exists. */
export function hasSharedData(...files: string[]): boolean {
  return missingSharedData(files).length === 0;
}

declare module "vitest" {
  interface TaskMeta {
    /** The shared data files a skipped suite or test needed and did not find (shared-data-reporter.ts). */
    missingSharedData?: string[];
  }
}

/**
 * Options for a `describe` or `it` that reads the shared data: skipped when one of `files` is missing,
 * and counted in the single "shared data not found" line the run prints (shared-data-reporter.ts).
 * Usage: `describe("…", needsSharedData("lecard/qrels.tsv"), () => …)`, or with a timeout:
 * `it("…", { ...needsSharedData("cail2018/cases.jsonl"), timeout: 300_000 }, async () => …)`.
 */
export function needsSharedData(...files: string[]): {
  skip: boolean;
  meta: { missingSharedData?: string[] };
} {
  const missing = missingSharedData(files);
  return missing.length === 0
    ? { skip: false, meta: {} }
    : { skip: true, meta: { missingSharedData: missing } };
}

/**
 * The run's one line about suites skipped for missing shared data (one entry per skipped suite, listing
 * the files it missed), or undefined when none was skipped.
 */
export function sharedDataSkipLine(
  skipped: readonly (readonly string[])[],
  isFolderPresent: boolean,
  label = SHARED_DATA_LABEL,
): string | undefined {
  if (skipped.length === 0) return undefined;
  const suites = `${skipped.length} suite${skipped.length === 1 ? "" : "s"} skipped`;
  if (!isFolderPresent) return `shared data not found at ${label}: ${suites}`;
  const missing = [...new Set(skipped.flat())].sort();
  return `shared data incomplete at ${label} (missing ${missing.join(", ")}): ${suites}`;
}
