import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TFilingView } from "./filing.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const ZHANGSAN_ID = demoIdNumber("330106", "1990-03-07", 213);
const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);

interface CasePage {
  parties: Array<{ id: string; name: string; idNumber: string | null; hasAccount: boolean; isMe: boolean }>;
  agents: Array<{ name: string; hasFiled: boolean }>;
}

describe.each(testDatabaseKinds())("who files a complaint, on %s", (kind) => {
  let app: TestApp;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const courts = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A draft by `client` with one evidence file; returns the case and the evidence attachment. */
  async function draft(client: TestClient): Promise<{ caseId: string; evidenceId: string }> {
    const created = await client.post<TFilingView>("/api/filings", { courtId });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId;
    const upload = await client.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    expect(upload.status).toBe(201);
    return { caseId, evidenceId: upload.body.id };
  }

  /** 张三's complaint with its first party replaced. */
  function complaintAs(party: Record<string, unknown>, evidenceId: string) {
    const complaint = shoppingComplaint({ evidenceAttachmentId: evidenceId });
    return { ...complaint, parties: [{ ...complaint.parties[0], ...party }, complaint.parties[1]] };
  }

  it("refuses to save a complaint in which 李四 files as 张三, with the fields to fix, and writes nothing", async () => {
    const { caseId, evidenceId } = await draft(lisi);
    const before = (await lisi.get<TFilingView>(`/api/filings/${caseId}`)).body.version;
    const saved = await lisi.put<ErrorBody>(`/api/filings/${caseId}`, complaintAs({}, evidenceId));
    expect(saved.status).toBe(400);
    expect(saved.body.error).toBe("filer_not_account_holder");
    expect(saved.body.message).toBe("提交人须为本账户实名认证的当事人本人，或持授权委托书的代理人");
    expect(saved.body.details).toEqual([
      { path: "body.parties.0.name", code: "filer_not_account_holder", message: "filer_not_account_holder" },
      {
        path: "body.parties.0.idNumber",
        code: "filer_not_account_holder",
        message: "filer_not_account_holder",
      },
    ]);
    const after = await lisi.get<TFilingView>(`/api/filings/${caseId}`);
    expect(after.body.version).toBe(before);
    expect(after.body.content.parties).toEqual([]);
  });

  it("refuses to submit a stored complaint whose filer party is not the account holder", async () => {
    const { caseId, evidenceId } = await draft(lisi);
    const saved = await lisi.put(
      `/api/filings/${caseId}`,
      complaintAs({ name: "李四", idNumber: null }, evidenceId),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // A draft saved before the rule existed: 张三's identity on the party linked to 李四's account.
    await app.context.db
      .updateTable("case_parties")
      .set({ name: "张三", id_number: ZHANGSAN_ID })
      .where("case_id", "=", caseId)
      .where("position", "=", 1)
      .execute();
    const submitted = await lisi.post<ErrorBody>(`/api/filings/${caseId}/submit`);
    expect(submitted.status).toBe(400);
    expect(submitted.body.error).toBe("filer_not_account_holder");
    expect(submitted.body.details.map((d) => d.path)).toEqual(["parties.0.name", "parties.0.idNumber"]);
    expect((await lisi.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe("draft");
  });

  it("lets 李四 file for himself: his ID number comes from his account and only his party has an account", async () => {
    const { caseId, evidenceId } = await draft(lisi);
    const saved = await lisi.put<TFilingView>(
      `/api/filings/${caseId}`,
      complaintAs({ name: "李四", idNumber: null }, evidenceId),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.content.parties[0]).toMatchObject({ name: "李四", idNumber: LISI_ID, isFiler: true });
    expect(saved.body.filer).toEqual({ kind: "party", name: "李四", agentKind: null });
    const submitted = await lisi.post<TFilingView>(`/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const page = await lisi.get<CasePage>(`/api/cases/${caseId}`);
    expect(page.body.parties.map((p) => [p.name, p.hasAccount, p.isMe])).toEqual([
      ["李四", true, true],
      ["杭州某某电子商务有限公司", false, false],
    ]);
  });

  describe("a lawyer filing for a client", () => {
    const asAgent = (evidenceId: string, powerOfAttorneyAttachmentId: string | null) => ({
      ...complaintAs({ isFiler: false }, evidenceId),
      agents: [
        {
          partyIndex: 0,
          kind: "lawyer" as const,
          name: "王律师",
          lawFirm: "浙江示范律师事务所",
          licenceNumber: "13301201810123456",
          isFiler: true,
          powerOfAttorneyAttachmentId,
        },
      ],
    });

    it("files for 张三 with a power of attorney and is shown to the court as the agent who filed", async () => {
      const { caseId, evidenceId } = await draft(lawyer);
      const power = await lawyer.upload<{ id: string }>(
        `/api/filings/${caseId}/attachments`,
        { name: "授权委托书.pdf", content: PDF },
        { category: "power_of_attorney" },
      );
      expect(power.status).toBe(201);
      const saved = await lawyer.put<TFilingView>(
        `/api/filings/${caseId}`,
        asAgent(evidenceId, power.body.id),
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const submitted = await lawyer.post<TFilingView>(`/api/filings/${caseId}/submit`);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

      const clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
      const view = await clerk.get<TFilingView>(`/api/filings/${caseId}`);
      expect(view.body.filer).toEqual({ kind: "agent", name: "王律师", agentKind: "lawyer" });
      const page = await clerk.get<CasePage>(`/api/cases/${caseId}`);
      expect(page.body.agents).toEqual([expect.objectContaining({ name: "王律师", hasFiled: true })]);
      // 张三 is named as the plaintiff but no account of his was involved.
      expect(page.body.parties[0]).toMatchObject({ name: "张三", idNumber: ZHANGSAN_ID, hasAccount: false });
      expect((await zhangsan.get(`/api/cases/${caseId}`)).status).toBe(404);
    });

    it("refuses submission without a power of attorney, and any other file as one", async () => {
      const { caseId, evidenceId } = await draft(lawyer);
      const wrongFile = await lawyer.put<ErrorBody>(
        `/api/filings/${caseId}`,
        asAgent(evidenceId, evidenceId),
      );
      expect(wrongFile.status).toBe(400);
      expect(wrongFile.body.details).toEqual([
        expect.objectContaining({
          path: "body.agents.0.powerOfAttorneyAttachmentId",
          code: "power_of_attorney_wrong_category",
        }),
      ]);
      const saved = await lawyer.put(`/api/filings/${caseId}`, asAgent(evidenceId, null));
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const submitted = await lawyer.post<ErrorBody>(`/api/filings/${caseId}/submit`);
      expect(submitted.status).toBe(422);
      expect(submitted.body.error).toBe("filing_incomplete");
      expect(submitted.body.details).toEqual([
        expect.objectContaining({
          path: "agents.0.powerOfAttorneyAttachmentId",
          code: "power_of_attorney_required",
        }),
      ]);
    });

    it("refuses an agent filing under another person's name or as a lawyer without a lawyer's account", async () => {
      const { caseId, evidenceId } = await draft(lisi);
      const content = asAgent(evidenceId, null);
      const asLawyer = await lisi.put<ErrorBody>(`/api/filings/${caseId}`, {
        ...content,
        agents: [{ ...content.agents[0], name: "李四" }],
      });
      expect(asLawyer.status).toBe(400);
      expect(asLawyer.body.details).toEqual([
        expect.objectContaining({ path: "body.agents.0.licenceNumber", code: "agent_not_lawyer" }),
      ]);
      const otherName = await lisi.put<ErrorBody>(`/api/filings/${caseId}`, content);
      expect(otherName.status).toBe(400);
      expect(otherName.body).toMatchObject({
        error: "filer_not_account_holder",
        details: [expect.objectContaining({ path: "body.agents.0.name", code: "agent_not_account_holder" })],
      });
    });
  });
});
