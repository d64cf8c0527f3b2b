import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  endpointExists,
  focusedElement,
  openBrowser,
  phoneViewport,
  screenshots,
  startServer,
  type OpenBrowser,
  type RunningServer,
} from "./support";

describe("public pages", () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Runs a journey in a fresh Chromium that is closed whatever happens. */
  async function inBrowser(
    options: Parameters<typeof openBrowser>[0],
    journey: (browser: OpenBrowser) => Promise<void>,
  ) {
    const browser = await openBrowser(options);
    try {
      await journey(browser);
    } finally {
      await browser.close();
    }
  }

  it("computes 2,300 yuan for a 100,000-yuan property claim under the ordinary procedure", async (context) => {
    const baseUrl = server!.baseUrl;
    if (!(await endpointExists(baseUrl, "GET", "/api/fees/quote?kind=property&amount=1"))) {
      context.skip("GET /api/fees/quote is not served yet");
    }
    const shot = screenshots("fee calculator property 100000 ordinary");
    await inBrowser({}, async ({ page }) => {
      await page.goto(`${baseUrl}/fees`);
      await page.getByRole("heading", { level: 1, name: "诉讼费计算器" }).waitFor();
      await page.getByLabel("诉讼请求金额（元）").fill("100000");
      await page.locator("label").filter({ hasText: "普通程序" }).click();
      await shot(page, "filled");
      await page.getByRole("button", { name: "计算" }).click();
      const total = page.getByTestId("fee-total");
      await total.waitFor();
      expect(await total.textContent()).toBe("2,300.00 元");
      // The breakdown shows the 第十三条 brackets: 50 yuan for the first 10,000, 2.5 % of the next 90,000.
      const table = page.getByRole("table");
      expect(await table.textContent()).toContain("2,250.00");
      await shot(page, "result");

      // Simplified procedure halves the acceptance fee (第十六条).
      await page.locator("label").filter({ hasText: "简易程序" }).click();
      await page.getByRole("button", { name: "计算" }).click();
      await page.getByTestId("fee-total").filter({ hasText: "1,150.00" }).waitFor();
      await shot(page, "simplified");
    });
  });

  it("switches to English, keeps it after a reload and asks the API in English", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("language switch to english");
    await inBrowser({}, async ({ page }) => {
      await page.goto(`${baseUrl}/fees`);
      await page.getByRole("heading", { level: 1, name: "诉讼费计算器" }).waitFor();
      expect(await page.evaluate<string>("document.documentElement.lang")).toBe("zh-CN");
      await shot(page, "chinese");

      await page.getByRole("button", { name: /切换语言/ }).click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Litigation fee calculator" }).waitFor();
      expect(await page.evaluate<string>("document.documentElement.lang")).toBe("en");
      expect(await page.getByLabel("Amount claimed (yuan)").count()).toBe(1);
      expect(await page.getByRole("navigation", { name: "Main navigation" }).textContent()).toContain(
        "Case progress",
      );
      await shot(page, "english");

      const meRequest = page.waitForRequest((request) => request.url().endsWith("/api/me"));
      await page.reload();
      const headers = (await meRequest).headers();
      expect(headers["x-locale"]).toBe("en");
      expect(headers["accept-language"]).toBe("en");
      await page.getByRole("heading", { level: 1, name: "Litigation fee calculator" }).waitFor();
      expect(await page.getByRole("button", { name: "Calculate" }).count()).toBe(1);
      await shot(page, "after reload");
    });
  });

  it("moves focus to the new page's heading after navigating by keyboard", async () => {
    const baseUrl = server!.baseUrl;
    await inBrowser({}, async ({ page }) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const link = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "进度查询" });
      await link.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "案件进度查询" }).waitFor();
      await page.waitForFunction('document.activeElement?.tagName === "H1"');
      expect(await focusedElement(page)).toEqual({ tag: "h1", text: "案件进度查询" });
      expect(await page.title()).toContain("案件进度查询");
    });
  });

  it("navigates by the bottom tab bar and the drawer menu on a 390 × 844 phone", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("phone navigation", { fullPage: false });
    await inBrowser(phoneViewport, async ({ page }) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const tabBar = page.getByRole("navigation", { name: "快捷导航" });
      await tabBar.waitFor();
      // No side menu on a phone: the whole width is for the content.
      expect(await page.locator(".nc-sider").count()).toBe(0);
      const box = await tabBar.boundingBox();
      expect(box && Math.round(box.y + box.height)).toBe(844);
      await shot(page, "home");

      await tabBar.getByRole("link", { name: "诉讼费", exact: true }).tap();
      await page.getByRole("heading", { level: 1, name: "诉讼费计算器" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/fees");
      expect(
        await tabBar.getByRole("link", { name: "诉讼费", exact: true }).getAttribute("aria-current"),
      ).toBe("page");
      await shot(page, "fees by tab");

      const menuButton = page.getByRole("button", { name: "打开菜单" });
      await menuButton.tap();
      const drawer = page.getByRole("dialog");
      await drawer.getByRole("link", { name: "进度查询" }).waitFor();
      expect(await menuButton.getAttribute("aria-expanded")).toBe("true");
      await shot(page, "drawer open");
      await drawer.getByRole("link", { name: "进度查询" }).tap();
      await page.getByRole("heading", { level: 1, name: "案件进度查询" }).waitFor();
      await drawer.waitFor({ state: "hidden" });
      expect(new URL(page.url()).pathname).toBe("/progress");

      await tabBar.getByRole("link", { name: "登录" }).tap();
      await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
      await shot(page, "sign in by tab");
    });
  });
});
