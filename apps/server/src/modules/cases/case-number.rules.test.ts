import { describe, expect, it } from "vitest";
import {
  CASE_TYPES,
  CaseNumberError,
  findCaseType,
  formatCaseNumber,
  parseCaseNumber,
  validateCourtCode,
  type CaseNumberParts,
} from "./case-number.rules";

describe("formatCaseNumber", () => {
  it.each<[CaseNumberParts, string]>([
    [{ year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1 }, "（2026）浙0192民初1号"],
    [{ year: 2025, courtCode: "京0491", typeCode: "民初", sequence: 12345 }, "（2025）京0491民初12345号"],
    [{ year: 2024, courtCode: "粤0192", typeCode: "民诉前调", sequence: 88 }, "（2024）粤0192民诉前调88号"],
    [{ year: 2026, courtCode: "浙01", typeCode: "民终", sequence: 300 }, "（2026）浙01民终300号"],
    [{ year: 2026, courtCode: "京73", typeCode: "民终", sequence: 7 }, "（2026）京73民终7号"],
    [{ year: 2026, courtCode: "浙", typeCode: "民再", sequence: 2 }, "（2026）浙民再2号"],
    [{ year: 2026, courtCode: "最高法", typeCode: "民申", sequence: 1234 }, "（2026）最高法民申1234号"],
    [{ year: 2026, courtCode: "浙0192", typeCode: "执", sequence: 5 }, "（2026）浙0192执5号"],
    [
      { year: 2026, courtCode: "浙0192", typeCode: "执异", sequence: 5, subNumber: 1 },
      "（2026）浙0192执异5号之一",
    ],
    [
      { year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 9, subNumber: 12 },
      "（2026）浙0192民初9号之十二",
    ],
  ])("writes %j as %s", (parts, expected) => {
    expect(formatCaseNumber(parts)).toBe(expected);
  });

  it.each<[CaseNumberParts, string]>([
    [{ year: 1900, courtCode: "浙0192", typeCode: "民初", sequence: 1 }, "invalid_year"],
    [{ year: 2026.5, courtCode: "浙0192", typeCode: "民初", sequence: 1 }, "invalid_year"],
    [{ year: 2026, courtCode: "浙019", typeCode: "民初", sequence: 1 }, "invalid_court_code"],
    [{ year: 2026, courtCode: "X0192", typeCode: "民初", sequence: 1 }, "invalid_court_code"],
    [{ year: 2026, courtCode: "浙0192", typeCode: "民三", sequence: 1 }, "unknown_type_code"],
    [{ year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 0 }, "invalid_sequence"],
    [{ year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1.5 }, "invalid_sequence"],
    [{ year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1, subNumber: 0 }, "invalid_sub_number"],
    [
      { year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1, subNumber: 100 },
      "invalid_sub_number",
    ],
  ])("refuses %j (%s)", (parts, code) => {
    expect(() => formatCaseNumber(parts)).toThrow(CaseNumberError);
    expect(() => formatCaseNumber(parts)).toThrow(expect.objectContaining({ code }) as Error);
  });
});

describe("parseCaseNumber", () => {
  it.each([
    [
      "（2026）浙0192民初1号",
      { year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1 },
      "（2026）浙0192民初1号",
    ],
    [
      "(2026)浙0192民初1号",
      { year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 1 },
      "（2026）浙0192民初1号",
    ],
    [
      " ( 2025 ) 京0491 民初 2301 号",
      { year: 2025, courtCode: "京0491", typeCode: "民初", sequence: 2301 },
      "（2025）京0491民初2301号",
    ],
    [
      "〔2024〕粤0192民诉前调5号",
      { year: 2024, courtCode: "粤0192", typeCode: "民诉前调", sequence: 5 },
      "（2024）粤0192民诉前调5号",
    ],
    [
      "（2026）最高法民辖终12号",
      { year: 2026, courtCode: "最高法", typeCode: "民辖终", sequence: 12 },
      "（2026）最高法民辖终12号",
    ],
    [
      "（2026）浙民申3号",
      { year: 2026, courtCode: "浙", typeCode: "民申", sequence: 3 },
      "（2026）浙民申3号",
    ],
    [
      "（2026）浙01破申2号",
      { year: 2026, courtCode: "浙01", typeCode: "破申", sequence: 2 },
      "（2026）浙01破申2号",
    ],
    [
      "（2026）浙0192执恢10号之二",
      { year: 2026, courtCode: "浙0192", typeCode: "执恢", sequence: 10, subNumber: 2 },
      "（2026）浙0192执恢10号之二",
    ],
    [
      "（2026）浙0192民初10号之二十一",
      { year: 2026, courtCode: "浙0192", typeCode: "民初", sequence: 10, subNumber: 21 },
      "（2026）浙0192民初10号之二十一",
    ],
  ])("reads %s", (input, parts, canonical) => {
    const result = parseCaseNumber(input);
    expect(result).toMatchObject({ ok: true, parts, canonical });
  });

  it("names the court and the case type", () => {
    expect(parseCaseNumber("（2026）浙0192民初1号")).toMatchObject({
      ok: true,
      court: { level: "basic", name: { zh: "杭州互联网法院" }, province: { zh: "浙江" } },
      type: {
        name: { zh: "民事一审", en: "Civil first instance" },
        category: "civil",
        stage: "first_instance",
      },
    });
  });

  it("round-trips every listed case type", () => {
    for (const caseType of CASE_TYPES) {
      const text = formatCaseNumber({
        year: 2026,
        courtCode: "浙0192",
        typeCode: caseType.code,
        sequence: 42,
      });
      expect(parseCaseNumber(text)).toMatchObject({
        ok: true,
        parts: { typeCode: caseType.code, sequence: 42 },
      });
    }
  });

  it.each([
    ["", "empty"],
    ["浙0192民初1号", "malformed"],
    ["（2026）浙0192民初号", "malformed"],
    ["（2026）浙0192民初1", "malformed"],
    ["（26）浙0192民初1号", "malformed"],
    ["（2026）浙0192民初1号之零", "malformed"],
    ["（1900）浙0192民初1号", "invalid_year"],
    ["（2026）浙019民初1号", "invalid_court_code"],
    ["（2026）浙00民初1号", "invalid_court_code"],
    ["（2026）某0192民初1号", "invalid_court_code"],
    ["（2026）浙0192民三1号", "unknown_type_code"],
    ["（2026）浙0192民初01号", "invalid_sequence"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parseCaseNumber(input)).toEqual({ ok: false, reason });
  });

  it("reads an unlisted type code when asked to", () => {
    expect(parseCaseNumber("（2026）浙0192民三1号", { allowUnknownType: true })).toMatchObject({
      ok: true,
      parts: { typeCode: "民三" },
      type: null,
    });
  });
});

describe("validateCourtCode", () => {
  it.each([
    ["最高法", "supreme", null, null, "最高人民法院"],
    ["浙", "high", "浙江", null, "浙江省高级人民法院"],
    ["浙01", "intermediate", "浙江", null, "浙江省杭州市中级人民法院"],
    ["浙0192", "basic", "浙江", null, "杭州互联网法院"],
    ["京0491", "basic", "北京", null, "北京互联网法院"],
    ["粤0192", "basic", "广东", null, "广州互联网法院"],
    ["京73", "intermediate", "北京", "intellectual_property", "北京知识产权法院"],
    ["沪74", "intermediate", "上海", "financial", null],
    ["沪72", "intermediate", "上海", "maritime", null],
    ["京7101", "basic", "北京", "railway", null],
    ["兵08", "intermediate", "新疆生产建设兵团", null, null],
    ["川0104", "basic", "四川", null, null],
  ])("reads %s as a %s-level court", (code, level, province, specialised, name) => {
    const result = validateCourtCode(code);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.level).toBe(level);
    expect(result.province?.zh ?? null).toBe(province);
    expect(result.specialised).toBe(specialised);
    expect(result.name?.zh ?? null).toBe(name);
  });

  it.each([
    ["", "empty"],
    ["最高院", "unknown_province"],
    ["Z01", "unknown_province"],
    ["浙1", "invalid_shape"],
    ["浙019", "invalid_shape"],
    ["浙01920", "invalid_shape"],
    ["浙00", "invalid_shape"],
    ["浙0100", "invalid_shape"],
    ["浙01a", "invalid_shape"],
  ])("rejects %j as %s", (code, reason) => {
    expect(validateCourtCode(code)).toEqual({ ok: false, reason });
  });
});

describe("case types", () => {
  it("lists each code once with both names", () => {
    const codes = CASE_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of CASE_TYPES) {
      expect(t.name.zh).not.toBe("");
      expect(t.name.en).not.toBe("");
    }
  });

  it("places the codes the platform issues in their procedure", () => {
    expect(findCaseType("民初")).toMatchObject({ category: "civil", stage: "first_instance" });
    expect(findCaseType("民终")).toMatchObject({ category: "civil", stage: "second_instance" });
    expect(findCaseType("民诉前调")).toMatchObject({ stage: "pre_litigation_mediation" });
    expect(findCaseType("行初")).toMatchObject({ category: "administrative", stage: "first_instance" });
    expect(findCaseType("执保")).toMatchObject({
      category: "enforcement",
      stage: "enforcement_preservation",
    });
    expect(findCaseType("破")).toMatchObject({ category: "bankruptcy" });
    expect(findCaseType("民三")).toBeUndefined();
  });
});
