import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { HttpRealNameVerifier, SIMULATOR_ERROR_NAME, SIMULATOR_MISMATCH_NAME } from "./index";
import { signBody } from "./adapters/http-real-name-verifier";
import {
  buildJpeg,
  buildOrganisationRegistration,
  buildPng,
  createTestAccount,
  makeStaff,
  registerPerson,
  signInWithTotp,
} from "./identity.test-support";

interface ErrorBody {
  error: string;
  details: Array<{ path?: string; code: string }>;
}
interface VerificationBody {
  id: string;
  method: string;
  status: string;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}
interface DetailBody extends VerificationBody {
  userId: string;
  idNumber: string | null;
  hasFront: boolean;
  hasBack: boolean;
  canDecide: boolean;
  reviewerName: string | null;
  provider: string | null;
}
interface ListBody {
  items: Array<{ id: string; userId: string; idNumberMasked: string | null; status: string }>;
  total: number;
}

async function uploadFront(client: TestClient, content = buildPng()): Promise<string> {
  const response = await client.upload<{ sha256: string; side: string }>(
    "/api/me/verification/files",
    { name: "front.png", content, type: "image/png" },
    { side: "front" },
  );
  expect(response.status).toBe(200);
  expect(response.body.side).toBe("front");
  return response.body.sha256;
}

async function auditActions(app: TestApp, subjectId: string): Promise<string[]> {
  const rows = await app.context.db
    .selectFrom("audit_events")
    .select("action")
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

describe.each(testDatabaseKinds())("real-name verification on %s", (kind) => {
  let app: TestApp;
  let clerk: TestClient;
  let clerkUserId: string;
  let judge: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const clerkAccount = await createTestAccount(app, { name: "书记员" });
    clerkUserId = clerkAccount.userId;
    const clerkCourt = await makeStaff(app, clerkAccount.userId, "clerk");
    // The clerk's court handles general verification, so every applicant is in its queue.
    await app.context.db
      .updateTable("courts")
      .set({ reviews_all_verifications: true })
      .where("id", "=", clerkCourt.courtId)
      .execute();
    clerk = new TestClient(app);
    await signInWithTotp(app, clerk, clerkAccount.phone, clerkAccount.password);
    const judgeAccount = await createTestAccount(app, { name: "法官" });
    await makeStaff(app, judgeAccount.userId, "judge");
    judge = new TestClient(app);
    await signInWithTotp(app, judge, judgeAccount.phone, judgeAccount.password);
  });
  afterAll(async () => {
    await app.close();
  });

  describe("uploads", () => {
    it("keeps PNG and JPEG images of the ID card", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const png = buildPng();
      const sha256 = await uploadFront(client, png);
      const back = await client.upload<{ sha256: string; side: string }>(
        "/api/me/verification/files",
        { name: "back.JPG", content: buildJpeg(), type: "image/jpeg" },
        { side: "back" },
      );
      expect(back.status).toBe(200);
      expect(back.body.side).toBe("back");
      expect((await app.context.files.read(sha256)).equals(png)).toBe(true);
      const documents = await app.context.db
        .selectFrom("identity_documents")
        .select(["side", "media_type"])
        .where("user_id", "=", account.id)
        .orderBy("side")
        .execute();
      expect(documents).toEqual([
        { side: "back", media_type: "image/jpeg" },
        { side: "front", media_type: "image/png" },
      ]);
    });

    it.each([
      {
        name: "id.pdf",
        content: Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
        error: "id_document_type_not_allowed",
      },
      {
        name: "id.gif",
        content: Buffer.from("GIF89a\x01\x00\x01\x00\x80\x00\x00", "latin1"),
        error: "id_document_type_not_allowed",
      },
      { name: "id.txt", content: Buffer.from("not an image"), error: "id_document_type_not_allowed" },
      {
        name: "id.png",
        content: Buffer.from("plain text pretending to be a PNG"),
        error: "file_type_mismatch",
      },
      { name: "id.jpg", content: buildPng(), error: "file_type_mismatch" },
    ])("refuses $name with 415 $error and keeps nothing", async ({ name, content, error }) => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const response = await client.upload<ErrorBody>(
        "/api/me/verification/files",
        { name, content },
        { side: "front" },
      );
      expect(response.status).toBe(415);
      expect(response.body.error).toBe(error);
      const kept = await app.context.db
        .selectFrom("identity_documents")
        .select("sha256")
        .where("user_id", "=", account.id)
        .execute();
      expect(kept).toEqual([]);
    });

    it("refuses a missing or unknown side, a missing file and a JSON body", async () => {
      const client = new TestClient(app);
      await registerPerson(client);
      const noSide = await client.upload<ErrorBody>("/api/me/verification/files", {
        name: "a.png",
        content: buildPng(),
      });
      expect(noSide.status).toBe(400);
      expect(noSide.body.details[0]?.path).toBe("side");
      const badSide = await client.upload<ErrorBody>(
        "/api/me/verification/files",
        { name: "a.png", content: buildPng() },
        { side: "left" },
      );
      expect(badSide.status).toBe(400);
      const extra = await client.upload<ErrorBody>(
        "/api/me/verification/files",
        { name: "a.png", content: buildPng() },
        { side: "front", note: "x" },
      );
      expect(extra.status).toBe(400);
      const json = await client.post<ErrorBody>("/api/me/verification/files", { side: "front" });
      expect(json.status).toBe(415);
    });

    it("refuses an image over 10 MB with 413 and keeps nothing", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const png = buildPng();
      const oversized = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1 - png.length)]);
      const response = await client.upload<ErrorBody>(
        "/api/me/verification/files",
        { name: "big.png", content: oversized },
        { side: "front" },
      );
      expect(response.status).toBe(413);
      expect(response.body.error).toBe("file_too_large");
      const kept = await app.context.db
        .selectFrom("identity_documents")
        .select("sha256")
        .where("user_id", "=", account.id)
        .execute();
      expect(kept).toEqual([]);
    });

    it("refuses an upload without a session", async () => {
      const response = await new TestClient(app).upload<ErrorBody>(
        "/api/me/verification/files",
        { name: "a.png", content: buildPng() },
        { side: "front" },
      );
      expect(response.status).toBe(401);
    });
  });

  describe("clerk review", () => {
    it("queues a request, keeps other people out, and shows the rejection reason to the account", async () => {
      const litigant = new TestClient(app);
      const account = await registerPerson(litigant, { name: "王五" });
      const front = await uploadFront(litigant);
      expect((await litigant.get("/api/me/verification")).body).toBeNull();

      const submitted = await litigant.post<{ verification: VerificationBody }>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: front,
      });
      expect(submitted.status).toBe(201);
      expect(submitted.body.verification).toMatchObject({
        method: "clerk_review",
        status: "pending",
        reason: null,
        decidedAt: null,
      });
      const id = submitted.body.verification.id;
      expect((await litigant.get<{ verificationStatus: string }>("/api/me")).body.verificationStatus).toBe(
        "pending",
      );
      const again = await litigant.post<ErrorBody>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: front,
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toBe("verification_pending");

      // Another litigant sees neither the queue nor the request nor its images.
      const other = new TestClient(app);
      await registerPerson(other);
      const queue = await other.get<ErrorBody>("/api/identity/verifications");
      expect(queue.status).toBe(403);
      expect(queue.body.error).toBe("forbidden");
      expect((await other.get<ErrorBody>(`/api/identity/verifications/${id}`)).status).toBe(404);
      expect((await other.get<ErrorBody>(`/api/identity/verifications/${id}/files/front`)).status).toBe(404);
      expect((await other.post(`/api/identity/verifications/${id}/approve`)).status).toBe(404);
      expect((await litigant.get(`/api/identity/verifications/${id}/files/front`)).status).toBe(404);
      // Nor can the other litigant submit the first one's image as their own.
      const borrowed = await other.post<ErrorBody>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: front,
      });
      expect(borrowed.status).toBe(400);
      expect(borrowed.body.error).toBe("verification_file_unknown");
      // A judge is staff but does not review identities.
      expect((await judge.get("/api/identity/verifications")).status).toBe(403);
      expect((await judge.get(`/api/identity/verifications/${id}`)).status).toBe(404);

      const list = await clerk.get<ListBody>("/api/identity/verifications?status=pending&page=1&pageSize=50");
      expect(list.status).toBe(200);
      const item = list.body.items.find((i) => i.id === id);
      expect(item).toMatchObject({ userId: account.id, status: "pending" });
      expect(item?.idNumberMasked).toBe(
        `${account.idNumber.slice(0, 4)}**********${account.idNumber.slice(-4)}`,
      );
      const detail = await clerk.get<DetailBody>(`/api/identity/verifications/${id}`);
      expect(detail.body).toMatchObject({
        idNumber: account.idNumber,
        hasFront: true,
        hasBack: false,
        canDecide: true,
      });
      const image = await clerk.get(`/api/identity/verifications/${id}/files/front`);
      expect(image.status).toBe(200);
      expect(image.headers["content-type"]).toBe("image/png");
      expect(image.headers["cache-control"]).toBe("private, no-store");
      expect(image.raw.rawPayload.length).toBeGreaterThan(0);
      expect((await clerk.get(`/api/identity/verifications/${id}/files/back`)).status).toBe(404);

      const noReason = await clerk.post<ErrorBody>(`/api/identity/verifications/${id}/reject`, {
        reason: "  ",
      });
      expect(noReason.status).toBe(400);
      const rejected = await clerk.post<DetailBody>(`/api/identity/verifications/${id}/reject`, {
        reason: "照片模糊，请重新上传",
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: "rejected", reviewerName: "书记员", canDecide: false });
      const decidedTwice = await clerk.post<ErrorBody>(`/api/identity/verifications/${id}/approve`);
      expect(decidedTwice.status).toBe(409);
      expect(decidedTwice.body.error).toBe("verification_already_decided");

      const mine = await litigant.get<VerificationBody>("/api/me/verification");
      expect(mine.body).toMatchObject({ id, status: "rejected", reason: "照片模糊，请重新上传" });
      expect((await litigant.get<{ verificationStatus: string }>("/api/me")).body.verificationStatus).toBe(
        "rejected",
      );

      // A new request with a new image, approved this time.
      const resubmitted = await litigant.post<{ verification: VerificationBody }>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: await uploadFront(litigant),
      });
      expect(resubmitted.status).toBe(201);
      const approved = await clerk.post<DetailBody>(
        `/api/identity/verifications/${resubmitted.body.verification.id}/approve`,
      );
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe("approved");
      expect((await litigant.get<{ verificationStatus: string }>("/api/me")).body.verificationStatus).toBe(
        "verified",
      );
      const done = await litigant.post<ErrorBody>("/api/me/verification", { method: "external" });
      expect(done.status).toBe(409);
      expect(done.body.error).toBe("already_verified");

      expect(await auditActions(app, id)).toEqual([
        "identity.verification_submitted",
        "identity.verification_rejected",
      ]);
      expect(await auditActions(app, resubmitted.body.verification.id)).toEqual([
        "identity.verification_submitted",
        "identity.verification_approved",
      ]);
      const decided = await clerk.get<ListBody>("/api/identity/verifications?status=approved");
      expect(decided.body.items.map((i) => i.id)).toContain(resubmitted.body.verification.id);
    });

    it("does not let a clerk decide their own verification", async () => {
      const front = await uploadFront(clerk);
      const own = await clerk.post<{ verification: VerificationBody }>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: front,
      });
      expect(own.status).toBe(201);
      const detail = await clerk.get<DetailBody>(`/api/identity/verifications/${own.body.verification.id}`);
      expect(detail.body).toMatchObject({ userId: clerkUserId, canDecide: false });
      const response = await clerk.post<ErrorBody>(
        `/api/identity/verifications/${own.body.verification.id}/approve`,
      );
      expect(response.status).toBe(403);
      expect(response.body.error).toBe("verification_self_review");
    });

    it("validates the queue's paging and the request body", async () => {
      expect((await clerk.get<ErrorBody>("/api/identity/verifications?pageSize=1000")).status).toBe(400);
      expect((await clerk.get<ErrorBody>("/api/identity/verifications?status=lost")).status).toBe(400);
      expect((await clerk.get<ErrorBody>("/api/identity/verifications/not-a-uuid")).status).toBe(404);
      const litigant = new TestClient(app);
      await registerPerson(litigant);
      const badHash = await litigant.post<ErrorBody>("/api/me/verification", {
        method: "clerk_review",
        frontSha256: "abc",
      });
      expect(badHash.status).toBe(400);
      const extra = await litigant.post<ErrorBody>("/api/me/verification", {
        method: "external",
        selfie: "x",
      });
      expect(extra.status).toBe(400);
      expect(extra.body.error).toBe("validation_failed");
    });
  });

  describe("external verification (simulator)", () => {
    it("verifies a person at once when the service reports a match", async () => {
      const client = new TestClient(app);
      await registerPerson(client, { name: "赵六" });
      const response = await client.post<{ verification: VerificationBody }>("/api/me/verification", {
        method: "external",
      });
      expect(response.status).toBe(201);
      expect(response.body.verification).toMatchObject({
        method: "external",
        status: "approved",
        reason: null,
      });
      expect(response.body.verification.decidedAt).toBe(app.clock.now().toISOString());
      expect((await client.get<{ verificationStatus: string }>("/api/me")).body.verificationStatus).toBe(
        "verified",
      );
      const detail = await clerk.get<DetailBody>(
        `/api/identity/verifications/${response.body.verification.id}`,
      );
      expect(detail.body.provider).toBe("simulator");
    });

    it("rejects with a reason when the service reports a mismatch", async () => {
      const client = new TestClient(app);
      await registerPerson(client, { name: SIMULATOR_MISMATCH_NAME });
      const response = await client.post<{ verification: VerificationBody }>("/api/me/verification", {
        method: "external",
      });
      expect(response.status).toBe(201);
      expect(response.body.verification.status).toBe("rejected");
      expect(response.body.verification.reason).toEqual(expect.any(String));
      expect((await client.get<{ verificationStatus: string }>("/api/me")).body.verificationStatus).toBe(
        "rejected",
      );
    });

    it("answers 502 and records nothing when the service cannot decide", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client, { name: SIMULATOR_ERROR_NAME });
      const response = await client.post<ErrorBody>("/api/me/verification", { method: "external" });
      expect(response.status).toBe(502);
      expect(response.body.error).toBe("upstream_failed");
      expect((await client.get("/api/me/verification")).body).toBeNull();
      expect(await auditActions(app, account.id)).toEqual(["identity.account_registered"]);
    });

    it("offers organisations only the clerk review", async () => {
      const client = new TestClient(app);
      expect((await client.post("/api/auth/register", buildOrganisationRegistration())).status).toBe(201);
      const response = await client.post<ErrorBody>("/api/me/verification", { method: "external" });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("verification_method_unavailable");
    });
  });
});

describe.each(testDatabaseKinds())("external verification over HTTP on %s", (kind) => {
  const secret = "shared-secret-for-tests";
  const received: Array<{ body: string; signature: string | undefined }> = [];
  let server: Server;
  let app: TestApp;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const signature = request.headers["x-netcourt-signature"];
        received.push({ body, signature: typeof signature === "string" ? signature : undefined });
        const { name } = JSON.parse(body) as { name: string };
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            result: name === "钱七" ? "mismatch" : "match",
            reference: "ref-42",
            score: 0.91,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    app = await createTestApp(kind, {
      ports: {
        realNameVerifier: new HttpRealNameVerifier({
          url: `http://127.0.0.1:${port}/verify`,
          secret,
          timeoutMs: 5000,
        }),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends a signed request and records the service's reference and score", async () => {
    const client = new TestClient(app);
    const account = await registerPerson(client, { name: "孙八" });
    const response = await client.post<{ verification: VerificationBody }>("/api/me/verification", {
      method: "external",
    });
    expect(response.status).toBe(201);
    expect(response.body.verification.status).toBe("approved");
    const call = received.at(-1)!;
    expect(call.signature).toBe(signBody(call.body, secret));
    expect(JSON.parse(call.body)).toMatchObject({
      version: 1,
      name: "孙八",
      idNumber: account.idNumber,
      selfieSha256: null,
    });
    const row = await app.context.db
      .selectFrom("identity_verifications")
      .select(["provider", "provider_reference", "provider_score"])
      .where("id", "=", response.body.verification.id)
      .executeTakeFirstOrThrow();
    expect(row.provider).toMatch(/^http:127\.0\.0\.1:\d+$/);
    expect(row).toMatchObject({
      provider_reference: "ref-42",
      provider_score: 0.91,
    });
  });

  it("rejects when the service reports a mismatch", async () => {
    const client = new TestClient(app);
    await registerPerson(client, { name: "钱七" });
    const response = await client.post<{ verification: VerificationBody }>("/api/me/verification", {
      method: "external",
    });
    expect(response.body.verification.status).toBe("rejected");
  });
});
