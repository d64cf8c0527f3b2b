import fs from "node:fs/promises";
import { chromium } from "playwright-core";
import { AppError } from "../../platform";

/** Where Debian's Chromium lives (CHROMIUM_PATH overrides). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

const PRINT_TIMEOUT_MS = 30_000;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints an HTML page to PDF with headless Chromium: one browser at a time (a queue), each print bounded
 * by a deadline, the page barred from loading anything. Throws `pdf_renderer_unavailable` when Chromium
 * is not installed or fails; DOCX does not depend on it.
 */
export function printPdf(html: string): Promise<Buffer> {
  const run = queue.then(() => printNow(html));
  queue = run.catch(() => undefined);
  return run;
}

async function printNow(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  try {
    await fs.access(executablePath, fs.constants.X_OK);
  } catch {
    throw new AppError("pdf_renderer_unavailable", [{ code: "chromium_missing", message: executablePath }]);
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isTimedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      isTimedOut = true;
      reject(new AppError("pdf_renderer_unavailable", [{ code: "timeout", message: "print timed out" }]));
    }, PRINT_TIMEOUT_MS);
  });
  const print = (async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout: PRINT_TIMEOUT_MS,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    // A launch that finished after the deadline closes at once: nothing waits for it any more.
    if (isTimedOut) {
      await browser.close();
      throw new Error("print timed out");
    }
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load", timeout: PRINT_TIMEOUT_MS });
    return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  })();
  try {
    return await Promise.race([print, deadline]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("pdf_renderer_unavailable", [{ code: "print_failed", message: "Chromium failed" }], {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    print.catch(() => undefined);
    await (browser as { close(): Promise<void> } | undefined)?.close().catch(() => undefined);
  }
}
