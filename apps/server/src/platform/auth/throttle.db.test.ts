import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
// Platform behaviour seen through real accounts: the identity factories build them.
// eslint-disable-next-line netcourt/module-boundaries
import { PASSWORD, currentCode, registerPerson } from "../../modules/identity/identity.test-support";
import { loadConfig } from "../config";

interface ErrorBody {
  error: string;
  details: Array<{ code: string; params?: { challenge?: Challenge; retryAfterSeconds?: number } }>;
}

async function solutionHeader(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

function login(
  app: TestApp,
  body: { login: string; password: string },
  headers: Record<string, string> = {},
) {
  return new TestClient(app).post<ErrorBody>("/api/auth/login", body, headers);
}

async function failedSignIns(app: TestApp, userId: string): Promise<number> {
  const rows = await app.context.db
    .selectFrom("audit_events")
    .select("id")
    .where("action", "=", "identity.sign_in_failed")
    .where("subject_id", "=", userId)
    .execute();
  return rows.length;
}

describe("TRUST_PROXY setting", () => {
  it("reads false, true (one hop), hop counts and proxy lists, and refuses anything else", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.5" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.5",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY/);
  });
});

describe.each(testDatabaseKinds())("sign-in throttles on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind, { env: { TRUST_PROXY: "true" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("evaluates at most five of forty parallel wrong passwords for one account", async () => {
    const person = await registerPerson(new TestClient(app));
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(
          app,
          { login: person.phone, password: `wrong${i}pass` },
          { "x-forwarded-for": "198.51.100.40" },
        ),
      ),
    );
    const evaluated = responses.filter((r) => r.status === 401);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(await failedSignIns(app, person.id)).toBe(evaluated.length);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(40 - evaluated.length);
    const right = await login(
      app,
      { login: person.phone, password: PASSWORD },
      { "x-forwarded-for": "198.51.100.41" },
    );
    expect(right.status).toBe(429);
    expect(right.body.error).toBe("rate_limited");
  });

  it("evaluates at most five of forty parallel wrong TOTP codes for one account", async () => {
    const client = new TestClient(app);
    const person = await registerPerson(client);
    const setup = await client.post<{ secret: string }>("/api/auth/totp/setup");
    expect(setup.status).toBe(200);
    const enabled = await client.post("/api/auth/totp/verify", { code: currentCode(app, setup.body.secret) });
    expect(enabled.status).toBe(200);
    // A new session that has passed the password only: guesses at the second factor.
    const guesser = new TestClient(app);
    expect((await guesser.post("/api/auth/login", { login: person.phone, password: PASSWORD })).status).toBe(
      200,
    );
    const right = currentCode(app, setup.body.secret, 1);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        guesser.post<ErrorBody>("/api/auth/totp/verify", {
          code: String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"),
        }),
      ),
    );
    const evaluated = responses.filter((r) => r.status === 400);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(40 - evaluated.length);
    const failures = await app.context.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "identity.second_factor_failed")
      .where("subject_id", "=", person.id)
      .execute();
    expect(failures).toHaveLength(evaluated.length);
  });

  it("evaluates at most thirty of forty parallel unknown progress query codes from one address", async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new TestClient(app).get<ErrorBody>(`/api/public/progress?code=ZZZZ-ZZZZ-${String(1000 + i)}`, {
          "x-forwarded-for": "198.51.100.60",
        }),
      ),
    );
    const evaluated = responses.filter((r) => r.status === 404);
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(30);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(40 - evaluated.length);
  });

  it("sees the address the trusted proxy appended, whatever the client put before it", async () => {
    const person = await registerPerson(new TestClient(app));
    await login(
      app,
      { login: person.phone, password: "wrongpass1" },
      { "x-forwarded-for": "203.0.113.9, 198.51.100.7" },
    );
    const event = await app.context.db
      .selectFrom("audit_events")
      .select("ip")
      .where("action", "=", "identity.sign_in_failed")
      .where("subject_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(event.ip).toBe("198.51.100.7");
  });

  it("asks an address past its limit for a proof of work instead of locking it, and accepts each solution once", async () => {
    const proxyHop = "198.51.100.60";
    const people = await Promise.all(Array.from({ length: 5 }, () => registerPerson(new TestClient(app))));
    // 20 failures from one address, spread over accounts and with a different forged first hop each time.
    for (let i = 0; i < 20; i++) {
      const response = await login(
        app,
        { login: people[i % 4]!.phone, password: `wrong${i}pass` },
        { "x-forwarded-for": `10.9.${i}.1, ${proxyHop}` },
      );
      expect(response.status).toBe(401);
    }
    const someoneElse = people[4]!;
    const asked = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      { "x-forwarded-for": `10.9.99.1, ${proxyHop}` },
    );
    expect(asked.status).toBe(429);
    expect(asked.body.error).toBe("challenge_required");
    expect(asked.body.details[0]?.code).toBe("challenge_missing");
    const challenge = asked.body.details[0]?.params?.challenge;
    expect(challenge?.parameters.algorithm).toBe("PBKDF2/SHA-256");

    const header = await solutionHeader(challenge!);
    const tampered = JSON.parse(Buffer.from(header, "base64").toString()) as {
      solution: { counter: number; derivedKey: string };
    };
    const last = tampered.solution.derivedKey.at(-1) === "0" ? "1" : "0";
    tampered.solution.derivedKey = tampered.solution.derivedKey.slice(0, -1) + last;
    const wrong = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      {
        "x-forwarded-for": proxyHop,
        "x-challenge-solution": Buffer.from(JSON.stringify(tampered)).toString("base64"),
      },
    );
    expect(wrong.status).toBe(429);
    expect(wrong.body.details[0]?.code).toBe("challenge_invalid");
    const garbage = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      { "x-forwarded-for": proxyHop, "x-challenge-solution": "not base64 json" },
    );
    expect(garbage.status).toBe(429);
    expect(garbage.body.details[0]?.code).toBe("challenge_invalid");

    // The person behind the same address gets in with a solved challenge.
    const accepted = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      { "x-forwarded-for": proxyHop, "x-challenge-solution": header },
    );
    expect(accepted.status).toBe(200);
    const replayed = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      { "x-forwarded-for": proxyHop, "x-challenge-solution": header },
    );
    expect(replayed.status).toBe(429);
    expect(replayed.body.details[0]?.code).toBe("challenge_replayed");

    const later = replayed.body.details[0]?.params?.challenge;
    const laterHeader = await solutionHeader(later!);
    app.clock.advance(6 * 60_000);
    const expired = await login(
      app,
      { login: someoneElse.phone, password: PASSWORD },
      { "x-forwarded-for": proxyHop, "x-challenge-solution": laterHeader },
    );
    expect(expired.status).toBe(429);
    expect(expired.body.details[0]?.code).toBe("challenge_expired");
  }, 60_000);

  it("limits anonymous public endpoints per address with 429 rate_limited and Retry-After", async () => {
    const check = (address: string) =>
      new TestClient(app).post<ErrorBody>(
        "/api/laws/check-citations",
        { text: "依据《民法典》第五百七十七条" },
        { "x-forwarded-for": address },
      );
    for (let i = 0; i < 30; i++) expect((await check("198.51.100.80")).status).toBe(200);
    const refused = await check("198.51.100.80");
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe("rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await check("198.51.100.81")).status).toBe(200);
  });

  it("limits registrations per address, whatever the bodies", async () => {
    const register = () =>
      new TestClient(app).post<ErrorBody>("/api/auth/register", {}, { "x-forwarded-for": "198.51.100.90" });
    for (let i = 0; i < 60; i++) expect((await register()).status).toBe(400);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe("rate_limited");
  });
});
