import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { acceptedCase, linkByCaseCode, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TEvidenceReview, TEvidenceView } from "./evidence.schemas";

const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);
const DAY = 24 * 60 * 60 * 1000;

/** A 1×1 PNG; `variant` changes one byte after the image data so each file has its own SHA-256. */
function png(variant = 0): Buffer {
  const bytes = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
    "hex",
  );
  return Buffer.concat([bytes, Buffer.from([variant])]);
}

function complaintAgainstLisi(evidenceAttachmentId: string) {
  const base = shoppingComplaint({ evidenceAttachmentId });
  return {
    ...base,
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
  };
}

const admitAll = {
  authenticity: "admit",
  legality: "admit",
  relevance: "admit",
} as const;

// 民事诉讼法第六十八条, 民诉法解释第九十九条–第一百零三条, 在线诉讼规则第十一条–第十九条, 证据规定第十九条、
// 第六十条、第六十二条、第八十五条: the parties exchange evidence online, the other side cross-examines,
// the judge decides — each act in time, by the right person, with its traces.
describe.each(testDatabaseKinds())("evidence exchange on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00", env: { MAX_UPLOAD_MB: "0.05" } });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    await signInEveryone();
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Sessions end after twelve idle hours: everyone signs in again when the clock moves on. */
  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  }

  /** A case of 张三 against 李四, registered, served and linked: 李四 is a party with an account. */
  async function caseWithBothSides(): Promise<{
    caseId: string;
    judge: TestClient;
    judgeLogin: string;
    otherJudge: TestClient;
  }> {
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      prepare: async (draftId) => {
        const attached = await zhangsan.upload<{ id: string }>(
          `/api/filings/${draftId}/attachments`,
          { name: "order.png", content: png(1), type: "image/png" },
          { category: "evidence" },
        );
        expect(attached.status, JSON.stringify(attached.body)).toBe(201);
        return complaintAgainstLisi(attached.body.id);
      },
    });
    await linkByCaseCode(app, lisi, caseId);
    const { judge_id } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const judges = [...accounts.values()].filter((a) => a.role === "judge" && a.courtCode === "浙0192");
    const judgeLogin = judges.find((a) => a.userId === judge_id)!.login;
    const judge = await signIn(app, judgeLogin);
    const otherJudge = await signIn(app, judges.find((a) => a.userId !== judge_id)!.login);
    return { caseId, judge, judgeLogin, otherJudge };
  }

  /** A platform's deposit of a file's hash in the evidence ledger (存证), as the deposit API stores it. */
  async function depositInLedger(content: Buffer): Promise<void> {
    const admin = [...accounts.values()].find((a) => a.role === "court_admin" && a.courtCode === "浙0192")!;
    const platformId = randomUUID();
    const credentialId = randomUUID();
    await app.context.db
      .insertInto("ledger_platforms")
      .values({
        id: platformId,
        court_id: courtId,
        name: `示范存证平台-${platformId.slice(0, 8)}`,
        operator_name: "杭州示范存证有限公司",
        category: "e_commerce",
        created_by: admin.userId,
        created_at: app.clock.now(),
      })
      .execute();
    await app.context.db
      .insertInto("ledger_platform_credentials")
      .values({
        id: credentialId,
        platform_id: platformId,
        kind: "api_key",
        api_key_hash: createHash("sha256").update(credentialId).digest(),
        key_hash: createHash("sha256").update(`key-${credentialId}`).digest(),
        created_by: admin.userId,
        created_at: app.clock.now(),
      })
      .execute();
    await app.context.db
      .insertInto("ledger_deposits")
      .values({
        leaf_index: 900_000 + Math.floor(Math.random() * 90_000),
        platform_id: platformId,
        credential_id: credentialId,
        sha256: createHash("sha256").update(content).digest(),
        kind: "contract",
        opening: "{}",
        deposited_at: new Date(app.clock.now().getTime() - DAY),
      })
      .execute();
  }

  const view = async (client: TestClient, caseId: string) => {
    const response = await client.get<TEvidenceView>(`/api/cases/${caseId}/evidence`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  async function inboxKinds(userLogin: string, caseId: string): Promise<string[]> {
    const user = accounts.get(userLogin)!;
    const rows = await app.context.db
      .selectFrom("inbox_messages")
      .select("kind")
      .where("recipient_id", "=", user.userId)
      .where("case_id", "=", caseId)
      .execute();
    return rows.map((r) => r.kind);
  }

  async function traces(caseId: string) {
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .where("action", "like", "evidence.%")
      .execute();
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "leaf_type"])
      .where("case_id", "=", caseId)
      .execute();
    return { audit: audit.map((a) => a.action), events: events.map((e) => e.kind) };
  }

  it("exchanges catalogues, takes the other side's opinions and the judge's decisions, each with its traces", async () => {
    const { caseId, judge, otherJudge } = await caseWithBothSides();

    // The complaint's evidence list is the plaintiff's first catalogue, read from the filing.
    const first = await view(judge, caseId);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      origin: "filing",
      number: 1,
      title: "订单截图",
      status: "submitted",
    });
    expect(first.items[0]!.files[0]!.ledgerVerification).toMatchObject({ result: "not_deposited" });
    expect(first.actions).toEqual(expect.arrayContaining(["set_evidence_period", "decide_requests"]));

    // 民诉法解释第九十九条: not less than fifteen days in the ordinary procedure.
    const short = await clerk.put(`/api/cases/${caseId}/evidence/periods`, { kind: "evidence", days: 10 });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: "evidence_period_invalid" });
    expect(
      (await zhangsan.put(`/api/cases/${caseId}/evidence/periods`, { kind: "evidence", days: 15 })).status,
    ).toBe(403);
    const set = await clerk.put<TEvidenceView>(`/api/cases/${caseId}/evidence/periods`, {
      kind: "evidence",
      days: 15,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.periods.evidence).toMatchObject({
      days: 15,
      endsOn: "2026-03-17",
      basis: "民诉法解释第九十九条",
    });
    expect(set.body.status).toBe("evidence_exchange");
    const deadline = await app.context.db
      .selectFrom("case_deadlines")
      .select(["status", "basis"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "evidence_period")
      .executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({ status: "open", basis: "民诉法解释第九十九条" });
    expect(await inboxKinds("lisi@netcourt.demo", caseId)).toContain("evidence_period_set");

    // 李四 prepares his catalogue: an item, its file — checked against the ledger where a platform deposited it.
    const invoice = png(2);
    await depositInLedger(invoice);
    const added = await lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/items`, {
      title: "进货发票",
      source: "供货商",
      purpose: "证明手机为全新正品",
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const itemId = added.body.items.find((i) => i.origin === "catalogue")!.id;
    const uploaded = await lisi.upload<TEvidenceView>(`/api/cases/${caseId}/evidence/items/${itemId}/files`, {
      name: "invoice.png",
      content: invoice,
      type: "image/png",
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const draft = uploaded.body.items.find((i) => i.id === itemId)!;
    expect(draft).toMatchObject({
      status: "draft",
      isLedgerVerified: true,
      actions: ["edit", "withdraw", "add_file"],
    });
    expect(draft.files[0]!.ledgerVerification).toMatchObject({ result: "verified", depositCount: 1 });

    // A file that lies about its type, or is too large, is refused by the upload mechanism: nothing changes.
    const lying = await lisi.upload(`/api/cases/${caseId}/evidence/items/${itemId}/files`, {
      name: "invoice.pdf",
      content: png(3),
      type: "application/pdf",
    });
    expect(lying.body).toMatchObject({ error: "file_type_mismatch" });
    const huge = await lisi.upload(`/api/cases/${caseId}/evidence/items/${itemId}/files`, {
      name: "big.png",
      content: Buffer.concat([png(4), Buffer.alloc(60_000)]),
      type: "image/png",
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: "file_too_large" });
    const files = await app.context.db
      .selectFrom("evidence_files")
      .select("id")
      .where("item_id", "=", itemId)
      .execute();
    expect(files).toHaveLength(1);

    // Before submission the other side sees nothing of the draft: not the item, not its file.
    const plaintiffView = await view(zhangsan, caseId);
    expect(plaintiffView.items.map((i) => i.id)).not.toContain(itemId);
    expect((await zhangsan.get(draft.files[0]!.url)).status).toBe(404);
    expect(
      (await zhangsan.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, admitAll)).body,
    ).toMatchObject({ error: "evidence_item_not_found" });
    expect(
      (await zhangsan.patch(`/api/cases/${caseId}/evidence/items/${itemId}`, { title: "x" })).status,
    ).toBe(404);
    // Nor does the judge: a draft is not yet offered to the court.
    expect((await view(judge, caseId)).items.map((i) => i.id)).not.toContain(itemId);

    // Edit and withdraw before submission; an item without a file is not submitted.
    expect(
      (await lisi.patch(`/api/cases/${caseId}/evidence/items/${itemId}`, { title: "进货发票（原件扫描）" }))
        .status,
    ).toBe(200);
    const bare = await lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/items`, {
      title: "证人证言",
      source: "证人王某",
      purpose: "证明交付情况",
    });
    const bareId = bare.body.items.find((i) => i.title === "证人证言")!.id;
    const refused = await lisi.post(`/api/cases/${caseId}/evidence/submit`, {});
    expect(refused.body).toMatchObject({ error: "evidence_item_without_file" });
    expect((await lisi.delete(`/api/cases/${caseId}/evidence/items/${bareId}`)).status).toBe(200);
    const submitted = await lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.items.find((i) => i.id === itemId)).toMatchObject({
      status: "submitted",
      title: "进货发票（原件扫描）",
      isLate: false,
    });
    expect((await lisi.post(`/api/cases/${caseId}/evidence/submit`, {})).body).toMatchObject({
      error: "evidence_catalogue_empty",
    });
    expect(
      (await lisi.patch(`/api/cases/${caseId}/evidence/items/${itemId}`, { title: "改" })).body,
    ).toMatchObject({
      error: "evidence_item_conflict",
    });
    // 证据规定第十九条: the catalogue is issued as a document and served on the other side; the judge is told.
    const catalogue = await app.context.db
      .selectFrom("case_documents")
      .select(["issue_id", "locale", "docx_sha256"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "evidence_catalogue")
      .execute();
    expect(catalogue.map((d) => d.locale).sort()).toEqual(["en", "zh-CN"]);
    expect(catalogue.every((d) => d.docx_sha256 !== null)).toBe(true);
    const served = await app.context.db
      .selectFrom("service_records")
      .select(["recipient_name", "kind"])
      .where("document_issue_id", "=", catalogue[0]!.issue_id)
      .execute();
    expect(served).toEqual([{ recipient_name: "张三", kind: "other" }]);
    expect(await inboxKinds("zhangsan@netcourt.demo", caseId)).toContain("document_served");
    const { judge_id: judgeId } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const toJudge = await app.context.db
      .selectFrom("inbox_messages")
      .select("kind")
      .where("recipient_id", "=", judgeId!)
      .where("case_id", "=", caseId)
      .execute();
    expect(toJudge.map((m) => m.kind)).toContain("evidence_catalogue_submitted");
    const shown = (await view(zhangsan, caseId)).items.find((i) => i.id === itemId)!;
    expect(shown.actions).toEqual(["give_opinion"]);
    expect((await zhangsan.get(shown.files[0]!.url)).status).toBe(200);

    // 证据规定第六十二条: no opinion on one's own evidence.
    const filedId = first.items[0]!.id;
    const own = await zhangsan.put(`/api/cases/${caseId}/evidence/items/${filedId}/opinion`, admitAll);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ error: "evidence_opinion_own_item" });
    expect(
      (await judge.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, admitAll)).body,
    ).toMatchObject({
      error: "evidence_not_a_party",
    });

    // 在线诉讼规则第十七条/第十八条: disputing the ledger-verified invoice needs a ground and reasons.
    const bareDispute = await zhangsan.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, {
      ...admitAll,
      authenticity: "dispute",
    });
    expect(bareDispute.status).toBe(400);
    expect(bareDispute.body).toMatchObject({
      error: "evidence_opinion_incomplete",
      details: [
        expect.objectContaining({ path: "ledgerGround" }),
        expect.objectContaining({ path: "authenticityReason" }),
      ],
    });
    expect(
      await app.context.db
        .selectFrom("evidence_opinions")
        .select("id")
        .where("case_id", "=", caseId)
        .execute(),
    ).toHaveLength(0);
    const disputed = await zhangsan.put<TEvidenceView>(
      `/api/cases/${caseId}/evidence/items/${itemId}/opinion`,
      {
        ...admitAll,
        authenticity: "dispute",
        ledgerGround: "untrue_before_deposit",
        authenticityReason: "发票开具日期晚于购买日期，系事后补开",
        relevance: "dispute",
        relevanceReason: "发票不能证明所售手机为新机",
      },
    );
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200);
    // The defendant examines the plaintiff's filed evidence.
    const onFiled = await lisi.put(`/api/cases/${caseId}/evidence/items/${filedId}/opinion`, {
      ...admitAll,
      authenticity: "dispute",
      authenticityReason: "截图可能经过修改",
    });
    expect(onFiled.status, JSON.stringify(onFiled.body)).toBe(200);
    expect(await inboxKinds("lisi@netcourt.demo", caseId)).toContain("evidence_opinion_given");

    // The judge's table: each item beside each other side's opinion. Parties and the clerk of another
    // role do not decide; the parties do not get the court's table.
    const review = await judge.get<TEvidenceReview>(`/api/cases/${caseId}/evidence/review`);
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body.rows).toHaveLength(2);
    const invoiceRow = review.body.rows.find((r) => r.item.id === itemId)!;
    expect(invoiceRow.disputed).toBe(true);
    expect(invoiceRow.opinions[0]!.opinion).toMatchObject({ ledgerGround: "untrue_before_deposit" });
    expect((await zhangsan.get(`/api/cases/${caseId}/evidence/review`)).status).toBe(403);
    expect((await clerk.get(`/api/cases/${caseId}/evidence/review`)).status).toBe(200);

    const decide = (client: TestClient, id: string, body: unknown) =>
      client.put<TEvidenceView>(`/api/cases/${caseId}/evidence/items/${id}/decision`, body);
    expect((await decide(clerk, itemId, { decision: "admitted" })).status).toBe(403);
    expect((await decide(zhangsan, itemId, { decision: "admitted" })).status).toBe(403);
    expect((await decide(judge, itemId, { decision: "admitted" })).body).toMatchObject({
      error: "evidence_decision_incomplete",
    });
    const admitted = await decide(judge, itemId, {
      decision: "admitted",
      reason: "存证平台合规，文件哈希与上链记录一致，原告未提供相反证据",
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    expect(admitted.body.items.find((i) => i.id === itemId)!.decision).toMatchObject({
      decision: "admitted",
    });
    expect((await decide(judge, filedId, { decision: "not_admitted" })).body).toMatchObject({
      error: "evidence_decision_incomplete",
    });
    expect(
      (await decide(judge, filedId, { decision: "not_admitted", reason: "截图来源无法核实" })).status,
    ).toBe(200);
    // Decided: no more opinions on it.
    expect(
      (await zhangsan.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, admitAll)).body,
    ).toMatchObject({ error: "evidence_not_open_for_opinion" });

    // Who cannot see the case at all: the public, a lawyer not appointed, a judge of another case.
    const anonymous = new TestClient(app);
    expect((await anonymous.get(`/api/cases/${caseId}/evidence`)).status).toBe(401);
    for (const stranger of [lawyer, otherJudge]) {
      expect((await stranger.get(`/api/cases/${caseId}/evidence`)).status).toBe(404);
      expect((await stranger.get(`/api/cases/${caseId}/evidence/review`)).status).toBe(404);
      expect((await stranger.get(shown.files[0]!.url)).status).toBe(404);
      expect(
        (
          await stranger.post(`/api/cases/${caseId}/evidence/items`, {
            title: "a",
            source: "b",
            purpose: "c",
          })
        ).status,
      ).toBe(404);
      expect(
        (await stranger.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, admitAll)).status,
      ).toBe(404);
      expect(
        (
          await stranger.put(`/api/cases/${caseId}/evidence/items/${itemId}/decision`, {
            decision: "admitted",
          })
        ).status,
      ).toBe(404);
      expect(
        (await stranger.put(`/api/cases/${caseId}/evidence/periods`, { kind: "evidence", days: 20 })).status,
      ).toBe(404);
    }

    // Every act left its audit event and its court event for the ledger.
    const { audit, events } = await traces(caseId);
    expect(audit).toEqual(
      expect.arrayContaining([
        "evidence.period_set",
        "evidence.item_drafted",
        "evidence.file_added",
        "evidence.item_changed",
        "evidence.item_withdrawn",
        "evidence.catalogue_submitted",
        "evidence.opinion_given",
        "evidence.decided",
      ]),
    );
    expect(events).toEqual(
      expect.arrayContaining([
        "evidence_period_set",
        "evidence_item_drafted",
        "evidence_file",
        "evidence_catalogue_submitted",
        "evidence_opinion_given",
        "evidence_decided",
      ]),
    );
  }, 120_000);

  // STYLE.md: command × actor → the refusal each must get (404 for who cannot see the case, 403 for who
  // sees it but may not act, 401 for the public).
  it("refuses each act to everyone but the party, agent or court officer it belongs to", async () => {
    const { caseId, judge, otherJudge } = await caseWithBothSides();
    const filedId = (await view(judge, caseId)).items[0]!.id;
    const anonymous = new TestClient(app);
    const url = `/api/cases/${caseId}/evidence`;
    const item = { title: "证据", source: "来源", purpose: "证明目的" };
    const acts: Array<[string, (c: TestClient) => Promise<{ status: number }>]> = [
      ["view", (c) => c.get(url)],
      ["review", (c) => c.get(`${url}/review`)],
      ["set period", (c) => c.put(`${url}/periods`, { kind: "evidence", days: 15 })],
      ["add item", (c) => c.post(`${url}/items`, item)],
      ["submit", (c) => c.post(`${url}/submit`, {})],
      [
        "ask for time",
        (c) => c.post(`${url}/requests`, { kind: "extension", until: "2026-04-30", reason: "理由" }),
      ],
      ["decide request", (c) => c.post(`${url}/requests/${randomUUID()}/decision`, { grant: true })],
      ["give opinion", (c) => c.put(`${url}/items/${filedId}/opinion`, admitAll)],
      ["decide item", (c) => c.put(`${url}/items/${filedId}/decision`, { decision: "admitted" })],
    ];
    const expected: Record<string, Record<string, number>> = {
      public: Object.fromEntries(acts.map(([name]) => [name, 401])),
      "lawyer not appointed": Object.fromEntries(acts.map(([name]) => [name, 404])),
      "judge of another case": Object.fromEntries(acts.map(([name]) => [name, 404])),
      plaintiff: {
        review: 403,
        "set period": 403,
        "decide request": 403,
        "give opinion": 403,
        "decide item": 403,
      },
      defendant: { review: 403, "set period": 403, "decide request": 403, "decide item": 403 },
      clerk: {
        "add item": 403,
        submit: 403,
        "ask for time": 403,
        "decide request": 403,
        "give opinion": 403,
        "decide item": 403,
      },
    };
    const actors: Record<string, TestClient> = {
      public: anonymous,
      "lawyer not appointed": lawyer,
      "judge of another case": otherJudge,
      plaintiff: zhangsan,
      defendant: lisi,
      clerk,
    };
    const got: Record<string, Record<string, number>> = {};
    for (const [actor, client] of Object.entries(actors)) {
      got[actor] = {};
      for (const [name, act] of acts) {
        if (expected[actor]![name] === undefined) continue;
        got[actor][name] = (await act(client)).status;
      }
    }
    expect(got).toEqual(expected);
    // Nothing those refusals touched changed.
    const rows = await app.context.db
      .selectFrom("evidence_periods")
      .select("kind")
      .where("case_id", "=", caseId)
      .execute();
    expect(rows).toEqual([]);
    expect(
      await app.context.db
        .selectFrom("evidence_opinions")
        .select("id")
        .where("case_id", "=", caseId)
        .execute(),
    ).toEqual([]);
  }, 120_000);

  it("holds the evidence period: extension before it ends, leave after it, late evidence marked; the cross-examination period too", async () => {
    const setup = await caseWithBothSides();
    const { caseId, judgeLogin, otherJudge } = setup;
    let judge = setup.judge;
    expect(
      (await otherJudge.put(`/api/cases/${caseId}/evidence/periods`, { kind: "evidence", days: 15 })).status,
    ).toBe(404);
    // Before a period is set there is nothing to extend.
    expect(
      (
        await lisi.post(`/api/cases/${caseId}/evidence/requests`, {
          kind: "extension",
          until: "2026-04-01",
          reason: "发票需向供货商调取",
        })
      ).body,
    ).toMatchObject({ error: "evidence_period_not_set" });
    expect(
      (await judge.put(`/api/cases/${caseId}/evidence/periods`, { kind: "evidence", days: 15 })).status,
    ).toBe(200);

    // 民诉法解释第一百条: an extension, asked for before the period ends, for a later day.
    const ask = (body: Record<string, unknown>) =>
      lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/requests`, body);
    expect(
      (await ask({ kind: "late_submission", until: "2026-03-25", reason: "来不及" })).body,
    ).toMatchObject({
      error: "evidence_request_wrong_time",
    });
    expect(
      (await ask({ kind: "extension", until: "2026-03-10", reason: "发票需向供货商调取" })).body,
    ).toMatchObject({
      error: "validation_failed",
    });
    const asked = await ask({ kind: "extension", until: "2026-03-24", reason: "发票需向供货商调取" });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await ask({ kind: "extension", until: "2026-03-27", reason: "再延长" })).body).toMatchObject({
      error: "evidence_request_conflict",
    });
    const requestId = asked.body.requests[0]!.id;
    const { judge_id } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const toJudge = await app.context.db
      .selectFrom("inbox_messages")
      .select("kind")
      .where("recipient_id", "=", judge_id!)
      .where("case_id", "=", caseId)
      .execute();
    expect(toJudge.map((m) => m.kind)).toContain("evidence_request_made");
    const decideUrl = `/api/cases/${caseId}/evidence/requests/${requestId}/decision`;
    expect((await clerk.post(decideUrl, { grant: true })).status).toBe(403);
    expect((await lisi.post(decideUrl, { grant: true })).status).toBe(403);
    const granted = await judge.post<TEvidenceView>(decideUrl, { grant: true });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body.periods.evidence).toMatchObject({ endsOn: "2026-03-24", extendedCount: 1 });
    expect((await judge.post(decideUrl, { grant: false })).body).toMatchObject({
      error: "evidence_request_conflict",
    });
    // 第一百条第二款: the extended period applies to every party, and every party is told.
    expect(await inboxKinds("zhangsan@netcourt.demo", caseId)).toContain("evidence_request_decided");

    // 李四 prepares an item in time, then the period ends.
    const added = await lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/items`, {
      title: "聊天记录",
      source: "微信",
      purpose: "证明原告知晓商品为官翻机",
    });
    const itemId = added.body.items.find((i) => i.origin === "catalogue")!.id;
    expect(
      (
        await lisi.upload(`/api/cases/${caseId}/evidence/items/${itemId}/files`, {
          name: "chat.png",
          content: png(7),
          type: "image/png",
        })
      ).status,
    ).toBe(201);
    app.clock.advance(24 * DAY);
    await signInEveryone();
    judge = await signIn(app, judgeLogin);
    const late = await lisi.post(`/api/cases/${caseId}/evidence/submit`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "evidence_period_expired" });
    expect(
      (await lisi.post(`/api/cases/${caseId}/evidence/items`, { title: "新证据", source: "x", purpose: "y" }))
        .body,
    ).toMatchObject({ error: "evidence_period_expired" });
    const stillDraft = await app.context.db
      .selectFrom("evidence_items")
      .select(["status"])
      .where("case_id", "=", caseId)
      .execute();
    expect(stillDraft).toEqual([{ status: "draft" }]);
    expect((await ask({ kind: "extension", until: "2026-04-10", reason: "来不及" })).body).toMatchObject({
      error: "evidence_request_wrong_time",
    });

    // 民诉法解释第一百零一条: leave to submit late — refused, then granted; what is then submitted is marked late.
    const leave = await ask({
      kind: "late_submission",
      until: "2026-03-31",
      reason: "聊天记录系手机维修后方才恢复",
    });
    expect(leave.status, JSON.stringify(leave.body)).toBe(201);
    const leaveId = leave.body.requests.find((r) => r.kind === "late_submission")!.id;
    expect(
      (
        await judge.post(`/api/cases/${caseId}/evidence/requests/${leaveId}/decision`, {
          grant: false,
          reason: "理由不成立",
        })
      ).status,
    ).toBe(200);
    expect((await lisi.post(`/api/cases/${caseId}/evidence/submit`, {})).body).toMatchObject({
      error: "evidence_period_expired",
    });
    const again = await ask({
      kind: "late_submission",
      until: "2026-03-31",
      reason: "补充维修记录证明恢复时间",
    });
    const againId = again.body.requests.find(
      (r) => r.kind === "late_submission" && r.status === "pending",
    )!.id;
    expect(
      (await judge.post(`/api/cases/${caseId}/evidence/requests/${againId}/decision`, { grant: true }))
        .status,
    ).toBe(200);
    const submitted = await lisi.post<TEvidenceView>(`/api/cases/${caseId}/evidence/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.items.find((i) => i.id === itemId)).toMatchObject({
      status: "submitted",
      isLate: true,
    });

    // 在线诉讼规则第十四条: the cross-examination period the court sets; no opinion after it.
    expect(
      (await clerk.put(`/api/cases/${caseId}/evidence/periods`, { kind: "cross_examination", days: 31 }))
        .body,
    ).toMatchObject({ error: "evidence_period_invalid" });
    expect(
      (await clerk.put(`/api/cases/${caseId}/evidence/periods`, { kind: "cross_examination", days: 3 }))
        .status,
    ).toBe(200);
    app.clock.advance(6 * DAY);
    await signInEveryone();
    const tooLate = await zhangsan.put(`/api/cases/${caseId}/evidence/items/${itemId}/opinion`, admitAll);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body).toMatchObject({ error: "cross_examination_period_expired" });
    const { audit } = await traces(caseId);
    expect(audit.filter((a) => a === "evidence.request_made")).toHaveLength(3);
    expect(audit.filter((a) => a === "evidence.request_decided")).toHaveLength(3);
  }, 120_000);
});
