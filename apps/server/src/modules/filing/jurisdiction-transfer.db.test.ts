import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { acceptedCase, linkByCaseCode, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TDefence } from "./defendant.schemas";

const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/** A complaint by 张三 against 李四, who lives in Beijing. */
function complaintAgainstLisi() {
  const base = shoppingComplaint();
  return {
    ...base,
    parties: [
      base.parties[0]!,
      {
        role: "defendant" as const,
        kind: "natural_person" as const,
        name: "李四",
        idNumber: LISI_ID,
        phone: "13900002222",
        address: "北京市朝阳区建国路1号",
      },
    ],
  };
}

const grounds = "被告住所地在北京市朝阳区，合同履行地亦不在本院辖区，本院无管辖权。";
const upholding = { outcome: "upheld", reason: "原告住所地不在本院辖区，本院对本案无管辖权。" };

// 民事诉讼法第三十七条、第一百三十条、第一百五十八条: an objection to jurisdiction upheld by a ruling that has
// taken effect sends the case to the competent court; here it ends, read-only.
describe.each(testDatabaseKinds())("transferring a case after an upheld objection on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient;
  let otherCourtAdmin: TestClient;

  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const higher = [...accounts.values()].find((a) => a.role === "court_admin" && a.courtCode === "浙01");
    otherCourtAdmin = await signIn(app, higher!.login);
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    await signInEveryone();
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A registered case against 李四, served and linked, in the procedure the court chose. */
  async function linkedCase(procedure: "ordinary" | "small_claims" = "ordinary"): Promise<string> {
    const complaint = complaintAgainstLisi();
    const caseId = await acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint, procedure });
    await linkByCaseCode(app, lisi, caseId);
    return caseId;
  }

  async function judgeOf(caseId: string): Promise<TestClient> {
    const { judge_id } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    return signIn(app, [...accounts.values()].find((a) => a.userId === judge_id)!.login);
  }

  async function objection(caseId: string, proposedCourt: string | null): Promise<string> {
    const filed = await lisi.post<{ objectionId: string }>(`/api/cases/${caseId}/jurisdiction-objections`, {
      grounds,
      proposedCourt,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    return filed.body.objectionId;
  }

  async function decide(judge: TestClient, caseId: string, objectionId: string, decision: object) {
    const ruled = await judge.post(
      `/api/cases/${caseId}/jurisdiction-objections/${objectionId}/decide`,
      decision,
    );
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(200);
  }

  async function statusOf(caseId: string) {
    const row = await app.context.db
      .selectFrom("cases")
      .select("status")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  it("refuses a transfer while no objection is upheld: none, pending, or dismissed", async () => {
    const caseId = await linkedCase();
    const judge = await judgeOf(caseId);
    const url = `/api/cases/${caseId}/transfer`;
    expect((await judge.post(url, {})).body).toMatchObject({ error: "transfer_not_upheld" });
    const objectionId = await objection(caseId, "北京互联网法院");
    expect((await judge.post(url, {})).body).toMatchObject({ error: "transfer_not_upheld" });
    await decide(judge, caseId, objectionId, {
      outcome: "dismissed",
      reason: "原告住所地位于本院辖区，网络购物合同纠纷由本院管辖。",
    });
    const refused = await judge.post(url, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: "transfer_not_upheld" });
    expect(await statusOf(caseId)).toBe("service");
    const defence = await judge.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(defence.body.transfer).toBeNull();
    expect(defence.body.actions).toEqual([]);
  });

  it("transfers a small-claims case at once, to the court the judge names when the objection named none", async () => {
    const caseId = await linkedCase("small_claims");
    const judge = await judgeOf(caseId);
    await decide(judge, caseId, await objection(caseId, null), upholding);
    // 民诉法解释第二百七十六条: the ruling is effective when made; no appeal period is opened.
    const defence = await judge.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(defence.body.transfer).toMatchObject({ state: "effective", proposedCourt: null });
    expect(defence.body.actions).toEqual(["transfer_case"]);
    // 李四 counterclaims before the transfer; its fee is still unpaid when the case leaves.
    const counterclaim = await lisi.post<{ counterclaimId: string }>(`/api/cases/${caseId}/counterclaims`, {
      claims: [{ text: "判令反诉被告赔偿损失", amount: 1000 }],
      factsAndReasons: "反诉被告恶意差评造成损失。",
    });
    expect(counterclaim.status, JSON.stringify(counterclaim.body)).toBe(201);
    const url = `/api/cases/${caseId}/transfer`;
    const unnamed = await judge.post(url, {});
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ error: "receiving_court_required" });
    expect(await statusOf(caseId)).toBe("service");
    const done = await judge.post<{ issueId: string; receivingCourtName: string }>(url, {
      receivingCourtName: "北京市朝阳区人民法院",
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.receivingCourtName).toBe("北京市朝阳区人民法院");
    expect(await statusOf(caseId)).toBe("transferred");
    const letters = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "title", "model"])
      .where("issue_id", "=", done.body.issueId)
      .execute();
    expect(letters.map((l) => l.locale).sort()).toEqual(["en", "zh-CN"]);
    expect(letters.every((l) => l.kind === "transfer_letter")).toBe(true);
    const zh = letters.find((l) => l.locale === "zh-CN")!;
    expect(zh.title).toBe("移送函");
    expect(JSON.stringify(zh.model)).toContain("北京市朝阳区人民法院");
    expect(JSON.stringify(zh.model)).toContain("第三十七条");
    // The counterclaim goes with the action: its fee is paid to the receiving court, not here.
    const orders = await app.context.db
      .selectFrom("fee_orders")
      .select("status")
      .where("counterclaim_id", "=", counterclaim.body.counterclaimId)
      .execute();
    expect(orders).toEqual([{ status: "cancelled" }]);
    const pay = await lisi.post(
      `/api/cases/${caseId}/counterclaims/${counterclaim.body.counterclaimId}/pay`,
      {},
    );
    expect(pay.body).toMatchObject({ error: "fee_not_payable" });
  });

  // Last: it moves the clock past the appeal period.
  it("waits for every party's 10 days to appeal, then lets only the judge in charge transfer; the case is read-only after", async () => {
    const caseId = await linkedCase();
    // 张三 appoints a lawyer: the plaintiff's agent sees the case but does not transfer it.
    const power = { name: "授权委托书.png", content: PNG, type: "image/png" };
    const appointed = await zhangsan.upload(`/api/cases/${caseId}/agents`, power, {
      kind: "lawyer",
      contact: "wanglawyer@netcourt.demo",
      specialAuthority: "false",
    });
    expect(appointed.status, JSON.stringify(appointed.body)).toBe(201);
    const judge = await judgeOf(caseId);
    const objectionId = await objection(caseId, "北京互联网法院");
    await decide(judge, caseId, objectionId, upholding);
    const url = `/api/cases/${caseId}/transfer`;

    // Not yet served on the parties: no appeal period has started.
    const unserved = await judge.post(url, {});
    expect(unserved.status).toBe(409);
    expect(unserved.body).toMatchObject({
      error: "ruling_not_effective",
      details: [{ code: "awaiting_service" }],
    });
    expect((await judge.get<TDefence>(`/api/cases/${caseId}/defence`)).body.transfer).toMatchObject({
      state: "awaiting_service",
      objectionId,
      proposedCourt: "北京互联网法院",
    });

    // Each party opens the ruling served on them: service completes and the 10 days run from there.
    const rulings = await app.context.db
      .selectFrom("service_records")
      .select(["id", "recipient_name"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "ruling")
      .execute();
    expect(rulings).toHaveLength(2);
    for (const service of rulings) {
      const reader = service.recipient_name === "张三" ? zhangsan : lisi;
      expect((await reader.get(`/api/served/${service.id}`)).status).toBe(200);
    }
    const within = await judge.post(url, {});
    expect(within.status).toBe(409);
    expect(within.body).toMatchObject({
      error: "ruling_not_effective",
      details: [{ code: "appeal_period", params: { appealEndsOn: "2026-03-12" } }],
    });
    // The court's staff read the defence; the judge sees until when the transfer waits.
    const waiting = await judge.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(waiting.body.transfer).toMatchObject({ state: "appeal_period", appealEndsOn: "2026-03-12" });
    expect(waiting.body.actions).toEqual([]);
    const clerkView = await clerk.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(clerkView.status).toBe(200);
    expect(clerkView.body.objections[0]).toMatchObject({ status: "upheld", proposedCourt: "北京互联网法院" });

    // The last evening of the period is still within it (staff sign-ins move the clock by a TOTP step).
    app.clock.set(new Date("2026-03-12T23:50:00.000+08:00"));
    await signInEveryone();
    const judgeAgain = await judgeOf(caseId);
    expect((await judgeAgain.post(url, {})).body).toMatchObject({ error: "ruling_not_effective" });

    // The next court day the ruling is in force (民事诉讼法第一百五十八条).
    app.clock.set(new Date("2026-03-13T08:30:00+08:00"));
    await signInEveryone();
    const inCharge = await judgeOf(caseId);
    const ready = await inCharge.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(ready.body.transfer).toMatchObject({ state: "effective", effectiveOn: "2026-03-13" });
    expect(ready.body.actions).toEqual(["transfer_case"]);
    const detail = await inCharge.get<{ actions: string[] }>(`/api/cases/${caseId}`);
    expect(detail.body.actions).toContain("transfer_case");

    // Only the judge in charge transfers.
    const judgeId = (
      await app.context.db
        .selectFrom("cases")
        .select("judge_id")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow()
    ).judge_id;
    const otherJudgeAccount = [...accounts.values()].find(
      (a) => a.role === "judge" && a.courtCode === "浙0192" && a.userId !== judgeId,
    )!;
    const otherJudge = await signIn(app, otherJudgeAccount.login);
    const publicVisitor = new TestClient(app);
    for (const [who, client, status] of [
      ["the defendant", lisi, 403],
      ["the plaintiff", zhangsan, 403],
      ["the plaintiff's lawyer", lawyer, 403],
      ["the clerk", clerk, 403],
      // A judge sees the cases assigned to them only.
      ["another judge of the court", otherJudge, 404],
      ["another court", otherCourtAdmin, 404],
      ["the public", publicVisitor, 401],
    ] as const) {
      const refused = await client.post(url, {});
      expect(refused.status, `${who}: ${JSON.stringify(refused.body)}`).toBe(status);
    }
    expect(await statusOf(caseId)).toBe("service");

    const done = await inCharge.post<{ issueId: string; receivingCourtName: string }>(url, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.receivingCourtName).toBe("北京互联网法院");
    expect(await statusOf(caseId)).toBe("transferred");

    // The 移送函 in both languages, its court event, the case's court event and audit event.
    const letters = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "docx_sha256"])
      .where("issue_id", "=", done.body.issueId)
      .execute();
    expect(letters).toHaveLength(2);
    expect(letters.every((l) => l.kind === "transfer_letter" && l.docx_sha256 !== null)).toBe(true);
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .execute();
    expect(events.map((e) => e.kind)).toContain("case_transferred");
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select(["data"])
      .where("subject_id", "=", caseId)
      .where("action", "=", "cases.case_transferred")
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ receivingCourtName: "北京互联网法院", issueId: done.body.issueId });
    // A public step of the case's progress, and a message to every party.
    const timeline = await app.context.db
      .selectFrom("case_timeline")
      .select(["kind", "is_public"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "case_transferred")
      .execute();
    expect(timeline).toEqual([{ kind: "case_transferred", is_public: true }]);
    const inbox = await app.context.db
      .selectFrom("inbox_messages")
      .select("recipient_id")
      .where("case_id", "=", caseId)
      .where("kind", "=", "case_transferred")
      .execute();
    expect(inbox.map((m) => m.recipient_id).sort()).toEqual(
      [accounts.get("zhangsan@netcourt.demo")!.userId, accounts.get("lisi@netcourt.demo")!.userId].sort(),
    );
    // No period of the case runs here any longer.
    const open = await app.context.db
      .selectFrom("case_deadlines")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .execute();
    expect(open).toEqual([]);

    // Read-only afterwards: no second transfer, answer, objection, counterclaim or ruling.
    expect((await inCharge.post(url, {})).body).toMatchObject({ error: "case_status_conflict" });
    const answer = await lisi.put(`/api/cases/${caseId}/answer`, {
      responses: [],
      factsAndReasons: "答辩意见。",
      evidence: [],
    });
    expect(answer.body).toMatchObject({ error: "case_status_conflict" });
    const again = await lisi.post(`/api/cases/${caseId}/jurisdiction-objections`, { grounds });
    expect(again.body).toMatchObject({ error: "case_status_conflict" });
    const counterclaim = await lisi.post(`/api/cases/${caseId}/counterclaims`, {
      claims: [{ text: "判令反诉被告赔偿损失", amount: 1000 }],
      factsAndReasons: "反诉被告恶意差评造成损失。",
    });
    expect(counterclaim.body).toMatchObject({ error: "case_status_conflict" });
    const seen = await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(seen.body.transfer).toMatchObject({
      state: "transferred",
      receivingCourtName: "北京互联网法院",
      letterIssueId: done.body.issueId,
      effectiveOn: "2026-03-13",
    });
    expect(seen.body.actions).toEqual([]);
  });
});
