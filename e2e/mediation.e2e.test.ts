import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { demoCreditCode } from "../apps/server/src/seed/demo-seed";
import { signInAt as signIn } from "./support/sign-in";
import { ApiSession, staffSession } from "./support/court-api";

// Journey 1: pre-litigation mediation from the filing wizard to a judicial confirmation ruling.
// The journey runs on PostgreSQL (the other journeys run on the embedded PGlite), so the browser
// journeys cover both databases.
const ADMIN_URL = process.env.E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Switches the screens' language; the choice is kept on the account, so each test switches back. */
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

/** Pictures of one screen on a desktop and a phone, in Chinese and English; no page-wide scrolling. */
async function gallery(
  page: Page,
  shot: (page: Page, step: string) => Promise<string>,
  name: string,
  ready: (language: "zh-CN" | "en") => Promise<unknown>,
) {
  for (const language of ["zh-CN", "en"] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchLanguage(page, language);
    await ready(language);
    for (const [device, size] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", phoneViewport.viewport],
    ] as const) {
      await page.setViewportSize(size);
      await ready(language);
      await page
        .locator(".ant-message-notice")
        .waitFor({ state: "detached" })
        .catch(() => undefined);
      await shot(page, `${name} ${device} ${language}`);
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
      );
      expect(overflow, `${name} ${device} ${language} scrolls sideways`).toBeLessThanOrEqual(1);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text, `${name} shows a raw code`).not.toMatch(
        /\b(in_progress|agreement_drafted|awaiting_acceptance|confirmation_applied|mediation:|workspace\.)/,
      );
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, "zh-CN");
}

/** 张三's dispute with 杭州云栖 at 杭州互联网法院, drafted over the API; the wizard takes it from there. */
async function draftDispute(litigant: ApiSession, courtId: string): Promise<string> {
  const draft = await litigant.call<{ caseId: string }>("POST", "/api/filings", { courtId });
  await litigant.call("PUT", `/api/filings/${draft.caseId}`, {
    causeCode: "online-sale-contract",
    procedure: "ordinary",
    parties: [
      {
        role: "plaintiff",
        kind: "natural_person",
        name: "张三",
        sex: "male",
        phone: "13800001111",
        address: "浙江省杭州市西湖区文三路1号",
        isFiler: true,
      },
      {
        role: "defendant",
        kind: "legal_person",
        name: "杭州云栖示范网络科技有限公司",
        // The company's credit code: its verified account links the party with the case code.
        creditCode: demoCreditCode("330106", "MA2DEM01"),
        phone: "13900007777",
        legalRepresentative: "赵六",
        address: "浙江省杭州市西湖区云栖小镇2号",
      },
    ],
    claims: [
      { text: "判令被告退还货款人民币5000元", amount: 5000 },
      { text: "判令被告承担本案诉讼费用", amount: null },
    ],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [],
  });
  return draft.caseId;
}

describe("mediation journey: apply, mediate, sign online, judicial confirmation", () => {
  let server: RunningServer | undefined;
  let database: string;
  let databaseUrl: string;
  let caseId: string;
  let courtId: string;

  beforeAll(async () => {
    database = `netcourt_e2e_mediation_${process.pid}`;
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
    const courts = await new ApiSession(server.baseUrl).call<{ items: Array<{ id: string; code: string }> }>(
      "GET",
      "/api/courts",
    );
    courtId = courts.items.find((c) => c.code === "浙0192")!.id;
    const zhangsan = new ApiSession(server.baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    caseId = await draftDispute(zhangsan, courtId);
  });
  afterAll(async () => {
    await server?.stop();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`).catch(() => undefined);
    await admin.end();
  });

  it("a litigant applies on a phone; the parties and the mediator settle and sign online; the court confirms", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("mediation journey");
    let mediationId = "";

    // 1. 张三 applies for mediation from the wizard's last step on a phone, choosing the court's mediator.
    const litigant = await openBrowser(phoneViewport);
    try {
      const { page } = litigant;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/filings/${caseId}`, false);
      const next = page.getByRole("button", { name: "下一步", exact: true });
      await next.waitFor({ timeout: 60_000 });
      const card = page.getByTestId("apply-mediation");
      for (let step = 0; step < 8 && !(await card.isVisible()); step += 1) {
        if (await next.isVisible()) await next.click();
        await card.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await card.scrollIntoViewIfNeeded();
      expect(await card.textContent()).toContain("30 日");
      await card.getByLabel("选择调解员（可选）").click();
      await page.locator(".ant-select-item-option").filter({ hasText: "特邀调解工作室" }).first().click();
      await shot(page, "apply for mediation in the wizard");
      await card.getByRole("button", { name: "申请诉前调解" }).click();
      await page
        .locator(".ant-popconfirm")
        .getByRole("button", { name: /^提\s*交$/ })
        .click();
      await page.waitForURL("**/mediations/*", { timeout: 60_000 });
      mediationId = page.url().split("/mediations/")[1]!.split(/[?#]/)[0]!;
      await page.getByTestId("mediation-status").getByText("待调解员确认").waitFor({ timeout: 60_000 });
      await shot(page, "workspace awaiting the mediator");
    } finally {
      await litigant.close();
    }

    // 2. The respondent was sent a case code with the invitation to mediate; the clerk reads it out
    //    from the workspace, and the company's verified account links its party with it and agrees.
    const clerkApi = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo");
    const seen = await clerkApi.call<{ parties: Array<{ role: string; caseCode: string | null }> }>(
      "GET",
      `/api/mediations/${mediationId}`,
    );
    const caseCode = seen.parties.find((p) => p.role === "defendant")?.caseCode;
    expect(caseCode).toBeTruthy();
    const yunqiApi = new ApiSession(baseUrl);
    await yunqiApi.signIn("yunqi@netcourt.demo");
    const linked = await yunqiApi.call<{ caseId: string }>("POST", "/api/cases/link", { caseCode });
    expect(linked.caseId).toBe(caseId);
    await yunqiApi.call("POST", `/api/mediations/${mediationId}/consent`, { answer: "agreed" });

    // 3. The mediator accepts, writes in the thread and drafts the agreement, then signs it.
    const mediator = await openBrowser();
    try {
      const { page } = mediator;
      await signIn(page, baseUrl, "hzhlw.mediator1@netcourt.demo", `/mediations/${mediationId}`, true);
      await page.getByRole("button", { name: "接受调解" }).click();
      await page.getByTestId("mediation-status").getByText("调解中").waitFor({ timeout: 60_000 });
      expect(await page.getByTestId("consent-defendant").textContent()).toBe("同意调解");
      const thread = page.getByTestId("mediation-thread");
      await thread.getByLabel("消息").fill("双方好，被申请人同意退还货款4500元，请确认。");
      await thread.getByRole("button", { name: /^发\s*送$/ }).click();
      await thread.getByText("双方好，被申请人同意退还货款4500元").waitFor();

      // The respondent offers a refund; the applicant accepts it on a phone.
      await yunqiApi.call("POST", `/api/mediations/${mediationId}/offers`, {
        amount: 4500,
        terms: "收到退回手机后7日内退款",
      });
      const applicant = await openBrowser(phoneViewport);
      try {
        const phone = applicant.page;
        await signIn(phone, baseUrl, "zhangsan@netcourt.demo", `/mediations/${mediationId}`, false);
        const offers = phone.getByTestId("mediation-offers");
        await offers.getByText("收到退回手机后7日内退款").waitFor({ timeout: 60_000 });
        await offers.scrollIntoViewIfNeeded();
        await shot(phone, "offer to answer on a phone");
        await offers.getByRole("button", { name: /^接\s*受$/ }).click();
        await phone
          .locator(".ant-popconfirm")
          .getByRole("button", { name: /^提\s*交$/ })
          .click();
        await offers.getByText("已接受").waitFor({ timeout: 60_000 });
      } finally {
        await applicant.close();
      }
      await page.reload();
      const form = page.getByTestId("agreement-form");
      await form.getByLabel("义务内容（如：支付货款）").fill("退还货款");
      await form.getByLabel("金额（元，可空）").fill("4500");
      await shot(page, "mediator drafts the agreement");
      await form.getByRole("button", { name: "起草调解协议" }).click();
      const agreement = page.getByTestId("mediation-agreement");
      await agreement.getByText("待签署").first().waitFor({ timeout: 60_000 });
      await agreement.getByRole("button", { name: "在线签署" }).click();
      const dialog = page.getByRole("dialog", { name: "确认签署调解协议" });
      expect(await dialog.textContent()).toContain("第十九条");
      await dialog.getByRole("button", { name: "确认签署" }).click();
      await page.getByText("已签署调解协议").first().waitFor({ timeout: 60_000 });
      await shot(page, "mediator signed");
    } finally {
      await mediator.close();
    }

    // 4. Both parties read and sign: 张三 on a phone in Chinese, 云栖 on a desktop in English.
    const zhangsan = await openBrowser(phoneViewport);
    const yunqi = await openBrowser({ locale: "en" });
    try {
      const { page } = zhangsan;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/mediations/${mediationId}`, false);
      const agreement = page.getByTestId("mediation-agreement");
      await agreement.getByTestId("agreement-terms").getByText("退还货款").waitFor({ timeout: 60_000 });
      await agreement.getByRole("button", { name: "在线签署" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "确认签署" }).click();
      await page.getByText("已签署调解协议").first().waitFor({ timeout: 60_000 });
      await shot(page, "applicant signed on a phone");

      const other = yunqi.page;
      await signIn(other, baseUrl, "yunqi@netcourt.demo", `/mediations/${mediationId}`, false);
      await switchLanguage(other, "en");
      const theirs = other.getByTestId("mediation-agreement");
      await theirs.getByRole("button", { name: "Sign online" }).click();
      await other.getByRole("dialog").getByRole("button", { name: "Confirm and sign" }).click();
      await other.getByTestId("mediation-status").getByText("Agreement reached").waitFor({ timeout: 60_000 });
      await other.getByTestId("application-due").waitFor();
      await shot(other, "agreement in effect en");

      // 5. They apply for judicial confirmation together, within 30 days.
      await page.reload();
      // The confirmation pops up over the button; a click that lands while it opens is repeated.
      const status = agreement.getByTestId("confirmation-status");
      const applied = page.waitForResponse(
        (r) => r.url().endsWith("/confirmation") && r.request().method() === "POST",
        { timeout: 120_000 },
      );
      for (let attempt = 0; attempt < 3 && !(await status.isVisible()); attempt += 1) {
        const apply = agreement.getByRole("button", { name: "申请司法确认" });
        if (await apply.isVisible()) {
          await apply.click();
          await page
            .locator(".ant-popconfirm:visible")
            .getByRole("button", { name: /^提\s*交$/ })
            .click({ timeout: 10_000 })
            .catch(() => undefined);
        }
        await status.waitFor({ timeout: 20_000 }).catch(() => undefined);
      }
      // The court's answer to the application, for a failure's message.
      const answer = await applied;
      expect(`${answer.status()} ${await answer.text()}`).toMatch(/^201 /);
      await status.waitFor({ timeout: 60_000 });
      await other.reload();
      await theirs.getByRole("button", { name: "Join the application" }).first().click();
      await other.getByTestId("mediation-status").getByText("Judicial confirmation applied for").waitFor({
        timeout: 60_000,
      });
      await shot(other, "confirmation applied en");
      await switchLanguage(other, "zh-CN");
    } finally {
      await yunqi.close();
      await zhangsan.close();
    }

    // 6. The clerk accepts: a 民特 number and a judge.
    let confirmationId = "";
    let judgeName = "";
    const clerk = await openBrowser();
    try {
      const { page } = clerk;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", "/court/confirmations", true);
      const queue = page.getByTestId("confirmation-queue");
      await queue.getByText("待受理").waitFor({ timeout: 60_000 });
      await shot(page, "confirmation queue");
      await queue
        .getByRole("link", { name: /办\s*理/ })
        .first()
        .click();
      await page.waitForURL("**/court/confirmations/*");
      confirmationId = page.url().split("/court/confirmations/")[1]!;
      await page.getByRole("button", { name: /^受\s*理$/ }).click();
      await page
        .locator(".ant-popconfirm")
        .getByRole("button", { name: /^受\s*理$/ })
        .click();
      const number = page.getByTestId("confirmation-case-number");
      await number.waitFor({ timeout: 60_000 });
      expect(await number.textContent()).toMatch(/民特/);
      const view = await page.request.get(`${baseUrl}/api/confirmations/${confirmationId}`);
      judgeName = ((await view.json()) as { judgeName: string }).judgeName;
      await shot(page, "confirmation accepted");
    } finally {
      await clerk.close();
    }

    // 7. The judge rules the agreement valid; the ruling is issued.
    const judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(judgeName.slice(-1)) + 1}@netcourt.demo`;
    const judge = await openBrowser({ locale: "en" });
    try {
      const { page } = judge;
      await signIn(page, baseUrl, judgeLogin, `/court/confirmations/${confirmationId}`, true);
      await switchLanguage(page, "en");
      await page.getByRole("button", { name: "Rule", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Rule" });
      await dialog.getByText("Confirm the agreement as valid").waitFor();
      await dialog.getByRole("button", { name: "Rule", exact: true }).click();
      await page.getByTestId("confirmation-decision").waitFor({ timeout: 90_000 });
      await shot(page, "judge confirmed en");
      await switchLanguage(page, "zh-CN");
    } finally {
      await judge.close();
    }

    // 8. Both parties see the ruling on the workspace and among the case's documents.
    for (const login of ["zhangsan@netcourt.demo", "yunqi@netcourt.demo"]) {
      const party = await openBrowser(login.startsWith("zhangsan") ? phoneViewport : {});
      try {
        const { page } = party;
        await signIn(page, baseUrl, login, `/mediations/${mediationId}`, false);
        await page
          .getByTestId("mediation-status")
          .getByText(/调解协议已获司法确认|Agreement judicially confirmed/)
          .waitFor({ timeout: 60_000 });
        const ruling = page.getByTestId("confirmation-ruling");
        await ruling.waitFor({ timeout: 60_000 });
        const pdf = await page.request.get(
          `${baseUrl}${await ruling.getByRole("link").first().getAttribute("href")}`,
        );
        expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
        await ruling.scrollIntoViewIfNeeded();
        await shot(page, `ruling on the workspace ${login.split("@")[0]}`);
        await page.goto(`${baseUrl}/cases/${caseId}`);
        await page.getByTestId("document-confirmation_ruling").waitFor({ timeout: 60_000 });
        await page.getByTestId("document-mediation_agreement").waitFor();
      } finally {
        await party.close();
      }
    }

    // 9. A stranger opening the workspace sees a not-found page, not the dispute.
    const stranger = await openBrowser();
    try {
      const { page } = stranger;
      await signIn(page, baseUrl, "lisi@netcourt.demo", `/mediations/${mediationId}`, false);
      await page.getByTestId("mediation-not-found").waitFor({ timeout: 60_000 });
      expect(await page.locator("main").textContent()).not.toContain("翻新机");
      await shot(page, "stranger sees not found");
    } finally {
      await stranger.close();
    }

    // 10. Every new screen on a desktop and a phone, in Chinese and English.
    const screens = screenshots("mediation screens");
    const viewer = await openBrowser();
    try {
      const { page } = viewer;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", "/mediations", false);
      await gallery(page, screens, "my mediations", (language) =>
        page
          .getByTestId("mediation-list")
          .getByText(language === "en" ? "Agreement judicially confirmed" : "调解协议已获司法确认")
          .waitFor({ timeout: 60_000 }),
      );
      await page.goto(`${baseUrl}/mediations/${mediationId}`);
      await gallery(page, screens, "workspace", () =>
        page.getByTestId("confirmation-ruling").waitFor({ timeout: 60_000 }),
      );
    } finally {
      await viewer.close();
    }
    const court = await openBrowser();
    try {
      const { page } = court;
      await signIn(page, baseUrl, "hzhlw.admin1@netcourt.demo", "/court/admin/mediation", true);
      await gallery(page, screens, "mediator register", () =>
        page
          .getByTestId("register-mediators")
          .getByText(/调解员/)
          .first()
          .waitFor({ timeout: 60_000 }),
      );
      await page.goto(`${baseUrl}/court/confirmations`);
      await gallery(page, screens, "confirmation queue", () =>
        page.getByTestId("confirmation-queue").locator(".ant-list-item").first().waitFor({ timeout: 60_000 }),
      );
      await page.goto(`${baseUrl}/court/confirmations/${confirmationId}`);
      await gallery(page, screens, "confirmation review", () =>
        page.getByTestId("confirmation-decision").waitFor({ timeout: 60_000 }),
      );
      await page.goto(`${baseUrl}/court/mediations`);
      await gallery(page, screens, "court mediations", () =>
        page.getByTestId("mediation-list").locator(".ant-list-item").first().waitFor({ timeout: 60_000 }),
      );
    } finally {
      await court.close();
    }
  }, 1_500_000);
});
