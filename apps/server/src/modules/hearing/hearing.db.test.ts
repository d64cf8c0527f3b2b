import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedCase,
  seedDemo,
  shoppingComplaint,
  signIn,
  withDefendantAndLawyer,
} from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { enqueueJob } from "../../platform";
import { hearingReminderJobKind } from "./hearing.job-kinds";
import type { THearing } from "./hearing.schemas";

type ErrorBody = { error: string; details: Array<{ code: string; params?: Record<string, unknown> }> };

// 民事诉讼法第一百三十七条、第一百三十九条、第一百四十九条: the judge fixes the hearing, the summons is served three
// full days ahead, public hearings are announced, and the court adjourns with a ground and reasons.
describe.each(testDatabaseKinds())("hearings on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient; // the clerk named for the hearings
  let otherClerk: TestClient; // a clerk of the court, not named
  let admin: TestClient;
  let stranger: TestClient;
  let anonymous: TestClient;
  let judgeA: TestClient;
  let judgeB: TestClient;
  let judgeAId: string;
  let judgeBId: string;
  let room1: string;
  let onlineRoom: string;
  let caseA: string;
  let caseB: string;
  let caseC: string;

  const userId = (login: string) => accounts.get(login)!.userId;
  const judges = () => [...accounts.values()].filter((a) => a.role === "judge" && a.courtCode === "浙0192");

  async function registeredCase(): Promise<string> {
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    // The defendant company is linked to 李四's account, with 王律师 as its agent.
    await withDefendantAndLawyer(app, caseId, {
      defendantUserId: userId("lisi@netcourt.demo"),
      lawyerUserId: userId("wanglawyer@netcourt.demo"),
    });
    return caseId;
  }

  async function assignJudge(caseId: string, judgeId: string): Promise<void> {
    await app.context.db.updateTable("cases").set({ judge_id: judgeId }).where("id", "=", caseId).execute();
  }

  function sitting(overrides: Record<string, unknown> = {}) {
    return {
      mode: "online",
      startsAt: "2026-03-10T09:30:00+08:00",
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
      ...overrides,
    };
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "hzhlw.clerk2@netcourt.demo");
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    stranger = await signIn(app, "yunqi@netcourt.demo");
    anonymous = new TestClient(app);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    [judgeAId, judgeBId] = judges().map((j) => j.userId) as [string, string];
    judgeA = await signIn(app, judges().find((j) => j.userId === judgeAId)!.login);
    judgeB = await signIn(app, judges().find((j) => j.userId === judgeBId)!.login);

    const physical = await admin.post<{ id: string }>(`/api/courts/${courtId}/courtrooms`, {
      code: "T1",
      nameZh: "第一法庭",
      nameEn: "Courtroom 1",
      kind: "physical",
      locationZh: "审判楼三层",
      locationEn: "Third floor",
    });
    expect(physical.status, JSON.stringify(physical.body)).toBe(201);
    room1 = physical.body.id;
    const online = await admin.post<{ id: string }>(`/api/courts/${courtId}/courtrooms`, {
      code: "OL1",
      nameZh: "在线法庭一",
      nameEn: "Online Courtroom 1",
      kind: "online",
    });
    onlineRoom = online.body.id;

    caseA = await registeredCase();
    caseB = await registeredCase();
    caseC = await registeredCase();
    await assignJudge(caseA, judgeAId);
    await assignJudge(caseB, judgeAId);
    await assignJudge(caseC, judgeBId);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("the courtroom register", () => {
    it("is kept by the court's administrator only and refuses a code twice", async () => {
      expect(
        (
          await clerk.post(`/api/courts/${courtId}/courtrooms`, {
            code: "T9",
            nameZh: "第九法庭",
            nameEn: "Courtroom 9",
            kind: "physical",
          })
        ).status,
      ).toBe(403);
      const twice = await admin.post<ErrorBody>(`/api/courts/${courtId}/courtrooms`, {
        code: "T1",
        nameZh: "第一法庭",
        nameEn: "Courtroom 1",
        kind: "physical",
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe("courtroom_code_taken");
      const listed = await anonymous.get<{ items: Array<{ code: string }> }>(
        `/api/courts/${courtId}/courtrooms`,
      );
      expect(listed.body.items.map((r) => r.code)).toEqual(["OL1", "T1"]);
    });
  });

  describe("scheduling", () => {
    it("lets only the judge in charge fix a hearing", async () => {
      const url = `/api/cases/${caseA}/hearings`;
      expect((await clerk.post<ErrorBody>(url, sitting())).status).toBe(403);
      expect((await zhangsan.post<ErrorBody>(url, sitting())).status).toBe(403);
      expect((await lawyer.post<ErrorBody>(url, sitting())).status).toBe(403);
      // A judge of another case does not see this one.
      const other = await judgeB.post<ErrorBody>(url, sitting());
      expect(other.status).toBe(404);
      expect(other.body.error).toBe("case_not_found");
      expect((await anonymous.post(url, sitting())).status).toBe(401);
    });

    it("refuses a sitting less than three full days after the summons can be served", async () => {
      const early = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ startsAt: "2026-03-05T14:00:00+08:00" }),
      );
      expect(early.status).toBe(422);
      expect(early.body.error).toBe("hearing_summons_too_late");
      expect(early.body.details[0]!.params).toMatchObject({ earliestDay: "2026-03-06" });
      const past = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ startsAt: "2026-03-01T14:00:00+08:00" }),
      );
      expect(past.body.error).toBe("validation_failed");
    });

    it("refuses a private hearing without a reason, and a courtroom of an Internet court without why", async () => {
      const privateWithout = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ isPublic: false }),
      );
      expect(privateWithout.status).toBe(422);
      expect(privateWithout.body).toMatchObject({
        error: "hearing_publicity_invalid",
        details: [{ code: "reason_required" }],
      });
      const divorce = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ isPublic: false, notPublicReason: "divorce_on_request", partyRequested: true }),
      );
      expect(divorce.body.details[0]!.code).toBe("not_a_divorce_case");
      const offline = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ mode: "courtroom", courtroomId: room1 }),
      );
      expect(offline.status).toBe(422);
      expect(offline.body).toMatchObject({
        error: "hearing_mode_invalid",
        details: [{ code: "offline_reason_required" }],
      });
      const noRoom = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ mode: "courtroom", offlineReason: "original_documents" }),
      );
      expect(noRoom.body.details[0]!.code).toBe("courtroom_required");
      const notClerk = await judgeA.post<ErrorBody>(
        `/api/cases/${caseA}/hearings`,
        sitting({ clerkId: judgeBId }),
      );
      expect(notClerk.body.error).toBe("hearing_clerk_invalid");
      const count = await app.context.db
        .selectFrom("hearings")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it("fixes an online hearing, serves the summons on every party and agent, and announces it", async () => {
      const created = await judgeA.post<THearing>(
        `/api/cases/${caseA}/hearings`,
        sitting({ courtroomId: onlineRoom }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        mode: "online",
        status: "scheduled",
        sitting: 1,
        isPublic: true,
        durationMinutes: 60,
        endsAt: new Date("2026-03-10T10:30:00+08:00").toISOString(),
        courtroom: { nameZh: "在线法庭一", kind: "online" },
        clerk: { userId: userId("hzhlw.clerk1@netcourt.demo") },
        actions: { canReschedule: true, canAdjourn: true, canCancel: true },
      });
      const db = app.context.db;
      expect(
        (await db.selectFrom("cases").select("status").where("id", "=", caseA).executeTakeFirstOrThrow())
          .status,
      ).toBe("hearing");
      // 民诉法解释第二百二十七条: a summons for each party, served on the party and its agent.
      const services = await db
        .selectFrom("service_records")
        .select(["recipient_name", "recipient_role", "recipient_user_id", "kind", "document_issue_id"])
        .where("case_id", "=", caseA)
        .where("kind", "=", "summons")
        .execute();
      expect(services.map((s) => s.recipient_name).sort()).toEqual(
        ["张三", "杭州某某电子商务有限公司", "王律师"].sort(),
      );
      expect(services.find((s) => s.recipient_name === "王律师")!.recipient_role).toBe("agent");
      const documents = await db
        .selectFrom("case_documents")
        .select(["kind", "locale", "title", "docx_sha256"])
        .where("case_id", "=", caseA)
        .where("kind", "=", "summons")
        .execute();
      expect(documents).toHaveLength(4);
      expect(documents.every((d) => d.docx_sha256 !== null)).toBe(true);
      expect(documents.find((d) => d.locale === "zh-CN")!.title).toBe("传票");
      expect(created.body.summonses).toHaveLength(3);
      // 民事诉讼法第一百三十九条: each summons shows whether it reached its addressee three days ahead.
      expect(created.body.summonses.every((s) => s.notice === "in_time" || s.notice === "pending")).toBe(
        true,
      );
      const late = created.body.summonses[0]!;
      const sittingAt = new Date(created.body.startsAt);
      // Signed for by post the day before the sitting: too late for it.
      await db
        .updateTable("service_records")
        .set({
          status: "served_by_post",
          served_how: "post",
          served_at: new Date(sittingAt.getTime() - 24 * 60 * 60 * 1000),
        })
        .where("id", "=", late.serviceId!)
        .execute();
      const reread = await judgeA.get<{ items: THearing[] }>(`/api/cases/${caseA}/hearings`);
      const lateNow = reread.body.items
        .find((h) => h.id === created.body.id)!
        .summonses.find((s) => s.id === late.id)!;
      expect(lateNow).toMatchObject({ notice: "late" });
      expect(lateNow.servedAt).not.toBeNull();
      const events = await db
        .selectFrom("ledger_court_events")
        .select("kind")
        .where("case_id", "=", caseA)
        .execute();
      expect(events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(["hearing_scheduled", "document_served", "document_issued"]),
      );
      const audit = await db
        .selectFrom("audit_events")
        .select("action")
        .where("subject_id", "=", created.body.id)
        .execute();
      expect(audit.map((a) => a.action)).toContain("hearing.scheduled");
      const inbox = await db
        .selectFrom("inbox_messages")
        .select("recipient_id")
        .where("case_id", "=", caseA)
        .where("kind", "=", "hearing_scheduled")
        .execute();
      expect(inbox.map((m) => m.recipient_id)).toEqual(
        expect.arrayContaining([
          userId("zhangsan@netcourt.demo"),
          userId("lisi@netcourt.demo"),
          userId("wanglawyer@netcourt.demo"),
        ]),
      );
      expect(inbox.map((m) => m.recipient_id)).not.toContain(judgeAId);
      const reminder = await db
        .selectFrom("jobs")
        .select(["run_at", "status"])
        .where("dedupe_key", "=", `hearing-reminder:${created.body.id}`)
        .executeTakeFirstOrThrow();
      expect(reminder.run_at.toISOString()).toBe(new Date("2026-03-09T09:30:00+08:00").toISOString());

      // 民事诉讼法第一百三十九条: announced with the natural person's name masked.
      const announced = await anonymous.get<{
        items: Array<{ hearingId: string; partiesZh: string; partiesEn: string; placeZh: string }>;
      }>(`/api/courts/${courtId}/hearing-announcements`);
      expect(announced.status).toBe(200);
      const entry = announced.body.items.find((a) => a.hearingId === created.body.id)!;
      expect(entry.partiesZh).toBe("原告：张某；被告：杭州某某电子商务有限公司");
      expect(JSON.stringify(announced.body)).not.toContain("张三");
      expect(entry.placeZh).toContain("在线庭审");
    });

    it("refuses a second open hearing's clash of the judge and the clerk, and allows back-to-back sittings", async () => {
      const clash = await judgeA.post<ErrorBody>(
        `/api/cases/${caseB}/hearings`,
        sitting({ startsAt: "2026-03-10T10:00:00+08:00" }),
      );
      expect(clash.status).toBe(409);
      expect(clash.body.error).toBe("hearing_conflict");
      expect(clash.body.details.map((d) => d.code)).toEqual(["judge_taken", "clerk_taken"]);
      const check = await judgeA.get<{
        conflicts: Array<{ kind: string }>;
        earliestDay: string;
        isTooEarly: boolean;
      }>(
        `/api/cases/${caseB}/hearings/availability?startsAt=${encodeURIComponent("2026-03-10T10:00:00+08:00")}&durationMinutes=60&clerkId=${userId("hzhlw.clerk1@netcourt.demo")}`,
      );
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ earliestDay: "2026-03-06", isTooEarly: false });
      expect(check.body.conflicts.map((c) => c.kind)).toEqual(["judge", "clerk"]);
      const next = await judgeA.post<THearing>(
        `/api/cases/${caseB}/hearings`,
        sitting({
          startsAt: "2026-03-10T10:30:00+08:00",
          mode: "courtroom",
          courtroomId: room1,
          offlineReason: "original_documents",
        }),
      );
      expect(next.status, JSON.stringify(next.body)).toBe(201);
      expect(next.body.offlineReason).toBe("original_documents");
    });

    it("refuses another judge's sitting in a courtroom already taken", async () => {
      const clash = await judgeB.post<ErrorBody>(
        `/api/cases/${caseC}/hearings`,
        sitting({
          startsAt: "2026-03-10T10:45:00+08:00",
          mode: "courtroom",
          courtroomId: room1,
          offlineReason: "physical_evidence",
          clerkId: null,
        }),
      );
      expect(clash.status).toBe(409);
      expect(clash.body.details.map((d) => d.code)).toEqual(["courtroom_taken"]);
      expect(JSON.stringify(clash.body)).not.toContain(caseB);
    });

    it("keeps a private hearing off the announcements and away from the public", async () => {
      const created = await judgeB.post<THearing>(
        `/api/cases/${caseC}/hearings`,
        sitting({
          startsAt: "2026-03-12T14:00:00+08:00",
          clerkId: null,
          isPublic: false,
          notPublicReason: "personal_privacy",
        }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.notPublicBasis).toBe("民事诉讼法第一百三十七条第一款");
      const announced = await anonymous.get<{ items: Array<{ hearingId: string }> }>(
        `/api/courts/${courtId}/hearing-announcements`,
      );
      expect(announced.body.items.map((a) => a.hearingId)).not.toContain(created.body.id);
      expect((await anonymous.get(`/api/hearings/${created.body.id}`)).status).toBe(401);
      expect((await stranger.get<ErrorBody>(`/api/hearings/${created.body.id}`)).body.error).toBe(
        "hearing_not_found",
      );
      expect((await judgeA.get<ErrorBody>(`/api/hearings/${created.body.id}`)).status).toBe(404);
    });
  });

  describe("reading", () => {
    it("shows the parties their hearing with their own summons, and nobody else's case", async () => {
      const mine = await zhangsan.get<{ items: THearing[]; canSchedule: boolean }>(
        `/api/cases/${caseA}/hearings`,
      );
      expect(mine.status).toBe(200);
      expect(mine.body.canSchedule).toBe(false);
      const [hearing] = mine.body.items;
      expect(hearing!.actions).toEqual({ canReschedule: false, canAdjourn: false, canCancel: false });
      const own = hearing!.summonses.filter((s) => s.isMine);
      expect(own).toHaveLength(1);
      expect(own[0]!.serviceId).not.toBeNull();
      expect(hearing!.summonses.filter((s) => !s.isMine).every((s) => s.serviceId === null)).toBe(true);
      // The summons opens from the service record: both language versions of the 传票.
      const served = await zhangsan.get<{ documents: Array<{ title: string }> }>(
        `/api/served/${own[0]!.serviceId}`,
      );
      expect(served.status).toBe(200);
      expect(served.body.documents.map((d) => d.title)).toEqual(expect.arrayContaining(["传票", "Summons"]));
      expect((await lisi.get(`/api/hearings/${hearing!.id}`)).status).toBe(200);
      expect((await lawyer.get(`/api/hearings/${hearing!.id}`)).status).toBe(200);
      // A party of another case, a judge of another case.
      expect((await stranger.get<ErrorBody>(`/api/cases/${caseA}/hearings`)).body.error).toBe(
        "case_not_found",
      );
      expect((await stranger.get<ErrorBody>(`/api/hearings/${hearing!.id}`)).body.error).toBe(
        "hearing_not_found",
      );
      expect((await judgeB.get(`/api/hearings/${hearing!.id}`)).status).toBe(404);
      expect(
        (
          await zhangsan.get(
            `/api/cases/${caseA}/hearings/availability?startsAt=${encodeURIComponent("2026-03-20T09:00:00+08:00")}&durationMinutes=60`,
          )
        ).status,
      ).toBe(403);
    });

    it("gives the court's staff the calendar, naming only the cases each may see", async () => {
      const url = `/api/courts/${courtId}/hearings?from=2026-03-09&days=7`;
      type Calendar = {
        items: Array<{
          id: string;
          caseNumber: string | null;
          judge: { userId: string };
          courtroom: { nameZh: string } | null;
        }>;
      };
      const forClerk = await otherClerk.get<Calendar>(url);
      expect(forClerk.status).toBe(200);
      expect(forClerk.body.items).toHaveLength(3);
      expect(forClerk.body.items.every((i) => i.caseNumber !== null)).toBe(true);
      const forJudgeB = await judgeB.get<Calendar>(url);
      expect(
        forJudgeB.body.items.filter((i) => i.caseNumber !== null).every((i) => i.judge.userId === judgeBId),
      ).toBe(true);
      expect(
        forJudgeB.body.items.filter((i) => i.judge.userId === judgeAId).every((i) => i.caseNumber === null),
      ).toBe(true);
      expect((await zhangsan.get(url)).status).toBe(403);
      expect((await anonymous.get(url)).status).toBe(401);
      const resources = await judgeA.get<{
        clerks: Array<{ userId: string }>;
        courtrooms: Array<{ id: string }>;
      }>(`/api/courts/${courtId}/hearing-resources`);
      expect(resources.body.clerks.map((c) => c.userId)).toContain(userId("hzhlw.clerk1@netcourt.demo"));
      expect(resources.body.courtrooms.map((r) => r.id)).toEqual(expect.arrayContaining([room1, onlineRoom]));
      expect((await lisi.get(`/api/courts/${courtId}/hearing-resources`)).status).toBe(403);
    });
  });

  describe("rescheduling, adjourning and calling off", () => {
    async function hearingOf(caseId: string): Promise<THearing> {
      return (await judgeA.get<{ items: THearing[] }>(`/api/cases/${caseId}/hearings`)).body.items[0]!;
    }

    it("lets the hearing's clerk move the sitting with a new summons, but not another clerk or a party", async () => {
      const hearing = await hearingOf(caseA);
      const body = { startsAt: "2026-03-11T09:30:00+08:00", reason: "法官另有公务" };
      expect((await otherClerk.post(`/api/hearings/${hearing.id}/reschedule`, body)).status).toBe(403);
      expect((await zhangsan.post(`/api/hearings/${hearing.id}/reschedule`, body)).status).toBe(403);
      const early = await clerk.post<ErrorBody>(`/api/hearings/${hearing.id}/reschedule`, {
        ...body,
        startsAt: "2026-03-04T09:30:00+08:00",
      });
      expect(early.body.error).toBe("hearing_summons_too_late");
      const moved = await clerk.post<THearing>(`/api/hearings/${hearing.id}/reschedule`, body);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.startsAt).toBe(new Date(body.startsAt).toISOString());
      expect(moved.body.summonses.filter((s) => s.isCurrent)).toHaveLength(3);
      expect(moved.body.summonses.filter((s) => !s.isCurrent)).toHaveLength(3);
      const services = await app.context.db
        .selectFrom("service_records")
        .select("id")
        .where("case_id", "=", caseA)
        .where("kind", "=", "summons")
        .execute();
      expect(services).toHaveLength(6);
      const job = await app.context.db
        .selectFrom("jobs")
        .select("run_at")
        .where("dedupe_key", "=", `hearing-reminder:${hearing.id}`)
        .executeTakeFirstOrThrow();
      expect(job.run_at.toISOString()).toBe(new Date("2026-03-10T09:30:00+08:00").toISOString());
    });

    it("lets only the judge adjourn, with a ground, and withdraws the announcement until a new date", async () => {
      const hearing = await hearingOf(caseA);
      const body = { ground: "further_evidence", reason: "需要调取新的证据" };
      expect((await clerk.post(`/api/hearings/${hearing.id}/adjourn`, body)).status).toBe(403);
      expect((await lisi.post(`/api/hearings/${hearing.id}/adjourn`, body)).status).toBe(403);
      expect(
        (await judgeA.post<ErrorBody>(`/api/hearings/${hearing.id}/adjourn`, { ...body, ground: "whim" }))
          .status,
      ).toBe(400);
      const adjourned = await judgeA.post<THearing>(`/api/hearings/${hearing.id}/adjourn`, body);
      expect(adjourned.status, JSON.stringify(adjourned.body)).toBe(200);
      expect(adjourned.body.status).toBe("adjourned");
      expect(adjourned.body.adjournments).toEqual([
        expect.objectContaining({
          ground: "further_evidence",
          basis: "民事诉讼法第一百四十九条第三项",
          newStartsAt: null,
        }),
      ]);
      const again = await judgeA.post<ErrorBody>(`/api/hearings/${hearing.id}/adjourn`, body);
      expect(again.status).toBe(409);
      expect(again.body.error).toBe("hearing_status_conflict");
      const announced = await anonymous.get<{ items: Array<{ hearingId: string }> }>(
        `/api/courts/${courtId}/hearing-announcements`,
      );
      expect(announced.body.items.map((a) => a.hearingId)).not.toContain(hearing.id);
      const job = await app.context.db
        .selectFrom("jobs")
        .select("status")
        .where("kind", "=", "hearing.reminder")
        .where(sql<string>`payload->>'hearingId'`, "=", hearing.id)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(job.status).toBe("cancelled");
      const inbox = await app.context.db
        .selectFrom("inbox_messages")
        .select("params")
        .where("case_id", "=", caseA)
        .where("kind", "=", "hearing_adjourned")
        .execute();
      expect(inbox.length).toBeGreaterThan(0);
      // The new date comes by rescheduling, with a new summons and the announcement back.
      const dated = await judgeA.post<THearing>(`/api/hearings/${hearing.id}/reschedule`, {
        startsAt: "2026-03-16T09:30:00+08:00",
        reason: "证据已调取",
      });
      expect(dated.body.status).toBe("scheduled");
      const back = await anonymous.get<{ items: Array<{ hearingId: string }> }>(
        `/api/courts/${courtId}/hearing-announcements`,
      );
      expect(back.body.items.map((a) => a.hearingId)).toContain(hearing.id);
    });

    it("adjourns to a new date in one act when the judge fixes it at once", async () => {
      const hearing = await hearingOf(caseB);
      const early = await judgeA.post<ErrorBody>(`/api/hearings/${hearing.id}/adjourn`, {
        ground: "recusal_request",
        reason: "当事人临时申请回避",
        newStartsAt: "2026-03-03T09:00:00+08:00",
      });
      expect(early.body.error).toBe("hearing_summons_too_late");
      const adjourned = await judgeA.post<THearing>(`/api/hearings/${hearing.id}/adjourn`, {
        ground: "recusal_request",
        reason: "当事人临时申请回避",
        newStartsAt: "2026-03-13T10:30:00+08:00",
      });
      expect(adjourned.status, JSON.stringify(adjourned.body)).toBe(200);
      expect(adjourned.body.status).toBe("scheduled");
      expect(adjourned.body.startsAt).toBe(new Date("2026-03-13T10:30:00+08:00").toISOString());
    });

    it("lets the judge call a hearing off once", async () => {
      const hearing = await hearingOf(caseB);
      expect((await clerk.post(`/api/hearings/${hearing.id}/cancel`, { reason: "原告撤诉" })).status).toBe(
        403,
      );
      const cancelled = await judgeA.post<THearing>(`/api/hearings/${hearing.id}/cancel`, {
        reason: "原告撤诉",
      });
      expect(cancelled.body).toMatchObject({ status: "cancelled", cancelReason: "原告撤诉" });
      expect(
        (await judgeA.post<ErrorBody>(`/api/hearings/${hearing.id}/cancel`, { reason: "原告撤诉" })).body
          .error,
      ).toBe("hearing_status_conflict");
      const canSchedule = await judgeA.get<{ canSchedule: boolean }>(`/api/cases/${caseB}/hearings`);
      expect(canSchedule.body.canSchedule).toBe(true);
    });
  });

  describe("the reminder", () => {
    it("reminds everyone one day before the sitting, once, and not for a time since moved", async () => {
      const hearing = (await judgeA.get<{ items: THearing[] }>(`/api/cases/${caseA}/hearings`)).body
        .items[0]!;
      const count = async () =>
        (
          await app.context.db
            .selectFrom("inbox_messages")
            .select("recipient_id")
            .where("case_id", "=", caseA)
            .where("kind", "=", "hearing_reminder")
            .execute()
        ).map((m) => m.recipient_id);
      app.clock.set(new Date("2026-03-15T09:00:00+08:00"));
      await app.jobs.runDue();
      expect(await count()).toEqual([]);
      app.clock.set(new Date("2026-03-15T09:31:00+08:00"));
      await app.jobs.runDue();
      const reminded = await count();
      expect(reminded).toEqual(
        expect.arrayContaining([
          userId("zhangsan@netcourt.demo"),
          userId("lisi@netcourt.demo"),
          userId("wanglawyer@netcourt.demo"),
          judgeAId,
          userId("hzhlw.clerk1@netcourt.demo"),
        ]),
      );
      await app.jobs.runDue();
      expect(await count()).toHaveLength(reminded.length);
      // A reminder queued for the sitting's earlier time does nothing.
      await enqueueJob(
        app.context.db,
        hearingReminderJobKind,
        { hearingId: hearing.id, startsAt: "2026-03-11T09:30:00+08:00" },
        { runAt: app.clock.now(), now: app.clock.now() },
      );
      await app.context.db
        .updateTable("hearings")
        .set({ reminded_for: null })
        .where("id", "=", hearing.id)
        .execute();
      await app.jobs.runDue();
      expect(await count()).toHaveLength(reminded.length);
      await app.context.db
        .updateTable("hearings")
        .set({ reminded_for: new Date(hearing.startsAt) })
        .where("id", "=", hearing.id)
        .execute();
      const row = await app.context.db
        .selectFrom("hearings")
        .select("reminded_for")
        .where("id", "=", hearing.id)
        .executeTakeFirstOrThrow();
      expect(row.reminded_for?.toISOString()).toBe(hearing.startsAt);
    });
  });
});
