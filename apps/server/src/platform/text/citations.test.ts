import { describe, expect, it } from "vitest";
import { citationInEnglish, tryCitationInEnglish } from "./citations";

describe("citationInEnglish", () => {
  it.each([
    ["诉讼费用交纳办法第十三条第（一）项", "Measures on the Payment of Litigation Costs, art. 13, item (1)"],
    [
      "诉讼费用交纳办法第十四条第（七）项第5目",
      "Measures on the Payment of Litigation Costs, art. 14, item (7), sub-item 5",
    ],
    [
      "诉讼费用交纳办法第十三条第（三）项、第（一）项",
      "Measures on the Payment of Litigation Costs, art. 13, items (3) and (1)",
    ],
    [
      "诉讼费用交纳办法第十六条；民事诉讼法第一百六十五条；民诉法解释第二百八十一条",
      "Measures on the Payment of Litigation Costs, art. 16; Civil Procedure Law, art. 165; SPC Interpretation of the Civil Procedure Law, art. 281",
    ],
    ["民诉法解释第二百零六条", "SPC Interpretation of the Civil Procedure Law, art. 206"],
    ["民事诉讼法第一百二十八条第一款", "Civil Procedure Law, art. 128(1)"],
    ["民事诉讼法第一百六十六条第（一）项", "Civil Procedure Law, art. 166, item (1)"],
    ["民事诉讼法第十二章", "Civil Procedure Law, chapter 12"],
    ["民事诉讼法第一百六十五条（一审终审）", "Civil Procedure Law, art. 165 (final at first instance)"],
    [
      "民事诉讼法第一百二十六条；民诉法解释第一百二十六条",
      "Civil Procedure Law, art. 126; SPC Interpretation of the Civil Procedure Law, art. 126",
    ],
    ["登记立案规定第八条第一项", "SPC Provisions on Case Registration, art. 8, item (1)"],
  ])("cites %s in English", (zh, en) => {
    expect(citationInEnglish(zh)).toBe(en);
  });

  it("returns a citation it cannot read as given", () => {
    expect(citationInEnglish("某某办法第三条")).toBe("某某办法第三条");
    expect(tryCitationInEnglish("民事诉讼法第三条（另有说明）")).toBeNull();
    expect(tryCitationInEnglish("民事诉讼法")).toBeNull();
  });
});
