import { describe, expect, it } from "vitest";
import { defaultCourt, namedCourt } from "./court-choice";
import type { Court } from "./filing.api";

const court = (id: string, nameZh: string): Court => ({
  id,
  code: id,
  nameZh,
  nameEn: id,
  level: "basic",
  isInternetCourt: true,
  parentId: null,
  provinceZh: null,
  provinceEn: null,
  smallClaimsLimitYuan: null,
  smallClaimsBasis: null,
  addressZh: null,
});

const beijing = court("bj", "北京互联网法院");
const hangzhou = court("hz", "杭州互联网法院");

describe("the court preselected for a new complaint", () => {
  it("is none among several courts, unless the filer chose one of them before", () => {
    expect(defaultCourt([beijing, hangzhou], null)).toBeUndefined();
    expect(defaultCourt([beijing, hangzhou], "hz")).toBe(hangzhou);
    expect(defaultCourt([beijing, hangzhou], "gone")).toBeUndefined();
  });

  it("is the only court with jurisdiction when there is one", () => {
    expect(defaultCourt([hangzhou], null)).toBe(hangzhou);
    expect(defaultCourt([], "hz")).toBeUndefined();
  });

  it("follows the court a written complaint names, only among those offered", () => {
    expect(namedCourt([beijing, hangzhou], "杭州互联网法院")).toBe(hangzhou);
    expect(namedCourt([beijing, hangzhou], " 北京互联网法院 ")).toBe(beijing);
    expect(namedCourt([beijing], "最高人民法院")).toBeUndefined();
    expect(namedCourt([beijing, hangzhou], null)).toBeUndefined();
  });
});
