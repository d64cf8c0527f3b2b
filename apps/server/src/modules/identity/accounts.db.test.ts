import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction, systemMeta } from "../../platform";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { createAccount, findUserSummaries } from "./index";
import {
  PASSWORD,
  buildCreditCode,
  buildIdNumber,
  buildOrganisationRegistration,
  buildPersonRegistration,
  buildPhone,
  registerPerson,
} from "./identity.test-support";

interface ErrorBody {
  error: string;
  message: string;
  details: Array<{ path?: string; code: string }>;
  requestId: string;
}
interface MeBody {
  id: string;
  kind: string;
  name: string;
  phone: string;
  email: string | null;
  idNumberMasked: string | null;
  creditCode: string | null;
  verificationStatus: string;
  isLawyer: boolean;
  lawyerLicenceNumber: string | null;
  lawFirm: string | null;
  locale: string;
  totpEnabled: boolean;
  needsSecondFactor: boolean;
  memberships: unknown[];
}

async function countUsers(app: TestApp): Promise<number> {
  const row = await app.context.db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

function setCookies(headers: Record<string, unknown>): string[] {
  const value = headers["set-cookie"];
  return Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
}

describe.each(testDatabaseKinds())("identity accounts on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => {
    await app.close();
  });

  describe("registration", () => {
    it("registers a natural person, signs them in and sets both cookies", async () => {
      const client = new TestClient(app);
      const body = buildPersonRegistration({
        email: "Zhang.San@Example.COM",
        idNumber: "11010519491231002x",
      });
      const response = await client.post<{ user: MeBody }>("/api/auth/register", body);
      expect(response.status).toBe(201);
      expect(response.body.user).toMatchObject({
        kind: "person",
        name: "张三",
        phone: body.phone,
        email: "Zhang.San@example.com",
        idNumberMasked: "1101**********002X",
        creditCode: null,
        verificationStatus: "unverified",
        isLawyer: false,
        locale: "zh-CN",
        totpEnabled: false,
        needsSecondFactor: false,
        memberships: [],
      });
      const cookies = setCookies(response.headers);
      const session = cookies.find((c) => c.startsWith("nc_session="));
      const csrf = cookies.find((c) => c.startsWith("nc_csrf="));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).toMatch(/Path=\//);
      expect(session).not.toMatch(/Secure/);
      expect(csrf).not.toMatch(/HttpOnly/);
      expect(csrf).toMatch(/SameSite=Strict/);
      const me = await client.get<MeBody>("/api/me");
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(response.body.user.id);
      expect(await auditActions(app, response.body.user.id)).toEqual(["identity.account_registered"]);
      const stored = await app.context.db
        .selectFrom("users")
        .select(["password_hash", "id_number"])
        .where("id", "=", me.body.id)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(stored.id_number).toBe("11010519491231002X");
    });

    it("registers an organisation with its credit code and legal representative", async () => {
      const client = new TestClient(app);
      const body = buildOrganisationRegistration({ creditCode: "91350100m000100y43" });
      const response = await client.post<{ user: MeBody }>("/api/auth/register", body);
      expect(response.status).toBe(201);
      expect(response.body.user).toMatchObject({
        kind: "organisation",
        creditCode: "91350100M000100Y43",
        idNumberMasked: null,
      });
    });

    it.each([
      {
        field: "idNumber",
        value: "110105194912310021",
        error: "id_number_invalid",
        reason: "check_digit_mismatch",
      },
      { field: "idNumber", value: "11010519491231002", error: "id_number_invalid", reason: "wrong_length" },
      {
        field: "idNumber",
        value: "110105194902300021",
        error: "id_number_invalid",
        reason: "invalid_birth_date",
      },
      { field: "phone", value: "12812345678", error: "phone_invalid", reason: "invalid_prefix" },
      { field: "email", value: "zhang@example", error: "email_invalid", reason: "invalid_domain" },
      { field: "password", value: "short1", error: "password_too_weak", reason: "too_short" },
      {
        field: "password",
        value: "onlyletters",
        error: "password_too_weak",
        reason: "needs_letter_and_digit",
      },
      {
        field: "password",
        value: "12345678901",
        error: "password_too_weak",
        reason: "needs_letter_and_digit",
      },
    ])(
      "refuses a person with $field $value ($reason) and writes nothing",
      async ({ field, value, error, reason }) => {
        const before = await countUsers(app);
        const response = await new TestClient(app).post<ErrorBody>(
          "/api/auth/register",
          buildPersonRegistration({ [field]: value }),
        );
        expect(response.status).toBe(400);
        expect(response.body.error).toBe(error);
        expect(response.body.details).toContainEqual(expect.objectContaining({ path: field, code: reason }));
        expect(response.body.requestId).toEqual(expect.any(String));
        expect(setCookies(response.headers)).toEqual([]);
        expect(await countUsers(app)).toBe(before);
      },
    );

    it("refuses a password that contains the phone number", async () => {
      const phone = buildPhone();
      const response = await new TestClient(app).post<ErrorBody>(
        "/api/auth/register",
        buildPersonRegistration({ phone, password: `a${phone}` }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("password_too_weak");
      expect(response.body.details).toContainEqual(expect.objectContaining({ code: "contains_phone" }));
    });

    it.each([
      { value: "91350100M000100Y44", reason: "check_character_mismatch" },
      { value: "91350100M000100Y53", reason: "organisation_code_check_mismatch" },
      { value: "9135010OM000100Y43", reason: "invalid_characters" },
    ])("refuses an organisation with credit code $value ($reason)", async ({ value, reason }) => {
      const response = await new TestClient(app).post<ErrorBody>(
        "/api/auth/register",
        buildOrganisationRegistration({ creditCode: value }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("credit_code_invalid");
      expect(response.body.details[0]).toMatchObject({ path: "creditCode", code: reason });
    });

    it("lists every invalid field at once", async () => {
      const response = await new TestClient(app).post<ErrorBody>(
        "/api/auth/register",
        buildPersonRegistration({ idNumber: "110105194912310021", phone: "123", password: "x" }),
      );
      expect(response.status).toBe(400);
      expect(response.body.details.map((d) => d.path)).toEqual(
        expect.arrayContaining(["idNumber", "phone", "password"]),
      );
    });

    it("answers each duplicate identifier with its own conflict code", async () => {
      const first = buildPersonRegistration({ email: "dup@example.com" });
      expect((await new TestClient(app).post("/api/auth/register", first)).status).toBe(201);
      const cases: Array<{ body: Record<string, unknown>; error: string }> = [
        { body: buildPersonRegistration({ phone: first.phone }), error: "phone_taken" },
        { body: buildPersonRegistration({ email: "DUP@example.com" }), error: "email_taken" },
        { body: buildPersonRegistration({ idNumber: first.idNumber }), error: "id_number_taken" },
      ];
      const org = buildOrganisationRegistration();
      expect((await new TestClient(app).post("/api/auth/register", org)).status).toBe(201);
      cases.push({
        body: buildOrganisationRegistration({ creditCode: org.creditCode }),
        error: "credit_code_taken",
      });
      for (const { body, error } of cases) {
        const before = await countUsers(app);
        const response = await new TestClient(app).post<ErrorBody>("/api/auth/register", body);
        expect(response.status).toBe(409);
        expect(response.body.error).toBe(error);
        expect(await countUsers(app)).toBe(before);
      }
    });

    it("refuses unknown fields, a missing kind and malformed JSON with 400", async () => {
      const client = new TestClient(app);
      const unknown = await client.post<ErrorBody>("/api/auth/register", {
        ...buildPersonRegistration(),
        isAdmin: true,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toBe("validation_failed");
      const noKind = await client.post<ErrorBody>("/api/auth/register", { name: "x", phone: buildPhone() });
      expect(noKind.status).toBe(400);
      expect(noKind.body.error).toBe("validation_failed");
      const malformed = await client.request<ErrorBody>("POST", "/api/auth/register", {
        payload: '{"kind": "person",',
        headers: { "content-type": "application/json" },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toBe("malformed_json");
    });

    it("marks cookies Secure when the deployment says so", async () => {
      const secureApp = await createTestApp(kind, { env: { COOKIE_SECURE: "true" } });
      try {
        const response = await new TestClient(secureApp).post(
          "/api/auth/register",
          buildPersonRegistration(),
        );
        expect(response.status).toBe(201);
        for (const cookie of setCookies(response.headers)) expect(cookie).toMatch(/; Secure/);
      } finally {
        await secureApp.close();
      }
    });
  });

  describe("sign-in", () => {
    it("signs in with the phone number or the e-mail address in any case", async () => {
      const account = await registerPerson(new TestClient(app), { email: "login.test@example.com" });
      const byPhone = await new TestClient(app).post<{ user: MeBody }>("/api/auth/login", {
        login: `+86 ${account.phone}`,
        password: PASSWORD,
      });
      expect(byPhone.status).toBe(200);
      expect(byPhone.body.user).toMatchObject({ id: account.id, needsSecondFactor: false });
      const byEmail = new TestClient(app);
      const response = await byEmail.post("/api/auth/login", {
        login: "LOGIN.test@example.com",
        password: PASSWORD,
      });
      expect(response.status).toBe(200);
      expect((await byEmail.get<MeBody>("/api/me")).body.id).toBe(account.id);
    });

    it("answers a wrong password and an unknown account alike, audits both without the password", async () => {
      const account = await registerPerson(new TestClient(app));
      const wrong = await new TestClient(app).post<ErrorBody>("/api/auth/login", {
        login: account.phone,
        password: "wrongpass123",
      });
      const unknown = await new TestClient(app).post<ErrorBody>("/api/auth/login", {
        login: "13900000000",
        password: "wrongpass123",
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error).toBe("invalid_credentials");
      expect(unknown.body.error).toBe("invalid_credentials");
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(setCookies(wrong.headers)).toEqual([]);
      const events = await app.context.db
        .selectFrom("audit_events")
        .select(["action", "data"])
        .where("action", "=", "identity.sign_in_failed")
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(events)).not.toContain("wrongpass123");
    });

    it("locks an account after five failures with 429 and Retry-After, and lets it in after the lock", async () => {
      const account = await registerPerson(new TestClient(app));
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await new TestClient(app).post("/api/auth/login", {
          login: account.phone,
          password: `wrong${attempt}pass`,
        });
        expect(response.status).toBe(401);
      }
      const locked = await new TestClient(app).post<ErrorBody>("/api/auth/login", {
        login: account.phone,
        password: PASSWORD,
      });
      expect(locked.status).toBe(429);
      expect(locked.body.error).toBe("rate_limited");
      expect(Number(locked.headers["retry-after"])).toBe(15 * 60);
      app.clock.advance(14 * 60_000);
      expect(
        (await new TestClient(app).post("/api/auth/login", { login: account.phone, password: PASSWORD }))
          .status,
      ).toBe(429);
      app.clock.advance(60_000 + 1000);
      const unlocked = await new TestClient(app).post("/api/auth/login", {
        login: account.phone,
        password: PASSWORD,
      });
      expect(unlocked.status).toBe(200);
    });

    it("refuses unknown fields on sign-in", async () => {
      const response = await new TestClient(app).post<ErrorBody>("/api/auth/login", {
        login: "13900000000",
        password: "x",
        remember: true,
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("validation_failed");
    });
  });

  describe("session", () => {
    it("signs out: revokes the session, clears both cookies and forgets the token", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const token = client.cookies.get("nc_session")!;
      const response = await client.post("/api/auth/logout");
      expect(response.status).toBe(204);
      const cleared = setCookies(response.headers);
      expect(cleared.find((c) => c.startsWith("nc_session="))).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(cleared.find((c) => c.startsWith("nc_csrf="))).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(client.cookies.size).toBe(0);
      expect((await client.get("/api/me")).status).toBe(401);
      const replay = await app.http.inject({ method: "GET", url: "/api/me", cookies: { nc_session: token } });
      expect(replay.statusCode).toBe(401);
      expect(await auditActions(app, account.id)).toContain("identity.signed_out");
    });

    it("requires the CSRF header on state-changing requests with a session", async () => {
      const client = new TestClient(app);
      await registerPerson(client);
      const missing = await client.request<ErrorBody>("PATCH", "/api/me", {
        body: { locale: "en" },
        headers: { "x-csrf-token": "" },
      });
      expect(missing.status).toBe(403);
      expect(missing.body.error).toBe("csrf_token_invalid");
      const wrong = await client.request<ErrorBody>("POST", "/api/auth/logout", {
        body: {},
        headers: { "x-csrf-token": "not-the-token" },
      });
      expect(wrong.status).toBe(403);
      const me = await client.get<MeBody>("/api/me");
      expect(me.status).toBe(200);
      expect(me.body.locale).toBe("zh-CN");
    });

    it.each([
      { method: "GET", url: "/api/me" },
      { method: "PATCH", url: "/api/me" },
      { method: "POST", url: "/api/me/password" },
      { method: "POST", url: "/api/auth/totp/setup" },
      { method: "POST", url: "/api/auth/totp/verify" },
      { method: "GET", url: "/api/me/verification" },
      { method: "POST", url: "/api/me/verification" },
      { method: "GET", url: "/api/identity/verifications" },
    ] as const)("answers $method $url without a session with 401", async ({ method, url }) => {
      const body =
        url === "/api/me/password"
          ? { currentPassword: "a", newPassword: "b" }
          : url === "/api/auth/totp/verify"
            ? { code: "123456" }
            : url === "/api/me/verification"
              ? { method: "external" }
              : {};
      const response = await new TestClient(app).request<ErrorBody>(
        method,
        url,
        method === "GET" ? {} : { body },
      );
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("authentication_required");
    });
  });

  describe("profile and password", () => {
    it("records a lawyer licence and law firm and changes e-mail and language", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const response = await client.patch<MeBody>("/api/me", {
        lawyerLicenceNumber: "13301200910123456",
        lawFirm: "浙江某某律师事务所",
        email: "lawyer@example.com",
        locale: "en",
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        isLawyer: true,
        lawyerLicenceNumber: "13301200910123456",
        lawFirm: "浙江某某律师事务所",
        email: "lawyer@example.com",
        locale: "en",
      });
      expect(await auditActions(app, account.id)).toContain("identity.profile_updated");
      const cleared = await client.patch<MeBody>("/api/me", { lawyerLicenceNumber: null, email: null });
      expect(cleared.body).toMatchObject({ isLawyer: false, lawyerLicenceNumber: null, email: null });
    });

    it("refuses a malformed licence, a licence on an organisation, a taken e-mail and unknown fields", async () => {
      const person = new TestClient(app);
      await registerPerson(person, { email: "taken@example.com" });
      const other = new TestClient(app);
      await registerPerson(other);
      const badLicence = await other.patch<ErrorBody>("/api/me", { lawyerLicenceNumber: "1234" });
      expect(badLicence.status).toBe(400);
      expect(badLicence.body.error).toBe("lawyer_licence_invalid");
      const taken = await other.patch<ErrorBody>("/api/me", { email: "Taken@example.com" });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe("email_taken");
      const unknown = await other.patch<ErrorBody>("/api/me", { name: "李四" });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toBe("validation_failed");
      const organisation = new TestClient(app);
      expect((await organisation.post("/api/auth/register", buildOrganisationRegistration())).status).toBe(
        201,
      );
      const orgLicence = await organisation.patch<ErrorBody>("/api/me", {
        lawyerLicenceNumber: "13301200910123456",
      });
      expect(orgLicence.status).toBe(400);
      expect(orgLicence.body.error).toBe("lawyer_must_be_person");
    });

    it("changes the password and ends the account's other sessions only", async () => {
      const first = new TestClient(app);
      const account = await registerPerson(first);
      const second = new TestClient(app);
      expect(
        (await second.post("/api/auth/login", { login: account.phone, password: PASSWORD })).status,
      ).toBe(200);
      const stranger = new TestClient(app);
      await registerPerson(stranger);

      const changed = await first.post("/api/me/password", {
        currentPassword: PASSWORD,
        newPassword: "newSecret2027",
      });
      expect(changed.status).toBe(204);
      expect((await first.get("/api/me")).status).toBe(200);
      expect((await second.get("/api/me")).status).toBe(401);
      expect((await stranger.get("/api/me")).status).toBe(200);
      const old = await new TestClient(app).post("/api/auth/login", {
        login: account.phone,
        password: PASSWORD,
      });
      expect(old.status).toBe(401);
      const fresh = await new TestClient(app).post("/api/auth/login", {
        login: account.phone,
        password: "newSecret2027",
      });
      expect(fresh.status).toBe(200);
      expect(await auditActions(app, account.id)).toContain("identity.password_changed");
    });

    it("refuses a wrong current password and a weak new one", async () => {
      const client = new TestClient(app);
      const account = await registerPerson(client);
      const wrong = await client.post<ErrorBody>("/api/me/password", {
        currentPassword: "notmypass1",
        newPassword: "newSecret2027",
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toBe("current_password_incorrect");
      const weak = await client.post<ErrorBody>("/api/me/password", {
        currentPassword: PASSWORD,
        newPassword: account.phone,
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error).toBe("password_too_weak");
      expect(weak.body.details.map((d) => d.code)).toContain("contains_phone");
    });
  });

  describe("module API", () => {
    it("creates an account for the seed with a pre-set TOTP secret and a verified status", async () => {
      const phone = buildPhone();
      const { userId } = await inTransaction(app.context.db, (trx) =>
        createAccount(
          trx,
          systemMeta("seed", app.clock.now()),
          {
            kind: "person",
            name: "演示法官",
            idNumber: buildIdNumber("19800101"),
            phone,
            password: "demoJudge2026",
            totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
            isVerified: true,
          },
          { totpSecrets: app.context.totpSecrets },
        ),
      );
      const row = await app.context.db
        .selectFrom("users")
        .select(["totp_secret", "totp_enabled_at", "verification_status", "verified_at"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ verification_status: "verified" });
      expect(row.totp_secret).not.toContain("JBSWY3DP");
      expect(app.context.totpSecrets.open(row.totp_secret!, userId)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
      expect(row.totp_enabled_at).toEqual(app.clock.now());
      expect(await auditActions(app, userId)).toEqual(["identity.account_created"]);
    });

    it("refuses a seed account with an invalid credit code or a short TOTP secret", async () => {
      const meta = systemMeta("seed", app.clock.now());
      await expect(
        inTransaction(app.context.db, (trx) =>
          createAccount(trx, meta, {
            kind: "organisation",
            name: "某公司",
            creditCode: "91350100M000100Y44",
            organisationKind: "legal_person",
            legalRepresentative: "赵六",
            phone: buildPhone(),
            password: PASSWORD,
          }),
        ),
      ).rejects.toMatchObject({ code: "credit_code_invalid" });
      await expect(
        inTransaction(app.context.db, (trx) =>
          createAccount(trx, meta, {
            kind: "organisation",
            name: "某公司",
            creditCode: buildCreditCode(),
            organisationKind: "legal_person",
            legalRepresentative: "赵六",
            phone: buildPhone(),
            password: PASSWORD,
            totpSecret: "JBSWY3DP",
          }),
        ),
      ).rejects.toMatchObject({ code: "validation_failed" });
    });

    it("summarises accounts by id for other contexts and skips unknown ids", async () => {
      const a = await registerPerson(new TestClient(app), { name: "甲" });
      const b = await registerPerson(new TestClient(app), { name: "乙" });
      const summaries = await findUserSummaries(app.context.db, [
        a.id,
        b.id,
        "00000000-0000-0000-0000-000000000000",
        "not-a-uuid",
      ]);
      expect(summaries.sort((x, y) => x.name.localeCompare(y.name, "zh"))).toEqual(
        [
          { id: a.id, name: "甲", kind: "person" },
          { id: b.id, name: "乙", kind: "person" },
        ].sort((x, y) => x.name.localeCompare(y.name, "zh")),
      );
      expect(await findUserSummaries(app.context.db, [])).toEqual([]);
    });
  });
});
