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
import type { TAttendance, TFaceCheck, TRoomState } from "./room.schemas";

/** The start of a JFIF JPEG, as a camera still begins (enough for content sniffing), made unique by `n`. */
const jpeg = (n: number) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, n & 0xff, 0xff, 0xd9]),
  ]);
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

describe.each(testDatabaseKinds())("the face check at the hearing room's door on %s", (kind) => {
  let app: TestApp;
  let base: string;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient; // plaintiff
  let lisi: TestClient; // defendant
  let lawyer: TestClient; // the defendant's agent
  let clerk: TestClient; // the clerk named for the hearing
  let otherClerk: TestClient; // a clerk of the court, not named
  let stranger: TestClient;
  let anonymous: TestClient;
  let judge: TestClient;
  let otherCourtJudge: TestClient;
  let hearingId: string; // its room requires a face check
  let plainHearingId: string; // its room does not
  let caseId: string;
  let judgeLogin = "";
  let otherCourtJudgeLogin = "";

  const userId = (login: string) => accounts.get(login)!.userId;

  async function signInAll(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
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

  async function scheduleOnline(forCase: string, startsAt: string): Promise<string> {
    const response = await judge.post<{ id: string }>(`/api/cases/${forCase}/hearings`, {
      mode: "online",
      startsAt,
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  }

  const check = (
    client: TestClient,
    photo: { name: string; content: Buffer; type?: string },
    id = hearingId,
  ) => client.upload<TFaceCheck & ErrorBody>(`/api/hearings/${id}/room/face-check`, photo);
  const photo = (n: number) => ({ name: "face-check.jpg", content: jpeg(n), type: "image/jpeg" });
  const stateOf = async (client: TestClient, id = hearingId) =>
    (await client.get<TRoomState>(`/api/hearings/${id}/room`)).body;
  const rename = async (login: string, name: string) =>
    app.context.db.updateTable("users").set({ name }).where("id", "=", userId(login)).execute();
  const checksOf = (login: string) =>
    app.context.db
      .selectFrom("hearing_face_checks")
      .select(["id", "result", "role", "image_sha256", "image_media_type"])
      .where("hearing_id", "=", hearingId)
      .where("user_id", "=", userId(login))
      .orderBy("seq")
      .execute();

  /** Connects and expects a seat that was let in (welcome) — or refused with the face check's code. */
  async function enters(client: TestClient, id = hearingId): Promise<Seat> {
    const seat = await connectSeat(base, client, id);
    if (!(seat instanceof Seat)) throw new Error(`refused: ${JSON.stringify(seat)}`);
    await seat.next("welcome");
    return seat;
  }
  async function isTurnedAway(client: TestClient): Promise<void> {
    const seat = await connectSeat(base, client, hearingId);
    if (!(seat instanceof Seat)) throw new Error(`refused before the upgrade: ${JSON.stringify(seat)}`);
    await seat.next("error", (m) => m.code === "face_check_required");
    expect((await seat.untilClosed())?.code).toBe(4001);
    expect(seat.of("welcome")).toHaveLength(0);
  }

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
    hearingId = await scheduleOnline(caseId, "2026-03-10T09:30:00+08:00");
    plainHearingId = await scheduleOnline(otherCase, "2026-03-10T14:30:00+08:00");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("takes no photo before the room is open, and opens it requiring a check of the parties and agents only", async () => {
    app.clock.set("2026-03-10T08:00:00+08:00");
    await signInAll();
    expect((await check(zhangsan, photo(1))).body.error).toBe("hearing_room_closed");
    const refused = await judge.post<ErrorBody>(`/api/hearings/${hearingId}/room/open`, {
      requiresFaceCheck: "yes",
    });
    expect(refused.status).toBe(400);
    const opened = await judge.post<{ status: string }>(`/api/hearings/${hearingId}/room/open`, {
      requiresFaceCheck: true,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    // Without a body the room asks for no check.
    expect((await clerk.post(`/api/hearings/${plainHearingId}/room/open`)).status).toBe(200);
    const rooms = await app.context.db
      .selectFrom("hearing_rooms")
      .select(["hearing_id", "requires_face_check"])
      .where("hearing_id", "in", [hearingId, plainHearingId])
      .execute();
    expect(Object.fromEntries(rooms.map((r) => [r.hearing_id, r.requires_face_check]))).toEqual({
      [hearingId]: true,
      [plainHearingId]: false,
    });

    expect((await stateOf(zhangsan)).faceCheck).toEqual({ isRequired: true, standing: "needed", last: null });
    expect((await stateOf(lawyer)).faceCheck.standing).toBe("needed");
    expect((await stateOf(judge)).faceCheck).toMatchObject({ isRequired: true, standing: "not_required" });
    expect((await stateOf(clerk)).faceCheck.standing).toBe("not_required");
    expect((await stateOf(zhangsan, plainHearingId)).faceCheck).toMatchObject({
      isRequired: false,
      standing: "not_required",
    });
  });

  it("keeps a party without a passed check out of the signalling, never asks the court", async () => {
    await isTurnedAway(zhangsan);
    await isTurnedAway(lawyer);
    const entries = await app.context.db
      .selectFrom("hearing_attendance")
      .select("id")
      .where("hearing_id", "=", hearingId)
      .where("user_id", "in", [userId("zhangsan@netcourt.demo"), userId("wanglawyer@netcourt.demo")])
      .execute();
    expect(entries).toHaveLength(0);
    const judgeSeat = await enters(judge);
    expect(judgeSeat.of("welcome")[0]).toMatchObject({ isAdmitted: true });
    judgeSeat.socket.close();
    const asked = await check(judge, photo(2));
    expect(asked.status).toBe(403);
    expect(asked.body.details[0]?.code).toBe("parties_and_agents_only");
  });

  it("keeps the photo from whoever is not a participant", async () => {
    expect((await check(anonymous, photo(3))).status).toBe(401);
    expect((await check(stranger, photo(3))).body.error).toBe("hearing_not_found");
    expect((await check(otherCourtJudge, photo(3))).status).toBe(404);
    const notNamed = await check(otherClerk, photo(3));
    expect(notNamed.status).toBe(403);
    expect(notNamed.body.details[0]?.code).toBe("not_a_participant");
    const none = await app.context.db.selectFrom("hearing_face_checks").select("id").execute();
    expect(none).toHaveLength(0);
  });

  it("refuses a file that is not a still from the camera", async () => {
    const pdf = await check(zhangsan, {
      name: "face.pdf",
      content: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"),
    });
    expect(pdf.status).toBe(415);
    expect(pdf.body.error).toBe("file_type_not_allowed");
    const misnamed = await check(zhangsan, { name: "face.jpg", content: PNG, type: "image/jpeg" });
    expect(misnamed.status).toBe(415);
    expect(misnamed.body.error).toBe("file_type_mismatch");
    expect((await check(zhangsan, { name: "face.jpg", content: Buffer.alloc(0) })).body.error).toBe(
      "file_empty",
    );
    const notMultipart = await zhangsan.post<ErrorBody>(`/api/hearings/${hearingId}/room/face-check`, {});
    expect(notMultipart.status).toBe(415);
    expect(await checksOf("zhangsan@netcourt.demo")).toHaveLength(0);
  });

  it("records a mismatch and keeps the party out until a photo matches", async () => {
    await rename("zhangsan@netcourt.demo", "核验不符");
    const mismatch = await check(zhangsan, photo(10));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error).toBe("face_check_mismatch");
    expect((await stateOf(zhangsan)).faceCheck).toMatchObject({
      standing: "failed",
      last: { result: "mismatch", imageUrl: null },
    });
    await isTurnedAway(zhangsan);

    await rename("zhangsan@netcourt.demo", "张三");
    const matched = await check(zhangsan, { name: "face-check.png", content: PNG, type: "image/png" });
    expect(matched.status, JSON.stringify(matched.body)).toBe(200);
    expect(matched.body).toMatchObject({
      hearingId,
      role: "party",
      result: "match",
      provider: "simulator",
      score: 0.97,
      imageUrl: null,
    });
    const rows = await checksOf("zhangsan@netcourt.demo");
    expect(rows.map((r) => [r.result, r.image_media_type])).toEqual([
      ["mismatch", "image/jpeg"],
      ["match", "image/png"],
    ]);
    // The photo is in the file store under its SHA-256, which the service was given.
    expect((await app.context.files.read(rows[1]!.image_sha256)).equals(PNG)).toBe(true);
    expect((await stateOf(zhangsan)).faceCheck.standing).toBe("passed");
    const seat = await enters(zhangsan);
    expect(seat.of("welcome")[0]).toMatchObject({ isAdmitted: false, self: { role: "party" } });
    await seat.next("waiting");
    seat.socket.close();

    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", hearingId)
      .where("action", "=", "hearing.face_checked")
      .execute();
    expect(audit).toHaveLength(2);
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "hearing_face_checked")
      .execute();
    expect(events).toHaveLength(2);
  });

  it("keeps the attempt when the service cannot decide, and lets the agent wait for the judge's check by sight", async () => {
    await rename("wanglawyer@netcourt.demo", "核验异常");
    const failed = await check(lawyer, photo(20));
    await rename("wanglawyer@netcourt.demo", "王律师");
    expect(failed.status).toBe(503);
    expect(failed.body.error).toBe("face_check_unavailable");
    expect((await checksOf("wanglawyer@netcourt.demo")).map((r) => [r.role, r.result])).toEqual([
      ["agent", "error"],
    ]);
    expect((await stateOf(lawyer)).faceCheck.standing).toBe("by_sight");
    const seat = await enters(lawyer);
    await seat.next("waiting");
    seat.socket.close();
  });

  it("answers 409 to an account without a verified ID number, whom the judge checks by sight", async () => {
    const lisiId = userId("lisi@netcourt.demo");
    const { verified_at: verifiedAt } = await app.context.db
      .selectFrom("users")
      .select("verified_at")
      .where("id", "=", lisiId)
      .executeTakeFirstOrThrow();
    await app.context.db
      .updateTable("users")
      .set({ verification_status: "unverified", verified_at: null })
      .where("id", "=", lisiId)
      .execute();
    try {
      const refused = await check(lisi, photo(30));
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe("face_check_no_verified_id");
      expect(await checksOf("lisi@netcourt.demo")).toHaveLength(0);
      expect((await stateOf(lisi)).faceCheck.standing).toBe("by_sight");
      const seat = await enters(lisi);
      await seat.next("waiting");
      seat.socket.close();
    } finally {
      await app.context.db
        .updateTable("users")
        .set({ verification_status: "verified", verified_at: verifiedAt })
        .where("id", "=", lisiId)
        .execute();
    }
  });

  it("shows each check to the court in the attendance, and the photo to the hearing's judge and clerk only", async () => {
    const attendance = await judge.get<TAttendance>(`/api/hearings/${hearingId}/attendance`);
    expect(attendance.status).toBe(200);
    const party = attendance.body.items.find((i) => i.role === "party" && i.partyRole === "plaintiff")!;
    expect(party.faceCheck).toMatchObject({ standing: "passed", last: { result: "match" } });
    const agent = attendance.body.items.find((i) => i.role === "agent")!;
    expect(agent.faceCheck).toMatchObject({ standing: "by_sight", last: { result: "error" } });
    const defendant = attendance.body.items.find((i) => i.role === "party" && i.partyRole === "defendant")!;
    // Verified again since, the defendant would now be asked for a check before entering once more.
    expect(defendant.faceCheck).toEqual({ standing: "needed", last: null });
    expect(attendance.body.items.find((i) => i.role === "judge")!.faceCheck).toBeNull();

    const url = party.faceCheck!.last!.imageUrl!;
    expect(url).toBe(`/api/hearings/${hearingId}/room/face-checks/${party.faceCheck!.last!.id}/image`);
    for (const court of [judge, clerk]) {
      const image = await court.request("GET", url);
      expect(image.status).toBe(200);
      expect(image.raw.rawPayload.equals(PNG)).toBe(true);
      expect(image.headers["content-type"]).toBe("image/png");
      expect(image.headers["cache-control"]).toBe("private, no-store");
    }
    // The party itself, the other side's agent, court staff not named for the hearing: forbidden.
    for (const other of [zhangsan, lawyer, lisi, otherClerk]) {
      const refused = await other.get<ErrorBody>(url);
      expect(refused.status).toBe(403);
    }
    expect((await stranger.get(url)).status).toBe(404);
    expect((await otherCourtJudge.get(url)).status).toBe(404);
    expect((await anonymous.get(url)).status).toBe(401);
    expect(
      (
        await judge.get(
          `/api/hearings/${hearingId}/room/face-checks/00000000-0000-4000-8000-000000000000/image`,
        )
      ).status,
    ).toBe(404);
    // A check of one hearing is not reached through another.
    expect((await judge.get(url.replace(hearingId, plainHearingId))).status).toBe(404);
    // Court staff who read the attendance see the results, not the photo.
    const byStaff = await otherClerk.get<TAttendance>(`/api/hearings/${hearingId}/attendance`);
    expect(byStaff.status).toBe(200);
    const seen = byStaff.body.items.find((i) => i.role === "party" && i.partyRole === "plaintiff")!;
    expect(seen.faceCheck?.last).toMatchObject({ result: "match", imageUrl: null });
  });

  it("lets everyone into a room that asks for no check, and takes no photo there", async () => {
    const seat = await enters(zhangsan, plainHearingId);
    await seat.next("waiting");
    seat.socket.close();
    const refused = await check(zhangsan, photo(40), plainHearingId);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("face_check_not_required");
    const attendance = await judge.get<TAttendance>(`/api/hearings/${plainHearingId}/attendance`);
    expect(attendance.body.items.every((i) => i.faceCheck === null)).toBe(true);
  });
});
