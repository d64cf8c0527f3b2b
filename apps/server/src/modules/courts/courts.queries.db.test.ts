import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction, systemMeta } from "../../platform";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { createAccount } from "../identity/index";
import { listJudges } from "./courts.queries";
import { findCourtLabels, insertCourt, insertStaff } from "./courts.repository";

let serial = 0;

/** A person's account with a valid ID number (GB 11643) and phone; returns its id. */
async function createPerson(app: TestApp, name: string): Promise<string> {
  serial += 1;
  const first17 = `33010619800101${String(serial).padStart(3, "0")}`;
  const { userId } = await inTransaction(app.context.db, (trx) =>
    createAccount(
      trx,
      systemMeta("test", app.clock.now()),
      {
        kind: "person",
        name,
        idNumber: `${first17}${residentIdCheckCharacter(first17)}`,
        phone: `1360000${String(serial).padStart(4, "0")}`,
        password: "court2026pass",
      },
      { totpSecrets: app.context.totpSecrets },
    ),
  );
  return userId;
}

describe.each(testDatabaseKinds())("the judges and labels of a court, on %s", (kind) => {
  let app: TestApp;
  let courtId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp(kind);
    ids.wang = await createPerson(app, "王法官");
    ids.li = await createPerson(app, "李法官");
    ids.zhang = await createPerson(app, "张法官");
    ids.disabled = await createPerson(app, "陈法官");
    ids.clerk = await createPerson(app, "赵书记员");
    const now = app.clock.now();
    const supremeId = await insertCourt(app.context.db, {
      code: "最高9",
      nameZh: "最高人民法院",
      nameEn: "Supreme People's Court",
      level: "supreme",
      parentId: null,
      isInternetCourt: false,
      provinceZh: null,
      provinceEn: null,
      addressZh: null,
      smallClaimsLimitFen: null,
      smallClaimsBasis: null,
      now,
    });
    courtId = await insertCourt(app.context.db, {
      code: "浙0198",
      nameZh: "杭州互联网法院",
      nameEn: "Hangzhou Internet Court",
      level: "basic",
      parentId: supremeId,
      isInternetCourt: true,
      provinceZh: "浙江省",
      provinceEn: "Zhejiang",
      addressZh: null,
      smallClaimsLimitFen: null,
      smallClaimsBasis: null,
      now,
    });
    const staff: Array<[string, "judge" | "clerk"]> = [
      [ids.wang, "judge"],
      [ids.li, "judge"],
      [ids.zhang, "judge"],
      [ids.disabled, "judge"],
      [ids.clerk, "clerk"],
    ];
    for (const [userId, role] of staff) {
      await insertStaff(app.context.db, {
        userId,
        courtId,
        role,
        divisionId: null,
        titleZh: null,
        titleEn: null,
        now,
      });
    }
    await app.context.db
      .updateTable("users")
      .set({ disabled_at: now })
      .where("id", "=", ids.disabled)
      .execute();
  });

  afterAll(async () => {
    await app?.close();
  });

  it("lists the active judges whose accounts are not disabled, by name, with the names identity holds", async () => {
    const judges = await listJudges(app.context.db, courtId);
    const expected = [
      { userId: ids.zhang, name: "张法官" },
      { userId: ids.li, name: "李法官" },
      { userId: ids.wang, name: "王法官" },
    ].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(judges.map(({ userId, name }) => ({ userId, name }))).toEqual(expected);
  });

  it("finds no judge in a kind of division the court does not have", async () => {
    expect(await listJudges(app.context.db, courtId, ["criminal"])).toEqual([]);
  });

  it("labels courts by id and leaves unknown ids out", async () => {
    const labels = await findCourtLabels(app.context.db, [
      courtId,
      courtId,
      "00000000-0000-4000-8000-000000000000",
    ]);
    expect(labels).toEqual([
      { id: courtId, code: "浙0198", nameZh: "杭州互联网法院", nameEn: "Hangzhou Internet Court" },
    ]);
    expect(await findCourtLabels(app.context.db, [])).toEqual([]);
  });
});
