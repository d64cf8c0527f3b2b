import { describe, expect, it } from "vitest";
import { hasSharedData, missingSharedData, needsSharedData, sharedDataSkipLine } from "./shared-data";

describe("the shared data helper", () => {
  it("skips and marks a suite only when one of its files is missing", () => {
    const absent = "no-such-data-set/file.jsonl";
    expect(missingSharedData([absent, absent])).toEqual([absent, absent]);
    expect(hasSharedData(absent)).toBe(false);
    expect(needsSharedData(absent)).toEqual({ skip: true, meta: { missingSharedData: [absent] } });
    // The folder itself: present or not, the options agree with hasSharedData.
    expect(needsSharedData("").skip).toBe(!hasSharedData(""));
  });

  it("says once how many suites were skipped, naming the missing files when the folder exists", () => {
    expect(sharedDataSkipLine([], false, "../shared/data")).toBeUndefined();
    expect(sharedDataSkipLine([["lecard/qrels.tsv"], ["laws/laws.jsonl.gz"]], false, "../shared/data")).toBe(
      "shared data not found at ../shared/data: 2 suites skipped",
    );
    expect(
      sharedDataSkipLine([["lecardv2/judgments.jsonl"], ["lecardv2/judgments.jsonl", "a.txt"]], true, "D"),
    ).toBe("shared data incomplete at D (missing a.txt, lecardv2/judgments.jsonl): 2 suites skipped");
    expect(sharedDataSkipLine([["x"]], false, "D")).toBe("shared data not found at D: 1 suite skipped");
  });
});
