import http from "node:http";
import type { AddressInfo } from "node:net";
import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { signInAt as signIn, until } from "./support/sign-in";
import { ApiSession, courtIdByCode, DEMO_PASSWORD, payAtCashier, staffSession } from "./support/court-api";
import { ONE_PIXEL_PNG } from "./support/court-day";

// Journey 3: service of the complaint (电子送达). The plaintiff confirms an electronic service address;
// the court accepts the complaint and the job serves it on two defendants: 李四, whose SMS arrives,
// and a company whose number the SMS gateway cannot reach. The clerk serves the company by public notice;
// 李四 joins the case and answers, and the answer copy is served on the plaintiff's confirmed address on
// arrival (互联网法院规定第十七条), whose link the plaintiff opens.

/** 李四's resident ID number as the demo seed gives it (apps/server/src/seed/demo-seed.ts). */
const LISI_ID = (() => {
  const first17 = "11010519881120124";
  return first17 + residentIdCheckCharacter(first17);
})();
const LISI_PHONE = "13900000001";
/** The company's number: the SMS gateway cannot hand messages to it, so its electronic service fails. */
const UNREACHABLE_PHONE = "13900000002";
const COMPANY = "杭州寅卯网络科技有限公司";

/** Raw values a translated screen must never show. */
const RAW_CODES =
  /complaint_copy|response_notice|evidence_notice|answer_copy|served_by_|undeliverable|answer_period|\b(service|served|address|undeliverable)\.[a-z]|\bsms\b/;

interface Service {
  id: string;
  kind: string;
  status: string;
  servedAt: string | null;
  servedHow: string | null;
  recipient: { name: string; phone: string | null };
}

/**
 * The court's SMS gateway (docs/deploy.md, "SMS and e-mail"): keeps each message and answers
 * `delivered`, except for the unreachable number, where it fails (HTTP 503).
 */
async function startSmsGateway() {
  const messages: Array<{ to: string; text: string }> = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const message = JSON.parse(body) as { to: string; text: string };
      messages.push(message);
      response.setHeader("content-type", "application/json");
      if (message.to === UNREACHABLE_PHONE) {
        response.statusCode = 503;
        response.end(JSON.stringify({ error: "number unreachable" }));
        return;
      }
      response.end(JSON.stringify({ status: "delivered", id: `GW-${messages.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
  /** The 送达地址确认书 shows its Chinese original beside the English translation. */
  options: { showsChineseOriginal?: boolean } = {},
) {
  for (const look of looks) {
    const shot = screenshots(`service ${look.device} ${look.language}`, {
      fullPage: look.device === "desktop",
    });
    await page.setViewportSize(look.viewport);
    await page.evaluate(`window.localStorage.setItem("nc_locale", ${JSON.stringify(look.language)})`);
    await page.goto(`${baseUrl}${path}`);
    await page.locator(`html[lang=${look.language}]`).waitFor({ state: "attached" });
    await ready(page);
    await page
      .locator(".ant-message-notice")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text, `${name} (${look.language})`).not.toMatch(RAW_CODES);
    if (look.language === "en" && !options.showsChineseOriginal)
      expect(text, `${name} in English`).not.toMatch(/送达|答辩|公告|书记员/);
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow, `${name} ${look.device} scrolls sideways`).toBeLessThanOrEqual(1);
    await shot(page, name);
  }
  await page.evaluate(`window.localStorage.setItem("nc_locale", "zh-CN")`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("journey 3: serving the complaint", () => {
  let server: RunningServer | undefined;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>> | undefined;
  let caseId: string;
  let clerk: ApiSession;
  let zhangsan: ApiSession;
  let courtId: string;

  beforeAll(async () => {
    gateway = await startSmsGateway();
    server = await startServer({
      seedDemo: true,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]", SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_KEY: "journey-key" },
    });
    const baseUrl = server.baseUrl;
    courtId = await courtIdByCode(baseUrl, "浙0192");
    zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    clerk = await staffSession(baseUrl, "hzhlw.clerk2@netcourt.demo");
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await gateway?.close();
  });

  it("the plaintiff reads the 送达地址确认书 and confirms an electronic service address", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("service address");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", "/account", false);
      // The account page leads to the service address.
      await page.getByRole("link", { name: "送达地址" }).first().click();
      await page.getByRole("heading", { level: 1, name: "电子送达地址" }).waitFor();
      await page.getByTestId("service-address-none").waitFor();
      expect(await page.getByTestId("confirmation-zh").textContent()).toContain("送达效力");
      // Without consent nothing is saved.
      await page.getByLabel("手机号码").fill("13800001111");
      await page.getByLabel("电子邮箱").fill("zhangsan@example.com");
      await page.getByRole("button", { name: "确认送达地址" }).click();
      await page.getByText("请先阅读并同意送达地址确认书").waitFor();
      await shot(page, "consent missing");
      await page.getByRole("checkbox", { name: "我已阅读并同意以上送达地址确认书" }).check();
      await page.getByRole("button", { name: "确认送达地址" }).click();
      const current = page.getByTestId("service-address-current");
      await current.waitFor();
      expect(await current.textContent()).toContain("zhangsan@example.com");
      await shot(page, "confirmed");
    } finally {
      await browser.close();
    }
    const view = await zhangsan.call<{ address: { phone: string } | null }>("GET", "/api/me/service-address");
    expect(view.address?.phone).toBe("13800001111");
  });

  it("the court accepts; the complaint reaches 李四 and fails for the company, which the clerk serves by public notice", async () => {
    const baseUrl = server!.baseUrl;
    // 张三 files against 李四 and the company, pays; the clerk accepts, and a job serves the complaint.
    const draft = await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId });
    caseId = draft.caseId;
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
          sex: "male",
          phone: LISI_PHONE,
          address: "北京市朝阳区建国路1号",
        },
        {
          role: "defendant",
          kind: "legal_person",
          name: COMPANY,
          legalRepresentative: "孙八",
          phone: UNREACHABLE_PHONE,
          address: "浙江省杭州市余杭区五常街道8号",
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
    await zhangsan.call("POST", `/api/filings/${caseId}/submit`, {});
    expect(await payAtCashier(zhangsan, caseId)).toBe(303);
    await clerk.call("POST", `/api/filings/${caseId}/accept`, {});

    // The job serves the complaint copy, the 应诉通知书 and the 举证通知书 on each defendant.
    const services = await until(
      () => clerk.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`).then((r) => r.items),
      (items) => items.length === 6 && items.every((s) => s.status !== "pending"),
      "the complaint's service",
    );
    const toCompany = services.filter((s) => s.recipient.name === COMPANY);
    const toLisi = services.filter((s) => s.recipient.name === "李四");
    expect(toCompany.map((s) => s.status)).toEqual(["failed", "failed", "failed"]);
    // An address the plaintiff gave: delivered, but not served until 李四 opens it (在线诉讼规则第三十一条第二款).
    expect(toLisi.every((s) => s.status === "delivered" && s.servedAt === null)).toBe(true);
    expect(gateway!.messages.some((m) => m.to === LISI_PHONE && m.text.includes("/served/"))).toBe(true);
    const companyCopy = toCompany.find((s) => s.kind === "complaint_copy")!;
    const companyEvidence = toCompany.find((s) => s.kind === "evidence_notice")!;

    const shot = screenshots("service clerk");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", "/court/services", true);
      await page.getByRole("heading", { level: 1, name: "待另行送达" }).waitFor();
      const copyItem = page.getByTestId(`undeliverable-${companyCopy.id}`);
      await copyItem.waitFor();
      expect(await copyItem.textContent()).toContain("发送失败");
      expect(await copyItem.textContent()).toContain(UNREACHABLE_PHONE); // the clerk sees the full number
      await shot(page, "list");

      // Court post: the form checks the tracking number before anything is sent.
      const evidenceItem = page.getByTestId(`undeliverable-${companyEvidence.id}`);
      await evidenceItem.getByRole("button", { name: "记录邮寄送达" }).click();
      const postDialog = page.getByRole("dialog", { name: "记录法院专递送达" });
      await postDialog.getByLabel("邮件单号").fill("12#");
      await postDialog.getByRole("button", { name: "保存送达记录" }).click();
      await postDialog.getByText("请填写 6–40 位字母、数字或连字符组成的单号").waitFor();
      await postDialog.getByText("请选择签收日期").waitFor();
      await shot(page, "post form checked");
      await postDialog.getByRole("button", { name: "取消", exact: true }).click();

      // Public notice: the dialog names the day it will be deemed served (民事诉讼法第九十五条).
      await copyItem.getByRole("button", { name: "公告送达" }).click();
      const noticeDialog = page.getByRole("dialog", { name: "公告送达" });
      await noticeDialog.getByRole("button", { name: "记录公告送达" }).click();
      await noticeDialog.getByText("请选择公告日期").waitFor();
      // The notice went out today: the picker's "today" (a later day cannot be chosen).
      await noticeDialog.getByLabel("公告日期").click();
      await page.locator(".ant-picker-dropdown:visible .ant-picker-now-btn").click();
      await noticeDialog.getByTestId("notice-deemed").waitFor();
      expect(await noticeDialog.getByTestId("notice-deemed").textContent()).toMatch(
        /即 \d{4}年\d{1,2}月\d{1,2}日 视为送达/,
      );
      await shot(page, "notice form");
      await noticeDialog.getByRole("button", { name: "记录公告送达" }).click();
      await page.getByText(/已记录公告送达，\d{4}年\d{1,2}月\d{1,2}日 视为送达/).waitFor();
      await copyItem.waitFor({ state: "detached" });
      await shot(page, "notice recorded");

      // The case page: every service with the full addresses; the notice and its deemed day.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      const section = page.getByTestId("case-services");
      await section.waitFor();
      const noticed = section.getByTestId("service-complaint_copy").filter({ hasText: COMPANY });
      await noticed.getByTestId("notice-line").waitFor();
      expect(await noticed.getByTestId("notice-line").textContent()).toMatch(/发布公告，\d{4}年.*视为送达/);
      expect(await noticed.getByTestId("following-line").textContent()).toBe("答辩期 15 日，自送达次日起算");
      expect(await section.textContent()).toContain(LISI_PHONE);
      await section.scrollIntoViewIfNeeded();
      await shot(page, "case services");
    } finally {
      await browser.close();
    }
    const after = await clerk.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`);
    expect(after.items.find((s) => s.id === companyCopy.id)!.status).toBe("pending");
  });

  it("李四 joins and answers; the answer copy is served on the plaintiff's confirmed address on arrival and opens from its link", async () => {
    const baseUrl = server!.baseUrl;
    const defence = await clerk.call<{ caseCodes: Array<{ partyId: string; caseCode: string }> }>(
      "GET",
      `/api/cases/${caseId}/defence`,
    );
    const detail = await clerk.call<{
      parties: Array<{ id: string; name: string }>;
      claims: Array<{ position: number }>;
    }>("GET", `/api/cases/${caseId}`);
    const lisiParty = detail.parties.find((p) => p.name === "李四")!;
    const lisi = new ApiSession(baseUrl);
    await lisi.signIn("lisi@netcourt.demo");
    await lisi.call("POST", "/api/cases/link", {
      caseCode: defence.caseCodes.find((c) => c.partyId === lisiParty.id)!.caseCode,
    });
    await lisi.call("PUT", `/api/cases/${caseId}/answer`, {
      partyId: lisiParty.id,
      responses: [
        {
          claimPosition: detail.claims[0]!.position,
          position: "contest",
          text: "手机系全新正品，不同意退款。",
        },
      ],
      factsAndReasons: "被告交付的手机经检测为全新正品。",
      evidence: [],
    });
    await lisi.call("POST", `/api/cases/${caseId}/answer/submit`, { partyId: lisiParty.id });

    const answerCopy = await until(
      () =>
        zhangsan
          .call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`)
          .then((r) => r.items.find((s) => s.kind === "answer_copy")),
      (service) => service?.servedAt !== null && service !== undefined,
      "the answer copy's service",
    );
    // 互联网法院规定第十七条: at a confirmed address service is complete on arrival, unopened.
    expect(answerCopy!.servedHow).toBe("delivered");
    // The plaintiff sees how each document was served, but not the defendants' numbers.
    const seen = await zhangsan.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`);
    expect(seen.items.map((s) => s.kind)).toContain("answer_copy");
    expect(
      seen.items.filter((s) => s.recipient.name !== "张三").every((s) => s.recipient.phone === null),
    ).toBe(true);

    const shot = screenshots("service served page");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      // A visitor who is not signed in is sent to sign in (or register) and back to the document.
      await page.goto(`${baseUrl}/served/${answerCopy!.id}`);
      await page.waitForURL(
        (url) => url.pathname === "/sign-in" && url.searchParams.get("next") === `/served/${answerCopy!.id}`,
      );
      expect(await page.locator("main").getByRole("link", { name: "注册" }).getAttribute("href")).toContain(
        encodeURIComponent(`/served/${answerCopy!.id}`),
      );
      await shot(page, "sign in first");
      await page.getByLabel("手机号码或电子邮箱").fill("zhangsan@netcourt.demo");
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "送达文书" }).waitFor();
      expect(await page.getByTestId("served-case-number").textContent()).toMatch(
        /^（\d{4}）浙0192民初\d+号$/,
      );
      expect(await page.getByTestId("served-at").textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await page.locator("main").textContent()).toContain("送达信息到达受送达人确认的电子地址");
      const pdf = page
        .getByTestId("served-downloads")
        .getByRole("link", { name: "答辩状副本（中文正本）PDF" });
      const response = await page.request.get(`${baseUrl}${await pdf.getAttribute("href")}`);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 4).toString()).toBe("%PDF");
      await shot(page, "served document");

      // The case page: the answer copy served, with its certificate.
      await page.getByRole("link", { name: "查看案件" }).click();
      const record = page.getByTestId("case-services").getByTestId("service-answer_copy");
      await record.waitFor();
      expect(await record.textContent()).toContain("已送达");
      const certificate = record.getByRole("link", { name: "答辩状副本的电子送达凭证（中文正本）DOCX" });
      const docx = await page.request.get(`${baseUrl}${await certificate.getAttribute("href")}`);
      expect(docx.status()).toBe(200);
      expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
      await record.scrollIntoViewIfNeeded();
      await shot(page, "case service record");
    } finally {
      await browser.close();
    }

    // Someone who is not the addressee finds nothing there, and is told how a defendant joins a case.
    const other = await openBrowser();
    try {
      const { page } = other;
      await signIn(page, baseUrl, "lisi@netcourt.demo", `/served/${answerCopy!.id}`, false);
      await page.getByRole("heading", { level: 1, name: "找不到这份送达文书" }).waitFor();
      expect(await page.getByRole("link", { name: "加入案件" }).getAttribute("href")).toBe("/cases/link");
      await shot(page, "not the addressee");
    } finally {
      await other.close();
    }
  });

  it("reads in Chinese and English on a phone and a desktop", async () => {
    const baseUrl = server!.baseUrl;
    const services = await zhangsan.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`);
    const answerCopy = services.items.find((s) => s.kind === "answer_copy")!;
    const plaintiff = await openBrowser();
    try {
      const { page } = plaintiff;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", "/account/service-address", false);
      await lookAt(
        page,
        baseUrl,
        "/account/service-address",
        "service address",
        (p) => p.getByTestId("service-address-current").waitFor(),
        { showsChineseOriginal: true },
      );
      await lookAt(page, baseUrl, `/served/${answerCopy.id}`, "served document", (p) =>
        p.getByTestId("served-downloads").waitFor(),
      );
      await lookAt(page, baseUrl, `/cases/${caseId}`, "case services plaintiff", async (p) => {
        const section = p.getByTestId("case-services");
        await section.getByTestId("service-answer_copy").waitFor();
        await section.scrollIntoViewIfNeeded();
      });
    } finally {
      await plaintiff.close();
    }
    const lisi = await openBrowser();
    try {
      const { page } = lisi;
      await signIn(page, baseUrl, "lisi@netcourt.demo", "/inbox", false);
      await lookAt(page, baseUrl, `/served/${answerCopy.id}`, "served not found", (p) =>
        p.getByTestId("served-newcomer").waitFor(),
      );
    } finally {
      await lisi.close();
    }
    const court = await openBrowser();
    try {
      const { page } = court;
      // Another clerk than the one who signed in before: a TOTP code is good for one sign-in.
      await signIn(page, baseUrl, "hzhlw.clerk2@netcourt.demo", "/court/services", true);
      await lookAt(page, baseUrl, "/court/services", "clerk list", (p) =>
        p.getByTestId("undeliverable-list").locator(".ant-list-item").first().waitFor(),
      );
      await lookAt(page, baseUrl, `/cases/${caseId}`, "case services clerk", async (p) => {
        const section = p.getByTestId("case-services");
        await section.getByTestId("notice-line").waitFor();
        await section.scrollIntoViewIfNeeded();
      });
    } finally {
      await court.close();
    }
  });
});
