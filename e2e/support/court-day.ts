import type { Page } from "playwright-core";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A one-pixel PNG: the smallest real image an upload accepts. */
export const ONE_PIXEL_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/** The court's date (UTC+8) today, `YYYY-MM-DD`. */
export function courtToday(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The court's date (UTC+8) `days` from now, `YYYY-MM-DD`, moved on to a weekday. */
export function courtDayAfter(days: number): string {
  const day = new Date(Date.now() + 8 * 60 * 60 * 1000 + days * DAY_MS);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Whole days from the court's today to `day`: the server's CLOCK_OFFSET that sits it on that day. */
export function daysUntil(day: string): number {
  return Math.round((Date.parse(day) - Date.parse(courtToday())) / DAY_MS);
}

/** How much the first `<video>` under `selector` varies (0: one flat colour, i.e. no picture). */
export async function frameVariance(
  page: Page,
  selector = "[data-testid=live-player] video",
): Promise<number> {
  return page.evaluate<number>(`(() => {
    const video = document.querySelector(${JSON.stringify(selector)});
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 90;
    const g = canvas.getContext("2d");
    g.drawImage(video, 0, 0, 160, 90);
    const data = g.getImageData(0, 0, 160, 90).data;
    let sum = 0;
    let sumSq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += luma;
      sumSq += luma * luma;
    }
    return sumSq / n - (sum / n) ** 2;
  })()`);
}

/** Where the live player's playhead is (s). */
export function playhead(page: Page): Promise<number> {
  return page.evaluate<number>(`document.querySelector("[data-testid=live-player] video").currentTime`);
}

/** The live player's state, for a failure's message. */
export function playerState(page: Page): Promise<{ currentTime: number }> {
  return page.evaluate(`(() => {
    const video = document.querySelector("[data-testid=live-player] video");
    if (!video) return { currentTime: 0, missing: true };
    const ranges = [];
    for (let i = 0; i < video.buffered.length; i += 1) ranges.push([video.buffered.start(i), video.buffered.end(i)]);
    return {
      currentTime: video.currentTime,
      readyState: video.readyState,
      paused: video.paused,
      error: video.error && video.error.message,
      buffered: ranges,
      mode: document.querySelector("[data-testid=live-player]").getAttribute("data-mode"),
    };
  })()`);
}
