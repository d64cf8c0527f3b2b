import { describe, expect, it } from "vitest";
import {
  creditCodeCheckCharacter,
  organisationCodeCheckCharacter,
  residentIdCheckCharacter,
} from "@netcourt/shared/identity-checks";
import {
  validateCreditCode,
  validateEmail,
  validateMobilePhone,
  normalisePhone,
  validateResidentIdNumber,
} from "./identity.rules";

// The check characters in these tables were computed separately from the weights printed in
// GB 11643-1999, GB 11714 and GB 32100-2015; 11010519491231002X and 91350100M000100Y43 are the
// worked examples commonly quoted from the standards.
const NOW = new Date("2026-03-05T02:00:00Z");

describe("validateResidentIdNumber", () => {
  it.each([
    { input: "11010519491231002X", value: "11010519491231002X", birthDate: "1949-12-31", sex: "female" },
    { input: "11010519491231002x", value: "11010519491231002X", birthDate: "1949-12-31", sex: "female" },
    { input: "330106200002291232", value: "330106200002291232", birthDate: "2000-02-29", sex: "male" },
    { input: "440304198510100010", value: "440304198510100010", birthDate: "1985-10-10", sex: "male" },
    {
      input: " 3301 0619 9003 0704 28 ",
      value: "330106199003070428",
      birthDate: "1990-03-07",
      sex: "female",
    },
    {
      input: "１１０１０５２００１０１０１００１３",
      value: "110105200101010013",
      birthDate: "2001-01-01",
      sex: "male",
    },
  ])("accepts $input and reads birth date and sex", ({ input, value, birthDate, sex }) => {
    expect(validateResidentIdNumber(input, NOW)).toEqual({
      ok: true,
      value,
      regionCode: value.slice(0, 6),
      birthDate,
      sex,
    });
  });

  it.each([
    { input: "", reason: "empty" },
    { input: "   ", reason: "empty" },
    { input: "11010519491231002", reason: "wrong_length" },
    { input: "110105194912310021X", reason: "wrong_length" },
    { input: "11010519491231002Y", reason: "invalid_characters" },
    { input: "1101051949123100X2", reason: "invalid_characters" },
    { input: "99010519491231002X", reason: "invalid_region" },
    { input: "00010519491231002X", reason: "invalid_region" },
    { input: "110105194902300021", reason: "invalid_birth_date" },
    { input: "110105199913310021", reason: "invalid_birth_date" },
    { input: "110105189912310021", reason: "invalid_birth_date" },
    { input: "330102202601010036", reason: "check_digit_mismatch" },
    { input: "110105194912310021", reason: "check_digit_mismatch" },
    { input: "330106200002291231", reason: "check_digit_mismatch" },
  ])("rejects $input as $reason", ({ input, reason }) => {
    expect(validateResidentIdNumber(input, NOW)).toEqual({ ok: false, reason });
  });

  it("refuses a birth date after today in the court's time zone (Asia/Shanghai)", () => {
    const bornNewYear2026 = "330102202601010037";
    // 2025-12-31T15:59:59Z is 23:59:59 on 31 December in Beijing: the birth date is tomorrow.
    expect(validateResidentIdNumber(bornNewYear2026, new Date("2025-12-31T15:59:59Z"))).toEqual({
      ok: false,
      reason: "birth_date_in_future",
    });
    // One second later it is 1 January 2026 in Beijing although still 31 December in UTC.
    expect(validateResidentIdNumber(bornNewYear2026, new Date("2025-12-31T16:00:00Z"))).toMatchObject({
      ok: true,
      birthDate: "2026-01-01",
      sex: "male",
    });
  });

  it("computes the MOD 11-2 check character including X", () => {
    expect(residentIdCheckCharacter("11010519491231002")).toBe("X");
    expect(residentIdCheckCharacter("44030419851010001")).toBe("0");
    expect(() => residentIdCheckCharacter("1101051949123100")).toThrow();
  });
});

describe("validateCreditCode", () => {
  it.each([
    {
      input: "91350100M000100Y43",
      authority: "9",
      type: "1",
      typeZh: "企业",
      region: "350100",
      org: "M000100Y4",
    },
    {
      input: "91330106MA27XL0E9W",
      authority: "9",
      type: "1",
      typeZh: "企业",
      region: "330106",
      org: "MA27XL0E9",
    },
    {
      input: "92110105L000001266",
      authority: "9",
      type: "2",
      typeZh: "个体工商户",
      region: "110105",
      org: "L00000126",
    },
    {
      input: "52100000500000007R",
      authority: "5",
      type: "2",
      typeZh: "民办非企业单位",
      region: "100000",
      org: "500000007",
    },
    // Organisation-code check value 10 is written X, value 11 is written 0 (GB 11714).
    {
      input: "1210000040000000XN",
      authority: "1",
      type: "2",
      typeZh: "事业单位",
      region: "100000",
      org: "40000000X",
    },
    {
      input: "Y1440300MA5D12340P",
      authority: "Y",
      type: "1",
      typeZh: "其他",
      region: "440300",
      org: "MA5D12340",
    },
    {
      input: "51110000500000015u",
      authority: "5",
      type: "1",
      typeZh: "社会团体",
      region: "110000",
      org: "500000015",
    },
  ])("accepts $input", ({ input, authority, type, typeZh, region, org }) => {
    const result = validateCreditCode(input);
    expect(result).toMatchObject({
      ok: true,
      value: input.toUpperCase(),
      registrationAuthority: { code: authority },
      entityType: { code: type, label: { zh: typeZh } },
      regionCode: region,
      organisationCode: org,
    });
  });

  it("accepts an authority assigned after 2015 by the shape of its type code", () => {
    // 司法行政 (3), type 1, Zhejiang: MOD 31 check computed independently.
    expect(validateCreditCode("31330000MD0000008C")).toMatchObject({
      ok: true,
      registrationAuthority: { code: "3", label: { zh: "司法行政" } },
      entityType: { code: "1", label: null },
    });
  });

  it.each([
    { input: "", reason: "empty" },
    { input: "91350100M000100Y4", reason: "wrong_length" },
    { input: "91350100M000100Y433", reason: "wrong_length" },
    { input: "9135010OM000100Y43", reason: "invalid_characters" },
    { input: "91350100M000I00Y43", reason: "invalid_characters" },
    { input: "91350100M000100Z43", reason: "invalid_characters" },
    { input: "B1350100M000100Y43", reason: "invalid_registration_authority" },
    { input: "94350100M000100Y43", reason: "invalid_entity_type" },
    { input: "30330000MD0000008C", reason: "invalid_entity_type" },
    { input: "91990100M000100Y43", reason: "invalid_region" },
    { input: "9135A100M000100Y43", reason: "invalid_region" },
    { input: "91350100M000100Y53", reason: "organisation_code_check_mismatch" },
    { input: "91350100M000100Y44", reason: "check_character_mismatch" },
    { input: "91350100M000100Y4Y", reason: "check_character_mismatch" },
  ])("rejects $input as $reason", ({ input, reason }) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, reason });
  });

  it("computes the check characters of both standards", () => {
    expect(organisationCodeCheckCharacter("M000100Y")).toBe("4");
    expect(organisationCodeCheckCharacter("40000000")).toBe("X");
    expect(organisationCodeCheckCharacter("MA5D1234")).toBe("0");
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(creditCodeCheckCharacter("1210000040000000X")).toBe("N");
  });
});

describe("validateMobilePhone", () => {
  it.each([
    { input: "13812345678", value: "13812345678" },
    { input: "+86 138-1234-5678", value: "13812345678" },
    { input: "0086 13812345678", value: "13812345678" },
    { input: "8619912345678", value: "19912345678" },
    { input: "（+86）166 1234 5678", value: "16612345678" },
  ])("accepts $input", ({ input, value }) => {
    expect(validateMobilePhone(input)).toEqual({ ok: true, value, e164: `+86${value}` });
  });

  it.each([
    { input: "", reason: "empty" },
    { input: " - ", reason: "empty" },
    { input: "138-1234-567a", reason: "invalid_characters" },
    { input: "+1 4155552671", reason: "invalid_characters" },
    { input: "1381234567", reason: "wrong_length" },
    { input: "057188888888", reason: "wrong_length" },
    { input: "12812345678", reason: "invalid_prefix" },
    { input: "02112345678", reason: "invalid_prefix" },
  ])("rejects $input as $reason", ({ input, reason }) => {
    expect(validateMobilePhone(input)).toEqual({ ok: false, reason });
  });

  it("leaves a number it cannot read as mobile digits unchanged apart from separators", () => {
    expect(normalisePhone("0571-8888 8888")).toBe("057188888888");
    expect(normalisePhone("86 571 8888")).toBe("865718888");
  });
});

describe("validateEmail", () => {
  it.each([
    { input: "zhang.san@example.com", value: "zhang.san@example.com" },
    { input: "  Li+court@Example.COM.cn ", value: "Li+court@example.com.cn" },
    { input: "o'brien@mail.xn--fiqs8s", value: "o'brien@mail.xn--fiqs8s" },
    { input: "a@b-c.io", value: "a@b-c.io" },
  ])("accepts $input", ({ input, value }) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    { input: "", reason: "empty" },
    {
      input: `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`,
      reason: "too_long",
    },
    { input: "zhangsan.example.com", reason: "missing_at" },
    { input: "@example.com", reason: "invalid_local_part" },
    { input: ".zhang@example.com", reason: "invalid_local_part" },
    { input: "zhang..san@example.com", reason: "invalid_local_part" },
    { input: `${"a".repeat(65)}@example.com`, reason: "invalid_local_part" },
    { input: "zhang san@example.com", reason: "invalid_local_part" },
    { input: "zhang@example", reason: "invalid_domain" },
    { input: "zhang@-example.com", reason: "invalid_domain" },
    { input: "zhang@example.c", reason: "invalid_domain" },
    { input: "zhang@example..com", reason: "invalid_domain" },
    { input: "zhang@例子.公司", reason: "invalid_domain" },
    { input: "zhang@", reason: "invalid_domain" },
  ])("rejects $input as $reason", ({ input, reason }) => {
    expect(validateEmail(input)).toEqual({ ok: false, reason });
  });
});
