import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { buildIdNumber, buildPng, registerPerson } from "./identity.test-support";

let serial = 0;

interface ListBody {
  items: Array<{ id: string; userId: string }>;
  total: number;
}

describe.each(testDatabaseKinds())("whose real-name verifications a clerk reviews, on %s", (kind) => {
  let app: TestApp;
  let courts: Map<string, string>;
  let hangzhouClerk: TestClient;
  let beijingClerk: TestClient;

  /** A new account asking for clerk review of its ID card; returns the verification id. */
  async function applicant(
    client: TestClient,
    name: string,
  ): Promise<{ userId: string; verificationId: string }> {
    serial += 1;
    // Numbers apart from the demo accounts' (13900000001…, born 1985 and 1990).
    const account = await registerPerson(client, {
      name,
      phone: `1370000${String(serial).padStart(4, "0")}`,
      idNumber: buildIdNumber("19770101", 500 + serial),
    });
    const upload = await client.upload<{ sha256: string }>(
      "/api/me/verification/files",
      { name: "front.png", content: buildPng(), type: "image/png" },
      { side: "front" },
    );
    expect(upload.status).toBe(200);
    const submitted = await client.post<{ verification: { id: string } }>("/api/me/verification", {
      method: "clerk_review",
      frontSha256: upload.body.sha256,
    });
    expect(submitted.status).toBe(201);
    return { userId: account.id, verificationId: submitted.body.verification.id };
  }

  async function setReviewsAll(code: string, value: boolean): Promise<void> {
    await app.context.db
      .updateTable("courts")
      .set({ reviews_all_verifications: value })
      .where("id", "=", courts.get(code)!)
      .execute();
  }

  async function queue(client: TestClient): Promise<string[]> {
    const list = await client.get<ListBody>("/api/identity/verifications?status=pending&pageSize=100");
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(list.body.items.length);
    return list.body.items.map((item) => item.id);
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const list = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    courts = new Map(list.map((c) => [c.code, c.id]));
    hangzhouClerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    beijingClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("shows an applicant to the clerks of the court they file at, and to no other court", async () => {
    // The demo's Internet courts handle general verification; here neither does.
    await setReviewsAll("浙0192", false);
    await setReviewsAll("京0491", false);
    const client = new TestClient(app);
    const { verificationId } = await applicant(client, "赵五");
    const draft = await client.post("/api/filings", { courtId: courts.get("浙0192") });
    expect(draft.status).toBe(201);
    const loner = await applicant(new TestClient(app), "钱六");

    // clerk → [in the queue, detail, ID image]
    const matrix: Array<[string, TestClient, boolean, number]> = [
      ["clerk of the court filed at", hangzhouClerk, true, 200],
      ["clerk of an unrelated court", beijingClerk, false, 404],
    ];
    for (const [who, clerk, listed, status] of matrix) {
      expect((await queue(clerk)).includes(verificationId), who).toBe(listed);
      expect((await queue(clerk)).includes(loner.verificationId), who).toBe(false);
      expect((await clerk.get(`/api/identity/verifications/${verificationId}`)).status, who).toBe(status);
      expect((await clerk.get(`/api/identity/verifications/${verificationId}/files/front`)).status, who).toBe(
        status,
      );
      expect((await clerk.get(`/api/identity/verifications/${loner.verificationId}`)).status, who).toBe(404);
    }
    const refused = await beijingClerk.post(`/api/identity/verifications/${verificationId}/approve`, {});
    expect(refused.status).toBe(404);
    const approved = await hangzhouClerk.post<{ status: string }>(
      `/api/identity/verifications/${verificationId}/approve`,
      {},
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("approved");
  });

  it("shows an applicant who is a party in a case to that court's clerks", async () => {
    await setReviewsAll("浙0192", false);
    await setReviewsAll("京0491", false);
    const { userId, verificationId } = await applicant(new TestClient(app), "孙七");
    const zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    const caseId = (
      await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: courts.get("京0491") })
    ).body.caseId;
    expect((await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint())).status).toBe(200);
    expect((await queue(beijingClerk)).includes(verificationId)).toBe(false);
    // Served with the complaint, the defendant's account is linked to its party.
    await app.context.db
      .updateTable("case_parties")
      .set({ user_id: userId })
      .where("case_id", "=", caseId)
      .where("position", "=", 2)
      .execute();
    expect((await queue(beijingClerk)).includes(verificationId)).toBe(true);
    expect((await beijingClerk.get(`/api/identity/verifications/${verificationId}`)).status).toBe(200);
    expect((await queue(hangzhouClerk)).includes(verificationId)).toBe(false);
  });

  it("shows every applicant to the clerks of a court that handles general verification", async () => {
    await setReviewsAll("京0491", false);
    const { verificationId } = await applicant(new TestClient(app), "周八");
    expect((await queue(beijingClerk)).includes(verificationId)).toBe(false);
    await setReviewsAll("京0491", true);
    expect((await queue(beijingClerk)).includes(verificationId)).toBe(true);
    expect((await beijingClerk.get(`/api/identity/verifications/${verificationId}`)).status).toBe(200);
  });
});
