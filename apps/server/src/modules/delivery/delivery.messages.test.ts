import { describe, expect, it } from "vitest";
import { inboxTemplates, renderInboxMessage, renderServiceNotice } from "./delivery.messages";

const jurisdiction = {
  key: "127-4",
  articleZh: "第一百二十七条第四项",
  articleEn: "Article 127(4)",
  zh: "不属于本院管辖",
  en: "the court has no jurisdiction",
};

describe("renderInboxMessage", () => {
  it.each([
    ["。", "。"],
    [".", "。"],
    ["；", "。"],
    ["", "。"],
    ["！", "！"],
  ])("ends the refusal's reasons with one stop whatever the clerk typed (%j)", (ending, stop) => {
    const params = { reason: `本案应由被告住所地法院管辖${ending}`, grounds: [jurisdiction] };
    const zh = renderInboxMessage("filing_refused", params, "zh-CN").body;
    expect(zh).toContain(`理由：本案应由被告住所地法院管辖${stop}如不服`);
    expect(zh).not.toMatch(/[。！？.；;]{2}/);
    const en = renderInboxMessage("filing_refused", params, "en").body;
    expect(en).not.toMatch(/[。.!?;]{2}/);
  });

  it("names each refusal ground by its article and what it means", () => {
    const params = { reason: "被告住所地不在本院辖区。", grounds: [jurisdiction] };
    const zh = renderInboxMessage("filing_refused", params, "zh-CN").body;
    expect(zh).toContain("《中华人民共和国民事诉讼法》第一百二十七条第四项（不属于本院管辖）");
    expect(zh).not.toContain("127-4");
    const en = renderInboxMessage("filing_refused", params, "en").body;
    expect(en).toContain("Civil Procedure Law, Article 127(4) (the court has no jurisdiction)");
    expect(en).not.toContain("127-4");
  });

  it("still reads well for refusals stored before the grounds were kept", () => {
    const zh = renderInboxMessage("filing_refused", { reason: "不符合起诉条件。" }, "zh-CN").body;
    expect(zh).toBe(
      "法院裁定对您的起诉不予受理。理由：不符合起诉条件。如不服，可在裁定书送达之日起十日内提起上诉。",
    );
  });

  it("labels the clerk's note on a correction as a note, not as reasons", () => {
    const params = { items: ["补充被告身份信息。", "提交证据原件"], note: "请于七日内补正。" };
    const zh = renderInboxMessage("correction_requested", params, "zh-CN").body;
    expect(zh).toBe(
      "法院要求补正：补充被告身份信息；提交证据原件。说明：请于七日内补正。补正后立案审查期限重新计算。",
    );
    expect(zh).not.toContain("理由");
    const en = renderInboxMessage("correction_requested", params, "en").body;
    expect(en).toContain("Note: 请于七日内补正。 The review period");
    expect(en).not.toMatch(/Reason/);
    const withoutNote = renderInboxMessage(
      "correction_requested",
      { items: ["补充证据"], note: null },
      "zh-CN",
    );
    expect(withoutNote.body).toBe("法院要求补正：补充证据。补正后立案审查期限重新计算。");
  });

  it("never doubles punctuation when free text ends a sentence", () => {
    const text = "文字。";
    const params = {
      reason: text,
      note: text,
      items: [text],
      courtNameZh: "北京互联网法院",
      courtNameEn: "Beijing Internet Court",
    };
    for (const [kind, locales] of Object.entries(inboxTemplates)) {
      for (const locale of Object.keys(locales) as Array<keyof typeof locales>) {
        const { body } = renderInboxMessage(kind, params, locale);
        expect(body, `${kind} ${locale}`).not.toMatch(/。。|。，|。；|\.\./);
      }
    }
  });

  it("writes dates and fees as the pages do, in the reader's language", () => {
    const params = {
      courtNameZh: "北京互联网法院",
      courtNameEn: "Beijing Internet Court",
      reviewDueOn: "2026-12-14",
      feeDueOn: "2026-12-21",
      fee: 1050,
      queryCode: "ABCD-EFGH-JKLM",
    };
    const zh = renderInboxMessage("filing_submitted", params, "zh-CN").body;
    expect(zh).toContain("法院将在2026年12月14日前完成立案审查");
    expect(zh).toContain("请在2026年12月21日前交纳诉讼费1,050.00 元。");
    expect(zh).not.toMatch(/2026-12|1050/);
    const en = renderInboxMessage("filing_submitted", params, "en").body;
    expect(en).toContain("by Dec 14, 2026.");
    expect(en).toContain("Please pay the fee of 1,050.00 yuan by Dec 21, 2026.");
    expect(en).not.toMatch(/2026-12|1050|CNY/);
  });

  it("reads fees stored as text by older messages", () => {
    expect(renderInboxMessage("fee_paid", { fee: "1050.00" }, "zh-CN").body).toBe(
      "已收到诉讼费1,050.00 元。",
    );
    expect(renderInboxMessage("fee_paid", { fee: "1050.00" }, "en").body).toBe(
      "The fee of 1,050.00 yuan was received.",
    );
  });

  it.each(["filing_to_review", "correction_submitted"])("writes the review day of %s as a date", (kind) => {
    const params = { title: "张三诉李四网络购物合同纠纷", reviewDueOn: "2026-03-09" };
    expect(renderInboxMessage(kind, params, "zh-CN").body).toContain("2026年3月9日");
    expect(renderInboxMessage(kind, params, "en").body).toContain("Mar 9, 2026");
  });
});

// 在线诉讼规则第七条: an addressee without an account links the case with the code sent with the copy.
describe("renderServiceNotice", () => {
  const base = {
    courtNameZh: "杭州互联网法院",
    courtNameEn: "Hangzhou Internet Court",
    caseNumber: "（2026）浙0192民初1号",
    kind: "complaint_copy",
    link: "https://court.example/served/s1",
  };

  it("carries the case code and where to link the case in both languages when given", () => {
    const { text } = renderServiceNotice({
      ...base,
      caseCode: { code: "ABCD2345EFGH", link: "https://court.example/cases/link" },
    });
    const [zh, en] = text.split("\n");
    expect(zh).toContain("案件码 ABCD2345EFGH");
    expect(zh).toContain("https://court.example/cases/link");
    expect(en).toContain("case code ABCD2345EFGH");
    expect(en).toContain("https://court.example/cases/link");
  });

  it("says nothing of a code otherwise", () => {
    const { text } = renderServiceNotice(base);
    expect(text).not.toContain("案件码");
    expect(text).not.toContain("case code");
    expect(text).not.toContain("/cases/link");
  });
});
