import {
  emptyModel,
  type CourtDocumentModel,
  type DocumentLocale,
  type DocumentParagraph,
} from "../../../documents/index";
import { hearingTimestamp, speakerLabels } from "../transcript.rules";
import type { FrozenSegment, SignatureDecisionValue, SpeakerRoleValue } from "../transcript.tables";

/** What the signed transcript (庭审笔录, 民事诉讼法第一百五十条) is built from. */
export interface TranscriptDocumentInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  /** When and how the court sat, as printed in each language. */
  sittingZh: string;
  sittingEn: string;
  isOnline: boolean;
  judgeName: string;
  clerkName: string | null;
  version: number;
  contentSha256: string;
  segments: readonly FrozenSegment[];
  signers: ReadonlyArray<{
    speakerRole: SpeakerRoleValue;
    name: string;
    decision: Exclude<SignatureDecisionValue, "pending">;
    /** The refusal's reason, or the absence code (`not_present`, `no_account`). */
    reason: string | null;
    /** When they signed or refused, as printed in each language. */
    atZh: string | null;
    atEn: string | null;
  }>;
  /** Requests for correction that were not granted (第一百五十条第二款: 记录在案). */
  declinedCorrections: ReadonlyArray<{ name: string; request: string; answer: string }>;
  issuedOn: string;
}

/** The signed transcript in both languages: the Chinese original and its English courtesy translation. */
export function buildTranscriptModels(input: TranscriptDocumentInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

const absenceZh: Record<string, string> = {
  not_present: "未到庭",
  no_account: "未使用在线诉讼平台，未在线签名",
};
const absenceEn: Record<string, string> = {
  not_present: "did not attend",
  no_account: "not on the online platform; did not sign online",
};

function build(input: TranscriptDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("hearing_transcript", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.issuedOn,
  });
  const cause = zh ? input.causeNameZh : (input.causeNameEn ?? input.causeNameZh);
  const label = (role: SpeakerRoleValue) => (zh ? speakerLabels[role].zh : speakerLabels[role].en);
  const present = input.signers.filter((s) => s.decision !== "absent");
  model.fields = zh
    ? [
        { label: "案由", value: cause ?? "—" },
        { label: "时间", value: input.sittingZh },
        { label: "方式", value: input.isOnline ? "在线庭审" : "线下开庭" },
        { label: "审判员", value: input.judgeName },
        { label: "书记员", value: input.clerkName ?? "—" },
        {
          label: "到庭人员",
          value: present.map((s) => `${label(s.speakerRole)}${s.name}`).join("、") || "—",
        },
        { label: "笔录版本", value: `第${input.version}版` },
        { label: "笔录指纹（SHA-256）", value: input.contentSha256 },
      ]
    : [
        { label: "Cause of action", value: cause ?? "—" },
        { label: "Sitting", value: input.sittingEn },
        { label: "Mode", value: input.isOnline ? "Online hearing" : "In a courtroom" },
        { label: "Judge", value: input.judgeName },
        { label: "Clerk", value: input.clerkName ?? "—" },
        {
          label: "Present",
          value: present.map((s) => `${label(s.speakerRole)} ${s.name}`).join(", ") || "—",
        },
        { label: "Version", value: String(input.version) },
        { label: "Fingerprint (SHA-256)", value: input.contentSha256 },
      ];
  const lines: DocumentParagraph[] = input.segments.map((segment) => ({
    text: zh
      ? `[${hearingTimestamp(segment.startMs)}] ${label(segment.speakerRole)}${segment.speakerName}：${segment.text}`
      : `[${hearingTimestamp(segment.startMs)}] ${label(segment.speakerRole)} ${segment.speakerName}: ${segment.text}`,
    style: "plain",
  }));
  const signatures: DocumentParagraph[] = input.signers.map((signer) => {
    const who = zh
      ? `${label(signer.speakerRole)}${signer.name}`
      : `${label(signer.speakerRole)} ${signer.name}`;
    switch (signer.decision) {
      case "signed":
        return {
          text: zh
            ? `${who}：已于${signer.atZh}在线核对并确认签名。`
            : `${who}: read and confirmed online on ${signer.atEn}.`,
          style: "plain",
        };
      case "refused":
        return {
          text: zh
            ? `${who}：于${signer.atZh}拒绝签名，理由：${signer.reason ?? ""}（记明情况附卷）。`
            : `${who}: refused to sign on ${signer.atEn}; reason: ${signer.reason ?? ""} (recorded and kept on file).`,
          style: "plain",
        };
      case "absent":
        return {
          text: zh
            ? `${who}：${absenceZh[signer.reason ?? ""] ?? signer.reason ?? ""}。`
            : `${who}: ${absenceEn[signer.reason ?? ""] ?? signer.reason ?? ""}.`,
          style: "plain",
        };
    }
  });
  const corrections: DocumentParagraph[] = input.declinedCorrections.length
    ? [
        {
          text: zh ? "补正申请（未予补正，记录在案）" : "Requests for correction not granted (recorded)",
          style: "heading",
        },
        ...input.declinedCorrections.map((c) => ({
          text: zh
            ? `${c.name}申请补正：${c.request}；处理意见：${c.answer}`
            : `${c.name} asked to correct: ${c.request}; answer: ${c.answer}`,
          style: "plain" as const,
        })),
      ]
    : [];
  model.body = [
    { text: zh ? "庭审记录" : "Record of the hearing", style: "heading" },
    ...lines,
    ...corrections,
    { text: zh ? "笔录核对与签名" : "Reading and signature", style: "heading" },
    {
      text: zh
        ? "本笔录经审判员、书记员及诉讼参与人在线核对，在线确认视为签名（《中华人民共和国民事诉讼法》第一百五十条，《人民法院在线诉讼规则》第三十三条、第三十四条）。"
        : "This transcript was read online by the judge, the clerk and the participants; confirming it online stands for signing it (Civil Procedure Law, Article 150; Online Litigation Rules, Articles 33 and 34).",
      style: "body",
    },
    ...signatures,
  ];
  model.signature = [
    zh ? `审判员\u3000${input.judgeName}` : `Judge: ${input.judgeName}`,
    ...(input.clerkName ? [zh ? `书记员\u3000${input.clerkName}` : `Clerk: ${input.clerkName}`] : []),
  ];
  return model;
}
