import { describe, expect, it } from "vitest";
import { dueDateOf, noticeDeemedOn } from "./service-labels";

describe("noticeDeemedOn", () => {
  // 民事诉讼法第九十五条: 自发出公告之日起，经过三十日，即视为送达.
  it.each([
    ["2026-12-07", "2027-01-06"],
    ["2026-02-01", "2026-03-03"],
    ["2028-02-01", "2028-03-02"], // a leap year
  ])("a notice of %s is deemed served on %s", (notice, served) => {
    expect(noticeDeemedOn(notice)).toBe(served);
  });
});

describe("dueDateOf", () => {
  const deadlines = [
    { kind: "serve_complaint", dueAt: "2026-12-12T15:59:59.999Z", status: "met" },
    { kind: "answer_period", dueAt: "2026-12-22T15:59:59.999Z", status: "open" },
  ];
  const following = { kind: "answer_period", days: 15, basis: "民事诉讼法第一百二十八条" };

  it("names the period a completed service opened, as the case lists it", () => {
    expect(dueDateOf({ servedAt: "2026-12-07T04:00:00Z", followingDeadline: following }, deadlines)).toBe(
      "2026-12-22T15:59:59.999Z",
    );
  });

  it("names nothing before service is complete or when service opens no period", () => {
    expect(dueDateOf({ servedAt: null, followingDeadline: following }, deadlines)).toBeUndefined();
    expect(
      dueDateOf({ servedAt: "2026-12-07T04:00:00Z", followingDeadline: null }, deadlines),
    ).toBeUndefined();
  });
});
