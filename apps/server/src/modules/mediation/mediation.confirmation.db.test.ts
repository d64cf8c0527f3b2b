import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { recordStoredFile } from "../../platform";
import { insertStaff } from "../courts/index";
import type { DemoAccount } from "../../seed/demo-seed";
import type { TAgreementView, TConfirmationView } from "./mediation.confirmation.schemas";

const COURTS = ["最高法", "浙", "浙01", "浙0192", "粤", "粤01", "粤0192"];

describe.each(testDatabaseKinds())("mediation agreements and judicial confirmation on %s", (kind) => {
  let app: TestApp;
  let accounts: Map<string, DemoAccount>;
  const clients = new Map<string, TestClient>();
  let courtId: string;
  let otherCourtId: string;
  let mediatorId: string;

  const id = (login: string) => accounts.get(login)!.userId;
  async function as(login: string): Promise<TestClient> {
    const existing = clients.get(login);
    if (existing) return existing;
    const client = await signIn(app, login);
    clients.set(login, client);
    return client;
  }

  beforeAll(async () => {
    app = await createTestApp(kind);
    accounts = await seedDemo(app, COURTS);
    const db = app.context.db;
    const courts = await db.selectFrom("courts").select(["id", "code"]).execute();
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    otherCourtId = courts.find((c) => c.code === "粤0192")!.id;
    const now = app.clock.now();
    const mediator = await db
      .insertInto("mediators")
      .values({
        court_id: courtId,
        user_id: id("hzhlw.mediator1@netcourt.demo"),
        organisation_id: null,
        display_name: "调解员甲",
        specialties: "",
        case_types: "[]",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    mediatorId = mediator.id;
    // A second mediator of the same court, not assigned to the mediations below.
    await insertStaff(db, {
      userId: id("hzhlw.enforcement1@netcourt.demo"),
      courtId,
      role: "mediator",
      divisionId: null,
      titleZh: null,
      titleEn: null,
      now,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A pre-litigation mediation in progress between 张三 and 云栖 (whose agent has no special authority). */
  let sequence = 100;
  async function openMediation(): Promise<{
    mediationId: string;
    caseId: string;
    zhangsan: string;
    yunqi: string;
  }> {
    const db = app.context.db;
    const now = app.clock.now();
    sequence += 1;
    const { id: caseId } = await db
      .insertInto("cases")
      .values({
        court_id: courtId,
        status: "mediation",
        type_code: "民诉前调",
        procedure: null,
        cause_code: "online-sale-contract",
        cause_name_zh: "网络购物合同纠纷",
        cause_name_en: "Online shopping contract dispute",
        title: "张三诉云栖网络购物合同纠纷",
        filed_by: id("zhangsan@netcourt.demo"),
        case_number: `（2026）浙0192民诉前调${sequence}号`,
        case_year: 2026,
        case_sequence: sequence,
        query_code: null,
        fee_fen: null,
        fee_quote: null,
        judge_id: null,
        judge_assignment: null,
        submitted_at: now,
        review_clock_started_at: null,
        review_due_on: null,
        accepted_at: null,
        closed_at: null,
        closure_reason: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const party = (
      position: number,
      role: "plaintiff" | "defendant",
      name: string,
      login: string,
      kindOf: "natural_person" | "legal_person",
    ) =>
      db
        .insertInto("case_parties")
        .values({
          case_id: caseId,
          position,
          role,
          kind: kindOf,
          name,
          id_number: null,
          credit_code: null,
          legal_representative: null,
          sex: null,
          ethnicity: null,
          birth_date: null,
          phone: "13800001111",
          email: null,
          address:
            kindOf === "natural_person" ? "浙江省杭州市西湖区文三路1号" : "浙江省杭州市余杭区五常街道2号",
          service_address: null,
          user_id: id(login),
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const zhangsan = (await party(1, "plaintiff", "张三", "zhangsan@netcourt.demo", "natural_person")).id;
    const yunqi = (
      await party(2, "defendant", "杭州云栖示范网络科技有限公司", "yunqi@netcourt.demo", "legal_person")
    ).id;
    await db
      .insertInto("case_agents")
      .values({
        case_id: caseId,
        party_id: yunqi,
        user_id: id("wanglawyer@netcourt.demo"),
        kind: "lawyer",
        name: "王律师",
        phone: null,
        law_firm: "浙江示范律师事务所",
        licence_number: "13301201810123456",
        power_of_attorney_sha256: null,
        status: "active",
        created_at: now,
      })
      .execute();
    const { id: mediationId } = await db
      .insertInto("mediations")
      .values({
        case_id: caseId,
        court_id: courtId,
        origin: "application",
        status: "in_progress",
        applicant_user_id: id("zhangsan@netcourt.demo"),
        mediator_id: mediatorId,
        mediator_user_id: id("hzhlw.mediator1@netcourt.demo"),
        mediator_chosen_by: "court",
        applied_at: now,
        assigned_at: now,
        accepted_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { mediationId, caseId, zhangsan, yunqi };
  }

  const terms = (m: { zhangsan: string; yunqi: string }, description = "退还货款") => ({
    terms: {
      facts: "张三在云栖网店购买的手机系翻新机，要求退货退款。",
      obligations: [
        {
          obligorPartyId: m.yunqi,
          obligeePartyId: m.zhangsan,
          description,
          amountFen: 500000,
          dueOn: "2026-03-20",
        },
        {
          obligorPartyId: m.zhangsan,
          obligeePartyId: m.yunqi,
          description: "退回手机",
          amountFen: null,
          dueOn: null as string | null,
        },
      ],
      costs: { kind: "borne_by", partyId: m.yunqi },
      otherTerms: ["双方就本纠纷再无其他争议"],
    },
  });

  async function agreementOf(login: string, mediationId: string) {
    return (await as(login)).get<TAgreementView>(`/api/mediations/${mediationId}/agreement`);
  }
  async function sign(login: string, mediationId: string, sha?: string) {
    const hash = sha ?? (await agreementOf(login, mediationId)).body.contentSha256;
    return (await as(login)).post<TAgreementView>(`/api/mediations/${mediationId}/agreement/sign`, {
      contentSha256: hash,
    });
  }

  /** Draft, and every party and the mediator sign: the agreement is in effect. */
  async function agreedMediation() {
    const m = await openMediation();
    const drafted = await (
      await as("hzhlw.mediator1@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/agreement`, terms(m));
    expect(drafted.status).toBe(201);
    for (const login of ["zhangsan@netcourt.demo", "yunqi@netcourt.demo", "hzhlw.mediator1@netcourt.demo"])
      expect((await sign(login, m.mediationId)).status).toBe(200);
    return m;
  }

  async function appliedConfirmation() {
    const m = await agreedMediation();
    const started = await (
      await as("zhangsan@netcourt.demo")
    ).post<{ confirmationId: string }>(`/api/mediations/${m.mediationId}/confirmation`);
    expect(started.status).toBe(201);
    const joined = await (
      await as("yunqi@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/confirmation/join`);
    expect(joined.status).toBe(200);
    return { ...m, confirmationId: started.body.confirmationId };
  }

  async function acceptedConfirmation() {
    const c = await appliedConfirmation();
    const accepted = await (
      await as("hzhlw.clerk1@netcourt.demo")
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/accept`);
    expect(accepted.status).toBe(200);
    const judge = [...accounts.values()].find((a) => a.name === accepted.body.judgeName)!;
    const otherJudge = [...accounts.values()].find(
      (a) => a.courtCode === "浙0192" && a.role === "judge" && a.login !== judge.login,
    )!;
    return { ...c, judge: judge.login, otherJudge: otherJudge.login, view: accepted.body };
  }

  it("drafts the agreement as a bilingual court document, signed by every party and the mediator into effect", async () => {
    const m = await openMediation();
    const mediator = await as("hzhlw.mediator1@netcourt.demo");
    const drafted = await mediator.post<TAgreementView>(
      `/api/mediations/${m.mediationId}/agreement`,
      terms(m),
    );
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ version: 1, status: "draft", actions: ["redraft", "sign"] });
    expect(drafted.body.pending.parties.map((p) => p.name)).toEqual(["张三", "杭州云栖示范网络科技有限公司"]);
    const docs = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "content_sha256", "issue_id"])
      .where("case_id", "=", m.caseId)
      .execute();
    expect(docs.map((d) => `${d.kind}:${d.locale}`).sort()).toEqual([
      "mediation_agreement:en",
      "mediation_agreement:zh-CN",
    ]);
    expect(docs.find((d) => d.locale === "zh-CN")!.content_sha256).toBe(drafted.body.contentSha256);

    // Terms that name someone who is no party, or a date already past, are refused and change nothing.
    const stranger = "00000000-0000-4000-8000-000000000000";
    const bad = terms(m);
    bad.terms.obligations[0]!.obligorPartyId = stranger;
    bad.terms.obligations[1]!.dueOn = "2026-03-01";
    const invalid = await mediator.post(`/api/mediations/${m.mediationId}/agreement`, bad);
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      error: "agreement_terms_invalid",
      details: [
        { path: "terms.obligations.0.obligorPartyId", code: "not_a_party" },
        { path: "terms.obligations.1.dueOn", code: "in_the_past" },
      ],
    });
    expect((await agreementOf("zhangsan@netcourt.demo", m.mediationId)).body.version).toBe(1);

    // A redraft before anyone signs supersedes the first version.
    const redrafted = await mediator.post<TAgreementView>(
      `/api/mediations/${m.mediationId}/agreement`,
      terms(m, "返还货款"),
    );
    expect(redrafted.status).toBe(201);
    expect(redrafted.body.version).toBe(2);
    expect(redrafted.body.contentSha256).not.toBe(drafted.body.contentSha256);

    const first = await sign("zhangsan@netcourt.demo", m.mediationId);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("draft");
    expect(first.body.signatures).toMatchObject([{ role: "party", name: "张三" }]);
    // Once someone has signed, the text is fixed.
    expect((await mediator.post(`/api/mediations/${m.mediationId}/agreement`, terms(m))).body).toMatchObject({
      error: "agreement_already_signed",
    });
    expect((await sign("zhangsan@netcourt.demo", m.mediationId)).body).toMatchObject({
      error: "agreement_signature_exists",
    });
    expect((await sign("yunqi@netcourt.demo", m.mediationId)).status).toBe(200);
    const last = await sign("hzhlw.mediator1@netcourt.demo", m.mediationId);
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body).toMatchObject({
      status: "effective",
      effectiveOn: "2026-03-02",
      applicationDueOn: "2026-04-01",
    });
    expect(last.body.pending).toEqual({ parties: [], mediator: false });

    const db = app.context.db;
    const signatures = await db
      .selectFrom("mediation_agreement_signatures")
      .select(["signer_role", "ip", "content_sha256"])
      .execute();
    expect(signatures.filter((s) => s.content_sha256 === redrafted.body.contentSha256)).toHaveLength(3);
    expect(signatures.every((s) => s.ip !== null)).toBe(true);
    const mediation = await db
      .selectFrom("mediations")
      .select("status")
      .where("id", "=", m.mediationId)
      .executeTakeFirstOrThrow();
    expect(mediation.status).toBe("agreed");
    // 在线调解规则第二十条: settled before registration → closed as settled out of court.
    const caseRow = await db
      .selectFrom("cases")
      .select(["status", "closure_reason"])
      .where("id", "=", m.caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow).toEqual({ status: "closed", closure_reason: "mediation_agreement" });
    const events = await db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", m.caseId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        "agreement_drafted",
        "agreement_signed",
        "agreement_effective",
        "document_issued",
      ]),
    );
    expect(events.filter((e) => e.kind === "agreement_signed")).toHaveLength(3);
    const audit = await db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", m.mediationId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "mediation.agreement_drafted",
        "mediation.agreement_signed",
        "mediation.agreement_effective",
      ]),
    );
    const inbox = await db
      .selectFrom("inbox_messages")
      .select(["kind", "recipient_id"])
      .where("case_id", "=", m.caseId)
      .execute();
    expect(inbox.filter((i) => i.kind === "agreement_effective").map((i) => i.recipient_id)).toEqual(
      expect.arrayContaining([
        id("zhangsan@netcourt.demo"),
        id("yunqi@netcourt.demo"),
        id("hzhlw.mediator1@netcourt.demo"),
      ]),
    );
  });

  it("refuses a signature on a stale version, and an agent without special authority", async () => {
    const m = await openMediation();
    const mediator = await as("hzhlw.mediator1@netcourt.demo");
    const v1 = await mediator.post<TAgreementView>(`/api/mediations/${m.mediationId}/agreement`, terms(m));
    await mediator.post(`/api/mediations/${m.mediationId}/agreement`, terms(m, "返还货款"));
    const stale = await sign("zhangsan@netcourt.demo", m.mediationId, v1.body.contentSha256);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: "agreement_changed" });
    const agent = await sign("wanglawyer@netcourt.demo", m.mediationId);
    expect(agent.status).toBe(403);
    expect(agent.body).toMatchObject({ details: [{ code: "special_authority_required" }] });
    const none = await app.context.db
      .selectFrom("mediation_agreement_signatures as s")
      .innerJoin("mediation_agreements as a", "a.id", "s.agreement_id")
      .select("s.id")
      .where("a.mediation_id", "=", m.mediationId)
      .execute();
    expect(none).toHaveLength(0);

    // With the company's power of attorney on record (民事诉讼法第六十二条), its lawyer signs for it.
    const poa = "a".repeat(64);
    await recordStoredFile(app.context.db, {
      sha256: poa,
      size: 1,
      mediaType: "application/pdf",
      now: app.clock.now(),
    });
    await app.context.db
      .updateTable("case_agents")
      .set({ power_of_attorney_sha256: poa })
      .where("party_id", "=", m.yunqi)
      .execute();
    const byAgent = await sign("wanglawyer@netcourt.demo", m.mediationId);
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.signatures).toMatchObject([
      { role: "agent", partyId: m.yunqi, name: "杭州云栖示范网络科技有限公司", agentName: "王律师" },
    ]);
    // The company itself no longer signs: its side has signed through the agent.
    expect((await sign("yunqi@netcourt.demo", m.mediationId)).body).toMatchObject({
      error: "agreement_signature_exists",
    });
  });

  it("refuses an application before the agreement is signed by everyone", async () => {
    const m = await openMediation();
    await (
      await as("hzhlw.mediator1@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/agreement`, terms(m));
    await sign("zhangsan@netcourt.demo", m.mediationId);
    const early = await (
      await as("zhangsan@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/confirmation`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: "agreement_not_signed" });
    const join = await (
      await as("yunqi@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/confirmation/join`);
    expect(join.body).toMatchObject({ error: "agreement_not_signed" });
  });

  it("takes the joint application, tells the clerks and opens the 3 days to accept", async () => {
    const m = await agreedMediation();
    const zhangsan = await as("zhangsan@netcourt.demo");
    const yunqi = await as("yunqi@netcourt.demo");
    expect((await yunqi.post(`/api/mediations/${m.mediationId}/confirmation/join`)).body).toMatchObject({
      error: "confirmation_not_started",
    });
    const started = await zhangsan.post<{ confirmationId: string; status: string }>(
      `/api/mediations/${m.mediationId}/confirmation`,
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: "awaiting_parties",
      applicationDueOn: "2026-04-01",
      acceptanceDueOn: null,
    });
    expect((await zhangsan.post(`/api/mediations/${m.mediationId}/confirmation/join`)).body).toMatchObject({
      error: "confirmation_already_applied",
    });
    // Not yet before the court: the clerk does not see it.
    const clerk = await as("hzhlw.clerk1@netcourt.demo");
    expect((await clerk.get(`/api/confirmations/${started.body.confirmationId}`)).status).toBe(404);
    const joined = await yunqi.post(`/api/mediations/${m.mediationId}/confirmation/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ status: "applied", acceptanceDueOn: "2026-03-05" });
    const view = await clerk.get<TConfirmationView>(`/api/confirmations/${started.body.confirmationId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: "applied", feeFen: 0, actions: ["accept", "refuse"] });
    expect(view.body.parties.every((p) => p.appliedAt !== null)).toBe(true);
    const db = app.context.db;
    const deadline = await db
      .selectFrom("case_deadlines")
      .select(["status", "basis"])
      .where("case_id", "=", m.caseId)
      .where("kind", "=", "confirmation_acceptance")
      .executeTakeFirstOrThrow();
    expect(deadline.status).toBe("open");
    expect(deadline.basis).toContain("第四条");
    const inbox = await db
      .selectFrom("inbox_messages")
      .select("recipient_id")
      .where("kind", "=", "confirmation_to_accept")
      .where("case_id", "=", m.caseId)
      .execute();
    expect(inbox.map((i) => i.recipient_id)).toEqual(
      expect.arrayContaining([id("hzhlw.clerk1@netcourt.demo"), id("hzhlw.clerk2@netcourt.demo")]),
    );
    const queue = await clerk.get<{ items: TConfirmationView[] }>(`/api/confirmations?courtId=${courtId}`);
    expect(queue.body.items.map((i) => i.id)).toContain(started.body.confirmationId);
  });

  it("accepts with a 民特 case number and a judge, who confirms: an enforceable ruling served on both parties", async () => {
    const c = await acceptedConfirmation();
    expect(c.view.caseNumber).toMatch(/^（2026）浙0192民特\d+号$/);
    expect(c.view).toMatchObject({ status: "accepted", decisionDueOn: "2026-03-17", actions: [] });
    const judge = await as(c.judge);
    const before = await judge.get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`);
    expect(before.body.actions).toEqual(["decide"]);
    const judgeQueue = await judge.get<{ items: TConfirmationView[] }>(
      `/api/confirmations?courtId=${courtId}`,
    );
    expect(judgeQueue.body.items.map((i) => i.id)).toContain(c.confirmationId);
    const decided = await judge.post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "confirm",
      reasons: "",
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: "confirmed",
      isEnforceable: true,
      decision: { decision: "confirm" },
    });
    const db = app.context.db;
    const ruling = await db
      .selectFrom("case_documents")
      .select(["kind", "locale", "case_number", "model", "signed_by"])
      .where("issue_id", "=", decided.body.decision!.rulingIssueId!)
      .execute();
    expect(ruling.map((r) => r.locale).sort()).toEqual(["en", "zh-CN"]);
    const zh = ruling.find((r) => r.locale === "zh-CN")!;
    expect(zh).toMatchObject({
      kind: "confirmation_ruling",
      case_number: c.view.caseNumber,
      signed_by: id(c.judge),
    });
    expect(JSON.stringify(zh.model)).toContain("对方当事人可以向人民法院申请执行");
    const row = await db
      .selectFrom("judicial_confirmations")
      .select(["is_enforceable", "status"])
      .where("id", "=", c.confirmationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ is_enforceable: true, status: "confirmed" });
    const mediation = await db
      .selectFrom("mediations")
      .select("status")
      .where("id", "=", c.mediationId)
      .executeTakeFirstOrThrow();
    expect(mediation.status).toBe("confirmed");
    const served = await db
      .selectFrom("service_records")
      .select(["recipient_party_id", "kind"])
      .where("document_issue_id", "=", decided.body.decision!.rulingIssueId!)
      .execute();
    expect(served.map((s) => s.recipient_party_id).sort()).toEqual([c.zhangsan, c.yunqi].sort());
    expect(served.every((s) => s.kind === "confirmation_ruling")).toBe(true);
    const outcome = await db
      .selectFrom("inbox_messages")
      .select("recipient_id")
      .where("kind", "=", "confirmation_decided")
      .where("case_id", "=", c.caseId)
      .execute();
    expect(outcome.map((o) => o.recipient_id)).toEqual(
      expect.arrayContaining([id("zhangsan@netcourt.demo"), id("yunqi@netcourt.demo")]),
    );
    const events = await db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", c.caseId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        "confirmation_applied",
        "confirmation_accepted",
        "confirmation_decided",
        "document_served",
      ]),
    );
    // Both parties can read the ruling.
    const docs = await (
      await as("yunqi@netcourt.demo")
    ).get<{ items: Array<{ kind: string }> }>(`/api/cases/${c.caseId}/documents`);
    expect(docs.status).toBe(200);
    expect(docs.body.items.map((d) => d.kind)).toContain("confirmation_ruling");
    expect(
      (await judge.post(`/api/confirmations/${c.confirmationId}/decide`, { decision: "confirm" })).body,
    ).toMatchObject({
      error: "confirmation_status_conflict",
    });
  });

  it("dismisses on false mediation (在线调解规则第二十三条), and requires grounds to dismiss", async () => {
    const c = await acceptedConfirmation();
    const judge = await as(c.judge);
    // 若干规定第五条: ten more days with the president's approval, recorded by the court's administration.
    expect(
      (
        await judge.post(`/api/confirmations/${c.confirmationId}/extend`, {
          reason: "需核实",
          approval: "院批1号",
        })
      ).status,
    ).toBe(403);
    const admin = await as("hzhlw.admin1@netcourt.demo");
    const extended = await admin.post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/extend`, {
      reason: "需向调解组织核实有关情况",
      approval: "院长审批2026第1号",
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({
      decisionDueOn: "2026-03-27",
      isDecisionExtended: true,
      actions: [],
    });
    expect(
      (await admin.post(`/api/confirmations/${c.confirmationId}/extend`, { reason: "再次", approval: "2" }))
        .body,
    ).toMatchObject({
      error: "confirmation_status_conflict",
    });
    const bare = await judge.post(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "dismiss",
      reasons: "x",
    });
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ error: "confirmation_grounds_invalid" });
    const mixed = await judge.post(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "confirm",
      grounds: ["other"],
    });
    expect(mixed.body).toMatchObject({ error: "confirmation_grounds_invalid" });
    const decided = await judge.post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "dismiss",
      grounds: ["false_mediation"],
      reasons: "双方当事人未能说明交易的真实性。",
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: "dismissed",
      isEnforceable: false,
      decision: {
        decision: "dismiss",
        grounds: [{ code: "false_mediation", basis: "人民法院在线调解规则第二十三条" }],
      },
    });
    const mediation = await app.context.db
      .selectFrom("mediations")
      .select("status")
      .where("id", "=", c.mediationId)
      .executeTakeFirstOrThrow();
    expect(mediation.status).toBe("confirmation_dismissed");
  });

  it("lets the clerk refuse to accept on the grounds of 民诉法解释第三百五十五条", async () => {
    const c = await appliedConfirmation();
    const clerk = await as("hzhlw.clerk1@netcourt.demo");
    expect((await clerk.post(`/api/confirmations/${c.confirmationId}/refuse`, { grounds: [] })).status).toBe(
      400,
    );
    const refused = await clerk.post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/refuse`, {
      grounds: ["ownership_determination"],
      reason: "协议确认房屋归属。",
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: "refused",
      refusal: { grounds: [{ code: "ownership_determination" }] },
    });
    expect((await clerk.post(`/api/confirmations/${c.confirmationId}/accept`)).body).toMatchObject({
      error: "confirmation_status_conflict",
    });
  });

  it("keeps every route from those the rules do not let see or act", async () => {
    const c = await acceptedConfirmation();
    const m = await openMediation();
    await (
      await as("hzhlw.mediator1@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/agreement`, terms(m));
    const agreement = (await agreementOf("zhangsan@netcourt.demo", m.mediationId)).body;
    const outsiders = {
      stranger: "lisi@netcourt.demo",
      unassignedMediator: "hzhlw.enforcement1@netcourt.demo",
      otherCourtMediator: "gzhlw.mediator1@netcourt.demo",
      otherCourtClerk: "gzhlw.clerk1@netcourt.demo",
      otherCourtJudge: "gzhlw.judge1@netcourt.demo",
    };
    for (const login of Object.values(outsiders)) {
      const client = await as(login);
      expect((await client.get(`/api/mediations/${m.mediationId}/agreement`)).status, login).toBe(404);
      expect((await client.post(`/api/mediations/${m.mediationId}/agreement`, terms(m))).status, login).toBe(
        404,
      );
      expect(
        (
          await client.post(`/api/mediations/${m.mediationId}/agreement/sign`, {
            contentSha256: agreement.contentSha256,
          })
        ).status,
        login,
      ).toBe(404);
      expect((await client.post(`/api/mediations/${c.mediationId}/confirmation`)).status, login).toBe(404);
      expect((await client.post(`/api/mediations/${c.mediationId}/confirmation/join`)).status, login).toBe(
        404,
      );
      expect((await client.get(`/api/confirmations/${c.confirmationId}`)).status, login).toBe(404);
      expect((await client.post(`/api/confirmations/${c.confirmationId}/accept`)).status, login).toBe(404);
      expect(
        (
          await client.post(`/api/confirmations/${c.confirmationId}/refuse`, {
            grounds: ["outside_jurisdiction"],
          })
        ).status,
        login,
      ).toBe(404);
      expect(
        (await client.post(`/api/confirmations/${c.confirmationId}/decide`, { decision: "confirm" })).status,
        login,
      ).toBe(404);
      expect(
        (await client.post(`/api/confirmations/${c.confirmationId}/extend`, { reason: "x", approval: "y" }))
          .status,
        login,
      ).toBe(404);
      expect((await client.get(`/api/confirmations?courtId=${courtId}`)).status, login).toBe(403);
    }
    // The other court's staff see only their own queue, where this one is not.
    const otherQueue = await (
      await as("gzhlw.clerk1@netcourt.demo")
    ).get<{ items: TConfirmationView[] }>(`/api/confirmations?courtId=${otherCourtId}`);
    expect(otherQueue.status).toBe(200);
    expect(otherQueue.body.items.map((i) => i.id)).not.toContain(c.confirmationId);

    // The other party may see but not act for the court, nor draft; a party may not sign for the mediator.
    const party = await as("yunqi@netcourt.demo");
    expect((await party.post(`/api/mediations/${m.mediationId}/agreement`, terms(m))).status).toBe(403);
    expect((await party.get(`/api/confirmations/${c.confirmationId}`)).status).toBe(200);
    expect((await party.post(`/api/confirmations/${c.confirmationId}/accept`)).status).toBe(403);
    expect(
      (await party.post(`/api/confirmations/${c.confirmationId}/decide`, { decision: "confirm" })).status,
    ).toBe(403);
    // The assigned mediator drafts and signs but applies for nothing and decides nothing.
    const mediator = await as("hzhlw.mediator1@netcourt.demo");
    expect((await mediator.post(`/api/mediations/${c.mediationId}/confirmation`)).status).toBe(403);
    expect((await mediator.get(`/api/confirmations/${c.confirmationId}`)).status).toBe(404);
    // The clerk may not decide; the assigned judge may not accept; another judge of the court sees nothing.
    const clerk = await as("hzhlw.clerk1@netcourt.demo");
    expect(
      (await clerk.post(`/api/confirmations/${c.confirmationId}/decide`, { decision: "confirm" })).status,
    ).toBe(403);
    expect(
      (
        await clerk.post(`/api/mediations/${m.mediationId}/agreement/sign`, {
          contentSha256: agreement.contentSha256,
        })
      ).status,
    ).toBe(403);
    const judge = await as(c.judge);
    expect((await judge.post(`/api/confirmations/${c.confirmationId}/accept`)).status).toBe(403);
    const otherJudge = await as(c.otherJudge);
    expect((await otherJudge.get(`/api/confirmations/${c.confirmationId}`)).status).toBe(404);
    expect(
      (await otherJudge.post(`/api/confirmations/${c.confirmationId}/decide`, { decision: "confirm" }))
        .status,
    ).toBe(404);
    // Anonymous callers are asked to sign in.
    const anonymous = await app.http.inject({ method: "GET", url: `/api/confirmations/${c.confirmationId}` });
    expect(anonymous.statusCode).toBe(401);
  });

  // Last: it moves the shared clock on.
  it("refuses an application on day 31 (民事诉讼法第二百零五条, 第八十五条)", async () => {
    const m = await agreedMediation();
    app.clock.set("2026-04-01T23:00:00+08:00");
    clients.clear();
    const onDay30 = await (
      await as("zhangsan@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/confirmation`);
    expect(onDay30.status).toBe(201);
    app.clock.set("2026-04-02T09:00:00+08:00");
    clients.clear();
    const onDay31 = await (
      await as("yunqi@netcourt.demo")
    ).post(`/api/mediations/${m.mediationId}/confirmation/join`);
    expect(onDay31.status).toBe(409);
    expect(onDay31.body).toMatchObject({
      error: "confirmation_out_of_time",
      details: [{ params: { applicationDueOn: "2026-04-01" } }],
    });
  });
});
