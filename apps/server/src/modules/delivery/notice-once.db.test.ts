import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedEmailSender } from "../../platform/ports/email";
import {
  SimulatedSmsSender,
  type ChannelMessage,
  type ChannelResult,
  type SmsSender,
} from "../../platform/ports/sms";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { sendPartyNotice } from "./commands/send-notice";

/**
 * A gateway that takes the message and then loses the answer, as when the process dies after the
 * gateway accepted the message and before the attempt was recorded: the send throws after delivery.
 */
class LosingAnswers implements SmsSender {
  readonly provider = "simulator";
  readonly simulates = "sms" as const;
  readonly inner = new SimulatedSmsSender();
  /** How many of the next sends lose their answer. */
  losing = 0;
  readonly keys: Array<string | undefined> = [];

  async send(message: ChannelMessage): Promise<ChannelResult> {
    this.keys.push(message.idempotencyKey);
    const result = await this.inner.send(message);
    if (this.losing > 0) {
      this.losing -= 1;
      throw new Error("connection reset after the gateway accepted the message");
    }
    return result;
  }
}

const PHONE = "13900006666";
const EMAIL = "legal@notice-once.example";

describe.each(testDatabaseKinds())("a mediation invitation is sent once on %s", (kind) => {
  let app: TestApp;
  let sms: LosingAnswers;
  let email: SimulatedEmailSender;
  let zhangsan: TestClient;
  let courtId: string;

  beforeAll(async () => {
    sms = new LosingAnswers();
    email = new SimulatedEmailSender();
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00", ports: { sms, email } });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const courts = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  /** 张三 applies for mediation against a company given by phone and e-mail: the invitation is queued. */
  async function applyAgainst(phone: string, mail: string): Promise<{ caseId: string; partyId: string }> {
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId });
    const caseId = created.body.caseId;
    const complaint = shoppingComplaint();
    const [plaintiff, defendant] = complaint.parties;
    const saved = await zhangsan.put(`/api/filings/${caseId}`, {
      ...complaint,
      parties: [plaintiff, { ...defendant, phone, email: mail }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const applied = await zhangsan.post(`/api/filings/${caseId}/mediation`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const party = await app.context.db
      .selectFrom("case_parties")
      .select("id")
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    return { caseId, partyId: party.id };
  }

  const attempts = (partyId: string) =>
    app.context.db
      .selectFrom("notice_attempts")
      .select(["id", "channel", "status", "provider_reference"])
      .where("party_id", "=", partyId)
      .orderBy("seq")
      .execute();
  const audits = async (caseId: string) =>
    (
      await app.context.db
        .selectFrom("audit_events")
        .select("action")
        .where("subject_id", "=", caseId)
        .where("action", "=", "delivery.notice_sent")
        .execute()
    ).length;

  it("delivers one message when the answer is lost after the gateway accepted it and the job runs again", async () => {
    sms.losing = 1;
    const { caseId, partyId } = await applyAgainst(PHONE, EMAIL);
    await app.jobs.runDue();
    // The gateway took the message; its answer was lost. The try stays recorded as queued.
    expect(sms.inner.sent.filter((m) => m.to === PHONE)).toHaveLength(1);
    const [lost] = await attempts(partyId);
    expect(lost).toMatchObject({ channel: "sms", status: "queued" });
    expect(await audits(caseId)).toBe(0);

    // The job is retried: the same try goes out again under the same key, and is delivered once.
    app.clock.set(new Date(app.clock.now().getTime() + 60_000));
    await app.jobs.runDue();
    expect(sms.inner.sent.filter((m) => m.to === PHONE)).toHaveLength(1);
    expect(sms.keys.slice(-2)).toEqual([lost!.id, lost!.id]);
    expect(await attempts(partyId)).toMatchObject([{ id: lost!.id, channel: "sms", status: "delivered" }]);
    // No e-mail as well: the SMS reached the addressee.
    expect(email.sent.filter((m) => m.to === EMAIL)).toHaveLength(0);
    expect(await audits(caseId)).toBe(1);
    const job = await app.context.db
      .selectFrom("jobs")
      .select("status")
      .where("kind", "=", "delivery.send_notice")
      .where(sql<string>`payload->>'partyId'`, "=", partyId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("done");

    // A rerun after the try was answered sends nothing and audits nothing more.
    await sendPartyNotice(app.context, { caseId, partyId, purpose: "mediation_invitation" }, app.clock.now());
    expect(sms.inner.sent.filter((m) => m.to === PHONE)).toHaveLength(1);
    expect(await attempts(partyId)).toHaveLength(1);
    expect(await audits(caseId)).toBe(1);
  });

  it("falls back to e-mail when the SMS is refused, each try recorded, and sends neither again", async () => {
    const phone = "13900007777";
    const mail = "refused-sms@notice-once.example";
    sms.inner.refusing.add(phone);
    const { caseId, partyId } = await applyAgainst(phone, mail);
    await app.jobs.runDue();
    expect(await attempts(partyId)).toMatchObject([
      { channel: "sms", status: "refused" },
      { channel: "email", status: "delivered" },
    ]);
    expect(email.sent.filter((m) => m.to === mail)).toHaveLength(1);
    await sendPartyNotice(app.context, { caseId, partyId, purpose: "mediation_invitation" }, app.clock.now());
    expect(email.sent.filter((m) => m.to === mail)).toHaveLength(1);
    expect(await attempts(partyId)).toHaveLength(2);
    expect(await audits(caseId)).toBe(1);
  });
});
