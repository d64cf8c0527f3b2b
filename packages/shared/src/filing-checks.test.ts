import { describe, expect, it } from "vitest";
import {
  countCharacters,
  factsAndReasonsIssue,
  isEmailAddress,
  isLawyerLicenceNumber,
  isPhoneNumber,
} from "./filing-checks";

describe("factsAndReasonsIssue (民事诉讼法第一百二十四条第三项)", () => {
  it.each([
    ["", "facts_required"],
    [null, "facts_required"],
    ["   \n\t ", "facts_required"],
    ["一", "facts_too_short"],
    ["被告欠款不还。", "facts_too_short"],
    ["一 二 三 四 五 六 七 八 九", "facts_too_short"],
    ["𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀", "facts_too_short"],
    ["被告欠原告货款五千元。", null],
    ["一二三四五六七八九十", null],
    ["The defendant owes 5000 yuan.", null],
  ])("%j → %s", (text, expected) => {
    expect(factsAndReasonsIssue(text)).toBe(expected);
  });

  it("counts what a reader sees: no whitespace, one per character beyond the BMP", () => {
    expect(countCharacters(" 张 三\n")).toBe(2);
    expect(countCharacters("𠀀a")).toBe(2);
  });
});

describe("contact and licence shapes", () => {
  it.each([
    ["13800001111", true],
    ["138 0000 1111", true],
    ["0571-88886666", true],
    ["010-12345678-123", true],
    ["400-123-4567", true],
    ["12800001111", false],
    ["1380000111", false],
    ["abc", false],
  ])("phone %j → %s", (value, expected) => {
    expect(isPhoneNumber(value)).toBe(expected);
  });

  it.each([
    ["a@b.cn", true],
    [" a@b.cn ", true],
    ["a@b", false],
    ["a b@c.cn", false],
  ])("e-mail %j → %s", (value, expected) => {
    expect(isEmailAddress(value)).toBe(expected);
  });

  it.each([
    ["13301201810123456", true],
    ["1330120181012345", false],
    ["1330120181012345X", false],
    ["13301 201810123456", false],
  ])("licence %j → %s", (value, expected) => {
    expect(isLawyerLicenceNumber(value)).toBe(expected);
  });
});
