import { describe, expect, it } from "vitest";
import {
  complaintFieldIssues,
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

describe("complaintFieldIssues (GB 11643, GB 32100, phone, e-mail, licence)", () => {
  const now = new Date("2026-03-02T01:00:00Z");
  // 11010519491231002X is the standard's own example number (GB 11643-1999 appendix).
  const goodId = "11010519491231002X";

  it("passes a complaint whose given fields have their form, and blank fields", () => {
    expect(
      complaintFieldIssues(
        {
          parties: [
            { kind: "natural_person", idNumber: goodId, phone: "13800001111", email: "a@b.cn" },
            { kind: "legal_person", creditCode: "914403001922038216", idNumber: "" },
            { kind: "other_organisation", creditCode: null, phone: null },
          ],
          agents: [{ licenceNumber: "13301201910123456", phone: "0571-88888888" }],
        },
        now,
      ),
    ).toEqual([]);
  });

  it.each([
    [
      { kind: "natural_person", idNumber: "110105194912310021" },
      "parties.0.idNumber",
      "id_number_check_digit_mismatch",
    ],
    [{ kind: "natural_person", idNumber: "1101051949" }, "parties.0.idNumber", "id_number_wrong_length"],
    [
      { kind: "natural_person", creditCode: "914403001922038216" },
      "parties.0.creditCode",
      "not_for_natural_person",
    ],
    [{ kind: "legal_person", idNumber: goodId }, "parties.0.idNumber", "not_for_organisation"],
    [
      { kind: "legal_person", creditCode: "914403001922038217" },
      "parties.0.creditCode",
      "credit_code_check_character_mismatch",
    ],
    [{ kind: "natural_person", phone: "12345" }, "parties.0.phone", "phone_invalid"],
    [{ kind: "natural_person", email: "nobody" }, "parties.0.email", "email_invalid"],
  ] as const)("%j → %s %s", (party, path, code) => {
    expect(complaintFieldIssues({ parties: [party] }, now)).toEqual([{ path, code }]);
  });

  it("lists every wrong field, agents included, and leaves the right ones alone", () => {
    expect(
      complaintFieldIssues(
        {
          parties: [
            { kind: "natural_person", idNumber: "110105194912310021", phone: "13800001111" },
            { kind: "natural_person", idNumber: goodId, phone: "1" },
          ],
          agents: [{ licenceNumber: "1234", phone: "13800001111" }],
        },
        now,
      ),
    ).toEqual([
      { path: "parties.0.idNumber", code: "id_number_check_digit_mismatch" },
      { path: "parties.1.phone", code: "phone_invalid" },
      { path: "agents.0.licenceNumber", code: "licence_number_invalid" },
    ]);
  });
});
