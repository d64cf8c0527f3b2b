import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffRole } from "../../platform";
import { seedDemo } from "../../testing/demo";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { isVisibleTo } from "./cases.policy";
import { findVisibleCase, loadCaseSnapshot } from "./cases.repository";
import { caseStatuses } from "./cases.rules";
import { visibilityOf } from "./cases.routes";

/** The in-memory visibility rule (cached reads) must agree with the SQL one (everything else). */
describe.each(testDatabaseKinds())("case visibility on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("gives the same answer in memory and in SQL for every status, relation and role", async () => {
    const db = app.context.db;
    const users = await db.selectFrom("users").select(["id", "name"]).orderBy("name").execute();
    const courts = await db.selectFrom("courts").select(["id", "code"]).execute();
    const court = (code: string) => courts.find((c) => c.code === code)!.id;
    const [filer, party, agent, judge, stranger] = users.slice(0, 5).map((u) => u.id);
    let checked = 0;
    for (const status of caseStatuses) {
      const [{ id: caseId }] = [
        await db
          .insertInto("cases")
          .values({
            court_id: court("浙0192"),
            status,
            type_code: "民初",
            procedure: null,
            cause_code: null,
            cause_name_zh: null,
            cause_name_en: null,
            title: null,
            filed_by: filer!,
            case_number: [
              "mediation",
              "draft",
              "under_review",
              "correction_requested",
              "refused",
              "withdrawn",
              "deemed_withdrawn",
            ].includes(status)
              ? null
              : `（2026）浙0192民初${9000 + checked}号`,
            case_year: [
              "mediation",
              "draft",
              "under_review",
              "correction_requested",
              "refused",
              "withdrawn",
              "deemed_withdrawn",
            ].includes(status)
              ? null
              : 2026,
            case_sequence: [
              "mediation",
              "draft",
              "under_review",
              "correction_requested",
              "refused",
              "withdrawn",
              "deemed_withdrawn",
            ].includes(status)
              ? null
              : 9000 + checked,
            query_code: null,
            fee_fen: null,
            fee_quote: null,
            judge_id: judge!,
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
          .executeTakeFirstOrThrow(),
      ];
      const partyRow = await db
        .insertInto("case_parties")
        .values({
          case_id: caseId,
          position: 1,
          role: "defendant",
          kind: "natural_person",
          name: "乙",
          id_number: null,
          credit_code: null,
          legal_representative: null,
          sex: null,
          ethnicity: null,
          birth_date: null,
          phone: null,
          email: null,
          address: null,
          service_address: null,
          user_id: party!,
          created_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("case_agents")
        .values({
          case_id: caseId,
          party_id: partyRow.id,
          user_id: agent!,
          kind: "lawyer",
          name: "丙",
          phone: null,
          law_firm: null,
          licence_number: null,
          power_of_attorney_sha256: null,
          status: "active",
          created_at: new Date(),
        })
        .execute();
      const snapshot = (await loadCaseSnapshot(db, caseId))!;
      const roles: Array<StaffRole | null> = [
        null,
        "clerk",
        "court_admin",
        "judge",
        "mediator",
        "enforcement_officer",
      ];
      for (const userId of [filer, party, agent, judge, stranger]) {
        for (const role of roles) {
          for (const courtCode of ["浙0192", "京0491"]) {
            for (const needsSecondFactor of [false, true]) {
              const actor: Actor = {
                kind: "user",
                userId: userId!,
                sessionId: "s",
                name: "x",
                userKind: "person",
                isVerified: true,
                isLawyer: false,
                memberships: role ? [{ courtId: court(courtCode), role, divisionId: null }] : [],
                needsSecondFactor,
              };
              const inSql = (await findVisibleCase(db, actor, caseId)) !== undefined;
              expect(
                isVisibleTo(actor, visibilityOf(snapshot)),
                `${status} ${role} ${courtCode} ${userId === filer ? "filer" : userId}`,
              ).toBe(inSql);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBe(caseStatuses.length * 5 * 6 * 2 * 2);
  }, 300_000);
});
