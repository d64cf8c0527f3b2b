import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import {
  PASSWORD,
  addMembership,
  buildIdNumber,
  buildPhone,
  createCourt,
  createStaffAccount,
  currentCode,
  registerPerson,
  signInWithTotp,
} from "./admin.test-support";

interface ErrorBody {
  error: string;
  details: Array<{ path?: string; code: string }>;
}
interface Issued {
  userId: string;
  url: string;
  expiresAt: string;
}
interface InvitationView {
  nameMasked: string;
  phoneMasked: string;
  courtNameZh: string;
  roles: string[];
  totp: { secret: string; otpauthUrl: string };
}
interface MeBody {
  needsSecondFactor: boolean;
  totpEnabled: boolean;
  memberships: Array<{ courtId: string; role: string }>;
}

const NEW_PASSWORD = "judge2026secure";

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

/** A court with a signed-in administrator (TOTP passed). */
async function courtWithAdmin(app: TestApp) {
  const admin = await createStaffAccount(app, "管理员");
  const court = await createCourt(app);
  await addMembership(app, admin.userId, court.courtId, "court_admin");
  const client = new TestClient(app);
  await signInWithTotp(app, client, admin.phone, admin.password, admin.secret);
  return { ...court, admin, client };
}

function invitee(overrides: Record<string, unknown> = {}) {
  return { role: "judge", name: "李法官甲", idNumber: buildIdNumber(), phone: buildPhone(), ...overrides };
}

describe.each(testDatabaseKinds())("court administration on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind, { env: { PUBLIC_URL: "https://court.example" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("invites a judge who sets a password and enrols TOTP together through the link, once", async () => {
    const { courtId, client } = await courtWithAdmin(app);
    const body = invitee({ titleZh: "审判员" });
    const invited = await client.post<Issued>(`/api/admin/courts/${courtId}/staff`, body);
    expect(invited.status).toBe(201);
    expect(invited.body.url).toMatch(/^https:\/\/court\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invited.body.url);

    // The link is stored only as its hash; nothing else lets the account in.
    const stored = await app.context.db.selectFrom("invitations").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await app.context.db.selectFrom("audit_events").select("data").execute();
    expect(JSON.stringify(audit)).not.toContain(token);
    const stranger = new TestClient(app);
    const early = await stranger.post<ErrorBody>("/api/auth/login", {
      login: body.phone,
      password: PASSWORD,
    });
    expect(early.body.error).toBe("invalid_credentials");

    const holder = new TestClient(app);
    const view = await holder.get<InvitationView>(`/api/invitations/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      nameMasked: "李***",
      phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(7)}`,
      courtNameZh: "杭州互联网法院",
      roles: ["judge"],
    });
    expect(JSON.stringify(view.body)).not.toContain(body.idNumber);
    expect(view.body.totp.otpauthUrl).toContain(`secret=${view.body.totp.secret}`);
    const atRest = await app.context.db
      .selectFrom("users")
      .select("totp_secret")
      .where("id", "=", invited.body.userId)
      .executeTakeFirstOrThrow();
    expect(atRest.totp_secret).not.toContain(view.body.totp.secret);

    const weak = await holder.post<ErrorBody>(`/api/invitations/${token}/accept`, {
      password: "short",
      code: currentCode(app, view.body.totp.secret),
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe("password_too_weak");
    const wrongCode = await holder.post<ErrorBody>(`/api/invitations/${token}/accept`, {
      password: NEW_PASSWORD,
      code: currentCode(app, view.body.totp.secret) === "000000" ? "111111" : "000000",
    });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.error).toBe("totp_code_invalid");
    const unchanged = await app.context.db
      .selectFrom("users")
      .select(["totp_enabled_at"])
      .where("id", "=", invited.body.userId)
      .executeTakeFirstOrThrow();
    expect(unchanged.totp_enabled_at).toBeNull();

    const accepted = await holder.post<{ userId: string }>(`/api/invitations/${token}/accept`, {
      password: NEW_PASSWORD,
      code: currentCode(app, view.body.totp.secret),
    });
    expect(accepted.status).toBe(200);
    const me = await holder.get<MeBody>("/api/me");
    expect(me.body).toMatchObject({ needsSecondFactor: false, totpEnabled: true });
    expect(me.body.memberships).toEqual([expect.objectContaining({ courtId, role: "judge" })]);

    const again = await new TestClient(app).post<ErrorBody>(`/api/invitations/${token}/accept`, {
      password: NEW_PASSWORD,
      code: currentCode(app, view.body.totp.secret, 1),
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("invitation_used");
    expect((await new TestClient(app).get<ErrorBody>(`/api/invitations/${token}`)).status).toBe(409);

    // From now on the judge signs in like any staff member: password, then TOTP.
    const later = new TestClient(app);
    await signInWithTotp(app, later, body.phone, NEW_PASSWORD, view.body.totp.secret);
    expect((await later.get<MeBody>("/api/me")).body.memberships).toHaveLength(1);

    const actions = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", invited.body.userId)
      .where("action", "like", "admin.%")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["admin.staff_invited", "admin.invitation_accepted"]);
  });

  it("refuses an expired or unknown link and a malformed invitation", async () => {
    const { courtId, client } = await courtWithAdmin(app);
    const invited = await client.post<Issued>(`/api/admin/courts/${courtId}/staff`, invitee());
    const token = tokenOf(invited.body.url);
    const unknown = await new TestClient(app).get<ErrorBody>(`/api/invitations/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe("invitation_not_found");
    expect((await new TestClient(app).get<ErrorBody>("/api/invitations/short")).status).toBe(400);

    const badInput = await client.post<ErrorBody>(`/api/admin/courts/${courtId}/staff`, {
      ...invitee(),
      idNumber: "110101199001011234",
      role: "judge",
    });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error).toBe("id_number_invalid");
    const badRole = await client.post<ErrorBody>(
      `/api/admin/courts/${courtId}/staff`,
      invitee({ role: "king" }),
    );
    expect(badRole.status).toBe(400);
    expect(badRole.body.error).toBe("validation_failed");

    app.clock.advance(72 * 60 * 60 * 1000 + 1000);
    const expired = await new TestClient(app).get<ErrorBody>(`/api/invitations/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe("invitation_expired");
  });

  it("resets a staff member's second factor: old credentials and sessions stop, a new link works", async () => {
    const { courtId, client } = await courtWithAdmin(app);
    const judge = await createStaffAccount(app, "法官乙");
    await addMembership(app, judge.userId, courtId, "judge");
    const judgeClient = new TestClient(app);
    await signInWithTotp(app, judgeClient, judge.phone, judge.password, judge.secret);

    const reset = await client.post<Issued>(
      `/api/admin/courts/${courtId}/staff/${judge.userId}/reset-second-factor`,
    );
    expect(reset.status).toBe(201);
    expect((await judgeClient.get("/api/me")).status).toBe(401);
    const oldPassword = await new TestClient(app).post<ErrorBody>("/api/auth/login", {
      login: judge.phone,
      password: judge.password,
    });
    expect(oldPassword.body.error).toBe("invalid_credentials");

    const second = await client.post<Issued>(
      `/api/admin/courts/${courtId}/staff/${judge.userId}/reset-second-factor`,
    );
    expect((await new TestClient(app).get(`/api/invitations/${tokenOf(reset.body.url)}`)).status).toBe(404);
    const holder = new TestClient(app);
    const view = await holder.get<InvitationView>(`/api/invitations/${tokenOf(second.body.url)}`);
    expect(view.status).toBe(200);
    app.clock.advance(30_000);
    const accepted = await holder.post(`/api/invitations/${tokenOf(second.body.url)}/accept`, {
      password: NEW_PASSWORD,
      code: currentCode(app, view.body.totp.secret),
    });
    expect(accepted.status).toBe(200);
    expect((await holder.get<MeBody>("/api/me")).body.memberships.map((m) => m.role)).toEqual(["judge"]);
  });

  it("deactivates a staff member, but not oneself, and lists the roster with actions", async () => {
    const { courtId, client, admin } = await courtWithAdmin(app);
    const clerk = await createStaffAccount(app, "书记员丙");
    await addMembership(app, clerk.userId, courtId, "clerk");
    const clerkClient = new TestClient(app);
    await signInWithTotp(app, clerkClient, clerk.phone, clerk.password, clerk.secret);

    const roster = await client.get<{ items: Array<{ userId: string; status: string; actions: string[] }> }>(
      `/api/admin/courts/${courtId}/staff`,
    );
    expect(roster.status).toBe(200);
    expect(roster.body.items.find((m) => m.userId === admin.userId)).toMatchObject({
      status: "active",
      actions: [],
    });
    expect(roster.body.items.find((m) => m.userId === clerk.userId)).toMatchObject({
      status: "active",
      actions: ["deactivate", "reset_second_factor"],
    });

    const self = await client.post<ErrorBody>(
      `/api/admin/courts/${courtId}/staff/${admin.userId}/deactivate`,
    );
    expect(self.status).toBe(409);
    expect(self.body.error).toBe("staff_self_deactivation");
    expect((await client.post(`/api/admin/courts/${courtId}/staff/${clerk.userId}/deactivate`)).status).toBe(
      204,
    );
    expect((await clerkClient.get("/api/me")).status).toBe(401);
    const again = await client.post<ErrorBody>(
      `/api/admin/courts/${courtId}/staff/${clerk.userId}/deactivate`,
    );
    expect(again.body.error).toBe("staff_not_found");
    const after = await client.get<{ items: Array<{ userId: string; status: string }> }>(
      `/api/admin/courts/${courtId}/staff`,
    );
    expect(after.body.items.find((m) => m.userId === clerk.userId)?.status).toBe("deactivated");
  });

  it("adds a division, refusing a duplicate code and an unknown kind", async () => {
    const { courtId, client } = await courtWithAdmin(app);
    const added = await client.post<{ id: string }>(`/api/admin/courts/${courtId}/divisions`, {
      code: "MS3",
      nameZh: "民事审判第三庭",
      nameEn: "Third Civil Division",
      kind: "civil",
    });
    expect(added.status).toBe(201);
    const duplicate = await client.post<ErrorBody>(`/api/admin/courts/${courtId}/divisions`, {
      code: "MS3",
      nameZh: "重复",
      nameEn: "Duplicate",
      kind: "civil",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe("court_code_taken");
    const badKind = await client.post<ErrorBody>(`/api/admin/courts/${courtId}/divisions`, {
      code: "X1",
      nameZh: "某庭",
      nameEn: "Some",
      kind: "naval",
    });
    expect(badKind.status).toBe(400);
    const court = await client.get<{ divisions: Array<{ code: string }> }>(`/api/admin/courts/${courtId}`);
    expect(court.body.divisions.map((d) => d.code)).toEqual(["MS3"]);
    const invited = await client.post<Issued>(
      `/api/admin/courts/${courtId}/staff`,
      invitee({ divisionId: added.body.id }),
    );
    expect(invited.status).toBe(201);
  });

  it("lets only the court's own administrator with a second factor use the admin routes", async () => {
    const home = await courtWithAdmin(app);
    const other = await courtWithAdmin(app);
    const member = await createStaffAccount(app, "法官丁");
    await addMembership(app, member.userId, home.courtId, "judge");
    const target = await createStaffAccount(app, "调解员");
    await addMembership(app, target.userId, home.courtId, "mediator");

    const judge = new TestClient(app);
    await signInWithTotp(app, judge, member.phone, member.password, member.secret);
    const litigant = new TestClient(app);
    await registerPerson(litigant);
    const anonymous = new TestClient(app);
    const passwordOnly = new TestClient(app);
    await passwordOnly.post("/api/auth/login", { login: home.admin.phone, password: home.admin.password });

    const base = `/api/admin/courts/${home.courtId}`;
    const endpoints: Array<{ method: "GET" | "POST"; url: string; body?: unknown; ok: number }> = [
      { method: "GET", url: base, ok: 200 },
      { method: "GET", url: `${base}/staff`, ok: 200 },
      {
        method: "POST",
        url: `${base}/divisions`,
        body: { code: "ZX9", nameZh: "执行局", nameEn: "Enforcement", kind: "enforcement" },
        ok: 201,
      },
      { method: "POST", url: `${base}/staff`, body: invitee(), ok: 201 },
      { method: "POST", url: `${base}/staff/${target.userId}/reset-second-factor`, ok: 201 },
      { method: "POST", url: `${base}/staff/${target.userId}/deactivate`, ok: 204 },
    ];
    const actors: Array<[string, TestClient, number | "ok"]> = [
      ["anonymous", anonymous, 401],
      ["administrator without TOTP", passwordOnly, 401],
      ["litigant", litigant, 403],
      ["judge of the court", judge, 403],
      ["administrator of another court", other.client, 404],
      ["administrator of the court", home.client, "ok"],
    ];
    for (const endpoint of endpoints) {
      for (const [label, client, expected] of actors) {
        const response =
          endpoint.method === "GET"
            ? await client.get(endpoint.url)
            : await client.post(
                endpoint.url,
                endpoint.method === "POST" && endpoint.url.endsWith("/staff") ? invitee() : endpoint.body,
              );
        expect({ label, url: endpoint.url, status: response.status }).toEqual({
          label,
          url: endpoint.url,
          status: expected === "ok" ? endpoint.ok : expected,
        });
      }
    }
  });
});
