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
import { encodeWav } from "../../../platform/ports/speech";
import type { TTranscript, TTranscriptSigning } from "./transcript.schemas";

type ErrorBody = { error: string; details: Array<{ code: string; path?: string }> };

// 民事诉讼法第一百五十条; 在线诉讼规则第三十三条、第三十四条; 最高人民法院关于人民法院庭审录音录像的若干规定第二条、
// 第六条、第七条: speech recognition makes the transcript, the clerk corrects it, every participant reads and
// signs it online or refuses with a reason, and the signed transcript goes to the case file and the ledger.
describe.each(testDatabaseKinds())("the hearing transcript on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient; // plaintiff
  let lisi: TestClient; // defendant
  let lawyer: TestClient; // the defendant's agent
  let clerk: TestClient; // the hearing's clerk
  let otherClerk: TestClient; // a clerk of the court, not of this hearing
  let foreignClerk: TestClient; // a judge of another court
  let stranger: TestClient; // a litigant of no part in the case
  let anonymous: TestClient;
  let judge: TestClient;
  let hearingId: string;
  let waitingHearingId: string; // scheduled, not sitting

  const userId = (login: string) => accounts.get(login)!.userId;
  const base = () => `/api/hearings/${hearingId}/transcript`;

  function postAudio(client: TestClient, id: string, audio: Buffer, query: string, type = "audio/wav") {
    return client.request<{ chunkId: string; isNew: boolean } & ErrorBody>(
      "POST",
      `/api/hearings/${id}/transcript/audio?${query}`,
      { payload: audio, headers: { "content-type": type } },
    );
  }

  async function linkedCase(): Promise<string> {
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    await withDefendantAndLawyer(app, caseId, {
      defendantUserId: userId("lisi@netcourt.demo"),
      lawyerUserId: userId("wanglawyer@netcourt.demo"),
    });
    return caseId;
  }

  async function scheduledHearing(caseId: string, judgeId: string, startsAt: string): Promise<string> {
    await app.context.db.updateTable("cases").set({ judge_id: judgeId }).where("id", "=", caseId).execute();
    const created = await judge.post<{ id: string }>(`/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt,
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  async function courtEvents(kind: string) {
    const rows = await app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "opening"])
      .where("kind", "=", kind)
      .execute();
    return rows.map((row) => (JSON.parse(row.opening) as { payload: Record<string, unknown> }).payload);
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "hzhlw.clerk2@netcourt.demo");
    stranger = await signIn(app, "yunqi@netcourt.demo");
    anonymous = new TestClient(app);
    const foreign = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙01")!;
    foreignClerk = await signIn(app, foreign.login);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    const judgeAccount = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
    judge = await signIn(app, judgeAccount.login);
    hearingId = await scheduledHearing(await linkedCase(), judgeAccount.userId, "2026-03-10T09:30:00+08:00");
    waitingHearingId = await scheduledHearing(
      await linkedCase(),
      judgeAccount.userId,
      "2026-03-11T09:30:00+08:00",
    );
    // The room opens the sitting (modules/hearing/room); here the hearing is simply sitting.
    await app.context.db
      .updateTable("hearings")
      .set({ status: "in_progress" })
      .where("id", "=", hearingId)
      .execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("audio and speech recognition", () => {
    it("turns each participant's audio into segments with the speaker's label and hearing time stamps", async () => {
      const judged = await postAudio(
        judge,
        hearingId,
        encodeWav({ durationMs: 4000, cue: "现在开庭。请原告陈述诉讼请求。" }),
        "seq=0&offsetMs=0",
      );
      expect(judged.status, JSON.stringify(judged.body)).toBe(202);
      expect(judged.body.isNew).toBe(true);
      expect(
        (
          await postAudio(
            zhangsan,
            hearingId,
            encodeWav({ durationMs: 3000, cue: "请求判令被告退还货款三千元。" }),
            "seq=0&offsetMs=5000",
          )
        ).status,
      ).toBe(202);
      expect(
        (
          await postAudio(
            lawyer,
            hearingId,
            encodeWav({ durationMs: 2000, cue: "不同意原告的请求。" }),
            "seq=0&offsetMs=9000&durationMs=2000",
          )
        ).status,
      ).toBe(202);
      expect(
        (
          await postAudio(
            lisi,
            hearingId,
            encodeWav({ durationMs: 2000, silent: true }),
            "seq=0&offsetMs=12000",
          )
        ).status,
      ).toBe(202);

      const before = await clerk.get<TTranscript>(base());
      expect(before.body.segments).toEqual([]);
      expect(before.body.pendingChunks).toBe(4);
      await app.jobs.runDue();

      const after = await clerk.get<TTranscript>(base());
      expect(after.status).toBe(200);
      expect(after.body.pendingChunks).toBe(0);
      expect(
        after.body.segments.map((s) => [s.speakerRole, s.speakerName, s.startMs, s.endMs, s.text, s.source]),
      ).toEqual([
        ["judge", judgeName(), 0, 1333, "现在开庭。", "asr"],
        ["judge", judgeName(), 1333, 4000, "请原告陈述诉讼请求。", "asr"],
        ["plaintiff", "张三", 5000, 8000, "请求判令被告退还货款三千元。", "asr"],
        ["defendant_agent", "王律师", 9000, 11000, "不同意原告的请求。", "asr"],
      ]);
      expect(after.body.segments.every((s) => s.originalText === s.text && s.editCount === 0)).toBe(true);
    });

    it("takes a chunk sent again once", async () => {
      const again = await postAudio(
        judge,
        hearingId,
        encodeWav({ durationMs: 4000, cue: "重复" }),
        "seq=0&offsetMs=0",
      );
      expect(again.status).toBe(202);
      expect(again.body.isNew).toBe(false);
      await app.jobs.runDue();
      const list = await clerk.get<TTranscript>(base());
      expect(list.body.segments.some((s) => s.text === "重复")).toBe(false);
    });

    it("lists the audio speech recognition gave up on, in hearing time, for the clerk to write in", async () => {
      const chunk = await app.context.db
        .selectFrom("hearing_transcript_chunks")
        .select(["id", "participant_id", "offset_ms", "duration_ms", "status"])
        .where("hearing_id", "=", hearingId)
        .orderBy("offset_ms")
        .executeTakeFirstOrThrow();
      expect((await clerk.get<TTranscript>(base())).body.failedChunks).toEqual([]);
      await app.context.db
        .updateTable("hearing_transcript_chunks")
        .set({ status: "failed" })
        .where("id", "=", chunk.id)
        .execute();
      try {
        const view = await clerk.get<TTranscript>(base());
        expect(view.body.failedChunks).toEqual([
          {
            participantId: chunk.participant_id,
            startMs: chunk.offset_ms,
            endMs: chunk.duration_ms === null ? null : chunk.offset_ms + chunk.duration_ms,
          },
        ]);
      } finally {
        await app.context.db
          .updateTable("hearing_transcript_chunks")
          .set({ status: chunk.status })
          .where("id", "=", chunk.id)
          .execute();
      }
    });

    it("refuses audio from outside the hearing, bad audio, and audio before the sitting", async () => {
      const wav = encodeWav({ durationMs: 1000, cue: "x" });
      const refused = [
        [otherClerk, 403],
        [stranger, 404],
        [foreignClerk, 404],
        [anonymous, 401],
      ] as const;
      for (const [client, status] of refused)
        expect((await postAudio(client, hearingId, wav, "seq=9&offsetMs=0")).status).toBe(status);
      const asJson = await judge.request<ErrorBody>("POST", `${base()}/audio?seq=9&offsetMs=0`, {
        body: { audio: "x" },
      });
      expect(asJson.status).toBe(422);
      expect(asJson.body.error).toBe("transcript_audio_invalid");
      const empty = await postAudio(judge, hearingId, Buffer.alloc(0), "seq=9&offsetMs=0");
      expect([400, 422]).toContain(empty.status);
      const noSeq = await postAudio(judge, hearingId, wav, "offsetMs=0");
      expect(noSeq.status).toBe(400);
      const tooLarge = await postAudio(
        judge,
        hearingId,
        Buffer.alloc(3 * 1024 * 1024, 1),
        "seq=9&offsetMs=0",
      );
      expect(tooLarge.status).toBe(413);
      const early = await postAudio(judge, waitingHearingId, wav, "seq=0&offsetMs=0");
      expect(early.status).toBe(409);
      expect(early.body.error).toBe("hearing_status_conflict");
      const chunks = await app.context.db
        .selectFrom("hearing_transcript_chunks")
        .select("id")
        .where("seq", "=", 9)
        .execute();
      expect(chunks).toEqual([]);
    });
  });

  function judgeAccount() {
    return [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
  }
  const judgeName = () => judgeAccount().name;

  describe("the clerk's editor", () => {
    it("lets only the hearing's clerk and the judge edit, keeping the recognised original", async () => {
      const list = await clerk.get<TTranscript>(base());
      const segment = list.body.segments.find((s) => s.speakerRole === "plaintiff")!;
      const body = { text: "请求判令被告退还货款人民币三千元。" };
      for (const [client, status] of [
        [zhangsan, 403],
        [lawyer, 403],
        [otherClerk, 403],
        [stranger, 404],
        [foreignClerk, 404],
        [anonymous, 401],
      ] as const)
        expect((await client.post(`${base()}/segments/${segment.id}`, body)).status).toBe(status);

      const edited = await clerk.post(`${base()}/segments/${segment.id}`, body);
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const after = (await clerk.get<TTranscript>(base())).body.segments.find((s) => s.id === segment.id)!;
      expect(after.text).toBe(body.text);
      expect(after.originalText).toBe("请求判令被告退还货款三千元。");
      expect(after.editCount).toBe(1);
      const edits = await judge.get<{
        items: Array<{ kind: string; before: unknown; after: unknown; editedBy: string }>;
      }>(`${base()}/segments/${segment.id}/edits`);
      expect(edits.body.items).toEqual([
        expect.objectContaining({
          kind: "text",
          before: { text: "请求判令被告退还货款三千元。" },
          after: { text: body.text },
          editedBy: userId("hzhlw.clerk1@netcourt.demo"),
        }),
      ]);
      expect((await zhangsan.get(`${base()}/segments/${segment.id}/edits`)).status).toBe(403);
      const audit = await app.context.db
        .selectFrom("audit_events")
        .select("action")
        .where("subject_id", "=", hearingId)
        .where("action", "=", "hearing.transcript.segment_edited")
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("changes a speaker, adds a line, strikes one with a reason and reports changes after a cursor", async () => {
      const start = await clerk.get<TTranscript>(base());
      const lawyerLine = start.body.segments.find((s) => s.speakerRole === "defendant_agent")!;
      const lisiParticipant = start.body.participants.find((p) => p.speakerRole === "defendant")!;
      expect(
        (
          await judge.post(`${base()}/segments/${lawyerLine.id}`, {
            speaker: { participantId: lisiParticipant.id },
          })
        ).status,
      ).toBe(200);
      const notOurs = await judge.post<ErrorBody>(`${base()}/segments/${lawyerLine.id}`, {
        speaker: { participantId: "00000000-0000-4000-8000-000000000000" },
      });
      expect(notOurs.status).toBe(400);

      const added = await clerk.post<{ id: string }>(`${base()}/segments`, {
        startMs: 12_500,
        speaker: { participantId: lisiParticipant.id },
        text: "被告：我方请求驳回原告的诉讼请求。",
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(
        (await lisi.post(`${base()}/segments`, { startMs: 1, speaker: { name: "证人" }, text: "x" })).status,
      ).toBe(403);

      const judgeLine = start.body.segments.find((s) => s.text === "请原告陈述诉讼请求。")!;
      const noReason = await clerk.post<ErrorBody>(`${base()}/segments/${judgeLine.id}/strike`, {
        isStruck: true,
      });
      expect(noReason.status).toBe(400);
      expect(
        (
          await clerk.post(`${base()}/segments/${judgeLine.id}/strike`, {
            isStruck: true,
            reason: "重复识别",
          })
        ).status,
      ).toBe(200);

      const changed = await clerk.get<TTranscript>(`${base()}?since=${start.body.cursor}`);
      expect(changed.body.segments.map((s) => s.id).sort()).toEqual(
        [lawyerLine.id, added.body.id, judgeLine.id].sort(),
      );
      const moved = changed.body.segments.find((s) => s.id === lawyerLine.id)!;
      expect([moved.speakerRole, moved.speakerName, moved.originalText]).toEqual([
        "defendant",
        lisiParticipant.name,
        "不同意原告的请求。",
      ]);
      expect(changed.body.segments.find((s) => s.id === judgeLine.id)).toMatchObject({
        isStruck: true,
        struckReason: "重复识别",
      });
      expect(changed.body.cursor).toBeGreaterThan(start.body.cursor);
      expect((await clerk.get<TTranscript>(`${base()}?since=${changed.body.cursor}`)).body.segments).toEqual(
        [],
      );
      // The parties read the live transcript but may not change it.
      const asParty = await zhangsan.get<TTranscript>(base());
      expect(asParty.status).toBe(200);
      expect(asParty.body.actions).toEqual({ canEdit: false, canClose: false, canPostAudio: true });
      expect((await stranger.get(base())).status).toBe(404);
      expect((await foreignClerk.get(base())).status).toBe(404);
      expect((await otherClerk.get(base())).status).toBe(200);
    });
  });

  describe("reading and signing", () => {
    let v1: TTranscriptSigning;

    it("closes a version for signature: only the clerk or judge, during or after the sitting, never empty", async () => {
      expect((await zhangsan.post(`${base()}/close`, {})).status).toBe(403);
      expect((await stranger.post(`${base()}/close`, {})).status).toBe(404);
      const waiting = await clerk.post<ErrorBody>(`/api/hearings/${waitingHearingId}/transcript/close`, {});
      expect(waiting.body.error).toBe("hearing_status_conflict");
      const participants = (await clerk.get<TTranscript>(base())).body.participants;
      const judgeAbsent = await clerk.post<ErrorBody>(`${base()}/close`, {
        absentParticipantIds: [participants.find((p) => p.role === "judge")!.id],
      });
      expect(judgeAbsent.status).toBe(400);
      expect(await app.context.db.selectFrom("hearing_transcript_versions").select("id").execute()).toEqual(
        [],
      );

      const closed = await clerk.post<TTranscriptSigning>(`${base()}/close`, {});
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      v1 = closed.body;
      expect(v1.state).toBe("awaiting_signatures");
      expect(v1.version!.number).toBe(1);
      expect(v1.version!.segments.map((s) => s.text)).not.toContain("请原告陈述诉讼请求。");
      expect(v1.signers.map((s) => [s.role, s.decision]).sort()).toEqual(
        [
          ["agent", "pending"],
          ["clerk", "pending"],
          ["judge", "pending"],
          ["party", "pending"],
          ["party", "pending"],
        ].sort(),
      );
      const [event] = await courtEvents("transcript_closed");
      expect(event).toMatchObject({ hearingId, number: 1, contentSha256: v1.version!.contentSha256 });
      const inbox = await app.context.db
        .selectFrom("inbox_messages")
        .select("recipient_id")
        .where("kind", "=", "transcript_to_sign")
        .execute();
      expect(inbox.map((m) => m.recipient_id).sort()).toEqual(
        [
          userId("zhangsan@netcourt.demo"),
          userId("lisi@netcourt.demo"),
          userId("wanglawyer@netcourt.demo"),
          judgeAccount().userId,
        ].sort(),
      );
    });

    it("binds a signature to the version's hash and refuses signing twice without changing anything", async () => {
      const url = `${base()}/versions/${v1.version!.id}/sign`;
      const wrong = await zhangsan.post<ErrorBody>(url, { contentSha256: "0".repeat(64) });
      expect(wrong.status).toBe(409);
      expect(wrong.body.error).toBe("transcript_version_mismatch");
      expect((await stranger.post(url, { contentSha256: v1.version!.contentSha256 })).status).toBe(404);
      expect((await otherClerk.post(url, { contentSha256: v1.version!.contentSha256 })).status).toBe(403);
      const signed = await zhangsan.post<{ isComplete: boolean }>(url, {
        contentSha256: v1.version!.contentSha256,
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect(signed.body.isComplete).toBe(false);

      const before = await app.context.db
        .selectFrom("hearing_transcript_signatures")
        .select(["decision", "decided_at"])
        .where("user_id", "=", userId("zhangsan@netcourt.demo"))
        .executeTakeFirstOrThrow();
      const eventsBefore = (await courtEvents("transcript_signature_recorded")).length;
      app.clock.advance(60_000);
      const twice = await zhangsan.post<ErrorBody>(url, { contentSha256: v1.version!.contentSha256 });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe("transcript_already_signed");
      const refuseAfter = await zhangsan.post<ErrorBody>(`${base()}/versions/${v1.version!.id}/refuse`, {
        reason: "改主意",
      });
      expect(refuseAfter.body.error).toBe("transcript_already_signed");
      const afterRow = await app.context.db
        .selectFrom("hearing_transcript_signatures")
        .select(["decision", "decided_at"])
        .where("user_id", "=", userId("zhangsan@netcourt.demo"))
        .executeTakeFirstOrThrow();
      expect(afterRow).toEqual(before);
      expect((await courtEvents("transcript_signature_recorded")).length).toBe(eventsBefore);
    });

    it("needs a reason to refuse", async () => {
      const url = `${base()}/versions/${v1.version!.id}/refuse`;
      expect((await lisi.post(url, {})).status).toBe(400);
      expect((await lisi.post(url, { reason: "   " })).status).toBe(400);
    });

    it("re-issues a corrected version on a request for correction, clearing the signatures", async () => {
      const line = v1.version!.segments.find((s) => s.speakerRole === "defendant" && s.source === "asr")!;
      const asked = await lisi.post<{ id: string }>(`${base()}/versions/${v1.version!.id}/corrections`, {
        request: "我说的是“不同意原告的全部请求”。",
        segmentId: line.id,
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      expect(
        (await stranger.post(`${base()}/versions/${v1.version!.id}/corrections`, { request: "x" })).status,
      ).toBe(404);
      expect(
        (await clerk.post(`${base()}/segments/${line.id}`, { text: "不同意原告的全部请求。" })).status,
      ).toBe(200);
      const reissued = await clerk.post<TTranscriptSigning>(`${base()}/close`, {});
      expect(reissued.status).toBe(200);
      expect(reissued.body.version!.number).toBe(2);
      expect(reissued.body.version!.contentSha256).not.toBe(v1.version!.contentSha256);
      expect(reissued.body.signers.every((s) => s.decision === "pending")).toBe(true);
      expect(reissued.body.corrections).toEqual([
        expect.objectContaining({ id: asked.body.id, status: "corrected" }),
      ]);
      // The old version is no longer to sign.
      const stale = await lisi.post<ErrorBody>(`${base()}/versions/${v1.version!.id}/sign`, {
        contentSha256: v1.version!.contentSha256,
      });
      expect(stale.body.error).toBe("transcript_not_awaiting_signature");
    });

    it("records a declined correction, then issues the signed document with its hash in the ledger", async () => {
      const current = (await lawyer.get<TTranscriptSigning>(`${base()}/signing`)).body;
      const version = current.version!;
      expect(current.actions.canSign).toBe(true);
      const asked = await lawyer.post<{ id: string }>(`${base()}/versions/${version.id}/corrections`, {
        request: "请补记被告代理人的质证意见。",
      });
      expect(
        (await lisi.post(`${base()}/corrections/${asked.body.id}/decline`, { answer: "x" })).status,
      ).toBe(403);
      const declined = await clerk.post(`${base()}/corrections/${asked.body.id}/decline`, {
        answer: "质证意见已记录于第二项。",
      });
      expect(declined.status, JSON.stringify(declined.body)).toBe(200);
      const again = await clerk.post<ErrorBody>(`${base()}/corrections/${asked.body.id}/decline`, {
        answer: "再次",
      });
      expect(again.body.error).toBe("transcript_correction_decided");

      const sign = (client: TestClient) =>
        client.post<{ isComplete: boolean }>(`${base()}/versions/${version.id}/sign`, {
          contentSha256: version.contentSha256,
        });
      for (const client of [judge, clerk, zhangsan, lawyer])
        expect((await sign(client)).body.isComplete).toBe(false);
      const refused = await lisi.post<{ isComplete: boolean }>(`${base()}/versions/${version.id}/refuse`, {
        reason: "认为笔录未完整记录我方意见",
      });
      expect(refused.status, JSON.stringify(refused.body)).toBe(200);
      expect(refused.body.isComplete).toBe(true);

      const done = (await zhangsan.get<TTranscriptSigning>(`${base()}/signing`)).body;
      expect(done.state).toBe("signed");
      expect(done.signers.find((s) => s.speakerRole === "defendant")).toMatchObject({
        decision: "refused",
        refusalReason: "认为笔录未完整记录我方意见",
      });
      expect(done.document!.versions.map((v) => v.locale).sort()).toEqual(["en", "zh-CN"]);
      const documents = await app.context.db
        .selectFrom("case_documents")
        .select(["id", "kind", "docx_sha256", "locale"])
        .where("issue_id", "=", done.document!.issueId)
        .execute();
      expect(documents.every((d) => d.kind === "hearing_transcript")).toBe(true);
      const [event] = await courtEvents("transcript_signed");
      expect(event).toMatchObject({
        hearingId,
        number: 2,
        contentSha256: version.contentSha256,
        issueId: done.document!.issueId,
        signed: 4,
        refused: 1,
        absent: 0,
      });
      const zh = documents.find((d) => d.locale === "zh-CN")!;
      const en = documents.find((d) => d.locale === "en")!;
      expect(event!.documents).toEqual([zh.docx_sha256, en.docx_sha256]);
      const download = await zhangsan.get(`/api/cases/${current.caseId}/documents/${zh.id}/docx`);
      expect(download.status).toBe(200);

      const model = await app.context.db
        .selectFrom("case_documents")
        .select("model")
        .where("id", "=", zh.id)
        .executeTakeFirstOrThrow();
      const text = JSON.stringify(model.model);
      expect(text).toContain("不同意原告的全部请求。");
      expect(text).toContain("拒绝签名，理由：认为笔录未完整记录我方意见");
      expect(text).toContain("请补记被告代理人的质证意见。");

      // Signed: nothing changes any more.
      const segment = done.version!.segments[0]!;
      expect(
        (await clerk.post<ErrorBody>(`${base()}/segments/${segment.id}`, { text: "改" })).body.error,
      ).toBe("transcript_closed");
      expect((await clerk.post<ErrorBody>(`${base()}/close`, {})).body.error).toBe("transcript_closed");
      expect(
        (await postAudio(judge, hearingId, encodeWav({ durationMs: 1000, cue: "x" }), "seq=5&offsetMs=20000"))
          .body.error,
      ).toBe("transcript_closed");
      expect((await sign(zhangsan)).body).toMatchObject({ error: "transcript_already_signed" });
      const inbox = await app.context.db
        .selectFrom("inbox_messages")
        .select("recipient_id")
        .where("kind", "=", "transcript_signed")
        .execute();
      expect(inbox).toHaveLength(5);
    });
  });
});
