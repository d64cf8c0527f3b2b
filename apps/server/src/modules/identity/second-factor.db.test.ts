import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import {
  PASSWORD,
  createTestAccount,
  currentCode,
  enrolTotpDirectly,
  makeStaff,
  registerPerson,
  signInWithTotp,
} from "./identity.test-support";

interface ErrorBody {
  error: string;
  details: Array<{ path?: string; code: string }>;
}
interface MeBody {
  id: string;
  totpEnabled: boolean;
  needsSecondFactor: boolean;
  memberships: Array<{
    courtId: string;
    courtCode: string;
    courtNameZh: string;
    courtNameEn: string;
    role: string;
  }>;
}

const DEMO_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe.each(testDatabaseKinds())("second factor on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => {
    await app.close();
  });

  it("starts a staff session without memberships and lets staff enrol TOTP only through an invitation", async () => {
    const staff = await createTestAccount(app, { name: "书记员甲" });
    const court = await makeStaff(app, staff.userId, "clerk");
    const client = new TestClient(app);

    const login = await client.post<{ user: MeBody }>("/api/auth/login", {
      login: staff.phone,
      password: staff.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ needsSecondFactor: true, totpEnabled: false, memberships: [] });
    const me = await client.get<MeBody>("/api/me");
    expect(me.body).toMatchObject({ needsSecondFactor: true, memberships: [] });

    const queue = await client.get<ErrorBody>("/api/identity/verifications");
    expect(queue.status).toBe(401);
    expect(queue.body.error).toBe("authentication_required");
    expect(queue.body.details[0]?.code).toBe("second_factor_required");
    expect((await client.patch("/api/me", { locale: "en" })).status).toBe(401);

    // A stolen password alone must not let an attacker bind their own authenticator.
    const setup = await client.post<ErrorBody>("/api/auth/totp/setup");
    expect(setup.status).toBe(403);
    expect(setup.body.error).toBe("second_factor_enrolment_requires_invitation");
    const stored = await app.context.db
      .selectFrom("users")
      .select(["totp_secret", "totp_enabled_at"])
      .where("id", "=", staff.userId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ totp_secret: null, totp_enabled_at: null });

    const secret = await enrolTotpDirectly(app, staff.userId);
    const wrong = await client.post<ErrorBody>("/api/auth/totp/verify", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("totp_code_invalid");
    const verified = await client.post<{ user: MeBody }>("/api/auth/totp/verify", {
      code: currentCode(app, secret),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ needsSecondFactor: false, totpEnabled: true });
    expect(verified.body.user.memberships).toEqual([
      {
        courtId: court.courtId,
        courtCode: court.code,
        courtNameZh: "杭州互联网法院",
        courtNameEn: "Hangzhou Internet Court",
        role: "clerk",
        divisionId: null,
      },
    ]);
    expect((await client.get("/api/identity/verifications")).status).toBe(200);

    const actions = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", staff.userId)
      .orderBy("id")
      .execute();
    const recorded = actions.map((a) => a.action);
    expect(recorded).toEqual(
      expect.arrayContaining([
        "identity.account_created",
        "identity.signed_in",
        "identity.second_factor_failed",
        "identity.second_factor_passed",
      ]),
    );
    expect(recorded).not.toContain("identity.totp_setup_started");
  });

  it("does not enable a staff secret left pending by a password-only session", async () => {
    const staff = await createTestAccount(app);
    await makeStaff(app, staff.userId, "judge");
    const secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    await app.context.db
      .updateTable("users")
      .set({ totp_secret: app.context.totpSecrets.seal(secret, staff.userId) })
      .where("id", "=", staff.userId)
      .execute();
    const client = new TestClient(app);
    await client.post("/api/auth/login", { login: staff.phone, password: staff.password });
    const verify = await client.post<ErrorBody>("/api/auth/totp/verify", { code: currentCode(app, secret) });
    expect(verify.status).toBe(403);
    expect(verify.body.error).toBe("second_factor_enrolment_requires_invitation");
    expect((await client.get<MeBody>("/api/me")).body).toMatchObject({ totpEnabled: false, memberships: [] });
  });

  it("never hands out the secret again once TOTP is enabled", async () => {
    const staff = await createTestAccount(app, { totpSecret: DEMO_SECRET });
    await makeStaff(app, staff.userId, "judge");
    const client = new TestClient(app);
    await client.post("/api/auth/login", { login: staff.phone, password: staff.password });
    const setup = await client.post<ErrorBody>("/api/auth/totp/setup");
    expect(setup.status).toBe(409);
    expect(setup.body.error).toBe("totp_already_enabled");
    app.clock.advance(30_000);
    const verified = await client.post<{ user: MeBody }>("/api/auth/totp/verify", {
      code: currentCode(app, DEMO_SECRET),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user.memberships.map((m) => m.role)).toEqual(["judge"]);
  });

  it("refuses a TOTP code used before, even from another session", async () => {
    const staff = await createTestAccount(app, { totpSecret: DEMO_SECRET });
    await makeStaff(app, staff.userId, "judge");
    app.clock.advance(30_000);
    const code = currentCode(app, DEMO_SECRET);
    const first = new TestClient(app);
    await first.post("/api/auth/login", { login: staff.phone, password: staff.password });
    expect((await first.post("/api/auth/totp/verify", { code })).status).toBe(200);

    const second = new TestClient(app);
    await second.post("/api/auth/login", { login: staff.phone, password: staff.password });
    const replay = await second.post<ErrorBody>("/api/auth/totp/verify", { code });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe("totp_code_reused");
    // The previous step's code is also spent; the next step's code works.
    const previous = await second.post<ErrorBody>("/api/auth/totp/verify", {
      code: currentCode(app, DEMO_SECRET, -1),
    });
    expect(previous.body.error).toBe("totp_code_reused");
    app.clock.advance(30_000);
    expect((await second.post("/api/auth/totp/verify", { code: currentCode(app, DEMO_SECRET) })).status).toBe(
      200,
    );
  });

  it("locks TOTP guessing after five wrong codes", async () => {
    const staff = await createTestAccount(app, { totpSecret: DEMO_SECRET });
    await makeStaff(app, staff.userId, "mediator");
    const client = new TestClient(app);
    await client.post("/api/auth/login", { login: staff.phone, password: staff.password });
    const right = currentCode(app, DEMO_SECRET);
    const wrong = right === "111111" ? "222222" : "111111";
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.post("/api/auth/totp/verify", { code: wrong })).status).toBe(400);
    }
    const locked = await client.post<ErrorBody>("/api/auth/totp/verify", { code: right });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe("rate_limited");
    app.clock.advance(15 * 60_000 + 1000);
    expect((await client.post("/api/auth/totp/verify", { code: currentCode(app, DEMO_SECRET) })).status).toBe(
      200,
    );
  });

  it("lets a litigant enable TOTP, then asks for it at every sign-in", async () => {
    const client = new TestClient(app);
    const account = await registerPerson(client);
    const setup = await client.post<{ secret: string }>("/api/auth/totp/setup");
    expect(setup.status).toBe(200);
    const enabled = await client.post<{ user: MeBody }>("/api/auth/totp/verify", {
      code: currentCode(app, setup.body.secret),
    });
    expect(enabled.body.user).toMatchObject({ totpEnabled: true, needsSecondFactor: false });
    const atRest = await app.context.db
      .selectFrom("users")
      .select("totp_secret")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(atRest.totp_secret).toMatch(/^v1\.[0-9a-f]{16}\./);
    expect(atRest.totp_secret).not.toContain(setup.body.secret);
    expect((await client.post("/api/auth/totp/setup")).status).toBe(409);

    const later = new TestClient(app);
    const login = await later.post<{ user: MeBody }>("/api/auth/login", {
      login: account.phone,
      password: PASSWORD,
    });
    expect(login.body.user).toMatchObject({ totpEnabled: true, needsSecondFactor: true });
    expect((await later.get("/api/me/verification")).status).toBe(401);
    app.clock.advance(30_000);
    const verified = await later.post<{ user: MeBody }>("/api/auth/totp/verify", {
      code: currentCode(app, setup.body.secret),
    });
    expect(verified.body.user.needsSecondFactor).toBe(false);
    expect((await later.get("/api/me/verification")).status).toBe(200);
  });

  it("answers TOTP verification before setup with totp_not_set_up and lets a half-signed-in session sign out", async () => {
    const staff = await createTestAccount(app);
    await makeStaff(app, staff.userId, "clerk");
    const client = new TestClient(app);
    await client.post("/api/auth/login", { login: staff.phone, password: staff.password });
    const early = await client.post<ErrorBody>("/api/auth/totp/verify", { code: "123456" });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe("totp_not_set_up");
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it("signs staff in completely with the helper used by other suites", async () => {
    const staff = await createTestAccount(app);
    await makeStaff(app, staff.userId, "court_admin");
    const client = new TestClient(app);
    await signInWithTotp(app, client, staff.phone, staff.password);
    const me = await client.get<MeBody>("/api/me");
    expect(me.body.memberships.map((m) => m.role)).toEqual(["court_admin"]);
  });
});
