import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database";
import { migrate } from "./migrate";
import { inTransaction } from "./transaction";
import { openTestDatabase, testDatabaseKinds } from "../../testing/test-database";

describe.each(testDatabaseKinds())("change feed on %s", (kind) => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened.reverse()) await database.close();
  });

  it("tells listeners which case changed once the transaction committed, and only then", async () => {
    const database = await openTestDatabase(kind);
    opened.push(database);
    const seen: string[] = [];
    database.changes.subscribe((key) => seen.push(key));
    const court = await database.db
      .insertInto("courts")
      .values({
        code: "浙0192",
        name_zh: "杭州互联网法院",
        name_en: "Hangzhou Internet Court",
        level: "supreme",
        parent_id: null,
        province_zh: null,
        province_en: null,
        small_claims_limit_fen: null,
        small_claims_basis: null,
        address_zh: null,
        phone: null,
        created_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = await database.db
      .insertInto("users")
      .values({
        kind: "person",
        name: "甲",
        id_number: "110105198811201241",
        credit_code: null,
        organisation_kind: null,
        legal_representative: null,
        phone: "13900000001",
        email: null,
        password_hash: "x",
        totp_secret: null,
        totp_enabled_at: null,
        verified_at: null,
        lawyer_licence_number: null,
        law_firm: null,
        created_at: new Date(),
        updated_at: new Date(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const caseId = await inTransaction(database.db, async (trx) => {
      const row = await trx
        .insertInto("cases")
        .values({
          court_id: court.id,
          status: "draft",
          type_code: "民初",
          procedure: null,
          cause_code: null,
          cause_name_zh: null,
          cause_name_en: null,
          title: null,
          filed_by: user.id,
          case_number: null,
          case_year: null,
          case_sequence: null,
          query_code: null,
          fee_fen: null,
          fee_quote: null,
          judge_id: null,
          judge_assignment: null,
          submitted_at: null,
          review_clock_started_at: null,
          review_due_on: null,
          accepted_at: null,
          closed_at: null,
          closure_reason: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(seen).not.toContain(`case:${row.id}`);
      return row.id;
    });
    // inTransaction returns only after its own notifications came back.
    expect(seen).toContain(`case:${caseId}`);
    await expect(
      inTransaction(database.db, async (trx) => {
        await trx.updateTable("cases").set({ title: "rolled back" }).where("id", "=", caseId).execute();
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(seen.filter((k) => k === `case:${caseId}`)).toHaveLength(1);
  });

  // PostgreSQL only: an embedded PGlite database belongs to one process, so there is no second server to
  // reach; on PGlite this test is skipped for that reason.
  it.runIf(kind === "postgres")("reaches another server on the same database", async () => {
    const first = await openTestDatabase("postgres");
    opened.push(first);
    // A second connection pool on the same schema stands for a second server.
    const schema = (
      await first.db.selectNoFrom((eb) => eb.fn<string>("current_schema").as("s")).executeTakeFirstOrThrow()
    ).s;
    const second = await openDatabase({
      kind: "postgres",
      url: process.env.TEST_DATABASE_URL!,
      schema,
      poolSize: 2,
    });
    opened.push(second);
    await migrate(second);
    const seen: string[] = [];
    second.changes.subscribe((key) => seen.push(key));
    await inTransaction(first.db, async (trx) => {
      await trx.updateTable("users").set({ name: "乙" }).where("phone", "=", "13900000009").execute();
      await trx
        .insertInto("auth_throttle")
        .values({ key: "k", window_start: new Date(), failures: 1, locked_until: null })
        .execute();
    });
    const user = await first.db
      .insertInto("users")
      .values({
        kind: "person",
        name: "丙",
        id_number: "110105198811201241",
        credit_code: null,
        organisation_kind: null,
        legal_representative: null,
        phone: "13900000002",
        email: null,
        password_hash: "x",
        totp_secret: null,
        totp_enabled_at: null,
        verified_at: null,
        lawyer_licence_number: null,
        law_firm: null,
        created_at: new Date(),
        updated_at: new Date(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await inTransaction(first.db, async (trx) => {
      await trx.updateTable("users").set({ name: "丁" }).where("id", "=", user.id).execute();
    });
    for (let i = 0; i < 100 && !seen.includes(`user:${user.id}`); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toContain(`user:${user.id}`);
  });
});
