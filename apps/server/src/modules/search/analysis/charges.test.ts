import { describe, expect, it } from "vitest";
import { extractLawArticles } from "./articles";
import { canonicalizeCharge, extractCharges } from "./charges";

describe("canonicalizeCharge", () => {
  it.each([
    ["危险驾驶罪", "危险驾驶罪"],
    ["贩卖毒品罪", "走私、贩卖、运输、制造毒品罪"],
    ["非法持有枪支罪", "非法持有、私藏枪支、弹药罪"],
    ["盗窃", "盗窃罪"],
  ])("maps %s to %s", (written, official) => {
    expect(canonicalizeCharge(written)).toBe(official);
  });

  it("returns null for a name that is no charge", () => {
    expect(canonicalizeCharge("吃饭罪")).toBeNull();
  });
});

describe("extractCharges", () => {
  it("finds every charge of a multi-charge outcome once", () => {
    expect(
      extractCharges(
        "被告人甲犯盗窃罪，判处有期徒刑一年；犯贩卖毒品罪、容留他人吸毒罪，判处……被告人乙犯盗窃罪",
      ),
    ).toEqual(["盗窃罪", "走私、贩卖、运输、制造毒品罪", "容留他人吸毒罪"]);
  });
});

describe("extractLawArticles", () => {
  it("reads cited articles with their law's short title", () => {
    expect(
      extractLawArticles("依照《中华人民共和国刑法》第一百三十三条之一、第六十七条第三款、第52条之规定"),
    ).toEqual(["刑法:133之一", "刑法:67", "刑法:52"]);
  });
});
