import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../db/transaction";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
// Platform behaviour seen through real accounts: the identity factories build them.
// eslint-disable-next-line netcourt/module-boundaries
import { currentCode, makeStaff, registerPerson } from "../../modules/identity/identity.test-support";

interface ErrorBody {
  error: string;
}

/** A client that holds a copy of another client's cookies (someone who knows the token). */
function copyOf(app: TestApp, client: TestClient): TestClient {
  const copy = new TestClient(app);
  copy.cookies = new Map(client.cookies);
  return copy;
}

describe.each(testDatabaseKinds())("session renewal on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => {
    await app.close();
  });

  it("issues a new session and CSRF token when TOTP succeeds and refuses the old token at once", async () => {
    const client = new TestClient(app);
    await registerPerson(client);
    const setup = await client.post<{ secret: string }>("/api/auth/totp/setup");
    expect(setup.status).toBe(200);
    const before = copyOf(app, client);
    const oldToken = client.cookies.get("nc_session");
    const oldCsrf = client.csrfToken;

    app.clock.advance(30_000);
    const verified = await client.post("/api/auth/totp/verify", {
      code: currentCode(app, setup.body.secret),
    });
    expect(verified.status).toBe(200);
    expect(client.cookies.get("nc_session")).not.toBe(oldToken);
    expect(client.csrfToken).not.toBe(oldCsrf);

    expect((await before.get<ErrorBody>("/api/me")).status).toBe(401);
    const me = await client.get<{ needsSecondFactor: boolean; totpEnabled: boolean }>("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ needsSecondFactor: false, totpEnabled: true });

    // The new session wants the new CSRF token, not the one from before.
    const stale = await client.request<ErrorBody>("PATCH", "/api/me", {
      body: { locale: "en" },
      headers: { "x-csrf-token": oldCsrf! },
    });
    expect(stale.status).toBe(403);
    expect(stale.body.error).toBe("csrf_token_invalid");
    expect((await client.patch("/api/me", { locale: "en" })).status).toBe(200);
  });

  it("renews the session on the next request after a privilege change, keeping the old token for a grace period only", async () => {
    const client = new TestClient(app);
    const person = await registerPerson(client);
    // Cached before the change: the cache must not keep serving the session as it was.
    expect((await client.get("/api/me")).status).toBe(200);
    const before = copyOf(app, client);
    const oldToken = client.cookies.get("nc_session");
    const oldCsrf = client.csrfToken;

    // As a command changes a privilege: committed in a transaction, which waits for the change feed.
    await inTransaction(app.context.db, (trx) =>
      trx
        .updateTable("users")
        .set({ verification_status: "verified", verified_at: app.clock.now() })
        .where("id", "=", person.id)
        .execute(),
    );
    const renewed = await client.get("/api/me");
    expect(renewed.status).toBe(200);
    expect(client.cookies.get("nc_session")).not.toBe(oldToken);
    expect(client.csrfToken).not.toBe(oldCsrf);

    // A request in flight with the old token still works for a moment, and does not renew it twice.
    app.clock.advance(10_000);
    const inFlight = await before.get("/api/me");
    expect(inFlight.status).toBe(200);
    expect(inFlight.raw.cookies).toEqual([]);
    app.clock.advance(21_000);
    expect((await before.get<ErrorBody>("/api/me")).status).toBe(401);
    expect((await client.get("/api/me")).status).toBe(200);

    const renewals = await app.context.db
      .selectFrom("audit_events")
      .select("data")
      .where("subject_id", "=", person.id)
      .where("action", "=", "identity.session_renewed")
      .execute();
    expect(renewals.map((r) => r.data)).toEqual([{ reason: "privilege_change" }]);
  });

  it("renews once when several requests arrive with the old token at the same time", async () => {
    const client = new TestClient(app);
    const person = await registerPerson(client);
    await app.context.db
      .updateTable("users")
      .set({ verification_status: "verified", verified_at: app.clock.now() })
      .where("id", "=", person.id)
      .execute();
    const responses = await Promise.all(Array.from({ length: 5 }, () => copyOf(app, client).get("/api/me")));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((r) => r.raw.cookies.some((c) => c.name === "nc_session"))).toHaveLength(1);
  });

  it("ends both the old and the renewed session on sign-out", async () => {
    const client = new TestClient(app);
    const person = await registerPerson(client);
    const before = copyOf(app, client);
    await makeStaff(app, person.id, "mediator");
    expect((await client.get("/api/me")).status).toBe(200);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect((await before.get("/api/me")).status).toBe(401);
  });

  it("does not renew a session for changes that grant nothing", async () => {
    const client = new TestClient(app);
    await registerPerson(client);
    const token = client.cookies.get("nc_session");
    expect((await client.patch("/api/me", { locale: "en" })).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
    expect(client.cookies.get("nc_session")).toBe(token);
  });
});
