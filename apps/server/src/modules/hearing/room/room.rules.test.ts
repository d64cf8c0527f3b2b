import { describe, expect, it } from "vitest";
import {
  MESSAGE_BURST,
  isAdmittedOnEntry,
  isAllowedOrigin,
  isOpeningDay,
  isReadmittedOnReturn,
  mayControl,
  takeToken,
  type RoomControl,
  type RoomRole,
} from "./room.rules";

describe("the hearing room's rules", () => {
  it.each([
    ["2026-03-10T01:30:00Z", "2026-03-09T16:00:00Z", true], // 00:00 at the court on the same day
    ["2026-03-10T01:30:00Z", "2026-03-10T15:59:00Z", true], // 23:59 at the court
    ["2026-03-10T01:30:00Z", "2026-03-09T15:59:00Z", false], // the evening before
    ["2026-03-10T01:30:00Z", "2026-03-10T16:00:00Z", false], // the next day
  ])("opens a sitting at %s only on its court day (now %s → %s)", (startsAt, now, expected) => {
    expect(isOpeningDay(new Date(startsAt), new Date(now))).toBe(expected);
  });

  const table: Array<[RoomRole, RoomControl, boolean]> = [
    ["judge", "admit", true],
    ["clerk", "admit", true],
    ["party", "admit", false],
    ["agent", "mute", false],
    ["clerk", "mute", true],
    ["clerk", "remove", false],
    ["judge", "remove", true],
    ["clerk", "recess", false],
    ["judge", "end", true],
    ["clerk", "end", false],
    ["clerk", "open", true],
    ["party", "open", false],
    ["party", "display", true],
    ["agent", "attendance", false],
  ];
  it.each(table)("lets a %s %s: %s", (role, control, expected) => {
    expect(mayControl(role, control)).toBe(expected);
  });

  it("admits the court at once and makes parties and agents wait", () => {
    expect(["judge", "clerk", "party", "agent"].map((r) => isAdmittedOnEntry(r as RoomRole))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("readmits after a dropped connection, never after removal", () => {
    const at = new Date("2026-03-10T01:30:00Z");
    expect(isReadmittedOnReturn(undefined)).toBe(false);
    expect(isReadmittedOnReturn({ admitted_at: null, removed_at: null })).toBe(false);
    expect(isReadmittedOnReturn({ admitted_at: at, removed_at: null })).toBe(true);
    expect(isReadmittedOnReturn({ admitted_at: at, removed_at: at })).toBe(false);
  });

  it("lets a burst through, then refuses until the bucket refills", () => {
    const bucket = { tokens: MESSAGE_BURST, at: 0 };
    let passed = 0;
    for (let i = 0; i < MESSAGE_BURST + 10; i += 1) if (takeToken(bucket, 0)) passed += 1;
    expect(passed).toBe(MESSAGE_BURST);
    expect(takeToken(bucket, 10)).toBe(false);
    expect(takeToken(bucket, 100)).toBe(true); // 40 per second: 4 tokens after 100 ms
  });

  it("accepts the site's own origins and a client without one", () => {
    const allowed = ["https://court.example.cn"];
    expect(isAllowedOrigin("https://court.example.cn", allowed)).toBe(true);
    expect(isAllowedOrigin("https://court.example.cn/", allowed)).toBe(true);
    expect(isAllowedOrigin("https://evil.example", allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
  });
});
