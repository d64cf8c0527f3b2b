import { describe, expect, it } from "vitest";
import {
  announcedName,
  canActOnHearing,
  detectConflicts,
  earliestHearingDay,
  modeIssue,
  publicityIssue,
  reminderAt,
  summonsNotice,
  summonsTooLate,
  type Sitting,
} from "./hearing.rules";

const at = (iso: string) => new Date(iso);

describe("earliestHearingDay", () => {
  it.each([
    // Served on a Monday: three full days (Tue–Thu) pass, the hearing may sit on Friday.
    ["2026-03-02", "2026-03-06"],
    // Served on a Wednesday: the period's last day is a Saturday and ends on Monday (民事诉讼法第八十五条).
    ["2026-03-04", "2026-03-10"],
    // Served before the National Day holiday: the period ends on the first working day after it.
    ["2026-09-29", "2026-10-09"],
    // Served on a Friday: the period ends on Monday, the hearing sits from Tuesday.
    ["2026-03-06", "2026-03-10"],
  ])("a summons served on %s allows a hearing from %s", (served, earliest) => {
    expect(earliestHearingDay(served)).toBe(earliest);
  });
});

describe("summonsNotice", () => {
  const sitting = at("2026-03-06T09:00:00+08:00");
  it("is in time when served on a day that leaves three full days, late when served after it", () => {
    expect(summonsNotice(sitting, at("2026-03-02T23:00:00+08:00"), at("2026-03-04T09:00:00+08:00"))).toBe(
      "in_time",
    );
    // Signed for by post on Tuesday: the period runs to Friday, the sitting on Friday is too early.
    expect(summonsNotice(sitting, at("2026-03-03T10:00:00+08:00"), at("2026-03-04T09:00:00+08:00"))).toBe(
      "late",
    );
  });
  it("is pending while unserved and still servable in time, late once it no longer is", () => {
    expect(summonsNotice(sitting, null, at("2026-03-02T18:00:00+08:00"))).toBe("pending");
    expect(summonsNotice(sitting, null, at("2026-03-03T08:00:00+08:00"))).toBe("late");
  });
});

describe("summonsTooLate", () => {
  const now = at("2026-03-02T09:00:00+08:00");
  it("refuses a sitting less than three full days after service", () => {
    expect(summonsTooLate(at("2026-03-05T14:00:00+08:00"), now)).toEqual({ earliestDay: "2026-03-06" });
    expect(summonsTooLate(at("2026-03-02T15:00:00+08:00"), now)).toEqual({ earliestDay: "2026-03-06" });
  });
  it("accepts a sitting on the earliest day, at any hour of it", () => {
    expect(summonsTooLate(at("2026-03-06T08:30:00+08:00"), now)).toBeNull();
    expect(summonsTooLate(at("2026-03-20T14:00:00+08:00"), now)).toBeNull();
  });
  it("counts court days in Asia/Shanghai, not UTC", () => {
    // 2026-03-05T17:00Z is 01:00 on 6 March in Shanghai.
    expect(summonsTooLate(at("2026-03-05T17:00:00Z"), now)).toBeNull();
    expect(summonsTooLate(at("2026-03-05T15:59:00Z"), now)).not.toBeNull();
  });
});

describe("publicityIssue", () => {
  const base = { note: null, isDivorceCase: false, partyRequested: false };
  it.each([
    [{ isPublic: true, reason: null }, null],
    [{ isPublic: true, reason: "state_secret" as const }, "reason_not_allowed"],
    [{ isPublic: false, reason: null }, "reason_required"],
    [{ isPublic: false, reason: "state_secret" as const }, null],
    [{ isPublic: false, reason: "personal_privacy" as const }, null],
    [{ isPublic: false, reason: "law_provides" as const }, "note_required"],
    [{ isPublic: false, reason: "law_provides" as const, note: "未成年人保护法第一百零九条" }, null],
    [{ isPublic: false, reason: "divorce_on_request" as const }, "not_a_divorce_case"],
    [{ isPublic: false, reason: "divorce_on_request" as const, isDivorceCase: true }, "request_required"],
    [
      { isPublic: false, reason: "divorce_on_request" as const, isDivorceCase: true, partyRequested: true },
      null,
    ],
    [{ isPublic: false, reason: "trade_secret_on_request" as const }, "request_required"],
    [{ isPublic: false, reason: "trade_secret_on_request" as const, partyRequested: true }, null],
  ])("%j → %s", (input, issue) => {
    expect(publicityIssue({ ...base, ...input })).toBe(issue);
  });
});

describe("modeIssue", () => {
  const base = { isInternetCourt: true, offlineReason: null, notPublicReason: null };
  it.each([
    [{ mode: "online" as const, courtroomKind: null }, null],
    [{ mode: "online" as const, courtroomKind: "online" as const }, null],
    [{ mode: "online" as const, courtroomKind: "physical" as const }, "courtroom_not_allowed"],
    [{ mode: "courtroom" as const, courtroomKind: null }, "courtroom_required"],
    [{ mode: "courtroom" as const, courtroomKind: "online" as const }, "courtroom_required"],
    [{ mode: "courtroom" as const, courtroomKind: "physical" as const }, "offline_reason_required"],
    [
      {
        mode: "courtroom" as const,
        courtroomKind: "physical" as const,
        offlineReason: "original_documents" as const,
      },
      null,
    ],
    [{ mode: "courtroom" as const, courtroomKind: "physical" as const, isInternetCourt: false }, null],
    [
      { mode: "online" as const, courtroomKind: null, notPublicReason: "state_secret" as const },
      "state_secret_online",
    ],
  ])("%j → %s", (input, issue) => {
    expect(modeIssue({ ...base, ...input })).toBe(issue);
  });
});

describe("canActOnHearing", () => {
  it.each([
    ["scheduled", "reschedule", true],
    ["adjourned", "reschedule", true],
    ["cancelled", "reschedule", false],
    ["held", "reschedule", false],
    ["scheduled", "adjourn", true],
    ["in_progress", "adjourn", true],
    ["adjourned", "adjourn", false],
    ["scheduled", "cancel", true],
    ["adjourned", "cancel", true],
    ["cancelled", "cancel", false],
    ["held", "cancel", false],
  ] as const)("%s: %s → %s", (status, act, allowed) => {
    expect(canActOnHearing(status, act)).toBe(allowed);
  });
});

describe("detectConflicts", () => {
  const sitting = (overrides: Partial<Sitting>): Sitting => ({
    id: "new",
    startsAt: at("2026-03-10T09:00:00+08:00"),
    durationMinutes: 60,
    judgeId: "judge-a",
    clerkId: "clerk-a",
    courtroomId: "room-1",
    ...overrides,
  });

  it("finds the same judge, clerk and courtroom at overlapping times", () => {
    const other = sitting({ id: "h1", startsAt: at("2026-03-10T09:30:00+08:00") });
    expect(detectConflicts(sitting({}), [other]).map((c) => c.kind)).toEqual(["judge", "clerk", "courtroom"]);
  });

  it("lets a sitting begin when another ends", () => {
    const before = sitting({ id: "h1", startsAt: at("2026-03-10T08:00:00+08:00") });
    const after = sitting({ id: "h2", startsAt: at("2026-03-10T10:00:00+08:00") });
    expect(detectConflicts(sitting({}), [before, after])).toEqual([]);
  });

  it("ignores other judges, clerks and rooms, and the sitting itself", () => {
    const others = [
      sitting({ id: "h1", judgeId: "judge-b", clerkId: "clerk-b", courtroomId: "room-2" }),
      sitting({ id: "new" }),
    ];
    expect(detectConflicts(sitting({}), others)).toEqual([]);
  });

  it("does not match a missing clerk or room with another missing one", () => {
    const other = sitting({ id: "h1", judgeId: "judge-b", clerkId: null, courtroomId: null });
    expect(detectConflicts(sitting({ clerkId: null, courtroomId: null }), [other])).toEqual([]);
  });

  it("reports when the clashing sitting starts and ends, earliest first", () => {
    const later = sitting({
      id: "h2",
      startsAt: at("2026-03-10T09:45:00+08:00"),
      durationMinutes: 30,
      clerkId: null,
      courtroomId: null,
    });
    const earlier = sitting({
      id: "h1",
      startsAt: at("2026-03-10T08:30:00+08:00"),
      judgeId: "judge-b",
      clerkId: null,
    });
    const conflicts = detectConflicts(sitting({}), [later, earlier]);
    expect(conflicts).toEqual([
      {
        kind: "courtroom",
        hearingId: "h1",
        startsAt: earlier.startsAt,
        endsAt: at("2026-03-10T09:30:00+08:00"),
      },
      { kind: "judge", hearingId: "h2", startsAt: later.startsAt, endsAt: at("2026-03-10T10:15:00+08:00") },
    ]);
  });
});

describe("announcedName", () => {
  it.each([
    ["张三", "natural_person", "张某"],
    ["欧阳明月", "natural_person", "欧阳某"],
    ["司马光", "natural_person", "司马某"],
    ["阿依古丽", "natural_person", "阿某"],
    ["John Smith", "natural_person", "J."],
    ["杭州云栖示范网络科技有限公司", "legal_person", "杭州云栖示范网络科技有限公司"],
  ] as const)("%s (%s) → %s", (name, kind, shown) => {
    expect(announcedName(name, kind)).toBe(shown);
  });
});

describe("reminderAt", () => {
  it("is one day before the sitting, or now when that has passed", () => {
    const now = at("2026-03-02T09:00:00+08:00");
    expect(reminderAt(at("2026-03-10T09:00:00+08:00"), now)).toEqual(at("2026-03-09T09:00:00+08:00"));
    expect(reminderAt(at("2026-03-02T20:00:00+08:00"), now)).toEqual(now);
  });
});
