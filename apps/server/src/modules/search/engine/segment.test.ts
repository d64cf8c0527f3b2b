import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzeJudgment } from "../analysis/analyze-judgment";
import { decodeStored, encodeStored, mergeSegments, SegmentBuilder, SegmentReader } from "./segment";

const STORED = {
  title: "张某危险驾驶一案",
  facts: "经审理查明，2018年1月15日，被告人张某醉酒驾驶小型轿车，血液中乙醇含量为156.3mg/100ml。",
  reasoning: "本院认为，被告人张某在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。",
  outcome: "被告人张某犯危险驾驶罪，判处拘役二个月，并处罚金人民币三千元。",
};

/** A record as segments stored text before: level-1 deflate of the UTF-8 JSON. */
const legacyRecord = (stored: typeof STORED): Uint8Array =>
  deflateRawSync(Buffer.from(JSON.stringify(stored), "utf8"), { level: 1 });

describe("stored text", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "segment-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads back what it writes, and records written in the earlier format", () => {
    expect(decodeStored(encodeStored(STORED))).toEqual(STORED);
    expect(decodeStored(legacyRecord(STORED))).toEqual(STORED);
    const empty = { title: "", facts: "", reasoning: "", outcome: "" };
    expect(decodeStored(encodeStored(empty))).toEqual(empty);
    expect(decodeStored(legacyRecord(empty))).toEqual(empty);
  });

  it("serves both formats from one segment after merging old and new segments", async () => {
    const analyzed = analyzeJudgment({ id: "new", ...STORED });
    const older = { ...STORED, title: "李某危险驾驶一案" };
    const oldBuilder = new SegmentBuilder();
    oldBuilder.add({
      ...analyzeJudgment({ id: "old", ...older }),
      encoded: {
        features: new TextEncoder().encode(JSON.stringify(analyzed.features)),
        stored: legacyRecord(older),
      },
    });
    oldBuilder.write(join(dir, "seg-old"));
    const newBuilder = new SegmentBuilder();
    newBuilder.add(analyzed);
    newBuilder.write(join(dir, "seg-new"));
    const sources = [
      new SegmentReader(join(dir, "seg-old"), "seg-old"),
      new SegmentReader(join(dir, "seg-new"), "seg-new"),
    ];
    await mergeSegments(sources, join(dir, "seg-merged"));
    const merged = new SegmentReader(join(dir, "seg-merged"), "seg-merged");
    expect(merged.stored(merged.findDoc("old"))).toEqual(older);
    expect(merged.stored(merged.findDoc("new"))).toEqual(STORED);
    for (const segment of [...sources, merged]) segment.close();
  });
});
