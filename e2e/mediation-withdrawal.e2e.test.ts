import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { signInAt as signIn } from "./support/sign-in";

// Journey: a party withdraws an accepted application for judicial confirmation from its phone
// (民诉法解释第三百五十七条), and the court's ruling allowing it reaches the confirmation card.
// It runs on PostgreSQL: the accepted application is written straight into the database.
const ADMIN_URL = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function switchLanguage(page: Page, language: "en" | "zh-CN") {
  const item = page.getByRole("menuitem", { name: language === "en" ? "English" : "简体中文" });
  const switched = page.locator(`html[lang=${language}]`);
  for (let attempt = 0; attempt < 3 && (await switched.count()) === 0; attempt += 1) {
    if (!(await item.isVisible()))
      await page.getByRole("button", { name: /切换语言|Change language/ }).click();
    await item.click({ timeout: 5_000 }).catch(() => undefined);
    await switched.waitFor({ state: "attached", timeout: 3_000 }).catch(() => undefined);
  }
  await switched.waitFor({ state: "attached" });
}

/** An accepted application for judicial confirmation between 张三 and 云栖, judged by a demo judge. */
async function seedAcceptedConfirmation(databaseUrl: string): Promise<{ mediationId: string }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async (text: string, values: unknown[]) =>
      ((await db.query(text, values)).rows[0] ?? {}) as Record<string, string>;
    const court = await one("select id from courts where code = $1", ["浙0192"]);
    const user = async (email: string) => (await one("select id from users where email = $1", [email])).id!;
    const zhangsan = await user("zhangsan@netcourt.demo");
    const yunqi = await user("yunqi@netcourt.demo");
    const judge = await user("hzhlw.judge1@netcourt.demo");
    const mediatorUser = await user("hzhlw.mediator1@netcourt.demo");
    const mediator = await one("select id from mediators where court_id = $1 and user_id = $2", [
      court.id,
      mediatorUser,
    ]);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const later = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const caseId = randomUUID();
    await db.query(
      `insert into cases (id, court_id, status, type_code, procedure, cause_code, cause_name_zh, cause_name_en,
        title, filed_by, case_number, case_year, case_sequence, submitted_at, created_at, updated_at)
       values ($1, $2, 'closed', '民诉前调', null, 'online-sale-contract', '网络购物合同纠纷',
        'Online shopping contract dispute', '张三诉云栖网络购物合同纠纷', $3, '（2026）浙0192民诉前调9901号',
        2026, 9901, $4, $4, $4)`,
      [caseId, court.id, zhangsan, now],
    );
    const party = async (position: number, role: string, kind: string, name: string, userId: string) => {
      const id = randomUUID();
      await db.query(
        `insert into case_parties (id, case_id, position, role, kind, name, phone, address, user_id, created_at)
         values ($1, $2, $3, $4, $5, $6, '13800001111', $7, $8, $9)`,
        [id, caseId, position, role, kind, name, "浙江省杭州市西湖区文三路1号", userId, now],
      );
      return id;
    };
    const zhangsanParty = await party(1, "plaintiff", "natural_person", "张三", zhangsan);
    const yunqiParty = await party(2, "defendant", "legal_person", "杭州云栖示范网络科技有限公司", yunqi);
    const mediationId = randomUUID();
    await db.query(
      `insert into mediations (id, case_id, court_id, origin, status, applicant_user_id, mediator_id,
        mediator_user_id, mediator_chosen_by, applied_at, assigned_at, accepted_at, created_at, updated_at)
       values ($1, $2, $3, 'application', 'confirmation_applied', $4, $5, $6, 'court', $7, $7, $7, $7, $7)`,
      [mediationId, caseId, court.id, zhangsan, mediator.id, mediatorUser, now],
    );
    const agreementId = randomUUID();
    await db.query(
      `insert into mediation_agreements (id, mediation_id, version, status, terms, issue_id, content_sha256,
        drafted_by, drafted_at, effective_at, effective_on)
       values ($1, $2, 1, 'effective', $3, $4, $5, $6, $7, $7, $8)`,
      [
        agreementId,
        mediationId,
        JSON.stringify({
          facts: "张三在云栖网店购买的手机系翻新机，要求退货退款。",
          obligations: [
            {
              obligorPartyId: yunqiParty,
              obligeePartyId: zhangsanParty,
              description: "退还货款",
              amountFen: 259900,
              dueOn: null,
            },
          ],
          costs: { kind: "borne_by", partyId: yunqiParty },
          otherTerms: [],
          offerId: null,
        }),
        randomUUID(),
        "a".repeat(64),
        mediatorUser,
        now,
        today,
      ],
    );
    const confirmationId = randomUUID();
    await db.query(
      `insert into judicial_confirmations (id, mediation_id, agreement_id, case_id, court_id, status,
        application_due_on, started_by, started_at, applied_at, acceptance_due_on, accepted_at, case_number,
        judge_id, judge_name, clerk_name, decision_due_on, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'accepted', $6, $7, $8, $8, $9, $8, '（2026）浙0192民特9901号', $10, '审判员甲',
        '书记员乙', $11, $8, $8)`,
      [
        confirmationId,
        mediationId,
        agreementId,
        caseId,
        court.id,
        later(30),
        zhangsan,
        now,
        later(3),
        judge,
        later(15),
      ],
    );
    for (const [partyId, userId] of [
      [zhangsanParty, zhangsan],
      [yunqiParty, yunqi],
    ])
      await db.query(
        `insert into judicial_confirmation_applicants (confirmation_id, party_id, applied_by, applied_as, applied_at)
         values ($1, $2, $3, 'party', $4)`,
        [confirmationId, partyId, userId, now],
      );
    return { mediationId };
  } finally {
    await db.end();
  }
}

describe("withdrawing an application for judicial confirmation", () => {
  let server: RunningServer | undefined;
  let database: string;
  let databaseUrl: string;

  beforeAll(async () => {
    database = `netcourt_e2e_withdrawal_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
    server = await startServer({
      seedDemo: true,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]", DATABASE_URL: databaseUrl },
    });
  });
  afterAll(async () => {
    await server?.stop();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`).catch(() => undefined);
    await admin.end();
  });

  it("a party withdraws on a phone, is told what follows, and sees the court's ruling allowing it", async () => {
    const baseUrl = server!.baseUrl;
    const { mediationId } = await seedAcceptedConfirmation(databaseUrl);
    const shot = screenshots("confirmation withdrawal", { fullPage: false });
    const litigant = await openBrowser(phoneViewport);
    try {
      const { page } = litigant;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/mediations/${mediationId}`, false);
      const card = page.getByTestId("confirmation-status");
      await card.waitFor({ timeout: 60_000 });
      const button = card.getByTestId("withdraw-confirmation");
      await button.scrollIntoViewIfNeeded();
      expect(await button.textContent()).toContain("撤回申请");
      await shot(page, "confirmation card with the withdraw button");

      await button.click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("法院将裁定准许撤回").waitFor();
      await dialog.getByLabel("撤回理由（选填）").fill("双方已自行履行完毕");
      await shot(page, "withdraw dialog");
      await dialog.getByRole("button", { name: "确认撤回" }).click();

      const withdrawal = page.getByTestId("confirmation-withdrawal");
      await withdrawal.waitFor({ timeout: 60_000 });
      await card.getByText("已撤回").first().waitFor();
      expect(await withdrawal.textContent()).toContain("双方已自行履行完毕");
      // The ruling allowing the withdrawal is issued in the case and shown on the card once rendered.
      await page.reload();
      await withdrawal.waitFor({ timeout: 60_000 });
      await withdrawal.getByText("准许撤回的民事裁定书").waitFor({ timeout: 60_000 });
      await withdrawal.scrollIntoViewIfNeeded();
      await shot(page, "withdrawn with the ruling zh");
      expect(await page.getByTestId("withdraw-confirmation").count()).toBe(0);
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
      );
      expect(overflow).toBeLessThanOrEqual(1);

      await switchLanguage(page, "en");
      await withdrawal.getByText("Application withdrawn").waitFor();
      await withdrawal.scrollIntoViewIfNeeded();
      await shot(page, "withdrawn with the ruling en");
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).not.toMatch(/\b(confirmation\.|withdrawn_|accepted_)/);
      await switchLanguage(page, "zh-CN");
    } finally {
      await litigant.close();
    }
  });
});
