import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt as signIn, until } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

// Journey: the asynchronous trial (非同步审理, 在线诉讼规则第二十条). In a simplified-procedure case the
// plaintiff applies on a phone, the defendant agrees, the judge checks the conditions, opens it and puts
// an issue to both parties with a response window; the defendant answers first and the plaintiff later,
// each in a session of its own; the defendant asks for a live hearing and the judge refuses with reasons;
// the judge closes the trial and the record opens.

/** 李四 of the demo accounts (the defendant links with his verified ID number). */
const LISI_ID = `11010519881120124${residentIdCheckCharacter("11010519881120124")}`;
/** Raw values a translated screen must never show. */
const RAW_CODES = /\b(applied|ended_for_live|consented|async_trial\w*|small_claims|third_party)\b/;
const CHINESE = /[\u4e00-\u9fff]/;

/** The court day `days` from today (UTC+8), `YYYY-MM-DD`. */
function courtDayAfter(days: number): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Switches the screens' language (kept on the account). */
async function switchLanguage(page: Page, language: "en" | "zh-CN") {
  const item = page.getByRole("menuitem", { name: language === "en" ? "English" : "简体中文" });
  const switched = page.locator(`html[lang=${language}]`);
  for (let attempt = 0; attempt < 3 && (await switched.count()) === 0; attempt += 1) {
    if (!(await item.isVisible()))
      await page.getByRole("button", { name: /切换语言|Change language/ }).click();
    await item.click({ timeout: 5_000 }).catch(() => undefined);
    await switched.waitFor({ state: "attached", timeout: 3_000 }).catch(() => undefined);
  }
  await switched.waitFor({ state: "attached" });
}

/** Chooses a day in the antd date picker labelled `label`. */
async function chooseDay(page: Page, label: string, day: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
}

/** Picks `option` in the antd select labelled `label`. */
async function pick(page: Page, label: RegExp, option: string) {
  await page.getByLabel(label).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

describe("the asynchronous trial: applied for, agreed, answered at different times, closed with its record", () => {
  let server: RunningServer | undefined;
  let caseId: string;
  let judgeLogin: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    caseId = (await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId })).caseId;
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
      procedure: "simplified",
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
          idNumber: LISI_ID,
          phone: "13900002222",
          address: "北京市朝阳区建国路1号",
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
    const clerk = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo");
    await clerk.call("POST", `/api/filings/${caseId}/accept`, { procedure: "simplified" });
    const defence = await until(
      () => clerk.call<{ caseCodes: Array<{ caseCode: string }> }>("GET", `/api/cases/${caseId}/defence`),
      (d) => d.caseCodes.length === 1,
      "the defendant's case code",
    );
    const lisi = new ApiSession(baseUrl);
    await lisi.signIn("lisi@netcourt.demo");
    await lisi.call("POST", "/api/cases/link", { caseCode: defence.caseCodes[0]!.caseCode });
    const detail = await clerk.call<{ judge: { name: string } | null }>("GET", `/api/cases/${caseId}`);
    // 法官甲 … 法官丁 are judge1 … judge4.
    judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(detail.judge!.name.slice(-1)) + 1}@netcourt.demo`;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("the plaintiff applies in writing on a phone", async () => {
    const shot = screenshots("async trial plaintiff applies phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const card = page.getByTestId("async-trial");
      await card.waitFor();
      await card.scrollIntoViewIfNeeded();
      expect(await card.textContent()).toContain("《人民法院在线诉讼规则》第二十条");
      await shot(page, "apply");
      await card.getByRole("button", { name: "书面申请非同步审理" }).click();
      await card.getByText("请填写理由").waitFor();
      await card.getByLabel("申请理由").fill("本人在外地务工，工作时间与被告错开，难以同时在线参加庭审。");
      await card.getByRole("button", { name: "书面申请非同步审理" }).click();
      await card.getByText("已申请，待同意").waitFor();
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("李四");
      expect(text).toContain("待答复");
      expect(text).not.toMatch(RAW_CODES);
      await shot(page, "applied");
    } finally {
      await browser.close();
    }
  });

  it("the defendant agrees (in English, on a phone)", async () => {
    const shot = screenshots("async trial defendant agrees phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, "lisi@netcourt.demo", `/cases/${caseId}`, false);
      await switchLanguage(page, "en");
      const card = page.getByTestId("async-trial");
      await card.getByText("Applied for, awaiting agreement").waitFor();
      await card.scrollIntoViewIfNeeded();
      await shot(page, "asked in English");
      await card.getByRole("button", { name: "Agree to an asynchronous trial" }).click();
      await card
        .getByText(/^Agreed \(/)
        .nth(1)
        .waitFor();
      const text = (await card.textContent()) ?? "";
      expect(text).not.toMatch(RAW_CODES);
      expect(text.replace(/张三|李四/g, "").replace(/本人在外地务工[^A-Z]*/u, "")).not.toMatch(CHINESE);
      await shot(page, "agreed in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await browser.close();
    }
  });

  it("the judge checks the conditions, opens the trial and puts an issue to both parties", async () => {
    const shot = screenshots("async trial judge opens", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, judgeLogin, `/court/cases/${caseId}`, true);
      const card = page.getByTestId("async-trial");
      const checklist = card.getByTestId("async-trial-checklist");
      await checklist.waitFor();
      const open = checklist.getByRole("button", { name: "开始非同步审理" });
      expect(await open.isDisabled()).toBe(true);
      await checklist.getByLabel("各方当事人同时在线参与庭审确有困难").check();
      await checklist.getByLabel(/各方当事人对案件主要事实和证据不存在争议/).check();
      await checklist.scrollIntoViewIfNeeded();
      await shot(page, "checklist");
      await open.click();
      await card.getByText("审理中").waitFor();
      const post = card.getByTestId("async-trial-post");
      await pick(page, /^类型$/, "争议焦点");
      await post
        .getByLabel("内容")
        .fill("争议焦点：被告交付的手机是否为翻新机？请双方分别陈述意见并说明依据。");
      await chooseDay(page, "答复截止日期", courtDayAfter(2));
      await pick(page, /^截止时间（北京时间）$/, "10:00");
      await expect
        .poll(() => post.getByLabel("答复截止日期", { exact: true }).inputValue())
        .toBe(courtDayAfter(2));
      await post.scrollIntoViewIfNeeded();
      await shot(page, "issue form");
      await post.getByRole("button", { name: "发问" }).click();
      await page.getByText("已发问").waitFor({ timeout: 60_000 });
      const thread = card.getByTestId("async-trial-thread");
      await thread.getByText("争议焦点 1").waitFor();
      const text = (await thread.textContent()) ?? "";
      expect(text).toContain("向各方当事人提出");
      expect(text).toMatch(/还剩 \d+ 天/);
      expect(text).toContain("待答复：张三、李四");
      await thread.scrollIntoViewIfNeeded();
      await shot(page, "issue put");
    } finally {
      await browser.close();
    }
  });

  it("the defendant answers first and the plaintiff later, each in a session of its own", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("async trial answers phone", { fullPage: false });
    const defendant = await openBrowser(phoneViewport);
    try {
      const { page } = defendant;
      await signIn(page, baseUrl, "lisi@netcourt.demo", `/cases/${caseId}`, false);
      const thread = page.getByTestId("async-trial-thread");
      await thread.waitFor();
      await thread.getByLabel("我的答复").fill("手机系全新正品，有入库单和出厂序列号可查。");
      await thread.getByRole("button", { name: "提交答复" }).click();
      await thread.locator(".ant-list-item", { hasText: "手机系全新正品" }).waitFor();
      await thread.getByText("待答复：张三").waitFor();
      await thread.scrollIntoViewIfNeeded();
      await shot(page, "defendant answered");
    } finally {
      await defendant.close();
    }
    // Some time later, the plaintiff signs in on its own phone and answers with a recorded video
    // statement (在线诉讼规则第二十条第二款) besides the text.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const plaintiff = await openBrowser({ ...phoneViewport, media: true });
    try {
      const { page } = plaintiff;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const thread = page.getByTestId("async-trial-thread");
      await thread.locator(".ant-list-item", { hasText: "手机系全新正品" }).waitFor();
      await thread.getByLabel("我的答复").fill("手机电池循环次数为312次，显然已被使用，系翻新机。");
      const recorder = thread.getByTestId("video-statement");
      await recorder.getByRole("button", { name: "录制视频" }).click();
      await recorder.getByText(/正在录制 [2-9] 秒/).waitFor();
      await recorder.getByRole("button", { name: "停止录制" }).click();
      await recorder.getByText(/已录制 \d+ 秒/).waitFor();
      await shot(page, "video recorded");
      await thread.getByRole("button", { name: "提交答复" }).click();
      const answered = thread.locator(".ant-list-item", { hasText: "电池循环次数" });
      await answered.waitFor();
      // The statement plays back from the server: the fake camera's frames have a size.
      const video = answered.getByTestId("answer-video");
      await video.waitFor();
      await until(
        () =>
          video.evaluate((v) => {
            const element = v as unknown as { readyState: number; videoWidth: number };
            return element.readyState >= 2 ? element.videoWidth : 0;
          }),
        (width) => width > 0,
        "the video statement to load",
        30_000,
      );
      await thread.getByText("待答复", { exact: false }).waitFor({ state: "detached" });
      expect(await thread.textContent()).not.toContain("待答复");
      await thread.scrollIntoViewIfNeeded();
      await shot(page, "plaintiff answered");

      // The same thread in English.
      await switchLanguage(page, "en");
      await thread.getByText("Issue in dispute 1").waitFor();
      const english = (await page.getByTestId("async-trial").textContent()) ?? "";
      expect(english).toContain("Put to every party");
      expect(english).not.toMatch(RAW_CODES);
      await thread.scrollIntoViewIfNeeded();
      await shot(page, "thread in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await plaintiff.close();
    }
    const judge = await staffSession(baseUrl, judgeLogin);
    const view = await judge.call<{
      trial: { questions: Array<{ answers: Array<{ answeredAt: string }> }> };
    }>("GET", `/api/cases/${caseId}/async-trial`);
    const [first, second] = view.trial.questions[0]!.answers;
    expect(new Date(second!.answeredAt).getTime() - new Date(first!.answeredAt).getTime()).toBeGreaterThan(
      5_000,
    );
  }, 300_000);

  it("the defendant asks for a live hearing on a phone", async () => {
    const shot = screenshots("async trial live request phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, "lisi@netcourt.demo", `/cases/${caseId}`, false);
      const live = page.getByTestId("async-trial-live");
      await live.waitFor();
      await live.getByRole("button", { name: "申请同步开庭" }).click();
      await live.getByLabel("申请理由").fill("希望当庭出示手机原物，由法庭查验。");
      await live.getByRole("button", { name: "申请同步开庭" }).click();
      await live.getByText("待法官决定").waitFor();
      await live.scrollIntoViewIfNeeded();
      await shot(page, "requested");
    } finally {
      await browser.close();
    }
  });

  it("the judge refuses the live hearing with reasons, closes the trial and opens the record", async () => {
    const shot = screenshots("async trial judge closes", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, judgeLogin, `/court/cases/${caseId}`, true);
      const card = page.getByTestId("async-trial");
      const request = card.getByTestId("async-trial-live-request");
      await request.waitFor();
      const refuse = request.getByRole("button", { name: "不准许" });
      expect(await refuse.isDisabled()).toBe(true);
      await request.getByLabel("理由").fill("双方已充分陈述，电池循环次数可由书面材料认定，无需当庭查验。");
      await request.scrollIntoViewIfNeeded();
      await shot(page, "deciding");
      await refuse.click();
      await request.getByText("不准许", { exact: true }).first().waitFor();
      await card.getByRole("button", { name: "结束审理并生成记录" }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "结束审理并生成记录" }).click();
      const record = card.getByTestId("async-trial-record");
      await record.waitFor();
      await card.getByText("已结束").first().waitFor();
      expect(await record.textContent()).toMatch(/SHA-256）：[0-9a-f]{64}/);
      await record.scrollIntoViewIfNeeded();
      await shot(page, "closed");
      // The record opens.
      const href = await record.getByRole("link", { name: "中文 DOCX" }).getAttribute("href");
      const response = await page.request.get(`${server!.baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("wordprocessingml");
      const pdfHref = await record.getByRole("link", { name: "中文 PDF" }).getAttribute("href");
      const pdf = await page.request.get(`${server!.baseUrl}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");

      await switchLanguage(page, "en");
      await card.getByText("Record of the asynchronous trial").waitFor();
      const english = (await card.textContent()) ?? "";
      expect(english).not.toMatch(RAW_CODES);
      await card.scrollIntoViewIfNeeded();
      await shot(page, "closed in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await browser.close();
    }
  });
});
