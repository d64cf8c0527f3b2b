import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JudgmentIndex } from "./judgment-index";

const WORDS =
  "醉酒 驾驶 机动车 道路 民警 查获 血液 乙醇 盗窃 手机 价值 入户 诈骗 网络 转账 被害人 伤害 轻伤 殴打 毒品 贩卖 甲基苯丙胺 交通 事故 死亡 逃逸 赔偿 谅解 自首 坦白".split(
    " ",
  );

/** Deterministic pseudo-random facts: many documents share words, in varied amounts (>128 postings per term). */
function facts(n: number): string {
  let seed = n * 7919 + 13;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const out: string[] = [];
  const length = 5 + Math.floor(next() * 40);
  for (let i = 0; i < length; i += 1) out.push(WORDS[Math.floor(next() * next() * WORDS.length)] ?? "");
  return `${out.join("，")}。`;
}

describe("pruned top-k (MaxScore over skip blocks)", () => {
  it("returns the same ranking as scoring every posting", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maxscore-"));
    try {
      const build = await JudgmentIndex.open({ dir, refreshMs: 0, durable: false, flushDocs: 700 });
      build.add(Array.from({ length: 1500 }, (_, n) => ({ id: `d${n}`, title: "", facts: facts(n) })));
      build.delete("d3");
      await build.close();
      const full = await JudgmentIndex.open({
        dir,
        refreshMs: 0,
        durable: false,
        ranking: { candidates: 20 },
      });
      const pruned = await JudgmentIndex.open({
        dir,
        refreshMs: 0,
        durable: false,
        ranking: { candidates: 20, prune: true },
      });
      for (const n of [1, 3, 50, 777, 1499]) {
        const query = { facts: facts(n), charges: ["盗窃罪"] };
        const a = full.search(query, { limit: 20, explain: false });
        const b = pruned.search(query, { limit: 20, explain: false });
        expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
        expect(b.hits.map((h) => h.id)).not.toContain("d3");
      }
      await full.close();
      await pruned.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
