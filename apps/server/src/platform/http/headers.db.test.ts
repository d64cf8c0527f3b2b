import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
// Platform behaviour seen through real accounts: the identity factories build them.
// eslint-disable-next-line netcourt/module-boundaries
import { registerPerson } from "../../modules/identity/identity.test-support";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { redactUrl } from "./access-log";

describe("access-log URLs", () => {
  it.each([
    ["/sim/pay?ticket=abcDEF123456789012345", undefined, "/sim/pay?ticket=[redacted]"],
    ["/api/public/progress?code=1234-5678-9012", undefined, "/api/public/progress?code=[redacted]"],
    ["/invite/Zk3xP0qRt7uVw9yA1bC2dE3fG4hI5jK6", undefined, "/invite/[redacted]"],
    [
      "/api/invitations/Zk3xP0qRt7uVw9yA1bC2dE3fG4hI5jK6",
      { pattern: "/api/invitations/:token", params: { token: "Zk3xP0qRt7uVw9yA1bC2dE3fG4hI5jK6" } },
      "/api/invitations/[redacted]",
    ],
    [
      "/api/cases/0b7c9a52-3f7e-4a1f-9d5e-2a4c6e8f0a1b?page=2&q=张三",
      { pattern: "/api/cases/:id", params: { id: "0b7c9a52-3f7e-4a1f-9d5e-2a4c6e8f0a1b" } },
      "/api/cases/0b7c9a52-3f7e-4a1f-9d5e-2a4c6e8f0a1b?page=2&q=[redacted]",
    ],
  ])("logs %s as its redacted form", (url, route, expected) => {
    expect(redactUrl(url, route)).toBe(expected);
  });
});

describe.each(testDatabaseKinds())("security headers and logs on %s", (kind) => {
  let app: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        callback();
      },
    });
    app = await createTestApp(kind, {
      env: { TRUST_PROXY: "1" },
      logger: createLogger({ logLevel: "info" }, sink),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it("sends HSTS over HTTPS through the trusted proxy and not over plain HTTP", async () => {
    const https = await new TestClient(app).get("/api/health", { "x-forwarded-proto": "https" });
    expect(https.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const http = await new TestClient(app).get("/api/health");
    expect(http.headers["strict-transport-security"]).toBeUndefined();
  });

  it("marks personal API responses no-store and leaves public catalogue reads cacheable", async () => {
    const client = new TestClient(app);
    await registerPerson(client);
    expect((await client.get("/api/me")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/judgments/search?q=合同")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/nothing-here")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/laws/search?q=民法典")).headers["cache-control"]).toBeUndefined();
    expect((await client.get("/api/health")).headers["cache-control"]).toBeUndefined();
  });

  it("serves the API docs outside production with frame protection", async () => {
    const docs = await new TestClient(app).get("/api/docs/");
    expect(docs.status).toBe(200);
    expect(docs.headers["x-frame-options"]).toBe("DENY");
    expect(docs.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("keeps tokens, query codes and cookies out of the access log", async () => {
    const client = new TestClient(app);
    await registerPerson(client);
    await client.get("/api/public/progress?code=1234-5678-9012");
    await client.get("/sim/pay?ticket=secret-ticket-value-123456");
    await client.get("/invite/Zk3xP0qRt7uVw9yA1bC2dE3fG4hI5jK6");
    const log = lines.join("\n");
    expect(log).toContain("/api/public/progress?code=[redacted]");
    expect(log).not.toContain("1234-5678-9012");
    expect(log).not.toContain("secret-ticket-value");
    expect(log).not.toContain("Zk3xP0qRt7uVw9yA1bC2dE3fG4hI5jK6");
    expect(log).not.toContain(client.cookies.get("nc_session"));

    const logger = createLogger(
      { logLevel: "info" },
      {
        write: (line: string) => lines.push(line),
      },
    );
    logger.info({ req: { method: "GET", url: "/x?code=1", headers: { cookie: "nc_session=abc" } } }, "req");
    logger.info({ headers: { authorization: "Bearer abc", cookie: "nc_session=abc" } }, "raw");
    expect(lines.slice(-2).join("\n")).not.toContain("abc");
  });
});

describe("API docs setting", () => {
  it("is off in production unless API_DOCS=true, and on elsewhere unless API_DOCS=false", () => {
    expect(loadConfig({ NODE_ENV: "production" }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", API_DOCS: "true" }).apiDocs).toBe(true);
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: "false" }).apiDocs).toBe(false);
  });
});

describe.each(testDatabaseKinds())("API docs switched off on %s", (kind) => {
  it("does not serve the docs UI", async () => {
    const app = await createTestApp(kind, { env: { API_DOCS: "false" } });
    try {
      expect((await new TestClient(app).get("/api/docs/")).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
