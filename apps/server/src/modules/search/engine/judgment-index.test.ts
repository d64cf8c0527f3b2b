import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzeJudgment, type JudgmentInput } from "../analysis/analyze-judgment";
import { JudgmentIndex } from "./judgment-index";

const DRUNK_DRIVING: JudgmentInput = {
  id: "drunk-1",
  title: "甲危险驾驶一案",
  facts:
    "经审理查明，被告人甲酒后驾驶小型轿车在道路上行驶，被民警查获，经鉴定其血液中乙醇含量为156.3mg/100ml。",
  reasoning:
    "本院认为，被告人甲在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条之一之规定，判决如下：",
  outcome: "被告人甲犯危险驾驶罪，判处拘役二个月，并处罚金人民币三千元。",
};
const DRUNK_CRASH: JudgmentInput = {
  id: "crash-1",
  title: "乙交通肇事一案",
  facts:
    "经审理查明，被告人乙酒后驾驶小型轿车在道路上行驶，与行人发生碰撞，致一人死亡，经鉴定其血液中乙醇含量为90mg/100ml。",
  reasoning: "本院认为，被告人乙违反交通运输管理法规，因而发生重大事故，致一人死亡，其行为已构成交通肇事罪。",
  outcome: "被告人乙犯交通肇事罪，判处有期徒刑三年。",
};
const THEFT: JudgmentInput = {
  id: "theft-1",
  title: "丙盗窃一案",
  facts: "经审理查明，被告人丙入户盗窃手机一部，价值人民币三千元。",
  reasoning: "本院认为，被告人丙以非法占有为目的，入户盗窃，其行为已构成盗窃罪。",
  outcome: "被告人丙犯盗窃罪，判处有期徒刑六个月。",
};

describe("JudgmentIndex", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "judgment-index-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds documents after reopening without rebuilding", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add([DRUNK_DRIVING, DRUNK_CRASH, THEFT]);
    index.refresh();
    await index.close();

    const reopened = await JudgmentIndex.open({ dir, refreshMs: 0 });
    expect(reopened.stats()).toMatchObject({ documents: 3, buffered: 0 });
    const result = reopened.search({
      facts: "被告人酒后驾驶轿车被查获，血液中乙醇含量为160mg/100ml",
      charges: ["危险驾驶罪"],
    });
    expect(result.hits[0]?.id).toBe("drunk-1");
    await reopened.close();
  });

  it("replays documents added but not refreshed when reopened (write-ahead log)", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add(THEFT);
    // Simulate a crash: no refresh, no close.
    const reopened = await JudgmentIndex.open({ dir, refreshMs: 0 });
    expect(reopened.stats().documents).toBe(1);
    expect(reopened.search({ facts: "入户盗窃手机" }).hits[0]?.id).toBe("theft-1");
    await reopened.close();
  });

  it("makes an added document searchable after a refresh, alongside older segments", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add(DRUNK_DRIVING);
    index.refresh();
    expect(index.search({ facts: "入户盗窃手机" }).hits.map((h) => h.id)).not.toContain("theft-1");
    index.add(THEFT);
    index.refresh();
    expect(index.stats().segments).toBe(2);
    expect(index.search({ facts: "入户盗窃手机" }).hits[0]?.id).toBe("theft-1");
    await index.close();
  });

  it("refreshes on its own within the refresh interval", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 20 });
    index.add(THEFT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(index.stats().documents).toBe(1);
    await index.close();
  });

  it("deletes by id, durably, and replaces a document added again under the same id", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add([DRUNK_DRIVING, THEFT]);
    index.refresh();
    expect(index.delete("theft-1")).toBe(true);
    expect(index.delete("theft-1")).toBe(false);
    index.add({ ...DRUNK_DRIVING, facts: `${DRUNK_DRIVING.facts ?? ""}另查明，被告人甲系累犯。` });
    index.refresh();
    await index.close();

    const reopened = await JudgmentIndex.open({ dir, refreshMs: 0 });
    expect(reopened.stats().documents).toBe(1);
    expect(reopened.search({ facts: "入户盗窃手机" }).hits.map((h) => h.id)).not.toContain("theft-1");
    expect(reopened.get("drunk-1")?.stored.facts).toContain("累犯");
    await reopened.close();
  });

  it("merges segments and keeps deletes made before the merge", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0, mergeFactor: 3 });
    index.add(DRUNK_DRIVING);
    index.refresh();
    index.add(DRUNK_CRASH);
    index.refresh();
    index.delete("drunk-1");
    index.add(THEFT);
    index.refresh();
    await index.waitForMerges();
    expect(index.stats()).toMatchObject({ segments: 1, documents: 2, deleted: 0 });
    expect(index.search({ facts: "酒后驾驶轿车" }).hits.map((h) => h.id)).toEqual(["crash-1"]);
    await index.close();
  });

  it("ranks a case sharing the charge and key elements above one sharing only words", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add([DRUNK_DRIVING, DRUNK_CRASH, THEFT]);
    index.refresh();
    const query = {
      facts: "被告人酒后驾驶小型轿车在道路上行驶，血液中乙醇含量为150mg/100ml",
      charges: ["危险驾驶罪"],
    };
    const { hits } = index.search(query);
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual(["drunk-1", "crash-1"]);
    const top = hits[0];
    expect(top?.explanation?.sharedCharges).toEqual(["危险驾驶罪"]);
    expect(top?.explanation?.sharedElements.some((e) => e.startsWith("血液酒精含量"))).toBe(true);
    expect(top?.explanation?.passages[0]?.marked).toMatch(/【酒后】|【驾驶】|【轿车】/u);
    await index.close();
  });

  it("infers the query's charges from similar cases when none are given", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add([DRUNK_DRIVING, DRUNK_CRASH, THEFT]);
    index.refresh();
    const result = index.search({ facts: "被告人入户盗窃手机一部" });
    expect(result.chargesInferred).toBe(true);
    expect(result.queryCharges).toEqual(["盗窃罪"]);
    await index.close();
  });

  it("ranks every document of a restricted pool, even without a shared word", async () => {
    const index = await JudgmentIndex.open({ dir, refreshMs: 0 });
    index.add([DRUNK_DRIVING, DRUNK_CRASH, THEFT]);
    index.refresh();
    const result = index.search(
      { facts: "入户盗窃手机" },
      { restrictTo: ["theft-1", "drunk-1"], explain: false },
    );
    expect(result.hits.map((h) => h.id)).toEqual(["theft-1", "drunk-1"]);
    await index.close();
  });

  it("scores documents analyzed with word ids as those analyzed into strings, also after a log replay", async () => {
    const docs = [DRUNK_DRIVING, DRUNK_CRASH, THEFT];
    const query = { facts: "被告人酒后驾驶轿车被查获，血液中乙醇含量为160mg/100ml" };
    const plain = await JudgmentIndex.open({ dir: join(dir, "plain"), refreshMs: 0 });
    plain.add(docs);
    plain.refresh();
    const expected = plain.search(query);
    await plain.close();

    const byIds = await JudgmentIndex.open({ dir: join(dir, "ids"), refreshMs: 0 });
    byIds.addAnalyzed(
      docs.map((doc) => analyzeJudgment(doc, undefined, byIds.indexedFields, { wordIds: true })),
    );
    // Reopened before any refresh: the documents come back from the write-ahead log.
    const reopened = await JudgmentIndex.open({ dir: join(dir, "ids"), refreshMs: 0 });
    const result = reopened.search(query);
    expect(result.hits.map((h) => [h.id, h.score])).toEqual(expected.hits.map((h) => [h.id, h.score]));
    expect(result.hits[0]?.explanation?.passages.length).toBeGreaterThan(0);
    await reopened.close();
  });
});
