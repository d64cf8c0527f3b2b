import type { Page } from "playwright-core";
import { DEMO_PASSWORD, freshTotpCode } from "./court-api";

/**
 * Signs in through the sign-in page and lands on `next`; staff enter a fresh authenticator code. `offsetMs` is the
 * server's clock offset (CLOCK_OFFSET) when a journey runs the court days ahead.
 */
export async function signInAt(
  page: Page,
  baseUrl: string,
  login: string,
  next: string,
  isStaff: boolean,
  offsetMs = 0,
) {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(手机号码或电子邮箱|Mobile number or e-mail)$/).fill(login);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  if (isStaff) {
    const code = page.getByLabel(/^(验证码|Verification code)$/);
    await code.waitFor();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
      await code.fill(await freshTotpCode(login, offsetMs));
      // Waits for the server's answer itself: on a loaded machine it may come after many seconds, and
      // submitting again meanwhile would find the form still busy. Enter submits the form whatever the
      // button reads while it is loading.
      const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/totp/verify"), {
        timeout: 60_000,
      });
      await code.press("Enter");
      // A code spent by a sign-in this file did not count: the next try takes the next step.
      if ((await answer).ok()) break;
    }
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
}

/** Polls `read` until `done` holds (the machine is loaded: jobs take their time). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
