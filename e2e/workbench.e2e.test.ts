import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, phoneViewport, screenshots, startServer, type RunningServer } from "./support";
import { ApiSession } from "./support/court-api";
import { signInAt } from "./support/sign-in";
import { ONE_PIXEL_PNG } from "./support/court-day";

// A 1 × 1 ONE_PIXEL_PNG: the evidence file of each complaint.

interface Court {
  id: string;
  code: string;
}

interface FilingView {
  caseId: string;
  status: string;
  title: string | null;
  fee: { status: string } | null;
}

/** An online-shopping complaint by 张三 against `defendant` (as apps/server/src/testing/demo.ts builds it). */
function complaint(defendant: string, evidenceAttachmentId: string) {
  return {
    causeCode: "online-sale-contract",
    procedure: "ordinary",
    parties: [
      {
        role: "plaintiff",
        kind: "natural_person",
        name: "张三",
        // The filer's ID number is taken from the verified account.
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
      {
        name: "订单截图",
        source: "电商平台",
        purpose: "证明买卖合同关系",
        attachmentId: evidenceAttachmentId,
      },
    ],
  };
}

/** Files a complaint at `court` as 张三 over the HTTP API and submits it; pays the fee when asked. */
async function fileComplaint(
  litigant: ApiSession,
  court: Court,
  defendant: string,
  options: { pay: boolean },
): Promise<FilingView> {
  const draft = await litigant.call<FilingView>("POST", "/api/filings", { courtId: court.id });
  const form = new FormData();
  form.append("category", "evidence");
  form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "订单截图.png");
  const attachment = await litigant.call<{ id: string }>(
    "POST",
    `/api/filings/${draft.caseId}/attachments`,
    form,
  );
  await litigant.call("PUT", `/api/filings/${draft.caseId}`, complaint(defendant, attachment.id));
  let view = await litigant.call<FilingView>("POST", `/api/filings/${draft.caseId}/submit`);
  if (options.pay) {
    const payment = await litigant.call<{ payUrl: string }>("POST", `/api/filings/${draft.caseId}/payment`);
    // The simulated gateway's cashier page: "pay" notifies the court as a real gateway would.
    const paid = await fetch(payment.payUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "action=pay",
      redirect: "manual",
    });
    expect(paid.status).toBe(303);
    view = await litigant.call<FilingView>("GET", `/api/filings/${draft.caseId}`);
    expect(view.fee?.status).toBe("paid");
  }
  expect(view.status).toBe("under_review");
  return view;
}

describe("court workbench", () => {
  let server: RunningServer | undefined;
  let hangzhou: Court;
  let toAccept: FilingView;
  let toCorrect: FilingView;

  beforeAll(async () => {
    // No witness processes: this journey is about the court's screens, not checkpoint cosigning.
    server = await startServer({ seedDemo: true, startTimeoutMs: 240_000, env: { LEDGER_WITNESSES: "[]" } });
    const anonymous = new ApiSession(server.baseUrl);
    const courts = await anonymous.call<{ items: Court[] }>("GET", "/api/courts");
    hangzhou = courts.items.find((c) => c.code === "浙0192")!;
    const zhangsan = new ApiSession(server.baseUrl);
    await zhangsan.signIn("zhangsan@netcourt.demo");
    toAccept = await fileComplaint(zhangsan, hangzhou, "杭州甲乙电子商务有限公司", { pay: true });
    toCorrect = await fileComplaint(zhangsan, hangzhou, "杭州丙丁网络科技有限公司", { pay: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a clerk requests a correction on one filing and accepts another; the judge finds it in My cases", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("workbench clerk review");
    const browser = await openBrowser();
    let judgeName = "";
    let caseNumber = "";
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "hzhlw.clerk1@netcourt.demo", "/court/filings", true);
      await page.getByRole("heading", { level: 1, name: "立案审查" }).waitFor();

      // Both filings wait with the seven-day countdown the server computed; one is paid, one is not.
      const acceptRow = page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: toAccept.title! }) });
      const correctRow = page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: toCorrect.title! }) });
      await acceptRow.waitFor();
      expect(await acceptRow.textContent()).toMatch(/剩余 \d+ 天|今日到期/);
      expect(await acceptRow.textContent()).toContain("已交费");
      expect(await correctRow.textContent()).toContain("未交费");
      expect(await correctRow.textContent()).toMatch(/截止 \d{4}年\d{1,2}月\d{1,2}日/);
      await shot(page, "review queue");

      // The fee filter keeps only the paid one.
      await page.getByText("已交费", { exact: true }).first().click();
      await correctRow.waitFor({ state: "detached" });
      await acceptRow.waitFor();
      await page.getByText("全部", { exact: true }).nth(1).click();
      await correctRow.waitFor();

      // Request a correction on the unpaid filing: listed items with a note.
      await correctRow.getByRole("link", { name: toCorrect.title! }).click();
      await page.getByRole("heading", { level: 1, name: `立案审查：${toCorrect.title}` }).waitFor();
      await page.getByText("诉讼费交纳后方可受理").waitFor();
      expect(await page.getByRole("button", { name: "受理", exact: true }).count()).toBe(0);
      await page.getByText("未在证据链存证").waitFor();
      await page.getByRole("button", { name: "核验详情与法律依据" }).click();
      await page.getByText("该文件未在证据链存证，应按一般证据审查其真实性。").waitFor();
      await shot(page, "filing detail with ledger check");
      await page.getByRole("button", { name: "通知补正" }).click();
      const correction = page.getByRole("dialog", { name: "通知补正" });
      await correction.getByLabel("补正事项 1").fill("请补充被告的统一社会信用代码");
      await correction.getByRole("button", { name: "添加事项" }).click();
      await correction.getByLabel("补正事项 2").fill("请提交购物订单的完整截图");
      await correction.getByLabel("说明（选填）").fill("补正后重新提交。");
      await shot(page, "correction dialog");
      await correction.getByRole("button", { name: "发送补正通知" }).click();
      await correction.waitFor({ state: "hidden" });
      await page.getByText("请补充被告的统一社会信用代码").waitFor();
      await page.getByText("待补正材料").first().waitFor();
      await shot(page, "correction requested");

      // Accept the paid filing: the case number and the judge appear with the recorded draw.
      await page.getByRole("link", { name: "返回立案审查" }).click();
      await page.getByRole("link", { name: toAccept.title! }).click();
      await page.getByRole("heading", { level: 1, name: `立案审查：${toAccept.title}` }).waitFor();
      await page.getByRole("button", { name: "受理", exact: true }).click();
      const accept = page.getByRole("dialog", { name: "受理立案" });
      await accept.getByRole("button", { name: "受理", exact: true }).click();
      await page.getByText("已受理立案").waitFor();
      // The notice shows as the acceptance answers; the number follows when the review reloads.
      await page.getByTestId("case-number").filter({ hasText: /民初/ }).waitFor();
      caseNumber = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
      judgeName = ((await page.getByTestId("judge-name").textContent()) ?? "").trim();
      expect(caseNumber).toMatch(/^（\d{4}）浙0192民初\d+号$/);
      expect(judgeName).toMatch(/^杭州互联网法院法官[甲乙丙]$/);
      await page.getByText("随机分案，按在办案件数加权").waitFor();
      await shot(page, "accepted with case number and judge");

      // The staff case page shows the timeline, periods and the court events in the ledger.
      await page.getByRole("link", { name: "打开案件" }).click();
      await page.getByRole("heading", { level: 1, name: caseNumber }).waitFor();
      await page.getByText("立案受理").first().waitFor();
      await page.getByText("审理期限").first().waitFor();
      await page.getByText("编定案号").waitFor();
      await shot(page, "staff case page");
    } finally {
      await browser.close();
    }

    // The judge drawn sees the case among their cases, with the period that ends next.
    const judgeLogin = `hzhlw.judge${{ 甲: 1, 乙: 2, 丙: 3 }[judgeName.slice(-1) as "甲" | "乙" | "丙"]}@netcourt.demo`;
    const judgeBrowser = await openBrowser();
    try {
      const { page } = judgeBrowser;
      await signInAt(page, baseUrl, judgeLogin, "/court/my-cases", true);
      await page.getByRole("heading", { level: 1, name: "我的案件" }).waitFor();
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: caseNumber }) });
      await row.waitFor();
      await row.getByText(/发送起诉状副本：剩余 \d+ 天|审理期限：剩余 \d+ 天/).waitFor();
      await shot(page, "judge my cases");

      // The judge's case page carries the aids: similar cases, applicable articles, deviation check.
      await row.getByRole("link", { name: caseNumber }).click();
      await page.getByRole("heading", { level: 1, name: caseNumber }).waitFor();
      await page.getByRole("heading", { name: "类案推送" }).waitFor();
      await page.getByRole("heading", { name: "适用法条" }).waitFor();
      await page.getByLabel("拟判支持金额（元）").fill("5000");
      await page.getByRole("button", { name: "比较" }).click();
      await page
        .getByText(/未发现明显偏离|存在偏离，请注意复核|类案不足，无法比较/)
        .or(page.getByRole("alert"))
        .first()
        .waitFor();
      await shot(page, "judge case page with aids");
    } finally {
      await judgeBrowser.close();
    }
  });

  it("a court administrator browses the audit trail by action and actor", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("workbench audit trail");
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "hzhlw.admin1@netcourt.demo", "/court/audit", true);
      await page.getByRole("heading", { level: 1, name: "审计日志" }).waitFor();
      await page.getByRole("cell", { name: "filing.accepted" }).first().waitFor();
      await page.getByLabel("操作", { exact: true }).fill("filing.correction_requested");
      await page.keyboard.press("Escape"); // close the suggestions
      await page.getByRole("button", { name: "查询" }).click();
      await page.getByRole("cell", { name: "filing.accepted" }).first().waitFor({ state: "detached" });
      await page.getByRole("cell", { name: "filing.correction_requested" }).first().waitFor();
      // Choosing the clerk in a row filters the trail by that account.
      await page
        .getByRole("button", { name: /^只看 .+ 的操作$/ })
        .first()
        .click();
      await page.getByRole("cell", { name: "filing.correction_requested" }).first().waitFor();
      expect(await page.getByLabel("操作人").inputValue()).toMatch(/^[0-9a-f-]{36}$/);
      await shot(page, "audit filtered");
    } finally {
      await browser.close();
    }
  });

  it("a clerk of another court sees none of these filings (phone)", async () => {
    const baseUrl = server!.baseUrl;
    const shot = screenshots("workbench other court phone", { fullPage: false });
    const browser = await openBrowser(phoneViewport);
    try {
      const { page } = browser;
      await signInAt(page, baseUrl, "bjhlw.clerk1@netcourt.demo", "/court/filings", true);
      await page.getByRole("heading", { level: 1, name: "立案审查" }).waitFor();
      await page
        .getByRole("main")
        .getByRole("list")
        .or(page.getByText("没有待审查的立案申请"))
        .first()
        .waitFor();
      const main = (await page.getByRole("main").textContent()) ?? "";
      expect(main).not.toContain(toAccept.title!);
      expect(main).not.toContain(toCorrect.title!);
      await shot(page, "beijing queue");

      // Opening the filing by its address is refused as if it did not exist.
      await page.goto(`${baseUrl}/court/filings/${toCorrect.caseId}`);
      await page.getByRole("alert").first().waitFor();
      expect(await page.getByRole("alert").first().textContent()).toMatch(/案件不存在|不存在/);
      await shot(page, "beijing cannot open hangzhou filing");
    } finally {
      await browser.close();
    }
  });
});
