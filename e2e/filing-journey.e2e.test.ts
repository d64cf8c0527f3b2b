import fs from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openBrowser,
  phoneViewport,
  repoRoot,
  residentIdNumber,
  screenshots,
  startServer,
  uniquePhone,
  type RunningServer,
} from "./support";
import { signInAt } from "./support/sign-in";

// The evidence file: a small text file the wizard uploads (not deposited in the evidence ledger).
const EVIDENCE = Buffer.from("订单号 20260105-0001\n商品：手机一部\n金额：5000.00 元\n", "utf8");

/** Any Chinese character: the English screens must have none in their headings and labels. */
const HAN = /\p{Script=Han}/u;

/** Picks `option` in the antd select labelled `label`, typing `search` first. */
async function choose(page: Page, label: string, search: string, option: string | RegExp): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  if (search !== "") await box.fill(search);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

describe("filing journey", () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    // The ledger's witnesses are not part of this journey; without them the server starts sooner.
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("registers, has the identity verified by a clerk, files through the wizard on a phone, pays in the cashier, and sees the case number and judge once a clerk accepts", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("filing journey phone", { fullPage: false });
    const litigant = await openBrowser(phoneViewport);
    const clerk = await openBrowser();
    try {
      const { page } = litigant;
      const name = "赵明远";
      const idNumber = residentIdNumber("1990-03-07", "male");
      const phone = uniquePhone();
      const password = "Court2026secure";

      // A new person registers with a phone number.
      let started = Date.now();
      await page.goto(`${baseUrl}/register`);
      await page.getByRole("heading", { level: 1, name: "注册账号" }).waitFor();
      await page.getByLabel("姓名", { exact: true }).fill(name);
      await page.getByLabel("公民身份号码", { exact: true }).fill(idNumber);
      await page.getByLabel("手机号码", { exact: true }).fill(phone);
      await page.getByLabel("密码", { exact: true }).fill(password);
      await page.getByLabel("确认密码", { exact: true }).fill(password);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "注册", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor();
      expect(await page.getByRole("main").textContent()).toContain("未实名认证");
      await shot(page, "registered");

      // Filing online needs a verified identity (在线诉讼规则第七条; submit-filing refuses
      // identity_not_verified): photos of both sides of the ID card go to a clerk for review.
      await page.goto(`${baseUrl}/account/verification`);
      await page.getByRole("heading", { level: 1, name: "实名认证" }).waitFor();
      const idImage = await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: 320, height: 200 } });
      await page.locator("input[type=file][data-side=front]").setInputFiles({
        name: "身份证人像面.png",
        mimeType: "image/png",
        buffer: idImage,
      });
      await page.locator("input[type=file][data-side=back]").setInputFiles({
        name: "身份证国徽面.png",
        mimeType: "image/png",
        buffer: idImage,
      });
      await expect.poll(() => page.getByText("已上传", { exact: true }).count()).toBe(2);
      await page.getByRole("button", { name: "提交人工审核" }).click();
      await page.getByText("已提交，等待法院工作人员审核").first().waitFor();
      await shot(page, "verification requested");
      console.info(`register and request verification: ${Date.now() - started} ms`);

      // The Hangzhou clerk reviews the photos and approves.
      started = Date.now();
      await signInAt(clerk.page, baseUrl, "hzhlw.clerk1@netcourt.demo", "/staff/verifications", true);
      await clerk.page.getByRole("heading", { level: 1, name: "实名认证审核" }).waitFor();
      await clerk.page.getByRole("link", { name: `审核: ${name}` }).click();
      await clerk.page.getByRole("heading", { level: 1, name: "审核实名认证" }).waitFor();
      await clerk.page.getByRole("img", { name: "身份证人像面" }).waitFor();
      expect(await clerk.page.getByRole("main").textContent()).toContain(name);
      await clerk.page.getByRole("button", { name: "通过", exact: true }).click();
      await clerk.page.locator(".ant-popconfirm").getByRole("button", { name: "通过" }).click();
      await clerk.page.getByText("该申请已处理").waitFor();
      await screenshots("filing journey clerk")(clerk.page, "verification approved");
      console.info(`clerk approves verification: ${Date.now() - started} ms`);

      await page.goto(`${baseUrl}/account/verification`);
      await page.getByText("实名认证已通过").first().waitFor();

      started = Date.now();
      await page.goto(`${baseUrl}/filings/new`);
      await page.getByRole("heading", { level: 1, name: "网上立案" }).waitFor();
      await choose(page, "受理法院", "杭州互联网", "杭州互联网法院");
      await shot(page, "start");
      await page.getByRole("button", { name: "开始填写", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "填写起诉状" }).waitFor();
      const caseId = new URL(page.url()).pathname.split("/").pop()!;

      // Step 1: the parties. The filer is the verified account holder: name and ID number come from
      // the account and cannot be changed (filing as someone else is refused).
      const plaintiff = page.getByTestId("party-0");
      const nameField = plaintiff.getByLabel("姓名或名称");
      const idField = plaintiff.getByLabel("公民身份号码");
      expect(await nameField.inputValue()).toBe(name);
      expect(await nameField.isDisabled()).toBe(true);
      // Shown masked until the draft is saved (the server then fills in the account's number).
      const shownId = (await idField.inputValue()) || ((await idField.getAttribute("placeholder")) ?? "");
      expect(shownId).toMatch(new RegExp(`^${idNumber.slice(0, 4)}\\*+${idNumber.slice(-4)}$|^${idNumber}$`));
      expect(await idField.isDisabled()).toBe(true);
      await plaintiff.getByText("取自您的实名认证账户").first().waitFor();
      const phoneField = plaintiff.getByLabel("联系电话");
      if (!(await phoneField.isDisabled())) await phoneField.fill(phone);
      await plaintiff.getByLabel("住所地", { exact: true }).fill("浙江省杭州市西湖区文三路1号");
      const defendant = page.getByTestId("party-1");
      await defendant.getByLabel("姓名或名称").fill("杭州某某电子商务有限公司");
      await defendant.getByLabel("法定代表人或负责人").fill("钱七");
      await defendant.getByLabel("住所地", { exact: true }).fill("浙江省杭州市余杭区五常街道2号");
      await shot(page, "parties");
      await page.getByRole("button", { name: "下一步", exact: true }).click();

      // Step 2: claims, cause of action (searched on the server) and procedure.
      await page.getByLabel("诉讼请求（1）").fill("判令被告退还货款人民币5000元");
      await page.getByLabel("金额（元，选填）").first().fill("5000");
      await choose(page, "案由", "网络购物", /信息网络买卖合同纠纷/);
      await page.getByText("请求金额合计：5,000.00 元").waitFor();
      // The usual costs claim has no amount; it does not keep a money claim out of small claims.
      await page.getByRole("button", { name: "添加诉讼请求" }).click();
      await page.getByLabel("诉讼请求（2）").fill("判令被告承担本案诉讼费用");
      await page.getByLabel("小额诉讼程序").check();
      await page.getByTestId("small-claims-limit").getByText("60,000.00 元").waitFor();
      await shot(page, "claims");
      await page.getByRole("button", { name: "下一步", exact: true }).click();

      // Step 3: facts and reasons, held to the server's rule (at least 10 characters) in the browser.
      const facts = page.getByLabel("事实与理由");
      await facts.fill("翻新机");
      await page.getByRole("button", { name: "下一步", exact: true }).click();
      await page.getByText("事实与理由过于简略").waitFor();
      await shot(page, "facts too short");
      await facts.fill("2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。");
      await page.getByRole("button", { name: "下一步", exact: true }).click();

      // Step 4: the evidence file, checked against the evidence ledger, and the evidence list.
      await page.getByTestId("attachment-input").setInputFiles({
        name: "订单截图.txt",
        mimeType: "text/plain",
        buffer: EVIDENCE,
      });
      const attachment = page.getByTestId("attachment").filter({ hasText: "订单截图.txt" });
      await attachment.waitFor();
      const ledger = await attachment.locator("[data-ledger]").getAttribute("data-ledger");
      expect(["verified", "not_deposited", "no_match"]).toContain(ledger);
      await page.getByRole("button", { name: "添加证据" }).click();
      await page.getByLabel("证据名称").fill("订单截图");
      await page.getByLabel("证明目的").fill("证明买卖合同关系");
      await choose(page, "对应附件", "", "订单截图.txt");
      await shot(page, "evidence with ledger check");
      await page.getByRole("button", { name: "下一步", exact: true }).click();

      // Step 5: nothing missing (small claims included), the fee estimate halved, submit.
      await page.getByText("起诉材料已齐全，可以提交。").waitFor();
      const estimate = (await page.getByTestId("fee-estimate").textContent()) ?? "";
      expect(estimate).toMatch(/^25\.00 元$/);
      await shot(page, "review");
      // The filer looks over the generated 起诉状 and confirms it before submitting.
      const preview = page.getByTestId("complaint-preview");
      await preview.getByRole("button", { name: "生成起诉状预览" }).click();
      await preview.getByRole("link", { name: "起诉状（中文正本） PDF" }).waitFor();
      await preview.getByRole("checkbox", { name: "我已核对起诉状内容" }).check();
      await page.getByRole("button", { name: "提交立案申请" }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "确定" }).click();

      // The case page: fee due with its deadline; pay in the simulated cashier and come back.
      await page.waitForURL(`**/cases/${caseId}`);
      const feeStatus = page.getByTestId("fee-status");
      await feeStatus.waitFor();
      expect(await feeStatus.getAttribute("data-fee")).toBe("pending");
      expect(await page.getByTestId("filing-panel").textContent()).toContain("交费期限");
      const queryCode = (await page.getByTestId("query-code").textContent()) ?? "";
      expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await shot(page, "submitted fee due");
      console.info(`wizard to submitted filing: ${Date.now() - started} ms`);

      // Similar published cases and their awards, to weigh mediation; real results or the empty state.
      const similar = page.getByTestId("similar-cases");
      await similar.getByRole("heading", { level: 2, name: "类似案件的裁判结果" }).waitFor();
      await expect
        .poll(() => similar.getAttribute("data-state"), { timeout: 30_000 })
        .toMatch(/^(shown|no_match|no_index)$/);
      const similarState = await similar.getAttribute("data-state");
      if (similarState === "shown") {
        expect(await similar.getByTestId("similar-case").count()).toBeGreaterThan(0);
        await similar.getByTestId("similar-median").waitFor();
      } else {
        expect(await similar.textContent()).toMatch(/暂未找到已公开的类似案件|裁判文书库中暂无/);
      }
      await similar.scrollIntoViewIfNeeded();
      await shot(page, "similar cases");
      started = Date.now();
      await page.getByRole("button", { name: "去交费" }).click();
      await page.waitForURL("**/sim/pay?ticket=*");
      await shot(page, "cashier");
      await page.getByRole("button", { name: /确认支付/ }).click();
      await page.waitForURL(`**/cases/${caseId}?payment=done`);
      await page.getByText("支付完成，已收到您的诉讼费。").waitFor();
      expect(await page.getByTestId("fee-status").getAttribute("data-fee")).toBe("paid");
      await shot(page, "paid");
      console.info(`pay in the cashier: ${Date.now() - started} ms`);

      // The clerk accepts the filing in the court workbench (still signed in from the review).
      started = Date.now();
      await clerk.page.goto(`${baseUrl}/court/filings/${caseId}`);
      await clerk.page.getByRole("button", { name: "受理", exact: true }).click();
      const dialog = clerk.page.getByRole("dialog");
      await dialog.getByRole("button", { name: "受理", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      await clerk.page
        .getByText(/（2026）浙0192民初\d+号/)
        .first()
        .waitFor();
      await screenshots("filing journey clerk")(clerk.page, "accepted");

      // The litigant now sees the case number and the judge in charge.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      const caseNumber = page.getByTestId("case-number");
      await caseNumber.waitFor();
      expect(await caseNumber.textContent()).toMatch(/^（2026）浙0192民初\d+号$/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/浙0192民初/);
      const judge = (await page.getByTestId("case-judge").textContent()) ?? "";
      expect(judge).not.toBe("");
      expect(judge).not.toBe("尚未分配");
      await shot(page, "case accepted");
      console.info(`clerk accepts, litigant sees number and judge: ${Date.now() - started} ms`);

      // My cases lists it; the inbox holds the notices, with an unread badge until marked read.
      await page.goto(`${baseUrl}/cases`);
      const card = page.getByTestId("case-card").filter({ hasText: "浙0192民初" }).first();
      await card.waitFor();
      expect(await card.textContent()).toContain(judge);
      await shot(page, "my cases");
      const badge = page.locator(".nc-tabbar [data-testid=inbox-unread]");
      await expect.poll(async () => Number(await badge.getAttribute("data-unread"))).toBeGreaterThan(0);
      await page
        .locator(".nc-tabbar")
        .getByRole("link", { name: /站内信/ })
        .click();
      await page.getByRole("heading", { level: 1, name: "站内信" }).waitFor();
      await page.getByText("已立案", { exact: true }).first().waitFor();
      await shot(page, "inbox");
      await page.getByRole("button", { name: "全部标为已读" }).click();
      await expect.poll(async () => Number(await badge.getAttribute("data-unread"))).toBe(0);

      // In English on the phone: the accepted case's sections, the similar cases panel included.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await page.getByTestId("case-number").waitFor();
      await page.getByRole("button", { name: /切换语言/ }).click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("heading", { level: 2, name: "Overview" }).waitFor();
      await page
        .getByTestId("similar-cases")
        .getByRole("heading", { name: "Outcomes of similar cases" })
        .waitFor();
      const sections = await page.locator("main h2, main .ant-descriptions-item-label").allTextContents();
      expect(sections.filter((text) => HAN.test(text))).toEqual([]);
      expect(await page.getByTestId("case-judge").textContent()).toBe(judge);
      await shot(page, "case accepted in English");
    } finally {
      await litigant.close();
      await clerk.close();
    }
  });

  it("shows the complaint wizard on a wide screen (the README picture)", async () => {
    const baseUrl = server!.baseUrl;
    const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "lisi@netcourt.demo", "/filings/new", false);
      await page.getByRole("heading", { level: 1, name: "网上立案" }).waitFor();
      await choose(page, "受理法院", "杭州互联网", "杭州互联网法院");
      await page.getByRole("button", { name: "开始填写", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "填写起诉状" }).waitFor();
      const plaintiff = page.getByTestId("party-0");
      expect(await plaintiff.getByLabel("姓名或名称").inputValue()).toBe("李四");
      const phoneField = plaintiff.getByLabel("联系电话");
      if (!(await phoneField.isDisabled())) await phoneField.fill("13900002222");
      await plaintiff.getByLabel("住所地", { exact: true }).fill("浙江省杭州市拱墅区湖墅南路8号");
      await page.getByText(/已保存/).waitFor();
      await page.mouse.click(1, 1);
      const file = path.join(repoRoot, "docs/images/netcourt-filing.png");
      await fs.mkdir(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: false });
      expect((await fs.stat(file)).size).toBeLessThan(300 * 1024);
      await screenshots("filing wizard desktop")(page, "wizard");
    } finally {
      await browser.close();
    }
  });

  it("shows the filing wizard and the case page in English once the language is switched", async () => {
    const baseUrl = server!.baseUrl;
    const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "lisi@netcourt.demo", "/filings/new", false);
      await page.getByRole("heading", { level: 1, name: "网上立案" }).waitFor();
      await page.getByRole("button", { name: /切换语言/ }).click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "File a case online" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");

      /** The main area's headings, step titles and field labels that hold Chinese. */
      const chineseLeft = async () =>
        (
          await page
            .locator("main")
            .locator(
              "h1, h2, h3, .ant-steps-item-title, .ant-form-item-label label, .ant-descriptions-item-label",
            )
            .allTextContents()
        ).filter((text) => HAN.test(text));
      expect(await chineseLeft()).toEqual([]);
      await choose(page, "Court", "Hangzhou", /Hangzhou Internet Court/);
      await page.getByRole("button", { name: "Start", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Complaint" }).waitFor();
      const caseId = new URL(page.url()).pathname.split("/").pop()!;
      await page.getByTestId("party-0").getByLabel("Resident ID number").waitFor();
      expect(await chineseLeft()).toEqual([]);
      await screenshots("filing wizard english")(page, "wizard");

      // The case page of that draft: section headings and field labels in English.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await page.getByRole("heading", { level: 2, name: "Overview" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Parties" }).waitFor();
      expect(await chineseLeft()).toEqual([]);
      await screenshots("filing wizard english")(page, "case page");
    } finally {
      await browser.close();
    }
  });
});
