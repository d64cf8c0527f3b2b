import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedCase,
  seedDemo,
  shoppingComplaint,
  signIn,
  withDefendantAndLawyer,
} from "../../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../../testing/test-app";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { TAsyncTrialView } from "./async-trial.schemas";

/** Not a video: a 1×1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);
/** The head of a WebM file as MediaRecorder writes it (EBML header, DocType webm, a Segment), then data. */
const WEBM = Buffer.concat([
  Buffer.from(
    "1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701ffffffffffffff",
    "hex",
  ),
  Buffer.alloc(4000, 7),
]);

type ErrorBody = {
  error: string;
  details: Array<{ code: string; path?: string; params?: Record<string, unknown> }>;
};

// 在线诉讼规则第二十条: an asynchronous trial of a small-claims or simplified-procedure case, applied for in
// writing by one party and agreed by every party, opened by the judge on the conditions of its second
// paragraph; the parties answer at their own times within the windows; the thread is the record.
describe.each(testDatabaseKinds())("asynchronous trial on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient; // the plaintiff
  let lisi: TestClient; // the defendant company's representative
  let lawyer: TestClient; // the defendant's agent
  let clerk: TestClient;
  let admin: TestClient; // staff of the court, neither judge nor clerk
  let stranger: TestClient; // a litigant of no case here
  let otherCourtClerk: TestClient;
  let anonymous: TestClient;
  let judge: TestClient;
  let otherJudge: TestClient;
  let judgeId: string;

  const userId = (login: string) => accounts.get(login)!.userId;
  let judgeLogin: string;

  /** Moves the clock, runs the jobs then due, and signs everyone in again (sessions lapse while idle). */
  async function moveTo(iso: string): Promise<void> {
    app.clock.set(new Date(iso));
    await app.jobs.runDue();
    await app.jobs.runDue();
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    judge = await signIn(app, judgeLogin);
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  }

  async function caseUnder(procedure: "ordinary" | "simplified" | "small_claims"): Promise<string> {
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
      procedure,
    });
    await withDefendantAndLawyer(app, caseId, {
      defendantUserId: userId("lisi@netcourt.demo"),
      lawyerUserId: userId("wanglawyer@netcourt.demo"),
      judgeId: judgeId,
    });
    return caseId;
  }

  async function view(client: TestClient, caseId: string): Promise<TAsyncTrialView> {
    const response = await client.get<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  async function traces(caseId: string) {
    const db = app.context.db;
    const events = await db
      .selectFrom("ledger_court_events")
      .select(["kind", "opening"])
      .where("case_id", "=", caseId)
      .where("kind", "like", "async_trial%")
      .orderBy("id")
      .execute();
    const audit = await db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_type", "=", "async_trial")
      .where("action", "like", "async_trial.%")
      .orderBy("id")
      .execute();
    return {
      events: events.map((e) => e.kind),
      payloads: events.map((e) => (JSON.parse(e.opening) as { payload: Record<string, unknown> }).payload),
      audit: audit.map((a) => a.action),
    };
  }

  async function inboxOf(caseId: string, kindOfMessage: string): Promise<string[]> {
    const rows = await app.context.db
      .selectFrom("inbox_messages")
      .select("recipient_id")
      .where("case_id", "=", caseId)
      .where("kind", "=", kindOfMessage)
      .execute();
    return rows.map((r) => r.recipient_id).sort();
  }

  /** A case whose asynchronous trial is open: the plaintiff applied, the defendant's lawyer agreed. */
  async function openTrial(): Promise<{
    caseId: string;
    trialId: string;
    plaintiff: string;
    defendant: string;
  }> {
    const caseId = await caseUnder("small_claims");
    const applied = await zhangsan.post<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`, {
      reasons: "本人在外地务工，无法与被告同时在线参加庭审。",
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const trialId = applied.body.trial!.id;
    expect(
      (await lawyer.post(`/api/async-trials/${trialId}/consent`, { decision: "consented" })).status,
    ).toBe(200);
    const opened = await judge.post(`/api/async-trials/${trialId}/open`, {
      difficultyAttested: true,
      undisputedAttested: true,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const parties = applied.body.parties;
    return {
      caseId,
      trialId,
      plaintiff: parties.find((p) => p.role === "plaintiff")!.id,
      defendant: parties.find((p) => p.role === "defendant")!.id,
    };
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    stranger = await signIn(app, "yunqi@netcourt.demo");
    anonymous = new TestClient(app);
    const other = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙01")!;
    otherCourtClerk = await signIn(app, other.login);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    const judges = [...accounts.values()].filter((a) => a.role === "judge" && a.courtCode === "浙0192");
    judgeId = judges[0]!.userId;
    judgeLogin = judges[0]!.login;
    judge = await signIn(app, judgeLogin);
    otherJudge = await signIn(app, judges[1]!.login);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("refuses a case under the ordinary procedure, citing the rule, and changes nothing", async () => {
    const caseId = await caseUnder("ordinary");
    const before = await view(zhangsan, caseId);
    expect(before).toMatchObject({ isProcedureAllowed: false, canApply: false, trial: null });
    const refused = await zhangsan.post<ErrorBody>(`/api/cases/${caseId}/async-trial`, {
      reasons: "不便同时在线",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe("async_trial_procedure_not_allowed");
    expect(refused.body.details[0]!.params).toMatchObject({
      procedure: "ordinary",
      basis: "在线诉讼规则第二十条",
    });
    expect((await view(zhangsan, caseId)).trial).toBeNull();
    expect((await traces(caseId)).events).toEqual([]);
  });

  it("lets only the parties, their agents, the judge and the clerks see or act", async () => {
    const caseId = await caseUnder("simplified");
    expect((await anonymous.get(`/api/cases/${caseId}/async-trial`)).status).toBe(401);
    expect((await stranger.get<ErrorBody>(`/api/cases/${caseId}/async-trial`)).body.error).toBe(
      "case_not_found",
    );
    expect((await otherCourtClerk.get(`/api/cases/${caseId}/async-trial`)).status).toBe(404);
    expect((await otherJudge.get(`/api/cases/${caseId}/async-trial`)).status).toBe(404);
    const asAdmin = await admin.get<ErrorBody>(`/api/cases/${caseId}/async-trial`);
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.body.error).toBe("async_trial_not_participant");
    expect((await clerk.get(`/api/cases/${caseId}/async-trial`)).status).toBe(200);
    expect((await lawyer.get(`/api/cases/${caseId}/async-trial`)).status).toBe(200);
    // Applying is a party's act: the stranger, the judge and the admin cannot.
    expect((await stranger.post(`/api/cases/${caseId}/async-trial`, { reasons: "x" })).status).toBe(404);
    expect((await judge.post<ErrorBody>(`/api/cases/${caseId}/async-trial`, { reasons: "x" })).status).toBe(
      403,
    );
    expect((await admin.post(`/api/cases/${caseId}/async-trial`, { reasons: "x" })).status).toBe(403);
    // Bad input: a clear error, nothing recorded.
    const bad = await zhangsan.post<ErrorBody>(`/api/cases/${caseId}/async-trial`, { reasons: "   " });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("validation_failed");
    const applied = await zhangsan.post<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`, {
      reasons: "出差",
    });
    const trialId = applied.body.trial!.id;
    for (const client of [stranger, otherCourtClerk, otherJudge]) {
      const response = await client.post<ErrorBody>(`/api/async-trials/${trialId}/consent`, {
        decision: "consented",
      });
      expect(response.status).toBe(404);
      expect(response.body.error).toBe("async_trial_not_found");
      expect((await client.post(`/api/async-trials/${trialId}/close`, {})).status).toBe(404);
    }
    expect(
      (
        await admin.post(`/api/async-trials/${trialId}/open`, {
          difficultyAttested: true,
          undisputedAttested: true,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await zhangsan.post(`/api/async-trials/${trialId}/open`, {
          difficultyAttested: true,
          undisputedAttested: true,
        })
      ).status,
    ).toBe(403);
    expect((await clerk.post(`/api/async-trials/${trialId}/refuse`, { reasons: "x" })).status).toBe(403);
  });

  it("ends the application when a party refuses consent", async () => {
    const caseId = await caseUnder("simplified");
    const applied = await zhangsan.post<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`, {
      reasons: "出差在外",
    });
    expect(applied.status).toBe(201);
    const trialId = applied.body.trial!.id;
    expect(applied.body.trial!.consents.find((c) => c.decision === "consented")).toBeTruthy();
    expect(await inboxOf(caseId, "async_trial_applied")).toEqual(
      [userId("lisi@netcourt.demo"), userId("wanglawyer@netcourt.demo"), judgeId].sort(),
    );
    const twice = await zhangsan.post<ErrorBody>(`/api/cases/${caseId}/async-trial`, { reasons: "再次申请" });
    expect(twice.body.error).toBe("async_trial_already_active");
    // The applicant's own application is its consent.
    expect(
      (await zhangsan.post<ErrorBody>(`/api/async-trials/${trialId}/consent`, { decision: "consented" })).body
        .error,
    ).toBe("async_trial_consent_given");
    // The judge cannot open before every party agreed.
    const early = await judge.post<ErrorBody>(`/api/async-trials/${trialId}/open`, {
      difficultyAttested: true,
      undisputedAttested: true,
    });
    expect(early.status).toBe(422);
    expect(early.body.details.map((d) => d.code)).toEqual(["consents_missing"]);
    const refused = await lisi.post<TAsyncTrialView>(`/api/async-trials/${trialId}/consent`, {
      decision: "refused",
      reason: "希望当庭陈述",
    });
    expect(refused.status).toBe(200);
    expect(refused.body.trial).toMatchObject({
      status: "refused",
      refusal: { by: "party", reasons: "希望当庭陈述" },
    });
    expect(refused.body.canApply).toBe(true);
    expect(
      (await lawyer.post<ErrorBody>(`/api/async-trials/${trialId}/consent`, { decision: "consented" })).body
        .error,
    ).toBe("async_trial_status_conflict");
    expect((await traces(caseId)).events).toEqual(["async_trial_applied", "async_trial_refused"]);
    expect(await inboxOf(caseId, "async_trial_refused")).toEqual(
      [userId("zhangsan@netcourt.demo"), userId("wanglawyer@netcourt.demo"), judgeId].sort(),
    );
  });

  it("lets the judge refuse the application with reasons", async () => {
    const caseId = await caseUnder("small_claims");
    const trialId = (
      await zhangsan.post<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`, { reasons: "不便" })
    ).body.trial!.id;
    const refused = await judge.post<TAsyncTrialView>(`/api/async-trials/${trialId}/refuse`, {
      reasons: "双方对主要事实存在争议，不宜非同步审理。",
    });
    expect(refused.status).toBe(200);
    expect(refused.body.trial).toMatchObject({ status: "refused", refusal: { by: "judge" } });
    expect((await traces(caseId)).events).toEqual(["async_trial_applied", "async_trial_refused"]);
  });

  it("opens only when the judge attests both conditions, and tells the judge of disputed evidence", async () => {
    const caseId = await caseUnder("small_claims");
    const trialId = (
      await zhangsan.post<TAsyncTrialView>(`/api/cases/${caseId}/async-trial`, { reasons: "不便" })
    ).body.trial!.id;
    const consented = await lawyer.post<TAsyncTrialView>(`/api/async-trials/${trialId}/consent`, {
      decision: "consented",
    });
    expect(consented.body.trial!.allConsented).toBe(true);
    expect((await view(judge, caseId)).trial).toMatchObject({ disputedItems: 0 });
    // The defendant disputed the relevance of an item of the complaint's evidence list (质证意见).
    const defendant = (await view(judge, caseId)).parties.find((p) => p.role === "defendant")!;
    await app.context.db
      .insertInto("evidence_opinions")
      .values({
        case_id: caseId,
        subject_kind: "filed",
        subject_id: "5f0c7d2e-8d1a-4c1e-9a57-3b1f3c0d2a11",
        party_id: defendant.id,
        authenticity: "admit",
        authenticity_reason: null,
        ledger_ground: null,
        legality: "admit",
        legality_reason: null,
        relevance: "dispute",
        relevance_reason: "与本案无关",
        given_by: userId("lisi@netcourt.demo"),
        given_at: app.clock.now(),
      })
      .execute();
    const judgeView = await view(judge, caseId);
    expect(judgeView.trial).toMatchObject({ disputedItems: 1, actions: { canOpen: true, canRefuse: true } });
    expect((await view(zhangsan, caseId)).trial).toMatchObject({
      disputedItems: null,
      actions: { canOpen: false },
    });
    const missing = await judge.post<ErrorBody>(`/api/async-trials/${trialId}/open`, {
      difficultyAttested: true,
      undisputedAttested: false,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.details.map((d) => d.path)).toEqual(["undisputedAttested"]);
    const opened = await judge.post<TAsyncTrialView>(`/api/async-trials/${trialId}/open`, {
      difficultyAttested: true,
      undisputedAttested: true,
    });
    expect(opened.body.trial).toMatchObject({ status: "open", actions: { canPost: true, canClose: true } });
    expect(opened.body.trial!.disputedItems).toBe(1);
    expect((await traces(caseId)).payloads.at(-1)).toMatchObject({
      disputedItems: 1,
      difficultyAttested: true,
      undisputedAttested: true,
      basis: "在线诉讼规则第二十条",
    });
    expect((await traces(caseId)).events).toEqual([
      "async_trial_applied",
      "async_trial_consent_given",
      "async_trial_opened",
    ]);
    expect(await inboxOf(caseId, "async_trial_opened")).toEqual(
      [
        userId("zhangsan@netcourt.demo"),
        userId("lisi@netcourt.demo"),
        userId("wanglawyer@netcourt.demo"),
      ].sort(),
    );
  });

  it("runs to completion with the parties answering at different times, and issues the record", async () => {
    await moveTo("2026-03-02T12:00:00+08:00");
    const { caseId, trialId, plaintiff, defendant } = await openTrial();
    // Windows: at least two hours, at most thirty days, ahead.
    for (const [windowEndsAt, code] of [
      ["2026-03-02T13:00:00+08:00", "too_short"],
      ["2026-04-15T10:00:00+08:00", "too_long"],
      ["2026-03-01T10:00:00+08:00", "not_ahead"],
    ] as const) {
      const bad = await judge.post<ErrorBody>(`/api/async-trials/${trialId}/questions`, {
        kind: "question",
        body: "请说明",
        addressedPartyId: null,
        windowEndsAt,
      });
      expect(bad.status).toBe(422);
      expect(bad.body.details[0]).toMatchObject({ path: "windowEndsAt", code });
    }
    expect(
      (
        await zhangsan.post(`/api/async-trials/${trialId}/questions`, {
          kind: "question",
          body: "x",
          addressedPartyId: null,
          windowEndsAt: "2026-03-05T18:00:00+08:00",
        })
      ).status,
    ).toBe(403);
    const toBoth = await judge.post<TAsyncTrialView>(`/api/async-trials/${trialId}/questions`, {
      kind: "issue",
      body: "争议焦点：被告交付的商品是否存在质量问题？",
      addressedPartyId: null,
      windowEndsAt: "2026-03-05T18:00:00+08:00",
    });
    expect(toBoth.status, JSON.stringify(toBoth.body)).toBe(201);
    const toDefendant = await judge.post<TAsyncTrialView>(`/api/async-trials/${trialId}/questions`, {
      kind: "question",
      body: "被告是否已退还货款？",
      addressedPartyId: defendant,
      windowEndsAt: "2026-03-03T18:00:00+08:00",
    });
    const [issue, question] = toDefendant.body.trial!.questions;
    expect(issue).toMatchObject({ number: 1, kind: "issue" });
    expect([...issue!.awaitingPartyIds].sort()).toEqual([plaintiff, defendant].sort());
    expect(await inboxOf(caseId, "async_trial_question")).toEqual(
      [
        userId("zhangsan@netcourt.demo"),
        userId("lisi@netcourt.demo"),
        userId("wanglawyer@netcourt.demo"),
        userId("lisi@netcourt.demo"),
        userId("wanglawyer@netcourt.demo"),
      ].sort(),
    );

    // The defendant answers first …
    await moveTo("2026-03-02T20:15:00+08:00");
    const first = await lisi.post<TAsyncTrialView>(
      `/api/async-trials/${trialId}/questions/${issue!.id}/answers`,
      {
        body: "商品不存在质量问题，原告使用不当。",
      },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // … the plaintiff may not answer the question put to the defendant …
    const notAddressed = await zhangsan.post<ErrorBody>(
      `/api/async-trials/${trialId}/questions/${question!.id}/answers`,
      { body: "被告没有退款" },
    );
    expect(notAddressed.status).toBe(403);
    expect(notAddressed.body.error).toBe("async_trial_not_addressed");
    expect(
      (await judge.post(`/api/async-trials/${trialId}/questions/${issue!.id}/answers`, { body: "x" })).status,
    ).toBe(403);

    // The reminder: a day before the issue's window, to the plaintiff who has not answered; the
    // defendant-only question is reminded 3 hours ahead of its short window … once.
    await moveTo("2026-03-03T15:30:00+08:00");
    expect(await inboxOf(caseId, "async_trial_reminder")).toEqual(
      [userId("lisi@netcourt.demo"), userId("wanglawyer@netcourt.demo")].sort(),
    );
    // The short window closes without the defendant's answer: recorded for the judge.
    await moveTo("2026-03-03T18:00:02+08:00");
    const late = await lawyer.post<ErrorBody>(
      `/api/async-trials/${trialId}/questions/${question!.id}/answers`,
      {
        body: "已退款",
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("async_trial_window_closed");
    expect(late.body.details[0]!.params).toMatchObject({ endedOn: "2026-03-03" });
    expect(await inboxOf(caseId, "async_trial_answer_missed")).toEqual([judgeId]);
    let current = (await view(judge, caseId)).trial!;
    expect(current.questions[1]).toMatchObject({ missedPartyIds: [defendant], isWindowOpen: false });

    // The judge extends it; the defendant's agent answers within the new window.
    const extended = await judge.post<TAsyncTrialView>(
      `/api/async-trials/${trialId}/questions/${question!.id}/extend`,
      { windowEndsAt: "2026-03-04T18:00:00+08:00" },
    );
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(
      (
        await lawyer.post(`/api/async-trials/${trialId}/questions/${question!.id}/answers`, {
          body: "已退款 50 元",
        })
      ).status,
    ).toBe(201);

    // … then the plaintiff, the next day, in a session of its own; a further answer is a supplement.
    await moveTo("2026-03-04T16:40:00+08:00");
    expect(
      (
        await zhangsan.post(`/api/async-trials/${trialId}/questions/${issue!.id}/answers`, {
          body: "商品开箱即损坏。",
        })
      ).status,
    ).toBe(201);
    await moveTo("2026-03-04T18:30:00+08:00"); // the issue's reminder finds nobody left to remind
    expect(await inboxOf(caseId, "async_trial_reminder")).toHaveLength(2);
    // 在线诉讼规则第二十条第二款: the supplement is a recorded video statement; a file that is not a video is
    // refused and changes nothing.
    const videoUrl = `/api/async-trials/${trialId}/questions/${issue!.id}/answers/video`;
    const lying = await zhangsan.upload<ErrorBody>(
      videoUrl,
      { name: "answer.webm", content: PNG, type: "video/webm" },
      { body: "补充" },
    );
    expect(lying.status).toBe(415);
    const picture = await zhangsan.upload<ErrorBody>(
      videoUrl,
      { name: "answer.png", content: PNG, type: "image/png" },
      { body: "补充" },
    );
    expect(picture.status).toBe(400);
    expect(picture.body.details[0]).toMatchObject({ path: "video", code: "not_video" });
    expect((await view(judge, caseId)).trial!.questions[0]!.answers).toHaveLength(2);
    stranger = await signIn(app, "yunqi@netcourt.demo");
    expect(
      (await stranger.upload(videoUrl, { name: "answer.webm", content: WEBM, type: "video/webm" })).status,
    ).toBe(404);
    const supplement = await zhangsan.upload<TAsyncTrialView>(
      videoUrl,
      { name: "answer.webm", content: WEBM, type: "video/webm" },
      { body: "补充：开箱视频已提交。" },
    );
    expect(supplement.status, JSON.stringify(supplement.body)).toBe(201);
    current = supplement.body.trial!;
    const videoAnswer = current.questions[0]!.answers[2]!;
    const webmSha256 = createHash("sha256").update(WEBM).digest("hex");
    expect(videoAnswer.video).toEqual({ sha256: webmSha256, mediaType: "video/webm", size: WEBM.length });
    // The other side and the judge play it; nobody outside the case does.
    const playUrl = `/api/async-trials/${trialId}/answers/${videoAnswer.id}/video`;
    for (const viewer of [lisi, judge]) {
      const played = await viewer.get<string>(playUrl);
      expect(played.status).toBe(200);
      expect(played.headers["content-type"]).toBe("video/webm");
    }
    expect((await stranger.get(playUrl)).status).toBe(404);
    expect((await anonymous.get(playUrl)).status).toBe(401);
    expect(current.questions[0]!.answers.map((a) => [a.partyId, a.isSupplement])).toEqual([
      [defendant, false],
      [plaintiff, false],
      [plaintiff, true],
    ]);
    expect(current.questions[0]!.awaitingPartyIds).toEqual([]);

    // A live hearing asked for and refused with reasons; closing waits for the decision.
    const asked = await lisi.post<TAsyncTrialView>(`/api/async-trials/${trialId}/live-requests`, {
      reasons: "希望当面质证。",
    });
    expect(asked.status).toBe(201);
    const requestId = asked.body.trial!.liveRequests[0]!.id;
    expect(
      (await lisi.post<ErrorBody>(`/api/async-trials/${trialId}/live-requests`, { reasons: "再次" })).body
        .error,
    ).toBe("async_trial_live_request_pending");
    expect((await judge.post<ErrorBody>(`/api/async-trials/${trialId}/close`, {})).body.error).toBe(
      "async_trial_live_request_pending",
    );
    const noReasons = await judge.post<ErrorBody>(
      `/api/async-trials/${trialId}/live-requests/${requestId}/decide`,
      {
        decision: "refused",
      },
    );
    expect(noReasons.status).toBe(400);
    expect(
      (
        await zhangsan.post(`/api/async-trials/${trialId}/live-requests/${requestId}/decide`, {
          decision: "granted",
        })
      ).status,
    ).toBe(403);
    const decided = await judge.post<TAsyncTrialView>(
      `/api/async-trials/${trialId}/live-requests/${requestId}/decide`,
      {
        decision: "refused",
        reasons: "双方已充分陈述，事实清楚，无需同步开庭。",
      },
    );
    expect(decided.body.trial).toMatchObject({ status: "open", liveRequests: [{ status: "refused" }] });

    // The judge closes: the record is issued and its hash goes to the ledger.
    await moveTo("2026-03-05T10:00:00+08:00");
    const closed = await judge.post<TAsyncTrialView>(`/api/async-trials/${trialId}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const record = closed.body.trial!.record!;
    expect(closed.body.trial!.status).toBe("closed");
    const documents = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "docx_sha256"])
      .where("issue_id", "=", record.issueId)
      .execute();
    expect(documents.map((d) => d.kind)).toEqual(["async_trial_record", "async_trial_record"]);
    const zh = documents.find((d) => d.locale === "zh-CN")!;
    expect(record.sha256).toBe(zh.docx_sha256);
    const { events, payloads, audit } = await traces(caseId);
    expect(events).toEqual([
      "async_trial_applied",
      "async_trial_consent_given",
      "async_trial_opened",
      "async_trial_question_posted",
      "async_trial_question_posted",
      "async_trial_answered",
      "async_trial_answer_missed",
      "async_trial_window_extended",
      "async_trial_answered",
      "async_trial_answered",
      "async_trial_answered",
      "async_trial_live_requested",
      "async_trial_live_decided",
      "async_trial_closed",
    ]);
    // The video's hash is in the ledger with the answer.
    expect(payloads).toContainEqual(expect.objectContaining({ videoSha256: webmSha256 }));
    expect(payloads.at(-1)).toMatchObject({
      asyncTrialId: trialId,
      recordSha256: zh.docx_sha256,
      questions: 2,
      answers: 4,
    });
    expect(audit).toContain("async_trial.reminded");
    // The parties read the record; the whole thread is in it.
    const zhVersion = record.versions.find((v) => v.locale === "zh-CN")!;
    const download = await zhangsan.get(zhVersion.docxUrl);
    expect(download.status).toBe(200);
    const model = await app.context.db
      .selectFrom("case_documents")
      .select("model")
      .where("issue_id", "=", record.issueId)
      .where("locale", "=", "zh-CN")
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(model.model);
    for (const part of ["商品开箱即损坏", "补充", "已退款 50 元", "未在", "希望当面质证", "不予准许"]) {
      expect(text).toContain(part);
    }
    // Nothing more once closed; the jobs are called off.
    expect(
      (await zhangsan.post<ErrorBody>(`/api/async-trials/${trialId}/live-requests`, { reasons: "x" })).body
        .error,
    ).toBe("async_trial_status_conflict");
    const pendingJobs = await app.context.db
      .selectFrom("jobs")
      .select("id")
      .where("dedupe_key", "in", [`async-trial-window:${issue!.id}`, `async-trial-reminder:${issue!.id}`])
      .where("status", "=", "pending")
      .execute();
    expect(pendingJobs).toEqual([]);
  });

  it("ends for a live hearing when the judge grants one, pointing the judge to fix it", async () => {
    await moveTo("2026-03-06T09:00:00+08:00");
    const { caseId, trialId } = await openTrial();
    const asked = await zhangsan.post<TAsyncTrialView>(`/api/async-trials/${trialId}/live-requests`, {
      reasons: "需当庭核对原件。",
    });
    const requestId = asked.body.trial!.liveRequests[0]!.id;
    const granted = await judge.post<TAsyncTrialView>(
      `/api/async-trials/${trialId}/live-requests/${requestId}/decide`,
      {
        decision: "granted",
        reasons: "需当庭核对原件，转为在线同步开庭。",
      },
    );
    expect(granted.body.trial).toMatchObject({
      status: "ended_for_live",
      actions: { shouldScheduleHearing: true },
    });
    expect((await view(zhangsan, caseId)).trial!.actions.shouldScheduleHearing).toBe(false);
    expect((await traces(caseId)).events.slice(-2)).toEqual([
      "async_trial_live_requested",
      "async_trial_live_decided",
    ]);
    expect(await inboxOf(caseId, "async_trial_live_decided")).toEqual(
      [
        userId("zhangsan@netcourt.demo"),
        userId("lisi@netcourt.demo"),
        userId("wanglawyer@netcourt.demo"),
      ].sort(),
    );
  });
});
