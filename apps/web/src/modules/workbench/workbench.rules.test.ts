import { describe, expect, it } from "vitest";
import type { ReviewQueueItem } from "./workbench.api";
import { filterQueue, isUuid, nextOpenDeadline, remainingPercent, urgencyOf } from "./workbench.rules";

describe("urgencyOf", () => {
  it.each([
    [7, "calm"],
    [4, "calm"],
    [3, "near"],
    [2, "near"],
    [1, "last"],
    [0, "last"],
    [-1, "overdue"],
    [null, "unknown"],
  ] as const)("classes %s days left as %s", (days, urgency) => {
    expect(urgencyOf(days)).toBe(urgency);
  });
});

describe("remainingPercent", () => {
  it.each([
    [7, 100],
    [3, 43],
    [0, 0],
    [-2, 0],
    [9, 100],
    [null, 0],
  ] as const)("shows %s days as %s %%", (days, percent) => {
    expect(remainingPercent(days)).toBe(percent);
  });
});

const item = (overrides: Partial<ReviewQueueItem>): ReviewQueueItem => ({
  caseId: "c",
  courtId: "k",
  title: "张三诉某公司网络购物合同纠纷",
  causeNameZh: null,
  causeNameEn: null,
  status: "under_review",
  submittedAt: null,
  reviewDueOn: null,
  daysLeft: 7,
  feeStatus: "pending",
  claimTotal: 0,
  plaintiffs: ["张三"],
  defendants: ["杭州某某电子商务有限公司"],
  ...overrides,
});

describe("filterQueue", () => {
  const paid = item({ caseId: "paid", feeStatus: "paid" });
  const unpaid = item({ caseId: "unpaid", feeStatus: "pending" });
  const noOrder = item({ caseId: "none", feeStatus: null, plaintiffs: ["李四"], title: null });

  it("keeps paid or unpaid filings", () => {
    const all = [paid, unpaid, noOrder];
    expect(filterQueue(all, { fee: "paid", search: "" }).map((i) => i.caseId)).toEqual(["paid"]);
    expect(filterQueue(all, { fee: "unpaid", search: "" }).map((i) => i.caseId)).toEqual(["unpaid", "none"]);
    expect(filterQueue(all, { fee: "all", search: "" })).toHaveLength(3);
  });

  it("searches the title and party names", () => {
    expect(filterQueue([paid, noOrder], { fee: "all", search: " 李四 " }).map((i) => i.caseId)).toEqual([
      "none",
    ]);
    expect(filterQueue([paid, noOrder], { fee: "all", search: "电子商务" })).toHaveLength(2);
  });
});

describe("nextOpenDeadline", () => {
  it("picks the open period that ends first", () => {
    const deadline = (kind: string, dueAt: string, status: "open" | "met") => ({
      kind,
      dueAt,
      basis: "",
      basisEn: "",
      status,
      daysLeft: null,
    });
    expect(
      nextOpenDeadline([
        deadline("trial_limit", "2026-09-01T15:59:59.999Z", "open"),
        deadline("registration_review", "2026-03-01T15:59:59.999Z", "met"),
        deadline("serve_complaint", "2026-03-09T15:59:59.999Z", "open"),
      ])?.kind,
    ).toBe("serve_complaint");
    expect(nextOpenDeadline([])).toBeNull();
  });
});

describe("isUuid", () => {
  it("accepts account ids only", () => {
    expect(isUuid("0195f0a4-7c1e-7b4e-9a51-3f2c1d0e9b8a")).toBe(true);
    expect(isUuid("zhangsan")).toBe(false);
  });
});
