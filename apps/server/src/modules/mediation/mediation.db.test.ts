import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TMediationView } from "./mediation.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

type Court = { id: string; code: string };
type Mediator = { id: string; name: string; userId: string | null };

describe.each(testDatabaseKinds())("pre-litigation mediation on %s", (kind) => {
  let app: TestApp;
  let hangzhou: Court;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let zhangsan: TestClient; // applicant, plaintiff
  let lisi: TestClient; // the respondent company's account
  let lawyer: TestClient; // the respondent's agent
  let clerk: TestClient;
  let admin: TestClient;
  let mediator: TestClient;
  let otherMediator: TestClient; // a mediator of the same court, not assigned
  let otherClerk: TestClient; // a clerk of another court
  let stranger: TestClient;
  let anonymous: TestClient;
  let registered: Mediator;
  let unsuitable: Mediator;

  const userId = (login: string) => accounts.get(login)!.userId;

  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    mediator = await signIn(app, "hzhlw.mediator1@netcourt.demo");
    otherMediator = await signIn(app, "hzhlw.enforcement1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
    stranger = await signIn(app, "yunqi@netcourt.demo");
    anonymous = new TestClient(app);
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    // A second mediator at the same court (the enforcement officer also holds the mediator role).
    await app.context.db
      .insertInto("court_staff")
      .values({
        user_id: userId("hzhlw.enforcement1@netcourt.demo"),
        court_id: hangzhou.id,
        role: "mediator",
        division_id: null,
        title_zh: "特邀调解员",
        title_en: "Mediator",
        created_at: app.clock.now(),
      })
      .execute();
    await signInEveryone();
    const organisation = await admin.post<{ id: string }>(
      `/api/courts/${hangzhou.id}/mediation-organisations`,
      {
        name: "杭州市电子商务纠纷人民调解委员会",
        description: "网购纠纷",
        caseTypes: ["online-sale-contract"],
      },
    );
    expect(organisation.status, JSON.stringify(organisation.body)).toBe(201);
    const first = await admin.post<Mediator>(`/api/courts/${hangzhou.id}/mediators`, {
      userId: userId("hzhlw.mediator1@netcourt.demo"),
      organisationId: organisation.body.id,
      displayName: "调解员甲",
      specialties: "网络购物",
      caseTypes: [],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    registered = first.body;
    const second = await admin.post<Mediator>(`/api/courts/${hangzhou.id}/mediators`, {
      userId: userId("hzhlw.enforcement1@netcourt.demo"),
      displayName: "调解员乙",
      caseTypes: ["loan-contract"],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    unsuitable = second.body;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A complete draft by 张三; the respondent company is linked to 李四's account, with 王律师 as its agent. */
  async function draftDispute(options: { withEvidence?: boolean } = {}): Promise<string> {
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId;
    let attachmentId: string | null = null;
    if (options.withEvidence) {
      const upload = await zhangsan.upload<{ id: string }>(
        `/api/filings/${caseId}/attachments`,
        { name: "订单截图.png", content: PNG },
        { category: "evidence" },
      );
      expect(upload.status).toBe(201);
      attachmentId = upload.body.id;
    }
    const saved = await zhangsan.put(
      `/api/filings/${caseId}`,
      shoppingComplaint({ evidenceAttachmentId: attachmentId }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return caseId;
  }

  async function linkRespondent(caseId: string): Promise<void> {
    const db = app.context.db;
    const party = await db
      .selectFrom("case_parties")
      .select("id")
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("case_parties")
      .set({ user_id: userId("lisi@netcourt.demo") })
      .where("id", "=", party.id)
      .execute();
    await db
      .insertInto("case_agents")
      .values({
        case_id: caseId,
        party_id: party.id,
        user_id: userId("wanglawyer@netcourt.demo"),
        kind: "lawyer",
        name: "王律师",
        phone: null,
        law_firm: "浙江某律师事务所",
        licence_number: null,
        power_of_attorney_sha256: null,
        status: "active",
        created_at: app.clock.now(),
      })
      .execute();
  }

  const courtEvents = async (caseId: string) =>
    (
      await app.context.db
        .selectFrom("ledger_court_events")
        .select("kind")
        .where("case_id", "=", caseId)
        .orderBy("id")
        .execute()
    ).map((e) => e.kind);

  describe("the court's register", () => {
    it("shows applicants the active mediators without accounts, and the administrator everything", async () => {
      const open = await anonymous.get<{ items: Mediator[] }>(`/api/courts/${hangzhou.id}/mediators`);
      expect(open.status).toBe(200);
      expect(open.body.items.map((m) => m.name)).toEqual(["调解员乙", "调解员甲"].sort());
      expect(open.body.items.every((m) => m.userId === null)).toBe(true);
      const orgs = await anonymous.get<{ items: Array<{ name: string }> }>(
        `/api/courts/${hangzhou.id}/mediation-organisations`,
      );
      expect(orgs.body.items.map((o) => o.name)).toEqual(["杭州市电子商务纠纷人民调解委员会"]);
      const full = await admin.get<{ items: Mediator[] }>(`/api/courts/${hangzhou.id}/mediators`);
      expect(full.body.items.every((m) => m.userId !== null)).toBe(true);
    });

    it("lets only the court's administrator keep the register", async () => {
      const body = { userId: userId("hzhlw.judge1@netcourt.demo"), displayName: "某某" };
      expect((await clerk.post(`/api/courts/${hangzhou.id}/mediators`, body)).status).toBe(403);
      expect((await otherClerk.post(`/api/courts/${hangzhou.id}/mediators`, body)).status).toBe(403);
      expect((await anonymous.post(`/api/courts/${hangzhou.id}/mediators`, body)).status).toBe(401);
      expect(
        (await stranger.patch(`/api/courts/${hangzhou.id}/mediators/${registered.id}`, { isActive: false }))
          .status,
      ).toBe(403);
      // 在线调解规则第二十七条: only the court's own mediators go on its register.
      const notMediator = await admin.post<{ error: string }>(`/api/courts/${hangzhou.id}/mediators`, body);
      expect(notMediator.status).toBe(422);
      expect(notMediator.body.error).toBe("mediator_role_missing");
      const twice = await admin.post<{ error: string }>(`/api/courts/${hangzhou.id}/mediators`, {
        userId: userId("hzhlw.mediator1@netcourt.demo"),
        displayName: "又一次",
      });
      expect(twice.status).toBe(409);
      const unknownCourt = await admin.get(`/api/courts/00000000-0000-4000-8000-000000000000/mediators`);
      expect(unknownCourt.status).toBe(404);
      const orgByClerk = await clerk.post(`/api/courts/${hangzhou.id}/mediation-organisations`, {
        name: "x",
      });
      expect(orgByClerk.status).toBe(403);
    });
  });

  describe("a litigant's application, from draft to filing", () => {
    let caseId: string;
    let mediationId: string;
    const workspace = (client: TestClient) => client.get<TMediationView>(`/api/mediations/${mediationId}`);
    const act = <T = TMediationView>(client: TestClient, path: string, body?: unknown) =>
      client.post<T>(`/api/mediations/${mediationId}${path}`, body);

    it("refuses an incomplete dispute, another's draft and an unsuitable mediator", async () => {
      const empty = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id });
      const incomplete = await zhangsan.post<{ error: string; details: Array<{ path: string }> }>(
        `/api/filings/${empty.body.caseId}/mediation`,
      );
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.error).toBe("mediation_application_incomplete");
      expect(incomplete.body.details.map((d) => d.path)).toContain("claims");

      caseId = await draftDispute();
      expect((await lisi.post(`/api/filings/${caseId}/mediation`)).status).toBe(404);
      expect((await clerk.post(`/api/filings/${caseId}/mediation`)).status).toBe(404);
      const wrongMediator = await zhangsan.post<{ error: string }>(`/api/filings/${caseId}/mediation`, {
        mediatorId: unsuitable.id,
      });
      expect(wrongMediator.status).toBe(422);
      expect(wrongMediator.body.error).toBe("mediator_not_eligible");
      const unknown = await zhangsan.post(`/api/filings/${caseId}/mediation`, {
        mediatorId: "00000000-0000-4000-8000-000000000000",
      });
      expect(unknown.status).toBe(404);
    });

    it("starts mediation with the court to appoint a mediator within three working days", async () => {
      const applied = await zhangsan.post<{ mediationId: string; appointmentDueOn: string }>(
        `/api/filings/${caseId}/mediation`,
      );
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      mediationId = applied.body.mediationId;
      // Monday 2 March 2026 + 3 working days (在线调解规则第十条第三款).
      expect(applied.body.appointmentDueOn).toBe("2026-03-05");
      await linkRespondent(caseId);
      const again = await zhangsan.post(`/api/filings/${caseId}/mediation`);
      expect(again.status).toBe(409);
      const view = await workspace(zhangsan);
      expect(view.body.status).toBe("awaiting_mediator");
      expect(view.body.myRelation).toBe("party");
      expect(view.body.actions).toContain("withdraw");
      expect(await courtEvents(caseId)).toContain("mediation_applied");
      const inbox = await app.context.db
        .selectFrom("inbox_messages")
        .select(["recipient_id", "kind"])
        .where("case_id", "=", caseId)
        .execute();
      expect(inbox.some((m) => m.kind === "mediation_to_appoint")).toBe(true);
    });

    it("shows the mediation to the parties, their agent and the court, and to no one else", async () => {
      for (const [client, status] of [
        [zhangsan, 200],
        [lisi, 200],
        [lawyer, 200],
        [clerk, 200],
        [admin, 200],
        [mediator, 404], // not yet assigned
        [otherMediator, 404],
        [otherClerk, 404],
        [stranger, 404],
        [anonymous, 401],
      ] as const) {
        expect((await workspace(client)).status, JSON.stringify((await workspace(client)).body)).toBe(status);
      }
      const mine = await lawyer.get<{ items: Array<{ id: string; myRelation: string }> }>("/api/mediations");
      expect(mine.body.items.find((m) => m.id === mediationId)?.myRelation).toBe("agent");
      const strangers = await stranger.get<{ items: unknown[] }>("/api/mediations");
      expect(strangers.body.items).toEqual([]);
      const others = await otherClerk.get<{ items: Array<{ id: string }> }>("/api/mediations");
      expect(others.body.items.some((m) => m.id === mediationId)).toBe(false);
      // A mediator no longer sees every case of the court in mediation.
      expect((await mediator.get(`/api/cases/${caseId}`)).status).toBe(404);
    });

    it("masks the other side's personal data", async () => {
      const seenByRespondent = (await workspace(lisi)).body.parties.find((p) => p.role === "plaintiff")!;
      expect(seenByRespondent.idNumber).toMatch(/\*/);
      expect(seenByRespondent.phone).toBe("138****1111");
      expect(seenByRespondent.address).toBeNull();
      const seenByApplicant = (await workspace(zhangsan)).body.parties.find((p) => p.role === "plaintiff")!;
      expect(seenByApplicant.idNumber).not.toMatch(/\*/);
      expect(seenByApplicant.address).toBe("浙江省杭州市西湖区文三路1号");
    });

    it("lets the court appoint a mediator, who alone of the mediators then sees it", async () => {
      expect((await act(zhangsan, "/mediator", { mediatorId: registered.id })).status).toBe(403);
      expect((await act(otherMediator, "/mediator", { mediatorId: registered.id })).status).toBe(404);
      expect((await act(otherClerk, "/mediator", { mediatorId: registered.id })).status).toBe(404);
      expect((await act(clerk, "/mediator", { mediatorId: unsuitable.id })).status).toBe(422);
      const assigned = await act(clerk, "/mediator", { mediatorId: registered.id });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
      expect(assigned.body.status).toBe("awaiting_acceptance");
      expect(assigned.body.acceptanceDueOn).toBe("2026-03-05");
      expect((await workspace(mediator)).body.actions).toEqual(
        expect.arrayContaining(["accept_assignment", "decline_assignment"]),
      );
      expect((await workspace(otherMediator)).status).toBe(404);
      expect((await mediator.get(`/api/cases/${caseId}`)).status).toBe(200);
      expect((await otherMediator.get(`/api/cases/${caseId}`)).status).toBe(404);
    });

    it("starts the 30-day period when the mediator confirms", async () => {
      expect((await act(zhangsan, "/accept")).status).toBe(403);
      expect((await act(otherMediator, "/accept")).status).toBe(404);
      const accepted = await act(mediator, "/accept");
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.status).toBe("in_progress");
      // 在线调解规则第二十四条: 30 days from 2 March 2026.
      expect(accepted.body.periodEndsOn).toBe("2026-04-01");
      expect((await act(mediator, "/accept")).status).toBe(409);
      const deadline = await app.context.db
        .selectFrom("case_deadlines")
        .select(["kind", "status"])
        .where("case_id", "=", caseId)
        .where("kind", "=", "mediation_period")
        .executeTakeFirstOrThrow();
      expect(deadline.status).toBe("open");
    });

    it("asks the other side, which answers for itself", async () => {
      expect((await act(zhangsan, "/consent", { answer: "agreed" })).status).toBe(403);
      expect((await act(stranger, "/consent", { answer: "agreed" })).status).toBe(404);
      const agreed = await act(lawyer, "/consent", { answer: "agreed" });
      expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
      expect(agreed.body.parties.find((p) => p.role === "defendant")!.consent).toBe("agreed");
      expect((await act(lisi, "/consent", { answer: "refused" })).status).toBe(409);
    });

    it("keeps a thread, sessions, offers and documents between the parties and the mediator", async () => {
      expect((await act(zhangsan, "/messages", { body: "希望对方退款。" })).status).toBe(201);
      expect((await act(mediator, "/messages", { body: "请双方提出方案。" })).status).toBe(201);
      expect((await act(clerk, "/messages", { body: "x" })).status).toBe(403);
      expect((await act(stranger, "/messages", { body: "x" })).status).toBe(404);
      expect((await act(zhangsan, "/messages", { body: "" })).status).toBe(400);

      const future = "2026-03-05T10:00:00+08:00";
      expect((await act(zhangsan, "/sessions", { startsAt: future })).status).toBe(403);
      expect((await act(mediator, "/sessions", { startsAt: "2026-03-01T10:00:00+08:00" })).status).toBe(400);
      const session = await act(mediator, "/sessions", {
        startsAt: future,
        videoUrl: "https://meet.example.org/room/1",
        note: "视频调解",
      });
      expect(session.status, JSON.stringify(session.body)).toBe(201);
      expect(session.body.sessions).toHaveLength(1);

      const offer = await act(zhangsan, "/offers", { amount: 5000, terms: "三日内退款" });
      expect(offer.status, JSON.stringify(offer.body)).toBe(201);
      const offerId = offer.body.offers[0]!.id;
      expect((await act(mediator, "/offers", { amount: 1 })).status).toBe(403);
      const own = await zhangsan.post<{ error: string }>(
        `/api/mediations/${mediationId}/offers/${offerId}/accept`,
      );
      expect(own.status).toBe(409);
      expect(own.body.error).toBe("mediation_offer_own_side");
      expect((await lisi.get<TMediationView>(`/api/mediations/${mediationId}`)).body.actions).toContain(
        "answer_offer",
      );
      const counter = await act(lisi, "/offers", {
        amount: 3000.5,
        terms: "退一半",
        answersOfferId: offerId,
      });
      expect(counter.status, JSON.stringify(counter.body)).toBe(201);
      expect(counter.body.offers.map((o) => [o.amount, o.status])).toEqual([
        [5000, "countered"],
        [3000.5, "open"],
      ]);
      const counterId = counter.body.offers[1]!.id;
      expect((await lisi.post(`/api/mediations/${mediationId}/offers/${offerId}/accept`)).status).toBe(409);
      expect((await stranger.post(`/api/mediations/${mediationId}/offers/${counterId}/reject`)).status).toBe(
        404,
      );
      const rejected = await zhangsan.post<TMediationView>(
        `/api/mediations/${mediationId}/offers/${counterId}/reject`,
      );
      expect(rejected.status).toBe(200);
      expect(rejected.body.offers[1]!.status).toBe("rejected");

      const upload = await lisi.upload<TMediationView>(
        `/api/mediations/${mediationId}/documents`,
        { name: "退款记录.png", content: PNG },
        { title: "退款记录" },
      );
      expect(upload.status, JSON.stringify(upload.body)).toBe(201);
      const document = upload.body.documents[0]!;
      expect(document.title).toBe("退款记录");
      expect(
        (await stranger.upload(`/api/mediations/${mediationId}/documents`, { name: "a.png", content: PNG }))
          .status,
      ).toBe(404);
      const content = `/api/mediations/${mediationId}/documents/${document.id}/content`;
      expect((await zhangsan.get(content)).status).toBe(200);
      expect((await clerk.get(content)).status).toBe(404);
      expect((await stranger.get(content)).status).toBe(404);

      // 在线调解规则第十八条: the court's staff see the course of the mediation, not what was conceded.
      const seenByClerk = (await workspace(clerk)).body;
      expect(seenByClerk.messages).toEqual([]);
      expect(seenByClerk.offers).toEqual([]);
      expect(seenByClerk.documents).toEqual([]);
      expect(seenByClerk.sessions).toHaveLength(1);
      const seenByParty = (await workspace(zhangsan)).body;
      expect(seenByParty.messages.map((m) => m.body)).toEqual(["希望对方退款。", "请双方提出方案。"]);
      expect(await courtEvents(caseId)).toEqual(
        expect.arrayContaining(["mediation_accepted", "mediation_session_scheduled", "mediation_offer"]),
      );
    });

    it("keeps every route of the workspace from those who have no part in it", async () => {
      const offerId = (await workspace(zhangsan)).body.offers[0]!.id;
      const routes: Array<[string, unknown]> = [
        ["/mediator", { mediatorId: registered.id }],
        ["/accept", {}],
        ["/decline", { reason: "x" }],
        ["/consent", { answer: "refused" }],
        ["/messages", { body: "x" }],
        ["/sessions", { startsAt: "2026-03-20T10:00:00+08:00" }],
        ["/offers", { amount: 1 }],
        [`/offers/${offerId}/accept`, {}],
        [`/offers/${offerId}/reject`, {}],
        ["/extensions", { days: 3 }],
        ["/extensions/answer", { answer: "refused" }],
        ["/failure", { reason: "x" }],
        ["/withdraw", {}],
        ["/refer-to-filing", {}],
      ];
      const before = (await workspace(zhangsan)).body;
      for (const [path, body] of routes) {
        for (const [who, client, status] of [
          ["a mediator not assigned", otherMediator, 404],
          ["a clerk of another court", otherClerk, 404],
          ["a stranger", stranger, 404],
          ["nobody signed in", anonymous, 401],
        ] as const) {
          expect((await act(client, path, body)).status, `${path} by ${who}`).toBe(status);
        }
      }
      // What the court's staff may not do in the parties' place is forbidden, not hidden.
      for (const [path, body] of [
        ["/messages", { body: "x" }],
        ["/offers", { amount: 1 }],
        ["/extensions", { days: 3 }],
        ["/failure", { reason: "x" }],
        ["/accept", {}],
      ] as const) {
        expect((await act(clerk, path, body)).status, path).toBe(403);
      }
      expect((await workspace(zhangsan)).body).toEqual(before);
    });

    it("extends the period when every other party agrees", async () => {
      expect((await act(mediator, "/extensions", { days: 10 })).status).toBe(403);
      const proposed = await act(zhangsan, "/extensions", { days: 10 });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      expect((await act(zhangsan, "/extensions", { days: 5 })).status).toBe(409);
      expect((await act(zhangsan, "/extensions/answer", { answer: "agreed" })).status).toBe(409);
      expect((await workspace(lisi)).body.actions).toContain("answer_extension");
      const agreed = await act(lisi, "/extensions/answer", { answer: "agreed" });
      expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
      // 40 days from 2 March end on Saturday 11 April, so on Monday 13 April (民事诉讼法第八十五条).
      expect(agreed.body.periodEndsOn).toBe("2026-04-13");
      expect(await courtEvents(caseId)).toContain("mediation_period_extended");
    });

    it("ends the mediation when the period lapses, and the applicant then files without retyping", async () => {
      app.clock.set("2026-04-13T23:00:00+08:00");
      await app.jobs.runDue();
      await signInEveryone();
      expect((await workspace(zhangsan)).body.status).toBe("in_progress");
      app.clock.set("2026-04-14T08:00:00+08:00");
      await app.jobs.runDue();
      await signInEveryone();
      const lapsed = (await workspace(zhangsan)).body;
      expect(lapsed.status).toBe("ended");
      expect(lapsed.outcome).toBe("lapsed");
      expect(lapsed.actions).toContain("refer_to_filing");
      expect((await act(lisi, "/refer-to-filing")).status).toBe(403);
      expect((await act(mediator, "/refer-to-filing")).status).toBe(403);
      const referred = await act(zhangsan, "/refer-to-filing");
      expect(referred.status, JSON.stringify(referred.body)).toBe(200);
      expect(referred.body.status).toBe("referred");
      expect(referred.body.recordIssueId).not.toBeNull();
      const caseRow = await app.context.db
        .selectFrom("cases")
        .select(["status", "review_due_on", "mediator_id"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
      expect(caseRow.status).toBe("under_review");
      // 民事诉讼法第一百二十六条: 7 days from the referral on 14 April.
      expect(caseRow.review_due_on).toBe("2026-04-21");
      expect(caseRow.mediator_id).toBeNull();
      const documents = await app.context.db
        .selectFrom("case_documents")
        .select(["kind", "locale", "model"])
        .where("case_id", "=", caseId)
        .where("kind", "=", "mediation_record")
        .execute();
      expect(documents.map((d) => d.locale).sort()).toEqual(["en", "zh-CN"]);
      const zhText = JSON.stringify(documents.find((d) => d.locale === "zh-CN")!.model);
      expect(zhText).toContain("调解员甲");
      expect(zhText).toContain("第二十五条第六项");
      expect(zhText).not.toContain("330106");
      expect(await courtEvents(caseId)).toEqual(
        expect.arrayContaining(["mediation_lapsed", "mediation_referred"]),
      );
      expect((await act(zhangsan, "/refer-to-filing")).status).toBe(409);
    });
  });

  describe("mediation offered by the court at review", () => {
    let caseId: string;
    let reviewDueOn: string;

    it("offers mediation of a submitted filing; declining keeps the review and its clock", async () => {
      app.clock.set("2026-05-06T09:00:00+08:00");
      await signInEveryone();
      caseId = await draftDispute({ withEvidence: true });
      const submitted = await zhangsan.post<{ reviewDueOn: string }>(`/api/filings/${caseId}/submit`);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      reviewDueOn = submitted.body.reviewDueOn;
      await linkRespondent(caseId);
      expect((await zhangsan.post(`/api/filings/${caseId}/mediation-offer`)).status).toBe(403);
      expect((await otherClerk.post(`/api/filings/${caseId}/mediation-offer`)).status).toBe(404);
      expect((await stranger.post(`/api/filings/${caseId}/mediation-offer`)).status).toBe(404);
      const offered = await clerk.post<{ mediationId: string }>(`/api/filings/${caseId}/mediation-offer`, {
        note: "本案适宜调解",
      });
      expect(offered.status, JSON.stringify(offered.body)).toBe(201);
      expect((await clerk.post(`/api/filings/${caseId}/mediation-offer`)).status).toBe(409);
      expect((await clerk.post(`/api/filings/${caseId}/mediation-offer/decline`)).status).toBe(403);
      expect((await lisi.post(`/api/filings/${caseId}/mediation-offer/consent`)).status).toBe(403);
      const declined = await zhangsan.post<{ status: string }>(
        `/api/filings/${caseId}/mediation-offer/decline`,
      );
      expect(declined.body.status).toBe("declined");
      const row = await app.context.db
        .selectFrom("cases")
        .select(["status", "review_due_on"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "under_review", review_due_on: reviewDueOn });
      expect((await zhangsan.post(`/api/filings/${caseId}/mediation-offer/consent`)).status).toBe(409);
    });

    it("on consent mediates, and on failure goes straight back to review from the original submission", async () => {
      const offered = await clerk.post<{ mediationId: string }>(`/api/filings/${caseId}/mediation-offer`);
      expect(offered.status).toBe(201);
      const mediationId = offered.body.mediationId;
      const consented = await zhangsan.post<{ status: string }>(
        `/api/filings/${caseId}/mediation-offer/consent`,
      );
      expect(consented.status, JSON.stringify(consented.body)).toBe(200);
      expect(consented.body.status).toBe("awaiting_mediator");
      expect(
        (await clerk.post(`/api/mediations/${mediationId}/mediator`, { mediatorId: registered.id })).status,
      ).toBe(200);
      // 在线调解规则第十二条: the mediator may decline with reasons; the court appoints again.
      expect(
        (await otherMediator.post(`/api/mediations/${mediationId}/decline`, { reason: "x" })).status,
      ).toBe(404);
      const declined = await mediator.post<{ status: string }>(`/api/mediations/${mediationId}/decline`, {
        reason: "与当事人存在利害关系",
      });
      expect(declined.status, JSON.stringify(declined.body)).toBe(200);
      expect(declined.body.status).toBe("awaiting_mediator");
      expect((await clerk.get<TMediationView>(`/api/mediations/${mediationId}`)).body.status).toBe(
        "awaiting_mediator",
      );
      expect((await mediator.get(`/api/mediations/${mediationId}`)).status).toBe(404);
      expect(
        (await clerk.post(`/api/mediations/${mediationId}/mediator`, { mediatorId: registered.id })).status,
      ).toBe(200);
      expect((await mediator.post(`/api/mediations/${mediationId}/accept`)).status).toBe(200);
      expect((await zhangsan.post(`/api/mediations/${mediationId}/failure`, { reason: "x" })).status).toBe(
        403,
      );
      const failed = await mediator.post<TMediationView>(`/api/mediations/${mediationId}/failure`, {
        reason: "双方分歧较大，难以达成调解协议。",
      });
      expect(failed.status, JSON.stringify(failed.body)).toBe(200);
      expect(failed.body.status).toBe("referred");
      expect(failed.body.outcome).toBe("failed");
      const row = await app.context.db
        .selectFrom("cases")
        .select(["status", "review_due_on"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "under_review", review_due_on: reviewDueOn });
      expect(await courtEvents(caseId)).toEqual(
        expect.arrayContaining([
          "mediation_offered",
          "mediation_declined",
          "mediator_declined",
          "mediation_failed",
          "mediation_referred",
        ]),
      );
    });
  });

  describe("other endings", () => {
    it("ends the mediation when the other side refuses, and lets the applicant withdraw", async () => {
      app.clock.set("2026-06-01T09:00:00+08:00");
      await signInEveryone();
      const refusedCase = await draftDispute();
      const applied = await zhangsan.post<{ mediationId: string; acceptanceDueOn: string }>(
        `/api/filings/${refusedCase}/mediation`,
        { mediatorId: registered.id },
      );
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      expect(applied.body.acceptanceDueOn).toBe("2026-06-04");
      await linkRespondent(refusedCase);
      const id = applied.body.mediationId;
      const refused = await lisi.post<TMediationView>(`/api/mediations/${id}/consent`, { answer: "refused" });
      expect(refused.status, JSON.stringify(refused.body)).toBe(200);
      expect(refused.body.status).toBe("ended");
      expect(refused.body.outcome).toBe("refused_by_other_side");

      const withdrawnCase = await draftDispute();
      const other = await zhangsan.post<{ mediationId: string }>(`/api/filings/${withdrawnCase}/mediation`);
      await linkRespondent(withdrawnCase);
      expect((await lisi.post(`/api/mediations/${other.body.mediationId}/withdraw`)).status).toBe(403);
      const withdrawn = await zhangsan.post<TMediationView>(
        `/api/mediations/${other.body.mediationId}/withdraw`,
        {
          reason: "已自行和解",
        },
      );
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
      expect(withdrawn.body.outcome).toBe("withdrawn");
      expect(
        (await zhangsan.post(`/api/mediations/${other.body.mediationId}/messages`, { body: "x" })).status,
      ).toBe(409);
    });
  });

  // 民事诉讼法第一百二十五条; 诉讼费用交纳办法第二十条、第二十二条: no fee runs while the dispute is mediated
  // before filing; a referral to filing notifies the fee anew (在线调解规则第二十一条第一项).
  describe("the case fee around mediation", () => {
    const feeOrders = (caseId: string) =>
      app.context.db
        .selectFrom("fee_orders")
        .select(["id", "status", "due_at"])
        .where("case_id", "=", caseId)
        .orderBy("created_at")
        .execute();
    const deadlines = (caseId: string, kind: string) =>
      app.context.db
        .selectFrom("case_deadlines")
        .select(["status", "due_at"])
        .where("case_id", "=", caseId)
        .where("kind", "=", kind)
        .orderBy("created_at")
        .execute();
    const caseRow = (caseId: string) =>
      app.context.db
        .selectFrom("cases")
        .select(["status", "query_code", "review_due_on", "fee_fen"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();

    it("cancels the fee order and its deadline job when the filer consents, and notifies it anew at referral", async () => {
      app.clock.set("2026-07-01T09:00:00+08:00");
      await signInEveryone();
      const caseId = await draftDispute();
      const submitted = await zhangsan.post(`/api/filings/${caseId}/submit`);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      const before = await caseRow(caseId);
      await linkRespondent(caseId);
      const offered = await clerk.post<{ mediationId: string }>(`/api/filings/${caseId}/mediation-offer`);
      expect(offered.status).toBe(201);
      expect((await zhangsan.post(`/api/filings/${caseId}/mediation-offer/consent`)).status).toBe(200);
      expect((await feeOrders(caseId)).map((o) => o.status)).toEqual(["cancelled"]);
      expect((await deadlines(caseId, "fee_payment")).map((d) => d.status)).toEqual(["cancelled"]);
      const jobs = (
        await app.context.db
          .selectFrom("jobs")
          .select(["status", "payload"])
          .where("kind", "=", "filing.fee_deadline")
          .execute()
      ).filter((j) => JSON.stringify(j.payload).includes(caseId));
      expect(jobs.map((j) => j.status)).toEqual(["cancelled"]);
      // Nothing to pay while mediating.
      expect((await zhangsan.post(`/api/filings/${caseId}/payment`)).status).toBe(409);

      // Past the old due date the dispute is still being mediated, not treated as withdrawn.
      const oldDue = (await feeOrders(caseId))[0]!.due_at;
      app.clock.set(new Date(oldDue.getTime() + 60_000));
      await app.jobs.runDue();
      await signInEveryone();
      expect((await caseRow(caseId)).status).toBe("mediation");

      const mediationId = offered.body.mediationId;
      expect(
        (await clerk.post(`/api/mediations/${mediationId}/mediator`, { mediatorId: registered.id })).status,
      ).toBe(200);
      expect((await mediator.post(`/api/mediations/${mediationId}/accept`)).status).toBe(200);
      const failed = await mediator.post<TMediationView>(`/api/mediations/${mediationId}/failure`, {
        reason: "双方分歧较大。",
      });
      expect(failed.body.status).toBe("referred");
      const after = await caseRow(caseId);
      // The review keeps the original submission day and the query code stays; the fee runs from referral.
      expect(after).toMatchObject({
        status: "under_review",
        query_code: before.query_code,
        review_due_on: before.review_due_on,
      });
      const orders = await feeOrders(caseId);
      expect(orders.map((o) => o.status)).toEqual(["cancelled", "pending"]);
      expect(orders[1]!.due_at.getTime()).toBeGreaterThan(app.clock.now().getTime());
      expect((await deadlines(caseId, "fee_payment")).map((d) => d.status)).toEqual(["cancelled", "open"]);
      expect((await stranger.post(`/api/filings/${caseId}/payment`)).status).toBe(404);
      const pay = await zhangsan.post<{ orderId: string }>(`/api/filings/${caseId}/payment`);
      expect(pay.status, JSON.stringify(pay.body)).toBe(200);
      expect(pay.body.orderId).toBe(orders[1]!.id);
    });

    it("gives a dispute referred after a failed application a fee order, a query code and a review deadline", async () => {
      app.clock.set("2026-08-03T09:00:00+08:00");
      await signInEveryone();
      const caseId = await draftDispute();
      const applied = await zhangsan.post<{ mediationId: string }>(`/api/filings/${caseId}/mediation`, {
        mediatorId: registered.id,
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      await linkRespondent(caseId);
      const id = applied.body.mediationId;
      expect((await lisi.post(`/api/mediations/${id}/consent`, { answer: "refused" })).status).toBe(200);
      expect(await feeOrders(caseId)).toEqual([]);
      expect((await lisi.post(`/api/mediations/${id}/refer-to-filing`)).status).toBe(403);
      const referred = await zhangsan.post<TMediationView>(`/api/mediations/${id}/refer-to-filing`);
      expect(referred.status, JSON.stringify(referred.body)).toBe(200);
      const row = await caseRow(caseId);
      expect(row.status).toBe("under_review");
      expect(row.query_code).not.toBeNull();
      expect(row.fee_fen).toBeGreaterThan(0);
      // 民事诉讼法第一百二十六条: 7 days from the referral on 3 August.
      expect(row.review_due_on).toBe("2026-08-10");
      expect((await deadlines(caseId, "registration_review")).map((d) => d.status)).toEqual(["open"]);
      const orders = await feeOrders(caseId);
      expect(orders.map((o) => o.status)).toEqual(["pending"]);
      expect((await deadlines(caseId, "fee_payment")).map((d) => d.status)).toEqual(["open"]);
      const complaints = await app.context.db
        .selectFrom("case_documents")
        .select("locale")
        .where("case_id", "=", caseId)
        .where("kind", "=", "complaint")
        .execute();
      expect(complaints.map((d) => d.locale).sort()).toEqual(["en", "zh-CN"]);
      const inbox = await app.context.db
        .selectFrom("inbox_messages")
        .select("kind")
        .where("case_id", "=", caseId)
        .where("recipient_id", "=", userId("zhangsan@netcourt.demo"))
        .execute();
      expect(inbox.map((m) => m.kind)).toContain("filing_submitted");
      expect(await courtEvents(caseId)).toEqual(
        expect.arrayContaining(["mediation_referred", "filing_submitted"]),
      );
      expect((await lisi.post(`/api/filings/${caseId}/payment`)).status).toBe(403);
      const pay = await zhangsan.post<{ orderId: string }>(`/api/filings/${caseId}/payment`);
      expect(pay.status, JSON.stringify(pay.body)).toBe(200);
      expect(pay.body.orderId).toBe(orders[0]!.id);
    });
  });
});
