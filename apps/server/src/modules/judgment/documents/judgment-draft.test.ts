import { describe, expect, it } from "vitest";
import {
  buildJudgmentDocumentModels,
  citeLaws,
  judgmentDocumentFileName,
  type JudgmentDocumentModel,
  type JudgmentDraftInput,
} from "./judgment-draft";

const smallClaims: JudgmentDraftInput = {
  kind: "judgment",
  court: { zh: "杭州互联网法院", en: "Hangzhou Internet Court" },
  appealCourt: { zh: "杭州市中级人民法院", en: "Hangzhou Intermediate People's Court" },
  caseNumber: "（2026）浙0192民初1号",
  cause: { zh: "网络购物合同纠纷", en: "Online shopping contract dispute" },
  procedure: "small_claims",
  judges: [{ name: "法官甲", role: "judge" }],
  clerkName: "书记员甲",
  parties: [
    {
      role: "plaintiff",
      kind: "natural",
      name: "张三",
      description: {
        zh: "男，1990年1月1日出生，汉族，住浙江省杭州市西湖区",
        en: "male, born on 1 January 1990, of Han ethnicity, residing in Xihu District, Hangzhou, Zhejiang",
      },
      representative: null,
      agents: [],
    },
    {
      role: "defendant",
      kind: "legal_person",
      name: "某网店公司",
      description: { zh: "住所地浙江省杭州市余杭区", en: "domiciled in Yuhang District, Hangzhou, Zhejiang" },
      representative: { name: "王五", title: { zh: "执行董事", en: "executive director" } },
      agents: [{ name: "律师乙", firm: { zh: "浙江某律师事务所", en: "Zhejiang Example Law Firm" } }],
    },
  ],
  filedOn: "2026-11-01",
  acceptedOn: "2026-11-02",
  hearing: { isHeld: true, on: "2026-11-20", isOnline: true, appeared: ["张三", "律师乙"], absent: [] },
  claims: [
    { text: { zh: "判令被告退还货款", en: "order the defendant to refund the price of" }, amountFen: 259900 },
    {
      text: { zh: "判令被告承担本案诉讼费用", en: "order the defendant to bear the costs of the case" },
      amountFen: null,
    },
  ],
  claimReasons: {
    zh: "原告在被告网店购买手机一部，收货后发现屏幕无法显示，要求退货退款遭拒。",
    en: "The plaintiff bought a phone from the defendant's online shop; its screen did not work and the refund was refused.",
  },
  defences: [{ name: "某网店公司", text: null }],
  facts: [
    {
      zh: "2026年10月1日，原告在被告经营的网店购买手机一部，支付货款2,599.00元。",
      en: "On 1 October 2026 the plaintiff bought a phone in the defendant's online shop and paid CNY 2,599.00.",
    },
  ],
  elements: [
    {
      label: { zh: "订立时间", en: "Date of the contract" },
      value: { zh: "2026年10月1日", en: "1 October 2026" },
    },
    { label: { zh: "货款金额", en: "Price paid" }, value: { zh: "2,599.00元", en: "CNY 2,599.00" } },
  ],
  reasoning: [
    {
      zh: "原告与被告之间的网络购物合同关系依法成立并生效。被告交付的手机存在质量问题，应当承担违约责任。",
      en: "The online shopping contract between the parties was validly formed. The phone delivered was defective, so the defendant is liable for breach.",
    },
  ],
  legalBasis: [
    "民法典第五百七十七条",
    "民法典第五百八十二条",
    "消费者权益保护法第二十四条",
    "民事诉讼法第一百六十五条",
  ],
  decision: [
    {
      text: {
        zh: "被告某网店公司于本判决生效之日起十日内向原告张三退还货款",
        en: "The defendant 某网店公司 shall, within ten days from the day this judgment takes effect, refund to the plaintiff 张三 the price of",
      },
      amountFen: 259900,
    },
    {
      text: {
        zh: "原告张三于收到上述款项之日起十日内向被告某网店公司退还手机",
        en: "The plaintiff 张三 shall return the phone to the defendant 某网店公司 within ten days from receiving the above sum",
      },
      amountFen: null,
    },
  ],
  caseFee: { amountFen: 2500, fullAmountFen: 5000, bearers: [{ name: "某网店公司", amountFen: 2500 }] },
  isAppealable: false,
  decidedOn: "2026-12-07",
};

const ordinary: JudgmentDraftInput = {
  ...smallClaims,
  caseNumber: "（2026）浙0192民初2号",
  procedure: "ordinary",
  judges: [
    { name: "法官甲", role: "presiding_judge" },
    { name: "法官乙", role: "judge" },
    { name: "陪审员丙", role: "people_assessor" },
  ],
  hearing: { isHeld: true, on: "2026-11-20", isOnline: false, appeared: ["张三"], absent: ["某网店公司"] },
  defences: [
    {
      name: "某网店公司",
      text: {
        zh: "手机系原告使用不当损坏，不同意退款。",
        en: "the phone was damaged by misuse; it refuses the refund.",
      },
    },
  ],
  legalBasis: ["民法典第五百七十七条", "合同编通则解释第六十八条", "民事诉讼法第一百四十七条"],
  caseFee: {
    amountFen: 5000,
    fullAmountFen: null,
    bearers: [
      { name: "张三", amountFen: 1000 },
      { name: "某网店公司", amountFen: 4000 },
    ],
  },
};

const ruling: JudgmentDraftInput = {
  ...smallClaims,
  kind: "ruling",
  procedure: "simplified",
  elements: [],
  facts: [],
  defences: [],
  reasoning: [
    {
      zh: "双方当事人在买卖合同中约定争议提交杭州仲裁委员会仲裁，该约定合法有效，原告的起诉不符合受理条件。",
      en: "the parties agreed to refer disputes to the Hangzhou Arbitration Commission; that agreement is valid, so the suit does not meet the conditions for acceptance.",
    },
  ],
  legalBasis: [
    "民事诉讼法第一百二十七条第二项",
    "民事诉讼法第一百五十七条第一款第三项",
    "民诉法解释第二百零八条第三款",
  ],
  decision: [
    {
      text: { zh: "驳回原告张三的起诉", en: "The suit of the plaintiff 张三 is dismissed" },
      amountFen: null,
    },
  ],
  caseFee: null,
  isAppealable: true,
};

const mediation: JudgmentDraftInput = {
  ...smallClaims,
  kind: "mediation",
  procedure: "simplified",
  decision: [
    {
      text: {
        zh: "被告某网店公司于2026年12月20日前向原告张三退还货款",
        en: "The defendant 某网店公司 shall refund to the plaintiff 张三 by 20 December 2026 the price of",
      },
      amountFen: 200000,
    },
    {
      text: { zh: "原告张三放弃其他诉讼请求", en: "The plaintiff 张三 waives the other claims" },
      amountFen: null,
    },
  ],
  caseFee: { amountFen: 1250, fullAmountFen: 5000, bearers: [{ name: "某网店公司", amountFen: 1250 }] },
};

const texts = (model: JudgmentDocumentModel) => model.paragraphs.map((p) => p.text);
const sections = (model: JudgmentDocumentModel) => [...new Set(model.paragraphs.map((p) => p.section))];
const all = (model: JudgmentDocumentModel) =>
  [
    model.courtName,
    model.title,
    ...model.parties,
    ...texts(model),
    ...model.signature,
    model.date,
    model.clerk,
  ].join("\n");

describe("the small-claims judgment of an online shopping case", () => {
  const { zh } = buildJudgmentDocumentModels(smallClaims);

  it("has the head, the parties with representative and agent, and the official order of sections", () => {
    expect(zh.title).toBe("民事判决书");
    expect(zh.courtName).toBe("杭州互联网法院");
    expect(zh.caseNumber).toBe("（2026）浙0192民初1号");
    expect(zh.translationNote).toBeNull();
    expect(zh.parties).toEqual([
      "原告：张三，男，1990年1月1日出生，汉族，住浙江省杭州市西湖区。",
      "被告：某网店公司，住所地浙江省杭州市余杭区。",
      "法定代表人：王五，执行董事。",
      "委托诉讼代理人：律师乙，浙江某律师事务所律师。",
    ]);
    expect(sections(zh)).toEqual([
      "procedure",
      "claims",
      "defence",
      "facts",
      "reasoning",
      "basis",
      "decision",
      "delay_interest",
      "costs",
      "effect",
    ]);
  });

  it("writes the procedure, claims, defence, facts, reasoning and basis in the official wording", () => {
    expect(texts(zh)).toEqual([
      "原告张三与被告某网店公司网络购物合同纠纷一案，原告于2026年11月1日向本院提起诉讼，本院于2026年11月2日立案后，依法适用小额诉讼程序，于2026年11月20日通过互联网在线公开开庭进行了审理。原告张三、被告某网店公司的委托诉讼代理人律师乙到庭参加诉讼。本案现已审理终结。",
      "原告张三向本院提出诉讼请求：1.判令被告退还货款2,599.00元；2.判令被告承担本案诉讼费用。",
      "事实和理由：原告在被告网店购买手机一部，收货后发现屏幕无法显示，要求退货退款遭拒。",
      "被告某网店公司未作答辩。",
      "本院经审理认定事实如下：",
      "2026年10月1日，原告在被告经营的网店购买手机一部，支付货款2,599.00元。",
      "1.订立时间：2026年10月1日。",
      "2.货款金额：2,599.00元。",
      "本院认为，原告与被告之间的网络购物合同关系依法成立并生效。被告交付的手机存在质量问题，应当承担违约责任。",
      "依照《中华人民共和国民法典》第五百七十七条、第五百八十二条，《中华人民共和国消费者权益保护法》第二十四条，《中华人民共和国民事诉讼法》第一百六十五条之规定，判决如下：",
      "一、被告某网店公司于本判决生效之日起十日内向原告张三退还货款2,599.00元；",
      "二、原告张三于收到上述款项之日起十日内向被告某网店公司退还手机。",
      "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。",
      "案件受理费50.00元，减半收取计25.00元，由被告某网店公司负担。",
      "本判决为终审判决。",
    ]);
  });

  it("is signed by the single judge, dated in Chinese numerals, with the clerk below the date", () => {
    expect(zh.signature).toEqual(["审判员\u3000法官甲"]);
    expect(zh.date).toBe("二〇二六年十二月七日");
    expect(zh.clerk).toBe("书记员\u3000书记员甲");
    expect(all(zh)).not.toContain("上诉");
    expect(judgmentDocumentFileName(zh, "docx")).toBe("民事判决书.docx");
  });
});

describe("the ordinary-procedure judgment", () => {
  const { zh, en } = buildJudgmentDocumentModels(ordinary);

  it("gives fifteen days to appeal to the higher court named in the input", () => {
    expect(texts(zh).at(-1)).toBe(
      "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，上诉于杭州市中级人民法院。",
    );
    expect(texts(en).at(-1)).toContain("within fifteen days");
    expect(texts(en).at(-1)).toContain("Hangzhou Intermediate People's Court");
  });

  it("sits as a collegial panel, records a default, quotes the defence and splits the fee", () => {
    expect(texts(zh)[0]).toBe(
      "原告张三与被告某网店公司网络购物合同纠纷一案，原告于2026年11月1日向本院提起诉讼，本院于2026年11月2日立案后，依法适用普通程序，依法组成合议庭，于2026年11月20日公开开庭进行了审理。原告张三到庭参加诉讼。被告某网店公司经本院合法传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。本案现已审理终结。",
    );
    expect(texts(zh)).toContain("被告某网店公司辩称，手机系原告使用不当损坏，不同意退款。");
    expect(texts(zh)).toContain("案件受理费50.00元，由原告张三负担10.00元，被告某网店公司负担40.00元。");
    expect(zh.signature).toEqual(["审判长\u3000法官甲", "审判员\u3000法官乙", "人民陪审员\u3000陪审员丙"]);
  });

  it("cites an interpretation whose title quotes a law with 〈〉 inside 《》", () => {
    expect(texts(zh)).toContain(
      "依照《中华人民共和国民法典》第五百七十七条，《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》第六十八条，《中华人民共和国民事诉讼法》第一百四十七条之规定，判决如下：",
    );
  });
});

describe("the ruling", () => {
  const { zh, en } = buildJudgmentDocumentModels(ruling);

  it("rules (裁定如下) with the law cited and ten days to appeal", () => {
    expect(zh.title).toBe("民事裁定书");
    expect(texts(zh)).toContain(
      "本院认为，双方当事人在买卖合同中约定争议提交杭州仲裁委员会仲裁，该约定合法有效，原告的起诉不符合受理条件。",
    );
    expect(texts(zh)).toContain(
      "依照《中华人民共和国民事诉讼法》第一百二十七条第二项、第一百五十七条第一款第三项，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零八条第三款之规定，裁定如下：",
    );
    expect(texts(zh)).toContain("驳回原告张三的起诉。");
    expect(texts(zh).at(-1)).toBe(
      "如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，上诉于杭州市中级人民法院。",
    );
    expect(all(zh)).not.toContain("判决");
    expect(all(zh)).not.toContain("迟延履行");
    expect(texts(en)).toContain(
      "Pursuant to Articles 127(2) and 157(1)(3) of the Civil Procedure Law of the People's Republic of China; Article 208(3) of the Interpretation of the Supreme People's Court on the Application of the Civil Procedure Law, the court rules as follows:",
    );
    expect(texts(en).at(-1)).toContain("within ten days");
  });

  it("takes effect when made where no appeal lies or in a small claims case", () => {
    for (const variant of [{ isAppealable: false }, { procedure: "small_claims" as const }]) {
      const { zh: model } = buildJudgmentDocumentModels({ ...ruling, ...variant });
      expect(texts(model).at(-1)).toBe("本裁定一经作出即发生法律效力。");
    }
  });
});

describe("the mediation document", () => {
  const { zh, en } = buildJudgmentDocumentModels(mediation);

  it("records the claims, the agreement, the halved fee and takes effect on signature", () => {
    expect(zh.title).toBe("民事调解书");
    expect(sections(zh)).toEqual(["procedure", "claims", "facts", "decision", "costs", "effect"]);
    expect(texts(zh).slice(-6)).toEqual([
      "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：",
      "一、被告某网店公司于2026年12月20日前向原告张三退还货款2,000.00元；",
      "二、原告张三放弃其他诉讼请求。",
      "案件受理费50.00元，减半收取计12.50元，由被告某网店公司负担。",
      "上述协议，不违反法律规定，本院予以确认。",
      "本调解书经双方当事人签收后，即具有法律效力。",
    ]);
    expect(all(zh)).not.toMatch(/判决如下|本院认为|辩称|上诉|审理终结/);
    expect(texts(en).at(-1)).toBe(
      "This mediation document takes legal effect once both parties have signed for it.",
    );
  });
});

describe("the English translation", () => {
  const names = ["张三", "某网店公司", "王五", "律师乙", "法官甲", "法官乙", "陪审员丙", "书记员甲"];
  const withoutNames = (text: string) => names.reduce((t, n) => t.split(n).join(""), text);

  it("has no Chinese outside the names, in every kind of document", () => {
    for (const input of [smallClaims, ordinary, ruling, mediation]) {
      const { en } = buildJudgmentDocumentModels(input);
      expect(withoutNames(`${all(en)}\n${en.translationNote}`)).not.toMatch(
        /\p{Script=Han}|[《》〈〉，。；：]/u,
      );
    }
  });

  it("is marked as a translation and writes amounts and dates in English style", () => {
    const { en } = buildJudgmentDocumentModels(smallClaims);
    expect(en.title).toBe("Civil Judgment");
    expect(en.translationNote).toMatch(/courtesy translation/i);
    expect(en.date).toBe("7 December 2026");
    expect(texts(en)).toContain(
      "1. The defendant 某网店公司 shall, within ten days from the day this judgment takes effect, refund to the plaintiff 张三 the price of CNY 2,599.00;",
    );
    expect(texts(en)).toContain(
      "Pursuant to Articles 577 and 582 of the Civil Code of the People's Republic of China; Article 24 of the Law of the People's Republic of China on the Protection of Consumer Rights and Interests; Article 165 of the Civil Procedure Law of the People's Republic of China, the court rules as follows:",
    );
    expect(texts(en)).toContain(
      "The case acceptance fee of CNY 50.00, halved to CNY 25.00, shall be borne by the defendant 某网店公司.",
    );
    expect(texts(en)[0]).toContain(
      "The plaintiff 张三 and 律师乙 (authorised agent of the defendant 某网店公司) appeared.",
    );
    expect(texts(en)[0]).toContain(
      "was brought on 1 November 2026 and registered by this court on 2 November 2026",
    );
    expect(texts(en).at(-1)).toBe("This judgment is final.");
    expect(en.signature).toEqual(["Judge  法官甲"]);
    expect(judgmentDocumentFileName(en, "pdf")).toBe("civil-judgment-en.pdf");
  });
});

describe("citeLaws", () => {
  it("refuses a law it cannot name by its full title", () => {
    expect(() => citeLaws(["某某法第一条"], "zh-CN")).toThrow(RangeError);
    expect(() => citeLaws(["民法典第五百七十七"], "zh-CN")).toThrow(RangeError);
  });

  it("cites each article once, grouped by law in the order given", () => {
    expect(citeLaws(["民法典第五百七十七条", "电子商务法第七十四条", "民法典第五百七十七条"], "zh-CN")).toBe(
      "《中华人民共和国民法典》第五百七十七条，《中华人民共和国电子商务法》第七十四条",
    );
  });
});
