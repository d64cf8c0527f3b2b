import { describe, expect, it } from "vitest";
import { itemNumber, locateParagraphItem, parseArticleStructure } from "./article-structure.rules";

// 刑法第一百三十三条之一 (as in the corpus): one itemised paragraph and two more paragraphs.
const DRUNK_DRIVING =
  "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n（一）追逐竞驶，情节恶劣的；\n（二）醉酒驾驶机动车的；\n（三）从事校车业务或者旅客运输，严重超过额定乘员载客，或者严重超过规定时速行驶的；\n（四）违反危险化学品安全管理规定运输危险化学品，危及公共安全的。\n机动车所有人、管理人对前款第三项、第四项行为负有直接责任的，依照前款的规定处罚。\n有前两款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。";

// Items separated by explanatory paragraphs (自首和立功解释第一条, shortened).
const SURRENDER =
  "根据刑法第六十七条第一款的规定……是自首。\n（一）自动投案，是指……\n犯罪嫌疑人自动投案后又逃跑的，不能认定为自首。\n（二）如实供述自己的罪行，是指……";

describe("parseArticleStructure", () => {
  it("counts paragraphs and the items under each", () => {
    const paragraphs = parseArticleStructure(DRUNK_DRIVING);
    expect(paragraphs.map((p) => p.items.length)).toEqual([4, 0, 0]);
  });

  it("reads item numbers in full- and half-width brackets", () => {
    expect(itemNumber("（十一）其他")).toBe(11);
    expect(itemNumber("(3) x")).toBe(3);
    expect(itemNumber("前款规定")).toBeNull();
  });
});

describe("locateParagraphItem", () => {
  it.each([
    ["the whole article", null, null, true],
    ["an existing paragraph", 3, null, true],
    ["a fourth paragraph", 4, null, false],
    ["an item of the first paragraph", 1, 2, true],
    ["a fifth item of the first paragraph", 1, 5, false],
    ["an item of a paragraph without items", 2, 1, false],
    ["an item without a paragraph", null, 4, true],
    ["a missing item without a paragraph", null, 5, false],
  ])("finds %s", (_label, paragraph, item, found) => {
    expect(locateParagraphItem(DRUNK_DRIVING, paragraph, item).found).toBe(found);
  });

  it("says how many paragraphs or items there are when one is missing", () => {
    expect(locateParagraphItem(DRUNK_DRIVING, 4, null)).toEqual({
      found: false,
      missing: "paragraph",
      paragraphCount: 3,
    });
    expect(locateParagraphItem(DRUNK_DRIVING, 1, 5)).toEqual({ found: false, missing: "item", itemCount: 4 });
  });

  it("finds an item by its number when paragraphs separate the items", () => {
    const found = locateParagraphItem(SURRENDER, null, 2);
    expect(found.found && found.item).toBe("（二）如实供述自己的罪行，是指……");
  });
});
