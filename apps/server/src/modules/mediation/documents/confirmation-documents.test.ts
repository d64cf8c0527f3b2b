import { describe, expect, it } from "vitest";
import { buildConfirmationRulingModels, type ConfirmationRulingInput } from "./confirmation-ruling";
import {
  agreementTermLines,
  buildMediationAgreementModels,
  type MediationAgreementInput,
} from "./mediation-agreement";

const agreement: MediationAgreementInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民诉前调3号",
  organisationNameZh: "杭州市网络交易纠纷人民调解委员会",
  organisationNameEn: "Hangzhou Online Trade Disputes People's Mediation Committee",
  mediatorName: "调解员甲",
  parties: [
    { name: "张三", role: "plaintiff", agentNames: [] },
    { name: "某网店公司", role: "defendant", agentNames: ["律师乙"] },
  ],
  causeNameZh: "网络购物合同纠纷",
  causeNameEn: "Online shopping contract dispute",
  facts: "张三在某网店购买的手机存在质量问题，要求退货退款。",
  obligations: [
    {
      obligor: "某网店公司",
      obligee: "张三",
      description: "退还货款",
      amountFen: 259900,
      dueOn: "2026-12-20",
    },
    { obligor: "张三", obligee: "某网店公司", description: "退回手机", amountFen: null, dueOn: null },
  ],
  costs: { kind: "borne_by", partyName: "某网店公司" },
  otherTerms: ["双方就本纠纷再无其他争议"],
  version: 2,
  draftedOn: "2026-12-07",
};

const text = (model: {
  parties: string[];
  body: Array<{ text: string }>;
  signature: string[];
  fields: Array<{ label: string; value: string }>;
}) =>
  [
    ...model.parties,
    ...model.body.map((p) => p.text),
    ...model.signature,
    ...model.fields.map((f) => `${f.label} ${f.value}`),
  ].join("\n");

const rawCodes =
  /plaintiff|defendant|third_party|borne_by|shared_equally|each_own|undefined|null|NaN|\[object/;

describe("the mediation agreement (调解协议书)", () => {
  it("numbers the obligations with amounts and dates, the costs and other terms", () => {
    expect(agreementTermLines(agreement, "zh-CN")).toEqual([
      "1. 某网店公司应于2026年12月20日前向张三退还货款人民币2,599.00元。",
      "2. 张三应于本协议生效之日向某网店公司退回手机。",
      "3. 本纠纷产生的费用由某网店公司负担。",
      "4. 双方就本纠纷再无其他争议。",
    ]);
    expect(
      agreementTermLines({ ...agreement, costs: { kind: "shared_equally" }, otherTerms: [] }, "en"),
    ).toEqual([
      "1. 某网店公司 shall 退还货款 CNY 2,599.00 to 张三 by 20 December 2026.",
      "2. 张三 shall 退回手机 to 某网店公司 on the day this agreement takes effect.",
      "3. The parties share the costs of the dispute equally.",
    ]);
  });

  it("names the parties, their agents, the mediator, when it takes effect and the 30 days to apply", () => {
    const { zh, en } = buildMediationAgreementModels(agreement);
    expect(zh.kind).toBe("mediation_agreement");
    expect(zh.title).toBe("调解协议书");
    expect(zh.caseNumber).toBe("（2026）浙0192民诉前调3号");
    expect(zh.parties).toEqual(["申请人：张三", "被申请人：某网店公司", "委托代理人：律师乙"]);
    expect(text(zh)).toContain("经杭州市网络交易纠纷人民调解委员会调解员调解员甲主持调解");
    expect(text(zh)).toContain(
      "各方当事人均完成电子签章之时起发生法律效力（《人民法院在线调解规则》第十九条）",
    );
    expect(text(zh)).toContain(
      "三十日内，共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）",
    );
    expect(text(zh)).toContain("第2稿");
    expect(zh.signature).toEqual(["当事人（电子签章）：张三、某网店公司", "调解员（电子签章）：调解员甲"]);
    expect(zh.date).toBe("二〇二六年十二月七日");
    expect(zh.translationNote).toBeNull();
    expect(en.title).toBe("Mediation Agreement");
    expect(en.translationNote).toMatch(/courtesy translation/i);
    expect(en.parties).toEqual(["Applicant: 张三", "Respondent: 某网店公司", "Agent: 律师乙"]);
    expect(text(en)).toContain("Civil Procedure Law, Article 205");
    expect(en.date).toBe("7 December 2026");
  });

  it("writes no raw codes in either language", () => {
    for (const costs of [{ kind: "shared_equally" }, { kind: "each_own" }, agreement.costs] as const) {
      const { zh, en } = buildMediationAgreementModels({
        ...agreement,
        costs,
        organisationNameZh: null,
        organisationNameEn: null,
        causeNameZh: null,
        causeNameEn: null,
      });
      expect(text(zh)).not.toMatch(rawCodes);
      expect(text(en)).not.toMatch(rawCodes);
    }
  });
});

const ruling: ConfirmationRulingInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民特1号",
  applicants: [
    { name: "张三", descriptionZh: "住杭州市", descriptionEn: "of Hangzhou" },
    { name: "某网店公司", descriptionZh: "住所地杭州市", descriptionEn: "domiciled in Hangzhou" },
  ],
  organisationNameZh: "杭州市网络交易纠纷人民调解委员会",
  organisationNameEn: null,
  agreementEffectiveOn: "2026-12-07",
  termsZh: agreementTermLines(agreement, "zh-CN"),
  termsEn: agreementTermLines(agreement, "en"),
  appliedOn: "2026-12-08",
  acceptedOn: "2026-12-09",
  decision: "confirm",
  grounds: [],
  reasons: "",
  judgeName: "法官甲",
  clerkName: "书记员甲",
  decidedOn: "2026-12-15",
};

describe("the ruling on judicial confirmation (民事裁定书)", () => {
  it("confirms the agreement with the enforceability sentence of 民事诉讼法第二百零六条", () => {
    const { zh, en } = buildConfirmationRulingModels(ruling);
    expect(zh.kind).toBe("confirmation_ruling");
    expect(zh.title).toBe("民事裁定书");
    expect(zh.caseNumber).toBe("（2026）浙0192民特1号");
    expect(zh.parties[0]).toBe("申请人：张三，住杭州市。");
    expect(text(zh)).toContain("1. 某网店公司应于2026年12月20日前向张三退还货款人民币2,599.00元。");
    expect(text(zh)).toContain("依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下：");
    expect(text(zh)).toContain("申请人张三、某网店公司于2026年12月7日达成的调解协议有效。");
    expect(text(zh)).toContain("一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。");
    expect(text(zh)).toContain("本案不收取费用。");
    expect(text(zh)).toContain("本裁定书自即日起发生法律效力。");
    expect(zh.signature).toEqual(["审判员　法官甲", "", "书记员　书记员甲"]);
    expect(zh.date).toBe("二〇二六年十二月十五日");
    expect(text(en)).toContain("Under Civil Procedure Law, Article 205, Article 206, the court rules:");
    expect(text(en)).toContain("is valid.");
    expect(text(en)).toContain("the other party may apply to a people's court for enforcement");
    expect(text(en)).toContain("No fee is charged");
    expect(en.translationNote).toMatch(/courtesy translation/i);
  });

  it("dismisses an application giving false mediation (在线调解规则第二十三条) and the interpretation's grounds", () => {
    const { zh, en } = buildConfirmationRulingModels({
      ...ruling,
      decision: "dismiss",
      grounds: ["false_mediation", "harms_public_or_others"],
      reasons: "双方当事人未能说明债务的来源。",
    });
    expect(text(zh)).toContain("驳回申请人张三、某网店公司的司法确认申请。");
    expect(text(zh)).toContain("恶意串通");
    expect(text(zh)).toContain(
      "依照《中华人民共和国民事诉讼法》第二百零六条，《人民法院在线调解规则》第二十三条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十八条第二项规定",
    );
    expect(text(zh)).toContain("也可以向人民法院提起诉讼");
    expect(text(zh)).not.toContain("申请执行");
    expect(text(en)).toContain("Online Mediation Rules of the People's Courts, Article 23");
    expect(text(en)).toContain("Article 358(2)");
    expect(text(en)).toContain("is dismissed");
  });

  it("writes no raw codes in either language", () => {
    for (const decision of ["confirm", "dismiss"] as const) {
      const { zh, en } = buildConfirmationRulingModels({
        ...ruling,
        decision,
        grounds: ["other", "outside_scope_after_acceptance"],
        organisationNameZh: null,
      });
      expect(text(zh)).not.toMatch(rawCodes);
      expect(text(en)).not.toMatch(rawCodes);
      expect(text(zh)).not.toMatch(/false_mediation|outside_scope|other\b/);
    }
  });
});
