import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, screenshots, startServer, type BrowserOptions, type RunningServer } from "./support";
import {
  ApiSession,
  courtIdByCode,
  DEMO_PASSWORD,
  freshTotpCode,
  payAtCashier,
  staffSession,
} from "./support/court-api";
import { ONE_PIXEL_PNG } from "./support/court-day";

// A 1 × 1 ONE_PIXEL_PNG: the evidence file of the complaint.

/** The narrowest common phone: 375 × 812 CSS pixels. */
const phone: BrowserOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const desktop: BrowserOptions = { viewport: { width: 1280, height: 800 } };

type Language = "zh-CN" | "en";

interface FilingView {
  caseId: string;
  caseNumber: string | null;
  title: string | null;
}

/** An online-shopping complaint by 张三 (as apps/server/src/testing/demo.ts builds it). */
function complaint(evidenceAttachmentId: string) {
  return {
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
        name: "杭州子丑电子商务有限公司",
        legalRepresentative: "钱七",
        address: "浙江省杭州市余杭区五常街道2号",
      },
    ],
    claims: [
      { text: "判令被告退还货款人民币5000元", amount: 5000 },
      { text: "判令被告承担本案诉讼费用", amount: null },
    ],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [
      {
        name: "订单截图",
        source: "电商平台",
        purpose: "证明买卖合同关系",
        attachmentId: evidenceAttachmentId,
      },
    ],
  };
}

/** Opens a browser whose screens speak `language` (the choice kept on the device outranks the account's). */
async function openIn(language: Language, options: BrowserOptions) {
  const browser = await openBrowser({ ...options, locale: language });
  await browser.context.addInitScript(
    `window.localStorage.setItem("nc_locale", ${JSON.stringify(language)});`,
  );
  return browser;
}

/** Signs a demo litigant in through the API, sharing the session cookie with the browser. */
async function signInLitigant(context: BrowserContext, baseUrl: string, login: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { login, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** Signs staff in through the sign-in screen (no page asked for), answering the TOTP step. */
async function signInStaffOnScreen(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("手机号码或电子邮箱").fill(login);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const code = page.getByLabel("验证码", { exact: true });
  await code.waitFor();
  await code.fill(await freshTotpCode(login));
  await page.getByRole("button", { name: "验证", exact: true }).click();
}

// The probes below run in the page; they are strings because this folder is type-checked without
// the DOM library.

/** Whether an element is shown (elements hidden for everyone but screen readers are 1 px wide). */
const IS_SHOWN = `(element) => {
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  return style.display !== "none" && style.visibility !== "hidden" && rect.width > 2 && rect.height > 2;
}`;

/** The lines a range of text takes on screen. */
const LINES_OF = `(range) => new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size`;

/**
 * What is wrong with the layout now on screen: the page wider than the window, text cut off by an
 * element that hides its overflow, a code (查询码, 案号) broken across lines. Empty when all is well.
 */
async function layoutProblems(page: Page, codes: string[]): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const codes = ${JSON.stringify(codes)};
    const isShown = ${IS_SHOWN};
    const linesOf = ${LINES_OF};
    const problems = [];
    const describe = (element) =>
      "<" + element.tagName.toLowerCase() + ' class="' + (element.getAttribute("class") ?? "") + '"> "' +
      (element.textContent ?? "").trim().slice(0, 40) + '"';
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth)
      problems.push("the page is " + root.scrollWidth + "px wide in a " + window.innerWidth + "px window");
    for (const element of document.querySelectorAll("body *")) {
      if (!isShown(element)) continue;
      const style = getComputedStyle(element);
      const hides = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      if (hides && hasText && element.scrollWidth > element.clientWidth + 1)
        problems.push("text is cut off: " + describe(element));
    }
    // Each occurrence of a code sits on one line.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!node.parentElement || !isShown(node.parentElement)) continue;
      for (const code of codes) {
        for (let at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + code.length)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + code.length);
          const lines = linesOf(range);
          if (lines > 1)
            problems.push('"' + code + '" breaks across ' + lines + " lines in " + describe(node.parentElement));
        }
      }
    }
    return problems;
  })()`);
}

/** Labels of the phone's tab bar that wrap onto a second line or are cut off. */
async function wrappedTabLabels(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const linesOf = ${LINES_OF};
    return [...document.querySelectorAll(".nc-tabbar .nc-tab-label")].flatMap((label) => {
      const range = document.createRange();
      range.selectNodeContents(label);
      return linesOf(range) > 1 || label.scrollWidth > label.clientWidth + 1 ? [label.textContent ?? ""] : [];
    });
  })()`);
}

/**
 * Whether an element is wholly inside its container (and the window), not covered, and its label not
 * cut off.
 */
async function isFullyVisible(page: Page, selector: string, container: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    const box = element?.closest(${JSON.stringify(container)});
    if (!element || !box) return false;
    const rect = element.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    const inside =
      rect.top >= Math.max(0, outer.top) &&
      rect.left >= Math.max(0, outer.left) &&
      rect.bottom <= Math.min(window.innerHeight, outer.bottom) &&
      rect.right <= Math.min(window.innerWidth, outer.right);
    const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    const label = element.querySelector("span:not(.anticon)") ?? element;
    return inside && !!top && element.contains(top) && label.scrollWidth <= label.clientWidth + 1;
  })()`);
}

const HAN = /\p{Script=Han}/u;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

describe("phone layout of the inbox, the case page and the shell", () => {
  let server: RunningServer | undefined;
  let filing: FilingView;
  let queryCode: string;
  let judgeLogin: string;
  /** The parties' ID numbers as the case page shows them (read and copied whole, like codes). */
  let idNumbers: string[];

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");

    // 张三 files and pays; a clerk accepts, so the case has a number and a judge.
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    const draft = await zhangsan.call<FilingView>("POST", "/api/filings", { courtId });
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
    const attachment = await zhangsan.call<{ id: string }>(
      "POST",
      `/api/filings/${draft.caseId}/attachments`,
      form,
    );
    await zhangsan.call("PUT", `/api/filings/${draft.caseId}`, complaint(attachment.id));
    await zhangsan.call("POST", `/api/filings/${draft.caseId}/submit`, {});
    expect(await payAtCashier(zhangsan, draft.caseId)).toBe(303);

    const clerk = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo");
    filing = await clerk.call<FilingView>("POST", `/api/filings/${draft.caseId}/accept`, {});
    expect(filing.caseNumber).toMatch(/^（\d{4}）浙0192民初\d+号$/);

    const inbox = await zhangsan.call<{ items: Array<{ kind: string; params: Record<string, unknown> }> }>(
      "GET",
      "/api/inbox",
    );
    const code = inbox.items.find((m) => m.kind === "filing_submitted")?.params.queryCode;
    queryCode = typeof code === "string" ? code : "";
    expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const detail = await zhangsan.call<{
      judge: { name: string } | null;
      parties: Array<{ idNumber?: string | null }>;
    }>("GET", `/api/cases/${draft.caseId}`);
    idNumbers = detail.parties.flatMap((party) => (party.idNumber ? [party.idNumber] : []));
    expect(idNumbers.length).toBeGreaterThan(0);
    const judgeMark = detail.judge?.name.slice(-1) as "甲" | "乙" | "丙";
    judgeLogin = `hzhlw.judge${{ 甲: 1, 乙: 2, 丙: 3 }[judgeMark]}@netcourt.demo`;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it.each<[Language, { filing: string; myCases: string; signOut: string; inboxWords: RegExp }]>([
    [
      "zh-CN",
      { filing: "立案", myCases: "我的案件", signOut: "退出登录", inboxWords: /\d{4}年\d{1,2}月\d{1,2}日/ },
    ],
    [
      "en",
      {
        filing: "File a case",
        myCases: "My cases",
        signOut: "Sign out",
        inboxWords: /[A-Z][a-z]{2} \d{1,2}, \d{4}/,
      },
    ],
  ])(
    "fits the inbox, the case page, the tab bar and the drawer of a 375 px phone in %s",
    async (language, words) => {
      const baseUrl = server!.baseUrl;
      const shot = screenshots(`phone layout ${language}`, { fullPage: false });
      const wholePage = screenshots(`phone layout ${language} whole pages`);
      const browser = await openIn(language, phone);
      try {
        const { page, context } = browser;
        await signInLitigant(context, baseUrl, "zhangsan@netcourt.demo");
        const codes = [queryCode, filing.caseNumber!, ...idNumbers];

        // The inbox: full-width messages, dates and fees written as the pages write them, codes whole.
        await page.goto(`${baseUrl}/inbox`);
        await page.locator(".nc-inbox-body").filter({ hasText: queryCode }).waitFor();
        const inboxText = (await page.getByRole("main").textContent()) ?? "";
        expect(inboxText).toMatch(words.inboxWords);
        expect(inboxText).not.toMatch(ISO_DAY);
        expect(inboxText).not.toMatch(/CNY|\d{4}\.\d{2}元/);
        if (language === "en") expect(inboxText).toContain("yuan");
        const body = page.locator(".nc-inbox-body").first();
        const main = page.locator("#main");
        // The message text takes (nearly) the width of the page's content.
        expect((await body.boundingBox())!.width).toBeGreaterThan((await main.boundingBox())!.width * 0.75);
        await shot(page, "inbox");
        expect(await layoutProblems(page, codes)).toEqual([]);

        // The tab bar: filing and my cases for a litigant, every label on one line.
        const tabbar = page.getByRole("navigation", {
          name: language === "en" ? "Quick navigation" : "快捷导航",
        });
        await tabbar.getByRole("link", { name: words.filing, exact: true }).waitFor();
        await tabbar.getByRole("link", { name: words.myCases, exact: true }).waitFor();
        expect(await wrappedTabLabels(page)).toEqual([]);

        // The case page.
        await page.goto(`${baseUrl}/cases/${filing.caseId}`);
        await page.getByText(filing.caseNumber!).first().waitFor();
        await shot(page, "case page");
        await wholePage(page, "case page");
        expect(await layoutProblems(page, codes)).toEqual([]);
        await page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)");
        await shot(page, "case page further down");
        expect(await layoutProblems(page, codes)).toEqual([]);

        // The drawer: its sign-out button is wholly visible and not covered.
        await page.getByRole("button", { name: language === "en" ? "Open menu" : "打开菜单" }).click();
        const signOut = page.locator(".nc-drawer-signout");
        await signOut.waitFor();
        await shot(page, "drawer");
        await signOut.scrollIntoViewIfNeeded();
        expect(await signOut.textContent()).toContain(words.signOut);
        expect(await isFullyVisible(page, ".nc-drawer-signout", ".ant-drawer-body")).toBe(true);
        // Each menu entry once: 我的案件 is not offered twice.
        const entries = await page.locator(".nc-drawer .ant-menu-item").allTextContents();
        expect(entries.filter((entry) => entry.trim() === words.myCases)).toHaveLength(1);
        if (language === "en") expect(entries.join(" ")).not.toMatch(HAN);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  it.each<Language>(["zh-CN", "en"])(
    "shows the inbox and the case page on a desktop in %s",
    async (language) => {
      const baseUrl = server!.baseUrl;
      const shot = screenshots(`desktop layout ${language}`);
      const browser = await openIn(language, desktop);
      try {
        const { page, context } = browser;
        await signInLitigant(context, baseUrl, "zhangsan@netcourt.demo");
        await page.goto(`${baseUrl}/`);
        await page
          .getByRole("link", { name: language === "en" ? /File a case/ : /立案/ })
          .first()
          .waitFor();
        await shot(page, "home signed in");
        await page.goto(`${baseUrl}/inbox`);
        await page.locator(".nc-inbox-body").filter({ hasText: queryCode }).waitFor();
        await shot(page, "inbox");
        expect(await layoutProblems(page, [queryCode, filing.caseNumber!])).toEqual([]);
        await page.goto(`${baseUrl}/cases/${filing.caseId}`);
        await page.getByText(filing.caseNumber!).first().waitFor();
        await shot(page, "case page");
        expect(await layoutProblems(page, [queryCode, filing.caseNumber!])).toEqual([]);
        await page.goto(`${baseUrl}/fees`);
        await page.getByRole("spinbutton").first().fill("100000");
        await page.getByRole("button", { name: language === "en" ? "Calculate" : "计算" }).click();
        const table = page.locator(".ant-table").first();
        await table.waitFor();
        if (language === "en") expect(await table.textContent()).not.toMatch(HAN);
        await shot(page, "fee calculator");
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  it("lands staff on their workbench after sign-in, and the judge opens a case from its title", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("staff landing");
    const clerk = await openIn("zh-CN", desktop);
    const judge = await openIn("zh-CN", phone);
    try {
      await signInStaffOnScreen(clerk.page, baseUrl, "hzhlw.clerk2@netcourt.demo");
      await clerk.page.waitForURL(/\/court\/filings$/);
      await clerk.page.getByRole("heading", { level: 1, name: "立案审查" }).waitFor();
      // Staff menus carry the court's work, not a litigant's filing and cases.
      const menu = clerk.page.getByRole("navigation", { name: "主导航" });
      expect(await menu.getByRole("link", { name: "网上立案" }).count()).toBe(0);
      expect(await menu.getByRole("link", { name: "站内信" }).count()).toBe(1);
      await shot(clerk.page, "clerk lands on filing review");

      // The court's case list: the whole row opens the case from the keyboard, the title by a click.
      await menu.getByRole("link", { name: "法院案件" }).click();
      const row = clerk.page.locator("tr.nc-row-link").filter({ hasText: filing.caseNumber! });
      await row.focus();
      await clerk.page.keyboard.press("Enter");
      await clerk.page.waitForURL(new RegExp(`/court/cases/${filing.caseId}$`));
      await clerk.page.goBack();
      await row.getByRole("link", { name: filing.title! }).click();
      await clerk.page.waitForURL(new RegExp(`/court/cases/${filing.caseId}$`));

      const { page } = judge;
      await signInStaffOnScreen(page, baseUrl, judgeLogin);
      await page.waitForURL(/\/court\/my-cases$/);
      await page.getByRole("link", { name: filing.title! }).first().click();
      await page.waitForURL(new RegExp(`/court/cases/${filing.caseId}$`));
      await page.getByText(filing.caseNumber!).first().waitFor();
      expect(await layoutProblems(page, [filing.caseNumber!])).toEqual([]);
      expect(await wrappedTabLabels(page)).toEqual([]);
      await shot(page, "judge opened the case from its title");
    } finally {
      await clerk.close();
      await judge.close();
    }
  }, 180_000);
});
