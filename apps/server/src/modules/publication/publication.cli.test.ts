import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAnonymiseCommand } from "./publication.cli";

describe("netcourt judgments anonymise", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "anonymise-"));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one line out per line in, with the same ids in the same order", async () => {
    const lines = [
      { id: 7, text: "被害人刘家宏报警。刘家宏称其手机13800001111被盗。" },
      { id: "b-2", text: "审判员王五。" },
    ];
    await writeFile(path.join(dir, "in.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const code = await runAnonymiseCommand([
      "--in",
      path.join(dir, "in.jsonl"),
      "--out",
      path.join(dir, "out.jsonl"),
    ]);
    expect(code).toBe(0);
    const out = (await readFile(path.join(dir, "out.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: unknown; text: string });
    expect(out).toEqual([
      { id: 7, text: "被害人刘某报警。刘某称其手机×××被盗。" },
      { id: "b-2", text: "审判员王五。" },
    ]);
  });

  it("refuses a line that is not {id, text} and fails", async () => {
    await writeFile(path.join(dir, "bad.jsonl"), '{"id": 1}\nnot json\n{"id": 2, "text": "证人周秋月。"}\n');
    const code = await runAnonymiseCommand([
      "--in",
      path.join(dir, "bad.jsonl"),
      "--out",
      path.join(dir, "bad.out"),
    ]);
    expect(code).toBe(1);
    expect(await readFile(path.join(dir, "bad.out"), "utf8")).toBe('{"id":2,"text":"证人周某。"}\n');
  });
});
