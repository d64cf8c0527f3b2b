import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt as signIn } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

// Journey: the hearing. The judge in charge fixes an online hearing from the case page, seeing the
// earliest day the summons allows and any clash before saving; the summons (传票) is served on every
// party; the plaintiff sees the hearing and opens the summons on a phone; the court's calendar shows it.

/** Raw values a translated screen must never show. */
const RAW_CODES =
  /\b(scheduled|adjourned|in_progress|hearing_\w+|further_evidence|personal_privacy|not_public\w*)\b/;

/** A weekday at least `days` days from today in the court's time zone (UTC+8), `YYYY-MM-DD`. */
function weekdayAfter(days: number): string {
  const day = new Date(Date.now() + 8 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Chooses a day in the antd date picker labelled `label`: typing moves the calendar, a click picks the day. */
async function chooseDay(page: Page, label: string, day: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
}

/** Switches the screens' language; the choice is kept on the account, so the test switches back. */
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

/** Picks `option` in the antd select labelled `label`. */
async function pick(page: Page, label: RegExp, option: string) {
  await page.getByLabel(label).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

describe("the hearing: the judge fixes it, the summons is served, the parties see it", () => {
  let server: RunningServer | undefined;
  let caseId: string;
  let courtId: string;
  let judgeLogin: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const baseUrl = server.baseUrl;
    courtId = await courtIdByCode(baseUrl, "浙0192");
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    const draft = await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId });
    caseId = draft.caseId;
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
    const detail = await clerk.call<{ judge: { id: string } | null }>("GET", `/api/cases/${caseId}`);
    const admin = await staffSession(baseUrl, "hzhlw.admin1@netcourt.demo");
    await admin.call("POST", `/api/courts/${courtId}/courtrooms`, {
      code: "OL1",
      nameZh: "在线法庭一",
      nameEn: "Online Courtroom 1",
      kind: "online",
    });
    const judges = await admin.call<{ judges: Array<{ userId: string; name: string }> }>(
      "GET",
      `/api/courts/${courtId}/hearing-resources`,
    );
    const judge = judges.judges.find((j) => j.userId === detail.judge?.id)!;
    // 法官甲 … 法官丁 are judge1 … judge4.
    judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(judge.name.slice(-1)) + 1}@netcourt.demo`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("the judge fixes an online hearing, seeing the earliest day and the clashes before saving", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("hearing schedule", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, judgeLogin, `/court/cases/${caseId}`, true);
      const card = page.getByTestId("staff-hearings");
      await card.waitFor();
      await card.getByRole("button", { name: "安排开庭" }).click();
      const form = page.getByTestId("schedule-hearing-form");
      await form.getByText(/最早可于/).waitFor();
      // Days before the earliest the summons allows cannot be chosen.
      await form.scrollIntoViewIfNeeded();
      await shot(page, "form");
      const day = weekdayAfter(14);
      await chooseDay(page, "开庭日期", day);
      await pick(page, /^开庭时间$/, "10:00");
      await pick(page, /^法庭$/, "在线法庭一");
      await pick(page, /^书记员$/, "书记员甲");
      await page
        .getByTestId("hearing-availability")
        .getByText("承办法官、书记员和法庭在该时段均无冲突。")
        .waitFor();
      await shot(page, "free");
      await form.getByRole("button", { name: "确定开庭并送达传票" }).click();
      const details = card.getByTestId("hearing-details");
      await details.waitFor();
      const text = (await details.textContent()) ?? "";
      expect(text).toContain("在线庭审");
      expect(text).toContain("10:00");
      expect(text).toContain("公开审理");
      expect(text).toContain("张三（当事人）");
      expect(text).not.toMatch(RAW_CODES);
      await details.scrollIntoViewIfNeeded();
      await shot(page, "scheduled");

      // The card in English: no Chinese labels, no raw codes.
      await switchLanguage(page, "en");
      await card.getByText("Hearing no. 1").waitFor();
      const english = (await details.textContent()) ?? "";
      expect(english).toContain("Online hearing");
      expect(english).toContain("10:00 AM–11:00 AM");
      expect(english).not.toMatch(RAW_CODES);
      expect(english).not.toMatch(/开庭|传票|审理|庭审/);
      await details.scrollIntoViewIfNeeded();
      await shot(page, "scheduled in English");
      await switchLanguage(page, "zh-CN");

      await page.goto(`${baseUrl}/court/hearings`);
      await page.getByRole("heading", { level: 1, name: "庭审排期" }).waitFor();
      await chooseDay(page, "起始日期", day);
      const calendarDay = page.getByTestId("calendar-day").first();
      await calendarDay.waitFor();
      expect(await calendarDay.textContent()).toContain("10:00–11:00");
      await shot(page, "calendar");
    } finally {
      await browser.close();
    }
  });

  it("the plaintiff sees the hearing on a phone and opens the summons", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("hearing party phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const panel = page.getByTestId("party-hearings");
      await panel.waitFor();
      const text = (await panel.textContent()) ?? "";
      expect(text).toContain("在线庭审");
      expect(text).toContain("请于开庭前登录平台");
      expect(text).not.toMatch(RAW_CODES);
      await panel.scrollIntoViewIfNeeded();
      await shot(page, "hearing");
      await panel.getByRole("link", { name: "查看传票" }).click();
      const downloads = page.getByTestId("served-downloads");
      await downloads.waitFor();
      expect(await page.locator("main").textContent()).toContain("传票");
      await shot(page, "summons");

      // The same screen in English.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await switchLanguage(page, "en");
      const english = page.getByTestId("party-hearings");
      await english.getByText("Online hearing: sign in before it starts", { exact: false }).waitFor();
      const englishText = (await english.textContent()) ?? "";
      expect(englishText).toContain("Hearing no. 1");
      expect(englishText).toContain("Public hearing");
      expect(englishText).not.toMatch(/[开庭审理传票]/);
      await english.scrollIntoViewIfNeeded();
      await shot(page, "hearing in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await browser.close();
    }
    const announced = await new ApiSession(baseUrl).call<{ items: Array<{ partiesZh: string }> }>(
      "GET",
      `/api/courts/${courtId}/hearing-announcements`,
    );
    expect(announced.items.map((a) => a.partiesZh)).toContain("原告：张某；被告：杭州寅卯电子商务有限公司");
  });
});
