import { describe, expect, it } from "vitest";
import { contentSha256, renderDocx } from "../../../documents/index";
import { buildAsyncTrialRecordModels, type AsyncTrialRecordInput } from "./async-trial-record";

const plaintiff = { name: "张三", roleZh: "原告", roleEn: "Plaintiff" };
const defendant = { name: "李四", roleZh: "被告", roleEn: "Defendant" };
const at = (iso: string) => new Date(iso);

const input: AsyncTrialRecordInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民初1号",
  causeNameZh: "信息网络买卖合同纠纷",
  causeNameEn: "Online sale contract dispute",
  procedure: "simplified",
  parties: [plaintiff, defendant],
  applicant: plaintiff,
  reasons: "在外地务工，难以同时在线。",
  appliedAt: at("2026-03-02T09:00:00+08:00"),
  consents: [
    { party: plaintiff, at: at("2026-03-02T09:00:00+08:00") },
    { party: defendant, at: at("2026-03-02T10:00:00+08:00") },
  ],
  openedAt: at("2026-03-02T11:00:00+08:00"),
  disputedItems: 0,
  questions: [
    {
      number: 1,
      kind: "issue",
      body: "手机是否为翻新机？",
      addressedTo: null,
      postedAt: at("2026-03-02T12:00:00+08:00"),
      windowEndsAt: at("2026-03-05T18:00:00+08:00"),
      extendedCount: 0,
      answers: [
        {
          party: defendant,
          body: "全新正品。",
          videoSha256: null,
          at: at("2026-03-02T20:15:00+08:00"),
          isSupplement: false,
        },
        {
          party: plaintiff,
          body: "电池已循环312次。",
          videoSha256: "ab".repeat(32),
          at: at("2026-03-04T16:40:00+08:00"),
          isSupplement: false,
        },
        {
          party: plaintiff,
          body: "开箱视频已提交。",
          videoSha256: null,
          at: at("2026-03-04T16:50:00+08:00"),
          isSupplement: true,
        },
      ],
      missed: [],
    },
    {
      number: 2,
      kind: "question",
      body: "是否已退款？",
      addressedTo: defendant,
      postedAt: at("2026-03-02T12:05:00+08:00"),
      windowEndsAt: at("2026-03-03T18:00:00+08:00"),
      extendedCount: 1,
      answers: [],
      missed: [{ party: defendant, windowEndsAt: at("2026-03-03T18:00:00+08:00") }],
    },
  ],
  liveRequests: [
    {
      party: defendant,
      reasons: "希望当庭查验。",
      at: at("2026-03-04T17:00:00+08:00"),
      decision: "refused",
      decisionReasons: "书面材料足以认定。",
      decidedAt: at("2026-03-04T18:00:00+08:00"),
    },
  ],
  closedAt: at("2026-03-05T10:00:00+08:00"),
  judgeName: "法官甲",
  issuedOn: "2026-03-05",
};

describe("the record of an asynchronous trial", () => {
  it("sets out the whole thread with its times, supplements, missed answers and live-hearing decisions", () => {
    const { zh, en } = buildAsyncTrialRecordModels(input);
    expect(zh.kind).toBe("async_trial_record");
    expect(zh.title).toBe("非同步审理记录");
    const text = zh.body.map((p) => p.text).join("\n");
    expect(text).toContain("争议焦点1");
    expect(text).toContain("被告李四（2026年3月2日 20:15）：全新正品。");
    expect(text).toContain("原告张三（2026年3月4日 16:50，补充）：开箱视频已提交。");
    // 在线诉讼规则第二十条第二款: a video statement stands in the record by its hash.
    expect(text).toContain(
      `原告张三（2026年3月4日 16:40）：电池已循环312次。［视频陈述，SHA-256：${"ab".repeat(32)}］`,
    );
    expect(text).toContain("被告李四未在2026年3月3日 18:00前答复。");
    expect(text).toContain("不予准许，理由：书面材料足以认定。");
    expect(zh.fields).toContainEqual({
      label: "审理方式",
      value: "非同步审理（《人民法院在线诉讼规则》第二十条）",
    });
    expect(zh.signature).toEqual(["审判员\u3000法官甲"]);
    expect(en.title).toBe("Record of Asynchronous Trial");
    expect(en.body.map((p) => p.text).join("\n")).toContain("(Mar 4, 2026, 4:50 PM, supplement)");
  });

  it("gives the same content and the same DOCX bytes for the same thread", async () => {
    const first = buildAsyncTrialRecordModels(input).zh;
    const second = buildAsyncTrialRecordModels(input).zh;
    expect(contentSha256(first)).toBe(contentSha256(second));
    expect(Buffer.compare(await renderDocx(first), await renderDocx(second))).toBe(0);
  });
});
