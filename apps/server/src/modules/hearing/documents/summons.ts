import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";
import type { HearingMode } from "../hearing.rules";

/** What a summons (传票, 民诉法解释第二百二十七条) is built from: one per summoned party. */
export interface SummonsInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  /** The party summoned, and the address the court has for them. */
  summoned: { name: string; roleZh: string; roleEn: string; address: string | null };
  /** When to appear, as printed in each language (e.g. 2026年3月10日 9:00 / 10 March 2026, 09:00). */
  appearAtZh: string;
  appearAtEn: string;
  mode: Exclude<HearingMode, "asynchronous">;
  /** The courtroom (courtroom mode), or the online courtroom's name (online mode), if any. */
  placeZh: string | null;
  placeEn: string | null;
  judgeName: string;
  clerkName: string | null;
  /** The court day of issue. */
  issuedOn: string;
}

/** The summons in both languages: the Chinese original and its English courtesy translation. */
export function buildSummonsModels(input: SummonsInput): { zh: CourtDocumentModel; en: CourtDocumentModel } {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

function build(input: SummonsInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("summons", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.issuedOn,
  });
  const cause = zh ? input.causeNameZh : (input.causeNameEn ?? input.causeNameZh);
  const online = input.mode === "online";
  const place = zh
    ? online
      ? `${input.courtNameZh}在线诉讼平台在线庭审${input.placeZh ? `（${input.placeZh}）` : ""}`
      : `${input.courtNameZh}${input.placeZh ?? ""}`
    : online
      ? `Online hearing on the ${input.courtNameEn} litigation platform${input.placeEn ? ` (${input.placeEn})` : ""}`
      : `${input.courtNameEn}, ${input.placeEn ?? ""}`.replace(/, $/, "");
  model.parties = [
    zh
      ? `被传唤人：${input.summoned.name}（${input.summoned.roleZh}）`
      : `Person summoned: ${input.summoned.name} (${input.summoned.roleEn})`,
  ];
  model.fields = zh
    ? [
        { label: "案由", value: cause ?? "—" },
        { label: "被传唤人", value: input.summoned.name },
        { label: "工作单位或者住址", value: input.summoned.address ?? "—" },
        { label: "传唤事由", value: "开庭审理" },
        { label: "应到时间", value: input.appearAtZh },
        { label: "应到处所", value: place },
      ]
    : [
        { label: "Cause of action", value: cause ?? "—" },
        { label: "Person summoned", value: input.summoned.name },
        { label: "Address", value: input.summoned.address ?? "—" },
        { label: "Purpose", value: "Court hearing" },
        { label: "Time to appear", value: input.appearAtEn },
        { label: "Place", value: place },
      ];
  model.body = zh
    ? [
        { text: "注意事项：", style: "plain" },
        { text: "一、被传唤人必须准时到达应到处所。", style: "plain" },
        ...(online
          ? [
              {
                text: "二、本案在线开庭。被传唤人应于开庭前登录本院在线诉讼平台，完成身份核验并检查音视频设备。除确属网络故障、设备损坏、电力中断或者不可抗力等原因外，不按时参加在线庭审的，视为“拒不到庭”，庭审中擅自退出的，视为“中途退庭”（《最高人民法院关于互联网法院审理案件若干问题的规定》第十四条）。",
                style: "plain" as const,
              },
            ]
          : [
              {
                text: "二、被传唤人应携带本传票及身份证明来院报到。",
                style: "plain" as const,
              },
            ]),
        {
          text: "三、原告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以按撤诉处理；被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决（《中华人民共和国民事诉讼法》第一百四十六条、第一百四十七条）。",
          style: "plain",
        },
        { text: "四、本传票经电子送达，被传唤人在线签收即视为在送达回证上签名。", style: "plain" },
      ]
    : [
        { text: "Notes:", style: "plain" },
        { text: "1. The person summoned must appear at the place and time stated.", style: "plain" },
        ...(online
          ? [
              {
                text: "2. The hearing is held online. Sign in to the court's online litigation platform before the hearing, verify your identity and test your camera and microphone. Failing to join on time, unless for a network failure, broken equipment, a power cut or force majeure, counts as refusing to appear; leaving without leave counts as leaving the court (Provisions on Cases Heard by Internet Courts, Article 14).",
                style: "plain" as const,
              },
            ]
          : [
              {
                text: "2. Bring this summons and proof of identity and report to the court.",
                style: "plain" as const,
              },
            ]),
        {
          text: "3. A plaintiff who, summoned, refuses to appear without good cause or leaves without leave may be treated as having withdrawn the suit; against a defendant who does so the court may give judgment by default (Civil Procedure Law, Articles 146 and 147).",
          style: "plain",
        },
        {
          text: "4. This summons is served electronically; acknowledging it online stands for signing the certificate of service.",
          style: "plain",
        },
      ];
  model.signature = [
    zh ? `审判员\u3000${input.judgeName}` : `Judge: ${input.judgeName}`,
    ...(input.clerkName ? [zh ? `书记员\u3000${input.clerkName}` : `Clerk: ${input.clerkName}`] : []),
  ];
  return model;
}
