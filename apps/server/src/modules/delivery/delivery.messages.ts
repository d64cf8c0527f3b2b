import { formatDate, formatMoney, type Locale } from "@netcourt/shared";

type Template = (params: Record<string, unknown>) => string;

/**
 * Platform inbox messages by kind, in both languages (the UI may re-render them from kind and params).
 * Params carry raw values — court days as `YYYY-MM-DD`, fees as yuan numbers — and the templates write
 * them with the shared formatter, so a message reads like the pages in the reader's language.
 */
export const inboxTemplates: Record<string, Record<Locale, { title: Template; body: Template }>> = {
  filing_submitted: {
    "zh-CN": {
      title: () => "起诉材料已提交",
      body: (p) =>
        `您向${s(p.courtNameZh)}提交的起诉材料已收到，法院将在${day(p.reviewDueOn, "zh-CN")}前完成立案审查。请在${day(p.feeDueOn, "zh-CN")}前交纳诉讼费${money(p.fee, "zh-CN")}。案件查询码：${s(p.queryCode)}。`,
    },
    en: {
      title: () => "Complaint submitted",
      body: (p) =>
        `${s(p.courtNameEn)} received your complaint and will decide on registration by ${day(p.reviewDueOn, "en")}. Please pay the fee of ${money(p.fee, "en")} by ${day(p.feeDueOn, "en")}. Progress query code: ${s(p.queryCode)}.`,
    },
  },
  filing_to_review: {
    "zh-CN": {
      title: () => "新的立案申请待审查",
      body: (p) => `${s(p.title)}，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "New filing to review",
      body: (p) => `${s(p.title)}; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  fee_paid: {
    "zh-CN": { title: () => "诉讼费已交纳", body: (p) => `已收到诉讼费${money(p.fee, "zh-CN")}。` },
    en: { title: () => "Fee paid", body: (p) => `The fee of ${money(p.fee, "en")} was received.` },
  },
  correction_requested: {
    "zh-CN": {
      title: () => "请补正起诉材料",
      body: (p) =>
        `法院要求补正：${sentence(list(p.items, "；"), "zh")}${p.note ? `说明：${sentence(s(p.note), "zh")}` : ""}补正后立案审查期限重新计算。`,
    },
    en: {
      title: () => "Please complete your complaint",
      body: (p) =>
        `The court asks you to correct: ${sentence(list(p.items, "; "), "en")}${p.note ? ` Note: ${sentence(s(p.note), "en")}` : ""} The review period restarts once you resubmit.`,
    },
  },
  correction_submitted: {
    "zh-CN": {
      title: () => "补正材料已提交",
      body: (p) => `${s(p.title)}已补正，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Correction submitted",
      body: (p) => `${s(p.title)} was corrected; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  filing_accepted: {
    "zh-CN": {
      title: () => "已立案",
      body: (p) => `您的案件已立案，案号${s(p.caseNumber)}，承办法官${s(p.judgeName)}。`,
    },
    en: {
      title: () => "Case registered",
      body: (p) => `Your case was registered as ${s(p.caseNumber)}; judge in charge: ${s(p.judgeName)}.`,
    },
  },
  case_assigned: {
    "zh-CN": { title: () => "新收案件", body: (p) => `${s(p.caseNumber)} ${s(p.title)} 已分配给您承办。` },
    en: {
      title: () => "New case assigned",
      body: (p) => `${s(p.caseNumber)} ${s(p.title)} was assigned to you.`,
    },
  },
  case_linked: {
    "zh-CN": {
      title: () => "您是一起案件的当事人",
      body: (p) => `${s(p.courtNameZh)}已立案${s(p.caseNumber)}，您为当事人，可在平台查看。`,
    },
    en: {
      title: () => "You are a party to a case",
      body: (p) =>
        `${s(p.courtNameEn)} registered case ${s(p.caseNumber)} in which you are a party; you can follow it here.`,
    },
  },
  complaint_served: {
    "zh-CN": {
      title: () => "起诉状副本已送达被告",
      body: (p) => `${s(p.caseNumber)}：起诉状副本、应诉通知书和举证通知书已向被告发送。`,
    },
    en: {
      title: () => "Complaint served on the defendant",
      body: (p) =>
        `${s(p.caseNumber)}: the complaint, the notice to respond and the notice on evidence were sent to the defendant.`,
    },
  },
  answer_submitted: {
    "zh-CN": {
      title: () => "被告已提交答辩状",
      body: (p) => `${s(p.caseNumber)}：${s(p.partyName)}已提交答辩状。`,
    },
    en: {
      title: () => "The defendant answered",
      body: (p) => `${s(p.caseNumber)}: ${s(p.partyName)} filed an answer.`,
    },
  },
  jurisdiction_objection_filed: {
    "zh-CN": {
      title: () => "当事人提出管辖权异议",
      body: (p) => `${s(p.caseNumber)}：${s(p.partyName)}对管辖权提出异议，法院将以裁定作出处理。`,
    },
    en: {
      title: () => "Objection to jurisdiction",
      body: (p) =>
        `${s(p.caseNumber)}: ${s(p.partyName)} objected to the court's jurisdiction; the court will rule on it.`,
    },
  },
  jurisdiction_ruled: {
    "zh-CN": {
      title: () => "管辖权异议已裁定",
      body: (p) =>
        `${s(p.caseNumber)}：管辖权异议${p.outcome === "upheld" ? "成立，本案将移送有管辖权的法院" : "不成立，已裁定驳回"}。不服裁定的，可以在裁定书送达之日起十日内提起上诉。`,
    },
    en: {
      title: () => "Ruling on the objection to jurisdiction",
      body: (p) =>
        `${s(p.caseNumber)}: the objection to jurisdiction was ${p.outcome === "upheld" ? "upheld; the case will be transferred to the competent court" : "dismissed"}. An appeal may be lodged within 10 days of service of the ruling.`,
    },
  },
  counterclaim_filed: {
    "zh-CN": {
      title: () => "被告提起反诉",
      body: (p) =>
        `${s(p.caseNumber)}：${s(p.partyName)}提起反诉，反诉案件受理费${money(p.fee, "zh-CN")}，应于${day(p.feeDueOn, "zh-CN")}前交纳。`,
    },
    en: {
      title: () => "Counterclaim filed",
      body: (p) =>
        `${s(p.caseNumber)}: ${s(p.partyName)} filed a counterclaim; its fee of ${money(p.fee, "en")} is due by ${day(p.feeDueOn, "en")}.`,
    },
  },
  agent_revoked: {
    "zh-CN": {
      title: () => "委托代理已解除",
      body: (p) => `${s(p.caseNumber)}：当事人已解除对您的诉讼代理委托。`,
    },
    en: {
      title: () => "Agency revoked",
      body: (p) => `${s(p.caseNumber)}: the party has revoked your authority as agent ad litem.`,
    },
  },
  filing_refused: {
    "zh-CN": {
      title: (p) => (p.instrument === "notice" ? "不予立案告知" : "不予受理"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "经审查，您的纠纷依法应通过其他途径解决，法院不予立案，并已出具告知书告知您应当如何处理。"
            : `法院裁定对您的起诉不予受理${p.caseNumber ? `（${s(p.caseNumber)}）` : ""}。`
        }${
          groundsOf(p).length > 0
            ? `依据：${groundsOf(p)
                .map((g) => `《中华人民共和国民事诉讼法》${g.articleZh}（${g.zh}）`)
                .join("；")}。`
            : ""
        }理由：${sentence(s(p.reason), "zh")}${
          p.instrument === "notice"
            ? "告知书见案件页面的“文书”。"
            : "如不服，可在裁定书送达之日起十日内提起上诉。"
        }`,
    },
    en: {
      title: (p) => (p.instrument === "notice" ? "Suit not registered: where to go" : "Suit not accepted"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "The law sends this dispute elsewhere, so the court will not register your suit; its notice tells you where to go."
            : `The court ruled not to accept your suit${p.caseNumber ? ` (${s(p.caseNumber)})` : ""}.`
        }${
          groundsOf(p).length > 0
            ? ` Grounds: ${groundsOf(p)
                .map((g) => `Civil Procedure Law, ${g.articleEn} (${g.en})`)
                .join("; ")}.`
            : ""
        } Reasons: ${sentence(s(p.reason), "en")} ${
          p.instrument === "notice"
            ? "The notice is under Documents on the case page."
            : "You may appeal within ten days of service of the ruling."
        }`,
    },
  },
  filing_withdrawn: {
    "zh-CN": { title: () => "已撤回起诉", body: () => "您已撤回起诉。" },
    en: { title: () => "Complaint withdrawn", body: () => "You withdrew the complaint." },
  },
  filing_deemed_withdrawn: {
    "zh-CN": {
      title: () => "按撤诉处理",
      body: () => "您未在期限内交纳诉讼费，本案按撤诉处理（民诉法解释第二百一十三条）。",
    },
    en: {
      title: () => "Treated as withdrawn",
      body: () =>
        "The fee was not paid in time, so the suit is treated as withdrawn (SPC interpretation art. 213).",
    },
  },
  document_served: {
    "zh-CN": {
      title: (p) => `送达：${servedLabel(p.kind, "zh-CN")}`,
      body: (p) =>
        `${s(p.courtNameZh)}向您送达${s(p.caseNumber) ? `（${s(p.caseNumber)}）` : ""}${servedLabel(p.kind, "zh-CN")}。请登录后查阅：${s(p.link)}${
          p.addressBasis === "confirmed"
            ? "。本通知到达您确认的送达地址即视为送达（《人民法院在线诉讼规则》第三十一条）。"
            : "。您打开查阅之日即为送达之日（《人民法院在线诉讼规则》第三十一条）。"
        }`,
    },
    en: {
      title: (p) => `Served on you: ${servedLabel(p.kind, "en")}`,
      body: (p) =>
        `${s(p.courtNameEn)} serves on you the ${servedLabel(p.kind, "en")}${s(p.caseNumber) ? ` in ${s(p.caseNumber)}` : ""}. Sign in to read it: ${s(p.link)}. ${
          p.addressBasis === "confirmed"
            ? "Service is complete when this notice reaches the address you confirmed (Online Litigation Rules, Art. 31)."
            : "Service is complete on the day you open it (Online Litigation Rules, Art. 31)."
        }`,
    },
  },
  agreement_drafted: {
    "zh-CN": {
      title: () => "调解协议待签署",
      body: (p) =>
        `调解员已制作调解协议（第${s(p.version)}稿），请阅读后在线签署。各方当事人均签署后协议生效。`,
    },
    en: {
      title: () => "Mediation agreement to sign",
      body: (p) =>
        `The mediator has drawn up the mediation agreement (draft ${s(p.version)}). Read it and sign online; it takes effect once every party has signed.`,
    },
  },
  agreement_signed: {
    "zh-CN": { title: () => "调解协议已签署", body: (p) => `${s(p.signerName)}已在线签署调解协议。` },
    en: {
      title: () => "Mediation agreement signed",
      body: (p) => `${s(p.signerName)} signed the mediation agreement online.`,
    },
  },
  agreement_effective: {
    "zh-CN": {
      title: () => "调解协议已生效",
      body: (p) =>
        `各方已签署调解协议，协议自${day(p.effectiveOn, "zh-CN")}起生效，请按约定履行。双方当事人可以在${day(p.applicationDueOn, "zh-CN")}前共同申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。`,
    },
    en: {
      title: () => "Mediation agreement in effect",
      body: (p) =>
        `Every party signed; the agreement took effect on ${day(p.effectiveOn, "en")}. Please perform it as agreed. The parties may jointly apply for judicial confirmation by ${day(p.applicationDueOn, "en")} (Civil Procedure Law, Art. 205).`,
    },
  },
  confirmation_started: {
    "zh-CN": {
      title: () => "请共同申请司法确认",
      body: (p) =>
        `${s(p.applicantName)}已申请司法确认调解协议。司法确认须由双方当事人共同提出，请在${day(p.applicationDueOn, "zh-CN")}前在线确认申请。`,
    },
    en: {
      title: () => "Join the application for judicial confirmation",
      body: (p) =>
        `${s(p.applicantName)} applied for judicial confirmation of the mediation agreement. The parties must apply together; confirm online by ${day(p.applicationDueOn, "en")}.`,
    },
  },
  confirmation_to_accept: {
    "zh-CN": {
      title: () => "新的司法确认申请待受理",
      body: (p) => `${s(p.title)}，请于${day(p.acceptanceDueOn, "zh-CN")}前决定是否受理。`,
    },
    en: {
      title: () => "New application for judicial confirmation",
      body: (p) => `${s(p.title)}; decide whether to accept by ${day(p.acceptanceDueOn, "en")}.`,
    },
  },
  confirmation_applied: {
    "zh-CN": {
      title: () => "司法确认申请已提出",
      body: (p) =>
        `双方当事人已共同申请司法确认，法院将在${day(p.acceptanceDueOn, "zh-CN")}前决定是否受理。本案不收取费用。`,
    },
    en: {
      title: () => "Application for judicial confirmation made",
      body: (p) =>
        `The parties applied together; the court will decide whether to accept by ${day(p.acceptanceDueOn, "en")}. No fee is charged.`,
    },
  },
  confirmation_accepted: {
    "zh-CN": {
      title: () => "司法确认申请已受理",
      body: (p) =>
        `案号${s(p.caseNumber)}，审判员${s(p.judgeName)}，法院将在${day(p.decisionDueOn, "zh-CN")}前作出是否确认的决定。`,
    },
    en: {
      title: () => "Application for judicial confirmation accepted",
      body: (p) =>
        `Case number ${s(p.caseNumber)}, judge ${s(p.judgeName)}; the court will decide by ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_assigned: {
    "zh-CN": {
      title: () => "新的司法确认案件",
      body: (p) => `${s(p.caseNumber)}由您审查，请于${day(p.decisionDueOn, "zh-CN")}前作出裁定。`,
    },
    en: {
      title: () => "New judicial confirmation case",
      body: (p) => `You review ${s(p.caseNumber)}; rule by ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_refused: {
    "zh-CN": {
      title: () => "司法确认申请不予受理",
      body: (p) =>
        `法院对司法确认申请不予受理：${groundsOf(p)
          .map((g) => `${g.zh}（${g.articleZh}）`)
          .join("；")}。${p.reason ? sentence(s(p.reason), "zh") : ""}`,
    },
    en: {
      title: () => "Application for judicial confirmation not accepted",
      body: (p) =>
        `The court did not accept the application: ${groundsOf(p)
          .map((g) => `${g.en} (${g.articleEn})`)
          .join("; ")}.${p.reason ? ` ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  confirmation_extended: {
    "zh-CN": {
      title: () => "司法确认审查期限已延长",
      body: (p) => `经院长批准，${s(p.caseNumber)}的审查期限延长至${day(p.decisionDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Time to decide on judicial confirmation extended",
      body: (p) =>
        `With the president's approval, the review of ${s(p.caseNumber)} now ends on ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_decided: {
    "zh-CN": {
      title: (p) => (p.decision === "confirm" ? "调解协议已经司法确认" : "司法确认申请已被驳回"),
      body: (p) =>
        p.decision === "confirm"
          ? `法院裁定调解协议有效（${s(p.caseNumber)}）。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。`
          : `法院裁定驳回司法确认申请（${s(p.caseNumber)}）。当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。`,
    },
    en: {
      title: (p) =>
        p.decision === "confirm"
          ? "Mediation agreement confirmed"
          : "Application for judicial confirmation dismissed",
      body: (p) =>
        p.decision === "confirm"
          ? `The court ruled the agreement valid (${s(p.caseNumber)}). If a party does not perform it in full, the other may apply for enforcement.`
          : `The court dismissed the application (${s(p.caseNumber)}). The parties may change the agreement or reach a new one through mediation, or bring a suit.`,
    },
  },
  service_needs_clerk: {
    "zh-CN": {
      title: () => "送达未完成，请另行送达",
      body: (p) =>
        `${s(p.caseNumber)}向${s(p.recipientName)}送达的${servedLabel(p.kind, "zh-CN")}${
          p.reason === "failed" ? "无法通过电子方式送达" : "在期限内未被查阅"
        }，请以邮寄或公告等方式送达（《中华人民共和国民事诉讼法》第九十条、第九十五条）。`,
    },
    en: {
      title: () => "Service not complete: serve another way",
      body: (p) =>
        `The ${servedLabel(p.kind, "en")} in ${s(p.caseNumber)} for ${s(p.recipientName)} ${
          p.reason === "failed" ? "could not be served electronically" : "was not opened in time"
        }; please serve it by post or public notice (Civil Procedure Law, Arts. 90 and 95).`,
    },
  },
  verification_approved: {
    "zh-CN": { title: () => "实名认证已通过", body: () => "您的实名认证已通过。" },
    en: { title: () => "Identity verified", body: () => "Your identity verification was approved." },
  },
  verification_rejected: {
    "zh-CN": { title: () => "实名认证未通过", body: (p) => `原因：${s(p.reason)}` },
    en: { title: () => "Identity not verified", body: (p) => `Reason: ${s(p.reason)}` },
  },
};

/** What is served, by `ServedDocumentKind`, as the notice names it. */
export const servedKindLabels: Record<string, Record<Locale, string>> = {
  complaint_copy: { "zh-CN": "起诉状副本", en: "copy of the complaint" },
  response_notice: { "zh-CN": "应诉通知书", en: "notice to respond to the action" },
  evidence_notice: { "zh-CN": "举证通知书", en: "notice on producing evidence" },
  acceptance_notice: { "zh-CN": "受理案件通知书", en: "notice of acceptance of the case" },
  answer_copy: { "zh-CN": "答辩状副本", en: "copy of the answer" },
  ruling: { "zh-CN": "民事裁定书", en: "civil ruling" },
  mediation_agreement: { "zh-CN": "调解书", en: "mediation statement" },
  confirmation_ruling: { "zh-CN": "司法确认裁定书", en: "ruling confirming the mediation agreement" },
  judgment: { "zh-CN": "民事判决书", en: "civil judgment" },
  summons: { "zh-CN": "传票", en: "summons" },
  other: { "zh-CN": "诉讼文书", en: "court document" },
};

function servedLabel(kind: unknown, locale: Locale): string {
  return servedKindLabels[s(kind)]?.[locale] ?? servedKindLabels.other![locale];
}

/**
 * The SMS or e-mail that tells an addressee a document was served: who serves what, and the link to
 * sign in and read it — never the document or personal data (在线诉讼规则第三十二条: the message says
 * what is served and how to read it). Chinese first, English after.
 */
export function renderServiceNotice(params: {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  kind: string;
  link: string;
  /** The addressee's case code and where to link the case with it (an addressee without an account). */
  caseCode?: { code: string; link: string } | null;
}): { subject: string; text: string } {
  const code = params.caseCode ?? null;
  const zhCode = code
    ? `如您尚无账户，请注册并完成实名认证后在 ${code.link} 输入案件码 ${code.code} 关联本案。`
    : "";
  const enCode = code
    ? ` If you have no account, register, verify your identity and link the case at ${code.link} with case code ${code.code}.`
    : "";
  const zh = `【${params.courtNameZh}】${params.caseNumber ? `（${params.caseNumber}）` : ""}${servedLabel(params.kind, "zh-CN")}已向您送达，请登录查阅：${params.link}${zhCode ? ` ${zhCode}` : ""}`;
  const en = `${params.courtNameEn} has served on you the ${servedLabel(params.kind, "en")}${params.caseNumber ? ` in ${params.caseNumber}` : ""}. Sign in to read it: ${params.link}${enCode}`;
  return { subject: `${params.courtNameZh}送达通知 / Notice of service`, text: `${zh}\n${en}` };
}

/**
 * The SMS or e-mail that invites a party without an account to a mediation: the court, the cause of
 * action and the link with the party's case code to register and join — no personal data (在线调解规则
 * 第十五条: the other side is asked whether it agrees to mediate). Chinese first, English after.
 */
export function renderMediationInvitation(params: {
  courtNameZh: string;
  courtNameEn: string;
  /** The cause of action (not the title, which names the applicant). */
  causeZh: string | null;
  causeEn: string | null;
  code: string;
  link: string;
}): { subject: string; text: string } {
  const zh = `【${params.courtNameZh}】对方当事人已就一起${params.causeZh ?? "民事纠纷"}申请诉前调解，邀请您参加在线调解。请注册并完成实名认证后打开 ${params.link} ，以案件码 ${params.code} 加入调解，并答复是否同意调解。`;
  const en = `${params.courtNameEn}: the other party applied for pre-litigation mediation of a dispute${params.causeEn ? ` (${params.causeEn})` : ""} and invites you to mediate online. Register, verify your identity and open ${params.link} to join with case code ${params.code}, then answer whether you agree to mediate.`;
  return { subject: `${params.courtNameZh}调解邀请 / Invitation to mediate`, text: `${zh}\n${en}` };
}

function s(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return value.toString();
  return JSON.stringify(value) ?? "";
}

/** A court day (or moment) as the reader's pages write it; a message without the param shows nothing. */
function day(value: unknown, locale: Locale): string {
  return typeof value === "string" || value instanceof Date ? formatDate(locale, value) : s(value);
}

/**
 * Yuan as the reader's pages write them. Older messages stored the fee as text ("1050.00"); the
 * formatter reads that too.
 */
function money(value: unknown, locale: Locale): string {
  return typeof value === "number" || typeof value === "string" ? formatMoney(locale, value) : s(value);
}

/** Items joined into one sentence: each item's own closing punctuation gives way to the separator. */
function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map((item) => clause(s(item))).join(separator) : s(value);
}

const closingMarks = /[\s。．.，,；;、：:]+$/u;

/** Free text without its closing punctuation, so a template can continue the sentence. */
function clause(text: string): string {
  return text.trim().replace(closingMarks, "");
}

/**
 * Free text (a clerk's reasons or note) as one closed sentence: templates go on after it, so a text
 * that already ends with 。 must not get a second one. ！ and ？ are kept as written.
 */
function sentence(text: string, language: "zh" | "en"): string {
  const trimmed = text.trim();
  if (/[!?！？]$/u.test(trimmed)) return trimmed;
  if (language === "en" && /[.。]$/u.test(trimmed)) return trimmed;
  const open = clause(trimmed);
  return open === "" ? "" : `${open}${language === "zh" ? "。" : "."}`;
}

/** A refusal ground as the refusal stores it in the message: its article and what it means. */
interface GroundParam {
  articleZh: string;
  articleEn: string;
  zh: string;
  en: string;
}

function groundsOf(p: Record<string, unknown>): GroundParam[] {
  const grounds = p.grounds;
  if (!Array.isArray(grounds)) return [];
  return grounds.filter(
    (g): g is GroundParam =>
      typeof g === "object" &&
      g !== null &&
      ["articleZh", "articleEn", "zh", "en"].every(
        (key) => typeof (g as Record<string, unknown>)[key] === "string",
      ),
  );
}

/** Renders a message in a language; unknown kinds fall back to the kind itself. */
export function renderInboxMessage(
  kind: string,
  params: Record<string, unknown>,
  locale: Locale,
): { title: string; body: string } {
  const template = inboxTemplates[kind]?.[locale];
  if (!template) return { title: kind, body: "" };
  return { title: template.title(params), body: template.body(params) };
}
