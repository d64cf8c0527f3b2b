import { describe, expect, it } from "vitest";
import { captureTime, liveRefusal } from "./live.rules";

describe("live streaming rules", () => {
  it.each([
    [{ is_public: true, not_public_reason: null, mode: "online" }, null],
    [{ is_public: true, not_public_reason: null, mode: "courtroom" }, null],
    [{ is_public: false, not_public_reason: "personal_privacy", mode: "online" }, "personal_privacy"],
    [{ is_public: false, not_public_reason: "law_provides", mode: "online" }, "law_provides"],
    [
      { is_public: false, not_public_reason: "trade_secret_on_request", mode: "online" },
      "trade_secret_on_request",
    ],
    [{ is_public: false, not_public_reason: null, mode: "online" }, "not_public"],
    [{ is_public: true, not_public_reason: null, mode: "asynchronous" }, "asynchronous"],
  ] as const)("streams %j: refusal %s", (hearing, expected) => {
    expect(liveRefusal(hearing)).toBe(expected);
  });

  it("puts the capture time on the server's clock", () => {
    // The browser's clock is an hour off; the segment was 1.2 s old when sent.
    const browser = 1_000_000_000 + 3_600_000;
    expect(captureTime(2_000_000, { capturedAt: browser, sentAt: browser + 1_200 })).toBe(1_998_800);
    expect(captureTime(2_000_000, { capturedAt: 1_999_000, sentAt: null })).toBe(1_999_000);
    expect(captureTime(2_000_000, { capturedAt: browser, sentAt: null })).toBe(2_000_000);
    expect(captureTime(2_000_000, { capturedAt: null, sentAt: null })).toBe(2_000_000);
    expect(captureTime(2_000_000, { capturedAt: browser, sentAt: browser - 5 })).toBe(2_000_000);
  });
});
