import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";
import { parseChineseNumeral } from "../../../platform/text/chinese-numerals";
import { dismissalGrounds, type DismissalGround } from "../mediation.confirmation.rules";

export interface ConfirmationRulingInput {
  courtNameZh: string;
  courtNameEn: string;
  /** 案号 of the confirmation case, e.g. （2026）浙0192民特1号. */
  caseNumber: string;
  applicants: Array<{ name: string; descriptionZh: string; descriptionEn: string }>;
  organisationNameZh: string | null;
  organisationNameEn: string | null;
  /** The day the agreement took effect (YYYY-MM-DD). */
  agreementEffectiveOn: string;
  /** The agreement's numbered terms in each language (agreementTermLines). */
  termsZh: string[];
  termsEn: string[];
  appliedOn: string;
  acceptedOn: string;
  decision: "confirm" | "dismiss";
  /** For a dismissal: the grounds of the rules. */
  grounds: DismissalGround[];
  /** The judge's reasons in their own words. */
  reasons: string;
  judgeName: string;
  clerkName: string;
  decidedOn: string;
}

const LAWS: Array<{ prefix: string; zh: string; en: string }> = [
  {
    prefix: "民诉法解释",
    zh: "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》",
    en: "Interpretation of the Supreme People's Court on the Application of the Civil Procedure Law",
  },
  {
    prefix: "人民法院在线调解规则",
    zh: "《人民法院在线调解规则》",
    en: "Online Mediation Rules of the People's Courts",
  },
  { prefix: "民事诉讼法", zh: "《中华人民共和国民事诉讼法》", en: "Civil Procedure Law" },
];

/** "民诉法解释第三百五十八条第一项" → the law's full name and the article in both languages. */
function citation(basis: string): { lawZh: string; lawEn: string; articleZh: string; articleEn: string } {
  const law = LAWS.find((l) => basis.startsWith(l.prefix))!;
  const articleZh = basis.slice(law.prefix.length);
  const match =
    /^第([一二三四五六七八九十百零]+)条(?:第([一二三四五六七八九十]+)款)?(?:第([一二三四五六七八九十]+)项)?$/u.exec(
      articleZh,
    );
  let articleEn = articleZh;
  if (match) {
    const [, art, para, item] = match;
    articleEn = `Article ${parseChineseNumeral(art!)}${para ? `(${parseChineseNumeral(para)})` : ""}${item ? `(${parseChineseNumeral(item)})` : ""}`;
  }
  return { lawZh: law.zh, lawEn: law.en, articleZh, articleEn };
}

/** Citations grouped by law, in the order given: 《民事诉讼法》第二百零五条、第二百零六条，《…解释》第三百五十八条第一项. */
function cite(bases: string[], locale: DocumentLocale): string {
  const groups = new Map<string, { zh: string; en: string; articles: Array<{ zh: string; en: string }> }>();
  for (const basis of [...new Set(bases)]) {
    const c = citation(basis);
    const group = groups.get(c.lawZh) ?? { zh: c.lawZh, en: c.lawEn, articles: [] };
    group.articles.push({ zh: c.articleZh, en: c.articleEn });
    groups.set(c.lawZh, group);
  }
  return [...groups.values()]
    .map((g) =>
      locale === "zh-CN"
        ? `${g.zh}${g.articles.map((a) => a.zh).join("、")}`
        : `${g.en}, ${g.articles.map((a) => a.en).join(", ")}`,
    )
    .join(locale === "zh-CN" ? "，" : "; ");
}

export function zhDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function enDate(iso: string): string {
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

function build(input: ConfirmationRulingInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("confirmation_ruling", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.decidedOn,
  });
  for (const a of input.applicants)
    model.parties.push(
      zh ? `申请人：${a.name}，${a.descriptionZh}。` : `Applicant: ${a.name}, ${a.descriptionEn}.`,
    );
  const names = input.applicants.map((a) => a.name);
  const organisation = zh ? input.organisationNameZh : (input.organisationNameEn ?? input.organisationNameZh);
  const grounds = input.grounds.map((g) => dismissalGrounds[g]);
  const reasons = input.reasons.trim();
  const confirm = input.decision === "confirm";
  const bases = confirm
    ? ["民事诉讼法第二百零五条", "民事诉讼法第二百零六条"]
    : ["民事诉讼法第二百零六条", ...grounds.map((g) => g.basis)];
  if (zh) {
    model.body.push(
      {
        text: `申请人${names.join("、")}于${zhDate(input.agreementEffectiveOn)}经${organisation ?? "调解组织"}主持调解，达成了如下调解协议：`,
      },
      ...input.termsZh.map((text) => ({ text })),
      {
        text: `申请人于${zhDate(input.appliedOn)}共同向本院申请司法确认。本院于${zhDate(input.acceptedOn)}受理后，依法指定审判员进行了审查。本案现已审查终结。`,
      },
      confirm
        ? { text: `本院经审查认为，申请人达成的调解协议符合司法确认的条件。${reasons}` }
        : {
            text: `本院经审查认为：${reasons}本案调解协议存在以下情形：${grounds.map((g) => g.zh).join("；")}，不符合司法确认的条件。`,
          },
      { text: `依照${cite(bases, locale)}规定，裁定如下：` },
    );
    if (confirm) {
      model.body.push(
        { text: `申请人${names.join("、")}于${zhDate(input.agreementEffectiveOn)}达成的调解协议有效。` },
        {
          text: "当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。",
        },
      );
    } else {
      model.body.push(
        { text: `驳回申请人${names.join("、")}的司法确认申请。` },
        { text: "当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。" },
      );
    }
    model.body.push({ text: "本案不收取费用。" }, { text: "本裁定书自即日起发生法律效力。" });
    model.signature.push(`审判员\u3000${input.judgeName}`, "", `书记员\u3000${input.clerkName}`);
  } else {
    model.body.push(
      {
        text: `On ${enDate(input.agreementEffectiveOn)}, in a mediation conducted by ${organisation ?? "a mediation organisation"}, the applicants ${names.join(", ")} reached the following mediation agreement:`,
      },
      ...input.termsEn.map((text) => ({ text })),
      {
        text: `On ${enDate(input.appliedOn)} the applicants jointly applied to this court for judicial confirmation. The court accepted the application on ${enDate(input.acceptedOn)} and designated a judge to review it. The review is complete.`,
      },
      confirm
        ? {
            text: `Having reviewed it, the court holds that the agreement meets the conditions for judicial confirmation. ${reasons}`.trim(),
          }
        : {
            text: `Having reviewed it, the court holds: ${reasons} The agreement is affected by the following: ${grounds.map((g) => g.en).join("; ")}; it does not meet the conditions for judicial confirmation.`,
          },
      { text: `Under ${cite(bases, locale)}, the court rules:` },
    );
    if (confirm) {
      model.body.push(
        {
          text: `The mediation agreement reached by the applicants ${names.join(", ")} on ${enDate(input.agreementEffectiveOn)} is valid.`,
        },
        {
          text: "The parties shall perform their obligations under the agreement. If a party refuses to perform or performs only in part, the other party may apply to a people's court for enforcement.",
        },
      );
    } else {
      model.body.push(
        { text: `The application of ${names.join(", ")} for judicial confirmation is dismissed.` },
        {
          text: "The parties may change the agreement or reach a new one through mediation, or bring a suit in a people's court.",
        },
      );
    }
    model.body.push(
      { text: "No fee is charged for this case." },
      { text: "This ruling takes legal effect on the day it is made." },
    );
    model.signature.push(`Judge  ${input.judgeName}`, "", `Clerk  ${input.clerkName}`);
  }
  return model;
}

/**
 * The court's ruling on an application for judicial confirmation (民事裁定书, 民事诉讼法第二百零六条):
 * 确认调解协议有效 with the sentence that makes it enforceable, or 驳回申请 with the grounds and the ways
 * left open. A special-procedure ruling is final (第一百八十五条) and free (若干规定第十一条). Signed by the
 * judge and the clerk (第一百五十七条第三款). Chinese original and English courtesy translation.
 */
export function buildConfirmationRulingModels(input: ConfirmationRulingInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}
