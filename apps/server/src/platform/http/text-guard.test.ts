import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./text-guard";

describe("findUnstorableText", () => {
  it("names every string value and key holding a NUL or a lone surrogate, in document order", () => {
    const body = {
      parties: [{ name: "张三\u0000" }, { name: "李四", address: "\uD800杭州" }],
      metadata: { "k\u0000ey": "ok", fine: ["a", "b\uDC00"] },
      emoji: "😀",
    };
    expect(findUnstorableText(body, "body").map(({ path, code }) => ({ path, code }))).toEqual([
      { path: "body.parties.0.name", code: "nul_character" },
      { path: "body.parties.1.address", code: "lone_surrogate" },
      { path: "body.metadata.k\uFFFDey", code: "nul_character" },
      { path: "body.metadata.fine.1", code: "lone_surrogate" },
    ]);
  });

  it("words the issue in the request's language", () => {
    expect(findUnstorableText({ a: "\u0000" }, "body", "zh-CN")[0]!.message).toContain("空字符");
    expect(findUnstorableText({ a: "\u0000" }, "body", "en")[0]!.message).toContain("NUL");
  });

  it("walks nesting deeper than the call stack and stops after 20 issues", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}"\\u0000"${"]".repeat(200_000)}`) as unknown;
    const issues = findUnstorableText(deep, "body");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("nul_character");
    expect(
      findUnstorableText(
        Array.from({ length: 1000 }, () => "\u0000"),
        "body",
      ),
    ).toHaveLength(20);
  });

  it("cuts a long offending key in the path and ignores Buffers", () => {
    const [issue] = findUnstorableText({ [`${"k".repeat(1000)}\u0000`]: 1 }, "body");
    expect(issue!.path!.length).toBeLessThan(120);
    expect(findUnstorableText({ file: Buffer.from([0]) }, "body")).toEqual([]);
  });

  it("walks query-string dictionaries without Object.prototype", () => {
    function Empty() {}
    Empty.prototype = Object.create(null) as object;
    const query = new (Empty as unknown as new () => Record<string, unknown>)();
    query.q = "a\u0000";
    expect(findUnstorableText(query, "querystring")).toMatchObject([{ path: "querystring.q" }]);
  });
});
