import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { TestClient } from "../../../testing/test-app";
import { broadcastFixture, webmBytes, type BroadcastFixture } from "../recording/broadcast.fixture";
import { LiveHub } from "./live.hub";
import type { TLiveControl } from "./live.schemas";

type ErrorBody = {
  error: string;
  details: Array<{ code: string; params?: Record<string, unknown> }>;
};
type PublicLive = { streamId: string; status: string; latestSeq: number | null; partiesZh: string | null };
type LiveList = { items: Array<{ hearingId: string; partiesZh: string | null; caseNumber: string | null }> };
type Replay = { segments: Array<{ seq: number; url: string }>; streams: unknown[] };

// 庭审公开: 民事诉讼法第一百三十七条, 在线诉讼规则第二十七条, 最高人民法院关于人民法院直播录播庭审活动的规定第二条.
describe.each(testDatabaseKinds())("live streaming of public hearings on %s", (kind) => {
  let f: BroadcastFixture;
  let streamId: string;
  const live = (hearingId: string, act: string) => `/api/hearings/${hearingId}/live/${act}`;
  const publish = (client: TestClient, hearingId: string, seq: number, bytes: Buffer, capturedAt?: number) =>
    client.request<ErrorBody & { seq: number; capturedAt: string }>(
      "POST",
      live(hearingId, `segments/${seq}`),
      {
        payload: bytes,
        headers: {
          "content-type": "video/webm;codecs=vp8,opus",
          ...(capturedAt === undefined
            ? {}
            : { "x-capture-started-at": String(capturedAt), "x-sent-at": String(capturedAt + 1500) }),
        },
      },
    );
  const segmentUrl = (hearingId: string, seq: number, query = "") =>
    `/api/public/hearings/${hearingId}/live/segments/${seq}${query}`;

  beforeAll(async () => {
    f = await broadcastFixture(kind);
  });
  afterAll(async () => {
    await f?.app.close();
  });

  it("refuses to stream a hearing that is not public, with the reason in both languages", async () => {
    const refused = await f.clerk.post<ErrorBody>(live(f.privateHearingId, "start"), { hideFaces: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("hearing_not_public");
    expect(refused.body.details[0]).toMatchObject({
      code: "personal_privacy",
      params: {
        reason: "personal_privacy",
        reasonZh: "涉及个人隐私",
        reasonEn: "it involves personal privacy",
      },
    });
    const control = await f.judge.get<TLiveControl>(`/api/hearings/${f.privateHearingId}/live`);
    expect(control.body).toMatchObject({
      mayStream: false,
      status: "none",
      refusal: { reason: "personal_privacy" },
    });
    // Nothing of it on the portal.
    expect((await f.anonymous.get(`/api/public/hearings/${f.privateHearingId}/live`)).status).toBe(404);
    expect((await f.anonymous.get(`/api/public/hearings/${f.privateHearingId}/replay`)).status).toBe(404);
  });

  it("lets only the judge and the hearing's clerk start the stream", async () => {
    for (const [client, status] of [
      [f.zhangsan, 403],
      [f.lawyer, 403],
      [f.otherClerk, 403],
      [f.otherCourtJudge, 404],
      [f.stranger, 404],
      [f.anonymous, 401],
    ] as const) {
      expect((await client.post(live(f.publicHearingId, "start"), { hideFaces: true })).status).toBe(status);
      expect((await client.get(`/api/hearings/${f.publicHearingId}/live`)).status).toBe(status);
    }
    expect((await f.clerk.post(live(f.publicHearingId, "start"), { hideFaces: "yes" })).status).toBe(400);
    // Not streamed yet: segments are refused.
    expect((await publish(f.clerk, f.publicHearingId, 0, webmBytes("0"))).body.error).toBe(
      "hearing_live_not_live",
    );
    const started = await f.clerk.post<TLiveControl>(live(f.publicHearingId, "start"), { hideFaces: true });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ mayStream: true, status: "live", hideFaces: true, viewers: 0 });
    streamId = started.body.streamId!;
    const events = await f.app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", f.publicCaseId)
      .execute();
    expect(events.map((e) => e.kind)).toContain("hearing_live_started");
  });

  it("serves the segments to anonymous viewers with the announcement's masked names only", async () => {
    const capturedAt = f.app.clock.now().getTime() - 2000;
    expect((await publish(f.zhangsan, f.publicHearingId, 0, webmBytes("0"), capturedAt)).status).toBe(403);
    expect((await publish(f.anonymous, f.publicHearingId, 0, webmBytes("0"), capturedAt)).status).toBe(401);
    const first = await publish(f.clerk, f.publicHearingId, 0, webmBytes("0"), capturedAt);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // The browser said the segment was 1.5 s old when sent: the capture time is on the server's clock.
    expect(new Date(first.body.capturedAt).getTime()).toBe(f.app.clock.now().getTime() - 1500);
    expect((await publish(f.clerk, f.publicHearingId, 0, webmBytes("0"), capturedAt)).status).toBe(200);
    expect((await publish(f.clerk, f.publicHearingId, 0, webmBytes("X"), capturedAt)).body.error).toBe(
      "hearing_live_segment_conflict",
    );

    const list = await f.anonymous.get<LiveList>("/api/public/hearings/live");
    expect(list.status).toBe(200);
    const entry = list.body.items.find((i) => i.hearingId === f.publicHearingId)!;
    expect(entry.partiesZh).toContain("张某");
    expect(list.body.items.some((i) => i.hearingId === f.privateHearingId)).toBe(false);
    const status = await f.anonymous.get<PublicLive>(`/api/public/hearings/${f.publicHearingId}/live`);
    expect(status.body).toMatchObject({ status: "live", latestSeq: 0, streamId });
    for (const body of [JSON.stringify(list.body), JSON.stringify(status.body)]) {
      for (const personal of ["张三", "13800001111", "文三路", "王律师", "钱七"])
        expect(body).not.toContain(personal);
    }

    const segment = await f.anonymous.get(segmentUrl(f.publicHearingId, 0));
    expect(segment.status).toBe(200);
    expect(segment.headers["content-type"]).toBe("video/webm");
    expect(segment.raw.rawPayload.equals(webmBytes("0"))).toBe(true);
    expect(Number(segment.headers["x-captured-at"])).toBe(f.app.clock.now().getTime() - 1500);
    expect(segment.headers["cache-control"]).toContain("public");
    expect(segment.headers["set-cookie"]).toBeUndefined();
  });

  it("holds a viewer's request until the next segment is published", async () => {
    const waiting = f.anonymous.get(segmentUrl(f.publicHearingId, 1, "?viewer=viewer-aaaa"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await publish(f.clerk, f.publicHearingId, 1, webmBytes("1"))).status).toBe(200);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.raw.rawPayload.equals(webmBytes("1"))).toBe(true);
    // Far beyond the latest: not waited for.
    const ahead = await f.anonymous.get<ErrorBody>(segmentUrl(f.publicHearingId, 40));
    expect(ahead.status).toBe(404);
    expect(ahead.body.details[0]!.code).toBe("not_yet");
  });

  it("gives a viewer on another node the segments and counts viewers across nodes", async () => {
    const other = new LiveHub({
      db: f.app.context.db,
      files: f.app.context.files,
      clock: f.app.context.clock,
      log: f.app.context.log,
    });
    try {
      expect((await other.segment(streamId, 0, 0))?.bytes.equals(webmBytes("0"))).toBe(true);
      const waiting = other.segment(streamId, 2, 3_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await publish(f.clerk, f.publicHearingId, 2, webmBytes("2"))).status).toBe(200);
      expect((await waiting)?.bytes.equals(webmBytes("2"))).toBe(true);

      await f.anonymous.get(`/api/public/hearings/${f.publicHearingId}/live?viewer=viewer-bbbb`);
      let control = await f.judge.get<TLiveControl>(`/api/hearings/${f.publicHearingId}/live`);
      // viewer-aaaa and viewer-bbbb on this node, and the viewer above without an id (counted by address).
      expect(control.body.viewers).toBe(3);
      other.sawViewer(streamId, "viewer-cccc");
      await other.flushViewers(streamId);
      control = await f.judge.get<TLiveControl>(`/api/hearings/${f.publicHearingId}/live`);
      expect(control.body.viewers).toBe(4);
      // Ten seconds without a fetch: nobody watches.
      f.app.clock.advance(11_000);
      control = await f.judge.get<TLiveControl>(`/api/hearings/${f.publicHearingId}/live`);
      expect(control.body.viewers).toBe(0);
    } finally {
      other.close();
    }
  });

  it("keeps the segments as the public replay once the stream ends", async () => {
    expect((await f.zhangsan.post(live(f.publicHearingId, "stop"))).status).toBe(403);
    const stopped = await f.judge.post<TLiveControl>(live(f.publicHearingId, "stop"));
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe("ended");
    expect((await f.judge.post<ErrorBody>(live(f.publicHearingId, "stop"))).body.error).toBe(
      "hearing_live_not_live",
    );
    expect((await publish(f.clerk, f.publicHearingId, 3, webmBytes("3"))).body.error).toBe(
      "hearing_live_not_live",
    );

    const list = await f.anonymous.get<LiveList>("/api/public/hearings/live");
    expect(list.body.items.some((i) => i.hearingId === f.publicHearingId)).toBe(false);
    const status = await f.anonymous.get<PublicLive>(`/api/public/hearings/${f.publicHearingId}/live`);
    expect(status.body.status).toBe("ended");
    const replay = await f.anonymous.get<Replay>(`/api/public/hearings/${f.publicHearingId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.segments.map((s) => s.seq)).toEqual([0, 1, 2]);
    const played = await f.anonymous.get(replay.body.segments[1]!.url);
    expect(played.raw.rawPayload.equals(webmBytes("1"))).toBe(true);
    expect(played.headers["cache-control"]).toContain("immutable");
    const gone = await f.anonymous.get<ErrorBody>(segmentUrl(f.publicHearingId, 3));
    expect(gone.status).toBe(404);
    expect(gone.body.details[0]!.code).toBe("ended");

    const events = await f.app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "opening"])
      .where("case_id", "=", f.publicCaseId)
      .where("kind", "=", "hearing_live_stopped")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.opening).toContain('"segments":3');
  });

  it("refuses to stream a hearing that does not sit", async () => {
    await f.app.context.db
      .updateTable("hearings")
      .set({ status: "scheduled" })
      .where("id", "=", f.publicHearingId)
      .execute();
    const refused = await f.clerk.post<ErrorBody>(live(f.publicHearingId, "start"), { hideFaces: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("hearing_status_conflict");
  });
});
