import { describe, expect, it } from "vitest";
import { INVITATION_TTL_MS, invitationState, levelBelow, maskName, maskPhone } from "./admin.rules";

describe("admin rules", () => {
  const created = new Date("2026-03-02T09:00:00Z");
  const expires = new Date(created.getTime() + INVITATION_TTL_MS);
  it.each([
    [{ expires_at: expires, used_at: null, revoked_at: null }, created, "open"],
    [{ expires_at: expires, used_at: null, revoked_at: null }, expires, "expired"],
    [{ expires_at: expires, used_at: created, revoked_at: null }, expires, "used"],
    [{ expires_at: expires, used_at: null, revoked_at: created }, created, "revoked"],
  ] as const)("tells the state of an invitation %#", (invitation, now, state) => {
    expect(invitationState(invitation, now)).toBe(state);
  });

  it.each([
    ["supreme", "high"],
    ["high", "intermediate"],
    ["intermediate", "basic"],
    ["basic", null],
  ] as const)("puts %s courts above %s courts", (level, below) => {
    expect(levelBelow(level)).toBe(below);
  });

  it("masks names and phone numbers", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("王")).toBe("王*");
    expect(maskPhone("13900000001")).toBe("139****0001");
  });
});
