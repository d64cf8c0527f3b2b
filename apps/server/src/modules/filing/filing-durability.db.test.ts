import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HttpClient } from "../../testing/http-client";
import { shoppingComplaint } from "../../testing/demo";
import { spawnServer, type SpawnedServer } from "../../testing/spawn-server";
import { freePort } from "../../testing/test-app";
import { serverSchema, testDatabaseKinds } from "../../testing/test-database";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/**
 * Nothing acknowledged is lost across a crash: the real server (embedded database in a folder) is
 * killed with SIGKILL while filings are being submitted and registered, then restarted.
 */
/** Submissions and registrations sent at once; the server is killed after four are acknowledged. */
const IN_FLIGHT = 12;

describe.each(testDatabaseKinds())("filing under SIGKILL on %s", (kind) => {
  let server: SpawnedServer | undefined;
  let dataDir: string;
  let database: { env: Record<string, string>; drop(): Promise<void> } | undefined;
  afterAll(async () => {
    await server?.kill("SIGKILL");
    await database?.drop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged submission and registration and never duplicates a case number", async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-crash-"));
    const port = await freePort();
    database = kind === "postgres" ? await serverSchema() : { env: {}, drop: async () => undefined };
    server = await spawnServer({ port, dataDir, env: { SEED_DEMO: "true", ...database.env } });
    const base = server.baseUrl;
    const litigant = new HttpClient(base);
    await litigant.signIn("zhangsan@netcourt.demo");
    const clerks = [new HttpClient(base), new HttpClient(base)];
    await clerks[0]!.signIn("hzhlw.clerk1@netcourt.demo");
    await clerks[1]!.signIn("hzhlw.clerk2@netcourt.demo");
    const courts = (
      await litigant.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts")
    ).body.items;
    const court = courts.find((c) => c.code === "浙0192")!;

    async function fileOne(): Promise<string> {
      const created = await litigant.request<{ caseId: string }>("POST", "/api/filings", {
        courtId: court.id,
      });
      const form = new FormData();
      form.append("category", "evidence");
      form.append("file", new Blob([PNG], { type: "image/png" }), "order.png");
      const upload = await litigant.request<{ id: string }>(
        "POST",
        `/api/filings/${created.body.caseId}/attachments`,
        undefined,
        { form },
      );
      await litigant.request(
        "PUT",
        `/api/filings/${created.body.caseId}`,
        shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
      );
      return created.body.caseId;
    }
    async function pay(caseId: string): Promise<void> {
      const start = await litigant.request<{ payUrl: string }>("POST", `/api/filings/${caseId}/payment`);
      const paid = await fetch(start.body.payUrl, {
        method: "POST",
        body: "action=pay",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
      expect(paid.status).toBe(303);
    }

    // Filings submitted and paid before the load: these will be registered during it.
    const ready: string[] = [];
    for (let i = 0; i < IN_FLIGHT; i += 1) {
      const caseId = await fileOne();
      expect((await litigant.request("POST", `/api/filings/${caseId}/submit`)).status).toBe(200);
      await pay(caseId);
      ready.push(caseId);
    }
    const drafts: string[] = [];
    for (let i = 0; i < IN_FLIGHT; i += 1) drafts.push(await fileOne());

    const acknowledgedSubmissions = new Set<string>();
    const acknowledgedNumbers = new Map<string, string>();
    const load = [
      ...drafts.map(async (caseId) => {
        const response = await litigant.request("POST", `/api/filings/${caseId}/submit`).catch(() => null);
        if (response?.status === 200) acknowledgedSubmissions.add(caseId);
      }),
      ...ready.map(async (caseId, index) => {
        const response = await clerks[index % 2]!.request<{ caseNumber: string }>(
          "POST",
          `/api/filings/${caseId}/accept`,
          {},
        ).catch(() => null);
        if (response?.status === 200) acknowledgedNumbers.set(caseId, response.body.caseNumber);
      }),
    ];
    // Kill once some of the load has been acknowledged, while the rest is in flight.
    for (
      let waited = 0;
      acknowledgedNumbers.size + acknowledgedSubmissions.size < 4 && waited < 60_000;
      waited += 20
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.kill("SIGKILL");
    await Promise.all(load);
    expect(acknowledgedNumbers.size + acknowledgedSubmissions.size).toBeGreaterThan(0);

    server = await spawnServer({ port, dataDir, env: { SEED_DEMO: "true", ...database.env } });
    // Sessions are in the database, so the clients are still signed in after the restart.
    for (const caseId of acknowledgedSubmissions) {
      const view = await litigant.request<{ status: string }>("GET", `/api/filings/${caseId}`);
      expect(view.status).toBe(200);
      expect(["under_review", "accepted"]).toContain(view.body.status);
    }
    for (const [caseId, caseNumber] of acknowledgedNumbers) {
      const detail = await litigant.request<{ status: string; caseNumber: string }>(
        "GET",
        `/api/cases/${caseId}`,
      );
      // Registered, and maybe already in service: the queued job serves the complaint right after.
      expect(detail.body).toMatchObject({ caseNumber });
      expect(["accepted", "service"]).toContain(detail.body.status);
    }
    // Finish the registrations the crash interrupted: numbering continues without duplicates or gaps.
    for (const [index, caseId] of ready.entries()) {
      if (!acknowledgedNumbers.has(caseId)) {
        const response = await clerks[index % 2]!.request<{ caseNumber: string; status: string }>(
          "POST",
          `/api/filings/${caseId}/accept`,
          {},
        );
        if (response.status === 200) acknowledgedNumbers.set(caseId, response.body.caseNumber);
        else expect(response.status).toBe(409);
      }
    }
    const all = await clerks[0]!.request<{ items: Array<{ caseNumber: string | null }>; total: number }>(
      "GET",
      "/api/cases?status=accepted&status=service&pageSize=100",
    );
    const numbers = all.body.items.map((c) => c.caseNumber!);
    expect(new Set(numbers).size).toBe(numbers.length);
    const sequences = numbers.map((n) => Number(/民初(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(sequences.length).toBe(ready.length);
  }, 600_000);
});
