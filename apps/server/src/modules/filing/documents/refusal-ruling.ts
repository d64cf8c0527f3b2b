import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";
import { parseChineseNumeral } from "../../../platform/text/chinese-numerals";

/** The grounds a clerk can cite, with the words of the decision. */
export const refusalGrounds: Record<string, { zh: string; en: string; article: string }> = {
  "122": {
    zh: "起诉不符合《中华人民共和国民事诉讼法》第一百二十二条规定的起诉条件",
    en: "the suit does not meet the conditions of Article 122 of the Civil Procedure Law",
    article: "第一百二十二条",
  },
  "127-1": {
    zh: "依照行政诉讼法的规定属于行政诉讼受案范围",
    en: "the dispute belongs to administrative litigation",
    article: "第一百二十七条第一项",
  },
  "127-2": {
    zh: "当事人达成书面仲裁协议申请仲裁",
    en: "the parties agreed in writing to arbitrate",
    article: "第一百二十七条第二项",
  },
  "127-3": {
    zh: "依法应当由其他机关处理",
    en: "another authority must handle the dispute by law",
    article: "第一百二十七条第三项",
  },
  "127-4": { zh: "不属于本院管辖", en: "the court has no jurisdiction", article: "第一百二十七条第四项" },
  "127-5": {
    zh: "对判决、裁定、调解书已经发生法律效力的案件重复起诉",
    en: "the case was decided by an effective judgment, ruling or mediation",
    article: "第一百二十七条第五项",
  },
  "127-6": {
    zh: "依法在一定期限内不得起诉的案件在不得起诉的期限内起诉",
    en: "the law bars the suit during this period",
    article: "第一百二十七条第六项",
  },
  "127-7": {
    zh: "判决不准离婚、调解和好的离婚案件，没有新情况、新理由，六个月内又起诉",
    en: "a divorce suit refiled within six months without new facts",
    article: "第一百二十七条第七项",
  },
};

/**
 * Where 民事诉讼法第一百二十七条第一项至第五项 send the plaintiff instead of ruling: the court tells them
 * (告知) to sue in administrative litigation, arbitrate, go to the competent authority, sue in the court
 * that has jurisdiction, or apply for a retrial.
 */
export const referralDirections: Record<string, { zh: string; en: string }> = {
  "127-1": {
    zh: "依照《中华人民共和国行政诉讼法》的规定提起行政诉讼",
    en: "bring an administrative suit under the Administrative Litigation Law",
  },
  "127-2": { zh: "向双方约定的仲裁机构申请仲裁", en: "apply to the arbitration body the parties agreed on" },
  "127-3": { zh: "向依法有权处理该争议的机关申请解决", en: "apply to the authority competent by law" },
  "127-4": { zh: "向有管辖权的人民法院起诉", en: "sue in the people's court that has jurisdiction" },
  "127-5": {
    zh: "依法申请再审（人民法院准许撤诉的裁定除外）",
    en: "apply for a retrial (except where the court had allowed a withdrawal)",
  },
};

/**
 * Which instrument the grounds call for: a ruling not to accept (民事诉讼法第一百二十六条 for a suit
 * failing 第一百二十二条; 第一百二十七条第六项、第七项 "不予受理"), or, when every ground is one of
 * 第一百二十七条第一项至第五项, a 告知书 telling the plaintiff where to go.
 */
export function refusalInstrument(basis: readonly string[]): "ruling" | "notice" {
  return basis.some((key) => !(key in referralDirections)) ? "ruling" : "notice";
}

export interface RefusalDocumentInput {
  courtNameZh: string;
  courtNameEn: string;
  appealCourtNameZh: string | null;
  appealCourtNameEn: string | null;
  /** 案号 of the ruling (a refused suit is numbered like a registered one); null on a 告知书. */
  caseNumber: string | null;
  plaintiffs: Array<{ name: string; descriptionZh: string; descriptionEn: string }>;
  defendants: string[];
  causeNameZh: string | null;
  causeNameEn: string | null;
  receivedOn: string;
  decidedOn: string;
  reason: string;
  basis: string[];
  /** The judge who makes the ruling (民事诉讼法第一百五十七条第三款: 裁定书由审判人员、书记员署名). */
  judge: { name: string } | null;
  /** The clerk (书记员) who records it. */
  clerkName: string;
}

/**
 * The court's answer to a suit it does not register: a 民事裁定书 (不予受理, appealable within ten days,
 * 民事诉讼法第一百五十七条第一款第一项 and 第一百七十一条第二款) signed by the judge and the clerk in the court's
 * name, or a 告知书 for 第一百二十七条第一项至第五项. Chinese original and English translation.
 */
export function buildRefusalModels(input: RefusalDocumentInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return refusalInstrument(input.basis) === "ruling"
    ? { zh: ruling(input, "zh-CN"), en: ruling(input, "en") }
    : { zh: referral(input, "zh-CN"), en: referral(input, "en") };
}

function groundsOf(basis: readonly string[]) {
  return basis.flatMap((key) => {
    const ground = refusalGrounds[key];
    return ground ? [{ key, ...ground }] : [];
  });
}

function articleEn(article: string): string {
  const match = /^第([一二三四五六七八九十百千零]+)条(?:第([一二三四五六七八九十]+)项)?$/u.exec(article);
  const number = match ? parseChineseNumeral(match[1]!) : null;
  const item = match?.[2] === undefined ? undefined : parseChineseNumeral(match[2]);
  if (number === null || item === null) return article;
  return item === undefined ? `Article ${number}` : `Article ${number}(${item})`;
}

function ruling(input: RefusalDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("refusal_ruling", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.decidedOn,
  });
  const grounds = groundsOf(input.basis);
  const articles = [
    ...new Set([
      ...(input.basis.includes("122") ? ["第一百二十二条"] : []),
      "第一百二十六条",
      ...grounds.map((g) => g.article).filter((a) => a !== "第一百二十二条"),
      "第一百五十七条第一款第一项",
    ]),
  ];
  const plaintiffNames = input.plaintiffs.map((p) => p.name);
  for (const p of input.plaintiffs)
    model.parties.push(
      zh ? `起诉人：${p.name}，${p.descriptionZh}。` : `Plaintiff: ${p.name}, ${p.descriptionEn}.`,
    );
  const referrals = input.basis.filter((key) => key in referralDirections);
  if (zh) {
    model.body.push(
      {
        text: `${plaintiffNames.join("、")}于${input.receivedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)}向本院提起诉讼，起诉${input.defendants.join("、")}${input.causeNameZh ?? "民事纠纷"}。`,
      },
      {
        text: `本院经审查认为：${input.reason}${grounds.length > 0 ? `本案${grounds.map((g) => g.zh).join("；")}。` : ""}`,
      },
    );
    for (const key of referrals)
      model.body.push({
        text: `起诉人可以${referralDirections[key]!.zh}（《中华人民共和国民事诉讼法》${refusalGrounds[key]!.article}）。`,
      });
    model.body.push(
      { text: `依照《中华人民共和国民事诉讼法》${articles.join("、")}规定，裁定如下：` },
      { text: `对${plaintiffNames.join("、")}的起诉，本院不予受理。` },
      {
        text: `如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状${input.appealCourtNameZh ? `，上诉于${input.appealCourtNameZh}` : ""}。`,
      },
    );
    model.signature.push(`审判员\u3000${input.judge?.name ?? ""}`, "", `书记员\u3000${input.clerkName}`);
  } else {
    model.body.push(
      {
        text: `On ${input.receivedOn} ${plaintiffNames.join(", ")} brought a suit in this court against ${input.defendants.join(", ")}${input.causeNameEn ? ` (${input.causeNameEn})` : ""}.`,
      },
      {
        text: `Having reviewed it, the court holds: ${input.reason}${grounds.length > 0 ? ` In this case ${grounds.map((g) => g.en).join("; ")}.` : ""}`,
      },
    );
    for (const key of referrals)
      model.body.push({
        text: `The plaintiff may ${referralDirections[key]!.en} (Civil Procedure Law, ${articleEn(refusalGrounds[key]!.article)}).`,
      });
    model.body.push(
      {
        text: `Under the Civil Procedure Law of the People's Republic of China (${articles
          .map(articleEn)
          .map((a) =>
            a === "第一百二十六条"
              ? "Article 126"
              : a === "第一百五十七条第一款第一项"
                ? "Article 157(1)(1)"
                : a,
          )
          .join(", ")}), the court rules:`,
      },
      { text: `The suit of ${plaintiffNames.join(", ")} is not accepted.` },
      {
        text: `A party who disagrees may lodge an appeal with this court within ten days from service of this ruling${input.appealCourtNameEn ? `, to ${input.appealCourtNameEn}` : ""}.`,
      },
    );
    model.signature.push(`Judge  ${input.judge?.name ?? ""}`, "", `Clerk  ${input.clerkName}`);
  }
  return model;
}

function referral(input: RefusalDocumentInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("referral_notice", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: null,
    issuedOn: input.decidedOn,
  });
  const plaintiffNames = input.plaintiffs.map((p) => p.name);
  const grounds = groundsOf(input.basis);
  model.body.push({
    text: zh ? `${plaintiffNames.join("、")}：` : `To: ${plaintiffNames.join(", ")}`,
    style: "plain",
  });
  if (zh) {
    model.body.push(
      {
        text: `你方诉${input.defendants.join("、")}${input.causeNameZh ?? "民事纠纷"}的起诉材料，本院已收悉。经审查，${input.reason}本案${grounds.map((g) => g.zh).join("；")}。`,
      },
      {
        text: `依照《中华人民共和国民事诉讼法》${grounds.map((g) => g.article).join("、")}的规定，特告知如下：`,
      },
      ...grounds.map((g, i) => ({
        text: `${grounds.length > 1 ? `${i + 1}. ` : ""}你方可以${referralDirections[g.key]!.zh}。`,
      })),
      { text: "本告知书不是裁定，不影响你方依法向有权机关或者有管辖权的人民法院主张权利。" },
    );
  } else {
    model.body.push(
      {
        text: `This court has received your complaint against ${input.defendants.join(", ")}${input.causeNameEn ? ` (${input.causeNameEn})` : ""}. Having reviewed it: ${input.reason} In this case ${grounds.map((g) => g.en).join("; ")}.`,
      },
      {
        text: `Under the Civil Procedure Law (${grounds.map((g) => articleEn(g.article)).join(", ")}), the court informs you as follows:`,
      },
      ...grounds.map((g, i) => ({
        text: `${grounds.length > 1 ? `${i + 1}. ` : ""}You may ${referralDirections[g.key]!.en}.`,
      })),
      {
        text: "This notice is not a ruling; it does not affect your right to seek relief from the competent authority or court.",
      },
    );
  }
  model.signature.push(zh ? input.courtNameZh : input.courtNameEn);
  return model;
}
