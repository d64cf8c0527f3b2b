import { computeAnswerDeadline, type ProcedureValue } from "../../cases/index";
import { emptyModel, type CourtDocumentModel, type DocumentLocale } from "../../documents/index";

export interface AcceptanceNoticesInput {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string;
  causeNameZh: string | null;
  causeNameEn: string | null;
  plaintiffs: string[];
  defendants: string[];
  procedure: ProcedureValue;
  judgeName: string;
  acceptedOn: string;
  courtAddress: string | null;
  courtPhone: string | null;
}

const procedureNames: Record<ProcedureValue, { zh: string; en: string }> = {
  ordinary: { zh: "普通程序", en: "the ordinary procedure" },
  simplified: { zh: "简易程序", en: "the simplified procedure" },
  small_claims: { zh: "小额诉讼程序", en: "the small-claims procedure" },
};

/**
 * The period the court sets for producing evidence, in days from the day after the notice is received:
 * not less than 15 days in the ordinary procedure (民诉法解释第九十九条第二款), not more than 15 in the
 * simplified procedure (民诉法解释第二百六十六条), as a rule not more than 7 for small claims (民诉法解释
 * 第二百七十五条; 最高人民法院关于民事诉讼证据的若干规定第五十一条第二款).
 */
export function evidencePeriod(procedure: ProcedureValue): { days: number; basis: string } {
  switch (procedure) {
    case "ordinary":
      return { days: 15, basis: "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十九条" };
    case "simplified":
      return { days: 15, basis: "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百六十六条" };
    case "small_claims":
      return { days: 7, basis: "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百七十五条" };
  }
}

/**
 * The notices of registration (民事诉讼法第一百二十六条: 立案并通知当事人): the 受理案件通知书 to the
 * plaintiff, the 举证通知书 to every party (证据规定第五十条), and the 应诉通知书 sent with the complaint to
 * the defendant (民事诉讼法第一百二十八条). Each in Chinese (legal) and English (courtesy).
 */
export function buildAcceptanceNotices(input: AcceptanceNoticesInput) {
  const both = (build: (input: AcceptanceNoticesInput, locale: DocumentLocale) => CourtDocumentModel) => ({
    zh: build(input, "zh-CN"),
    en: build(input, "en"),
  });
  return {
    acceptance: both(acceptanceNotice),
    evidence: both(evidenceNotice),
    response: input.defendants.length > 0 ? both(responseNotice) : null,
  };
}

function base(kind: CourtDocumentModel["kind"], input: AcceptanceNoticesInput, locale: DocumentLocale) {
  const zh = locale === "zh-CN";
  const model = emptyModel(kind, locale, {
    courtName: zh ? input.courtNameZh : input.courtNameEn,
    caseNumber: input.caseNumber,
    issuedOn: input.acceptedOn,
  });
  model.signature.push(zh ? input.courtNameZh : input.courtNameEn);
  return model;
}

function caseLine(input: AcceptanceNoticesInput, zh: boolean): string {
  return zh
    ? `${input.plaintiffs.join("、")}诉${input.defendants.join("、")}${input.causeNameZh ?? "民事纠纷"}一案`
    : `the case of ${input.plaintiffs.join(", ")} v. ${input.defendants.join(", ")}${input.causeNameEn ? ` (${input.causeNameEn})` : ""}`;
}

function contactLine(input: AcceptanceNoticesInput, zh: boolean): string | null {
  const parts = [
    input.courtAddress
      ? zh
        ? `本院地址：${input.courtAddress}`
        : `Court address: ${input.courtAddress}`
      : null,
    input.courtPhone ? (zh ? `联系电话：${input.courtPhone}` : `Telephone: ${input.courtPhone}`) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(zh ? "；" : "; ") : null;
}

function acceptanceNotice(input: AcceptanceNoticesInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = base("acceptance_notice", input, locale);
  const procedure = procedureNames[input.procedure];
  model.body.push({
    text: zh ? `${input.plaintiffs.join("、")}：` : `To: ${input.plaintiffs.join(", ")}`,
    style: "plain",
  });
  model.body.push(
    {
      text: zh
        ? `你方提起的${caseLine(input, true)}，本院经审查，符合《中华人民共和国民事诉讼法》第一百二十二条规定的起诉条件，依照第一百二十六条的规定，决定立案审理。现将有关事项通知如下：`
        : `Having reviewed ${caseLine(input, false)}, this court finds that the suit meets the conditions of Article 122 of the Civil Procedure Law and, under Article 126, has registered it for trial. Please note:`,
    },
    {
      text: zh
        ? `一、本案案号为${input.caseNumber}，适用${procedure.zh}审理，由审判员${input.judgeName}承办。`
        : `1. The case number is ${input.caseNumber}. The case is tried under ${procedure.en}; the judge in charge is ${input.judgeName}.`,
    },
    {
      text: zh
        ? "二、本院将在立案之日起五日内将起诉状副本发送被告（《中华人民共和国民事诉讼法》第一百二十八条）。"
        : "2. The court sends a copy of the complaint to the defendant within five days of registration (Civil Procedure Law, Article 128).",
    },
    {
      text: zh
        ? "三、当事人在诉讼中有权行使《中华人民共和国民事诉讼法》第五十二条规定的诉讼权利，同时必须遵守诉讼秩序，履行诉讼义务。本案在线审理的，当事人通过本平台接收文书、提交证据、参加庭审。"
        : "3. The parties have the procedural rights of Article 52 of the Civil Procedure Law and must keep order in the proceedings. Where the case is heard online, the parties receive documents, submit evidence and attend hearings on this platform.",
    },
  );
  const contact = contactLine(input, zh);
  if (contact) model.body.push({ text: contact });
  return model;
}

function evidenceNotice(input: AcceptanceNoticesInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = base("evidence_notice", input, locale);
  const period = evidencePeriod(input.procedure);
  const parties = [...input.plaintiffs, ...input.defendants];
  model.body.push({ text: zh ? `${parties.join("、")}：` : `To: ${parties.join(", ")}`, style: "plain" });
  model.body.push(
    {
      text: zh
        ? `本院受理的${caseLine(input, true)}，案号为${input.caseNumber}。依照《中华人民共和国民事诉讼法》第六十七条、第六十八条和《最高人民法院关于民事诉讼证据的若干规定》第五十条的规定，现将有关举证事项通知如下：`
        : `In ${caseLine(input, false)}, case number ${input.caseNumber}, under Articles 67 and 68 of the Civil Procedure Law and Article 50 of the Supreme People's Court Provisions on Evidence in Civil Procedures, the court gives notice on evidence as follows:`,
    },
    {
      text: zh
        ? "一、当事人对自己提出的主张，有责任提供证据。当事人未能提供证据或者证据不足以证明其事实主张的，由负有举证证明责任的当事人承担不利的后果（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条）。"
        : "1. A party must produce evidence for what it asserts. A party who cannot, or whose evidence does not prove the facts asserted, bears the adverse consequence (Interpretation of the Civil Procedure Law, Article 90).",
    },
    {
      text: zh
        ? "二、当事人及其诉讼代理人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请人民法院调查收集（《中华人民共和国民事诉讼法》第六十七条第二款）。"
        : "2. Evidence a party or its agent cannot collect for objective reasons may be collected by the court on a written application made before the period for evidence ends (Civil Procedure Law, Article 67(2)).",
    },
    {
      text: zh
        ? `三、本院指定的举证期限为自收到本通知书之次日起${period.days}日（${period.basis}）。当事人在该期限内提供证据确有困难的，可以在期限届满前向本院申请延长。`
        : `3. The period set for producing evidence is ${period.days} days from the day after this notice is received (${period.basis}). A party who has real difficulty meeting it may apply for an extension before it ends.`,
    },
    {
      text: zh
        ? "四、当事人逾期提供证据的，人民法院应当责令其说明理由；拒不说明理由或者理由不成立的，人民法院根据不同情形可以不予采纳该证据，或者采纳该证据但予以训诫、罚款（《中华人民共和国民事诉讼法》第六十八条第二款）。"
        : "4. A party who produces evidence late must explain why; without an explanation, or with one that fails, the court may refuse the evidence, or admit it and admonish or fine the party (Civil Procedure Law, Article 68(2)).",
    },
    {
      text: zh
        ? "五、当事人通过本平台在线提交证据的，应当提交证据目录，写明证据名称、来源和证明对象。"
        : "5. Evidence submitted online on this platform comes with a list naming each item, its source and what it proves.",
    },
  );
  return model;
}

function responseNotice(input: AcceptanceNoticesInput, locale: DocumentLocale): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const model = base("response_notice", input, locale);
  const answer = computeAnswerDeadline({ receivedOn: input.acceptedOn });
  const period = evidencePeriod(input.procedure);
  model.body.push({
    text: zh ? `${input.defendants.join("、")}：` : `To: ${input.defendants.join(", ")}`,
    style: "plain",
  });
  model.body.push(
    {
      text: zh
        ? `本院已受理${caseLine(input, true)}，案号为${input.caseNumber}。现随本通知书发送起诉状副本，并通知如下：`
        : `This court has registered ${caseLine(input, false)}, case number ${input.caseNumber}. A copy of the complaint is sent with this notice. Please note:`,
    },
    {
      text: zh
        ? `一、你方应当在收到起诉状副本之日起${answer.length}日内向本院提出答辩状（${answer.basis.replace(/^民事诉讼法/, "《中华人民共和国民事诉讼法》")}）。不提出答辩状的，不影响本院审理。`
        : `1. You may file a defence within ${answer.length} days of receiving the copy of the complaint (Civil Procedure Law, Article 128). Not filing one does not stop the trial.`,
    },
    {
      text: zh
        ? `二、你方应当在收到本通知书之次日起${period.days}日内向本院提供证据（${period.basis}）。`
        : `2. You should produce your evidence within ${period.days} days from the day after receiving this notice (${period.basis}).`,
    },
    {
      text: zh
        ? `三、本案适用${procedureNames[input.procedure].zh}审理，由审判员${input.judgeName}承办。你方可以委托一至二人作为诉讼代理人，委托他人代为诉讼的，须向本院提交由委托人签名或者盖章的授权委托书（《中华人民共和国民事诉讼法》第六十一条、第六十二条）。`
        : `3. The case is tried under ${procedureNames[input.procedure].en}; the judge in charge is ${input.judgeName}. You may appoint one or two agents ad litem with a signed power of attorney (Civil Procedure Law, Articles 61 and 62).`,
    },
  );
  const contact = contactLine(input, zh);
  if (contact) model.body.push({ text: contact });
  return model;
}
