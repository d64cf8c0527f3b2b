import { describe, expect, it } from "vitest";
import { textIssue } from "./text-checks";

describe("textIssue", () => {
  it.each([
    ["", null],
    ["张三 Zhang", null],
    ["emoji 😀 and 𠀀 (surrogate pairs)", null],
    ["\uD83D\uDE00", null],
    ["a\u0000b", "nul_character"],
    ["\u0000", "nul_character"],
    ["\uD800", "lone_surrogate"],
    ["x\uD800y", "lone_surrogate"],
    ["\uDC00", "lone_surrogate"],
    ["\uDE00\uD83D", "lone_surrogate"],
    ["😀\uD83D", "lone_surrogate"],
    ["\uD800\u0000", "nul_character"],
  ])("%j → %s", (value, expected) => {
    expect(textIssue(value)).toBe(expected);
  });
});
