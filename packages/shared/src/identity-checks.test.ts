import { describe, expect, it } from "vitest";
import {
  checkCreditCode,
  checkResidentIdNumber,
  residentIdParticulars,
  creditCodeCheckCharacter,
  organisationCodeCheckCharacter,
  residentIdCheckCharacter,
} from "./identity-checks";

const now = new Date("2026-11-23T04:00:00Z");

describe("resident ID numbers (GB 11643-1999)", () => {
  it.each([
    // The worked example printed in GB 11643-1999 itself.
    ["11010519491231002X", "1949-12-31", "female"],
    ["44030420010101" + "123" + residentIdCheckCharacter("44030420010101123"), "2001-01-01", "male"],
  ])("accepts %s, born %s, %s", (input, birthDate, sex) => {
    expect(checkResidentIdNumber(input, now)).toMatchObject({ ok: true, birthDate, sex });
  });

  it.each([
    ["", "empty"],
    ["11010519491231002", "wrong_length"],
    ["1101051949123100A2", "invalid_characters"],
    ["99010519491231002X", "invalid_region"],
    ["110105194902300021", "invalid_birth_date"],
    ["110105189912310021", "invalid_birth_date"],
    ["110105209912310021", "birth_date_in_future"],
    ["110105194912310021", "check_digit_mismatch"],
  ])("refuses %j as %s", (input, reason) => {
    expect(checkResidentIdNumber(input, now)).toEqual({ ok: false, reason });
  });

  it("folds full-width characters and spaces pasted from documents", () => {
    expect(checkResidentIdNumber("１１０１０５ 1949 1231 002ｘ", now)).toMatchObject({
      ok: true,
      value: "11010519491231002X",
    });
  });

  it("computes X for a remainder of 2", () => {
    expect(residentIdCheckCharacter("11010519491231002")).toBe("X");
  });
});

describe("unified social credit codes (GB 32100-2015)", () => {
  it.each(["914403001922038216", "9144030071526726XG", "91330100799655058B"])("accepts %s", (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ["", "empty"],
    ["91440300192203821", "wrong_length"],
    ["91440300192203821I", "invalid_characters"],
    ["919903001922038216", "invalid_region"],
    ["914403001922038226", "organisation_code_check_mismatch"],
    ["914403001922038217", "check_character_mismatch"],
  ])("refuses %j as %s", (input, reason) => {
    expect(checkCreditCode(input)).toEqual({ ok: false, reason });
  });

  it("derives the MOD 31 check from the first 17 characters", () => {
    expect(creditCodeCheckCharacter("9144030071526726X")).toBe("G");
  });

  it("derives the GB 11714 organisation-code check, with 10 written as X", () => {
    expect(organisationCodeCheckCharacter("71526726")).toBe("X");
  });
});

describe("residentIdParticulars (GB 11643-1999 §5.2: birth-date code and sequence code)", () => {
  const now = new Date("2026-03-02T01:00:00Z");
  it.each([
    ["11010519491231002X", { birthDate: "1949-12-31", sex: "female" }],
    ["330106199003072132", { birthDate: "1990-03-07", sex: "male" }],
    ["３３０１０６１９９００３０７２１３２", { birthDate: "1990-03-07", sex: "male" }],
  ])("%s states %j", (input, particulars) => {
    expect(residentIdParticulars(input, now)).toEqual(particulars);
  });

  it.each([["110105194912310021"], ["1101051949123100"], [""], ["110105203012310026"]])(
    "states nothing for %s, which fails its checks",
    (input) => {
      expect(residentIdParticulars(input, now)).toBeNull();
    },
  );
});
