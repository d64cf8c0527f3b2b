import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { chromiumArgs, fakeMediaArgs } from "./support/browser";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt, until } from "./support/sign-in";
import {
  DAY_MS,
  ONE_PIXEL_PNG,
  courtDayAfter,
  courtToday,
  frameVariance,
  playhead,
} from "./support/court-day";

// Journey: the online hearing room (在线庭审). On the hearing's day the judge opens the room; the judge, the
// clerk and both parties join from their browsers with camera and microphone; the parties wait until the
// judge admits them; everyone sees everyone's video; the judge shows an evidence file, reads the chat,
// mutes a party, orders him out and admits him again; the attendance lists them all; the judge ends it.

/** Raw values a translated screen must never show. */
const RAW_CODES = /\b(hearing_\w+|in_progress|not_admitted|mute_locked|judge|clerk|plaintiff|defendant)\b/;

/**
 * For every remote video on the page: whether it shows a picture (a frame drawn on a canvas is not one
 * flat colour). Answers the lowest variance of the remote tiles and how many there are.
 */
async function remoteVideos(page: Page): Promise<{ count: number; minVariance: number; tiles: string[] }> {
  return page.evaluate<{ count: number; minVariance: number; tiles: string[] }>(`(() => {
    const videos = [...document.querySelectorAll("[data-testid=room-tile] video")].slice(1);
    // For a failure message: whether each tile has a stream, plays, and has live tracks.
    const tiles = videos.map((v) => [
      v.getAttribute("aria-label"),
      v.srcObject ? v.srcObject.getTracks().map((t) => t.kind + ":" + t.readyState + (t.muted ? ":muted" : "")).join(",") : "no-stream",
      v.paused ? "paused" : "playing",
      "rs" + v.readyState,
      v.videoWidth + "x" + v.videoHeight,
    ].join(" "));
    let minVariance = Infinity;
    for (const video of videos) {
      if (!video.videoWidth) { minVariance = 0; continue; }
      const canvas = document.createElement("canvas");
      canvas.width = 160;
      canvas.height = 120;
      const g = canvas.getContext("2d");
      g.drawImage(video, 0, 0, 160, 120);
      const data = g.getImageData(0, 0, 160, 120).data;
      let sum = 0, sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        sum += luma;
        sumSq += luma * luma;
      }
      minVariance = Math.min(minVariance, sumSq / n - (sum / n) ** 2);
    }
    return { count: videos.length, minVariance: videos.length ? minVariance : 0, tiles };
  })()`);
}

/** Takes the photo at the room's door and waits for the check to pass. */
async function passFaceCheck(page: Page): Promise<void> {
  const step = page.getByTestId("room-face-check");
  await step.getByTestId("room-face-check-preview").waitFor();
  await step.getByTestId("room-face-check-take").click();
  await step.getByTestId("room-face-check-result").waitFor();
  expect(await step.getByTestId("room-face-check-result").textContent()).toMatch(
    /身份核验通过|Identity check passed/,
  );
}

describe("the online hearing room", () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let offsetMs = 0;
  let caseId: string;
  let hearingId: string;
  let judgeLogin: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-room-"));
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]" },
    });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
    // 张三 sues 李四, who joins the case with its case code.
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    ({ caseId } = await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId }));
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
    const attachment = await zhangsan.call<{ id: string }>(
      "POST",
      `/api/filings/${caseId}/attachments`,
      form,
    );
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
          kind: "natural_person",
          name: "李四",
          // The demo account 李四's resident ID number (apps/server/src/seed/demo-seed.ts).
          idNumber: "110105198811201244",
          phone: "13900002222",
          address: "北京市朝阳区建国路1号",
        },
      ],
      claims: [{ text: "判令被告退还货款人民币5000元", amount: 5000 }],
      factsAndReasons: "2026年1月5日原告向被告购买手机一部，收货后发现系翻新机，被告拒绝退货。",
      evidence: [
        { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
      ],
    });
    await zhangsan.call("POST", `/api/filings/${caseId}/submit`, {});
    await payAtCashier(zhangsan, caseId);
    const clerk = await staffSession(baseUrl, "hzhlw.clerk2@netcourt.demo");
    await clerk.call("POST", `/api/filings/${caseId}/accept`, {});
    const defence = await until(
      () => clerk.call<{ caseCodes: Array<{ caseCode: string }> }>("GET", `/api/cases/${caseId}/defence`),
      (d) => d.caseCodes.length === 1,
      "the defendant's case code",
    );
    const lisi = new ApiSession(baseUrl);
    await lisi.signIn("lisi@netcourt.demo");
    await lisi.call("POST", "/api/cases/link", { caseCode: defence.caseCodes[0]!.caseCode });
    const detail = await clerk.call<{ judge: { name: string } | null }>("GET", `/api/cases/${caseId}`);
    judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(detail.judge!.name.slice(-1)) + 1}@netcourt.demo`;
    const admin = await staffSession(baseUrl, "hzhlw.admin1@netcourt.demo");
    const resources = await admin.call<{ clerks: Array<{ userId: string; name: string }> }>(
      "GET",
      `/api/courts/${courtId}/hearing-resources`,
    );
    const day = courtDayAfter(7);
    const judge = await staffSession(baseUrl, judgeLogin);
    ({ id: hearingId } = await judge.call<{ id: string }>("POST", `/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt: `${day}T10:00:00+08:00`,
      durationMinutes: 60,
      clerkId: resources.clerks.find((c) => c.name.endsWith("甲"))!.userId,
    }));
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
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it("the court admits the parties; the clerk records and streams, a visitor watches, the microphones fill the transcript; evidence, chat, mute, removal, attendance; end, seal and sign", async () => {
    const baseUrl = server!.baseUrl;
    const desktop = screenshots("hearing room desktop", { fullPage: false });
    const phone = screenshots("hearing room phone", { fullPage: false });
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: [...chromiumArgs, ...fakeMediaArgs],
      });
      const open = async (options: { phone: boolean; locale: "zh-CN" | "en" }): Promise<BrowserContext> => {
        const context = await browser!.newContext({
          // Four pages decode three videos each on two cores: phones at twice, not three times, the pixels.
          ...(options.phone
            ? { ...phoneViewport, deviceScaleFactor: 2 }
            : { viewport: { width: 1280, height: 800 } }),
          locale: options.locale,
          timezoneId: "Asia/Shanghai",
          permissions: ["camera", "microphone"],
        });
        // The language chosen on this device outranks the account's.
        await context.addInitScript(`localStorage.setItem("nc_locale", ${JSON.stringify(options.locale)})`);
        return context;
      };
      const judgeContext = await open({ phone: false, locale: "zh-CN" });
      const clerkContext = await open({ phone: false, locale: "en" });
      const plaintiffContext = await open({ phone: true, locale: "zh-CN" });
      const defendantContext = await open({ phone: true, locale: "en" });
      const judge = await judgeContext.newPage();
      const clerk = await clerkContext.newPage();
      const plaintiff = await plaintiffContext.newPage();
      const defendant = await defendantContext.newPage();

      // The judge opens the room from the hearing's page on its day.
      await signInAt(judge, baseUrl, judgeLogin, `/court/hearings/${hearingId}/room`, true, offsetMs);
      // It asks parties to pass a face check at the door (在线诉讼规则第七条第三款).
      await judge.getByTestId("room-require-face-check").check();
      await judge.getByRole("button", { name: "开启庭审室" }).click();
      await judge.getByTestId("room-tile").first().waitFor();
      await signInAt(
        clerk,
        baseUrl,
        "hzhlw.clerk1@netcourt.demo",
        `/court/hearings/${hearingId}/room`,
        true,
        offsetMs,
      );
      await clerk.getByTestId("room-tile").first().waitFor();

      // The parties enter from their case page and wait.
      await signInAt(plaintiff, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      await plaintiff.getByTestId("enter-hearing-room").click();
      await passFaceCheck(plaintiff);
      await phone(plaintiff, "face check passed zh-CN");
      await plaintiff.getByTestId("room-face-check-continue").click();
      await plaintiff.getByTestId("room-waiting-notice").waitFor();
      await signInAt(defendant, baseUrl, "lisi@netcourt.demo", `/hearings/${hearingId}/room`, false);
      await passFaceCheck(defendant);
      await phone(defendant, "face check passed en");
      await defendant.getByTestId("room-face-check-continue").click();
      await defendant.getByTestId("room-waiting-notice").waitFor();
      expect(await defendant.getByTestId("room-waiting-notice").textContent()).toContain(
        "Waiting for the judge to admit you",
      );
      await phone(plaintiff, "waiting room zh-CN");
      await phone(defendant, "waiting room en");

      // The judge admits them.
      const waiting = judge.getByTestId("room-waiting");
      await waiting.getByText("张三").waitFor();
      await waiting.getByText("李四").waitFor();
      await desktop(judge, "judge sees who waits");
      await judge.getByRole("button", { name: "准许进入 张三" }).click();
      await judge.getByRole("button", { name: "准许进入 李四" }).click();
      await plaintiff.getByTestId("room-waiting-notice").waitFor({ state: "detached" });

      // Everyone sees the three others' video: a received frame is a picture, not black.
      for (const [who, page] of [
        ["judge", judge],
        ["clerk", clerk],
        ["plaintiff", plaintiff],
        ["defendant", defendant],
      ] as const) {
        await until(
          () => remoteVideos(page),
          (v) => v.count === 3 && v.minVariance > 20,
          `three remote videos with a picture on the ${who}'s page`,
          120_000,
        );
      }
      await desktop(judge, "judge sees everyone zh-CN");
      await desktop(clerk, "clerk sees everyone en");
      await phone(plaintiff, "plaintiff sees everyone zh-CN");
      await phone(defendant, "defendant sees everyone en");
      for (const page of [judge, plaintiff])
        expect((await page.locator("main").textContent()) ?? "").not.toMatch(RAW_CODES);
      // The clerk's room in English: the labels are English (the names are the people's own).
      const english = (await clerk.locator("main").textContent()) ?? "";
      for (const label of ["In session", "Judge", "Plaintiff", "Defendant", "Participants"])
        expect(english).toContain(label);
      expect(english).not.toMatch(/庭审中|参加人|文字交流|证据展示|原告|被告|审判员 /);

      // The clerk records the hearing and streams it live from the room's record tab (庭审录音录像规定第一条,
      // 在线诉讼规则第二十七条); meanwhile everyone's microphone feeds the transcript.
      await clerk.getByRole("tab", { name: "Record" }).click();
      const controls = clerk.getByTestId("broadcast-controls");
      await controls.getByRole("button", { name: "Start recording" }).click();
      await controls.getByTestId("recording-status").and(clerk.locator("[data-status=recording]")).waitFor();
      await controls.getByRole("button", { name: "Go live" }).click();
      await controls.getByTestId("live-status").and(clerk.locator("[data-status=live]")).waitFor();
      await until(
        async () => Number(await controls.getByTestId("recording-chunks").textContent()),
        (sent) => sent >= 2,
        "recording chunks sent",
        60_000,
      );

      // A visitor watches the hearing live; the parties are not named.
      const visitorContext = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      });
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${baseUrl}/live/${hearingId}`);
      await visitor.getByTestId("live-player").and(visitor.locator("[data-mode=live]")).waitFor();
      await until(
        () => playhead(visitor),
        (t) => t > 1,
        "the live picture to play",
        90_000,
      );
      expect(await frameVariance(visitor)).toBeGreaterThan(20);
      expect((await visitor.locator("main").textContent()) ?? "").not.toMatch(/张三|李四|13800001111/);
      await desktop(visitor, "a visitor watches live");
      await visitorContext.close();

      // The judge shows the evidence file; the parties see it.
      await judge.getByRole("tab", { name: "证据展示" }).click();
      await judge.getByTestId("room-evidence-select").click();
      await judge
        .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "订单截图" })
        .first()
        .click();
      await judge.getByRole("button", { name: "向全体展示" }).click();
      for (const page of [plaintiff, defendant]) await page.getByTestId("room-display").first().waitFor();
      expect(await plaintiff.getByTestId("room-display").first().textContent()).toContain("订单截图.png");
      await phone(plaintiff, "evidence shown");

      // Chat.
      await plaintiff.getByRole("tab", { name: "文字交流" }).click();
      await plaintiff.getByLabel("消息").fill("原告已到庭，可以开始。");
      await plaintiff.getByRole("button", { name: "发送" }).click();
      await judge.getByRole("tab", { name: "文字交流" }).click();
      await judge.getByTestId("room-chat").getByText("原告已到庭，可以开始。").waitFor();

      // Speech recognition wrote what each one said under their names, in the judge's record tab.
      await judge.getByRole("tab", { name: "庭审记录" }).click();
      await until(
        async () => (await judge.getByTestId("transcript-panel").textContent()) ?? "",
        (text) => text.includes("张三") && text.includes("李四"),
        "lines of both parties in the transcript",
        120_000,
      );
      await desktop(judge, "transcript in the room");

      // The judge mutes the defendant: his microphone turns off.
      await judge.getByRole("tab", { name: "参加人" }).click();
      await judge.getByRole("button", { name: "静音并锁定 李四" }).click();
      await defendant.getByTestId("room-mic").getByText("Turn microphone on").waitFor();
      await phone(defendant, "muted by the judge");

      // The judge orders him out with a reason; he comes back to the waiting room and is admitted again.
      await judge.getByRole("button", { name: "责令退出 李四" }).click();
      await judge.getByLabel("理由（将记入庭审记录）").fill("多次打断庭审，经警告不改正");
      await judge.locator(".ant-modal-footer").getByRole("button", { name: "责令退出" }).click();
      await defendant.getByText(/ordered to leave the court/).waitFor();
      await defendant.goto(`${baseUrl}/hearings/${hearingId}/room`);
      await defendant.getByTestId("room-waiting-notice").waitFor();
      await judge.getByRole("button", { name: "准许进入 李四" }).click();
      await defendant.getByTestId("room-waiting-notice").waitFor({ state: "detached" });
      // After reloading the page the browser plays sound only after a touch: he taps each picture.
      await until(
        async () => {
          for (const button of await defendant.getByRole("button", { name: "Tap to play" }).all())
            await button.click().catch(() => undefined);
          return remoteVideos(defendant);
        },
        (v) => v.count === 3 && v.minVariance > 20,
        "the defendant's video again",
        120_000,
      );

      // The attendance lists them, with the removal and its reason.
      await judge.getByRole("tab", { name: "参加人" }).click();
      const attendance = judge.getByTestId("room-attendance");
      await attendance.getByText("多次打断庭审", { exact: false }).waitFor();
      const rows = (await attendance.textContent()) ?? "";
      for (const name of ["张三", "李四"]) expect(rows).toContain(name);
      await desktop(judge, "attendance");

      // The clerk ends the stream and seals the recording.
      await clerk.getByRole("tab", { name: "Record" }).click();
      await controls.getByRole("button", { name: "End the live stream" }).click();
      await controls.getByTestId("live-status").and(clerk.locator("[data-status=ended]")).waitFor();
      await controls.getByRole("button", { name: "Stop and seal the recording" }).click();
      const hash = controls.getByTestId("recording-sha256");
      await hash.waitFor({ timeout: 60_000 });
      const sha256 = ((await hash.textContent()) ?? "").trim().slice(0, 64);
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      await desktop(clerk, "recording sealed en");

      // The judge ends the hearing: everyone is told.
      await judge.getByRole("button", { name: "结束庭审" }).click();
      await judge
        .locator(".ant-popconfirm")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      await plaintiff.getByText("本次庭审已经结束，谢谢参加。").waitFor();
      await defendant.getByText("This hearing has ended. Thank you for taking part.").waitFor();
      await clerk.getByText("This hearing has ended. Thank you for taking part.").waitFor();
      await phone(plaintiff, "ended");
      const judgeApi = await staffSession(baseUrl, judgeLogin, offsetMs);
      const hearing = await judgeApi.call<{ status: string }>("GET", `/api/hearings/${hearingId}`);
      expect(hearing.status).toBe("held");
      const record = await judgeApi.call<{ items: Array<{ name: string; leftAt: string | null }> }>(
        "GET",
        `/api/hearings/${hearingId}/attendance`,
      );
      expect(record.items.every((i) => i.leftAt !== null)).toBe(true);

      // The clerk freezes the transcript of this hearing; the parties and the court sign it online
      // (民事诉讼法第一百五十条, 在线诉讼规则第三十五条); the ledger holds the recording's and the transcript's hashes.
      const clerkApi = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo", offsetMs);
      const closed = await clerkApi.call<{
        version: { id: string; contentSha256: string; segments: Array<{ speakerName: string }> };
      }>("POST", `/api/hearings/${hearingId}/transcript/close`, {});
      const speakers = new Set(closed.version.segments.map((segment) => segment.speakerName));
      for (const name of ["张三", "李四"]) expect(speakers).toContain(name);
      const zhangsan = new ApiSession(baseUrl);
      await zhangsan.signIn("zhangsan@netcourt.demo");
      const lisi = new ApiSession(baseUrl);
      await lisi.signIn("lisi@netcourt.demo");
      for (const session of [zhangsan, lisi, judgeApi, clerkApi])
        await session.call(
          "POST",
          `/api/hearings/${hearingId}/transcript/versions/${closed.version.id}/sign`,
          {
            contentSha256: closed.version.contentSha256,
          },
        );
      const events = await judgeApi.call<{ items: Array<{ kind: string; opening: unknown }> }>(
        "GET",
        `/api/ledger/cases/${caseId}/events`,
      );
      const opening = (kind: string) => JSON.stringify(events.items.find((e) => e.kind === kind)?.opening);
      expect(opening("hearing_recording_sealed")).toContain(sha256);
      expect(opening("transcript_signed")).toContain(closed.version.contentSha256);
      expect(events.items.map((e) => e.kind)).toEqual(
        expect.arrayContaining(["hearing_live_started", "hearing_live_stopped", "transcript_closed"]),
      );
    } finally {
      await browser?.close();
    }
  }, 600_000);
});
