// Factories for identity tests: valid ID numbers and credit codes, accounts, staff, images.
import { deflateSync } from "node:zlib";
import { expect } from "vitest";
import { inTransaction, systemMeta } from "../../platform";
import type { TestApp, TestClient } from "../../testing/test-app";
import { createAccount, type CreateAccountInput } from "./commands/create-account";
import {
  creditCodeCheckCharacter,
  organisationCodeCheckCharacter,
  residentIdCheckCharacter,
} from "@netcourt/shared/identity-checks";
import { decodeBase32, generateTotpSecret, totpCode } from "./totp";

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** A valid resident ID number (GB 11643) for a person born in Hangzhou on the given date. */
export function buildIdNumber(birth = "19900307", serial = next() % 1000): string {
  const first17 = `330106${birth}${String(serial).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A valid unified social credit code (GB 32100) of a Hangzhou enterprise. */
export function buildCreditCode(serial = next()): string {
  const body8 = `MA${String(serial).padStart(6, "0")}`;
  const first17 = `91330106${body8}${organisationCodeCheckCharacter(body8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A mobile number not used by another factory call in this process. */
export function buildPhone(): string {
  return `139${String(next()).padStart(8, "0")}`;
}

export const PASSWORD = "court2026pass";

export function buildPersonRegistration(overrides: Record<string, unknown> = {}) {
  return {
    kind: "person",
    name: "张三",
    idNumber: buildIdNumber(),
    phone: buildPhone(),
    password: PASSWORD,
    ...overrides,
  };
}

export function buildOrganisationRegistration(overrides: Record<string, unknown> = {}) {
  return {
    kind: "organisation",
    name: "杭州某某网络科技有限公司",
    creditCode: buildCreditCode(),
    organisationKind: "legal_person",
    legalRepresentative: "李四",
    phone: buildPhone(),
    password: PASSWORD,
    ...overrides,
  };
}

/** Registers a person through the API with a fresh client; returns the client and the account. */
export async function registerPerson(
  client: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; phone: string; idNumber: string }> {
  const body = buildPersonRegistration(overrides);
  const response = await client.post<{ user: { id: string } }>("/api/auth/register", body);
  expect(response.status).toBe(201);
  return { id: response.body.user.id, phone: body.phone, idNumber: body.idNumber };
}

/** Creates an account directly (as the seed does). */
export async function createTestAccount(app: TestApp, input: Partial<CreateAccountInput> = {}) {
  const full = {
    kind: "person",
    name: "王法官",
    idNumber: buildIdNumber(),
    phone: buildPhone(),
    password: PASSWORD,
    ...input,
  } as CreateAccountInput;
  const { userId } = await inTransaction(app.context.db, (trx) =>
    createAccount(trx, systemMeta("test", app.clock.now()), full, { totpSecrets: app.context.totpSecrets }),
  );
  return { userId, phone: full.phone, password: full.password };
}

let courtSequence = 0;

/** Inserts a court (under a supreme court) and makes the user staff there with the role. */
export async function makeStaff(
  app: TestApp,
  userId: string,
  role: "judge" | "clerk" | "mediator" | "enforcement_officer" | "court_admin",
): Promise<{ courtId: string; code: string }> {
  courtSequence += 1;
  const db = app.context.db;
  const now = app.clock.now();
  const supreme = await db
    .insertInto("courts")
    .values({
      code: `最高${courtSequence}`,
      name_zh: "最高人民法院",
      name_en: "Supreme People's Court",
      level: "supreme",
      parent_id: null,
      province_zh: null,
      province_en: null,
      small_claims_limit_fen: null,
      small_claims_basis: null,
      address_zh: null,
      phone: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const code = `浙01${90 + courtSequence}`;
  const court = await db
    .insertInto("courts")
    .values({
      code,
      name_zh: "杭州互联网法院",
      name_en: "Hangzhou Internet Court",
      level: "basic",
      is_internet_court: true,
      parent_id: supreme.id,
      province_zh: "浙江省",
      province_en: "Zhejiang",
      small_claims_limit_fen: null,
      small_claims_basis: null,
      address_zh: null,
      phone: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("court_staff")
    .values({
      user_id: userId,
      court_id: court.id,
      role,
      division_id: null,
      title_zh: null,
      title_en: null,
      created_at: now,
    })
    .execute();
  return { courtId: court.id, code };
}

/** The current TOTP code of a base32 secret at the app's clock. */
export function currentCode(app: TestApp, secret: string, offsetSteps = 0): string {
  return totpCode(decodeBase32(secret)!, new Date(app.clock.now().getTime() + offsetSteps * 30_000));
}

/**
 * Enrols TOTP for an account straight in the database, as an accepted invitation leaves it (staff may
 * not enrol from a session). Returns the clear secret.
 */
export async function enrolTotpDirectly(
  app: TestApp,
  userId: string,
  secret: string = generateTotpSecret(),
): Promise<string> {
  await app.context.db
    .updateTable("users")
    .set({
      totp_secret: app.context.totpSecrets.seal(secret, userId),
      totp_enabled_at: app.clock.now(),
      totp_last_step: null,
    })
    .where("id", "=", userId)
    .execute();
  return secret;
}

/** Signs a staff member in completely: password, TOTP enrolled directly if needed, TOTP code. */
export async function signInWithTotp(
  app: TestApp,
  client: TestClient,
  login: string,
  password: string,
  knownSecret?: string,
): Promise<string> {
  const signedIn = await client.post<{ user: { id: string; totpEnabled: boolean } }>("/api/auth/login", {
    login,
    password,
  });
  expect(signedIn.status).toBe(200);
  let secret = knownSecret;
  if (!secret) {
    expect(signedIn.body.user.totpEnabled).toBe(false);
    secret = await enrolTotpDirectly(app, signedIn.body.user.id);
  }
  // Each sign-in uses a fresh step, so a code is never refused as a replay of the previous one.
  app.clock.advance(30_000);
  const verified = await client.post("/api/auth/totp/verify", { code: currentCode(app, secret) });
  expect(verified.status).toBe(200);
  return secret;
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG whose pixel colour varies with `seed` (so two images differ in hash). */
export function buildPng(seed = next()): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type RGB
  const pixel = Buffer.from([0, seed & 0xff, (seed >> 8) & 0xff, 0x80]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(pixel)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG (enough for content sniffing). */
export function buildJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, next() & 0xff, 0xff, 0xd9]),
  ]);
}
