import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openBrowser,
  phoneViewport,
  residentIdNumber,
  screenshots,
  startServer,
  uniquePhone,
  type BrowserOptions,
  type RunningServer,
} from "./support";
import { ApiSession, DEMO_PASSWORD, totpCode } from "./support/court-api";
import { signInAt } from "./support/sign-in";

/** Any Chinese character: the English screens must have none outside the names the court chose. */
const HAN = /\p{Script=Han}/u;

/** The words a user reads on these screens, in each language. */
const texts = {
  "zh-CN": {
    openMenu: "打开菜单",
    mainNavigation: "主导航",
    navAdmin: "法院管理",
    adminTitle: "法院管理",
    invite: "邀请工作人员",
    name: "姓名",
    idNumber: "公民身份号码",
    phone: "手机号",
    role: "角色",
    clerk: "书记员",
    linkTitle: "邀请链接",
    linkClose: "我已保存链接",
    invited: "已邀请",
    active: "已启用",
    inviteTitle: "设置账户",
    password: "新密码",
    confirmPassword: "确认密码",
    code: "验证器显示的 6 位动态口令",
    submit: "完成设置并登录",
    workbench: "立案审查",
    used: /邀请链接已使用/,
    notFound: /邀请链接无效/,
    signInLink: "前往登录",
  },
  en: {
    openMenu: "Open menu",
    mainNavigation: "Main navigation",
    navAdmin: "Court administration",
    adminTitle: "Court administration",
    invite: "Invite a staff member",
    name: "Name",
    idNumber: "Resident ID number",
    phone: "Mobile",
    role: "Role",
    clerk: "Clerk",
    linkTitle: "Invitation link",
    linkClose: "I have saved the link",
    invited: "Invited",
    active: "Active",
    inviteTitle: "Set up your account",
    password: "New password",
    confirmPassword: "Confirm password",
    code: "The 6-digit code shown by the app",
    submit: "Finish and sign in",
    workbench: "Filing review",
    used: /already been used/,
    notFound: /not valid/,
    signInLink: "Go to sign in",
  },
} as const;

type Locale = keyof typeof texts;

async function switchLanguage(page: Page, to: "zh-CN" | "en"): Promise<void> {
  const item = to === "en" ? "English" : "简体中文";
  // A click may land while a toast or the menu is still settling; try again as a user would.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const target = page.getByRole("menuitem", { name: item });
    if (!(await target.isVisible()))
      await page.getByRole("button", { name: /切换语言|Change language/ }).click();
    await target.click();
    const isSwitched = await page
      .waitForFunction(`document.documentElement.lang === '${to}'`, undefined, { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (isSwitched) return;
  }
  throw new Error(`the language switch did not switch to ${to}`);
}

function switchToEnglish(page: Page): Promise<void> {
  return switchLanguage(page, "en");
}

/** Follows the menu entry as a user would: the side menu on a desktop, the drawer on a phone. */
async function openFromMenu(page: Page, locale: Locale, isPhone: boolean, label: string): Promise<void> {
  const words = texts[locale];
  if (isPhone) await page.getByRole("button", { name: words.openMenu }).click();
  await page
    .getByRole("navigation", { name: words.mainNavigation })
    .filter({ visible: true })
    .getByRole("link", { name: label, exact: true })
    .click();
}

/** Text of the main landmark that is Chinese, for the English screens (names chosen by the court aside). */
async function chineseIn(page: Page, selector: string, allowed: string[]): Promise<string[]> {
  const parts = await page.locator(selector).allTextContents();
  return parts
    .map((text) => allowed.reduce((rest, name) => rest.replaceAll(name, ""), text))
    .filter((text) => HAN.test(text));
}

describe("court administration", () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Two courts' administrators, so neither journey replays the other's TOTP code within its 30 seconds.
  const journeys: {
    title: string;
    locale: Locale;
    browser: BrowserOptions;
    admin: string;
    invitee: string;
  }[] = [
    {
      title: "desktop zh-CN",
      locale: "zh-CN",
      browser: {},
      admin: "hzhlw.admin1@netcourt.demo",
      invitee: "书记员丁",
    },
    {
      title: "phone en",
      locale: "en",
      browser: phoneViewport,
      admin: "bjhlw.admin1@netcourt.demo",
      invitee: "书记员戊",
    },
  ];

  it.each(journeys)(
    "an administrator invites a clerk from the menu; the clerk enrols through the link and lands on the workbench ($title)",
    async ({ title, locale, browser: options, admin: adminLogin, invitee }) => {
      const baseUrl = server!.baseUrl;
      const isPhone = options.isMobile === true;
      const words = texts[locale];
      const shot = screenshots(`court admin ${title}`, { fullPage: !isPhone });
      // A dialog is pictured as the user sees it: a full-page picture would scroll it away.
      const dialogShot = screenshots(`court admin ${title} dialogs`, { fullPage: false });
      const admin = await openBrowser(options);
      let url = "";
      try {
        const { page } = admin;
        await signInAt(page, baseUrl, adminLogin, "/court/filings", true);
        await page.getByRole("heading", { level: 1, name: "立案审查" }).waitFor();
        if (locale === "zh-CN") {
          await openFromMenu(page, locale, isPhone, words.navAdmin);
          await page.getByRole("heading", { level: 1, name: words.adminTitle }).waitFor();
          await page.getByRole("cell", { name: "管理员" }).first().waitFor();
          await shot(page, "court administration");
          await switchToEnglish(page);
          await page.getByRole("heading", { level: 1, name: texts.en.adminTitle }).waitFor();
          await shot(page, "court administration in english");
          // Back in Chinese for the invitation.
          await switchLanguage(page, "zh-CN");
          await page.getByRole("heading", { level: 1, name: words.adminTitle }).waitFor();
        } else {
          await openFromMenu(page, "zh-CN", isPhone, texts["zh-CN"].navAdmin);
          await page.getByRole("heading", { level: 1, name: texts["zh-CN"].adminTitle }).waitFor();
          await page.getByRole("cell", { name: "管理员" }).first().waitFor();
          await shot(page, "court administration in chinese");
          await switchToEnglish(page);
          // Via the menu again, now in English.
          await page.goto(`${baseUrl}/court/filings`);
          await page.getByRole("heading", { level: 1, name: words.workbench }).waitFor();
          await openFromMenu(page, locale, isPhone, words.navAdmin);
          await page.getByRole("heading", { level: 1, name: words.adminTitle }).waitFor();
          await page.getByRole("cell", { name: "管理员" }).first().waitFor();
          expect(
            await chineseIn(page, "main h1, main th, main .ant-card-head-title, main button", []),
          ).toEqual([]);
          await shot(page, "court administration");
        }

        await page.getByRole("button", { name: words.invite }).click();
        const dialog = page.getByRole("dialog", { name: words.invite });
        await dialog.waitFor();
        await dialogShot(page, "invite dialog open");
        await dialog.getByLabel(words.name, { exact: true }).fill(invitee);
        await dialog
          .getByLabel(words.idNumber, { exact: true })
          .fill(residentIdNumber("1995-06-01", "female"));
        await dialog.getByLabel(words.phone, { exact: true }).fill(uniquePhone());
        const option = page
          .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: words.clerk })
          .first();
        const chosen = dialog.locator(".ant-select", { hasText: words.clerk });
        // The list animates open inside a dialog that is still settling; a click that misses is tried again.
        for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt += 1) {
          if (!(await option.isVisible())) await dialog.getByLabel(words.role, { exact: true }).click();
          await option.click({ timeout: 5_000 }).catch(() => undefined);
          await chosen.waitFor({ timeout: 3_000 }).catch(() => undefined);
        }
        await chosen.waitFor();
        await dialogShot(page, "invite dialog filled");
        await dialog.getByRole("button", { name: words.invite }).click();

        const link = page.getByRole("dialog", { name: words.linkTitle });
        await link.waitFor();
        url = ((await link.getByTestId("invitation-url").textContent()) ?? "").trim();
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
        await dialogShot(page, "invitation link shown once");
        await link.getByRole("button", { name: words.linkClose }).click();
        await link.waitFor({ state: "hidden" });
        const row = page.getByRole("row").filter({ hasText: invitee });
        await row.getByText(words.invited, { exact: true }).waitFor();
        // The phone pictures its viewport, so bring the row into it; a full-page picture starts at the top.
        if (isPhone) await row.scrollIntoViewIfNeeded();
        else await page.evaluate("window.scrollTo(0, 0)");
        await shot(page, "invited clerk in the staff list");
      } finally {
        await admin.close();
      }

      // The invitee opens the link in their own browser.
      const clerk = await openBrowser(options);
      try {
        const { page } = clerk;
        await page.goto(url);
        await page.getByRole("heading", { level: 1, name: texts["zh-CN"].inviteTitle }).waitFor();
        if (locale === "en") {
          await shot(page, "invitation page in chinese");
          await switchToEnglish(page);
          await page.getByRole("heading", { level: 1, name: words.inviteTitle }).waitFor();
        }
        await page.getByLabel(words.password, { exact: true }).fill("Clerk2026secure");
        await page.getByLabel(words.confirmPassword, { exact: true }).fill("Clerk2026secure");
        const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        await page.getByRole("img", { name: /二维码|QR code/ }).waitFor();
        await shot(page, "invitation page");
        if (locale === "zh-CN") {
          await switchToEnglish(page);
          await page.getByRole("heading", { level: 1, name: texts.en.inviteTitle }).waitFor();
          await page.getByLabel(texts.en.code, { exact: true }).waitFor();
          await shot(page, "invitation page in english");
          await switchLanguage(page, "zh-CN");
          await page.getByRole("heading", { level: 1, name: words.inviteTitle }).waitFor();
        }
        if (locale === "en")
          expect(
            await chineseIn(
              page,
              "main h1, main label, main .ant-card-head-title, main button, main .ant-alert",
              [invitee.slice(0, 1), "杭州互联网法院"],
            ),
          ).toEqual([]);
        await page.getByLabel(words.code, { exact: true }).fill(totpCode(secret));
        await page.getByRole("button", { name: words.submit }).click();
        await page.getByRole("heading", { level: 1, name: words.workbench }).waitFor();
        await shot(page, "signed in on the clerk's workbench");

        // The link worked once: opened again, it says so and offers the way on.
        await page.goto(url);
        await page.getByText(words.used).first().waitFor();
        await page.getByRole("link", { name: words.signInLink }).waitFor();
        await shot(page, "used invitation link");
      } finally {
        await clerk.close();
      }

      // A link that never was (mistyped, or replaced by a newer one), opened by someone signed out.
      const stranger = await openBrowser(options);
      try {
        const { page } = stranger;
        // On a desktop a well-formed token nobody issued; on the phone the real link cut short, as a mail app might.
        await page.goto(isPhone ? url.slice(0, -5) : `${baseUrl}/invite/${"A".repeat(43)}`);
        await page.getByText(texts["zh-CN"].notFound).first().waitFor();
        await page.getByRole("link", { name: texts["zh-CN"].signInLink }).waitFor();
        await shot(page, "invalid invitation link in chinese");
        await switchToEnglish(page);
        await page.getByText(texts.en.notFound).first().waitFor();
        await page.getByRole("link", { name: texts.en.signInLink }).waitFor();
        await shot(page, "invalid invitation link in english");
      } finally {
        await stranger.close();
      }
    },
  );

  it("after 21 failed sign-ins from this address the page verifies the browser and signs in", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("court admin sign-in challenge");
    // Each failure names a different unknown account, so only the address's limit is reached.
    const anonymous = new ApiSession(baseUrl);
    for (let i = 0; i < 21; i += 1) {
      const answer = await anonymous.request("POST", "/api/auth/login", {
        login: `nobody${i}@example.com`,
        password: "wrong-password-1",
      });
      expect([401, 429]).toContain(answer.status);
    }
    const browser = await openBrowser();
    try {
      const { page } = browser;
      // Hold the solved retry until the message has been pictured.
      let release = () => {};
      const pictured = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/api/auth/login", async (route) => {
        if (route.request().headers()["x-challenge-solution"]) await pictured;
        await route.continue();
      });
      await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent("/account")}`);
      await page.getByLabel("手机号码或电子邮箱").fill("zhangsan@netcourt.demo");
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByText("正在进行安全验证，请稍候…").waitFor();
      await shot(page, "verifying");
      release();
      await page.waitForURL(/\/account$/);
      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor();
      await shot(page, "signed in after the challenge");
    } finally {
      await browser.close();
    }
  });
});
