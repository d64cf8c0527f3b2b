import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { acceptedCase, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedSmsSender } from "../../platform/ports/sms";
import type { TDefence } from "./defendant.schemas";

const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

interface Served {
  defendants: Array<{ partyId: string; name: string; caseCode: string; hasAccount: boolean }>;
}

/** A complaint by 张三 against 李四 (a natural person), with or without his ID number. */
function complaintAgainstLisi(idNumber: string | null) {
  const base = shoppingComplaint();
  return {
    ...base,
    parties: [
      base.parties[0]!,
      {
        role: "defendant" as const,
        kind: "natural_person" as const,
        name: "李四",
        idNumber,
        phone: "13900002222",
        address: "北京市朝阳区建国路1号",
      },
    ],
  };
}

// 民事诉讼法第一百二十八条、第一百三十条、第一百四十三条: the defendant learns of the case, joins it with
// a verified identity, answers, objects to jurisdiction and counterclaims — each within its period.
describe.each(testDatabaseKinds())("the defendant's side of a case on %s", (kind) => {
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

  async function registeredCase(idNumber: string | null): Promise<string> {
    const complaint = complaintAgainstLisi(idNumber);
    return acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint });
  }

  async function caseRow(caseId: string) {
    return app.context.db
      .selectFrom("cases")
      .select(["status", "judge_id"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
  }

  async function codeOf(caseId: string): Promise<string> {
    const row = await app.context.db
      .selectFrom("case_party_codes")
      .select("code")
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    return row.code;
  }

  async function judgeOf(caseId: string): Promise<TestClient> {
    const { judge_id } = await caseRow(caseId);
    const judge = [...accounts.values()].find((a) => a.userId === judge_id)!;
    return signIn(app, judge.login);
  }

  const answer = {
    responses: [
      { claimPosition: 1, position: "contest", text: "所售手机为全新正品，有进货凭证。" },
      { claimPosition: 2, position: "contest", text: "诉讼费用应由原告承担。" },
    ],
    factsAndReasons: "答辩人销售的手机系全新正品，原告所称翻新无证据支持。",
    evidence: [{ name: "进货发票", source: "供货商", purpose: "证明手机为全新正品" }],
  };

  it("serves every defendant by a job queued at registration and moves the case into service", async () => {
    const caseId = await registeredCase(LISI_ID);
    expect((await caseRow(caseId)).status).toBe("accepted");
    await app.jobs.runDue();
    expect((await caseRow(caseId)).status).toBe("service");
    const services = await app.context.db
      .selectFrom("service_records")
      .select(["kind", "recipient_name", "recipient_role"])
      .where("case_id", "=", caseId)
      .execute();
    expect(services.map((s) => s.kind).sort()).toEqual([
      "complaint_copy",
      "evidence_notice",
      "response_notice",
    ]);
    expect(new Set(services.map((s) => s.recipient_name))).toEqual(new Set(["李四"]));
    const deadline = await app.context.db
      .selectFrom("case_deadlines")
      .select("status")
      .where("case_id", "=", caseId)
      .where("kind", "=", "serve_complaint")
      .executeTakeFirstOrThrow();
    expect(deadline.status).toBe("met");
    // Served once: the clerk cannot serve it again.
    expect((await clerk.post(`/api/cases/${caseId}/serve-complaint`)).body).toMatchObject({
      error: "case_status_conflict",
    });
  });

  it("lets only the clerk of the case's court serve the complaint", async () => {
    const caseId = await registeredCase(LISI_ID);
    expect((await zhangsan.post(`/api/cases/${caseId}/serve-complaint`)).status).toBe(403);
    expect((await lisi.post(`/api/cases/${caseId}/serve-complaint`)).status).toBe(404);
    expect((await otherCourtAdmin.post(`/api/cases/${caseId}/serve-complaint`)).status).toBe(404);
    const served = await clerk.post<Served>(`/api/cases/${caseId}/serve-complaint`);
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(served.body.defendants).toHaveLength(1);
    expect(served.body.defendants[0]!.caseCode).toMatch(/^[2-9A-Z]{12}$/);
    expect((await caseRow(caseId)).status).toBe("service");
    // The queued job finds the case served and leaves it alone.
    await app.jobs.runDue();
    expect((await caseRow(caseId)).status).toBe("service");
  });

  it("links a defendant whose verified ID number matches, refuses another identity and never by name alone", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    const code = await codeOf(caseId);
    expect((await lisi.get(`/api/cases/${caseId}`)).status).toBe(404);

    // 王律师 is verified but is not 李四: refused, audited without the number, nothing changes.
    const wrong = await lawyer.post("/api/cases/link", { caseCode: code });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: "party_identity_mismatch" });
    const party = await app.context.db
      .selectFrom("case_parties")
      .select("user_id")
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    expect(party.user_id).toBeNull();
    const refusals = await app.context.db
      .selectFrom("audit_events")
      .select("data")
      .where("action", "=", "cases.party_link_refused")
      .where("subject_id", "=", caseId)
      .execute();
    expect(refusals).toHaveLength(1);
    expect(JSON.stringify(refusals[0]!.data)).not.toContain(LISI_ID);

    // 李四 himself: linked, and now sees the case as a party.
    const linked = await lisi.post<{ caseId: string }>("/api/cases/link", { caseCode: code.toLowerCase() });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.caseId).toBe(caseId);
    const detail = await lisi.get<{
      myRoles: string[];
      actions: string[];
      parties: Array<{
        role: string;
        idNumber: string | null;
        phone: string | null;
        address: string | null;
      }>;
    }>(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.myRoles).toContain("party");
    expect(detail.body.actions).toEqual(
      expect.arrayContaining(["answer", "object_to_jurisdiction", "counterclaim"]),
    );
    // The plaintiff's ID number and phone are masked for the defendant (个人信息保护法第二十八条).
    const plaintiff = detail.body.parties.find((p) => p.role === "plaintiff")!;
    expect(plaintiff.idNumber).not.toBe(shoppingComplaint().parties[0]!.idNumber);
    expect(plaintiff.phone).toContain("****");
    expect(plaintiff.address).toBe("浙江省杭州市****");

    // A used code links once.
    expect((await lawyer.post("/api/cases/link", { caseCode: code })).body).toMatchObject({
      error: "case_code_used",
    });
    expect((await lawyer.post("/api/cases/link", { caseCode: "ZZZZZZZZZZZZ" })).body).toMatchObject({
      error: "case_code_invalid",
    });
  });

  it("refuses to link by name when the plaintiff gave no ID number", async () => {
    const caseId = await registeredCase(null);
    await app.jobs.runDue();
    const linked = await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) });
    expect(linked.status).toBe(409);
    expect(linked.body).toMatchObject({ error: "party_identity_not_on_file" });
    expect((await lisi.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it("takes the answer before service completes, serves it on the plaintiff, and takes it once", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    expect((await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) })).status).toBe(200);

    // Only the defendant answers: the plaintiff is forbidden, strangers do not see the case.
    expect((await zhangsan.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(403);
    expect((await lawyer.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(404);
    expect((await otherCourtAdmin.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(404);
    expect((await clerk.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(403);
    const unknownClaim = await lisi.put(`/api/cases/${caseId}/answer`, {
      ...answer,
      responses: [{ claimPosition: 7, position: "admit", text: "" }],
    });
    expect(unknownClaim.body).toMatchObject({ error: "answer_claim_unknown" });

    // The evidence list names a file attached to this answer, and only such a file.
    const invoice = { name: "进货发票.png", content: PNG, type: "image/png" };
    expect((await zhangsan.upload(`/api/cases/${caseId}/answer/attachments`, invoice)).status).toBe(403);
    expect((await lawyer.upload(`/api/cases/${caseId}/answer/attachments`, invoice)).status).toBe(404);
    const attached = await lisi.upload<{ id: string }>(`/api/cases/${caseId}/answer/attachments`, invoice);
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    const foreign = await lisi.put(`/api/cases/${caseId}/answer`, {
      ...answer,
      evidence: [{ ...answer.evidence[0]!, attachmentId: caseId }],
    });
    expect(foreign.body).toMatchObject({ error: "validation_failed" });
    const saved = await lisi.put(`/api/cases/${caseId}/answer`, {
      ...answer,
      evidence: [{ ...answer.evidence[0]!, attachmentId: attached.body.id }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const fileUrl = `/api/cases/${caseId}/answer/attachments/${attached.body.id}/content`;
    expect((await lisi.get(fileUrl)).status).toBe(200);
    expect((await zhangsan.get(fileUrl)).status).toBe(404);
    expect((await lawyer.get(fileUrl)).status).toBe(404);
    // The draft is the defendant's own until filed.
    expect((await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`)).body.answers).toHaveLength(0);
    const submitted = await lisi.post<{ issueId: string }>(`/api/cases/${caseId}/answer/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const served = await app.context.db
      .selectFrom("service_records")
      .select(["kind", "recipient_name"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "answer_copy")
      .execute();
    expect(served.map((s) => s.recipient_name)).toEqual(["张三"]);
    const seen = await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(seen.body.answers.map((a) => a.status)).toEqual(["submitted"]);
    expect(seen.body.answers[0]!.evidence[0]!.attachmentId).toBe(attached.body.id);
    // Filed and served: the plaintiff may read the defendant's evidence; strangers still may not.
    expect((await zhangsan.get(fileUrl)).status).toBe(200);
    expect((await otherCourtAdmin.get(fileUrl)).status).toBe(404);
    expect((await lisi.post(`/api/cases/${caseId}/answer/submit`, {})).body).toMatchObject({
      error: "answer_already_submitted",
    });
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["complaint_served", "party_linked", "answer_submitted"]),
    );
  });

  // 在线诉讼规则第七条、第三十一条第二款: a defendant served before having an account receives the case code
  // with the complaint copy, links the case, opens what was served, and acting in the case completes it.
  it("sends the case code with the complaint copy and lets the linked defendant open and be served by acting", async () => {
    const caseId = await registeredCase(LISI_ID);
    const sms = app.context.ports.sms as SimulatedSmsSender;
    const before = sms.sent.length;
    await app.jobs.runDue();
    await app.jobs.runDue();
    const code = await codeOf(caseId);
    const records = await app.context.db
      .selectFrom("service_records")
      .select(["id", "kind", "recipient_user_id", "case_code"])
      .where("case_id", "=", caseId)
      .execute();
    const copy = records.find((r) => r.kind === "complaint_copy")!;
    const notice = records.find((r) => r.kind === "response_notice")!;
    expect(copy.recipient_user_id).toBeNull();
    // The SMS of the complaint copy carries the code and where to link the case; the others do not.
    const texts = sms.sent.slice(before).filter((m) => m.to === "13900002222");
    expect(texts.map((m) => m.text).join("\n")).toContain(`/served/${copy.id}`);
    const copyText = texts.find((m) => m.text.includes(`/served/${copy.id}`))!.text;
    expect(copyText).toContain(code);
    expect(copyText).toContain("/cases/link");
    expect(copyText).toContain("案件码");
    expect(copyText).toContain("case code");
    expect(texts.filter((m) => m.text.includes(code))).toHaveLength(1);
    // Not yet linked: the served document is nobody's to open.
    expect((await lisi.get(`/api/served/${copy.id}`)).status).toBe(404);
    // Court staff see the code; the plaintiff's view of services never shows it.
    const staffView = await clerk.get<{ items: Array<{ id: string; caseCode: string | null }> }>(
      `/api/cases/${caseId}/services`,
    );
    expect(staffView.body.items.find((s) => s.id === copy.id)!.caseCode).toBe(code);
    expect(JSON.stringify((await zhangsan.get(`/api/cases/${caseId}/services`)).body)).not.toContain(code);

    expect((await lisi.post("/api/cases/link", { caseCode: code })).status).toBe(200);
    const attached = await app.context.db
      .selectFrom("service_records")
      .select("recipient_user_id")
      .where("case_id", "=", caseId)
      .where("recipient_role", "=", "defendant")
      .execute();
    expect(attached.every((r) => r.recipient_user_id === accounts.get("lisi@netcourt.demo")!.userId)).toBe(
      true,
    );
    const ownView = await lisi.get<{ items: Array<{ id: string; caseCode: string | null }> }>(
      `/api/cases/${caseId}/services`,
    );
    expect(ownView.body.items.find((s) => s.id === copy.id)!.caseCode).toBe(code);
    // The addressee opens what was served; the plaintiff and strangers still cannot.
    const opened = await lisi.get<{ service: { id: string; caseCode: string | null } }>(
      `/api/served/${notice.id}`,
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.service.caseCode).toBeNull();
    expect((await zhangsan.get(`/api/served/${copy.id}`)).status).toBe(404);
    expect((await lawyer.get(`/api/served/${copy.id}`)).status).toBe(404);

    // Filing the answer completes service of the complaint copy and opens the answer period.
    expect((await lisi.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(200);
    expect((await lisi.post(`/api/cases/${caseId}/answer/submit`, {})).status).toBe(200);
    const served = await app.context.db
      .selectFrom("service_records")
      .select(["status", "served_how"])
      .where("id", "=", copy.id)
      .executeTakeFirstOrThrow();
    expect(served).toEqual({ status: "served", served_how: "acted" });
    const period = await app.context.db
      .selectFrom("case_deadlines")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "answer_period")
      .execute();
    expect(period).toHaveLength(1);
    // The answer copy served on the plaintiff carries no code.
    const answerCopy = await app.context.db
      .selectFrom("service_records")
      .select("case_code")
      .where("case_id", "=", caseId)
      .where("kind", "=", "answer_copy")
      .executeTakeFirstOrThrow();
    expect(answerCopy.case_code).toBeNull();
  });

  it("rules on an objection to jurisdiction, serves the ruling and opens the 10-day appeal", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    expect((await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) })).status).toBe(200);
    const filed = await lisi.post<{ objectionId: string }>(`/api/cases/${caseId}/jurisdiction-objections`, {
      grounds: "被告住所地在北京市朝阳区，本院无管辖权。",
      proposedCourt: "北京互联网法院",
    });
    expect(filed.status).toBe(201);
    const second = await lisi.post(`/api/cases/${caseId}/jurisdiction-objections`, { grounds: "同上。" });
    expect(second.body).toMatchObject({ error: "objection_conflict" });

    const url = `/api/cases/${caseId}/jurisdiction-objections/${filed.body.objectionId}/decide`;
    const decision = { outcome: "dismissed", reason: "原告住所地位于本院辖区，网络购物合同纠纷由本院管辖。" };
    expect((await lisi.post(url, decision)).status).toBe(403);
    expect((await zhangsan.post(url, decision)).status).toBe(403);
    expect((await clerk.post(url, decision)).status).toBe(403);
    expect((await lawyer.post(url, decision)).status).toBe(404);
    expect((await otherCourtAdmin.post(url, decision)).status).toBe(404);
    const judge = await judgeOf(caseId);
    const detail = await judge.get<{ actions: string[] }>(`/api/cases/${caseId}`);
    expect(detail.body.actions).toContain("decide_jurisdiction_objection");
    const ruled = await judge.post<{ issueId: string }>(url, decision);
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(200);
    expect((await judge.post(url, decision)).body).toMatchObject({ error: "objection_conflict" });
    const rulings = await app.context.db
      .selectFrom("service_records")
      .select(["recipient_name", "following_kind", "following_days"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "ruling")
      .execute();
    expect(rulings.map((r) => r.recipient_name).sort()).toEqual(["张三", "李四"].sort());
    expect(rulings.every((r) => r.following_kind === "appeal_ruling" && r.following_days === 10)).toBe(true);
    const defence = await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(defence.body.objections[0]).toMatchObject({
      status: "dismissed",
      rulingIssueId: ruled.body.issueId,
    });
  });

  it("quotes a counterclaim's fee halved and records it due in 7 days", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    expect((await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) })).status).toBe(200);
    const counterclaim = {
      claims: [{ text: "判令反诉被告支付货款差价人民币100000元", amount: 100000 }],
      factsAndReasons: "反诉被告收货后未支付约定的差价。",
    };
    expect((await zhangsan.post(`/api/cases/${caseId}/counterclaims`, counterclaim)).status).toBe(403);
    expect((await lawyer.post(`/api/cases/${caseId}/counterclaims`, counterclaim)).status).toBe(404);
    const filed = await lisi.post<{ fee: number; feeDueOn: string }>(
      `/api/cases/${caseId}/counterclaims`,
      counterclaim,
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // 100,000 yuan: 2,300 yuan as an action of its own, halved when tried together (交费办法第十八条).
    expect(filed.body.fee).toBe(1150);
    expect(filed.body.feeDueOn).toBe("2026-03-09");
    const seen = await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(seen.body.counterclaims).toHaveLength(1);
  });

  it("answers 404 to the other side's routes for strangers and other courts", async () => {
    const caseId = await registeredCase(LISI_ID);
    for (const client of [lisi, lawyer, otherCourtAdmin]) {
      expect((await client.get(`/api/cases/${caseId}/defence`)).status).toBe(404);
      expect((await client.post(`/api/cases/${caseId}/answer/submit`, {})).status).toBe(404);
      expect(
        (
          await client.post(`/api/cases/${caseId}/counterclaims`, {
            claims: [{ text: "x" }],
            factsAndReasons: "y",
          })
        ).status,
      ).toBe(404);
    }
    const plaintiffView = await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(plaintiffView.status).toBe(200);
    await app.jobs.runDue();
    // The codes are the court's to print: the plaintiff never sees them.
    expect((await zhangsan.get<TDefence>(`/api/cases/${caseId}/defence`)).body.caseCodes).toEqual([]);
    const clerkView = await clerk.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(clerkView.status).toBe(200);
    expect(clerkView.body.caseCodes.map((c) => c.caseCode)).toEqual([await codeOf(caseId)]);
  });
  it("lets a defendant appoint an agent who then sees the case, and revoke them", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    expect((await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) })).status).toBe(200);
    const power = { name: "授权委托书.png", content: PNG, type: "image/png" };
    const fields = { kind: "lawyer", contact: "wanglawyer@netcourt.demo", specialAuthority: "false" };
    // Only the party in person appoints: the plaintiff is forbidden, strangers and other courts see nothing.
    const defendant = await app.context.db
      .selectFrom("case_parties")
      .select("id")
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    const forOtherSide = { ...fields, partyId: defendant.id };
    expect((await zhangsan.upload(`/api/cases/${caseId}/agents`, power, forOtherSide)).status).toBe(403);
    expect((await clerk.upload(`/api/cases/${caseId}/agents`, power, forOtherSide)).status).toBe(403);
    expect((await otherCourtAdmin.upload(`/api/cases/${caseId}/agents`, power, fields)).status).toBe(404);
    expect((await lawyer.upload(`/api/cases/${caseId}/agents`, power, fields)).status).toBe(404);
    // A lawyer agent needs a lawyer's account (民事诉讼法第六十一条).
    const notLawyer = await lisi.upload(`/api/cases/${caseId}/agents`, power, {
      ...fields,
      contact: "zhangsan@netcourt.demo",
    });
    expect(notLawyer.body).toMatchObject({ error: "agent_not_qualified" });
    const unknown = await lisi.upload(`/api/cases/${caseId}/agents`, power, {
      ...fields,
      contact: "nobody@example.com",
    });
    expect(unknown.body).toMatchObject({ error: "agent_account_not_found" });

    const appointed = await lisi.upload<{ agentId: string }>(`/api/cases/${caseId}/agents`, power, fields);
    expect(appointed.status, JSON.stringify(appointed.body)).toBe(201);
    const seen = await lawyer.get<{ myRoles: string[]; actions: string[] }>(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.myRoles).toContain("agent");
    expect(seen.body.actions).toContain("answer");
    // 民事诉讼法第六十二条: without special authority the agent may not counterclaim.
    const counterclaim = await lawyer.post(`/api/cases/${caseId}/counterclaims`, {
      claims: [{ text: "判令反诉被告赔偿损失", amount: 1000 }],
      factsAndReasons: "反诉被告恶意差评造成损失。",
    });
    expect(counterclaim.status).toBe(403);
    expect(counterclaim.body).toMatchObject({ error: "special_authority_required" });
    // The agent answers for the defendant.
    expect((await lawyer.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(200);

    const revokeUrl = `/api/cases/${caseId}/agents/${appointed.body.agentId}/revoke`;
    expect((await zhangsan.post(revokeUrl)).status).toBe(403);
    expect((await otherCourtAdmin.post(revokeUrl)).status).toBe(404);
    expect((await lisi.post(revokeUrl)).status).toBe(200);
    expect((await lawyer.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await lisi.post(revokeUrl)).body).toMatchObject({ error: "agent_not_found" });
  });

  it("throttles repeated refused links", async () => {
    for (let i = 0; i < 5; i += 1) {
      const refused = await zhangsan.post("/api/cases/link", { caseCode: `WRONGCODE${i}XX` });
      expect(refused.body).toMatchObject({ error: "case_code_invalid" });
    }
    const locked = await zhangsan.post("/api/cases/link", { caseCode: "WRONGCODE9XX" });
    expect(locked.status).toBe(429);
  });

  // Last: it moves the clock past the answer period.
  it("refuses an answer after the answer period has passed", async () => {
    const caseId = await registeredCase(LISI_ID);
    await app.jobs.runDue();
    // The complaint copy is served by court post, signed for the next day: the 15 days of
    // 民事诉讼法第一百二十八条 run from there (the delivery context opens them).
    const service = await app.context.db
      .selectFrom("service_records")
      .select("id")
      .where("case_id", "=", caseId)
      .where("kind", "=", "complaint_copy")
      .executeTakeFirstOrThrow();
    const posted = await clerk.post(`/api/services/${service.id}/post`, {
      trackingNumber: "EMS1234567890",
      signedOn: "2026-03-02",
      signedBy: "李四",
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect((await lisi.post("/api/cases/link", { caseCode: await codeOf(caseId) })).status).toBe(200);
    const due = (await lisi.get<TDefence>(`/api/cases/${caseId}/defence`)).body.answerDueAt;
    expect(due).not.toBeNull();
    // Within the period the draft is taken …
    expect((await lisi.put(`/api/cases/${caseId}/answer`, answer)).status).toBe(200);
    // … after its last instant nothing is (the objection shares the period: 第一百三十条).
    app.clock.set(new Date(new Date(due!).getTime() + 1000));
    await signInEveryone();
    const late = await lisi.post(`/api/cases/${caseId}/answer/submit`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "answer_period_expired" });
    const lateObjection = await lisi.post(`/api/cases/${caseId}/jurisdiction-objections`, {
      grounds: "本院无管辖权。",
    });
    expect(lateObjection.body).toMatchObject({ error: "answer_period_expired" });
    const detail = await lisi.get<{ actions: string[] }>(`/api/cases/${caseId}`);
    expect(detail.body.actions).not.toContain("answer");
    const stored = await app.context.db
      .selectFrom("case_answers")
      .select("status")
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("draft");
  });
});
