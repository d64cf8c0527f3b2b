import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWav } from "../apps/server/src/platform/ports/speech";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import {
  ApiSession,
  courtIdByCode,
  DEMO_PASSWORD,
  payAtCashier,
  staffSession,
  totpCode,
} from "./support/court-api";
import { signInAt, until } from "./support/sign-in";
import { DAY_MS, ONE_PIXEL_PNG, courtDayAfter, courtToday } from "./support/court-day";

// Journey: the hearing transcript (庭审笔录, 民事诉讼法第一百五十条). While the hearing sits, the judge's and the
// parties' devices send audio that speech recognition (the simulator) turns into lines; the clerk corrects a
// line and closes the transcript for signature; the plaintiff reads and signs on a phone, the defendant
// refuses in English with a reason; once the court has signed too, the signed transcript is downloadable.

/** Raw values a translated screen must never show. */
const RAW_CODES =
  /\b(awaiting_signatures|recording|plaintiff_agent|defendant_agent|transcript_\w+|not_present|no_account)\b/;

/** A session that also sends raw bodies (the audio chunks), signed in by password and, for staff, TOTP. */
class RawSession {
  private readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async send(method: string, pathname: string, body?: Buffer | object, type = "application/json") {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("nc_csrf");
    if (method !== "GET" && csrf) headers["x-csrf-token"] = decodeURIComponent(csrf);
    if (body !== undefined) headers["content-type"] = type;
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers,
      body:
        body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      this.cookies.set(name!, rest.join("="));
    }
    const data: unknown = await response.json().catch(() => null);
    return { status: response.status, body: data };
  }

  async signIn(login: string, offsetMs: number | null): Promise<this> {
    await this.send("POST", "/api/auth/login", { login, password: DEMO_PASSWORD });
    if (offsetMs === null) return this;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const code = totpCode(undefined, Date.now() + offsetMs + attempt * 30_000);
      if ((await this.send("POST", "/api/auth/totp/verify", { code })).status === 200) return this;
    }
    throw new Error(`${login} could not pass the second factor`);
  }
}

describe("the hearing transcript: speech recognition, the clerk's editor, online signing", () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let offsetMs = 0;
  let caseId: string;
  let hearingId: string;
  let judgeLogin: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-transcript-"));
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]" },
    });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
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
    // The same court on the hearing's day: the judge opens the room and the hearing sits.
    const ahead = Math.round((Date.parse(day) - Date.parse(courtToday())) / DAY_MS);
    offsetMs = ahead * DAY_MS;
    await server.stop();
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]", CLOCK_OFFSET: `P${ahead}D` },
    });
    const judgeAtDay = await new RawSession(server.baseUrl).signIn(judgeLogin, offsetMs);
    const opened = await judgeAtDay.send("POST", `/api/hearings/${hearingId}/room/open`, {});
    expect(opened.status, JSON.stringify(opened.body)).toBeLessThan(300);

    // Each device sends its audio; the simulator "recognises" the text cue of each WAV.
    const plaintiff = await new RawSession(server.baseUrl).signIn("zhangsan@netcourt.demo", null);
    const defendant = await new RawSession(server.baseUrl).signIn("lisi@netcourt.demo", null);
    const chunks: Array<[RawSession, number, string]> = [
      [judgeAtDay, 0, "现在开庭。请原告陈述诉讼请求。"],
      [plaintiff, 6_000, "请求判令被告退还货款五千元。"],
      [defendant, 11_000, "我方不同意退款，手机不是翻新机。"],
    ];
    for (const [session, offset, cue] of chunks) {
      const sent = await session.send(
        "POST",
        `/api/hearings/${hearingId}/transcript/audio?seq=${offset / 100}&offsetMs=${offset}`,
        encodeWav({ durationMs: 4000, cue }),
        "audio/wav",
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    }
    await until(
      () => judgeAtDay.send("GET", `/api/hearings/${hearingId}/transcript`),
      (r) => (r.body as { segments: unknown[] }).segments.length >= 4,
      "the transcribed lines",
    );
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it("the clerk corrects a line, keeping what was recognised, and closes the transcript for signature", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("transcript clerk", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/court/cases/${caseId}`, true, offsetMs);
      const card = page.getByTestId("staff-hearings");
      await card.waitFor();
      await card.getByRole("button", { name: "庭审笔录" }).click();
      const panel = page.getByTestId("transcript-panel");
      await panel.getByText("请求判令被告退还货款五千元。").waitFor();
      const text = (await panel.textContent()) ?? "";
      expect(text).toContain("[00:06]原告 张三：");
      expect(text).toContain("被告 李四：");
      expect(text).not.toMatch(RAW_CODES);
      await panel.scrollIntoViewIfNeeded();
      await shot(page, "live");

      const line = panel.getByTestId("transcript-line").filter({ hasText: "我方不同意退款" });
      await line.getByRole("button", { name: "修改" }).click();
      await line.getByLabel("笔录内容").fill("我方不同意退款，涉案手机并非翻新机。");
      await line.getByRole("button", { name: "保存" }).click();
      await panel.getByText("我方不同意退款，涉案手机并非翻新机。").waitFor();
      await panel.getByText("查看识别原文").first().click();
      await panel.getByText("识别原文：我方不同意退款，手机不是翻新机。").waitFor();
      await shot(page, "edited");

      await panel.getByTestId("transcript-close").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(/第 1 版/).waitFor();
      await shot(page, "close dialog");
      await dialog.getByRole("button", { name: "提交签署" }).click();
      await panel.getByText(/第 1 版正在等待签名/).waitFor();
      await page.getByTestId("transcript-signing").getByText("待核对签名").waitFor();
      await shot(page, "awaiting signatures");
    } finally {
      await browser.close();
    }
  });

  it("the plaintiff signs on a phone; the defendant refuses in English with a reason", async () => {
    const baseUrl = server!.baseUrl;
    const phone = screenshots("transcript party phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const signing = page.getByTestId("transcript-signing");
      await signing.waitFor();
      const text = (await signing.textContent()) ?? "";
      expect(text).toContain("涉案手机并非翻新机");
      expect(text).toContain("笔录指纹（SHA-256）");
      expect(text).not.toMatch(RAW_CODES);
      await signing.scrollIntoViewIfNeeded();
      await phone(page, "to sign");
      await signing.getByTestId("transcript-sign").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(/我已阅读第 1 版庭审笔录/).waitFor();
      await phone(page, "confirm");
      await dialog.getByRole("button", { name: "确认无误并签名" }).click();
      await signing.getByTestId("transcript-signers").getByText("已签名").waitFor();
      await phone(page, "signed");
    } finally {
      await browser.close();
    }

    const english = await openBrowser({ ...phoneViewport, locale: "en" });
    try {
      const { page } = english;
      await page.addInitScript(`localStorage.setItem("nc_locale", "en")`);
      await signInAt(page, baseUrl, "lisi@netcourt.demo", `/cases/${caseId}`, false);
      const signing = page.getByTestId("transcript-signing");
      await signing.getByText("Read and sign the hearing transcript").waitFor();
      const text = (await signing.textContent()) ?? "";
      expect(text).toContain("Plaintiff 张三");
      expect(text).not.toMatch(RAW_CODES);
      // The lines are what was said (in Chinese); every label around them is English.
      const signers = (await signing.getByTestId("transcript-signers").textContent()) ?? "";
      expect(signers).toContain("Judge");
      expect(signers).not.toMatch(/审判员|原告|被告|签名/);
      await signing.getByRole("button", { name: "Refuse to sign" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Why you refuse to sign").fill("The record of my answer is incomplete.");
      await phone(page, "refuse in English");
      await dialog.getByRole("button", { name: "Send" }).click();
      await signing.getByText("Reason: The record of my answer is incomplete.").waitFor();
      await phone(page, "refused in English");
    } finally {
      await english.close();
    }
  });

  it("once the court has signed, the signed transcript is filed and downloadable", async () => {
    const baseUrl = server!.baseUrl;
    const view = await (
      await new RawSession(baseUrl).signIn("zhangsan@netcourt.demo", null)
    ).send("GET", `/api/hearings/${hearingId}/transcript/signing`);
    const version = (view.body as { version: { id: string; contentSha256: string } }).version;
    for (const login of [judgeLogin, "hzhlw.clerk1@netcourt.demo"]) {
      const session = await new RawSession(baseUrl).signIn(login, offsetMs);
      const signed = await session.send(
        "POST",
        `/api/hearings/${hearingId}/transcript/versions/${version.id}/sign`,
        {
          contentSha256: version.contentSha256,
        },
      );
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    const shot = screenshots("transcript signed", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const signing = page.getByTestId("transcript-signing");
      await signing.getByText("全部诉讼参与人已核对，笔录已归入案卷。").waitFor();
      const documents = signing.getByTestId("transcript-document");
      await documents.getByText("中文正本 PDF").waitFor();
      const text = (await signing.textContent()) ?? "";
      expect(text).toContain("拒绝签名");
      expect(text).toContain("The record of my answer is incomplete.");
      await documents.scrollIntoViewIfNeeded();
      await shot(page, "filed");
      const href = await documents.getByRole("link", { name: "中文正本 DOCX" }).getAttribute("href");
      const download = await page.request.get(`${baseUrl}${href}`);
      expect(download.status()).toBe(200);
    } finally {
      await browser.close();
    }
  });
});
