import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/** The repository this package belongs to (packages/evaluation/src → the root). */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The data sets the evaluation commands read by default: `../shared/data` beside the repository
 * (LeCaRD, CAIL2018, laws). Each command also takes its files as arguments.
 */
export const SHARED_DATA_DIR = resolve(REPOSITORY_ROOT, "../shared/data");
