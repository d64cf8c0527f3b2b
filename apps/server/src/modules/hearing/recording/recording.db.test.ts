import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { TestClient } from "../../../testing/test-app";
import { broadcastFixture, webmBytes, type BroadcastFixture } from "./broadcast.fixture";
import { hearingRecordingSealJob } from "./recording.jobs";
import type { THearingRecordings } from "./recording.schemas";

type ErrorBody = { error: string; details: Array<{ code: string; params?: Record<string, unknown> }> };
type Chunk = { recordingId: string; seq: number; sha256: string; isNew: boolean };
type Recording = THearingRecordings["recordings"][number];

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

// 最高人民法院关于人民法院庭审录音录像的若干规定: the whole hearing recorded (第一条、第三条), kept true and
// complete (第四条), stored (第五条), and open to the parties (第十条).
describe.each(testDatabaseKinds())("hearing recordings on %s", (kind) => {
  let f: BroadcastFixture;

  const chunkUrl = (hearingId: string, seq: number | string) =>
    `/api/hearings/${hearingId}/recording/chunks/${seq}`;
  const send = (
    client: TestClient,
    hearingId: string,
    seq: number | string,
    bytes: Buffer,
    type = "video/webm;codecs=vp8,opus",
  ) =>
    client.request<Chunk & ErrorBody>("POST", chunkUrl(hearingId, seq), {
      payload: bytes,
      headers: { "content-type": type },
    });

  beforeAll(async () => {
    f = await broadcastFixture(kind);
  });
  afterAll(async () => {
    await f?.app.close();
  });

  it("takes chunks from the clerk, again the same bytes, and refuses other bytes under a number taken", async () => {
    const first = await send(f.clerk, f.publicHearingId, 0, webmBytes("a"));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ seq: 0, isNew: true, sha256: sha256(webmBytes("a")) });
    const again = await send(f.clerk, f.publicHearingId, 0, webmBytes("a"));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recordingId: first.body.recordingId, isNew: false });
    const other = await send(f.clerk, f.publicHearingId, 0, webmBytes("x"));
    expect(other.status).toBe(409);
    expect(other.body.error).toBe("hearing_recording_chunk_conflict");
    // The judge may record too.
    expect((await send(f.judge, f.publicHearingId, 1, webmBytes("b"))).status).toBe(200);
  });

  it("refuses chunks that are not WebM, too large, badly numbered, or from anyone but the judge and the clerk", async () => {
    expect((await send(f.clerk, f.publicHearingId, 5, webmBytes("c"), "video/mp4")).status).toBe(415);
    expect((await send(f.clerk, f.publicHearingId, -1, webmBytes("c"))).body.error).toBe("validation_failed");
    expect((await send(f.clerk, f.publicHearingId, "x", webmBytes("c"))).body.error).toBe(
      "validation_failed",
    );
    expect((await send(f.clerk, f.publicHearingId, 5, Buffer.alloc(17 * 1024 * 1024))).status).toBe(413);
    for (const [client, status] of [
      [f.zhangsan, 403],
      [f.lawyer, 403],
      [f.otherClerk, 403],
      [f.otherCourtJudge, 404],
      [f.stranger, 404],
      [f.anonymous, 401],
    ] as const) {
      expect((await send(client, f.publicHearingId, 5, webmBytes("c"))).status).toBe(status);
    }
  });

  it("refuses to seal a recording with a missing chunk and names it", async () => {
    expect((await send(f.clerk, f.publicHearingId, 3, webmBytes("d"))).status).toBe(200);
    const gap = await f.clerk.post<ErrorBody>(`/api/hearings/${f.publicHearingId}/recording/seal`);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toBe("hearing_recording_gap");
    expect(gap.body.details[0]!.params).toMatchObject({ missingSeqs: [2] });
  });

  it("seals the chunks in order into one stored file whose hash is in the ledger", async () => {
    expect((await send(f.clerk, f.publicHearingId, 2, webmBytes("c"))).status).toBe(200);
    for (const client of [f.zhangsan, f.otherClerk])
      expect((await client.post(`/api/hearings/${f.publicHearingId}/recording/seal`)).status).toBe(403);
    const sealed = await f.clerk.post<Recording>(`/api/hearings/${f.publicHearingId}/recording/seal`);
    expect(sealed.status, JSON.stringify(sealed.body)).toBe(200);
    const whole = Buffer.concat(["a", "b", "c", "d"].map((l) => webmBytes(l)));
    expect(sealed.body).toMatchObject({
      status: "sealed",
      sha256: sha256(whole),
      size: whole.length,
      chunks: 4,
      sealedBy: "court",
      missingSeqs: [],
    });
    const stored = await f.app.context.files.read(sealed.body.sha256!);
    expect(sha256(stored)).toBe(sealed.body.sha256);
    expect(stored.equals(whole)).toBe(true);

    const events = await f.app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "opening"])
      .where("case_id", "=", f.publicCaseId)
      .where("kind", "=", "hearing_recording_sealed")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.opening).toContain(sealed.body.sha256!);
    const audit = await f.app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", f.publicHearingId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["hearing.recording_started", "hearing.recording_sealed"]),
    );

    // Sealed: a second seal finds nothing open; a late chunk 4 has no recording to join.
    expect(
      (await f.clerk.post<ErrorBody>(`/api/hearings/${f.publicHearingId}/recording/seal`)).body.error,
    ).toBe("hearing_recording_not_open");
    expect((await send(f.clerk, f.publicHearingId, 4, webmBytes("e"))).body.error).toBe(
      "hearing_recording_not_open",
    );
    // The first chunk retried after the seal is the same chunk, not a new recording.
    expect((await send(f.clerk, f.publicHearingId, 0, webmBytes("a"))).body).toMatchObject({ isNew: false });
  });

  it("lets the parties and their agents play the recording, and nobody else", async () => {
    const listed = await f.lawyer.get<THearingRecordings>(`/api/hearings/${f.publicHearingId}/recording`);
    expect(listed.status).toBe(200);
    expect(listed.body.canRecord).toBe(false);
    const recording = listed.body.recordings.find((r) => r.status === "sealed")!;
    const file = await f.zhangsan.get(recording.fileUrl!);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("video/webm");
    expect(file.raw.rawPayload.length).toBe(recording.size);
    const part = await f.zhangsan.get(recording.fileUrl!, { range: "bytes=0-3" });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 0-3/${recording.size}`);
    expect([...part.raw.rawPayload]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect((await f.zhangsan.get(recording.fileUrl!, { range: "bytes=999999-" })).status).toBe(416);
    expect(
      (await f.clerk.get<THearingRecordings>(`/api/hearings/${f.publicHearingId}/recording`)).body.canRecord,
    ).toBe(true);
    for (const [client, status] of [
      [f.otherClerk, 403],
      [f.otherCourtJudge, 404],
      [f.stranger, 404],
      [f.anonymous, 401],
    ] as const) {
      expect((await client.get(`/api/hearings/${f.publicHearingId}/recording`)).status).toBe(status);
      expect((await client.get(recording.fileUrl!)).status).toBe(status);
    }
    // Another hearing's recording id under this hearing's address is nobody's recording.
    const crossed = recording.fileUrl!.replace(f.publicHearingId, f.privateHearingId);
    expect((await f.zhangsan.get<ErrorBody>(crossed)).body.error).toBe("hearing_recording_not_found");
  });

  it("is sealed by the system once the hearing is over when the clerk's browser never did, gaps named", async () => {
    const hearingId = f.privateHearingId;
    // Recording a private hearing is the rule too (第一条); only streaming it is not allowed.
    expect((await send(f.clerk, hearingId, 0, webmBytes("p"))).status).toBe(200);
    expect((await send(f.clerk, hearingId, 2, webmBytes("r"))).status).toBe(200);
    const job = hearingRecordingSealJob(f.app.context);
    // Still sitting: the job waits.
    await job.handle({ hearingId }, { now: f.app.clock.now(), attempt: 1, jobId: 0 });
    let listed = await f.judge.get<THearingRecordings>(`/api/hearings/${hearingId}/recording`);
    expect(listed.body.recordings[0]!.status).toBe("open");
    await f.app.context.db
      .updateTable("hearings")
      .set({ status: "held", updated_at: f.app.clock.now() })
      .where("id", "=", hearingId)
      .execute();
    await job.handle({ hearingId }, { now: f.app.clock.now(), attempt: 1, jobId: 0 });
    listed = await f.judge.get<THearingRecordings>(`/api/hearings/${hearingId}/recording`);
    expect(listed.body.recordings[0]).toMatchObject({
      status: "sealed",
      sealedBy: "system",
      sha256: sha256(webmBytes("p")),
      missingSeqs: [1],
    });
    // Chunks arrive for a while after the hearing closes, then no more.
    await f.app.context.db
      .updateTable("hearings")
      .set({ updated_at: new Date(f.app.clock.now().getTime() - 31 * 60_000) })
      .where("id", "=", hearingId)
      .execute();
    const late = await send(f.clerk, hearingId, 0, webmBytes("z"));
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("hearing_status_conflict");
  });
});
