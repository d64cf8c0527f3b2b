import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemMeta } from "../../platform";
import { createTestApp, TestClient, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { resealTotpSecrets } from "./commands/reseal-totp-secrets";
import { createTestAccount, currentCode, makeStaff } from "./identity.test-support";
import { GENERATED_KEY_FILE, TotpSecretBox, parseTotpKeys } from "./totp-secrets";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe.each(testDatabaseKinds())("TOTP secrets at rest on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => {
    await app.close();
  });

  async function storedSecret(userId: string): Promise<string> {
    const row = await app.context.db
      .selectFrom("users")
      .select("totp_secret")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    return row.totp_secret!;
  }

  it("seals the clear secrets an older version left, and then refuses any clear secret", async () => {
    const staff = await createTestAccount(app);
    // A database from before encryption at rest: the constraint did not exist when the row was written.
    await app.context.database.exec("alter table users drop constraint users_totp_secret_sealed");
    await app.context.db
      .updateTable("users")
      .set({ totp_secret: SECRET, totp_enabled_at: app.clock.now() })
      .where("id", "=", staff.userId)
      .execute();
    await app.context.database.exec(
      "alter table users add constraint users_totp_secret_sealed check (totp_secret is null or totp_secret like 'v1.%') not valid",
    );

    const result = await resealTotpSecrets(
      app.context.db,
      app.context.totpSecrets,
      systemMeta("test", app.clock.now()),
      {
        onlyClear: true,
      },
    );
    expect(result).toEqual({ sealedClear: 1, reencrypted: 0 });
    expect(await storedSecret(staff.userId)).not.toContain(SECRET);
    await expect(
      app.context.db
        .updateTable("users")
        .set({ totp_secret: SECRET })
        .where("id", "=", staff.userId)
        .execute(),
    ).rejects.toThrow(/users_totp_secret_sealed/);

    await makeStaff(app, staff.userId, "judge");
    const client = new TestClient(app);
    await client.post("/api/auth/login", { login: staff.phone, password: staff.password });
    app.clock.advance(30_000);
    expect((await client.post("/api/auth/totp/verify", { code: currentCode(app, SECRET) })).status).toBe(200);
  });

  it("re-encrypts every secret under a new key; the old key alone then opens none", async () => {
    const staff = await createTestAccount(app, { totpSecret: SECRET });
    const oldBox = app.context.totpSecrets;
    const newKey = randomBytes(32);
    const rotating = new TotpSecretBox([newKey]);
    // Without the old key the envelopes cannot be opened: the rotation refuses rather than loses them.
    await expect(
      resealTotpSecrets(app.context.db, rotating, systemMeta("test", app.clock.now()), { onlyClear: false }),
    ).rejects.toMatchObject({ code: "totp_key_unavailable" });

    // The test app keeps its generated key in its data folder, as a development server does.
    const oldKeys = parseTotpKeys(await fs.readFile(path.join(app.dataDir, GENERATED_KEY_FILE), "utf8"));
    const withOld = new TotpSecretBox([newKey, ...oldKeys]);
    const result = await resealTotpSecrets(app.context.db, withOld, systemMeta("test", app.clock.now()), {
      onlyClear: false,
    });
    expect(result.reencrypted).toBeGreaterThanOrEqual(1);
    const envelope = await storedSecret(staff.userId);
    expect(TotpSecretBox.keyIdOf(envelope)).toBe(rotating.currentKeyId);
    expect(rotating.open(envelope, staff.userId)).toBe(SECRET);
    expect(() => oldBox.open(envelope, staff.userId)).toThrow();
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select(["action", "data"])
      .where("action", "=", "identity.totp_secrets_resealed")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });
});
