import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession } from "./support/court-api";
import { signInAt } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

interface CaseDocument {
  kind: string;
  caseNumber: string | null;
  versions: Array<{ locale: string; pdfUrl: string; docxUrl: string }>;
}

/** 张三's complaint at 杭州互联网法院, saved as a draft over the API (the wizard takes it from there). */
async function draftComplaint(litigant: ApiSession, courtId: string): Promise<string> {
  const draft = await litigant.call<{ caseId: string }>("POST", "/api/filings", { courtId });
  const form = new FormData();
  form.append("category", "evidence");
  form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
  const attachment = await litigant.call<{ id: string }>(
    "POST",
    `/api/filings/${draft.caseId}/attachments`,
    form,
  );
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
        name: "杭州子丑电子商务有限公司",
        legalRepresentative: "钱七",
        address: "浙江省杭州市余杭区五常街道2号",
      },
    ],
    claims: [
      { text: "判令被告退还货款人民币5000元", amount: 5000 },
      { text: "判令被告承担本案诉讼费用", amount: null },
    ],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [
      { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
    ],
  });
  return draft.caseId;
}

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

/** The PDF's title (Chromium writes the page title into the document information, UTF-16 hex). */
function pdfTitle(pdf: Buffer): string {
  const match = /\/Title\s*<FEFF([0-9A-F]*)>/i.exec(pdf.toString("latin1"));
  if (!match) return "";
  return Buffer.from(match[1]!, "hex").swap16().toString("utf16le");
}

describe("court documents: the confirmed complaint, the fee receipt and the notices of acceptance", () => {
  let server: RunningServer | undefined;
  let caseId: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const courts = await new ApiSession(server.baseUrl).call<{ items: Array<{ id: string; code: string }> }>(
      "GET",
      "/api/courts",
    );
    const zhangsan = new ApiSession(server.baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    caseId = await draftComplaint(zhangsan, courts.items.find((c) => c.code === "浙0192")!.id);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("the filer previews and confirms the 起诉状, pays and gets the receipt; the court accepts; the notices are listed and print as PDF", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("court documents journey");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/filings/${caseId}`, false);
      const next = page.getByRole("button", { name: "下一步", exact: true });
      await next.waitFor();
      // Each step saves before the next opens: go on one step at a time.
      const complete = page.getByText("起诉材料已齐全，可以提交。");
      for (let step = 0; step < 8 && !(await complete.isVisible()); step += 1) {
        if (await next.isVisible()) await next.click();
        await complete.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      await complete.waitFor();

      // Submission waits for the confirmed preview.
      const submit = page.getByRole("button", { name: "提交立案申请" });
      expect(await submit.isDisabled()).toBe(true);
      const preview = page.getByTestId("complaint-preview");
      await preview.getByRole("button", { name: "生成起诉状预览" }).click();
      const pdfLink = preview.getByRole("link", { name: "起诉状（中文正本） PDF" });
      await pdfLink.waitFor();
      const previewPdf = await page.request.get(`${baseUrl}${await pdfLink.getAttribute("href")}`);
      expect(previewPdf.status()).toBe(200);
      expect((await previewPdf.body()).subarray(0, 4).toString()).toBe("%PDF");
      expect(pdfTitle(await previewPdf.body())).toContain("民事起诉状");
      await preview.getByRole("checkbox", { name: "我已核对起诉状内容" }).check();
      await shot(page, "complaint preview confirmed");
      expect(await submit.isDisabled()).toBe(false);
      await submit.click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "确定" }).click();
      await page.waitForURL(`**/cases/${caseId}`);
      await page.getByTestId("document-complaint").waitFor();

      await page.getByRole("button", { name: "去交费" }).click();
      await page.waitForURL("**/sim/pay?ticket=*");
      await page.getByRole("button", { name: /确认支付/ }).click();
      await page.waitForURL(`**/cases/${caseId}?payment=done`);
      const receipt = page.getByTestId("fee-receipt");
      await receipt.waitFor();
      const receiptPdf = await page.request.get(
        `${baseUrl}${await receipt.getByRole("link", { name: "交费凭证 PDF" }).getAttribute("href")}`,
      );
      expect((await receiptPdf.body()).subarray(0, 4).toString()).toBe("%PDF");
      await shot(page, "fee receipt");
    } finally {
      await browser.close();
    }

    const court = await openBrowser();
    try {
      const { page } = court;
      await signInAt(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/court/filings/${caseId}`, true);
      await page.getByRole("button", { name: "受理", exact: true }).click();
      await page
        .getByRole("dialog", { name: "受理立案" })
        .getByRole("button", { name: "受理", exact: true })
        .click();
      await page.getByText("已受理立案").waitFor();
    } finally {
      await court.close();
    }

    const again = await openBrowser();
    try {
      const { page } = again;
      await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      await page.getByTestId("document-acceptance_notice").waitFor();
      await page.getByTestId("document-evidence_notice").waitFor();
      const listed = await page.request.get(`${baseUrl}/api/cases/${caseId}/documents`);
      const documents = ((await listed.json()) as { items: CaseDocument[] }).items;
      expect(documents.map((d) => d.kind)).toEqual([
        "complaint",
        "fee_receipt",
        "acceptance_notice",
        "evidence_notice",
        "response_notice",
      ]);
      const notice = documents.find((d) => d.kind === "acceptance_notice")!;
      expect(notice.caseNumber).toMatch(/^（\d{4}）浙0192民初\d+号$/);
      expect(await page.getByTestId("document-acceptance_notice").textContent()).toContain(notice.caseNumber);
      const pdf = await page.request.get(`${baseUrl}${notice.versions[0]!.pdfUrl}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
      expect(pdfTitle(bytes)).toContain(notice.caseNumber!);
      await page.getByTestId("case-documents").scrollIntoViewIfNeeded();
      await shot(page, "documents listed zh");
    } finally {
      await again.close();
    }
  });

  for (const [device, options] of [
    ["desktop", {}],
    ["phone", phoneViewport],
  ] as const) {
    it(`the case's documents read in Chinese and English (${device})`, async () => {
      const baseUrl = server!.baseUrl;
      const shot = screenshots(`court documents ${device}`, { fullPage: device === "desktop" });
      const browser = await openBrowser(options);
      try {
        const { page } = browser;
        await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
        const list = page.getByTestId("case-documents");
        await list.waitFor();
        // The sign-in message fades before the pictures are taken.
        await page
          .locator(".ant-message-notice")
          .waitFor({ state: "detached" })
          .catch(() => undefined);
        expect(await list.textContent()).toContain("受理案件通知书");
        expect(await list.textContent()).toContain("英文参考译本");
        await list.scrollIntoViewIfNeeded();
        await shot(page, "documents zh");
        await switchLanguage(page, "en");
        await list.getByText("Notice of acceptance").waitFor();
        const text = (await list.textContent()) ?? "";
        expect(text).toContain("Notice on producing evidence");
        expect(text).toContain("English translation");
        expect(text).not.toMatch(/acceptance_notice|evidence_notice|detail\./);
        await list.scrollIntoViewIfNeeded();
        await shot(page, "documents en");
        // No document link is wider than the screen.
        const overflow = Number(
          await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
        );
        expect(overflow).toBeLessThanOrEqual(1);
        await switchLanguage(page, "zh-CN");
      } finally {
        await browser.close();
      }
    });
  }
});
