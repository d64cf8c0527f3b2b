import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { acceptedCase, linkByCaseCode, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TElementTableView } from "./judgment.schemas";

const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);

/** 张三 lends 李四 money through a small-loan contract; the claims state the interest terms. */
function loanComplaint() {
  const base = shoppingComplaint();
  return {
    ...base,
    causeCode: "small-loan-contract",
    parties: [
      base.parties[0]!,
      {
        role: "defendant" as const,
        kind: "natural_person" as const,
        name: "李四",
        idNumber: LISI_ID,
        phone: "13900002222",
        address: "北京市朝阳区建国路1号",
      },
    ],
    claims: [
      { text: "判令被告偿还借款本金人民币50000元", amount: 50000 },
      {
        text: "判令被告支付利息（以50000元为基数，按年利率15.4%，自2025年3月1日起计算至实际清偿之日止）",
        amount: null,
      },
    ],
    factsAndReasons: "2025年1月10日原告与被告在线签订借款合同，原告依约放款50000元，被告逾期未还。",
    evidence: [{ name: "借款合同", source: "原告", purpose: "证明借款关系", attachmentId: null }],
  };
}

// 互联网法院规定第十三条第（三）项, 民事诉讼法第一百三十六条第（四）项, 民诉法解释第九十二条、第二百二十六条:
// the table is opened from the complaint, each side marks each element agreed or disputed before the
// hearing, the judge settles them — each act by the right person, with its traces.
describe.each(testDatabaseKinds())("the element table on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient;
  let otherCourtClerk: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherCourtClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  /** A registered loan case of 张三 against 李四, served and linked, with its judge signed in. */
  async function loanCase() {
    const caseId = await acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint: loanComplaint() });
    await linkByCaseCode(app, lisi, caseId);
    const { judge_id } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const judges = [...accounts.values()].filter((a) => a.role === "judge" && a.courtCode === "浙0192");
    const judge = await signIn(app, judges.find((a) => a.userId === judge_id)!.login);
    const otherJudge = await signIn(app, judges.find((a) => a.userId !== judge_id)!.login);
    return { caseId, judge, otherJudge };
  }

  const table = async (client: TestClient, caseId: string) => {
    const response = await client.get<TElementTableView>(`/api/cases/${caseId}/elements`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const element = (view: TElementTableView, key: string) => view.elements.find((e) => e.key === key)!;
  const mark = (client: TestClient, caseId: string, key: string, body: Record<string, unknown>) =>
    client.put<TElementTableView>(`/api/cases/${caseId}/elements/${key}/position`, body);
  const propose = (client: TestClient, caseId: string, key: string, body: Record<string, unknown>) =>
    client.put<TElementTableView>(`/api/cases/${caseId}/elements/${key}/proposal`, body);
  const settle = (client: TestClient, caseId: string, key: string, body: Record<string, unknown>) =>
    client.put<TElementTableView>(`/api/cases/${caseId}/elements/${key}/settlement`, body);

  async function inboxKinds(login: string, caseId: string): Promise<string[]> {
    const rows = await app.context.db
      .selectFrom("inbox_messages")
      .select("kind")
      .where("recipient_id", "=", accounts.get(login)!.userId)
      .where("case_id", "=", caseId)
      .execute();
    return rows.map((r) => r.kind);
  }

  it("pre-fills the table from the complaint, takes each side's positions and the judge's findings, with their traces", async () => {
    const { caseId, judge } = await loanCase();

    // Opened on the first read, from the cause: the small-loan elements, pre-filled from the complaint.
    const first = await table(zhangsan, caseId);
    expect(first.table).toMatchObject({ id: "loan" });
    expect(first.mySides).toEqual(["plaintiff"]);
    expect(first.elements.map((e) => e.key)).toContain("licence_scope");
    expect(element(first, "lender").proposal).toMatchObject({ value: "张三", source: "complaint" });
    expect(element(first, "borrower").proposal).toMatchObject({ value: "李四", source: "complaint" });
    expect(element(first, "interest_rate").proposal).toMatchObject({ value: "15.4", source: "complaint" });
    expect(element(first, "default_date").proposal).toMatchObject({
      value: "2025-03-01",
      source: "complaint",
    });
    expect(element(first, "principal_outstanding").proposal).toMatchObject({
      value: 5_000_000,
      source: "complaint",
    });
    expect(element(first, "loan_amount").proposal).toBeNull();
    expect(element(first, "lender").actions).toEqual(["agree", "dispute", "propose"]);
    expect(first.counts).toMatchObject({ open: first.elements.length, settled: 0 });
    // Everyone entitled sees the same table; it is opened once.
    expect((await table(judge, caseId)).elements).toHaveLength(first.elements.length);
    expect((await table(clerk, caseId)).mySides).toEqual([]);

    // Each side marks for itself only.
    const forOther = await mark(zhangsan, caseId, "lender", { side: "defendant", position: "agreed" });
    expect(forOther.status).toBe(403);
    expect(forOther.body).toMatchObject({ error: "element_not_your_side" });
    expect((await mark(zhangsan, caseId, "lender", { position: "agreed" })).status).toBe(200);
    const agreed = await mark(lisi, caseId, "lender", { position: "agreed" });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(element(agreed.body, "lender").status).toBe("agreed");
    expect(await inboxKinds("zhangsan@netcourt.demo", caseId)).toContain("element_position_marked");

    // A dispute says why; the counter-value has the element's shape.
    const bare = await mark(lisi, caseId, "interest_rate", { position: "disputed" });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ error: "element_dispute_reason_required" });
    const badCounter = await mark(lisi, caseId, "interest_rate", {
      position: "disputed",
      reason: "合同约定为年化12%",
      counterValue: "twelve",
    });
    expect(badCounter.status).toBe(400);
    expect(badCounter.body).toMatchObject({
      error: "element_value_invalid",
      details: [{ path: "counterValue", code: "rate_invalid" }],
    });
    const disputed = await mark(lisi, caseId, "interest_rate", {
      position: "disputed",
      reason: "合同约定为年化12%",
      counterValue: "12",
    });
    expect(disputed.status).toBe(200);
    expect(element(disputed.body, "interest_rate")).toMatchObject({
      status: "disputed",
      positions: { defendant: { position: "disputed", reason: "合同约定为年化12%", counterValue: "12" } },
    });
    // Nothing to agree to before a value is proposed.
    expect((await mark(lisi, caseId, "loan_amount", { position: "agreed" })).body).toMatchObject({
      error: "element_no_value",
    });

    // Values are checked per type.
    for (const [key, value, code] of [
      ["loan_amount", -1, "amount_invalid"],
      ["loan_amount", 12.5, "amount_invalid"],
      ["contract_date", "2025-02-30", "date_invalid"],
      ["contract_date", "1900-01-01", "date_out_of_range"],
      ["acceleration", "yes", "boolean_invalid"],
      ["lender", "x".repeat(2001), "text_too_long"],
      ["term", { months: 0, days: 0 }, "duration_invalid"],
    ] as const) {
      const refused = await propose(zhangsan, caseId, key, { value });
      expect(refused.status, `${key} ${JSON.stringify(value)}`).toBe(400);
      expect(refused.body).toMatchObject({ error: "element_value_invalid", details: [{ code }] });
    }

    // A proposal: the proposer agrees; a changed value resets the other side's position on the old one.
    expect((await propose(lisi, caseId, "contract_date", { value: "2025-01-09" })).status).toBe(200);
    expect((await mark(zhangsan, caseId, "contract_date", { position: "agreed" })).status).toBe(200);
    const changed = await propose(zhangsan, caseId, "interest_rate", { value: "15.40" });
    expect(changed.status).toBe(200);
    expect(element(changed.body, "interest_rate")).toMatchObject({
      proposal: { value: "15.4", source: "plaintiff" },
      positions: { plaintiff: { position: "agreed" }, defendant: { position: "disputed" } },
    });
    // An agreed element takes no new proposal.
    expect((await propose(lisi, caseId, "contract_date", { value: "2025-01-10" })).body).toMatchObject({
      error: "element_agreed",
    });
    const reset = await propose(zhangsan, caseId, "default_date", { value: "2025-03-02" });
    expect(element(reset.body, "default_date").positions.defendant.position).toBe("pending");

    // The amount rules compute from the table: the cap on the agreed rate (民间借贷规定第二十五条第一款).
    const withCap = element(await table(judge, caseId), "interest_rate");
    expect(withCap.computed).toEqual([
      expect.objectContaining({
        kind: "lending_rate_cap",
        capPercent: "12.4",
        exceedsCap: true,
        lprPercent: "3.10",
        lprPublishedOn: "2024-10-21",
        article: "民间借贷规定第二十五条第一款",
      }),
    ]);

    // The judge settles a disputed element, relying on the evidence filed with the complaint.
    const [filed] = await app.context.db
      .selectFrom("filing_evidence")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    expect(
      (
        await settle(judge, caseId, "interest_rate", {
          value: "12",
          reasons: "借款合同约定年利率12%",
          evidenceIds: [randomUUID()],
        })
      ).body,
    ).toMatchObject({ error: "element_evidence_unknown" });
    const settled = await settle(judge, caseId, "interest_rate", {
      value: "12",
      reasons: "借款合同约定年利率12%",
      evidenceIds: [filed!.id],
    });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    const found = element(settled.body, "interest_rate");
    expect(found).toMatchObject({
      status: "settled",
      settlement: { value: "12", kind: "decided", evidenceIds: [filed!.id] },
      actions: ["settle"],
    });
    expect(found.computed[0]).toMatchObject({ capPercent: "12.4", exceedsCap: false });
    // Settled: the parties' positions and proposals are closed.
    const late = await mark(lisi, caseId, "interest_rate", { position: "agreed" });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "element_settled" });
    expect((await propose(zhangsan, caseId, "interest_rate", { value: "13" })).status).toBe(409);
    expect(await inboxKinds("lisi@netcourt.demo", caseId)).toEqual(
      expect.arrayContaining(["element_value_proposed", "element_settled"]),
    );

    // The agreed elements settle in one act, at the agreed value.
    const all = await judge.post<TElementTableView>(`/api/cases/${caseId}/elements/settle-agreed`, {});
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(element(all.body, "lender").settlement).toMatchObject({ value: "张三", kind: "agreed" });
    expect(element(all.body, "contract_date").settlement).toMatchObject({ value: "2025-01-09" });
    expect(all.body.counts.settled).toBe(3);
    expect((await judge.post(`/api/cases/${caseId}/elements/settle-agreed`, {})).body).toMatchObject({
      error: "element_none_agreed",
    });

    // Every act left its audit event and its court event for the ledger.
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .where("action", "like", "judgment.%")
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        "judgment.element_position_marked",
        "judgment.element_value_proposed",
        "judgment.element_settled",
        "judgment.agreed_elements_settled",
      ]),
    );
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        "element_position_marked",
        "element_value_proposed",
        "element_settled",
        "agreed_elements_settled",
      ]),
    );
  }, 180_000);

  // STYLE.md: command × actor → the refusal each must get (404 for who cannot see the case or its table,
  // 403 for who sees it but may not act, 401 for the public).
  it("refuses each act to everyone but the party, agent or judge it belongs to", async () => {
    const { caseId, otherJudge } = await loanCase();
    // 李四 is a party of the loan case only; this case is 张三's against a company.
    const otherCase = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    const url = `/api/cases/${caseId}/elements`;
    const acts: Array<[string, (c: TestClient, id: string) => Promise<{ status: number }>]> = [
      ["view", (c, id) => c.get(`/api/cases/${id}/elements`)],
      ["mark", (c, id) => c.put(`/api/cases/${id}/elements/lender/position`, { position: "agreed" })],
      ["propose", (c, id) => c.put(`/api/cases/${id}/elements/loan_amount/proposal`, { value: 100 })],
      [
        "settle",
        (c, id) => c.put(`/api/cases/${id}/elements/lender/settlement`, { value: "张三", reasons: "合同" }),
      ],
      ["settle agreed", (c, id) => c.post(`/api/cases/${id}/elements/settle-agreed`, {})],
    ];
    const everyAct = (status: number) => Object.fromEntries(acts.map(([name]) => [name, status]));
    const expected: Record<string, Record<string, number>> = {
      public: everyAct(401),
      "lawyer not appointed": everyAct(404),
      "judge of another case": everyAct(404),
      "clerk of another court": everyAct(404),
      "party of another case": everyAct(404),
      clerk: { view: 200, mark: 403, propose: 403, settle: 403, "settle agreed": 403 },
      plaintiff: { settle: 403, "settle agreed": 403 },
    };
    const actors: Record<string, [TestClient, string]> = {
      public: [new TestClient(app), caseId],
      "lawyer not appointed": [lawyer, caseId],
      "judge of another case": [otherJudge, caseId],
      "clerk of another court": [otherCourtClerk, caseId],
      "party of another case": [lisi, otherCase],
      clerk: [clerk, caseId],
      plaintiff: [zhangsan, caseId],
    };
    const got: Record<string, Record<string, number>> = {};
    for (const [actor, [client, id]] of Object.entries(actors)) {
      got[actor] = {};
      for (const [name, act] of acts) {
        if (expected[actor]![name] === undefined) continue;
        got[actor][name] = (await act(client, id)).status;
      }
    }
    expect(got).toEqual(expected);
    // Nothing those refusals touched changed.
    const rows = await app.context.db
      .selectFrom("case_element_values")
      .select(["element_key", "plaintiff_position", "settled_at"])
      .where("case_id", "=", caseId)
      .where((eb) => eb.or([eb("plaintiff_position", "!=", "pending"), eb("settled_at", "is not", null)]))
      .execute();
    expect(rows).toEqual([]);
    expect((await zhangsan.get(url)).status).toBe(200);
  }, 180_000);
});
