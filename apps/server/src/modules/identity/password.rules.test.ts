import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "./password.rules";

const PHONE = "13812345678";

describe("checkPasswordPolicy", () => {
  it.each([
    { password: "court2026", why: "letters and digits, 9 characters" },
    { password: "a1b2c3d4", why: "exactly 8 characters" },
    { password: "法院2026年度", why: "Chinese letters count as letters" },
    { password: "x".repeat(120) + "1234567", why: "127 characters" },
  ])("accepts $password ($why)", ({ password }) => {
    expect(checkPasswordPolicy(password, PHONE)).toEqual([]);
  });

  it.each([
    { password: "ab12cd3", failures: ["too_short"] },
    { password: "", failures: ["too_short", "needs_letter_and_digit"] },
    { password: "abcdefgh", failures: ["needs_letter_and_digit"] },
    { password: "12345678", failures: ["needs_letter_and_digit"] },
    { password: "13812345678", failures: ["needs_letter_and_digit", "contains_phone"] },
    { password: "a13812345678", failures: ["contains_phone"] },
    { password: "138-1234-5678x", failures: ["contains_phone"] },
    { password: "a".repeat(128) + "1", failures: ["too_long"] },
  ])("refuses $password with $failures", ({ password, failures }) => {
    expect(checkPasswordPolicy(password, PHONE)).toEqual(failures);
  });

  it("skips the phone check when no phone is known", () => {
    expect(checkPasswordPolicy("a13812345678", null)).toEqual([]);
  });
});
