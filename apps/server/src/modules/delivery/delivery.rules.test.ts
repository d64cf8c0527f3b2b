import { describe, expect, it } from "vitest";
import {
  channelPlan,
  followingPeriod,
  isUndeliverable,
  nextOutsideChannel,
  noticeServedOn,
  serviceCompletion,
  unopenedDeadline,
  type ServiceFacts,
} from "./delivery.rules";

const at = (text: string) => new Date(text);
const none: ServiceFacts = {
  addressBasis: "confirmed",
  deliveredAt: [],
  openedAt: null,
  actedAt: null,
  postSignedOn: null,
  noticeOn: null,
};

describe("channelPlan (互联网法院规定第十五条; 在线诉讼规则第二十九条)", () => {
  it.each([
    [{ userId: "u", phone: "13800001111", email: "a@b.cn" }, ["inbox", "sms", "email"]],
    [{ userId: "u", phone: null, email: null }, ["inbox"]],
    [{ userId: null, phone: "13800001111", email: null }, ["sms"]],
    [{ userId: null, phone: null, email: "a@b.cn" }, ["email"]],
    [{ userId: null, phone: null, email: null }, []],
  ])("plans %j as %j", (recipient, plan) => {
    expect(channelPlan(recipient)).toEqual(plan);
  });
});

describe("nextOutsideChannel: falls back when a channel fails or is refused", () => {
  const plan = ["inbox", "sms", "email"] as const;
  it.each([
    ["nothing tried yet: SMS first", [], "sms"],
    ["SMS failed: e-mail", [{ channel: "sms", status: "failed" }], "email"],
    ["SMS refused: e-mail", [{ channel: "sms", status: "refused" }], "email"],
    ["SMS delivered: done", [{ channel: "sms", status: "delivered" }], null],
    ["SMS sent (arrival unknown): done", [{ channel: "sms", status: "sent" }], null],
    [
      "both failed: none left",
      [
        { channel: "sms", status: "failed" },
        { channel: "email", status: "refused" },
      ],
      null,
    ],
    ["the inbox does not count as outside", [{ channel: "inbox", status: "delivered" }], "sms"],
  ] as const)("%s", (_name, attempts, next) => {
    expect(nextOutsideChannel(plan, attempts)).toBe(next);
  });
});

describe("serviceCompletion (在线诉讼规则第三十一条; 民事诉讼法第九十五条; 法院专递规定第九条)", () => {
  it.each<[string, Partial<ServiceFacts>, { servedAt: string; how: string } | null]>([
    [
      "confirmed address: served when it reaches the system, even unopened (第三十一条第一款)",
      { deliveredAt: [at("2026-03-02T10:00:00+08:00")] },
      { servedAt: "2026-03-02T02:00:00.000Z", how: "delivered" },
    ],
    [
      "confirmed address, several channels: the earliest delivery (第三十一条第四款)",
      { deliveredAt: [at("2026-03-02T11:00:00+08:00"), at("2026-03-02T10:00:00+08:00")] },
      { servedAt: "2026-03-02T02:00:00.000Z", how: "delivered" },
    ],
    [
      "provided address: delivery alone does not serve (第三十一条第二款)",
      { addressBasis: "provided", deliveredAt: [at("2026-03-02T10:00:00+08:00")] },
      null,
    ],
    [
      "provided address: served when opened (第三十一条第二款第二项)",
      {
        addressBasis: "provided",
        deliveredAt: [at("2026-03-02T10:00:00+08:00")],
        openedAt: at("2026-03-04T15:00:00+08:00"),
      },
      { servedAt: "2026-03-04T07:00:00.000Z", how: "opened" },
    ],
    [
      "provided address: served when the addressee acts in the case (第三十一条第二款第一项)",
      { addressBasis: "provided", actedAt: at("2026-03-03T09:00:00+08:00") },
      { servedAt: "2026-03-03T01:00:00.000Z", how: "acted" },
    ],
    [
      "post: the day the return receipt is signed (法院专递规定第九条)",
      { addressBasis: "provided", postSignedOn: "2026-03-06" },
      { servedAt: "2026-03-05T16:00:00.000Z", how: "post" },
    ],
    [
      "public notice: thirty days after the notice (民事诉讼法第九十五条)",
      { addressBasis: "provided", noticeOn: "2026-03-10" },
      { servedAt: "2026-04-09T15:59:59.999Z", how: "notice" },
    ],
    ["nothing yet", {}, null],
  ])("%s", (_name, facts, expected) => {
    const completion = serviceCompletion({ ...none, ...facts });
    expect(completion && { servedAt: completion.servedAt.toISOString(), how: completion.how }).toEqual(
      expected,
    );
  });

  it("counts the thirty days of a notice from the day after it (民事诉讼法第八十五条)", () => {
    expect(noticeServedOn("2026-03-10")).toBe("2026-04-09");
    expect(noticeServedOn("2026-01-31")).toBe("2026-03-02");
  });
});

describe("undeliverable: an unconfirmed address not opened within the court's period", () => {
  it.each([
    // Sent Wednesday 4 March; three days end Saturday 7 March, a rest day, so Monday 9 March (第八十五条).
    ["still within the period on its last day", "provided", "2026-03-09T23:00:00+08:00", false],
    ["the period ran out", "provided", "2026-03-10T00:00:01+08:00", true],
    ["a confirmed address never becomes undeliverable", "confirmed", "2026-04-01T00:00:00+08:00", false],
  ] as const)("%s", (_name, addressBasis, now, expected) => {
    expect(
      isUndeliverable({
        addressBasis,
        status: "delivered",
        sentAt: at("2026-03-04T10:00:00+08:00"),
        unopenedDays: 3,
        now: at(now),
      }),
    ).toBe(expected);
  });

  it("ends the period at the end of the court day", () => {
    expect(
      unopenedDeadline({
        addressBasis: "provided",
        sentAt: at("2026-03-04T10:00:00+08:00"),
        unopenedDays: 3,
      })?.toISOString(),
    ).toBe("2026-03-09T15:59:59.999Z");
  });

  it("leaves a completed service alone", () => {
    expect(
      isUndeliverable({
        addressBasis: "provided",
        status: "served",
        sentAt: at("2026-03-04T10:00:00+08:00"),
        unopenedDays: 3,
        now: at("2026-04-01T00:00:00+08:00"),
      }),
    ).toBe(false);
  });
});

describe("followingPeriod (民事诉讼法第八十五条, 第一百二十八条, 第一百七十一条)", () => {
  it.each([
    [
      "answer period: 15 days from the day after service",
      "2026-03-02T10:00:00+08:00",
      15,
      "2026-03-17",
      false,
    ],
    [
      "a service late in the evening counts by the court day",
      "2026-03-02T23:30:00+08:00",
      15,
      "2026-03-17",
      false,
    ],
    [
      "a last day in the National Day holiday moves to the next working day",
      "2026-09-20T10:00:00+08:00",
      15,
      "2026-10-08",
      true,
    ],
    ["appeal of a ruling: 10 days", "2026-03-02T10:00:00+08:00", 10, "2026-03-12", false],
  ] as const)("%s", (_name, servedAt, days, end, moved) => {
    const period = followingPeriod(at(servedAt), {
      kind: "answer_period",
      days,
      basis: "民事诉讼法第一百二十八条第一款",
    });
    expect(period.end).toBe(end);
    expect(period.extendedForHoliday).toBe(moved);
    expect(period.basis).toBe("民事诉讼法第一百二十八条第一款");
  });
});
