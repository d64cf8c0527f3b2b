import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { formatDate } from "@netcourt/shared/format";
import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePeriodEnd, courtDateOf } from "../apps/server/src/modules/courts/index";
import { demoCreditCode } from "../apps/server/src/seed/demo-seed";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, courtIdByCode, payAtCashier, staffSession } from "./support/court-api";
import { signInAt as signIn, until } from "./support/sign-in";
import { DAY_MS, ONE_PIXEL_PNG } from "./support/court-day";

// Journey 3, the defendant who never opens the message. The demo company 杭州云栖示范网络科技有限公司 has
// confirmed an electronic service address; 张三 sues it, the clerk accepts and the complaint is served
// there. The company never signs in: service is complete on arrival all the same (互联网法院规定第十七条,
// 在线诉讼规则第三十一条第一款), and the 15-day answer period (民事诉讼法第一百二十八条, counted by 第八十五条) runs
// from that day. The server is then started again on the same data with its clock moved past the end of
// the period (CLOCK_OFFSET), and the company's late answer is refused.

const COMPANY = "杭州云栖示范网络科技有限公司";
const COMPANY_LOGIN = "yunqi@netcourt.demo";
/** The company's credit code as the demo seed gives it: the account is linked by it, never by name. */
const COMPANY_CREDIT_CODE = demoCreditCode("330106", "MA2DEM01");
/** The address the company confirmed, and the number the plaintiff wrote down (not used for service). */
const CONFIRMED_PHONE = "13900008888";
const PROVIDED_PHONE = "13900006666";
/** 李四's resident ID number as the demo seed gives it (apps/server/src/seed/demo-seed.ts). */
const LISI_ID = (() => {
  const first17 = "11010519881120124";
  return first17 + residentIdCheckCharacter(first17);
})();

/** Raw values a translated screen must never show. */
const RAW_CODES =
  /complaint_copy|response_notice|evidence_notice|answer_period|served_by_|\b(service|served|defence|address)\.[a-z]|\bsms\b/;

interface Service {
  id: string;
  kind: string;
  status: string;
  addressBasis: string;
  deliveredAt: string | null;
  openedAt: string | null;
  servedAt: string | null;
  servedHow: string | null;
  recipient: { name: string; phone: string | null };
}

interface CaseView {
  deadlines: Array<{ kind: string; dueAt: string; status: string; daysLeft: number | null }>;
  actions: string[];
  parties: Array<{ id: string; role: string }>;
  claims: Array<{ position: number }>;
}

/** The four ways a screen is looked at: Chinese and English, on a desktop and on a phone. */
const looks = [
  { language: "zh-CN", device: "desktop", viewport: { width: 1280, height: 800 } },
  { language: "zh-CN", device: "phone", viewport: phoneViewport.viewport },
  { language: "en", device: "desktop", viewport: { width: 1280, height: 800 } },
  { language: "en", device: "phone", viewport: phoneViewport.viewport },
] as const;
/** One folder of pictures per look, numbered in the journey's order. */
const lookShots = new Map(
  looks.map((look) => [
    look,
    screenshots(`unopened service ${look.device} ${look.language}`, { fullPage: false }),
  ]),
);

/**
 * Opens `url` in each language and size; `check` finds the part of the page the journey is about and
 * asserts on it in that language; the part is checked for raw codes and Chinese in English, the page for
 * sideways scrolling, and it is photographed.
 */
async function lookAt(
  page: Page,
  url: string,
  name: string,
  check: (page: Page, language: "zh-CN" | "en") => Promise<Locator>,
) {
  for (const look of looks) {
    const shot = lookShots.get(look)!;
    await page.setViewportSize(look.viewport);
    await page.evaluate(`window.localStorage.setItem("nc_locale", ${JSON.stringify(look.language)})`);
    await page.goto(url);
    await page.locator(`html[lang=${look.language}]`).waitFor({ state: "attached" });
    const part = await check(page, look.language);
    await part.scrollIntoViewIfNeeded();
    const text = (await part.textContent()) ?? "";
    expect(text, `${name} (${look.language})`).not.toMatch(RAW_CODES);
    if (look.language === "en")
      expect(text, `${name} in English`).not.toMatch(/送达|答辩|查阅|届满|民事诉讼法/);
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow, `${name} ${look.device} scrolls sideways`).toBeLessThanOrEqual(1);
    await shot(page, name);
  }
  await page.evaluate(`window.localStorage.setItem("nc_locale", "zh-CN")`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("journey 3: a defendant who never opens the message", () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let caseId: string;
  let complaintCopy: Service;
  /** The answer period's last day by the server's own rule, and the case's stored deadline. */
  let expectedEnd: string;
  let dueAt: string;
  let clerk: Promise<ApiSession> | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-unopened-"));
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]" },
    });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  /** The clerk (API, second factor passed), signed in once. */
  async function clerkSession(): Promise<ApiSession> {
    clerk ??= (async () => {
      return staffSession(server!.baseUrl, "hzhlw.clerk2@netcourt.demo");
    })();
    return clerk;
  }

  /** 张三 sues `defendant` at the Hangzhou Internet Court and pays the fee; the clerk accepts. */
  async function fileAndAccept(defendant: Record<string, unknown>): Promise<string> {
    const baseUrl = server!.baseUrl;
    const courtId = await courtIdByCode(baseUrl, "浙0192");
    const zhangsan = new ApiSession(baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    const id = (await zhangsan.call<{ caseId: string }>("POST", "/api/filings", { courtId })).caseId;
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
    const attachment = await zhangsan.call<{ id: string }>("POST", `/api/filings/${id}/attachments`, form);
    await zhangsan.call("PUT", `/api/filings/${id}`, {
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
        defendant,
      ],
      claims: [
        { text: "判令被告退还货款人民币3000元", amount: 3000 },
        { text: "判令被告承担本案诉讼费用", amount: null },
      ],
      factsAndReasons: "2026年10月8日原告在被告网店购买平板电脑一台，收货后屏幕无法点亮，被告拒绝退货。",
      evidence: [
        { name: "订单截图", source: "电商平台", purpose: "证明买卖合同关系", attachmentId: attachment.id },
      ],
    });
    await zhangsan.call("POST", `/api/filings/${id}/submit`, {});
    expect(await payAtCashier(zhangsan, id)).toBe(303);
    await (await clerkSession()).call("POST", `/api/filings/${id}/accept`, {});
    return id;
  }

  it("serves the complaint at the company's confirmed address, complete on arrival though never opened", async () => {
    const baseUrl = server!.baseUrl;
    // Some time before, the company confirmed an electronic service address (送达地址确认书).
    const company = new ApiSession(baseUrl);
    await company.signIn(COMPANY_LOGIN);
    const consent = await company.call<{ confirmation: { version: string } }>(
      "GET",
      "/api/me/service-address",
    );
    await company.call("PUT", "/api/me/service-address", {
      phone: CONFIRMED_PHONE,
      email: null,
      consentVersion: consent.confirmation.version,
      agree: true,
    });
    await company.call("POST", "/api/auth/logout");

    // 张三 sues the company, pays the fee; the clerk accepts.
    caseId = await fileAndAccept({
      role: "defendant",
      kind: "legal_person",
      name: COMPANY,
      creditCode: COMPANY_CREDIT_CODE,
      legalRepresentative: "赵六",
      phone: PROVIDED_PHONE,
      address: "浙江省杭州市西湖区云栖小镇1号",
    });

    // The job serves the complaint copy, the 应诉通知书 and the 举证通知书 at the confirmed address.
    const court = await clerkSession();
    const services = await until(
      () => court.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`).then((r) => r.items),
      (items) => items.length === 3 && items.every((s) => s.status === "served"),
      "the complaint's service",
    );
    complaintCopy = services.find((s) => s.kind === "complaint_copy")!;
    expect(complaintCopy).toMatchObject({
      addressBasis: "confirmed",
      servedHow: "delivered",
      openedAt: null,
      recipient: { name: COMPANY, phone: CONFIRMED_PHONE },
    });
    expect(complaintCopy.servedAt).toBe(complaintCopy.deliveredAt);

    // 民事诉讼法第一百二十八条、第八十五条: fifteen days from the day after the court day of service, a last
    // day off moving to the next working day, by the server's own calendar rule.
    const period = computePeriodEnd({
      start: courtDateOf(new Date(complaintCopy.servedAt!)),
      length: 15,
      unit: "day",
    });
    expectedEnd = period.end;
    const view = await court.call<CaseView>("GET", `/api/cases/${caseId}`);
    const answerPeriod = view.deadlines.find((d) => d.kind === "answer_period")!;
    expect(answerPeriod.status).toBe("open");
    expect(formatDate("zh-CN", answerPeriod.dueAt)).toBe(formatDate("zh-CN", expectedEnd));
    dueAt = answerPeriod.dueAt;

    const servedOn = {
      "zh-CN": formatDate("zh-CN", complaintCopy.servedAt),
      en: formatDate("en", complaintCopy.servedAt),
    };
    const dueOn = { "zh-CN": formatDate("zh-CN", expectedEnd), en: formatDate("en", expectedEnd) };
    const words = {
      "zh-CN": {
        notOpened: "未查阅",
        how: "送达信息到达受送达人确认的电子地址",
        due: `答辩期至 ${dueOn["zh-CN"]}`,
      },
      en: {
        notOpened: "Not opened",
        how: "reached an address the addressee confirmed",
        due: `Time to answer ends on ${dueOn.en}`,
      },
    };
    /** The company's complaint-copy record in the Service card, checked in `language`. */
    const checkRecord = async (page: Page, language: "zh-CN" | "en") => {
      const record = page
        .getByTestId("case-services")
        .getByTestId("service-complaint_copy")
        .filter({ hasText: COMPANY });
      await record.waitFor();
      expect(await record.getByTestId("served-at").textContent()).toBe(servedOn[language]);
      expect(await record.getByTestId("not-opened").textContent()).toBe(words[language].notOpened);
      expect(await record.textContent()).toContain(words[language].how);
      expect(await record.getByTestId("following-line").textContent()).toBe(words[language].due);
      return record;
    };

    // The clerk's staff case page: the Service card, with the full number and the certificate.
    const staff = await openBrowser();
    try {
      const { page } = staff;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/court/cases/${caseId}`, true);
      const record = await checkRecord(page, "zh-CN");
      expect(await record.textContent()).toContain(CONFIRMED_PHONE);
      expect(await record.textContent()).not.toContain(PROVIDED_PHONE);
      // Served: nothing left for the clerk to record, and the 电子送达凭证 is there.
      expect(await record.getByRole("button", { name: "记录邮寄送达" }).count()).toBe(0);
      const certificate = record.getByRole("link", { name: "起诉状副本的电子送达凭证（中文正本）DOCX" });
      const docx = await page.request.get(`${baseUrl}${await certificate.getAttribute("href")}`);
      expect(docx.status()).toBe(200);
      expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
      await lookAt(page, `${baseUrl}/court/cases/${caseId}`, "staff case service card", checkRecord);
    } finally {
      await staff.close();
    }

    // The plaintiff's case page: the same record, without the company's number or certificate.
    const plaintiff = await openBrowser();
    try {
      const { page } = plaintiff;
      await signIn(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${caseId}`, false);
      const record = await checkRecord(page, "zh-CN");
      expect(await record.textContent()).not.toContain(CONFIRMED_PHONE);
      expect(await record.getByRole("link", { name: /电子送达凭证/ }).count()).toBe(0);
      expect(await page.getByTestId("answer-due").textContent()).toBe(dueOn["zh-CN"]);
      await lookAt(page, `${baseUrl}/cases/${caseId}`, "plaintiff case service", checkRecord);
    } finally {
      await plaintiff.close();
    }
    // The company never opened anything.
    const after = await court.call<{ items: Service[] }>("GET", `/api/cases/${caseId}/services`);
    expect(after.items.every((s) => s.openedAt === null)).toBe(true);
  });

  it("the clerk serves another defendant by court post from the staff case page; the answer period runs from the day signed for", async () => {
    const baseUrl = server!.baseUrl;
    // 李四 is sued at the number the plaintiff gave: delivered, but not served until he opens it
    // (在线诉讼规则第三十一条第二款). He does not; the clerk serves the complaint by post instead.
    const otherCase = await fileAndAccept({
      role: "defendant",
      kind: "natural_person",
      name: "李四",
      idNumber: LISI_ID,
      sex: "male",
      phone: "13900000001",
      address: "北京市朝阳区建国路1号",
    });
    const court = await clerkSession();
    const services = await until(
      () => court.call<{ items: Service[] }>("GET", `/api/cases/${otherCase}/services`).then((r) => r.items),
      (items) => items.length === 3 && items.every((s) => s.status === "delivered"),
      "the complaint's service on 李四",
    );
    expect(services.every((s) => s.addressBasis === "provided" && s.servedAt === null)).toBe(true);
    // 法院专递规定第九条: served on the day the receipt is signed — today — and the period runs from it.
    const today = courtDateOf(new Date());
    const expected = formatDate("zh-CN", computePeriodEnd({ start: today, length: 15, unit: "day" }).end);

    const shot = screenshots("unopened service clerk post", { fullPage: false });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/court/cases/${otherCase}`, true);
      const record = page.getByTestId("case-services").getByTestId("service-complaint_copy");
      await record.waitFor();
      expect(await record.getByTestId("following-line").textContent()).toBe("答辩期 15 日，自送达次日起算");
      await record.scrollIntoViewIfNeeded();
      await shot(page, "not opened");
      await record.getByRole("button", { name: "记录邮寄送达" }).click();
      const dialog = page.getByRole("dialog", { name: "记录法院专递送达" });
      await dialog.getByLabel("邮件单号").fill("EMS1234567890CN");
      await dialog.getByLabel("签收日期").click();
      await page.locator(".ant-picker-dropdown:visible .ant-picker-now-btn").click();
      await dialog.getByLabel("签收人").fill("李四");
      await shot(page, "post form");
      await dialog.getByRole("button", { name: "保存送达记录" }).click();
      await page.getByText(`已记录邮寄送达，送达日期为 ${formatDate("zh-CN", today)}`).waitFor();
      await record.getByText("已邮寄送达").waitFor();
      await until(
        () => record.getByTestId("following-line").textContent(),
        (text) => text === `答辩期至 ${expected}`,
        "the answer period on the card",
      );
      expect(await record.getByRole("button", { name: "记录邮寄送达" }).count()).toBe(0);
      expect(await record.textContent()).toContain("单号 EMS1234567890CN");
      await page
        .locator(".ant-message-notice")
        .waitFor({ state: "detached" })
        .catch(() => undefined);
      await record.scrollIntoViewIfNeeded();
      await shot(page, "served by post");
    } finally {
      await browser.close();
    }
    const after = await court.call<{ items: Service[] }>("GET", `/api/cases/${otherCase}/services`);
    expect(after.items.find((s) => s.kind === "complaint_copy")).toMatchObject({
      status: "served_by_post",
      servedHow: "post",
    });
  });

  it("the period runs: once it has ended the company's late answer is refused, with the day it ended", async () => {
    // The same court, its clock moved to the second day after the period's last day.
    const ahead = Math.ceil((new Date(dueAt).getTime() - Date.now()) / DAY_MS) + 2;
    await server!.stop();
    server = await startServer({
      seedDemo: true,
      dataDir,
      startTimeoutMs: 240_000,
      env: { LEDGER_WITNESSES: "[]", CLOCK_OFFSET: `P${ahead}D` },
    });
    const baseUrl = server.baseUrl;

    const company = new ApiSession(baseUrl);
    await company.signIn(COMPANY_LOGIN);
    const view = await company.call<CaseView>("GET", `/api/cases/${caseId}`);
    expect(view.deadlines.find((d) => d.kind === "answer_period")!.daysLeft).toBeLessThan(0);
    expect(view.actions).not.toContain("answer");
    // The API refuses the answer itself, in words.
    const partyId = view.parties.find((p) => p.role === "defendant")!.id;
    const late = await company.request<{ error: string; message: string }>(
      "PUT",
      `/api/cases/${caseId}/answer`,
      {
        partyId,
        responses: [
          {
            claimPosition: view.claims[0]!.position,
            position: "contest",
            text: "平板电脑系正品，不同意退款。",
          },
        ],
        factsAndReasons: "被告交付的平板电脑经检测无质量问题。",
        evidence: [],
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("answer_period_expired");
    expect(late.body.message).toMatch(/答辩期已届满|time to answer has passed/);

    const dueOn = { "zh-CN": formatDate("zh-CN", expectedEnd), en: formatDate("en", expectedEnd) };
    const words = {
      "zh-CN": `答辩期已于 ${dueOn["zh-CN"]} 届满，不能再提交答辩状`,
      en: `The time to answer ended on ${dueOn.en}`,
    };
    const checkRefusal = async (page: Page, language: "zh-CN" | "en") => {
      const panel = page.getByTestId("defendant-panel");
      const refused = panel.getByTestId("answer-expired");
      await refused.waitFor();
      expect(await refused.textContent()).toContain(words[language]);
      // No answer form is offered.
      expect(await panel.getByRole("button", { name: /^(提交答辩状|File the answer)$/ }).count()).toBe(0);
      return panel;
    };
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, baseUrl, COMPANY_LOGIN, `/cases/${caseId}`, false);
      await checkRefusal(page, "zh-CN");
      await lookAt(page, `${baseUrl}/cases/${caseId}`, "late answer refused", checkRefusal);
    } finally {
      await browser.close();
    }
  });
});
