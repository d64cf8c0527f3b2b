import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  endpointExists,
  openBrowser,
  residentIdNumber,
  screenshots,
  startServer,
  uniquePhone,
  type RunningServer,
} from "./support";

describe("identity", () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("registers a person, signs out and signs in again with the phone number", async (context) => {
    const baseUrl = server!.baseUrl;
    if (!(await endpointExists(baseUrl, "POST", "/api/auth/register"))) {
      context.skip("POST /api/auth/register is not served yet");
    }
    const shot = screenshots("register sign out sign in");
    const idNumber = residentIdNumber("1990-03-07", "male");
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === "0" ? "1" : "0");
    const phone = uniquePhone();
    const password = "Court2026secure";
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(`${baseUrl}/register`);
      await page.getByRole("heading", { level: 1, name: "注册账号" }).waitFor();
      await page.getByLabel("姓名", { exact: true }).fill("王小明");

      // A mistyped check digit is caught at once, before anything is sent (GB 11643 MOD 11-2).
      const idField = page.getByLabel("公民身份号码", { exact: true });
      await idField.fill(wrongCheck);
      await idField.blur();
      await page.getByText("校验码不符，请核对号码").waitFor();
      await shot(page, "wrong check digit");
      await idField.fill(idNumber);
      await page.getByText("校验码不符，请核对号码").waitFor({ state: "detached" });

      await page.getByLabel("手机号码", { exact: true }).fill(phone);
      await page.getByLabel("密码", { exact: true }).fill(password);
      await page.getByLabel("确认密码", { exact: true }).fill(password);
      await page.getByRole("checkbox").check();
      await shot(page, "filled");
      await page.getByRole("button", { name: "注册", exact: true }).click();

      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor();
      const profile = (await page.getByRole("main").textContent()) ?? "";
      expect(profile).toContain("王小明");
      expect(profile).toContain(phone);
      expect(profile).toContain("未实名认证");
      expect(profile).not.toContain(idNumber); // only the masked number is shown
      await shot(page, "account after registration");

      // Sign out from the account menu; a click that lands while the menu is still opening is repeated.
      const home = page.getByRole("heading", { level: 1, name: "网上案件网上审理" });
      for (let attempt = 0; attempt < 3 && !(await home.isVisible()); attempt += 1) {
        await page.getByRole("button", { name: /账户菜单/ }).click();
        await page
          .getByRole("menuitem", { name: "退出登录" })
          .click({ timeout: 10_000 })
          .catch(() => undefined);
        await home.waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
      await home.waitFor();
      await page.getByRole("banner").getByRole("link", { name: "登录" }).waitFor();
      await shot(page, "signed out");

      // The account page now sends a visitor to sign in and back.
      await page.goto(`${baseUrl}/account`);
      await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
      expect(new URL(page.url()).searchParams.get("next")).toBe("/account");

      await page.getByLabel("手机号码或电子邮箱").fill(phone);
      await page.getByLabel("密码", { exact: true }).fill("wrong-password-1");
      await page.getByRole("button", { name: "登录", exact: true }).click();
      const alert = page.getByRole("alert").first();
      await alert.waitFor();
      expect(await alert.textContent()).not.toBe("");
      await shot(page, "wrong password");

      // The form's submit button, whatever its state (while a request runs its name starts with the
      // loading icon's label); clicked once the failed attempt has finished.
      await page.locator('main button[type="submit"]:not(.ant-btn-loading)').waitFor();
      await page.getByLabel("密码", { exact: true }).fill(password);
      await page.locator('main button[type="submit"]').click();
      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor();
      expect(await page.getByRole("main").textContent()).toContain("王小明");
      await shot(page, "signed in again");
    } finally {
      await browser.close();
    }
  });
});
