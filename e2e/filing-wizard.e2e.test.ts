import type { Page } from "playwright-core";
import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openBrowser,
  phoneViewport,
  residentIdNumber,
  screenshots,
  startServer,
  uniquePhone,
  type RunningServer,
} from "./support";
import { ApiSession, DEMO_PASSWORD } from "./support/court-api";

// The filing wizard as a newcomer meets it: told to verify first, offered only the courts that can
// hear the case, a pasted complaint kept whole with its one wrong number marked in words, the filer's
// particulars filled from the account, and "由法院决定" shown as 待定 until the court decides.

/** Any Chinese character: English labels must have none. */
const HAN = /\p{Script=Han}/u;
/** What must never reach the screen: raw error codes and the generic "bad request" text. */
const RAW = /invalid_id_number|id_number_check_digit_mismatch|validation_failed|请求内容不符合要求/;

// 李五's number (male, born 1985-06-15) and the same number with its check digit changed.
const DEFENDANT_ID = ((first17: string) => first17 + residentIdCheckCharacter(first17))("11010519850615243");
const WRONG_ID = DEFENDANT_ID.slice(0, 17) + (DEFENDANT_ID[17] === "1" ? "2" : "1");

const COMPLAINT = [
  "民事起诉状",
  "原告：张三，男，汉族，1990年3月7日出生，住浙江省杭州市西湖区文三路1号，联系电话13800001111。",
  `被告：李五，男，汉族，住北京市朝阳区某路1号，公民身份号码${WRONG_ID}，联系电话13900002222。`,
  "诉讼请求：",
  "1. 判令被告退还货款人民币5000元；",
  "2. 判令被告承担本案诉讼费用。",
  "事实与理由：",
  "2026年1月5日原告通过电商平台向被告购买手机一部，收货后发现系翻新机，被告拒绝退货，引起网络购物合同纠纷。",
  "证据：",
  "1. 订单截图",
  "此致",
  "杭州互联网法院",
].join("\n");

/** Switches the screens' language, trying again when a click lands while the menu is settling. */
async function switchLanguage(page: Page, language: "en" | "zh-CN"): Promise<void> {
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

/** The options of the antd select labelled `label`, as listed when it opens. */
async function optionsOf(page: Page, label: string | RegExp): Promise<string[]> {
  const field = page.getByLabel(label, { exact: typeof label === "string" });
  const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
  // The list may still be loading, or re-render and close while it opens: open it until it shows options.
  let texts: string[] = [];
  await expect
    .poll(
      async () => {
        if ((await page.locator(".ant-select-dropdown:visible").count()) === 0) await field.click();
        texts = await options.allTextContents();
        return texts.length;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await page.keyboard.press("Escape");
  return texts;
}

describe("filing wizard for a newcomer", () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("on a phone: verify-first notice, only courts with jurisdiction, an imported complaint kept with its wrong number marked, saved and reopened", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("filing wizard newcomer phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      const name = "钱新来";
      const idNumber = residentIdNumber("1992-08-16", "female");
      const phone = uniquePhone();
      await page.goto(`${baseUrl}/register`);
      await page.getByRole("heading", { level: 1, name: "注册账号" }).waitFor();
      await page.getByLabel("姓名", { exact: true }).fill(name);
      await page.getByLabel("公民身份号码", { exact: true }).fill(idNumber);
      await page.getByLabel("手机号码", { exact: true }).fill(phone);
      await page.getByLabel("密码", { exact: true }).fill("Court2026secure");
      await page.getByLabel("确认密码", { exact: true }).fill("Court2026secure");
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "注册", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor();

      // The entrance says to verify first, with the way to do it.
      await page.goto(`${baseUrl}/filings/new`);
      await page.getByRole("heading", { level: 1, name: "网上立案" }).waitFor();
      const notice = page.getByTestId("verify-first");
      await notice.getByText("请先完成实名认证再提交起诉").waitFor();
      expect(await notice.getByRole("link", { name: "去实名认证" }).getAttribute("href")).toBe(
        "/account/verification",
      );

      // Only basic-level courts that hear first-instance cases: here the three Internet courts, none preselected.
      const offered = await optionsOf(page, "受理法院");
      expect([...offered].sort()).toEqual(["北京互联网法院", "广州互联网法院", "杭州互联网法院"].sort());
      expect(offered.join()).not.toMatch(/最高|高级|中级/);
      await page.getByText("请选择受理法院").first().waitFor();
      await shot(page, "start verify first");

      // Paste a complaint whose defendant's ID number has a wrong check digit.
      await page.getByLabel("起诉状全文").fill(COMPLAINT);
      await page.getByRole("button", { name: "识别并开始填写" }).click();
      await page.getByRole("heading", { level: 1, name: "填写起诉状" }).waitFor();
      const caseId = new URL(page.url()).pathname.split("/").pop()!;
      await page.getByText(/^已保存/).waitFor({ timeout: 20_000 });
      await page.getByText("被告（2） · 公民身份号码：身份证号码校验位不正确，请核对号码").waitFor();

      const plaintiff = page.getByTestId("party-0");
      const defendant = page.getByTestId("party-1");
      expect(await defendant.getByLabel("姓名或名称").inputValue()).toBe("李五");
      expect(await defendant.getByLabel("公民身份号码").inputValue()).toBe(WRONG_ID);
      expect(await defendant.getByLabel("住所地", { exact: true }).inputValue()).toContain("北京市朝阳区");
      await defendant.getByText("身份证号码校验位不正确，请核对号码").waitFor();
      // The filer is the account holder: name from the account, sex and birth date from its ID number.
      expect(await plaintiff.getByLabel("姓名或名称").inputValue()).toBe(name);
      await expect.poll(() => plaintiff.getByLabel("出生日期").inputValue()).toBe("1992-08-16");
      expect(await plaintiff.getByText("女", { exact: true }).count()).toBeGreaterThan(0);
      // The phone the complaint gives is kept; the account's fills it only when none is given.
      expect(await plaintiff.getByLabel("联系电话").inputValue()).toBe("13800001111");
      expect(await page.locator("main").textContent()).not.toMatch(RAW);
      await shot(page, "imported");
      await defendant.getByLabel("公民身份号码").scrollIntoViewIfNeeded();
      await shot(page, "imported wrong id marked");

      // Reopened, the draft shows every field it holds, the wrong number still marked.
      await page.goto(`${baseUrl}/filings/${caseId}`);
      await page.getByRole("heading", { level: 1, name: "填写起诉状" }).waitFor();
      expect(await page.getByTestId("party-1").getByLabel("公民身份号码").inputValue()).toBe(WRONG_ID);
      await page.getByTestId("party-1").getByText("身份证号码校验位不正确，请核对号码").waitFor();
      expect(await page.getByLabel("诉讼请求（1）").inputValue()).toContain("退还货款");
      expect(await page.getByLabel("事实与理由").inputValue()).toContain("翻新机");
      await shot(page, "reopened");

      // The review names the field to correct; an unverified account cannot reach a submission.
      await page.getByRole("navigation", { name: "填写步骤" }).getByText("核对提交").click();
      await page.getByTestId("field-issues").waitFor();
      expect(await page.getByRole("button", { name: "提交立案申请" }).isDisabled()).toBe(true);
      expect(await page.locator("main").textContent()).not.toMatch(RAW);
      await page.getByTestId("field-issues").scrollIntoViewIfNeeded();
      await shot(page, "review blocked");

      // Corrected, the number states sex and birth date, shown without being typed.
      await page
        .getByTestId("field-issues")
        .getByRole("button", { name: /去更正/ })
        .click();
      const idField = page.getByTestId("party-1").getByLabel("公民身份号码");
      await idField.fill(DEFENDANT_ID);
      await expect
        .poll(() => page.getByTestId("party-1").getByLabel("出生日期").inputValue())
        .toBe("1985-06-15");
      await page.getByTestId("party-1").getByText("根据公民身份号码填写").first().waitFor();
      await expect
        .poll(() => page.getByTestId("party-1").getByText("身份证号码校验位不正确，请核对号码").count())
        .toBe(0);
      await page.getByText(/^已保存/).waitFor();
      await page.getByTestId("party-1").getByLabel("出生日期").scrollIntoViewIfNeeded();
      await shot(page, "corrected particulars from id");

      // The same screen in English: labels translated, no raw codes.
      await switchLanguage(page, "en");
      await page.getByRole("heading", { level: 1, name: "Complaint" }).waitFor();
      const labels = await page.locator("main .ant-form-item-label label").allTextContents();
      expect(labels.length).toBeGreaterThan(5);
      expect(labels.filter((text) => HAN.test(text))).toEqual([]);
      await page.getByTestId("verify-first").waitFor();
      expect(await page.locator("main").textContent()).not.toMatch(RAW);
      await page.getByTestId("party-1").getByText("Read from the ID number").first().scrollIntoViewIfNeeded();
      await shot(page, "wizard in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await browser.close();
    }
  });

  it("on a wide screen, in both languages: a complaint left for the court to decide its procedure shows 待定 / To be decided", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("filing wizard procedure undecided desktop");
    const api = new ApiSession(baseUrl);
    await api.signIn("lisi@netcourt.demo");
    const courts = await api.call<{ items: Array<{ id: string; code: string }> }>(
      "GET",
      "/api/courts?instance=first&cause=online-sale-contract",
    );
    const beijing = courts.items.find((court) => court.code === "京0491")!;
    const draft = await api.call<{ caseId: string }>("POST", "/api/filings", { courtId: beijing.id });
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob(["订单号 20260105-0001"], { type: "text/plain" }), "订单截图.txt");
    const attachment = await api.call<{ id: string }>(
      "POST",
      `/api/filings/${draft.caseId}/attachments`,
      form,
    );
    await api.call("PUT", `/api/filings/${draft.caseId}`, {
      causeCode: "online-sale-contract",
      procedure: null,
      parties: [
        {
          role: "plaintiff",
          kind: "natural_person",
          name: "李四",
          phone: "13900002222",
          address: "北京市海淀区某路2号",
          isFiler: true,
        },
        { role: "defendant", kind: "legal_person", name: "北京某某科技有限公司", address: "北京市朝阳区" },
      ],
      claims: [{ text: "判令被告退还货款人民币3000元", amount: 3000 }],
      factsAndReasons: "原告在被告网店购买的耳机无法使用，被告拒绝退货退款。",
      evidence: [
        { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
      ],
    });
    const submitted = await api.call<{ procedure: string | null }>(
      "POST",
      `/api/filings/${draft.caseId}/submit`,
      {},
    );
    expect(submitted.procedure).toBeNull();

    const browser = await openBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = browser;
      await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(`/cases/${draft.caseId}`)}`);
      await page.getByLabel("手机号码或电子邮箱").fill("lisi@netcourt.demo");
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.waitForURL(`**/cases/${draft.caseId}`);
      const procedure = page.locator(".ant-descriptions-item", { hasText: "审理程序" }).first();
      await procedure.waitFor();
      expect(await procedure.textContent()).toContain("待定");
      expect(await procedure.textContent()).not.toContain("普通程序");
      await shot(page, "case procedure undecided");

      await switchLanguage(page, "en");
      const procedureEn = page.locator(".ant-descriptions-item", { hasText: "Procedure" }).first();
      await procedureEn.getByText("To be decided").waitFor();
      await shot(page, "case procedure undecided in English");

      // The verified filer's start screen in English: no verify-first notice, Internet courts only.
      await page.goto(`${baseUrl}/filings/new`);
      await page.getByRole("heading", { level: 1, name: "File a case online" }).waitFor();
      expect(await page.getByTestId("verify-first").count()).toBe(0);
      const offered = await optionsOf(page, /^Court/);
      expect(offered.length).toBe(3);
      expect(offered.every((text) => / Internet Court$/.test(text))).toBe(true);
      await shot(page, "start in English");
      await switchLanguage(page, "zh-CN");
    } finally {
      await browser.close();
    }
  });
});
