import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";
import { enDate, zhDate } from "./confirmation-ruling";

export interface WithdrawalRulingInput {
  courtNameZh: string;
  courtNameEn: string;
  /** 案号 of the confirmation case, e.g. （2026）浙0192民特1号. */
  caseNumber: string;
  applicants: Array<{ name: string; descriptionZh: string; descriptionEn: string }>;
  /** The applicants who withdraw (one or more of `applicants`). */
  withdrawnBy: string[];
  appliedOn: string;
  acceptedOn: string;
  withdrawnOn: string;
  /** The applicant's reason, in their own words, or null. */
  reason: string | null;
  judgeName: string;
  clerkName: string;
}

function build(input: WithdrawalRulingInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = emptyModel("confirmation_ruling", locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.withdrawnOn,
  });
  for (const a of input.applicants)
    model.parties.push(
      zh ? `申请人：${a.name}，${a.descriptionZh}。` : `Applicant: ${a.name}, ${a.descriptionEn}.`,
    );
  const names = input.applicants.map((a) => a.name);
  const reason = input.reason?.trim() ?? "";
  if (zh) {
    model.body.push(
      {
        text: `申请人${names.join("、")}于${zhDate(input.appliedOn)}共同向本院申请司法确认调解协议，本院于${zhDate(input.acceptedOn)}受理。`,
      },
      {
        text: `在本院作出是否确认的裁定前，申请人${input.withdrawnBy.join("、")}于${zhDate(input.withdrawnOn)}向本院申请撤回司法确认申请。${reason ? `理由：${reason.replace(/[。.]+$/u, "")}。` : ""}`,
      },
      {
        text: "本院认为，确认调解协议的裁定作出前，当事人撤回申请的，人民法院应当准许。",
      },
      {
        text: "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十七条第一款，《最高人民法院关于人民调解协议司法确认程序的若干规定》第五条第二款规定，裁定如下：",
      },
      { text: `准许申请人${input.withdrawnBy.join("、")}撤回司法确认申请。` },
      { text: "本案不收取费用。" },
      { text: "本裁定书自即日起发生法律效力。" },
    );
    model.signature.push(`审判员\u3000${input.judgeName}`, "", `书记员\u3000${input.clerkName}`);
  } else {
    model.body.push(
      {
        text: `On ${enDate(input.appliedOn)} the applicants ${names.join(", ")} jointly applied to this court for judicial confirmation of a mediation agreement. The court accepted the application on ${enDate(input.acceptedOn)}.`,
      },
      {
        text: `Before the court ruled on it, on ${enDate(input.withdrawnOn)}, ${input.withdrawnBy.join(", ")} applied to withdraw the application.${reason ? ` Reason given: ${reason.replace(/[。.]+$/u, "")}.` : ""}`,
      },
      {
        text: "The court holds that an application withdrawn before the ruling on the mediation agreement is to be allowed.",
      },
      {
        text: "Under the Interpretation of the Supreme People's Court on the Application of the Civil Procedure Law, Article 357(1), and the Provisions of the Supreme People's Court on the Judicial Confirmation of People's Mediation Agreements, Article 5(2), the court rules:",
      },
      {
        text: `The withdrawal of the application for judicial confirmation by ${input.withdrawnBy.join(", ")} is allowed.`,
      },
      { text: "No fee is charged for this case." },
      { text: "This ruling takes legal effect on the day it is made." },
    );
    model.signature.push(`Judge  ${input.judgeName}`, "", `Clerk  ${input.clerkName}`);
  }
  return model;
}

/**
 * The ruling allowing an applicant to withdraw an accepted application for judicial confirmation
 * (民事裁定书, 准许撤回): 民诉法解释第三百五十七条第一款 (确认调解协议的裁定作出前，当事人撤回申请的，人民法院
 * 可以裁定准许) and 若干规定第五条第二款 (人民法院应当准许). Free (若干规定第十一条). Chinese original and
 * English courtesy translation.
 */
export function buildWithdrawalRulingModels(input: WithdrawalRulingInput): {
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}
