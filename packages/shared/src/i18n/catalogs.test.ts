import { describe, expect, it } from "vitest";
import { catalogs, i18nResources } from "./index";
import type { Messages } from "./catalog";

function leaves(tree: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const variables = (message: string) => [...message.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe.each(Object.entries(catalogs))("the %s catalog", (_namespace, catalog) => {
  const zh = leaves(catalog["zh-CN"]);
  const en = leaves(catalog.en);

  it("has the same keys in both languages", () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it("has no empty message", () => {
    const empty = [...zh, ...en].filter(([, message]) => message.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("interpolates the same values in both languages", () => {
    const differing = [...zh].filter(([key, message]) => {
      return variables(message).join() !== variables(en.get(key) ?? "").join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});

describe("the errors namespace", () => {
  it("translates every error code in both languages", () => {
    expect(Object.keys(i18nResources.en.errors).sort()).toEqual(
      Object.keys(i18nResources["zh-CN"].errors).sort(),
    );
    expect(i18nResources.en.errors.authentication_required).toBe("Please sign in");
    expect(i18nResources["zh-CN"].errors.authentication_required).toBe("请先登录");
  });
});
