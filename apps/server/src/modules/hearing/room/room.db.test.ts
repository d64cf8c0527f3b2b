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
import { Seat, connectSeat, type ErrorBody } from "./room.test-support";
import type { TAttendance, TRoomState } from "./room.schemas";

describe.each(testDatabaseKinds())("the online hearing room on %s", (kind) => {
  let app: TestApp;
  let base: string;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient; // plaintiff
  let lawyer: TestClient; // the defendant's agent
  let clerk: TestClient; // the clerk named for the hearing
  let otherClerk: TestClient; // a clerk of the court, not named
  let stranger: TestClient;
  let anonymous: TestClient;
  let judge: TestClient;
  let otherCourtJudge: TestClient;
  let hearingId: string;
  let otherHearingId: string;
  let caseId: string;

  let judgeLogin = "";
  let otherCourtJudgeLogin = "";

  const userId = (login: string) => accounts.get(login)!.userId;

  /** Signs everyone in (again, after the clock moved past their sessions' lifetime). */
  async function signInAll(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "hzhlw.clerk2@netcourt.demo");
    stranger = await signIn(app, "yunqi@netcourt.demo");
    if (judgeLogin) judge = await signIn(app, judgeLogin);
    if (otherCourtJudgeLogin) otherCourtJudge = await signIn(app, otherCourtJudgeLogin);
  }

  async function registeredCase(judgeId: string): Promise<string> {
    const id = await acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint: shoppingComplaint() });
    await withDefendantAndLawyer(app, id, {
      defendantUserId: userId("lisi@netcourt.demo"),
      lawyerUserId: userId("wanglawyer@netcourt.demo"),
      judgeId: judgeId,
    });
    return id;
  }

  async function scheduleOnline(forCase: string, by: TestClient, startsAt: string): Promise<string> {
    const response = await by.post<{ id: string }>(`/api/cases/${forCase}/hearings`, {
      mode: "online",
      startsAt,
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  }

  const connect = (client: TestClient, id = hearingId, origin: string | null = base) =>
    connectSeat(base, client, id, origin);

  async function enter(client: TestClient, id = hearingId): Promise<Seat> {
    const seat = await connect(client, id);
    if (!(seat instanceof Seat)) throw new Error(`refused: ${JSON.stringify(seat)}`);
    await seat.next("welcome");
    return seat;
  }

  const selfId = (seat: Seat) => seat.of("welcome")[0]!.self.peerId;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00", listen: true });
    base = app.context.config.publicUrl;
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    await signInAll();
    anonymous = new TestClient(app);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    const judges = [...accounts.values()].filter((a) => a.role === "judge");
    const judgeAccount = judges.find((a) => a.courtCode === "浙0192")!;
    judgeLogin = judgeAccount.login;
    otherCourtJudgeLogin = judges.find((a) => a.courtCode !== "浙0192")!.login;
    await signInAll();
    caseId = await registeredCase(judgeAccount.userId);
    const otherCase = await registeredCase(judgeAccount.userId);
    hearingId = await scheduleOnline(caseId, judge, "2026-03-10T09:30:00+08:00");
    otherHearingId = await scheduleOnline(otherCase, judge, "2026-03-10T14:30:00+08:00");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("opens only on the hearing's day, by the judge or its clerk, as a recorded act", async () => {
    expect((await zhangsan.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`)).status).toBe(403);
    expect((await stranger.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`)).status).toBe(404);
    expect((await otherClerk.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`)).status).toBe(403);
    const early = await judge.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe("hearing_room_not_today");
    // Early on the day of the sitting the judge may open it.
    app.clock.set("2026-03-10T08:00:00+08:00");
    await signInAll();
    const refusedBefore = await connect(zhangsan);
    expect(refusedBefore).toMatchObject({ status: 409, body: { error: "hearing_room_closed" } });
    const opened = await judge.post<{ status: string }>(`/api/hearings/${hearingId}/room/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.status).toBe("in_progress");
    expect((await clerk.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`)).body.error).toBe(
      "hearing_status_conflict",
    );
    const other = await clerk.post(`/api/hearings/${otherHearingId}/room/open`);
    expect(other.status).toBe(200);
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", hearingId)
      .where("action", "=", "hearing.room_opened")
      .execute();
    expect(audit).toHaveLength(1);
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "hearing_room_opened")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("refuses entry before the upgrade to whoever is not a participant of this hearing", async () => {
    expect(await connect(anonymous)).toMatchObject({ status: 401 });
    expect(await connect(stranger)).toMatchObject({ status: 404, body: { error: "hearing_not_found" } });
    // Staff of another court, and a clerk of this court not named for the hearing.
    expect(await connect(otherCourtJudge)).toMatchObject({ status: 404 });
    expect(await connect(otherClerk)).toMatchObject({
      status: 403,
      body: { error: "forbidden", details: [{ code: "not_a_participant" }] },
    });
    // A page of another site may not use the participant's cookie.
    expect(await connect(zhangsan, hearingId, "https://evil.example")).toMatchObject({
      status: 403,
      body: { details: [{ code: "origin_not_allowed" }] },
    });
    expect((await stranger.get(`/api/hearings/${hearingId}/room`)).status).toBe(404);
    expect((await otherClerk.get<TRoomState>(`/api/hearings/${hearingId}/room`)).body.can.enter).toBe(false);
  });

  it("admits the court at once, keeps the parties waiting until admitted, and relays only between the admitted", async () => {
    const judgeSeat = await enter(judge);
    expect(judgeSeat.of("welcome")[0]).toMatchObject({ isAdmitted: true, self: { role: "judge" } });
    const clerkSeat = await enter(clerk);
    const plaintiff = await enter(zhangsan);
    expect(plaintiff.of("welcome")[0]).toMatchObject({
      isAdmitted: false,
      self: { role: "party", partyRole: "plaintiff" },
    });
    await plaintiff.next("waiting");
    const agent = await enter(lawyer);
    expect(agent.of("welcome")[0]).toMatchObject({ self: { role: "agent", partyRole: "defendant" } });

    // The judge sees both waiting; a waiting party gets no roster and cannot signal.
    await judgeSeat.next("roster", (m) => m.peers.filter((p) => !p.isAdmitted).length === 2);
    plaintiff.send({
      type: "signal",
      to: selfId(judgeSeat),
      data: { description: { type: "offer", sdp: "v=0" } },
    });
    await plaintiff.next("error", (m) => m.code === "not_admitted");
    judgeSeat.send({ type: "signal", to: selfId(plaintiff), data: { candidate: null } });
    await new Promise((r) => setTimeout(r, 200));
    expect(plaintiff.of("signal")).toHaveLength(0);
    expect(plaintiff.of("roster")).toHaveLength(0);

    // A party may not admit; the clerk admits.
    plaintiff.send({ type: "admit", peerId: selfId(plaintiff) });
    await plaintiff.next("error", (m) => m.code === "not_admitted");
    clerkSeat.send({ type: "admit", peerId: selfId(plaintiff) });
    await plaintiff.next("admitted");
    judgeSeat.send({ type: "admit", peerId: selfId(agent) });
    await agent.next("admitted");

    // Offers, answers and candidates reach the addressed peer only.
    plaintiff.send({
      type: "signal",
      to: selfId(judgeSeat),
      data: { description: { type: "offer", sdp: "v=0 p" } },
    });
    const relayed = await judgeSeat.next("signal");
    expect(relayed).toMatchObject({ from: selfId(plaintiff), data: { description: { type: "offer" } } });
    await new Promise((r) => setTimeout(r, 100));
    expect(clerkSeat.of("signal")).toHaveLength(0);
    expect(agent.of("signal")).toHaveLength(0);
    // Parties see who is in the room.
    await plaintiff.next("roster", (m) => m.peers.length === 4 && m.peers.every((p) => p.isAdmitted));

    // Bad messages keep the connection open with a stable code.
    plaintiff.socket.send("not json");
    await plaintiff.next("error", (m) => m.code === "bad_message" && m.message === "not JSON");
    plaintiff.send({ type: "signal", to: "nobody", data: {} });
    await plaintiff.next("error", (m) => m.code === "bad_message" && m.message.startsWith("to"));
    plaintiff.send({ type: "display", caseId, fileId: "00000000-0000-4000-8000-000000000000" });
    await plaintiff.next("error", (m) => m.code === "file_not_found");
    expect(plaintiff.closed).toBeNull();

    // Chat reaches everyone admitted and is kept as the record; a NUL character is refused.
    plaintiff.send({ type: "chat", text: "我方已到庭" });
    await judgeSeat.next("chat", (m) => m.entry.text === "我方已到庭");
    await agent.next("chat", (m) => m.entry.text === "我方已到庭");
    plaintiff.send({ type: "chat", text: "a\u0000b" });
    await plaintiff.next("error", (m) => m.code === "bad_message" && m.message.includes("text_invalid"));
    const chat = await app.context.db
      .selectFrom("hearing_room_chat")
      .select("body")
      .where("hearing_id", "=", hearingId)
      .execute();
    expect(chat.map((c) => c.body)).toEqual(["我方已到庭"]);

    // The judge mutes a party and locks it: the client is told, and may not unmute itself.
    judgeSeat.send({ type: "mute", peerId: selfId(agent), locked: true });
    await agent.next("muted", (m) => m.isLocked);
    agent.send({ type: "self-mute", muted: false });
    await agent.next("error", (m) => m.code === "mute_locked");
    judgeSeat.send({ type: "allow-unmute", peerId: selfId(agent) });
    await agent.next("unmute-allowed");
    agent.send({ type: "self-mute", muted: false });
    await judgeSeat.next("roster", (m) =>
      m.peers.some((p) => p.peerId === selfId(agent) && !p.isMuted && !p.isMuteLocked),
    );

    // The clerk may not remove; the judge removes the agent with a reason, recorded on the ledger.
    clerkSeat.send({ type: "remove", peerId: selfId(agent), reason: "扰乱法庭秩序" });
    await clerkSeat.next("error", (m) => m.code === "not_allowed");
    judgeSeat.send({ type: "remove", peerId: selfId(agent), reason: "扰乱法庭秩序" });
    await agent.next("removed", (m) => m.reason === "扰乱法庭秩序");
    expect((await agent.untilClosed())?.code).toBe(4003);
    const removedEvent = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "hearing_participant_removed")
      .execute();
    expect(removedEvent).toHaveLength(1);

    // Removed, the agent comes back to the waiting room, not into the hearing.
    const returned = await enter(lawyer);
    expect(returned.of("welcome")[0]!.isAdmitted).toBe(false);
    await returned.next("waiting");
    // A party whose connection dropped comes back admitted.
    plaintiff.socket.close();
    await plaintiff.untilClosed();
    const back = await enter(zhangsan);
    expect(back.of("welcome")[0]!.isAdmitted).toBe(true);
    await back.next("admitted", (m) => m.chat.some((c) => c.text === "我方已到庭"));

    // Attendance: the court reads it, the parties do not.
    const attendance = await clerk.get<TAttendance>(`/api/hearings/${hearingId}/attendance`);
    expect(attendance.status).toBe(200);
    const removedRow = attendance.body.items.find((i) => i.removedAt !== null)!;
    expect(removedRow).toMatchObject({ role: "agent", reason: "扰乱法庭秩序", name: "王律师" });
    expect(attendance.body.items.filter((i) => i.role === "party" && i.leftAt !== null)).toHaveLength(1);
    expect((await zhangsan.get<ErrorBody>(`/api/hearings/${hearingId}/attendance`)).status).toBe(403);
    expect((await stranger.get<ErrorBody>(`/api/hearings/${hearingId}/attendance`)).status).toBe(404);

    // The room's state for the judge.
    const state = await judge.get<TRoomState>(`/api/hearings/${hearingId}/room`);
    expect(state.body).toMatchObject({
      status: "open",
      self: { role: "judge" },
      can: { admit: true, end: true },
    });
    expect(state.body.present.length).toBe(4);

    // Recess and resume are recorded and shown in every room.
    expect((await clerk.post(`/api/hearings/${hearingId}/room/recess`)).status).toBe(403);
    const recess = await judge.post<TRoomState>(`/api/hearings/${hearingId}/room/recess`);
    expect(recess.body.status).toBe("recess");
    await back.next("recess", (m) => m.isRecess);
    await returned.next("recess", (m) => m.isRecess);
    expect((await judge.post<ErrorBody>(`/api/hearings/${hearingId}/room/recess`)).body.error).toBe(
      "hearing_status_conflict",
    );
    expect((await judge.post<TRoomState>(`/api/hearings/${hearingId}/room/resume`)).body.status).toBe("open");
    await back.next("recess", (m) => !m.isRecess);

    // A socket from a participant of the other hearing does not see this one.
    const otherClerkSeat = await connect(clerk, otherHearingId);
    expect(otherClerkSeat).toBeInstanceOf(Seat);

    // Ending the hearing tells and closes every connection; the record is closed.
    expect((await zhangsan.post(`/api/hearings/${hearingId}/room/end`)).status).toBe(403);
    const ended = await judge.post<{ status: string }>(`/api/hearings/${hearingId}/room/end`);
    expect(ended.body.status).toBe("held");
    for (const seat of [judgeSeat, clerkSeat, back, returned]) {
      await seat.next("ended");
      expect((await seat.untilClosed())?.code).toBe(4000);
    }
    expect((otherClerkSeat as Seat).of("ended")).toHaveLength(0);
    const open = await app.context.db
      .selectFrom("hearing_attendance")
      .select("id")
      .where("hearing_id", "=", hearingId)
      .where("left_at", "is", null)
      .execute();
    expect(open).toHaveLength(0);
    const held = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "in", ["hearing_recessed", "hearing_resumed", "hearing_held"])
      .execute();
    expect(held.map((e) => e.kind).sort()).toEqual(["hearing_held", "hearing_recessed", "hearing_resumed"]);
    expect(await connect(zhangsan)).toMatchObject({ status: 409, body: { error: "hearing_room_closed" } });
    (otherClerkSeat as Seat).socket.close();
  });

  it("refuses a frame over 64 KB and limits the rate of messages", async () => {
    const seat = await connect(clerk, otherHearingId);
    if (!(seat instanceof Seat)) throw new Error(JSON.stringify(seat));
    await seat.next("welcome");
    for (let i = 0; i < 200; i++) seat.send({ type: "ping", sentAt: i });
    await seat.next("error", (m) => m.code === "rate_limited");
    expect(seat.closed).toBeNull();
    seat.send({ type: "chat", text: "x".repeat(70 * 1024) });
    expect((await seat.untilClosed())?.code).toBe(1009);
  });
});
