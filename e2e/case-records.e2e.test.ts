import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession, payAtCashier } from "./support/court-api";
import { signInAt } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

interface FilingView {
  caseId: string;
  status: string;
  title: string | null;
}

/** Files 张三's online-shopping complaint against `defendant` at 杭州互联网法院 over the API and submits it. */
async function fileComplaint(litigant: ApiSession, courtId: string, defendant: string, pay: boolean) {
  const draft = await litigant.call<FilingView>("POST", "/api/filings", { courtId });
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
        name: defendant,
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
  const view = await litigant.call<FilingView>("POST", `/api/filings/${draft.caseId}/submit`);
  if (pay) {
    expect(await payAtCashier(litigant, draft.caseId)).toBe(303);
  }
  return view;
}

/** Switches the screens' language; the choice is kept on the account, so each test switches back. */
async function switchLanguage(page: Page, language: "en" | "zh-CN") {
  const item = page.getByRole("menuitem", { name: language === "en" ? "English" : "简体中文" });
  const switched = page.locator(`html[lang=${language}]`);
  // A click may land while a toast or the menu is still settling; try again as a user would.
  for (let attempt = 0; attempt < 3 && (await switched.count()) === 0; attempt += 1) {
    if (!(await item.isVisible()))
      await page.getByRole("button", { name: /切换语言|Change language/ }).click();
    await item.click({ timeout: 5_000 }).catch(() => undefined);
    await switched.waitFor({ state: "attached", timeout: 3_000 }).catch(() => undefined);
  }
  await switched.waitFor({ state: "attached" });
}

const DOUBLED = /。。|。，|\.\./;

describe("refusal and correction records, the case timeline and error boxes", () => {
  let server: RunningServer | undefined;
  let refused: FilingView;
  let corrected: FilingView;
  let accepted: FilingView;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const courts = await new ApiSession(server.baseUrl).call<{ items: Array<{ id: string; code: string }> }>(
      "GET",
      "/api/courts",
    );
    const courtId = courts.items.find((c) => c.code === "浙0192")!.id;
    const zhangsan = new ApiSession(server.baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    refused = await fileComplaint(zhangsan, courtId, "杭州戊己贸易有限公司", false);
    corrected = await fileComplaint(zhangsan, courtId, "杭州庚辛网络科技有限公司", false);
    accepted = await fileComplaint(zhangsan, courtId, "杭州壬癸电子商务有限公司", true);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a clerk refuses and asks for a correction; the records read as law and note", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("case records clerk");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "hzhlw.clerk1@netcourt.demo", `/court/filings/${refused.caseId}`, true);
      await page.getByRole("heading", { level: 1, name: `立案审查：${refused.title}` }).waitFor();
      await page.getByRole("button", { name: "不予受理", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "裁定不予受理" });
      await dialog.getByText("不属于本院管辖的案件，应当向有管辖权的人民法院起诉").click();
      await dialog
        .getByLabel("理由", { exact: true })
        .fill("被告住所地及合同履行地均不在本院辖区，本院对本案没有管辖权。");
      await shot(page, "refusal dialog");
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/refuse") && r.request().method() === "POST"),
        dialog.getByRole("button", { name: "裁定不予受理" }).click(),
      ]);
      expect(`${answer.status()} ${await answer.text()}`).toMatch(/^200 /);
      await dialog.waitFor({ state: "hidden" });
      const items = page.getByTestId("review-items");
      await items.waitFor();
      expect(await items.textContent()).toContain("法律依据");
      expect(await items.textContent()).toContain("民事诉讼法第一百二十七条第四项");
      expect(await items.textContent()).not.toContain("补正事项");
      expect(await items.textContent()).not.toContain("127-4");
      expect(await page.getByTestId("review-reason").textContent()).toMatch(/^理由：被告住所地/);
      // A company's legal representative is named with the company, not in the ID-number column.
      const defendantRow = page.getByRole("row").filter({ hasText: "法定代表人或负责人：钱七" });
      expect(await defendantRow.count()).toBe(1);
      await shot(page, "refusal record");

      await page.goto(`${baseUrl}/court/filings/${corrected.caseId}`);
      await page.getByRole("heading", { level: 1, name: `立案审查：${corrected.title}` }).waitFor();
      await page.getByRole("button", { name: "通知补正" }).click();
      const correction = page.getByRole("dialog", { name: "通知补正" });
      await correction.getByLabel("补正事项 1").fill("请补充被告的统一社会信用代码。");
      await correction.getByLabel("说明（选填）").fill("补正后重新提交。");
      await correction.getByRole("button", { name: "发送补正通知" }).click();
      await correction.waitFor({ state: "hidden" });
      await page.getByTestId("review-reason").waitFor();
      expect(await page.getByTestId("review-reason").textContent()).toBe("说明：补正后重新提交。");
      await shot(page, "correction record");

      await page.goto(`${baseUrl}/court/filings/${accepted.caseId}`);
      await page.getByRole("button", { name: "受理", exact: true }).click();
      await page
        .getByRole("dialog", { name: "受理立案" })
        .getByRole("button", { name: "受理", exact: true })
        .click();
      await page.getByText("已受理立案").waitFor();
    } finally {
      await browser.close();
    }
  });

  for (const [device, options] of [
    ["desktop", {}],
    ["phone", phoneViewport],
  ] as const) {
    it(`the litigant reads the refusal, the note, the timeline and an error box in Chinese and English (${device})`, async () => {
      const baseUrl = server!.baseUrl;
      const shot = screenshots(`case records litigant ${device}`);
      const browser = await openBrowser(options);
      try {
        const { page } = browser;
        await signInAt(page, baseUrl, "zhangsan@netcourt.demo", `/cases/${refused.caseId}`, false);
        const refusal = page.getByTestId("refusal");
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain("不属于本院管辖的案件，应当向有管辖权的人民法院起诉");
        expect(await refusal.textContent()).not.toContain("127-4");
        const main = (await page.getByRole("main").textContent()) ?? "";
        expect(main).toContain("起草起诉状");
        expect(main).not.toMatch(/draft created|draft_created/);
        expect(main).toContain("依据：不属于本院管辖的案件");
        await shot(page, "refused case zh");

        await page.goto(`${baseUrl}/cases/${corrected.caseId}`);
        await page.getByTestId("correction-note").waitFor();
        expect(await page.getByTestId("correction-note").textContent()).toBe("说明：补正后重新提交。");
        await shot(page, "correction case zh");

        await page.goto(`${baseUrl}/inbox`);
        // 第一百二十七条第四项: the court tells the filer where to go rather than ruling.
        await page.getByText("不予立案告知").first().waitFor();
        const inbox = (await page.getByRole("main").textContent()) ?? "";
        expect(inbox).not.toMatch(DOUBLED);
        expect(inbox).toContain("第一百二十七条第四项（不属于本院管辖）");
        expect(inbox).toContain("说明：补正后重新提交。");
        await shot(page, "inbox zh");

        // A case that does not exist: the error box keeps the request id behind 详情.
        await page.goto(`${baseUrl}/cases/00000000-0000-4000-8000-000000000000`);
        const alert = page.locator(".nc-error-region .ant-alert");
        await alert.waitFor();
        expect(await alert.textContent()).not.toMatch(/请求编号|[0-9a-f]{8}-[0-9a-f]{4}-/);
        await shot(page, "error box folded zh");
        await alert.getByRole("button", { name: "详情" }).click();
        await alert.getByText(/请求编号：\S+/).waitFor();
        await shot(page, "error box details zh");

        await switchLanguage(page, "en");
        await page.goto(`${baseUrl}/cases/${refused.caseId}`);
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain("This court has no jurisdiction");
        const english = (await page.getByRole("main").textContent()) ?? "";
        expect(english).toContain("Complaint drafted");
        expect(english).not.toMatch(/draft created|draft_created|127-4/);
        await shot(page, "refused case en");

        await page.goto(`${baseUrl}/inbox`);
        await page.getByText("Suit not registered: where to go").first().waitFor();
        const englishInbox = (await page.getByRole("main").textContent()) ?? "";
        expect(englishInbox).toContain("Civil Procedure Law, Article 127(4)");
        expect(englishInbox).toContain("Note: 补正后重新提交。");
        expect(englishInbox).not.toMatch(DOUBLED);
        await shot(page, "inbox en");

        await page.goto(`${baseUrl}/cases/00000000-0000-4000-8000-000000000000`);
        await alert.waitFor();
        expect(await alert.textContent()).not.toMatch(/Request ID|[0-9a-f]{8}-[0-9a-f]{4}-/);
        await alert.getByRole("button", { name: "Details" }).click();
        await alert.getByText(/Request ID: \S+/).waitFor();
        await shot(page, "error box details en");
        await switchLanguage(page, "zh-CN");
      } finally {
        await browser.close();
      }
    });
  }

  it("the judge's deviation check never warns with too few similar cases", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("case records judge deviation");
    const judges = new ApiSession(baseUrl);
    await judges.signIn("zhangsan@netcourt.demo");
    const detail = await judges.call<{ caseNumber: string; judge: { name: string } }>(
      "GET",
      `/api/cases/${accepted.caseId}`,
    );
    // 法官甲 … 法官丁 are judge1 … judge4; the case goes to whichever has the fewest.
    const judgeLogin = `hzhlw.judge${"甲乙丙丁".indexOf(detail.judge.name.slice(-1)) + 1}@netcourt.demo`;
    for (const [device, options] of [
      ["desktop", {}],
      ["phone", phoneViewport],
    ] as const) {
      const browser = await openBrowser(options);
      try {
        const { page } = browser;
        await signInAt(page, baseUrl, judgeLogin, `/court/cases/${accepted.caseId}`, true);
        await page.getByRole("heading", { level: 1, name: detail.caseNumber }).waitFor();
        if ((await page.locator("html").getAttribute("lang")) !== "zh-CN")
          await switchLanguage(page, "zh-CN");
        for (const language of ["zh", "en"] as const) {
          if (language === "en") {
            await switchLanguage(page, "en");
            await page.getByRole("heading", { level: 1, name: detail.caseNumber }).waitFor();
          }
          await page.getByLabel(language === "zh" ? "拟判支持金额（元）" : /Proposed award/).fill("100");
          await page.getByRole("button", { name: language === "zh" ? "比较" : "Compare" }).click();
          const result = page.getByTestId("deviation-result");
          await result.waitFor();
          const text = (await result.textContent()) ?? "";
          // With fewer than five judgments in the whole index, fewer than five can be similar.
          const indexed = await page
            .getByText(/^(检索范围：|Judgments searched: |The index holds no judgments yet)/)
            .first()
            .textContent();
          if (Number(/(\d+)/.exec(indexed ?? "")?.[1] ?? "0") < 5) {
            expect(text).toContain(
              language === "zh" ? "类案不足，无法比较" : "Not enough similar cases to compare",
            );
            expect(text).not.toMatch(/存在偏离|deviation/i);
          }
          await shot(page, `deviation ${device} ${language}`);
        }
      } finally {
        await browser.close();
      }
    }
  });
});
