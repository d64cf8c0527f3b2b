import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TExtractionSuggestion } from "./filing.extraction";
import type { TFilingView } from "./filing.schemas";

// The filing wizard as a newcomer meets it: a draft keeps what is valid and what was typed, the
// import keeps what it read, the courts offered are those with jurisdiction, and submission is the
// one place that refuses.
const NOW = "2026-03-02T09:00:00+08:00";
// 李五's number with its check digit changed: 18 digits, so a draft can hold it.
const GOOD_ID = demoIdNumber("110105", "1985-06-15", 243);
const WRONG_CHECK_DIGIT = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === "1" ? "2" : "1");

interface CourtItem {
  id: string;
  code: string;
  level: string;
  isInternetCourt: boolean;
}

describe.each(testDatabaseKinds())("the filing wizard's draft, import and courts on %s", (kind) => {
  let app: TestApp;
  let courts: CourtItem[];
  let hangzhou: CourtItem;
  let zhangsan: TestClient;
  let lisi: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: NOW });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    courts = (await new TestClient(app).get<{ items: CourtItem[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  async function newDraft(client: TestClient, courtId = hangzhou.id): Promise<string> {
    const created = await client.post<TFilingView>("/api/filings", { courtId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.caseId;
  }

  /** The shopping complaint with a natural-person defendant 李五 whose particulars are given. */
  function withPersonDefendant(defendant: Record<string, unknown>) {
    const complaint = shoppingComplaint();
    return {
      ...complaint,
      parties: [
        complaint.parties[0],
        {
          role: "defendant",
          kind: "natural_person",
          name: "李五",
          address: "北京市朝阳区某路1号",
          ...defendant,
        },
      ],
    };
  }

  it("saves a draft with a wrong check digit: every other field is kept, and so is the number typed", async () => {
    const caseId = await newDraft(zhangsan);
    const saved = await zhangsan.put<TFilingView>(
      `/api/filings/${caseId}`,
      withPersonDefendant({ idNumber: WRONG_CHECK_DIGIT, phone: "12345", email: "li5@example.cn" }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const reopened = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body;
    const defendant = reopened.content.parties[1]!;
    expect(defendant).toMatchObject({
      name: "李五",
      idNumber: WRONG_CHECK_DIGIT,
      phone: "12345",
      email: "li5@example.cn",
      address: "北京市朝阳区某路1号",
      // A number that fails its check states no sex or date of birth.
      sex: null,
      birthDate: null,
    });
    expect(reopened.content.claims).toHaveLength(2);
    expect(reopened.causeCode).toBe("online-sale-contract");
    expect(reopened.content.factsAndReasons).toContain("翻新机");

    // The court never receives it: submission names each wrong field and changes nothing.
    const submitted = await zhangsan.post<ErrorBody>(`/api/filings/${caseId}/submit`);
    expect(submitted.status).toBe(400);
    expect(submitted.body.error).toBe("validation_failed");
    expect(submitted.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "parties.1.idNumber", code: "id_number_check_digit_mismatch" }),
        expect.objectContaining({ path: "parties.1.phone", code: "phone_invalid" }),
      ]),
    );
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe("draft");
  });

  it("leaves out only a number the record cannot hold and keeps the rest of the draft", async () => {
    const caseId = await newDraft(zhangsan);
    const saved = await zhangsan.put<TFilingView>(
      `/api/filings/${caseId}`,
      withPersonDefendant({ idNumber: "11010519850615", phone: "13900002222" }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.content.parties[1]).toMatchObject({
      name: "李五",
      idNumber: null,
      phone: "13900002222",
      address: "北京市朝阳区某路1号",
    });
  });

  it("fills sex and date of birth from a valid ID number, the filer's from the verified account", async () => {
    const caseId = await newDraft(zhangsan);
    const complaint = withPersonDefendant({ idNumber: GOOD_ID, sex: "female", birthDate: "2000-01-01" });
    // The filer types nothing of their own identity: it is the account's.
    const saved = await zhangsan.put<TFilingView>(`/api/filings/${caseId}`, {
      ...complaint,
      parties: [{ ...complaint.parties[0], idNumber: null, sex: null }, complaint.parties[1]],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const [filer, defendant] = saved.body.content.parties;
    expect(filer).toMatchObject({
      idNumber: demoIdNumber("330106", "1990-03-07", 213),
      sex: "male",
      birthDate: "1990-03-07",
    });
    // GB 11643-1999 §5.2: the number states them, whatever was typed.
    expect(defendant).toMatchObject({ idNumber: GOOD_ID, sex: "male", birthDate: "1985-06-15" });
  });

  it("reads a pasted complaint with a wrong check digit: every field kept, the number marked at its field", async () => {
    const text = [
      "民事起诉状",
      `原告：张三，男，汉族，1990年3月7日出生，住浙江省杭州市西湖区文三路1号，联系电话13800001111。`,
      `被告：李五，男，汉族，住北京市朝阳区某路1号，公民身份号码${WRONG_CHECK_DIGIT}，联系电话13900002222。`,
      "诉讼请求：",
      "1. 判令被告退还货款人民币5000元；",
      "2. 判令被告承担本案诉讼费用。",
      "事实与理由：",
      "2026年1月5日原告通过电商平台向被告购买手机一部，收货后发现系翻新机，被告拒绝退货，引起网络购物合同纠纷。",
      "此致",
      "杭州互联网法院",
    ].join("\n");
    const response = await zhangsan.post<{ suggestion: TExtractionSuggestion }>("/api/filings/extract", {
      text,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { suggestion } = response.body;
    expect(suggestion.parties.map((p) => p.name)).toEqual(["张三", "李五"]);
    expect(suggestion.parties[1]).toMatchObject({ idNumber: WRONG_CHECK_DIGIT, phone: "13900002222" });
    expect(suggestion.parties[1]?.address).toContain("北京市朝阳区");
    expect(suggestion.claims).toHaveLength(2);
    expect(suggestion.factsAndReasons).toContain("翻新机");
    // One issue, at the field of the suggestion, in the words of the filing checks.
    expect(suggestion.issues).toEqual([
      { path: "parties.1.idNumber", code: "id_number_check_digit_mismatch" },
    ]);
    expect(JSON.stringify(suggestion.issues)).not.toContain("invalid_id_number");
  });

  it("lists only the courts with first-instance jurisdiction over the cause", async () => {
    const codes = async (query: string) => {
      const response = await new TestClient(app).get<{ items: CourtItem[] }>(`/api/courts${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((c) => c.code);
    };
    expect(await codes("")).toEqual(expect.arrayContaining(["最高法", "浙", "浙01", "浙0192"]));
    // 民事诉讼法第十八条: basic-level courts; 互联网法院规定第二条: an online-shopping dispute.
    expect(await codes("?instance=first")).toEqual(["浙0192"]);
    expect(await codes("?instance=first&cause=online-sale-contract")).toEqual(["浙0192"]);
    // Not one of the Internet courts' causes: none of these courts hears it at first instance.
    expect(await codes("?instance=first&cause=divorce")).toEqual([]);

    const unknown = await new TestClient(app).get<ErrorBody>("/api/courts?instance=first&cause=no-such");
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: "querystring.cause" })]);
    const badInstance = await new TestClient(app).get<ErrorBody>("/api/courts?instance=second");
    expect(badInstance.status).toBe(400);
  });

  it("refuses to submit to a court without first-instance jurisdiction, and keeps 待定 when the court is to decide", async () => {
    const highCourt = courts.find((c) => c.code === "浙")!;
    const caseId = await newDraft(zhangsan, highCourt.id);
    const attachment = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "order.txt", content: "订单号 123" },
      { category: "evidence" },
    );
    expect(attachment.status).toBe(201);
    const complaint = { ...shoppingComplaint({ evidenceAttachmentId: attachment.body.id }), procedure: null };
    expect((await zhangsan.put(`/api/filings/${caseId}`, complaint)).status).toBe(200);

    const refused = await zhangsan.post<ErrorBody>(`/api/filings/${caseId}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe("court_level_not_first_instance");
    expect(refused.body.details[0]).toMatchObject({ path: "courtId" });
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe("draft");

    // Addressed to the Internet court instead, it goes in, and the procedure stays for the court to decide.
    const moved = await zhangsan.put(`/api/filings/${caseId}`, { ...complaint, courtId: hangzhou.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const submitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.procedure).toBeNull();
    // Until the court decides, the fee is that of the ordinary procedure: 50 yuan for 5,000 yuan.
    expect(submitted.body.fee).toMatchObject({ amount: 50 });
  });

  it("lets an unverified account keep a draft and refuses its submission", async () => {
    const newcomer = new TestClient(app);
    const registered = await newcomer.post("/api/auth/register", {
      kind: "person",
      name: "赵六",
      idNumber: demoIdNumber("330106", "1995-02-03", 118),
      phone: "13700007777",
      password: "court2026pass",
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const caseId = await newDraft(newcomer);
    const complaint = shoppingComplaint();
    const saved = await newcomer.put(`/api/filings/${caseId}`, {
      ...complaint,
      parties: [{ ...complaint.parties[0], name: "赵六", idNumber: null }, complaint.parties[1]],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const refused = await newcomer.post<ErrorBody>(`/api/filings/${caseId}/submit`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("identity_not_verified");
  });

  it("keeps one filer's draft from everyone else: another party, the court's clerk and the public", async () => {
    const caseId = await newDraft(zhangsan);
    const clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const body = withPersonDefendant({ idNumber: WRONG_CHECK_DIGIT });
    expect((await lisi.put(`/api/filings/${caseId}`, body)).status).toBe(404);
    expect((await lisi.get(`/api/filings/${caseId}`)).status).toBe(404);
    expect([403, 404]).toContain((await clerk.put(`/api/filings/${caseId}`, body)).status);
    expect((await new TestClient(app).put(`/api/filings/${caseId}`, body)).status).toBe(401);
    expect((await new TestClient(app).post("/api/filings/extract", { text: "原告：张三" })).status).toBe(401);
    const untouched = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body;
    expect(untouched.content.parties).toEqual([]);
  });
});
