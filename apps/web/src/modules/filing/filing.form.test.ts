import { describe, expect, it } from "vitest";
import type { ExtractionSuggestion, FilingView } from "./filing.api";
import {
  applySuggestion,
  claimTotal,
  emptyFilingForm,
  formFieldIssues,
  fromFilingView,
  hasParticularsFromIdNumber,
  missingByStep,
  parseFiler,
  stepOfPath,
  toFilingContent,
  withAccountParticulars,
  withFilerFromAccount,
  withParticularsFromIdNumbers,
  type FilingForm,
} from "./filing.form";

const filledForm = (): FilingForm => ({
  courtId: "2f1c2b9e-0000-4000-8000-000000000001",
  typeCode: "民初",
  causeCode: "online-sale-contract",
  procedure: "simplified",
  parties: [
    {
      role: "plaintiff",
      kind: "natural_person",
      name: " 张三 ",
      idNumber: "33010619900307213x",
      creditCode: "should be dropped",
      sex: "male",
      phone: "138 0000 1111",
      address: "杭州市西湖区文三路1号",
      email: "",
    },
    {
      role: "defendant",
      kind: "legal_person",
      name: "杭州某某电子商务有限公司",
      idNumber: "330106199003072131",
      creditCode: " 91330100mA27xxxx0x ",
      legalRepresentative: "钱七",
      sex: "male",
      address: "杭州市余杭区",
    },
  ],
  agents: [
    {
      partyIndex: 0,
      kind: "relative",
      name: "张四",
      lawFirm: "should be dropped",
      licenceNumber: "12345678901234567",
    },
  ],
  claims: [{ text: "判令被告退还货款5000元", amount: 5000.004 }, { text: "  " }, {}],
  factsAndReasons: "事实与理由",
  evidence: [{ name: "订单截图", source: "", purpose: "证明合同关系" }, { name: "" }],
  filer: "agent:0",
});

describe("toFilingContent", () => {
  it("keeps an ID number for a person and a credit code for an organisation, normalised", () => {
    const content = toFilingContent(filledForm(), 3);
    expect(content.parties[0]).toMatchObject({
      name: "张三",
      idNumber: "33010619900307213X",
      creditCode: null,
      phone: "13800001111",
      email: null,
      sex: "male",
    });
    expect(content.parties[1]).toMatchObject({
      idNumber: null,
      creditCode: "91330100MA27XXXX0X",
      legalRepresentative: "钱七",
      sex: null,
    });
    expect(content.version).toBe(3);
  });

  it("marks exactly the chosen filer", () => {
    const content = toFilingContent(filledForm());
    expect(content.parties.map((p) => p.isFiler)).toEqual([false, false]);
    expect(content.agents.map((a) => a.isFiler)).toEqual([true]);
    const asParty = toFilingContent({ ...filledForm(), filer: "party:1" });
    expect(asParty.parties.map((p) => p.isFiler)).toEqual([false, true]);
    expect(asParty.agents[0]!.isFiler).toBe(false);
  });

  it("drops lawyer-only fields of other agents and blank claim and evidence rows", () => {
    const content = toFilingContent(filledForm());
    expect(content.agents[0]).toMatchObject({
      lawFirm: null,
      licenceNumber: null,
      powerOfAttorneyAttachmentId: null,
    });
    expect(content.claims).toEqual([{ text: "判令被告退还货款5000元", amount: 5000 }]);
    expect(content.evidence).toEqual([
      { name: "订单截图", source: null, purpose: "证明合同关系", attachmentId: null },
    ]);
  });

  it("omits the version and court when the form has none", () => {
    const content = toFilingContent(emptyFilingForm());
    expect(content).not.toHaveProperty("version");
    expect(content).not.toHaveProperty("courtId");
    expect(content.claims).toEqual([]);
    expect(content.parties).toEqual([]);
  });

  it("leaves out unnamed parties at the end but keeps the indices of the others", () => {
    const form = emptyFilingForm();
    form.parties[0]!.name = "张三";
    const content = toFilingContent(form);
    expect(content.parties.map((p) => [p.role, p.name, p.isFiler])).toEqual([["plaintiff", "张三", true]]);
    const middle = toFilingContent({
      ...form,
      parties: [{ role: "plaintiff", kind: "natural_person", name: "" }, ...form.parties],
    });
    expect(middle.parties.map((p) => p.name)).toEqual(["", "张三"]);
  });
});

const view = (overrides: Partial<FilingView> = {}): FilingView => ({
  caseId: "c1",
  status: "draft",
  courtId: "court-1",
  typeCode: "民初",
  causeCode: null,
  procedure: null,
  title: null,
  caseNumber: null,
  filer: null,
  content: { parties: [], agents: [], claims: [], factsAndReasons: "", evidence: [] },
  attachments: [],
  fee: null,
  feeEstimate: null,
  reviews: [],
  queryCode: null,
  missing: [],
  submittedAt: null,
  reviewDueOn: null,
  version: 1,
  actions: [],
  ...overrides,
});

describe("fromFilingView", () => {
  it("gives a new complaint the blank rows of the wizard", () => {
    const form = fromFilingView(view());
    expect(form.parties.map((p) => p.role)).toEqual(["plaintiff", "defendant"]);
    expect(form.claims).toHaveLength(1);
    expect(form.filer).toBe("party:0");
    expect(form.courtId).toBe("court-1");
  });

  it("round-trips a saved complaint", () => {
    const content = toFilingContent(filledForm(), 2);
    const form = fromFilingView(
      view({
        content: { ...content, factsAndReasons: content.factsAndReasons },
        causeCode: "online-sale-contract",
      }),
    );
    expect(form.filer).toBe("agent:0");
    expect(form.parties[0]).not.toHaveProperty("isFiler");
    const again = toFilingContent(
      { ...form, courtId: content.courtId, typeCode: content.typeCode, procedure: "simplified" },
      2,
    );
    expect(again).toEqual(content);
  });
});

describe("applySuggestion", () => {
  const suggestion: ExtractionSuggestion = {
    causeCode: "online-sale-contract",
    parties: [
      {
        role: "defendant",
        kind: "legal_person",
        name: "某公司",
        idNumber: null,
        creditCode: null,
        legalRepresentative: null,
        sex: null,
        ethnicity: null,
        birthDate: null,
        phone: null,
        address: null,
        confidence: 0.9,
      },
      {
        role: "plaintiff",
        kind: "natural_person",
        name: "李四",
        idNumber: null,
        creditCode: null,
        legalRepresentative: null,
        sex: "female",
        ethnicity: "汉族",
        birthDate: "1990-01-01",
        phone: "13900000000",
        address: "杭州",
        confidence: 0.8,
      },
    ],
    agents: [{ partyIndex: 5, kind: "lawyer", name: "王律师", lawFirm: null, phone: null }],
    claims: [{ text: "判令被告支付1000元", amount: 1000, confidence: 0.7 }],
    factsAndReasons: "  ",
    evidence: [{ name: "聊天记录" }],
    courtName: null,
    issues: [],
  };

  it("replaces what was found, keeps the rest and makes the first plaintiff the filer", () => {
    const base = { ...emptyFilingForm(), factsAndReasons: "已写的事实", filer: "party:1" as const };
    const form = applySuggestion(base, suggestion);
    expect(form.parties.map((p) => p.name)).toEqual(["某公司", "李四"]);
    expect(form.parties[1]).not.toHaveProperty("confidence");
    expect(form.filer).toBe("party:1");
    expect(form.agents).toEqual([]); // the agent named a party that does not exist
    expect(form.claims).toEqual([{ text: "判令被告支付1000元", amount: 1000 }]);
    expect(form.factsAndReasons).toBe("已写的事实");
    expect(form.evidence[0]).toMatchObject({ name: "聊天记录", attachmentId: null });
    expect(form.causeCode).toBe("online-sale-contract");
  });

  it("keeps the form's parties and filer when the text names none", () => {
    const base = { ...emptyFilingForm(), filer: "party:1" as const };
    const form = applySuggestion(base, { ...suggestion, parties: [], agents: [] });
    expect(form.parties).toBe(base.parties);
    expect(form.filer).toBe("party:1");
  });
});

describe("steps and totals", () => {
  it.each([
    ["body.parties.0.idNumber", "parties"],
    ["parties", "parties"],
    ["agents.1.powerOfAttorneyAttachmentId", "parties"],
    ["claims", "claims"],
    ["causeCode", "claims"],
    ["procedure", "claims"],
    ["factsAndReasons", "facts"],
    ["evidence.0.name", "evidence"],
    ["something_else", "review"],
    [undefined, "review"],
  ] as const)("puts %s on the %s step", (path, step) => {
    expect(stepOfPath(path)).toBe(step);
  });

  it("groups missing items by step in step order", () => {
    const groups = missingByStep([
      { code: "facts_required", path: "factsAndReasons" },
      { code: "plaintiff_phone_required", path: "parties.0.phone" },
      { code: "defendant_address_required", path: "parties.1.address" },
    ]);
    expect(groups.map((g) => [g.step, g.items.length])).toEqual([
      ["parties", 2],
      ["facts", 1],
    ]);
  });

  it("adds claim amounts in fen", () => {
    expect(claimTotal([{ amount: 0.1 }, { amount: 0.2 }, { amount: null }, {}])).toBe(0.3);
    expect(claimTotal(undefined)).toBe(0);
  });

  it("reads filer choices", () => {
    expect(parseFiler("agent:12")).toEqual({ kind: "agent", index: 12 });
    expect(parseFiler("judge:1")).toBeNull();
    expect(parseFiler(null)).toBeNull();
  });
});

describe("the filer comes from the account", () => {
  const person = {
    kind: "person" as const,
    name: "李四",
    creditCode: null,
    lawyerLicenceNumber: null,
    lawFirm: null,
  };
  const lawyer = {
    ...person,
    name: "王律师",
    lawyerLicenceNumber: "13301201810123456",
    lawFirm: "浙江示范律师事务所",
  };

  it("puts the account's name on the filer party and leaves the ID number to the server", () => {
    const form = withFilerFromAccount({ ...filledForm(), filer: "party:0" }, person);
    expect(form.parties[0]).toMatchObject({ kind: "natural_person", name: "李四", idNumber: null });
    expect(form.parties[1]).toEqual(filledForm().parties[1]);
    expect(toFilingContent(form).parties[0]).toMatchObject({ name: "李四", idNumber: null, isFiler: true });
  });

  it("makes an organisation's filer party carry its credit code", () => {
    const company = {
      ...person,
      kind: "organisation" as const,
      name: "某公司",
      creditCode: "91330106MA2DEM01X1",
    };
    const form = withFilerFromAccount({ ...filledForm(), filer: "party:0" }, company);
    expect(form.parties[0]).toMatchObject({
      kind: "legal_person",
      name: "某公司",
      creditCode: "91330106MA2DEM01X1",
    });
  });

  it("names a filing lawyer agent after the account, with its licence", () => {
    const base = filledForm();
    const form = withFilerFromAccount(
      { ...base, agents: [{ kind: "lawyer", partyIndex: 0, name: "张律师" }], filer: "agent:0" },
      lawyer,
    );
    expect(form.agents[0]).toMatchObject({
      name: "王律师",
      licenceNumber: "13301201810123456",
      lawFirm: "浙江示范律师事务所",
    });
    expect(form.parties).toEqual(base.parties);
  });
});

describe("the filer's phone and particulars, and every party's from the ID number", () => {
  const now = new Date("2026-03-02T01:00:00Z");
  const account = {
    kind: "person" as const,
    name: "张三",
    phone: "13800001111",
    creditCode: null,
    lawyerLicenceNumber: null,
    lawFirm: null,
  };

  it("fills the filer's phone from the verified account, but never over one typed", () => {
    const blank = {
      ...filledForm(),
      filer: "party:0" as const,
      parties: [{ role: "plaintiff" as const, kind: "natural_person" as const }],
    };
    expect(withFilerFromAccount(blank, account).parties[0]?.phone).toBe("13800001111");
    const typed = { ...blank, parties: [{ ...blank.parties[0]!, phone: "0571-88888888" }] };
    expect(withFilerFromAccount(typed, account).parties[0]?.phone).toBe("0571-88888888");
  });

  it("reads sex and date of birth from a valid number, and nothing from a wrong one", () => {
    const form: FilingForm = {
      ...emptyFilingForm(),
      parties: [
        {
          role: "plaintiff",
          kind: "natural_person",
          name: "李五",
          idNumber: "110105198506152431",
          sex: "female",
        },
        { role: "defendant", kind: "natural_person", name: "王六", idNumber: "110105198506152432" },
        { role: "defendant", kind: "legal_person", name: "某公司", idNumber: "110105198506152431" },
      ],
    };
    const filled = withParticularsFromIdNumbers(form, now);
    expect(filled?.parties[0]).toMatchObject({ sex: "male", birthDate: "1985-06-15" });
    expect(filled?.parties[1]).toEqual(form.parties[1]);
    expect(filled?.parties[2]).toEqual(form.parties[2]);
    expect(withParticularsFromIdNumbers(filled!, now)).toBeNull();
    expect(hasParticularsFromIdNumber(form.parties[0], now)).toBe(true);
    expect(hasParticularsFromIdNumber(form.parties[1], now)).toBe(false);
  });

  it("names each wrong field by its form path, as the server's submission does", () => {
    const form: FilingForm = {
      ...emptyFilingForm(),
      parties: [
        { role: "plaintiff", kind: "natural_person", name: "李五", idNumber: "110105198506152431" },
        {
          role: "defendant",
          kind: "natural_person",
          name: "王六",
          idNumber: "110105198506152432",
          phone: "12",
        },
      ],
    };
    expect(formFieldIssues(form, now)).toEqual([
      { path: "parties.1.idNumber", code: "id_number_check_digit_mismatch" },
      { path: "parties.1.phone", code: "phone_invalid" },
    ]);
  });

  it("brings back the filer's sex and date of birth the server read from the account", () => {
    const form: FilingForm = {
      ...emptyFilingForm(),
      parties: [{ role: "plaintiff", kind: "natural_person", name: "张三" }],
    };
    const saved = {
      content: {
        parties: [
          { ...toFilingContent(form).parties[0]!, isFiler: true, sex: "male", birthDate: "1990-03-07" },
        ],
      },
    } as unknown as FilingView;
    expect(withAccountParticulars(form, saved)?.parties[0]).toMatchObject({
      sex: "male",
      birthDate: "1990-03-07",
    });
    expect(withAccountParticulars(withAccountParticulars(form, saved)!, saved)).toBeNull();
  });
});
