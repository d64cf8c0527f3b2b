import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { syntheticReference } from "@netcourt/server/search-engine/testing";
import { needsSharedData, sharedDataPath } from "../../../../scripts/shared-data";
import { runPredictCommand } from "./predict.cli";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "predict-cli-"));
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const toJsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join("\n") + "\n";

describe("predict run", () => {
  it("writes one CAIL2018 prediction line per case", async () => {
    const reference = syntheticReference();
    await writeFile(join(dir, "reference.jsonl"), toJsonl(reference));
    await writeFile(
      join(dir, "cases.jsonl"),
      toJsonl([
        { id: "q1", fact: "被告人周某在商场内盗窃他人手机，价值人民币3000元。" },
        { id: "q2", fact: "被告人吴某酒后驾驶机动车，经鉴定血液中乙醇含量为150mg/100ml。" },
      ]),
    );
    const code = await runPredictCommand([
      "run",
      "--cases",
      join(dir, "cases.jsonl"),
      "--out",
      join(dir, "out.jsonl"),
      "--reference",
      join(dir, "reference.jsonl"),
    ]);
    expect(code).toBe(0);
    const lines = (await readFile(join(dir, "out.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual(["q1", "q2"]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual([
        "accusation",
        "id",
        "relevant_articles",
        "term_of_imprisonment",
      ]);
      expect(Object.keys(line.term_of_imprisonment as object).sort()).toEqual([
        "death_penalty",
        "imprisonment",
        "life_imprisonment",
      ]);
    }
    expect(lines[0]?.accusation).toEqual(["盗窃"]);
    expect(lines[1]?.relevant_articles).toEqual([133]);
  });

  it("refuses to run without --cases and --out", async () => {
    expect(await runPredictCommand(["run"])).toBe(2);
  });
});

describe("predict eval --predictions", needsSharedData("cail2018/accu.txt", "cail2018/law.txt"), () => {
  it("scores a predictions file against the test cases with the official judger", async () => {
    await copyFile(sharedDataPath("cail2018", "accu.txt"), join(dir, "accu.txt"));
    await copyFile(sharedDataPath("cail2018", "law.txt"), join(dir, "law.txt"));
    const term = { imprisonment: 6, death_penalty: false, life_imprisonment: false };
    await writeFile(
      join(dir, "cases.jsonl"),
      toJsonl([
        {
          id: "a",
          origin: "test",
          fact: "甲",
          meta: { accusation: ["盗窃"], relevant_articles: [264], term_of_imprisonment: term },
        },
        {
          id: "b",
          origin: "test",
          fact: "乙",
          meta: { accusation: ["故意伤害"], relevant_articles: [234], term_of_imprisonment: term },
        },
        {
          id: "c",
          origin: "train",
          fact: "丙",
          meta: { accusation: ["抢劫"], relevant_articles: [263], term_of_imprisonment: term },
        },
      ]),
    );
    await writeFile(
      join(dir, "predictions.jsonl"),
      toJsonl([
        { id: "a", accusation: ["盗窃"], relevant_articles: [264], term_of_imprisonment: term },
        { id: "b", accusation: ["故意伤害"], relevant_articles: [234], term_of_imprisonment: term },
      ]),
    );
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const code = await runPredictCommand([
      "eval",
      "--cases",
      join(dir, "cases.jsonl"),
      "--predictions",
      join(dir, "predictions.jsonl"),
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(String(out.mock.calls[0]?.[0])) as { score: { total: number; cases: number } };
    expect(report.score.cases).toBe(2);
    expect(report.score.total).toBeCloseTo(300, 6);
  });
});
