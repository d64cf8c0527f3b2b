import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileChooser, Page } from "playwright-core";
import { HttpClient } from "../apps/server/src/testing/http-client";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";

const CONTRACT = "网购合同 订单 20260302-0001：买方张三，卖方示范商城，金额 1,299.00 元。\n";

/**
 * The words of what went wrong — the verdict, every failed step's message, a problem box — without
 * the data put into them (hashes, names), which keep their own script.
 */
async function errorText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const nodes = [
      ...document.querySelectorAll('[data-testid="verify-result"], [data-testid="verify-problem"]'),
      ...document.querySelectorAll('[data-status="failed"] .nc-ledger-step-message'),
    ];
    return nodes.map((node) => {
      const copy = node.cloneNode(true);
      copy.querySelectorAll("[data-value]").forEach((value) => value.remove());
      return copy.textContent;
    }).join("\\n");
  })()`);
}

const LATIN = /[A-Za-z]/;
const CJK = /[\u3400-\u9fff]/;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function openInLocale(page: Page, baseUrl: string, locale: "zh-CN" | "en"): Promise<void> {
  await page.goto(`${baseUrl}/verify`);
  await page.evaluate(`window.localStorage.setItem("nc_locale", "${locale}")`);
  await page.reload();
  const title = locale === "zh-CN" ? "存证核验" : "Verify a deposit";
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

function noHorizontalOverflow(page: Page): Promise<number> {
  return page.evaluate("document.documentElement.scrollWidth - window.innerWidth").then(Number);
}

describe("verifying a deposit in the browser", () => {
  let server: RunningServer | undefined;
  let dir: string;
  let receiptFile: string;
  let evidenceFile: string;
  let tamperedFile: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    const admin = new HttpClient(server.baseUrl);
    await admin.signIn("hzhlw.admin1@netcourt.demo");
    const courts = (await admin.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"))
      .body.items;
    const platform = await admin.request<{ id: string }>("POST", "/api/ledger/platforms", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
      name: "示范电子合同平台",
      operatorName: "杭州示范电子合同有限公司",
      category: "e_commerce",
    });
    expect(platform.status).toBe(201);
    const key = await admin.request<{ apiKey: string }>(
      "POST",
      `/api/ledger/platforms/${platform.body.id}/credentials`,
      { kind: "api_key" },
    );
    const auth = { authorization: `Bearer ${key.body.apiKey}` };
    // The platform deposits the contract's hash, then downloads the receipt.
    const deposited = await fetch(`${server.baseUrl}/api/ledger/deposits`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({
        deposits: [
          {
            sha256: createHash("sha256").update(CONTRACT).digest("hex"),
            kind: "contract",
            title: "网购合同",
            occurredAt: "2026-03-01T10:00:00+08:00",
            metadata: { order: "20260302-0001" },
          },
        ],
      }),
    });
    expect(deposited.status).toBe(200);
    const { deposits } = (await deposited.json()) as { deposits: Array<{ index: number }> };
    const receipt = await fetch(`${server.baseUrl}/api/ledger/deposits/${deposits[0]!.index}`, {
      headers: auth,
    });
    expect(receipt.status).toBe(200);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-e2e-verify-"));
    receiptFile = path.join(dir, "receipt.json");
    evidenceFile = path.join(dir, "contract.txt");
    tamperedFile = path.join(dir, "contract-edited.txt");
    await fs.writeFile(receiptFile, await receipt.text());
    await fs.writeFile(evidenceFile, CONTRACT);
    await fs.writeFile(tamperedFile, CONTRACT.replace("1,299.00", "12,990.00"));
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("verifies the deposited file step by step, checks the live log, and fails the edited file", async () => {
    const shot = screenshots("ledger verify deposit");
    const browser = await openBrowser({});
    try {
      const { page } = browser;
      await page.goto(`${server!.baseUrl}/verify`);
      await page.getByRole("heading", { level: 1, name: "存证核验" }).waitFor();
      // The file zones are buttons in the page's language, opened from the keyboard.
      expect(await page.locator('input[type="file"]').evaluateAll((inputs) => inputs.length)).toBe(2);
      const evidenceZone = page.getByRole("button", { name: /证据文件/ });
      await evidenceZone.focus();
      // Enter opens the file chooser; a key press that lands while the page is still settling is repeated.
      let chooser: FileChooser | undefined;
      for (let attempt = 0; attempt < 3 && !chooser; attempt += 1) {
        [chooser] = await Promise.all([
          page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => undefined),
          evidenceZone.focus().then(() => page.keyboard.press("Enter")),
        ]);
      }
      if (!chooser) throw new Error("the evidence zone did not open a file chooser on Enter");
      await chooser.setFiles(evidenceFile);
      await page.getByText("已选择：contract.txt").waitFor();
      expect(await page.locator("body").textContent()).not.toMatch(/Choose File|No file chosen/);
      await page.getByLabel("存证凭证").setInputFiles(receiptFile);
      await page.getByLabel("同时对照在线日志核验（一致性与包含证明）").check();
      await shot(page, "chosen");
      await page.getByRole("button", { name: "开始核验" }).click();
      const result = page.getByTestId("verify-result");
      await result.waitFor();
      expect(await result.textContent()).toContain("核验通过");
      const steps = page.getByTestId("verify-steps");
      for (const step of [
        "file_hash",
        "leaf",
        "commitment",
        "log_signature",
        "inclusion",
        "quorum",
        "live",
      ]) {
        expect(await steps.locator(`[data-step="${step}"]`).getAttribute("data-status"), step).toBe("ok");
      }
      expect(await steps.textContent()).toContain(createHash("sha256").update(CONTRACT).digest("hex"));
      expect(await steps.textContent()).toContain("网购合同");
      // Times in the court's time zone, named; the leaf's type and kind in words; no ISO timestamps.
      const leafText = (await steps.locator('[data-step="leaf"]').textContent()) ?? "";
      expect(leafText).toContain("凭证中的存证记录指向此文件，类别：合同，记录时间：");
      expect(leafText).toMatch(/2026年\d+月\d+日.*（北京时间）/);
      expect(await steps.textContent()).not.toMatch(ISO_TIME);
      expect(await steps.locator('[data-step="commitment"]').textContent()).toContain(
        "2026年3月1日 10:00（北京时间）",
      );
      expect(await steps.locator('[data-step="quorum"]').textContent()).toMatch(/中至少 \d+ 个/);
      expect(await steps.textContent()).not.toMatch(/\d+ of \(/);
      // Each step's term is explained on demand.
      const leafHelp = steps.getByRole("button", { name: "“叶子哈希”是什么意思？" });
      await leafHelp.focus();
      expect(await page.getByRole("tooltip").textContent()).toContain("叶子哈希是这条记录的指纹");
      await leafHelp.blur();
      await page.getByRole("tooltip").waitFor({ state: "hidden" });
      await shot(page, "verified");

      // The same receipt with an edited file fails at the leaf: the receipt is for another file.
      await page.getByLabel("证据文件").setInputFiles(tamperedFile);
      await page.getByRole("button", { name: "开始核验" }).click();
      await page.getByTestId("verify-result").filter({ hasText: "核验未通过" }).waitFor();
      expect(await page.locator('[data-step="leaf"]').getAttribute("data-status")).toBe("failed");
      expect(await page.getByTestId("verify-steps").textContent()).toContain("凭证记录的是另一个文件");
      expect(await errorText(page)).not.toMatch(LATIN);
      await shot(page, "tampered");

      // A file that is not a receipt at all is named in Chinese, with no parser text.
      await page.getByLabel("存证凭证").setInputFiles(evidenceFile);
      await page.getByRole("button", { name: "开始核验" }).click();
      const problem = page.getByTestId("verify-problem");
      await problem.waitFor();
      expect(await problem.textContent()).toContain("所选文件不是可识别的存证凭证");
      expect(await errorText(page)).not.toMatch(LATIN);
      await shot(page, "not a receipt");

      // The glossary explains every term.
      await page.getByRole("button", { name: "这些术语是什么意思？" }).click();
      for (const term of ["叶子哈希", "检查点", "见证人", "包含证明", "一致性证明"])
        expect(await page.locator(".nc-ledger-glossary").textContent()).toContain(term);
      expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(1);
      await shot(page, "glossary");
    } finally {
      await browser.close();
    }
  });

  it("works on a phone in English with the keyboard", async () => {
    const shot = screenshots("ledger verify phone en");
    const browser = await openBrowser({ ...phoneViewport, locale: "en" });
    try {
      const { page } = browser;
      await openInLocale(page, server!.baseUrl, "en");
      await page.getByLabel("Evidence file").setInputFiles(evidenceFile);
      await page.getByLabel("Deposit receipt").setInputFiles(receiptFile);
      const button = page.getByRole("button", { name: "Verify" });
      await button.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("verify-result").filter({ hasText: "Verified" }).waitFor();
      const steps = page.getByTestId("verify-steps");
      expect(await steps.textContent()).toContain("Quorum met: at least");
      expect(await steps.locator('[data-step="leaf"]').textContent()).toMatch(
        /The receipt's deposit leaf names this file: kind contract, recorded .*2026.* \(China Standard Time\);/,
      );
      expect(await steps.textContent()).not.toMatch(ISO_TIME);
      expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(1);
      await shot(page, "verified");

      // The edited file fails in English only (the contract's own words are data, set apart).
      await page.getByLabel("Evidence file").setInputFiles(tamperedFile);
      await button.click();
      await page.getByTestId("verify-result").filter({ hasText: "Not verified" }).waitFor();
      expect(await errorText(page)).toContain("The receipt is for another file");
      expect(await errorText(page)).not.toMatch(CJK);
      expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(1);
      await shot(page, "tampered");

      await page.getByLabel("Deposit receipt").setInputFiles(evidenceFile);
      await button.click();
      await page.getByTestId("verify-problem").waitFor();
      expect(await errorText(page)).toContain("The chosen file is not a receipt");
      expect(await errorText(page)).not.toMatch(CJK);
      await shot(page, "not a receipt");
    } finally {
      await browser.close();
    }
  });

  it.each([
    ["zh-CN on a phone", "zh-CN", phoneViewport],
    ["en on a desktop", "en", {}],
  ] as const)("shows the failure in one language (%s)", async (name, locale, viewport) => {
    const shot = screenshots(`ledger verify ${name}`);
    const browser = await openBrowser({ ...viewport, locale: locale === "en" ? "en" : "zh-CN" });
    try {
      const { page } = browser;
      await openInLocale(page, server!.baseUrl, locale);
      const zh = locale === "zh-CN";
      await shot(page, "empty");
      await page.getByLabel(zh ? "证据文件" : "Evidence file").setInputFiles(tamperedFile);
      await page.getByLabel(zh ? "存证凭证" : "Deposit receipt").setInputFiles(receiptFile);
      await page.getByRole("button", { name: zh ? "开始核验" : "Verify", exact: true }).click();
      await page
        .getByTestId("verify-result")
        .filter({ hasText: zh ? "核验未通过" : "Not verified" })
        .waitFor();
      expect(await errorText(page)).not.toMatch(zh ? LATIN : CJK);
      expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(1);
      await shot(page, "tampered");
    } finally {
      await browser.close();
    }
  });
});
