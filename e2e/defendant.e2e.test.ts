import type { Locator, Page } from "playwright-core";
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
import { signInAt as signIn, until } from "./support/sign-in";
import { ApiSession, courtIdByCode, DEMO_PASSWORD, payAtCashier, staffSession } from "./support/court-api";
import { ONE_PIXEL_PNG } from "./support/court-day";

// Journey 2: the defendant. A dispute whose pre-litigation mediation failed goes to the court for
// registration without being typed again; the clerk accepts it and the complaint is served with a case
// code. The defendant — a new user — registers, verifies their real name, joins the case with the code
// and files an answer in the browser; the plaintiff reads it. Someone whose verified ID number is not the
// one the plaintiff gave is refused. An objection to jurisdiction is ruled on by the judge in charge.

const DEFENDANT = "赵明";
const DEFENDANT_ID = residentIdNumber("1986-04-21", "male");
const DEFENDANT_PHONE = uniquePhone();
const CLAIMS = [
  { text: "判令被告退还货款人民币5000元", amount: 5000 },
  { text: "判令被告承担本案诉讼费用", amount: null },
];

/** Raw values a translated screen must never show. */
const RAW_CODES =
  /\b(fee_due|answer_period|serve_complaint|party_identity_\w+|case_code_\w+|defence\.[a-z]\w*|object_to_jurisdiction|decide_jurisdiction_objection|legal_worker)\b/;

/** Scrolls so that `target` starts just under the page's top bar. */
async function scrollToTop(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (box) await page.evaluate(`window.scrollBy(0, ${Math.round(box.y) - 72})`);
}

/** The four ways a screen is looked at: Chinese and English, on a desktop and on a phone. */
const looks = [
  { language: "zh-CN", device: "desktop", viewport: { width: 1280, height: 800 } },
  { language: "zh-CN", device: "phone", viewport: phoneViewport.viewport },
  { language: "en", device: "desktop", viewport: { width: 1280, height: 800 } },
  { language: "en", device: "phone", viewport: phoneViewport.viewport },
] as const;

/** Opens `path` in each language and size, waits for `ready`, checks the text and takes a picture. */
async function lookAt(
  page: Page,
  baseUrl: string,
  path: string,
  name: string,
  ready: (page: Page) => Promise<void>,
) {
  for (const look of looks) {
    const shot = screenshots(`defendant ${look.device} ${look.language}`, {
      fullPage: look.device === "desktop",
    });
    await page.setViewportSize(look.viewport);
    await page.evaluate(`window.localStorage.setItem("nc_locale", ${JSON.stringify(look.language)})`);
    await page.goto(`${baseUrl}${path}`);
    await page.locator(`html[lang=${look.language}]`).waitFor({ state: "attached" });
    await ready(page);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text, `${name} (${look.language})`).not.toMatch(RAW_CODES);
    const tags = await page.locator("main .ant-tag").allTextContents();
    expect(tags.join(" "), `${name} tags (${look.language})`).not.toMatch(
      /\b(admit|contest|partly|pending|upheld|dismissed|active|revoked|filed)\b/,
    );
    if (look.language === "en") {
      // The parties' names and the claims are the litigants' own words; the page's own text is English.
      const panel = (await page.getByTestId("defendant-panel").count()) > 0;
      const ownText = panel
        ? ((await page
            .getByTestId("defendant-panel")
            .locator("h2, h3, label, button, .ant-tag, .ant-alert-title")
            .allTextContents()) ?? [])
        : [(await page.locator("main h1").textContent()) ?? ""];
      expect(ownText.join(" "), `${name} in English`).not.toMatch(/答辩|反诉|管辖|案件码|代理/);
    }
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow, `${name} ${look.device} scrolls sideways`).toBeLessThanOrEqual(1);
    await shot(page, name);
  }
  await page.evaluate(`window.localStorage.setItem("nc_locale", "zh-CN")`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("journey 2: the defendant joins the case and answers", () => {
  let server: RunningServer | undefined;
  let caseId = "";
  let caseCode = "";
  let courtId = "";
  let zhangsan: ApiSession;
  let clerk: ApiSession;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const baseUrl = server.baseUrl;
    courtId = await courtIdByCode(baseUrl, "浙0192");
    zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    clerk = await staffSession(baseUrl, "hzhlw.clerk2@netcourt.demo");
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("a failed mediation becomes a filing without retyping; the clerk accepts and the complaint is served", async () => {
    const baseUrl = server!.baseUrl;
    const draft = await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId });
    caseId = draft.caseId;
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
          name: DEFENDANT,
          idNumber: DEFENDANT_ID,
          sex: "male",
          phone: DEFENDANT_PHONE,
          address: "浙江省杭州市拱墅区湖墅南路9号",
        },
      ],
      claims: CLAIMS,
      factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
      evidence: [],
    });

    // Mediation first (在线调解规则): the mediator takes it and records that it failed.
    const mediators = await zhangsan.call<{ items: Array<{ id: string }> }>(
      "GET",
      `/api/courts/${courtId}/mediators`,
    );
    const applied = await zhangsan.call<{ mediationId: string }>("POST", `/api/filings/${caseId}/mediation`, {
      mediatorId: mediators.items[0]!.id,
    });
    const mediator = await staffSession(baseUrl, "hzhlw.mediator1@netcourt.demo");
    await mediator.call("POST", `/api/mediations/${applied.mediationId}/accept`);
    await mediator.call("POST", `/api/mediations/${applied.mediationId}/failure`, {
      reason: "被告未参加调解，调解不成",
    });
    // 在线调解规则第二十一条: the dispute goes to the court as filed, nothing typed again.
    await zhangsan.call("POST", `/api/mediations/${applied.mediationId}/refer-to-filing`);
    const referred = await zhangsan.call<{
      status: string;
      claims: Array<{ text: string; amount: number | null }>;
      parties: Array<{ name: string; role: string }>;
    }>("GET", `/api/cases/${caseId}`);
    expect(referred.status).toBe("under_review");
    expect(referred.claims.map((c) => c.text)).toEqual(CLAIMS.map((c) => c.text));
    expect(referred.parties.find((p) => p.role === "defendant")?.name).toBe(DEFENDANT);

    // The fee through the payment simulator, then the clerk registers the case.
    expect(await payAtCashier(zhangsan, caseId)).toBe(303);
    await clerk.call("POST", `/api/filings/${caseId}/accept`, {});

    // The job at acceptance serves the complaint; the court holds the defendant's case code.
    const defence = await until(
      () =>
        clerk.call<{ caseCodes: Array<{ caseCode: string; usedAt: string | null }> }>(
          "GET",
          `/api/cases/${caseId}/defence`,
        ),
      (d) => d.caseCodes.length === 1,
      "the defendant's case code",
    );
    caseCode = defence.caseCodes[0]!.caseCode;
    expect(defence.caseCodes[0]!.usedAt).toBeNull();
    await until(
      () =>
        clerk
          .call<{ items: Array<{ kind: string; status: string }> }>("GET", `/api/cases/${caseId}/services`)
          .then((r) => r.items),
      (items) => items.some((s) => s.kind === "complaint_copy" && s.status !== "pending"),
      "the complaint's service",
    );

    // The clerk reads the code out from the case page.
    const shot = screenshots("defendant clerk");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/cases/${caseId}`, true);
      const panel = page.getByTestId("defendant-panel");
      await panel.getByTestId("case-code").waitFor({ timeout: 60_000 });
      expect((await panel.getByTestId("case-code").textContent())?.replaceAll("-", "")).toContain(
        caseCode.replaceAll("-", "").slice(0, 4),
      );
      await panel.scrollIntoViewIfNeeded();
      await shot(page, "case codes on the case page");
    } finally {
      await browser.close();
    }
  });

  it("refuses someone whose verified ID number is not the one the plaintiff gave, in words", async () => {
    const baseUrl = server!.baseUrl;
    const phone = uniquePhone();
    const stranger = new ApiSession(baseUrl);
    await stranger.call("POST", "/api/auth/register", {
      kind: "person",
      name: "钱某",
      idNumber: residentIdNumber("1979-02-03", "female"),
      phone,
      password: DEMO_PASSWORD,
    });
    await stranger.call("POST", "/api/me/verification", { method: "external" });
    const shot = screenshots("defendant wrong identity");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, phone, `/cases/link?code=${encodeURIComponent(caseCode)}`, false);
      await page.getByRole("heading", { level: 1, name: "关联案件" }).waitFor();
      expect(await page.getByLabel("案件码").inputValue()).toBe(caseCode);
      await page.getByRole("button", { name: "关联案件", exact: true }).click();
      const refusal = page.getByTestId("link-refusal");
      await refusal.waitFor({ timeout: 60_000 });
      expect(await refusal.textContent()).toContain(
        "您实名认证的身份证件号码与原告提供的不一致，请联系法院核实",
      );
      await shot(page, "mismatch refused");
      // The same refusal in English.
      await page.evaluate(`window.localStorage.setItem("nc_locale", "en")`);
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Join a case" }).waitFor();
      await page.getByRole("button", { name: "Join the case", exact: true }).click();
      await refusal.waitFor({ timeout: 60_000 });
      expect(await refusal.textContent()).toContain(
        "The verified ID number does not match the one the plaintiff gave — contact the court.",
      );
      await shot(page, "mismatch refused in English");
    } finally {
      await browser.close();
    }
    // Nothing was linked: the stranger still does not see the case.
    expect((await stranger.request("GET", `/api/cases/${caseId}`)).status).toBe(404);
  });

  it("the defendant registers, verifies, joins with the case code and files an answer", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("defendant joins and answers");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(`${baseUrl}/register`);
      await page.getByRole("heading", { level: 1, name: "注册账号" }).waitFor();
      await page.getByLabel("姓名", { exact: true }).fill(DEFENDANT);
      await page.getByLabel("公民身份号码", { exact: true }).fill(DEFENDANT_ID);
      await page.getByLabel("手机号码", { exact: true }).fill(DEFENDANT_PHONE);
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel("确认密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "注册", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "我的账户" }).waitFor({ timeout: 60_000 });

      // Not verified yet: the page says so and leads to verification.
      await page.goto(`${baseUrl}/cases/link?code=${encodeURIComponent(caseCode)}`);
      await page.getByRole("heading", { level: 1, name: "关联案件" }).waitFor();
      await page.getByTestId("link-verify-first").waitFor();
      await shot(page, "verify first");
      await page.getByTestId("link-verify-first").getByRole("link", { name: "去实名认证" }).click();
      await page.getByRole("heading", { level: 1 }).filter({ hasText: "实名认证" }).waitFor();
      await page.getByRole("button", { name: "在线核验" }).click();
      await page.getByText("在线核验").first().waitFor();
      await until(
        async () => (await page.locator(".ant-result-success").count()) > 0,
        (done) => done,
        "the verification",
      );
      await shot(page, "verified");

      // Back to the case code, now accepted.
      await page.goto(`${baseUrl}/cases/link?code=${encodeURIComponent(caseCode)}`);
      await page.getByRole("heading", { level: 1, name: "关联案件" }).waitFor();
      await page.getByTestId("link-verify-first").waitFor({ state: "detached" });
      await shot(page, "code prefilled");
      await page.getByRole("button", { name: "关联案件", exact: true }).click();
      await page.waitForURL(`**/cases/${caseId}?linked=1`, { timeout: 60_000 });
      const panel = page.getByTestId("defendant-panel");
      const form = panel.getByTestId("answer-form");
      await form.waitFor({ timeout: 60_000 });
      await shot(page, "case page with the answer form");
      // The same form on a phone, from its top.
      await page.setViewportSize(phoneViewport.viewport);
      await scrollToTop(page, form);
      await shot(page, "answer form on a phone");
      expect(
        Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")),
      ).toBeLessThanOrEqual(1);
      await page.setViewportSize({ width: 1280, height: 800 });

      // A response to each claim, the facts and one item of evidence with its file.
      await form.getByLabel("理由").first().fill("手机系全新正品，有检测报告为证，不同意退款。");
      await form
        .getByLabel("事实与理由")
        .fill("被告交付的手机经第三方检测为全新正品，原告所称翻新机与事实不符。");
      await form.getByRole("button", { name: "添加证据" }).click();
      await form.getByLabel("证据名称").fill("检测报告");
      await form.getByLabel("证据来源").fill("第三方检测机构");
      await form.getByLabel("证明目的").fill("证明所售手机为全新正品");
      await form.getByTestId("evidence-input").setInputFiles({
        name: "检测报告.png",
        mimeType: "image/png",
        buffer: ONE_PIXEL_PNG,
      });
      await form.getByTestId("evidence-file").waitFor({ timeout: 60_000 });
      await form.getByRole("button", { name: "保存草稿" }).click();
      await page.getByText("答辩状草稿已保存").waitFor({ timeout: 60_000 });
      await shot(page, "draft saved");

      await form.getByRole("button", { name: "提交答辩状" }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "提交答辩状" }).click();
      const filed = panel.getByTestId("submitted-answer");
      await filed.waitFor({ timeout: 60_000 });
      expect(await filed.textContent()).toContain("检测报告");
      await form.waitFor({ state: "detached" });
      await filed.scrollIntoViewIfNeeded();
      await shot(page, "answer filed");

      // A counterclaim: the fee quoted is halved (诉讼费用交纳办法第十八条).
      const acts = panel.getByTestId("defence-acts");
      await acts.getByRole("button", { name: "反诉" }).click();
      const counterclaim = panel.getByTestId("counterclaim-form");
      await counterclaim.getByLabel("反诉请求 1").fill("判令原告支付货款余款人民币3000元");
      await counterclaim.getByLabel("金额（元）").fill("3000");
      await counterclaim.getByLabel("事实与理由").fill("原告尚欠货款3000元未付。");
      await counterclaim.getByRole("button", { name: "提出反诉" }).click();
      const fee = counterclaim.getByTestId("counterclaim-fee");
      await fee.waitFor({ timeout: 60_000 });
      expect(await fee.textContent()).toMatch(
        /应交反诉费 25\.00 元（已减半），请于 \d{4}年\d{1,2}月\d{1,2}日 前交纳/,
      );
      await fee.scrollIntoViewIfNeeded();
      await shot(page, "counterclaim fee quoted");

      // The counterclaim is listed with its 民事反诉状, its fee unpaid, and the way to pay it online
      // (诉讼费用交纳办法第二十条、第二十二条): through the gateway's cashier and back to the case page.
      const card = panel.getByTestId("counterclaim");
      await card.getByTestId("counterclaim-pay").waitFor({ timeout: 60_000 });
      expect(await card.getByTestId("counterclaim-fee-status").textContent()).toBe("未交纳");
      await card.getByRole("link", { name: /民事反诉状 中文正本 PDF/ }).waitFor({ timeout: 60_000 });
      await card.scrollIntoViewIfNeeded();
      await shot(page, "counterclaim listed unpaid");
      await card.getByTestId("counterclaim-pay").click();
      await page.getByRole("button", { name: "确认支付 Pay" }).click({ timeout: 60_000 });
      await page.waitForURL(`**/cases/${caseId}?payment=counterclaim`, { timeout: 60_000 });
      const paidCard = page.getByTestId("defendant-panel").getByTestId("counterclaim");
      await until(
        async () => await paidCard.getByTestId("counterclaim-fee-status").getAttribute("data-fee"),
        (status) => status === "paid",
        "the counterclaim fee paid",
      );
      await paidCard.getByRole("link", { name: /诉讼费交费凭证 中文正本 PDF/ }).waitFor({ timeout: 60_000 });
      expect(await paidCard.getByTestId("counterclaim-status").textContent()).toBe("已立案");
      await paidCard.scrollIntoViewIfNeeded();
      await shot(page, "counterclaim fee paid");
      await page.setViewportSize(phoneViewport.viewport);
      await paidCard.scrollIntoViewIfNeeded();
      await shot(page, "counterclaim fee paid on a phone");
      expect(
        Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")),
      ).toBeLessThanOrEqual(1);
      await page.setViewportSize({ width: 1280, height: 800 });

      // An agent: the lawyer's account, with the signed power of attorney; then revoked.
      await acts.getByRole("button", { name: "诉讼代理人" }).click();
      const agents = panel.getByTestId("agents-form");
      await agents.getByLabel("代理人账户的手机号或电子邮箱").fill("wanglawyer@netcourt.demo");
      await agents.getByTestId("power-of-attorney-input").setInputFiles({
        name: "授权委托书.png",
        mimeType: "image/png",
        buffer: ONE_PIXEL_PNG,
      });
      await agents.getByRole("button", { name: "委托代理人" }).click();
      const revoke = agents.getByRole("button", { name: /^解除对 .+ 的委托$/ });
      await revoke.waitFor({ timeout: 60_000 });
      await agents.scrollIntoViewIfNeeded();
      await shot(page, "agent appointed");
      await revoke.click();
      await agents.getByText("已解除", { exact: true }).waitFor({ timeout: 60_000 });
      await shot(page, "agent revoked");
    } finally {
      await browser.close();
    }
    const defence = await clerk.call<{
      answers: Array<{ status: string }>;
      caseCodes: Array<{ usedAt: string | null }>;
    }>("GET", `/api/cases/${caseId}/defence`);
    expect(defence.answers.map((a) => a.status)).toEqual(["submitted"]);
    expect(defence.caseCodes[0]!.usedAt).not.toBeNull();
  });

  it("the plaintiff reads the answer and its file; the case's service records show each step", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("defendant plaintiff reads");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const filed = page.getByTestId("defendant-panel").getByTestId("submitted-answer");
      await filed.waitFor({ timeout: 60_000 });
      const text = (await filed.textContent()) ?? "";
      expect(text).toContain(DEFENDANT);
      expect(text).toContain("不认可");
      expect(text).toContain("全新正品");
      // Read-only for the plaintiff: no answer form.
      expect(await page.getByTestId("answer-form").count()).toBe(0);
      const download = filed.getByRole("link", { name: "下载文件" });
      const response = await page.request.get(`${baseUrl}${await download.getAttribute("href")}`);
      expect(response.status()).toBe(200);
      await filed.scrollIntoViewIfNeeded();
      await shot(page, "answer read by the plaintiff");
      const services = page.getByTestId("case-services");
      if ((await services.count()) > 0) {
        await services.scrollIntoViewIfNeeded();
        await shot(page, "service records");
      }
    } finally {
      await browser.close();
    }
  });

  it("the judge in charge dismisses an objection to jurisdiction on the staff case page's Defence card", async () => {
    const baseUrl = server!.baseUrl;
    const defendant = new ApiSession(baseUrl);
    await defendant.call("POST", "/api/auth/login", { login: DEFENDANT_PHONE, password: DEMO_PASSWORD });
    await defendant.call("POST", `/api/cases/${caseId}/jurisdiction-objections`, {
      grounds: "被告住所地在拱墅区，合同约定由被告住所地法院管辖。",
      proposedCourt: "杭州市拱墅区人民法院",
    });
    // The judge in charge is drawn at random; the demo's judges are 法官甲 … 法官丁 (judge1 … judge4).
    const seen = await zhangsan.call<{ judge: { name: string } | null }>("GET", `/api/cases/${caseId}`);
    const index = ["法官甲", "法官乙", "法官丙", "法官丁"].findIndex((n) => seen.judge?.name.endsWith(n));
    const judgeLogin = index >= 0 ? `hzhlw.judge${index + 1}@netcourt.demo` : "";
    expect(judgeLogin).not.toBe("");
    const shot = screenshots("defendant judge rules", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, judgeLogin, `/court/cases/${caseId}`, true);
      const record = page.getByTestId("defence-record");
      const ruling = record.getByTestId("objection-ruling-form");
      await ruling.waitFor({ timeout: 60_000 });
      // The card lists what the defendant filed: the answer with its 民事答辩状, the objection.
      await record.getByTestId("defence-answer").getByText("全新正品").first().waitFor({ timeout: 60_000 });
      await ruling.scrollIntoViewIfNeeded();
      await shot(page, "objection pending");
      // 民事诉讼法第一百三十条: the judge rules by a signed ruling, after confirming.
      await ruling.getByLabel("异议不成立，予以驳回").check();
      await ruling
        .getByLabel("裁定理由（写入裁定书）")
        .fill("本案为网络购物合同纠纷，原告住所地法院依法有管辖权。");
      await ruling.getByRole("button", { name: "签发裁定" }).click();
      const confirm = page.locator(".ant-modal-confirm");
      await confirm.getByText("裁定书将送达各方当事人，本案继续审理。").waitFor({ timeout: 60_000 });
      await shot(page, "ruling confirmation");
      await confirm
        .getByRole("button", { name: "签 发" })
        .or(confirm.getByRole("button", { name: "签发" }))
        .click();
      await page.getByText("裁定已签发并送达当事人").waitFor({ timeout: 60_000 });
      const objection = record.getByTestId("defence-objection");
      await objection.locator('[data-status="dismissed"]').waitFor({ timeout: 60_000 });
      await objection.getByRole("link", { name: "裁定书 中文正本 PDF" }).waitFor({ timeout: 60_000 });
      expect(await record.getByTestId("objection-ruling-form").count()).toBe(0);
      await objection.scrollIntoViewIfNeeded();
      await shot(page, "objection dismissed");
      // The Defence card in Chinese and English, on a desktop and a phone.
      await lookAt(page, baseUrl, `/court/cases/${caseId}`, "staff defence card", async (p) => {
        const card = p.getByTestId("defence-record");
        await card
          .getByTestId("defence-objection")
          .locator('[data-status="dismissed"]')
          .waitFor({ timeout: 60_000 });
        if ((await p.locator("html").getAttribute("lang")) === "en") {
          const own = await card
            .locator(
              ".ant-card-head-title, label, button, .ant-tag, .ant-alert-title, .ant-descriptions-item-label, h5",
            )
            .allTextContents();
          expect(own.join(" "), "the Defence card in English").not.toMatch(/答辩|反诉|管辖|裁定|异议|证据/);
        }
        await scrollToTop(p, card);
      });
    } finally {
      await browser.close();
    }
  });

  it("reads in Chinese and English on a phone and a desktop", async () => {
    const baseUrl = server!.baseUrl;
    const newcomerPhone = uniquePhone();
    await new ApiSession(baseUrl).call("POST", "/api/auth/register", {
      kind: "person",
      name: "孙某",
      idNumber: residentIdNumber("1992-08-08", "female"),
      phone: newcomerPhone,
      password: DEMO_PASSWORD,
    });
    const newcomer = await openBrowser();
    try {
      const { page } = newcomer;
      await signIn(page, baseUrl, newcomerPhone, "/cases/link", false);
      await lookAt(page, baseUrl, "/cases/link?code=ABCD-EFGH-JKLM", "join a case unverified", (p) =>
        p.getByTestId("link-verify-first").waitFor(),
      );
    } finally {
      await newcomer.close();
    }
    const defendant = await openBrowser();
    try {
      const { page } = defendant;
      await signIn(page, baseUrl, DEFENDANT_PHONE, `/cases/${caseId}`, false);
      await lookAt(page, baseUrl, "/cases/link", "join a case verified", (p) =>
        p.getByLabel(/^(案件码|Case code)$/).waitFor(),
      );
      await lookAt(page, baseUrl, `/cases/${caseId}`, "defendant panel", async (p) => {
        const panel = p.getByTestId("defendant-panel");
        await panel.getByTestId("submitted-answer").waitFor({ timeout: 60_000 });
        await scrollToTop(page, panel);
      });
    } finally {
      await defendant.close();
    }
    const court = await openBrowser();
    try {
      const { page } = court;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/cases/${caseId}`, true);
      await lookAt(page, baseUrl, `/cases/${caseId}`, "clerk panel", async (p) => {
        const panel = p.getByTestId("defendant-panel");
        await panel.getByTestId("case-codes").waitFor({ timeout: 60_000 });
        await scrollToTop(page, panel);
      });
    } finally {
      await court.close();
    }
  });
});
