import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { demoIdNumber } from "../../seed/demo-seed";

type Court = { id: string; code: string };
type Method = "GET" | "POST" | "PUT";

const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

/** A copy of `value` with `text` at the dotted `path` (arrays by index). */
function withValueAt(value: unknown, path: string, text: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = text;
  return copy;
}

describe.each(testDatabaseKinds())("text with NUL characters or lone surrogates on %s", (kind) => {
  let app: TestApp;
  let hangzhou: Court;
  let zhangsan: TestClient;
  let clerk: TestClient;
  let admin: TestClient;
  let draftId: string;
  let submittedId: string;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");

    const draft = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id });
    expect(draft.status).toBe(201);
    draftId = draft.body.caseId;
    const submitted = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id });
    submittedId = submitted.body.caseId;
    const attached = await zhangsan.upload<{ id: string }>(
      `/api/filings/${submittedId}/attachments`,
      {
        name: "订单截图.png",
        content: Buffer.from(
          "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
            "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
          "hex",
        ),
      },
      { category: "evidence" },
    );
    expect(attached.status).toBe(201);
    const saved = await zhangsan.put(
      `/api/filings/${submittedId}`,
      shoppingComplaint({ evidenceAttachmentId: attached.body.id }),
    );
    expect(saved.status).toBe(200);
    expect((await zhangsan.post(`/api/filings/${submittedId}/submit`)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function auditCount(): Promise<number> {
    const row = await app.context.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Each route × field that answered 500 (PostgreSQL refuses NUL) or stored U+FFFD for a lone surrogate. */
  const cases: Array<{
    name: string;
    client: () => TestClient;
    method: Method;
    url: () => string;
    body?: () => unknown;
    field: string;
  }> = [
    {
      name: "sign-in login",
      client: () => new TestClient(app),
      method: "POST",
      url: () => "/api/auth/login",
      body: () => ({ login: "zhangsan@netcourt.demo", password: "court2026pass" }),
      field: "login",
    },
    {
      name: "registration name",
      client: () => new TestClient(app),
      method: "POST",
      url: () => "/api/auth/register",
      body: () => ({
        kind: "person",
        name: "王五",
        idNumber: demoIdNumber("330106", "1992-08-08", 808),
        phone: "13900008888",
        password: "court2026pass",
      }),
      field: "name",
    },
    ...["parties.0.name", "parties.1.address", "claims.0.text", "factsAndReasons", "evidence.0.source"].map(
      (field) => ({
        name: `complaint ${field}`,
        client: () => zhangsan,
        method: "PUT" as const,
        url: () => `/api/filings/${draftId}`,
        body: () => shoppingComplaint(),
        field,
      }),
    ),
    {
      name: "correction items",
      client: () => clerk,
      method: "POST",
      url: () => `/api/filings/${submittedId}/request-correction`,
      body: () => ({ items: ["请补充证据"], note: "说明" }),
      field: "items.0",
    },
    {
      name: "correction note",
      client: () => clerk,
      method: "POST",
      url: () => `/api/filings/${submittedId}/request-correction`,
      body: () => ({ items: ["请补充证据"], note: "说明" }),
      field: "note",
    },
    {
      name: "refusal reason",
      client: () => clerk,
      method: "POST",
      url: () => `/api/filings/${submittedId}/refuse`,
      body: () => ({ reason: "不符合起诉条件", basis: ["122"] }),
      field: "reason",
    },
    {
      name: "platform name",
      client: () => admin,
      method: "POST",
      url: () => "/api/ledger/platforms",
      body: () => ({
        courtId: hangzhou.id,
        name: "示范平台",
        operatorName: "示范公司",
        category: "other",
      }),
      field: "name",
    },
  ];

  const characters = [
    { label: "a NUL character", text: (s: string) => `${s}${NUL}x`, code: "nul_character" },
    { label: "a lone high surrogate", text: (s: string) => `${s}${LONE_HIGH}x`, code: "lone_surrogate" },
    { label: "a lone low surrogate", text: (s: string) => `${LONE_LOW}${s}`, code: "lone_surrogate" },
  ];

  for (const c of cases)
    for (const ch of characters)
      it(`refuses ${ch.label} in the ${c.name} with 400 text_invalid naming the field, writing nothing`, async () => {
        const before = await auditCount();
        const base = c.body!();
        const original = c.field
          .split(".")
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], base);
        const body = withValueAt(base, c.field, ch.text(String(original)));
        const response = await c.client().request<ErrorBody>(c.method, c.url(), { body });
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        expect(response.body.error).toBe("text_invalid");
        expect(response.body.details).toEqual([
          expect.objectContaining({ path: `body.${c.field}`, code: ch.code }),
        ]);
        expect(typeof response.body.message).toBe("string");
        expect(await auditCount()).toBe(before);
      });

  it("leaves the draft as it was", async () => {
    const view = await zhangsan.get<{ content: { parties: unknown[]; factsAndReasons: string } }>(
      `/api/filings/${draftId}`,
    );
    expect(view.body.content.parties).toEqual([]);
    expect(view.body.content.factsAndReasons).toBe("");
  });

  it("checks object keys, query strings and path parameters too", async () => {
    const key = await zhangsan.request<ErrorBody>("PUT", `/api/filings/${draftId}`, {
      payload: JSON.stringify({ factsAndReasons: "x", [`a${NUL}b`]: 1 }),
      headers: { "content-type": "application/json" },
    });
    expect(key.status).toBe(400);
    expect(key.body).toMatchObject({ error: "text_invalid", details: [{ code: "nul_character" }] });
    expect(key.body.details[0]!.path).toBe("body.a\uFFFDb");

    const query = await zhangsan.get<ErrorBody>("/api/laws/search?q=%E5%90%88%E5%90%8C%00");
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({
      error: "text_invalid",
      details: [{ path: "querystring.q", code: "nul_character" }],
    });

    const param = await zhangsan.get<ErrorBody>("/api/laws/a%00b");
    expect(param.status).toBe(400);
    expect(param.body).toMatchObject({
      error: "text_invalid",
      details: [{ path: "params.id", code: "nul_character" }],
    });
  });

  it("refuses a JSON body that is not UTF-8 instead of storing U+FFFD in its place", async () => {
    const body = Buffer.concat([
      Buffer.from('{"factsAndReasons":"原告于', "utf8"),
      Buffer.from([0xe5, 0x28, 0xa1]),
      Buffer.from('购买手机"}', "utf8"),
    ]);
    const refused = await zhangsan.request<ErrorBody>("PUT", `/api/filings/${draftId}`, {
      payload: body,
      headers: { "content-type": "application/json" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: "malformed_json", details: [{ code: "invalid_utf8" }] });
    const view = await zhangsan.get<{ content: { factsAndReasons: string } }>(`/api/filings/${draftId}`);
    expect(view.body.content.factsAndReasons).not.toContain("\uFFFD");
    expect(view.body.content.factsAndReasons).not.toContain("购买手机");
  });

  it("accepts surrogate pairs (emoji, CJK Extension B) as they are", async () => {
    const text = "事实😀𠀀";
    const saved = await zhangsan.put<{ content: { factsAndReasons: string } }>(`/api/filings/${draftId}`, {
      factsAndReasons: text,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.content.factsAndReasons).toBe(text);
  });
});
