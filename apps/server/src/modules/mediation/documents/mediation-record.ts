import {
  documentDate,
  emptyModel,
  formatAmount,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";
import type { MediationOutcome } from "../mediation.rules";

/** What the mediation record (在线调解规则第二十一条: 记录调解基本情况、调解不成的原因) is built from. */
export interface MediationRecordInput {
  courtNameZh: string;
  courtNameEn: string;
  causeNameZh: string | null;
  causeNameEn: string | null;
  applicants: string[];
  respondents: string[];
  claims: Array<{ text: string; amountFen: number | null }>;
  mediator: { name: string; organisationZh: string | null; organisationEn: string | null } | null;
  appliedOn: string | null;
  acceptedOn: string | null;
  periodEndsOn: string | null;
  sessions: Array<{ on: string; note: string }>;
  offers: Array<{
    partyName: string;
    amountFen: number;
    status: "open" | "accepted" | "rejected" | "countered";
    on: string;
  }>;
  outcome: MediationOutcome;
  reason: string | null;
  endedOn: string;
  /** The court day of issue. */
  issuedOn: string;
}

const outcomeText: Record<MediationOutcome, { zh: string; en: string; basisZh: string; basisEn: string }> = {
  failed: {
    zh: "调解员终结调解，调解不成",
    en: "The mediator ended the mediation without agreement",
    basisZh: "《人民法院在线调解规则》第二十五条",
    basisEn: "Article 25 of the Rules on Online Mediation of the People's Courts",
  },
  withdrawn: {
    zh: "申请人撤回调解申请",
    en: "The applicant withdrew the application for mediation",
    basisZh: "《人民法院在线调解规则》第二十五条第二项",
    basisEn: "Article 25(2) of the Rules on Online Mediation of the People's Courts",
  },
  refused_by_other_side: {
    zh: "对方当事人拒绝调解",
    en: "The other side refused to mediate",
    basisZh: "《人民法院在线调解规则》第十五条第二款",
    basisEn: "Article 15(2) of the Rules on Online Mediation of the People's Courts",
  },
  lapsed: {
    zh: "调解期限届满，未达成调解协议，且各方当事人未同意延长调解期限",
    en: "The mediation period ran out without agreement and without an agreed extension",
    basisZh: "《人民法院在线调解规则》第二十五条第六项",
    basisEn: "Article 25(6) of the Rules on Online Mediation of the People's Courts",
  },
};

const offerStatus: Record<MediationRecordInput["offers"][number]["status"], { zh: string; en: string }> = {
  open: { zh: "未答复", en: "unanswered" },
  accepted: { zh: "已接受", en: "accepted" },
  rejected: { zh: "已拒绝", en: "rejected" },
  countered: { zh: "对方另提方案", en: "countered" },
};

/** The mediation record in both languages: the Chinese original and its English courtesy translation. */
export function buildMediationRecordModels(input: MediationRecordInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

function build(input: MediationRecordInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("mediation_record", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: null,
    issuedOn: input.issuedOn,
  });
  const day = (d: string | null) => (d ? documentDate(d, locale) : zh ? "—" : "—");
  const outcome = outcomeText[input.outcome];
  model.parties = [
    ...input.applicants.map((name) => (zh ? `申请人：${name}` : `Applicant: ${name}`)),
    ...input.respondents.map((name) => (zh ? `被申请人：${name}` : `Respondent: ${name}`)),
  ];
  const cause = zh ? input.causeNameZh : (input.causeNameEn ?? input.causeNameZh);
  const mediator = input.mediator
    ? `${input.mediator.name}${(zh ? input.mediator.organisationZh : (input.mediator.organisationEn ?? input.mediator.organisationZh)) ? (zh ? `（${input.mediator.organisationZh}）` : ` (${input.mediator.organisationEn ?? input.mediator.organisationZh})`) : ""}`
    : zh
      ? "未指定"
      : "none appointed";
  model.body.push({
    text: zh
      ? `申请人与被申请人${cause ?? ""}纠纷一案，申请人于${day(input.appliedOn)}申请诉前调解。`
      : `The applicant applied for pre-litigation mediation of this ${cause ?? ""} dispute on ${day(input.appliedOn)}.`,
  });
  model.body.push({ text: zh ? "调解请求：" : "Requests:", style: "plain" });
  input.claims.forEach((claim, i) => {
    const amount =
      claim.amountFen === null
        ? ""
        : zh
          ? `（人民币${formatAmount(claim.amountFen)}元）`
          : ` (CNY ${formatAmount(claim.amountFen)})`;
    model.body.push({ text: `${i + 1}. ${claim.text}${amount}`, style: "plain" });
  });
  model.body.push({
    text: zh
      ? `调解员：${mediator}。调解员于${day(input.acceptedOn)}确认接受调解，调解期限至${day(input.periodEndsOn)}。`
      : `Mediator: ${mediator}. The mediator confirmed on ${day(input.acceptedOn)}; the period ran to ${day(input.periodEndsOn)}.`,
  });
  if (input.sessions.length > 0) {
    model.body.push({ text: zh ? "调解经过：" : "Sessions:", style: "plain" });
    for (const session of input.sessions) {
      model.body.push({
        text: `${day(session.on)}${session.note ? (zh ? `：${session.note}` : `: ${session.note}`) : ""}`,
        style: "plain",
      });
    }
  }
  if (input.offers.length > 0) {
    model.body.push({ text: zh ? "调解方案：" : "Offers:", style: "plain" });
    for (const offer of input.offers) {
      model.body.push({
        text: zh
          ? `${day(offer.on)} ${offer.partyName}提出人民币${formatAmount(offer.amountFen)}元（${offerStatus[offer.status].zh}）`
          : `${day(offer.on)} ${offer.partyName} offered CNY ${formatAmount(offer.amountFen)} (${offerStatus[offer.status].en})`,
        style: "plain",
      });
    }
  }
  model.body.push({
    text: zh
      ? `${day(input.endedOn)}，${outcome.zh}（${outcome.basisZh}）。${input.reason ? `原因：${input.reason}` : ""}`
      : `On ${day(input.endedOn)}: ${outcome.en} (${outcome.basisEn}).${input.reason ? ` Reason: ${input.reason}` : ""}`,
  });
  model.body.push({
    text: zh
      ? "依照《人民法院在线调解规则》第二十一条第一项，电子化调解材料已推送人民法院登记立案。"
      : "Under Article 21(1) of the Rules on Online Mediation, the electronic materials go to the court for registration of the case.",
  });
  model.signature = input.mediator
    ? [zh ? `调解员\u3000${input.mediator.name}` : `Mediator: ${input.mediator.name}`]
    : [];
  return model;
}
