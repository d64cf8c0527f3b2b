import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt, until } from "./support/sign-in";
import {
  DAY_MS,
  ONE_PIXEL_PNG,
  courtDayAfter,
  courtToday,
  frameVariance,
  playerState,
  playhead,
} from "./support/court-day";

// Journey: the hearing recorded and streamed (庭审录音录像, 庭审公开). On the day of a public online hearing the
// clerk records it and streams it live with the device's camera; an anonymous visitor watches it on the
// public portal within a few seconds of real time; the judge sees one viewer; the clerk stops and the
// recording is sealed with its SHA-256 in the ledger. A hearing about personal privacy cannot be streamed.

/** Raw values a translated screen must never show. */
const RAW_CODES = /\b(hearing_\w+|personal_privacy|not_public\w*|in_progress|broadcast:\w+)\b/;

/** Files, pays and accepts a case of 张三 against a company; answers its id and the judge's login. */
async function acceptedCase(
  baseUrl: string,
  courtId: string,
): Promise<{ caseId: string; judgeLogin: string }> {
  const zhangsan = new ApiSession(baseUrl);
  await zhangsan.signIn("zhangsan@netcourt.demo");
  const { caseId } = await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId });
  const form = new FormData();
  form.append("category", "evidence");
  form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
  const attachment = await zhangsan.call<{ id: string }>("POST", `/api/filings/${caseId}/attachments`, form);
  await zhangsan.call("PUT", `/api/filings/${caseId}`, {
    causeCode: "online-sale-contract",
    procedure: "ordinary",
    parties: [
      {
        role: "plaintiff",
        kind: "natural_person",
        name: "张三",
        sex: "male",
        phone: "13800001111",
        address: "浙江省杭州市西湖区文三路1号",
        isFiler: true,
      },
      {
        role: "defendant",
        kind: "legal_person",
        name: "杭州寅卯电子商务有限公司",
        legalRepresentative: "周九",
        address: "浙江省杭州市余杭区五常街道9号",
      },
    ],
    claims: [{ text: "判令被告退还货款人民币5000元", amount: 5000 }],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [
      { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
    ],
  });
  await zhangsan.call("POST", `/api/filings/${caseId}/submit`, {});
  await payAtCashier(zhangsan, caseId);
  const clerk = await staffSession(baseUrl, "hzhlw.clerk2@netcourt.demo");
  await clerk.call("POST", `/api/filings/${caseId}/accept`, {});
  const detail = await clerk.call<{ judge: { id: string; name: string } | null }>(
    "GET",
    `/api/cases/${caseId}`,
  );
  // 法官甲 … 法官丁 are judge1 … judge4.
  const judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(detail.judge!.name.slice(-1)) + 1}@netcourt.demo`;
  return { caseId, judgeLogin };
}

describe("the hearing recorded and streamed live to the public", () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let offsetMs = 0;
  let publicCase: { caseId: string; judgeLogin: string };
  let publicHearingId: string;
  let privateHearingId: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-broadcast-"));
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]" },
    });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
    const day = courtDayAfter(7);
    publicCase = await acceptedCase(baseUrl, courtId);
    const privateCase = await acceptedCase(baseUrl, courtId);
    const admin = await staffSession(baseUrl, "hzhlw.admin1@netcourt.demo");
    const resources = await admin.call<{ clerks: Array<{ userId: string; name: string }> }>(
      "GET",
      `/api/courts/${courtId}/hearing-resources`,
    );
    const clerkId = resources.clerks.find((c) => c.name.endsWith("甲"))!.userId;
    const schedule = async (caseId: string, judgeLogin: string, extra: Record<string, unknown>) => {
      const judge = await staffSession(baseUrl, judgeLogin);
      const hearing = await judge.call<{ id: string }>("POST", `/api/cases/${caseId}/hearings`, {
        mode: "online",
        startsAt: `${day}T10:00:00+08:00`,
        durationMinutes: 120,
        clerkId,
        ...extra,
      });
      return hearing.id;
    };
    publicHearingId = await schedule(publicCase.caseId, publicCase.judgeLogin, {});
    privateHearingId = await schedule(privateCase.caseId, privateCase.judgeLogin, {
      isPublic: false,
      notPublicReason: "personal_privacy",
      startsAt: `${day}T14:00:00+08:00`,
    });
    // The same court on the hearing's day.
    const ahead = Math.round((Date.parse(day) - Date.parse(courtToday())) / DAY_MS);
    offsetMs = ahead * DAY_MS;
    await server.stop();
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]", CLOCK_OFFSET: `P${ahead}D` },
    });
    const judge = await staffSession(server.baseUrl, publicCase.judgeLogin, offsetMs);
    await judge.call("POST", `/api/hearings/${publicHearingId}/room/open`);
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it("the clerk records and streams; a visitor watches live; the judge sees the viewer; the recording is sealed", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("hearing broadcast", { fullPage: false });
    const clerkBrowser = await openBrowser({ media: true });
    const viewerBrowser = await openBrowser();
    // What the clerk's page said, for a failure's message.
    const logs: string[] = [];
    try {
      const clerkPage = clerkBrowser.page;
      clerkPage.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
      clerkPage.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
      await signInAt(
        clerkPage,
        baseUrl,
        "hzhlw.clerk1@netcourt.demo",
        `/court/hearings/${publicHearingId}/broadcast`,
        true,
        offsetMs,
      );
      const controls = clerkPage.getByTestId("broadcast-controls");
      await controls.waitFor();
      await controls.getByRole("button", { name: "开始录像" }).click();
      await controls
        .getByTestId("recording-status")
        .and(clerkPage.locator("[data-status=recording]"))
        .waitFor();
      await controls.getByRole("button", { name: "开始直播" }).click();
      await controls.getByTestId("live-status").and(clerkPage.locator("[data-status=live]")).waitFor();
      await until(
        async () => Number(await controls.getByTestId("recording-chunks").textContent()),
        (sent) => sent >= 2,
        "recording chunks sent",
        60_000,
      );

      // An anonymous visitor finds the hearing among the live hearings and watches it.
      const viewer = viewerBrowser.page;
      await viewer.goto(`${baseUrl}/live`);
      const list = viewer.getByTestId("live-list");
      await list.waitFor();
      const listText = (await list.textContent()) ?? "";
      expect(listText).toContain("张某");
      expect(listText).not.toContain("张三");
      await shot(viewer, "live list");
      await list.getByRole("link", { name: /观看/ }).first().click();
      const player = viewer.getByTestId("live-player");
      await player.waitFor();
      expect(await player.getAttribute("data-mode")).toBe("live");
      await until(
        () => playhead(viewer),
        (t) => t > 1,
        "the live picture to play",
        60_000,
      );
      const before = await playhead(viewer);
      await viewer.waitForTimeout(2_000);
      expect(await playhead(viewer)).toBeGreaterThan(before);
      expect(await frameVariance(viewer)).toBeGreaterThan(20);
      // The delay of the picture shown: capture to screen, at most five seconds.
      const delays: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const value = await player.getAttribute("data-delay-ms");
        if (value) delays.push(Number(value));
        await viewer.waitForTimeout(500);
      }
      expect(delays.length).toBeGreaterThan(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(5_000);
      const viewerText = (await viewer.locator("main").textContent()) ?? "";
      expect(viewerText).not.toMatch(/张三|13800001111|文三路/);
      await shot(viewer, "watching live");

      // The judge sees one viewer.
      const judge = await staffSession(baseUrl, publicCase.judgeLogin, offsetMs);
      await until(
        () => judge.call<{ viewers: number }>("GET", `/api/hearings/${publicHearingId}/live`),
        (control) => control.viewers === 1,
        "one viewer counted",
        30_000,
      );
      await controls.getByTestId("live-viewers").filter({ hasText: "1 人" }).waitFor({ timeout: 15_000 });
      await controls.getByTestId("live-viewers").scrollIntoViewIfNeeded();
      await shot(clerkPage, "clerk recording and live");

      // The clerk ends the stream and the recording; the recording's hash is in the ledger.
      await controls.getByRole("button", { name: "结束直播" }).click();
      await controls.getByTestId("live-status").and(clerkPage.locator("[data-status=ended]")).waitFor();
      await controls.getByRole("button", { name: "结束录像并封存" }).click();
      const hash = controls.getByTestId("recording-sha256");
      await hash.waitFor({ timeout: 60_000 });
      const sha256 = ((await hash.textContent()) ?? "").trim().slice(0, 64);
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      const events = await judge.call<{ items: Array<{ kind: string; opening: unknown }> }>(
        "GET",
        `/api/ledger/cases/${publicCase.caseId}/events`,
      );
      const sealed = events.items.find((e) => e.kind === "hearing_recording_sealed");
      expect(JSON.stringify(sealed?.opening)).toContain(sha256);
      expect(events.items.map((e) => e.kind)).toEqual(
        expect.arrayContaining(["hearing_live_started", "hearing_live_stopped"]),
      );
      // The sealed file is the one the ledger names.
      const recordings = await judge.call<{
        recordings: Array<{ sha256: string | null; size: number | null }>;
      }>("GET", `/api/hearings/${publicHearingId}/recording`);
      expect(recordings.recordings.map((r) => r.sha256)).toContain(sha256);
      expect(recordings.recordings[0]!.size).toBeGreaterThan(10_000);
      await controls.scrollIntoViewIfNeeded();
      await shot(clerkPage, "clerk sealed");

      // After the stream the visitor's page plays the replay.
      await player.and(viewer.locator("[data-mode=replay]")).waitFor({ timeout: 30_000 });

      // A hearing about personal privacy cannot be streamed: the controls say why, and the API refuses.
      await clerkPage.goto(`${baseUrl}/court/hearings/${privateHearingId}/broadcast`);
      const refusal = clerkPage.getByTestId("live-refusal");
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("涉及个人隐私");
      const clerkApi = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo", offsetMs);
      const refused = await clerkApi.request<{
        error: string;
        details: Array<{ params: { reasonZh: string } }>;
      }>("POST", `/api/hearings/${privateHearingId}/live/start`, { hideFaces: false });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe("hearing_not_public");
      expect(refused.body.details[0]!.params.reasonZh).toBe("涉及个人隐私");
      expect((await viewer.goto(`${baseUrl}/api/public/hearings/${privateHearingId}/live`))!.status()).toBe(
        404,
      );
      await shot(clerkPage, "private refused");
    } catch (error) {
      if (error instanceof Error) error.message += `\n--- the clerk's page ---\n${logs.join("\n")}`;
      throw error;
    } finally {
      await clerkBrowser.close();
      await viewerBrowser.close();
    }
  });

  it("the replay and the controls in English on a phone", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("hearing broadcast phone", { fullPage: false });
    const viewerBrowser = await openBrowser({ ...phoneViewport, locale: "en" });
    const clerkBrowser = await openBrowser({ ...phoneViewport, locale: "en", media: true });
    try {
      const viewer = viewerBrowser.page;
      await viewer.addInitScript(`window.localStorage.setItem("nc_locale", "en")`);
      await viewer.goto(`${baseUrl}/live/${publicHearingId}`);
      const player = viewer.getByTestId("live-player");
      await player.waitFor();
      await player.and(viewer.locator("[data-mode=replay]")).waitFor();
      await until(
        () => playerState(viewer),
        (state) => state.currentTime > 0.5,
        "the replay to play",
        60_000,
      );
      const text = (await viewer.locator("main").textContent()) ?? "";
      expect(text).toContain("Replay");
      expect(text).not.toMatch(RAW_CODES);
      expect(text).not.toMatch(/直播|案由|当事人/);
      const width = await viewer.evaluate<number>(`document.documentElement.scrollWidth`);
      expect(width).toBeLessThanOrEqual(390);
      await shot(viewer, "replay");

      const clerkPage = clerkBrowser.page;
      await clerkPage.addInitScript(`window.localStorage.setItem("nc_locale", "en")`);
      await signInAt(
        clerkPage,
        baseUrl,
        "hzhlw.clerk1@netcourt.demo",
        `/court/hearings/${privateHearingId}/broadcast`,
        true,
        offsetMs,
      );
      const controls = clerkPage.getByTestId("broadcast-controls");
      await controls.waitFor();
      const refusal = controls.getByTestId("live-refusal");
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("it involves personal privacy");
      const controlsText = (await controls.textContent()) ?? "";
      expect(controlsText).not.toMatch(RAW_CODES);
      expect(controlsText).toContain("Recordings of this hearing");
      await shot(clerkPage, "controls in English");
    } finally {
      await viewerBrowser.close();
      await clerkBrowser.close();
    }
  });
});
