import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "./server";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--allow-loopback-in-peer-connection",
];

/** A phone the size of an iPhone 12–15 (390 × 844 CSS pixels). */
export const phoneViewport = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
} as const;

export interface BrowserOptions {
  /** CSS viewport; 1280 × 800 by default. */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  isMobile?: boolean;
  hasTouch?: boolean;
  /** Browser language (navigator.language and Accept-Language); zh-CN by default. */
  locale?: string;
  /** A fake camera and microphone, granted without asking (hearing room, recording, live stream). */
  media?: boolean;
}

/** Chromium's fake capture devices: a test pattern and a beep, allowed without a prompt. */
export const fakeMediaArgs = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Closes Chromium and removes its profile. Safe to call twice. */
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile (CHROMIUM_PATH overrides /usr/bin/chromium). */
export async function openBrowser(options: BrowserOptions = {}): Promise<OpenBrowser> {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: options.media ? [...chromiumArgs, ...fakeMediaArgs] : chromiumArgs,
      ...(options.media ? { permissions: ["camera", "microphone"] } : {}),
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      isMobile: options.isMobile ?? false,
      hasTouch: options.hasTouch ?? false,
      locale: options.locale ?? "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
  } catch (error) {
    await fs.rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed: Promise<void> | null = null;
  return {
    context,
    page,
    close: () => {
      closed ??= (async () => {
        await context.close().catch(() => undefined);
        await fs.rm(userDataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

function slug(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "test"
  );
}

/**
 * Returns `shot(page, step)`, which saves a screenshot to `artifacts/e2e/<test>/<nn>-<step>.png`
 * (numbered in the order taken) and returns its path. Full-page by default; phones look better with
 * `fullPage: false`, which keeps fixed bars where the user sees them.
 */
export function screenshots(
  testName: string,
  options: { fullPage?: boolean } = {},
): (page: Page, step: string) => Promise<string> {
  const folder = path.join(repoRoot, "artifacts/e2e", slug(testName));
  let count = 0;
  return async (page, step) => {
    await fs.mkdir(folder, { recursive: true });
    count += 1;
    const file = path.join(folder, `${String(count).padStart(2, "0")}-${slug(step)}.png`);
    // Let drawers, menus and messages finish their transitions so the picture shows the settled screen.
    await page
      .evaluate(
        `Promise.race([
          Promise.all(document.getAnimations()
            .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
            .map((animation) => animation.finished)),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ])`,
      )
      .catch(() => undefined);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
    return file;
  };
}
