import { decodeBase32, totpCode } from "../modules/identity/index";
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoIdNumber,
  seedDemoNetwork,
  type DemoAccount,
} from "../seed/demo-seed";
import { TestClient, type TestApp } from "./test-app";

/** Seeds the demo network (a subset of courts keeps tests fast) and returns its accounts by login. */
export async function seedDemo(app: TestApp, courts?: string[]): Promise<Map<string, DemoAccount>> {
  const accounts = await seedDemoNetwork(app.context, {
    now: app.clock.now(),
    ...(courts ? { courts } : {}),
  });
  return new Map((accounts ?? []).map((a) => [a.login, a]));
}

/**
 * Signs in a demo account and returns its client. Staff answer the TOTP step; the clock moves on one
 * step first because a code may be used only once per account.
 */
export async function signIn(app: TestApp, login: string): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.post<{ user: { needsSecondFactor: boolean } }>("/api/auth/login", {
    login,
    password: DEMO_PASSWORD,
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
  if (response.body.user.needsSecondFactor) {
    app.clock.advance(30_000);
    const code = totpCode(decodeBase32(DEMO_TOTP_SECRET)!, app.clock.now());
    const verified = await client.post("/api/auth/totp/verify", { code });
    if (verified.status !== 200)
      throw new Error(`TOTP of ${login} failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return client;
}

/** A complete online-shopping complaint by 张三 against a company, ready to submit once evidence is attached. */
export function shoppingComplaint(options: { evidenceAttachmentId?: string | null; amount?: number } = {}) {
  return {
    causeCode: "online-sale-contract",
    procedure: "ordinary" as const,
    parties: [
      {
        role: "plaintiff" as const,
        kind: "natural_person" as const,
        name: "张三",
        idNumber: demoIdNumber("330106", "1990-03-07", 213),
        sex: "male" as const,
        phone: "13800001111",
        address: "浙江省杭州市西湖区文三路1号",
        isFiler: true,
      },
      {
        role: "defendant" as const,
        kind: "legal_person" as const,
        name: "杭州某某电子商务有限公司",
        creditCode: null as string | null,
        legalRepresentative: "钱七",
        address: "浙江省杭州市余杭区五常街道2号",
      },
    ],
    claims: [
      { text: "判令被告退还货款人民币5000元", amount: options.amount ?? 5000 },
      { text: "判令被告承担本案诉讼费用", amount: null },
    ],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [
      {
        name: "订单截图",
        source: "电商平台",
        purpose: "证明买卖合同关系",
        attachmentId: options.evidenceAttachmentId ?? null,
      },
    ],
  };
}
