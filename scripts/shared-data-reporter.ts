import { existsSync } from "node:fs";
import type { Reporter, TestCase, TestModule, TestSuite } from "vitest/node";
import { SHARED_DATA_DIR, sharedDataSkipLine } from "./shared-data";

function isMarked(task: TestCase | TestSuite): boolean {
  return task.meta().missingSharedData !== undefined;
}

/** Whether a suite above `task` was skipped for missing data (its tests are counted with it). */
function hasMarkedAncestor(task: TestCase | TestSuite): boolean {
  for (let parent = task.parent; parent.type === "suite"; parent = parent.parent)
    if (isMarked(parent)) return true;
  return false;
}

/**
 * Prints once per run how many suites were skipped because the shared data folder (or a file in it)
 * is missing — `needsSharedData` in shared-data.ts marks them — instead of a note per suite.
 */
export default class SharedDataReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[][] = [];
    for (const module of testModules) {
      for (const task of [...module.children.allSuites(), ...module.children.allTests()]) {
        const files = task.meta().missingSharedData;
        if (files !== undefined && !hasMarkedAncestor(task)) skipped.push(files);
      }
    }
    const line = sharedDataSkipLine(skipped, existsSync(SHARED_DATA_DIR));
    if (line !== undefined) process.stdout.write(`\n${line}\n`);
  }
}
