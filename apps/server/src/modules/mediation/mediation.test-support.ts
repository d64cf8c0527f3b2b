import { expect } from "vitest";
import { seedDemo, signIn } from "../../testing/demo";
import type { TestApp, TestClient } from "../../testing/test-app";
import type { DemoAccount } from "../../seed/demo-seed";
import type { TAgreementView, TConfirmationView } from "./mediation.confirmation.schemas";

export const MEDIATION_COURTS = ["最高法", "浙", "浙01", "浙0192", "粤", "粤01", "粤0192"];
export const MEDIATOR = "hzhlw.mediator1@netcourt.demo";
export const CLERK = "hzhlw.clerk1@netcourt.demo";
export const ADMIN = "hzhlw.admin1@netcourt.demo";
export const ZHANGSAN = "zhangsan@netcourt.demo";
export const YUNQI = "yunqi@netcourt.demo";
/** 云栖's lawyer, without a power of attorney on record. */
export const LAWYER = "wanglawyer@netcourt.demo";

/**
 * A world of mediations at the Hangzhou Internet Court: the demo accounts, 调解员甲 on the register, and
 * helpers that bring a mediation between 张三 and 云栖 to an effective agreement and its confirmation.
 */
export async function mediationWorld(app: TestApp) {
  const accounts: Map<string, DemoAccount> = await seedDemo(app, MEDIATION_COURTS);
  const db = app.context.db;
  const clients = new Map<string, { client: TestClient; at: number }>();
  const id = (login: string) => accounts.get(login)!.userId;
  /** A signed-in client; signed in again once the clock has moved on past a session's idle time. */
  const as = async (login: string): Promise<TestClient> => {
    const now = app.clock.now().getTime();
    const existing = clients.get(login);
    if (existing && now - existing.at < 10 * 60_000) {
      existing.at = now;
      return existing.client;
    }
    const client = await signIn(app, login);
    clients.set(login, { client, at: now });
    return client;
  };
  const courts = await db.selectFrom("courts").select(["id", "code"]).execute();
  const courtId = courts.find((c) => c.code === "浙0192")!.id;
  const mediator = await db
    .insertInto("mediators")
    .values({
      court_id: courtId,
      user_id: id(MEDIATOR),
      organisation_id: null,
      display_name: "调解员甲",
      specialties: "",
      case_types: "[]",
      created_at: app.clock.now(),
      updated_at: app.clock.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  let sequence = 500;
  /** A mediation in progress between 张三 and 云栖 (whose lawyer has no special authority). */
  async function inProgress() {
    const now = app.clock.now();
    sequence += 1;
    const { id: caseId } = await db
      .insertInto("cases")
      .values({
        court_id: courtId,
        status: "mediation",
        type_code: "民诉前调",
        procedure: null,
        cause_code: "online-sale-contract",
        cause_name_zh: "网络购物合同纠纷",
        cause_name_en: "Online shopping contract dispute",
        title: "张三诉云栖网络购物合同纠纷",
        filed_by: id(ZHANGSAN),
        case_number: `（2026）浙0192民诉前调${sequence}号`,
        case_year: 2026,
        case_sequence: sequence,
        query_code: null,
        fee_fen: null,
        fee_quote: null,
        judge_id: null,
        judge_assignment: null,
        submitted_at: now,
        review_clock_started_at: null,
        review_due_on: null,
        accepted_at: null,
        closed_at: null,
        closure_reason: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const party = async (
      position: number,
      role: "plaintiff" | "defendant",
      name: string,
      login: string,
      kind: "natural_person" | "legal_person",
    ) =>
      (
        await db
          .insertInto("case_parties")
          .values({
            case_id: caseId,
            position,
            role,
            kind,
            name,
            id_number: null,
            credit_code: null,
            legal_representative: null,
            sex: null,
            ethnicity: null,
            birth_date: null,
            phone: "13800001111",
            email: null,
            address:
              kind === "natural_person" ? "浙江省杭州市西湖区文三路1号" : "浙江省杭州市余杭区五常街道2号",
            service_address: null,
            user_id: id(login),
            created_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const zhangsan = await party(1, "plaintiff", "张三", ZHANGSAN, "natural_person");
    const yunqi = await party(2, "defendant", "杭州云栖示范网络科技有限公司", YUNQI, "legal_person");
    await db
      .insertInto("case_agents")
      .values({
        case_id: caseId,
        party_id: yunqi,
        user_id: id(LAWYER),
        kind: "lawyer",
        name: "王律师",
        phone: null,
        law_firm: "浙江示范律师事务所",
        licence_number: "13301201810123456",
        power_of_attorney_sha256: null,
        status: "active",
        created_at: now,
      })
      .execute();
    const { id: mediationId } = await db
      .insertInto("mediations")
      .values({
        case_id: caseId,
        court_id: courtId,
        origin: "application",
        status: "in_progress",
        applicant_user_id: id(ZHANGSAN),
        mediator_id: mediator.id,
        mediator_user_id: id(MEDIATOR),
        mediator_chosen_by: "court",
        applied_at: now,
        assigned_at: now,
        accepted_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { mediationId, caseId, zhangsan, yunqi };
  }

  /** Drafted, and signed by every party and the mediator: the agreement is in effect. */
  async function agreed() {
    const m = await inProgress();
    const drafted = await (
      await as(MEDIATOR)
    ).post(`/api/mediations/${m.mediationId}/agreement`, {
      terms: {
        facts: "张三在云栖网店购买的手机系翻新机，要求退货退款。",
        obligations: [
          {
            obligorPartyId: m.yunqi,
            obligeePartyId: m.zhangsan,
            description: "退还货款",
            amountFen: 500000,
            dueOn: "2026-12-30",
          },
        ],
        costs: { kind: "borne_by", partyId: m.yunqi },
        otherTerms: [],
      },
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    for (const login of [ZHANGSAN, YUNQI, MEDIATOR]) {
      const client = await as(login);
      const view = await client.get<TAgreementView>(`/api/mediations/${m.mediationId}/agreement`);
      const signed = await client.post(`/api/mediations/${m.mediationId}/agreement/sign`, {
        contentSha256: view.body.contentSha256,
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    return m;
  }

  /** 张三 starts the application for judicial confirmation; 云栖 has not joined yet. */
  async function started() {
    const m = await agreed();
    const start = await (
      await as(ZHANGSAN)
    ).post<{ confirmationId: string }>(`/api/mediations/${m.mediationId}/confirmation`);
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    return { ...m, confirmationId: start.body.confirmationId };
  }

  /** Both parties applied: the joint application is before the court. */
  async function applied() {
    const c = await started();
    const joined = await (await as(YUNQI)).post(`/api/mediations/${c.mediationId}/confirmation/join`);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    return c;
  }

  /** The clerk accepted: a case number and a judge (whose login is returned). */
  async function accepted() {
    const c = await applied();
    const view = await (
      await as(CLERK)
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/accept`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const judge = [...accounts.values()].find((a) => a.name === view.body.judgeName)!;
    return { ...c, judge: judge.login, view: view.body };
  }

  const courtEvents = async (caseId: string) =>
    (
      await db
        .selectFrom("ledger_court_events")
        .select("kind")
        .where("case_id", "=", caseId)
        .orderBy("id")
        .execute()
    ).map((e) => e.kind);

  const inbox = async (caseId: string, kind: string) =>
    (
      await db
        .selectFrom("inbox_messages")
        .select("recipient_id")
        .where("case_id", "=", caseId)
        .where("kind", "=", kind)
        .execute()
    ).map((m) => m.recipient_id);

  const audit = async (subjectId: string) =>
    (await db.selectFrom("audit_events").select("action").where("subject_id", "=", subjectId).execute()).map(
      (a) => a.action,
    );

  const jobs = async (dedupeKey: string) =>
    db.selectFrom("jobs").select(["status", "run_at"]).where("dedupe_key", "=", dedupeKey).execute();

  return {
    accounts,
    courtId,
    mediatorId: mediator.id,
    id,
    as,
    inProgress,
    agreed,
    started,
    applied,
    accepted,
    courtEvents,
    inbox,
    audit,
    jobs,
  };
}
