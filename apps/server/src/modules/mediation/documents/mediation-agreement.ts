import {
  emptyModel,
  formatAmount,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../../documents/index";

/** A party as the agreement names it. */
export interface AgreementParty {
  name: string;
  role: "plaintiff" | "defendant" | "third_party";
  /** Names of the agents who act for the party, if any. */
  agentNames: string[];
}

/** One obligation: who owes what to whom, how much and by when. */
export interface AgreementObligation {
  obligor: string;
  obligee: string;
  /** What is owed, as the parties agreed it (e.g. 支付货款, "pay the price of the goods"). */
  description: string;
  amountFen: number | null;
  /** The last day of performance (YYYY-MM-DD), or null for performance on signing. */
  dueOn: string | null;
}

/** Who bears the costs of the dispute (fees, expenses the parties incurred). */
export type CostsArrangement =
  { kind: "borne_by"; partyName: string } | { kind: "shared_equally" } | { kind: "each_own" };

export interface MediationAgreementInput {
  courtNameZh: string;
  courtNameEn: string;
  /** The mediation's case number (民诉前调), if it has one. */
  caseNumber: string | null;
  organisationNameZh: string | null;
  organisationNameEn: string | null;
  mediatorName: string;
  parties: AgreementParty[];
  causeNameZh: string | null;
  causeNameEn: string | null;
  /** The dispute as the parties and the mediator state it. */
  facts: string;
  obligations: AgreementObligation[];
  costs: CostsArrangement;
  otherTerms: string[];
  /** 1 for the first draft, then 2, 3 … for each redraft. */
  version: number;
  draftedOn: string;
}

const ROLE: Record<AgreementParty["role"], { zh: string; en: string }> = {
  plaintiff: { zh: "申请人", en: "Applicant" },
  defendant: { zh: "被申请人", en: "Respondent" },
  third_party: { zh: "第三人", en: "Third party" },
};

function zhDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function enDate(iso: string): string {
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

/** The terms of the agreement as numbered lines, for the agreement itself and for a ruling that quotes it. */
export function agreementTermLines(
  input: Pick<MediationAgreementInput, "obligations" | "costs" | "otherTerms">,
  locale: DocumentLocale,
): string[] {
  const zh = locale === "zh-CN";
  const lines: string[] = [];
  for (const o of input.obligations) {
    const amount =
      o.amountFen === null
        ? ""
        : zh
          ? `人民币${formatAmount(o.amountFen)}元`
          : ` CNY ${formatAmount(o.amountFen)}`;
    if (zh) {
      const when = o.dueOn ? `于${zhDate(o.dueOn)}前` : "于本协议生效之日";
      lines.push(`${o.obligor}应${when}向${o.obligee}${o.description}${amount}。`);
    } else {
      const when = o.dueOn ? `by ${enDate(o.dueOn)}` : "on the day this agreement takes effect";
      lines.push(`${o.obligor} shall ${o.description}${amount} to ${o.obligee} ${when}.`);
    }
  }
  switch (input.costs.kind) {
    case "borne_by":
      lines.push(
        zh
          ? `本纠纷产生的费用由${input.costs.partyName}负担。`
          : `${input.costs.partyName} bears the costs of the dispute.`,
      );
      break;
    case "shared_equally":
      lines.push(
        zh ? "本纠纷产生的费用由各方当事人平均负担。" : "The parties share the costs of the dispute equally.",
      );
      break;
    case "each_own":
      lines.push(
        zh ? "本纠纷产生的费用由各方当事人各自负担。" : "Each party bears its own costs of the dispute.",
      );
      break;
  }
  for (const term of input.otherTerms)
    lines.push(/[。.!?！？]$/u.test(term) ? term : `${term}${zh ? "。" : "."}`);
  return lines.map((line, i) => `${i + 1}. ${line}`);
}

function build(input: MediationAgreementInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("mediation_agreement", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.draftedOn,
  });
  for (const party of input.parties) {
    const role = ROLE[party.role];
    model.parties.push(zh ? `${role.zh}：${party.name}` : `${role.en}: ${party.name}`);
    for (const agent of party.agentNames) model.parties.push(zh ? `委托代理人：${agent}` : `Agent: ${agent}`);
  }
  const organisation = zh ? input.organisationNameZh : (input.organisationNameEn ?? input.organisationNameZh);
  const cause = zh ? input.causeNameZh : input.causeNameEn;
  const facts = input.facts.trim();
  if (zh) {
    model.body.push(
      { text: "纠纷事实及争议事项", style: "heading" },
      { text: `${cause ? `${cause}。` : ""}${facts}` },
      {
        text: `经${organisation ? `${organisation}调解员` : "调解员"}${input.mediatorName}主持调解，各方当事人在自愿、合法的基础上达成如下协议：`,
      },
      ...agreementTermLines(input, locale).map((text) => ({ text })),
      {
        text: "本协议经各方当事人和调解员在线签署；各方当事人均完成电子签章之时起发生法律效力（《人民法院在线调解规则》第十九条），当事人应当按照约定履行。",
      },
      {
        text: "各方当事人可以自本协议生效之日起三十日内，共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。",
      },
    );
    model.fields.push({ label: "协议文本版本", value: `第${input.version}稿` });
    model.signature.push(
      `当事人（电子签章）：${input.parties.map((p) => p.name).join("、")}`,
      `调解员（电子签章）：${input.mediatorName}`,
    );
  } else {
    model.body.push(
      { text: "The dispute", style: "heading" },
      { text: `${cause ? `${cause}. ` : ""}${facts}` },
      {
        text: `In a mediation conducted by ${input.mediatorName}${organisation ? ` of ${organisation}` : ""}, the parties have voluntarily and lawfully agreed as follows:`,
      },
      ...agreementTermLines(input, locale).map((text) => ({ text })),
      {
        text: "The parties and the mediator sign this agreement online; it takes effect when every party has signed it electronically (Online Mediation Rules of the People's Courts, Article 19), and the parties shall perform it as agreed.",
      },
      {
        text: "Within thirty days from the day this agreement takes effect, the parties may jointly apply to a people's court for judicial confirmation (Civil Procedure Law, Article 205).",
      },
    );
    model.fields.push({ label: "Version of the text", value: `Draft ${input.version}` });
    model.signature.push(
      `Parties (e-signed): ${input.parties.map((p) => p.name).join(", ")}`,
      `Mediator (e-signed): ${input.mediatorName}`,
    );
  }
  return model;
}

/**
 * The mediation agreement (调解协议书) the mediator draws up online (人民法院在线调解规则第十九条): the
 * parties, the dispute, the numbered terms (obligations with amounts and dates, costs, other terms),
 * when it takes effect and the right to apply for judicial confirmation (民事诉讼法第二百零五条). Chinese
 * original and English courtesy translation; the parties' own words are kept as written.
 */
export function buildMediationAgreementModels(input: MediationAgreementInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}
