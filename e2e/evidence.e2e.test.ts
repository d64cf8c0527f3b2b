import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt as signIn, until } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

// Journey: evidence exchange. The judge sets the period for evidence; the defendant adds an item with its
// file on a phone and submits the catalogue; the plaintiff reads it (in English) and disputes it with
// reasons; the judge sees every item beside the opinions and records the decisions.

/** 李四 of the demo accounts (the defendant links with his verified ID number). */
const LISI_ID = `11010519881120124${residentIdCheckCharacter("11010519881120124")}`;
/** Raw values a translated screen must never show. */
const RAW_CODES =
  /\b(not_deposited|no_match|late_submission|not_admitted|altered_after_deposit|untrue_before_deposit|third_party|evidence_\w+)\b/;
const CHINESE = /[\u4e00-\u9fff]/;

/** Switches the screens' language (kept on the account). */
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

describe("evidence exchange: catalogues, cross-examination and the judge's decisions", () => {
  let server: RunningServer | undefined;
  let caseId: string;
  let judgeLogin: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const baseUrl = server.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    caseId = (await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId })).caseId;
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
    const attachment = await zhangsan.call<{ id: string }>(
      "POST",
      `/api/filings/${caseId}/attachments`,
      form,
    );
    await zhangsan.call("PUT", `/api/filings/${caseId}`, {
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
          kind: "natural_person",
          name: "李四",
          idNumber: LISI_ID,
          phone: "13900002222",
          address: "北京市朝阳区建国路1号",
        },
      ],
      claims: [{ text: "判令被告退还货款人民币5000元", amount: 5000 }],
      factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
      evidence: [
        { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
      ],
    });
    await zhangsan.call("POST", `/api/filings/${caseId}/submit`, {});
    await payAtCashier(zhangsan, caseId);
    const clerk = await staffSession(baseUrl, "hzhlw.clerk1@netcourt.demo");
    await clerk.call("POST", `/api/filings/${caseId}/accept`, {});
    const defence = await until(
      () => clerk.call<{ caseCodes: Array<{ caseCode: string }> }>("GET", `/api/cases/${caseId}/defence`),
      (d) => d.caseCodes.length === 1,
      "the defendant's case code",
    );
    const lisi = new ApiSession(baseUrl);
    await lisi.signIn("lisi@netcourt.demo");
    await lisi.call("POST", "/api/cases/link", { caseCode: defence.caseCodes[0]!.caseCode });
    const detail = await clerk.call<{ judge: { name: string } | null }>("GET", `/api/cases/${caseId}`);
    // 法官甲 … 法官丁 are judge1 … judge4.
    judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(detail.judge!.name.slice(-1)) + 1}@netcourt.demo`;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("the judge sets the period for evidence", async () => {
    const shot = screenshots("evidence judge period");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, judgeLogin, `/court/cases/${caseId}`, true);
      await page.getByRole("link", { name: "证据交换" }).click();
      const periods = page.getByTestId("evidence-periods");
      await periods.waitFor();
      await periods.getByLabel("天数（自今日起算）").fill("10");
      await periods.getByRole("button", { name: "指定" }).click();
      await page.getByText("期限长度不符合本案适用程序的规定").waitFor();
      await shot(page, "too short");
      await periods.getByLabel("天数（自今日起算）").fill("15");
      await periods.getByRole("button", { name: "指定" }).click();
      await periods.getByText(/届满（15日，民诉法解释第九十九条）/).waitFor();
      // The plaintiff's complaint evidence is already the first item, checked against the ledger.
      const review = page.getByTestId("evidence-review");
      expect(await review.textContent()).toContain("订单截图");
      await shot(page, "period set");
    } finally {
      await browser.close();
    }
  });

  it("the defendant adds an item with its file on a phone and submits the catalogue", async () => {
    const shot = screenshots("evidence defendant phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, "lisi@netcourt.demo", `/cases/${caseId}/evidence`, false);
      const mine = page.getByTestId("evidence-mine");
      await mine.waitFor();
      await mine.getByLabel("证据名称").fill("进货发票");
      await mine.getByLabel("证据来源").fill("供货商");
      await mine.getByLabel("证明目的").fill("证明所售手机为全新正品");
      await mine.getByRole("button", { name: "添加证据" }).click();
      const item = page.getByTestId("evidence-item-1-defendant");
      await item.waitFor();
      await item.locator('input[type="file"]').setInputFiles({
        name: "发票.png",
        mimeType: "image/png",
        buffer: Buffer.concat([ONE_PIXEL_PNG, Buffer.from([9])]),
      });
      await item.getByRole("button", { name: "上传文件" }).click();
      await item.getByRole("link", { name: /发票\.png/ }).waitFor();
      await item.scrollIntoViewIfNeeded();
      await shot(page, "draft with file");
      expect(await item.textContent()).toContain("未存证");
      await mine.getByRole("button", { name: "提交证据目录" }).click();
      await page
        .getByRole("tooltip")
        .getByRole("button", { name: /确\s?定|OK/ })
        .click();
      await item.getByText("已提交", { exact: true }).first().waitFor();
      expect(await item.textContent()).not.toMatch(RAW_CODES);
      await item.scrollIntoViewIfNeeded();
      await shot(page, "submitted");
      // The defendant gives his opinion on the plaintiff's filed evidence.
      const others = page.getByTestId("evidence-others");
      await others.scrollIntoViewIfNeeded();
      await others.getByRole("button", { name: "发表质证意见" }).click();
      await others.getByTestId("opinion-authenticity").getByText("不认可").click();
      await others.getByLabel("真实性 · 理由").fill("截图可能经过编辑，订单号无法核实");
      await shot(page, "opinion form");
      await others.getByRole("button", { name: "提交质证意见" }).click();
      await others.getByText("李四的意见").waitFor();
      await shot(page, "opinion given");
    } finally {
      await browser.close();
    }
  });

  it("the plaintiff reads the other side's evidence in English and disputes it with reasons", async () => {
    const shot = screenshots("evidence plaintiff english");
    const browser = await openBrowser({ locale: "en" });
    try {
      const { page } = browser;
      await signIn(page, server!.baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}/evidence`, false);
      await switchLanguage(page, "en");
      const others = page.getByTestId("evidence-others");
      await others.waitFor();
      await others.getByText("进货发票").waitFor();
      await others.getByRole("button", { name: "Give your opinion" }).click();
      await others.getByTestId("opinion-relevance").getByText("Dispute").click();
      await others.getByLabel("Relevance · Reasons").fill("发票不能证明所售手机为新机");
      await others.getByRole("button", { name: "Send the opinion" }).click();
      await others.getByText("Opinion of 张三").waitFor();
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).not.toMatch(RAW_CODES);
      // Chinese appears only in what the parties wrote (names, titles, reasons) — not in the screen's words.
      for (const label of [
        "Period for evidence",
        "Our evidence catalogue",
        "The other side's evidence",
        "Relevance",
      ])
        expect(text).toContain(label);
      expect(await page.getByTestId("evidence-periods").getByText(/Ends /).textContent()).not.toMatch(
        /届满|日，/,
      );
      await shot(page, "opinion given");
    } finally {
      await browser.close();
    }
  });

  it("the judge sees every item beside the opinions and records the decisions", async () => {
    for (const [language, viewport] of [
      ["zh-CN", undefined],
      ["en", phoneViewport],
    ] as const) {
      const shot = screenshots(`evidence judge review ${language}`);
      const browser = await openBrowser(viewport ? { ...viewport, locale: language } : { locale: language });
      try {
        const { page } = browser;
        await signIn(page, server!.baseUrl, judgeLogin, `/court/cases/${caseId}/evidence`, true);
        await switchLanguage(page, language);
        const review = page.getByTestId("evidence-review");
        await review.waitFor();
        await review.getByText("进货发票").waitFor();
        await shot(page, "review");
        if (language === "zh-CN") {
          const row = review.locator("tr", { hasText: "进货发票" });
          await row.getByRole("button", { name: "认定" }).click();
          const dialog = page.getByRole("dialog");
          await dialog.getByText("不予采纳").click();
          await dialog.getByRole("button", { name: "记录认定" }).click();
          await page.getByText("认定意见须说明理由").waitFor();
          await dialog.getByLabel("认定理由").fill("发票开具日期晚于交易日期，不能证明所售商品为新机");
          await dialog.getByRole("button", { name: "记录认定" }).click();
          await row.getByText("不予采纳").waitFor();
          await shot(page, "decided");
        } else {
          const text = (await review.textContent()) ?? "";
          expect(text).toContain("Not admitted");
          expect(text).not.toMatch(RAW_CODES);
          const words = text.replace(
            /张三|李四|订单截图|进货发票|电商平台|供货商|证明[^A-Z]*|发票[^A-Z]*|截图[^A-Z]*/g,
            "",
          );
          expect(words).not.toMatch(CHINESE);
        }
      } finally {
        await browser.close();
      }
    }
  });
});
