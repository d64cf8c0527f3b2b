import { describe, expect, it } from "vitest";
import {
  canReceiveChunks,
  contiguousPrefix,
  missingSeqs,
  recordingDurationMs,
  recordingMediaType,
} from "./recording.rules";

const now = new Date("2026-03-10T02:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("recording rules", () => {
  it.each([
    ["in_progress", 600, true],
    ["held", 5, true],
    ["held", 31, false],
    ["scheduled", 0, false],
    ["adjourned", 0, false],
    ["cancelled", 0, false],
  ] as const)("takes chunks of a %s hearing changed %i minutes ago: %s", (status, ago, expected) => {
    expect(canReceiveChunks({ status, updated_at: minutesAgo(ago) }, now)).toBe(expected);
  });

  it("names every missing sequence number", () => {
    expect(missingSeqs([])).toEqual([]);
    expect(missingSeqs([0, 1, 2])).toEqual([]);
    expect(missingSeqs([2, 0, 5])).toEqual([1, 3, 4]);
    expect(missingSeqs([1])).toEqual([0]);
  });

  it("keeps the chunks up to the first gap", () => {
    expect(contiguousPrefix([{ seq: 1 }, { seq: 0 }, { seq: 3 }]).map((c) => c.seq)).toEqual([0, 1]);
    expect(contiguousPrefix([{ seq: 1 }])).toEqual([]);
  });

  it("measures the recording from the chunks' arrival", () => {
    expect(recordingDurationMs([])).toBeNull();
    expect(recordingDurationMs([minutesAgo(0)])).toBe(0);
    const times = [0, 2, 4, 6].map((s) => new Date(now.getTime() + s * 1000));
    expect(recordingDurationMs(times)).toBe(8000);
  });

  it("accepts WebM only", () => {
    expect(recordingMediaType("video/webm;codecs=vp8,opus")).toBe("video/webm");
    expect(recordingMediaType("audio/webm")).toBe("audio/webm");
    expect(recordingMediaType("video/mp4")).toBeNull();
    expect(recordingMediaType(undefined)).toBeNull();
  });
});
