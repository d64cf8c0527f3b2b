import { describe, expect, it } from "vitest";
import { citationEn } from "./citation";

describe("citationEn", () => {
  it.each([
    ["民法典第四百九十一条第二款", "Civil Code, Art. 491(2)"],
    ["民法典第五百六十三条、第六百一十条", "Civil Code, Arts. 563, 610"],
    [
      "电子商务法第九条；消费者权益保护法第四十四条第一款",
      "E-Commerce Law, Art. 9; Consumer Rights Protection Law, Art. 44(1)",
    ],
    ["民事诉讼法第一百二十七条第四项", "Civil Procedure Law, Art. 127(4)"],
    ["网络消费规定（一）第四条", "Provisions on Online Consumption Disputes (I), Art. 4"],
    ["民事诉讼法第一百三十六条第（四）项", "Civil Procedure Law, Art. 136(4)"],
    ["民法典第一千一百六十五条", "Civil Code, Art. 1165"],
  ])("%s → %s", (zh, en) => {
    expect(citationEn(zh)).toBe(en);
  });

  it("keeps what it does not understand as written", () => {
    expect(citationEn("某某条例第三条")).toBe("某某条例第三条");
    expect(citationEn("民法典；某规定")).toBe("民法典; 某规定");
  });
});
