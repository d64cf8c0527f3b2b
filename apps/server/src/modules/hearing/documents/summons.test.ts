import { describe, expect, it } from "vitest";
import { contentSha256 } from "../../documents/index";
import { buildSummonsModels, type SummonsInput } from "./summons";

const input: SummonsInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民初1号",
  causeNameZh: "网络购物合同纠纷",
  causeNameEn: "Online shopping contract dispute",
  summoned: { name: "张三", roleZh: "原告", roleEn: "plaintiff", address: "浙江省杭州市西湖区文三路1号" },
  appearAtZh: "二〇二六年三月十日09:30",
  appearAtEn: "10 March 2026, 09:30",
  mode: "online",
  placeZh: "在线法庭一",
  placeEn: "Online Courtroom 1",
  judgeName: "法官甲",
  clerkName: "书记员甲",
  issuedOn: "2026-03-02",
};

describe("buildSummonsModels", () => {
  it("names the person summoned, the purpose, the time and the place (民诉法解释第二百二十七条)", () => {
    const { zh } = buildSummonsModels(input);
    expect(zh.title).toBe("传票");
    expect(zh.kind).toBe("summons");
    expect(zh.fields).toEqual([
      { label: "案由", value: "网络购物合同纠纷" },
      { label: "被传唤人", value: "张三" },
      { label: "工作单位或者住址", value: "浙江省杭州市西湖区文三路1号" },
      { label: "传唤事由", value: "开庭审理" },
      { label: "应到时间", value: "二〇二六年三月十日09:30" },
      { label: "应到处所", value: "杭州互联网法院在线诉讼平台在线庭审（在线法庭一）" },
    ]);
    expect(zh.signature).toEqual(["审判员\u3000法官甲", "书记员\u3000书记员甲"]);
  });

  it("warns of the consequences of not appearing, online and in a courtroom", () => {
    const online = buildSummonsModels(input)
      .zh.body.map((p) => p.text)
      .join("");
    expect(online).toContain("第一百四十六条、第一百四十七条");
    expect(online).toContain("互联网法院审理案件若干问题的规定》第十四条");
    const courtroom = buildSummonsModels({
      ...input,
      mode: "courtroom",
      placeZh: "第一法庭",
      placeEn: "Courtroom 1",
    });
    expect(courtroom.zh.fields.at(-1)).toEqual({ label: "应到处所", value: "杭州互联网法院第一法庭" });
    expect(courtroom.zh.body.map((p) => p.text).join("")).toContain("携带本传票");
    expect(courtroom.en.fields.at(-1)).toEqual({
      label: "Place",
      value: "Hangzhou Internet Court, Courtroom 1",
    });
  });

  it("gives an English courtesy translation and the same content for the same input", () => {
    const { en } = buildSummonsModels(input);
    expect(en.title).toBe("Summons");
    expect(en.translationNote).not.toBeNull();
    expect(contentSha256(buildSummonsModels(input).zh)).toBe(contentSha256(buildSummonsModels(input).zh));
  });
});
