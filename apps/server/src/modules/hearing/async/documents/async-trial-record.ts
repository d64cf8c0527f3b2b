import { formatDateTime } from "@netcourt/shared";
import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../../documents/index";

type Party = { name: string; roleZh: string; roleEn: string };

/** What the record of an asynchronous trial (非同步审理记录) is built from: the whole thread. */
export interface AsyncTrialRecordInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  procedure: "small_claims" | "simplified";
  parties: Party[];
  applicant: Party;
  reasons: string;
  appliedAt: Date;
  consents: Array<{ party: Party; at: Date }>;
  openedAt: Date;
  disputedItems: number;
  questions: Array<{
    number: number;
    kind: "question" | "issue";
    body: string;
    /** null: put to every party. */
    addressedTo: Party | null;
    postedAt: Date;
    windowEndsAt: Date;
    extendedCount: number;
    answers: Array<{
      party: Party;
      body: string;
      videoSha256: string | null;
      at: Date;
      isSupplement: boolean;
    }>;
    missed: Array<{ party: Party; windowEndsAt: Date }>;
  }>;
  liveRequests: Array<{
    party: Party;
    reasons: string;
    at: Date;
    decision: "granted" | "refused" | "pending";
    decisionReasons: string | null;
    decidedAt: Date | null;
  }>;
  closedAt: Date;
  judgeName: string;
  /** The court day of issue. */
  issuedOn: string;
}

/** The record in both languages: the Chinese original and its English courtesy translation. */
export function buildAsyncTrialRecordModels(input: AsyncTrialRecordInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

function build(input: AsyncTrialRecordInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const at = (instant: Date) => formatDateTime(locale, instant);
  const who = (p: Party) => (zh ? `${p.roleZh}${p.name}` : `${p.name} (${p.roleEn})`);
  const model = emptyModel("async_trial_record", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.issuedOn,
  });
  model.parties = input.parties.map((p) => (zh ? `${p.roleZh}：${p.name}` : `${p.roleEn}: ${p.name}`));
  const cause = zh ? input.causeNameZh : (input.causeNameEn ?? input.causeNameZh);
  model.fields = zh
    ? [
        { label: "案由", value: cause ?? "—" },
        { label: "适用程序", value: input.procedure === "small_claims" ? "小额诉讼程序" : "简易程序" },
        { label: "审理方式", value: "非同步审理（《人民法院在线诉讼规则》第二十条）" },
        { label: "申请人", value: `${who(input.applicant)}，${at(input.appliedAt)}` },
        { label: "各方同意", value: input.consents.map((c) => `${who(c.party)}（${at(c.at)}）`).join("；") },
        { label: "开始时间", value: at(input.openedAt) },
        { label: "结束时间", value: at(input.closedAt) },
      ]
    : [
        { label: "Cause of action", value: cause ?? "—" },
        {
          label: "Procedure",
          value: input.procedure === "small_claims" ? "Small-claims procedure" : "Simplified procedure",
        },
        { label: "Manner of trial", value: "Asynchronous trial (Online Litigation Rules, Article 20)" },
        { label: "Applied for by", value: `${who(input.applicant)}, ${at(input.appliedAt)}` },
        { label: "Agreed by", value: input.consents.map((c) => `${who(c.party)} (${at(c.at)})`).join("; ") },
        { label: "Opened", value: at(input.openedAt) },
        { label: "Closed", value: at(input.closedAt) },
      ];
  const body: CourtDocumentModel["body"] = [];
  body.push({
    text: zh
      ? `${who(input.applicant)}书面申请非同步审理，理由：${input.reasons}`
      : `${who(input.applicant)} applied in writing for an asynchronous trial. Reasons: ${input.reasons}`,
    style: "body",
  });
  body.push({
    text: zh
      ? `各方当事人均同意非同步审理。审判员确认各方当事人同时在线参与庭审确有困难，且经在线证据交换，各方当事人对案件主要事实和证据不存在争议${input.disputedItems > 0 ? `（开始审理时质证意见中有${input.disputedItems}项证据存在异议，经审查不影响适用）` : ""}。`
      : `Every party agreed. The judge found that the parties truly have difficulty attending online at the same time and that, after the online evidence exchange, they do not dispute the main facts and evidence${input.disputedItems > 0 ? ` (when the trial opened, opinions disputed ${input.disputedItems} item(s) of evidence; the judge found this no bar)` : ""}.`,
    style: "body",
  });
  for (const q of input.questions) {
    const label = zh
      ? `${q.kind === "issue" ? "争议焦点" : "问题"}${q.number}`
      : `${q.kind === "issue" ? "Issue" : "Question"} ${q.number}`;
    const to = q.addressedTo ? who(q.addressedTo) : zh ? "各方当事人" : "every party";
    body.push({ text: label, style: "heading" });
    body.push({
      text: zh
        ? `审判员于${at(q.postedAt)}向${to}提出，答复期限至${at(q.windowEndsAt)}${q.extendedCount > 0 ? "（经延长）" : ""}：${q.body}`
        : `Put by the judge on ${at(q.postedAt)} to ${to}, to be answered by ${at(q.windowEndsAt)}${q.extendedCount > 0 ? " (extended)" : ""}: ${q.body}`,
      style: "body",
    });
    for (const a of q.answers) {
      // 在线诉讼规则第二十条第二款: a video statement is part of the record by its hash in the ledger.
      const video = a.videoSha256
        ? zh
          ? `［视频陈述，SHA-256：${a.videoSha256}］`
          : `[video statement, SHA-256 ${a.videoSha256}]`
        : "";
      const said = [a.body, video].filter((part) => part !== "").join(zh ? "" : " ");
      body.push({
        text: zh
          ? `${who(a.party)}（${at(a.at)}${a.isSupplement ? "，补充" : ""}）：${said}`
          : `${who(a.party)} (${at(a.at)}${a.isSupplement ? ", supplement" : ""}): ${said}`,
        style: "body",
      });
    }
    for (const m of q.missed) {
      body.push({
        text: zh
          ? `${who(m.party)}未在${at(m.windowEndsAt)}前答复。`
          : `${who(m.party)} did not answer by ${at(m.windowEndsAt)}.`,
        style: "body",
      });
    }
  }
  if (input.liveRequests.length > 0) {
    body.push({ text: zh ? "同步开庭申请" : "Requests for a live hearing", style: "heading" });
    for (const r of input.liveRequests) {
      const decision =
        r.decision === "pending"
          ? zh
            ? "未作决定"
            : "not decided"
          : zh
            ? `审判员于${at(r.decidedAt!)}决定${r.decision === "granted" ? "准许" : "不予准许"}${r.decisionReasons ? `，理由：${r.decisionReasons}` : ""}`
            : `the judge ${r.decision === "granted" ? "granted" : "refused"} it on ${at(r.decidedAt!)}${r.decisionReasons ? `. Reasons: ${r.decisionReasons}` : ""}`;
      body.push({
        text: zh
          ? `${who(r.party)}于${at(r.at)}申请同步开庭，理由：${r.reasons}；${decision}。`
          : `${who(r.party)} asked for a live hearing on ${at(r.at)}. Reasons: ${r.reasons}; ${decision}.`,
        style: "body",
      });
    }
  }
  body.push({
    text: zh
      ? `审判员于${at(input.closedAt)}结束非同步审理。本记录所载提问、答复及其时间由诉讼平台记录，与平台留存一致。`
      : `The judge closed the asynchronous trial on ${at(input.closedAt)}. The questions, answers and times above were recorded by the litigation platform and match what it keeps.`,
    style: "body",
  });
  model.body = body;
  model.signature = [zh ? `审判员\u3000${input.judgeName}` : `Judge: ${input.judgeName}`];
  return model;
}
