import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber, type DemoAccount } from "../../seed/demo-seed";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TFilingView } from "./filing.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);
const ZHANGSAN_ID = demoIdNumber("330106", "1990-03-07", 213);
const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);

type Viewer = "filer" | "otherParty" | "otherPartyLawyer" | "clerk" | "otherCourtClerk" | "public";

describe.each(testDatabaseKinds())("privacy of ID documents and ID numbers on %s", (kind) => {
  let app: TestApp;
  let accounts: Map<string, DemoAccount>;
  let clients: Record<Viewer, TestClient>;
  let caseId: string;
  const files: Record<"identity" | "power_of_attorney" | "evidence", string> = {
    identity: "",
    power_of_attorney: "",
    evidence: "",
  };

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const courts = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    const hangzhou = courts.find((c) => c.code === "浙0192")!.id;
    clients = {
      filer: await signIn(app, "zhangsan@netcourt.demo"),
      otherParty: await signIn(app, "lisi@netcourt.demo"),
      otherPartyLawyer: await signIn(app, "wanglawyer@netcourt.demo"),
      clerk: await signIn(app, "hzhlw.clerk1@netcourt.demo"),
      otherCourtClerk: await signIn(app, "bjhlw.clerk1@netcourt.demo"),
      public: new TestClient(app),
    };
    const filer = clients.filer;
    caseId = (await filer.post<TFilingView>("/api/filings", { courtId: hangzhou })).body.caseId;
    for (const category of ["identity", "power_of_attorney", "evidence"] as const) {
      const upload = await filer.upload<{ id: string }>(
        `/api/filings/${caseId}/attachments`,
        { name: `${category}.png`, content: PNG },
        { category },
      );
      expect(upload.status).toBe(201);
      files[category] = upload.body.id;
    }
    const complaint = shoppingComplaint({ evidenceAttachmentId: files.evidence });
    const saved = await filer.put(`/api/filings/${caseId}`, {
      ...complaint,
      parties: [
        complaint.parties[0],
        {
          role: "defendant",
          kind: "natural_person",
          name: "李四",
          idNumber: LISI_ID,
          phone: "13900001234",
          address: "北京市朝阳区建国路1号",
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await filer.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
    // Once served, the defendant's account joins the case, and so does the lawyer it appoints.
    const defendant = await app.context.db
      .updateTable("case_parties")
      .set({ user_id: accounts.get("lisi@netcourt.demo")!.userId })
      .where("case_id", "=", caseId)
      .where("position", "=", 2)
      .returning("id")
      .executeTakeFirstOrThrow();
    await app.context.db
      .insertInto("case_agents")
      .values({
        case_id: caseId,
        party_id: defendant.id,
        user_id: accounts.get("wanglawyer@netcourt.demo")!.userId,
        kind: "lawyer",
        name: "王律师",
        phone: null,
        law_firm: "浙江示范律师事务所",
        licence_number: "13301201810123456",
        power_of_attorney_sha256: null,
        status: "active",
        created_at: app.clock.now(),
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  // viewer → [sees ID documents and powers of attorney, status of their download, status of the evidence]
  const matrix: Array<[Viewer, boolean, number, number]> = [
    ["filer", true, 200, 200],
    ["otherParty", false, 404, 200],
    ["otherPartyLawyer", false, 404, 200],
    ["clerk", true, 200, 200],
    ["otherCourtClerk", false, 404, 404],
    ["public", false, 401, 401],
  ];

  it("shows ID documents and powers of attorney only to the court and the filer", async () => {
    for (const [viewer, listed, status, evidence] of matrix) {
      const client = clients[viewer];
      const view = await client.get<TFilingView>(`/api/filings/${caseId}`);
      if (view.status === 200) {
        const categories = view.body.attachments.map((a) => a.category).sort();
        expect(categories, viewer).toEqual(
          listed ? ["evidence", "identity", "power_of_attorney"] : ["evidence"],
        );
      } else {
        expect(listed, viewer).toBe(false);
      }
      for (const category of ["identity", "power_of_attorney"] as const) {
        const download = await client.get(`/api/filings/${caseId}/attachments/${files[category]}/content`);
        expect(download.status, `${viewer} ${category}`).toBe(status);
      }
      const download = await client.get(`/api/filings/${caseId}/attachments/${files.evidence}/content`);
      expect(download.status, `${viewer} evidence`).toBe(evidence);
    }
  });

  const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
  // viewer → [plaintiff 张三's ID number, defendant 李四's ID number] as shown on the case page and in the filing
  const numbers: Array<[Viewer, string, string]> = [
    ["filer", ZHANGSAN_ID, LISI_ID],
    ["otherParty", masked(ZHANGSAN_ID), LISI_ID],
    ["otherPartyLawyer", masked(ZHANGSAN_ID), masked(LISI_ID)],
    ["clerk", ZHANGSAN_ID, LISI_ID],
  ];

  it("masks ID numbers on the case page and in the filing for all but their owner, the filer and the court", async () => {
    for (const [viewer, plaintiff, defendant] of numbers) {
      const client = clients[viewer];
      const page = await client.get<{ parties: Array<{ idNumber: string | null }> }>(`/api/cases/${caseId}`);
      expect(page.status).toBe(200);
      expect(
        page.body.parties.map((p) => p.idNumber),
        `${viewer} case page`,
      ).toEqual([plaintiff, defendant]);
      const view = await client.get<TFilingView>(`/api/filings/${caseId}`);
      expect(
        view.body.content.parties.map((p) => p.idNumber),
        `${viewer} filing`,
      ).toEqual([plaintiff, defendant]);
      // Contact details stay as on the case page: a lawyer reaches their own client, not the other side.
      if (viewer === "otherPartyLawyer")
        expect(view.body.content.parties.map((p) => p.phone)).toEqual(["138****1111", "13900001234"]);
    }
  });
});
