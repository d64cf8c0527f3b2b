import { expect } from "vitest";
import {
  acceptedCase,
  seedDemo,
  shoppingComplaint,
  signIn,
  withDefendantAndLawyer,
} from "../../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../../testing/test-app";
import type { DatabaseKind } from "../../../testing/test-database";

/** Everyone a recording or live-stream test needs: a public and a private hearing, both sitting. */
export interface BroadcastFixture {
  app: TestApp;
  judge: TestClient;
  clerk: TestClient;
  /** The plaintiff of both cases. */
  zhangsan: TestClient;
  /** The defendant's agent (a lawyer). */
  lawyer: TestClient;
  /** A clerk of the same court not named for the hearings. */
  otherClerk: TestClient;
  /** A judge of another court. */
  otherCourtJudge: TestClient;
  /** A litigant of no case here. */
  stranger: TestClient;
  anonymous: TestClient;
  publicCaseId: string;
  publicHearingId: string;
  privateHearingId: string;
}

export async function broadcastFixture(kind: DatabaseKind): Promise<BroadcastFixture> {
  const app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
  const accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
  const userId = (login: string) => accounts.get(login)!.userId;
  const zhangsan = await signIn(app, "zhangsan@netcourt.demo");
  const clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  const judgeLogin = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
  const judge = await signIn(app, judgeLogin.login);
  const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
    .items;
  const courtId = courts.find((c) => c.code === "浙0192")!.id;
  const db = app.context.db;

  async function sittingHearing(
    overrides: Record<string, unknown>,
  ): Promise<{ caseId: string; hearingId: string }> {
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    await withDefendantAndLawyer(app, caseId, {
      defendantUserId: userId("lisi@netcourt.demo"),
      lawyerUserId: userId("wanglawyer@netcourt.demo"),
      judgeId: judgeLogin.userId,
    });
    const created = await judge.post<{ id: string }>(`/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt: "2026-03-10T09:30:00+08:00",
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
      ...overrides,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The room opens the hearing (modules/hearing/room); here the sitting is simply under way.
    await db
      .updateTable("hearings")
      .set({ status: "in_progress" })
      .where("id", "=", created.body.id)
      .execute();
    return { caseId, hearingId: created.body.id };
  }

  const publicHearing = await sittingHearing({});
  const privateHearing = await sittingHearing({ isPublic: false, notPublicReason: "personal_privacy" });
  return {
    app,
    judge,
    clerk,
    zhangsan,
    lawyer: await signIn(app, "wanglawyer@netcourt.demo"),
    otherClerk: await signIn(app, "hzhlw.clerk2@netcourt.demo"),
    otherCourtJudge: await signIn(app, "hzzy.judge1@netcourt.demo"),
    stranger: await signIn(app, "yunqi@netcourt.demo"),
    anonymous: new TestClient(app),
    publicCaseId: publicHearing.caseId,
    publicHearingId: publicHearing.hearingId,
    privateHearingId: privateHearing.hearingId,
  };
}

/** A few bytes standing in for a WebM slice (the server does not parse the media). */
export function webmBytes(label: string, size = 2048): Buffer {
  const bytes = Buffer.alloc(size, label);
  // EBML magic, as MediaRecorder's first chunk starts.
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes);
  return bytes;
}
