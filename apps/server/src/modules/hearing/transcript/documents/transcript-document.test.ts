import { describe, expect, it } from "vitest";
import { contentSha256, renderDocx } from "../../../documents/index";
import { buildTranscriptModels, type TranscriptDocumentInput } from "./transcript-document";

const input: TranscriptDocumentInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民初1号",
  causeNameZh: "网络购物合同纠纷",
  causeNameEn: "Online shopping contract dispute",
  sittingZh: "二〇二六年三月十日09:30",
  sittingEn: "10 March 2026, 09:30",
  isOnline: true,
  judgeName: "法官甲",
  clerkName: "书记员甲",
  version: 2,
  contentSha256: "a".repeat(64),
  segments: [
    {
      id: "s1",
      startMs: 0,
      endMs: 1500,
      speakerRole: "judge",
      speakerName: "法官甲",
      text: "现在开庭。",
      source: "asr",
    },
    {
      id: "s2",
      startMs: 65_000,
      endMs: 70_000,
      speakerRole: "plaintiff",
      speakerName: "张三",
      text: "请求退款。",
      source: "manual",
    },
  ],
  signers: [
    {
      speakerRole: "judge",
      name: "法官甲",
      decision: "signed",
      reason: null,
      atZh: "二〇二六年三月十日10:40",
      atEn: "10 March 2026, 10:40",
    },
    {
      speakerRole: "defendant",
      name: "某公司",
      decision: "refused",
      reason: "记录不完整",
      atZh: "二〇二六年三月十日10:41",
      atEn: "10 March 2026, 10:41",
    },
    {
      speakerRole: "third_party",
      name: "王五",
      decision: "absent",
      reason: "not_present",
      atZh: null,
      atEn: null,
    },
  ],
  declinedCorrections: [{ name: "某公司", request: "补记质证意见", answer: "已记录" }],
  issuedOn: "2026-03-10",
};

describe("buildTranscriptModels", () => {
  it("lists each line with its hearing time and speaker, and each signature, refusal and absence", () => {
    const { zh, en } = buildTranscriptModels(input);
    expect(zh.kind).toBe("hearing_transcript");
    expect(zh.title).toBe("庭审笔录");
    const lines = zh.body.map((p) => p.text);
    expect(lines).toContain("[00:00] 审判员法官甲：现在开庭。");
    expect(lines).toContain("[01:05] 原告张三：请求退款。");
    expect(lines).toContain("审判员法官甲：已于二〇二六年三月十日10:40在线核对并确认签名。");
    expect(lines).toContain(
      "被告某公司：于二〇二六年三月十日10:41拒绝签名，理由：记录不完整（记明情况附卷）。",
    );
    expect(lines).toContain("第三人王五：未到庭。");
    expect(lines).toContain("某公司申请补正：补记质证意见；处理意见：已记录");
    expect(zh.fields).toContainEqual({ label: "笔录指纹（SHA-256）", value: "a".repeat(64) });
    expect(en.translationNote).not.toBeNull();
    expect(en.body.map((p) => p.text)).toContain("[01:05] Plaintiff 张三: 请求退款。");
    expect(zh.signature).toEqual(["审判员\u3000法官甲", "书记员\u3000书记员甲"]);
  });

  it("gives the same bytes for the same transcript", async () => {
    const first = buildTranscriptModels(input).zh;
    const second = buildTranscriptModels(structuredClone(input)).zh;
    expect(contentSha256(first)).toBe(contentSha256(second));
    expect(Buffer.from(await renderDocx(first)).equals(Buffer.from(await renderDocx(second)))).toBe(true);
  });
});
