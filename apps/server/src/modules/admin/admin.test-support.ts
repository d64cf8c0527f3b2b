// Factories for court administration tests: accounts, courts and staff, signed in with TOTP.
import { randomInt } from "node:crypto";
import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import { expect } from "vitest";
import { inTransaction, systemMeta, type StaffRole } from "../../platform";
import type { TestApp, TestClient } from "../../testing/test-app";
import { createAccount, decodeBase32, totpCode } from "../identity/index";

export const PASSWORD = "court2026pass";
let sequence = randomInt(0, 1_000_000);
const next = () => (sequence += 1);

/** A valid resident ID number (GB 11643) not used by another call in this process. */
export function buildIdNumber(): string {
  const first17 = `330106${1970 + (next() % 30)}0307${String(next() % 1000).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A mobile number not used by another call in this process. */
export function buildPhone(): string {
  return `137${String(next()).padStart(8, "0")}`;
}

/** The current TOTP code of a base32 secret at the app's clock, `offsetSteps` steps away. */
export function currentCode(app: TestApp, secret: string, offsetSteps = 0): string {
  return totpCode(decodeBase32(secret)!, new Date(app.clock.now().getTime() + offsetSteps * 30_000));
}

/** An account with TOTP enrolled (as an accepted invitation leaves it); returns its login and secret. */
export async function createStaffAccount(app: TestApp, name: string) {
  const phone = buildPhone();
  const secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
  const { userId } = await inTransaction(app.context.db, (trx) =>
    createAccount(
      trx,
      systemMeta("test", app.clock.now()),
      { kind: "person", name, idNumber: buildIdNumber(), phone, password: PASSWORD, totpSecret: secret },
      { totpSecrets: app.context.totpSecrets },
    ),
  );
  return { userId, phone, password: PASSWORD, secret };
}

/** A supreme court and an Internet court under it; returns the Internet court. */
export async function createCourt(app: TestApp): Promise<{ courtId: string; code: string }> {
  const n = next();
  const now = app.clock.now();
  const base = {
    province_zh: null,
    province_en: null,
    small_claims_limit_fen: null,
    small_claims_basis: null,
    address_zh: null,
    phone: null,
    created_at: now,
  };
  const supreme = await app.context.db
    .insertInto("courts")
    .values({
      ...base,
      code: `最高${n}`,
      name_zh: "最高人民法院",
      name_en: "Supreme People's Court",
      level: "supreme",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const code = `浙9${n}`;
  const court = await app.context.db
    .insertInto("courts")
    .values({
      ...base,
      code,
      name_zh: "杭州互联网法院",
      name_en: "Hangzhou Internet Court",
      level: "basic",
      is_internet_court: true,
      parent_id: supreme.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { courtId: court.id, code };
}

export async function addMembership(app: TestApp, userId: string, courtId: string, role: StaffRole) {
  await app.context.db
    .insertInto("court_staff")
    .values({
      user_id: userId,
      court_id: courtId,
      role,
      division_id: null,
      title_zh: null,
      title_en: null,
      created_at: app.clock.now(),
    })
    .execute();
}

/** Signs in with password and a fresh TOTP code. */
export async function signInWithTotp(
  app: TestApp,
  client: TestClient,
  login: string,
  password: string,
  secret: string,
) {
  expect((await client.post("/api/auth/login", { login, password })).status).toBe(200);
  app.clock.advance(30_000);
  expect((await client.post("/api/auth/totp/verify", { code: currentCode(app, secret) })).status).toBe(200);
}

/** Registers a litigant through the API. */
export async function registerPerson(client: TestClient) {
  const response = await client.post("/api/auth/register", {
    kind: "person",
    name: "张三",
    idNumber: buildIdNumber(),
    phone: buildPhone(),
    password: PASSWORD,
  });
  expect(response.status).toBe(201);
}
