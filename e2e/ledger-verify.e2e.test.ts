import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../apps/server/src/testing/http-client";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";

const CONTRACT = "网购合同 订单 20260302-0001：买方张三，卖方示范商城，金额 1,299.00 元。\n";

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
      await page.getByLabel("证据文件").setInputFiles(evidenceFile);
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
      await shot(page, "verified");

      // The same receipt with an edited file fails at the leaf: the receipt is for another file.
      await page.getByLabel("证据文件").setInputFiles(tamperedFile);
      await page.getByRole("button", { name: "开始核验" }).click();
      await page.getByTestId("verify-result").filter({ hasText: "核验未通过" }).waitFor();
      expect(await page.locator('[data-step="leaf"]').getAttribute("data-status")).toBe("failed");
      expect(await page.getByTestId("verify-steps").textContent()).toContain("凭证记录的是另一个文件");
      await shot(page, "tampered");
    } finally {
      await browser.close();
    }
  });

  it("works on a phone in English with the keyboard", async () => {
    const shot = screenshots("ledger verify phone en");
    const browser = await openBrowser({ ...phoneViewport, locale: "en" });
    try {
      const { page } = browser;
      await page.goto(`${server!.baseUrl}/verify`);
      await page.evaluate('window.localStorage.setItem("nc_locale", "en")');
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Verify a deposit" }).waitFor();
      await page.getByLabel("Evidence file").setInputFiles(evidenceFile);
      await page.getByLabel("Deposit receipt").setInputFiles(receiptFile);
      const button = page.getByRole("button", { name: "Verify" });
      await button.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("verify-result").filter({ hasText: "Verified" }).waitFor();
      expect(await page.getByTestId("verify-steps").textContent()).toContain("Quorum met");
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
      );
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, "verified");
    } finally {
      await browser.close();
    }
  });
});
