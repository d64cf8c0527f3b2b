import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { demoIdNumber } from "../../apps/server/src/seed/demo-seed";
import { shoppingComplaint } from "../../apps/server/src/testing/demo";
import { HttpClient } from "../../apps/server/src/testing/http-client";
import { spawnServer, type SpawnedServer } from "../../apps/server/src/testing/spawn-server";
import { freePort } from "../../apps/server/src/testing/test-app";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/** The aims: 200 mediations and 1,000 services a minute. */
const MEDIATIONS_PER_MINUTE = 200;
const SERVICES_PER_MINUTE = 1_000;
/** The documents serve-complaint serves on each defendant: complaint copy, 应诉通知书, 举证通知书. */
const DOCUMENTS_PER_DEFENDANT = 3;
/** Mediations and served cases run before the clock starts (warm-up), their figures discarded. */
const WARM_UP = 3;
/** How long a case's services may take to be delivered before they count as not delivered. */
const DELIVERY_TIMEOUT_MS = 120_000;
const SERVICE_COMPLETE = new Set(["delivered", "served", "served_by_post", "served_by_notice"]);
const SERVICE_FAILED = new Set(["failed", "undeliverable"]);

const lisiIdNumber = demoIdNumber("110105", "1988-11-20", 124);
const lisi = {
  role: "defendant" as const,
  kind: "natural_person" as const,
  name: "李四",
  idNumber: lisiIdNumber,
  phone: "13900002222",
  address: "北京市朝阳区建国路1号",
};

/** 张三 against 李四 (whose demo account then answers for the other side). */
function complaintAgainstLisi(evidenceAttachmentId: string | null = null) {
  const base = shoppingComplaint({ evidenceAttachmentId });
  return { ...base, parties: [base.parties[0]!, lisi] };
}

/** 张三 against 李四 and the shop's company (reached by SMS only: it has no account). */
function complaintAgainstTwo(evidenceAttachmentId: string) {
  const base = shoppingComplaint({ evidenceAttachmentId });
  return { ...base, parties: [base.parties[0]!, lisi, { ...base.parties[1]!, phone: "13900003333" }] };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `make(0…count-1)` on `workers` parallel lanes (preparation, before the clock starts). */
async function inParallel<T>(count: number, workers: number, make: (index: number) => Promise<T>) {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        results[index] = await make(index);
      }
    }),
  );
  return results;
}

/** Open loop: starts `start(i)` every `intervalMs` whatever the responses do; waits for all to end. */
async function paced(
  count: number,
  intervalMs: number,
  start: (index: number) => Promise<unknown>,
): Promise<number> {
  const inFlight: Promise<unknown>[] = [];
  const begin = performance.now();
  for (let i = 0; i < count; i += 1) {
    const wait = begin + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(start(i));
  }
  const window = performance.now() - begin + intervalMs;
  await Promise.all(inFlight);
  return window;
}

/**
 * Latency by act name, and errors by kind: any answer other than the expected 2xx is an error, counted
 * and shown once per kind (act, status, error code) with its first body.
 */
class Acts {
  readonly latency = new Map<string, number[]>();
  readonly errors = new Map<string, { count: number; example: string }>();

  async run<T>(
    name: string,
    client: HttpClient,
    method: string,
    url: string,
    body: unknown,
    expected: number,
  ): Promise<T | null> {
    const start = performance.now();
    let response: { status: number; body: unknown };
    try {
      response = await client.request(method, url, body);
    } catch (error) {
      this.#error(`${name}: ${error instanceof Error ? error.message : String(error)}`, "");
      return null;
    }
    const took = performance.now() - start;
    if (response.status !== expected) {
      const code = (response.body as { error?: string } | null)?.error ?? "";
      this.#error(`${name}: ${response.status} ${code}`.trim(), JSON.stringify(response.body));
      return null;
    }
    const list = this.latency.get(name) ?? [];
    list.push(took);
    this.latency.set(name, list);
    return response.body as T;
  }

  #error(kind: string, example: string): void {
    const seen = this.errors.get(kind);
    if (seen) seen.count += 1;
    else this.errors.set(kind, { count: 1, example: example.slice(0, 300) });
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((sum, e) => sum + e.count, 0);
  }

  table(names: readonly string[], indent: string): string {
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    const row = (label: string, samples: number[]) => {
      const s = summary(samples);
      return `${indent}${label.padEnd(26)}${String(s.n).padStart(6)}${fmt(s.p50)}${fmt(s.p99)}${fmt(s.max)}\n`;
    };
    let text = `${indent}${"act".padEnd(26)}${"n".padStart(6)}${"p50".padStart(8)}${"p99".padStart(8)}${"max".padStart(8)}  ms\n`;
    for (const name of names) text += row(name, this.latency.get(name) ?? []);
    text += row(
      "all acts",
      names.flatMap((name) => this.latency.get(name) ?? []),
    );
    return text;
  }

  errorLines(indent: string): string {
    return [...this.errors]
      .map(([kind, e]) => `${indent}${e.count} × ${kind}${e.example ? ` — first: ${e.example}` : ""}\n`)
      .join("");
  }
}

/** The acts of one mediation, in the order a real one takes them. */
const MEDIATION_ACTS = [
  "apply",
  "mediator accepts",
  "other side consents",
  "offer",
  "offer accepted",
  "agreement drafted",
  "signed: applicant",
  "signed: other side",
  "signed: mediator",
  "confirmation applied",
  "confirmation joined",
] as const;

/**
 * Phase 5 of `npm run bench`: pre-litigation mediation and electronic service on a database of their own,
 * against the real server started with the demo seed.
 *
 * a) Mediations at 200 a minute (open loop, a new one every 300 ms for `seconds`): from a complete draft
 *    prepared beforehand, 张三 applies choosing the court's mediator, the mediator accepts, 李四 (the other
 *    side) consents, 张三 offers and 李四 accepts, the mediator drafts the agreement, both parties and the
 *    mediator sign it, 张三 applies for judicial confirmation and 李四 joins. Each act's latency by name.
 * b) Service of the complaint at 1,000 services a minute: the clerk's serve-complaint on cases filed, paid
 *    and registered beforehand, each against two defendants (李四, and a company reachable by SMS only), so
 *    six services per act; how long until every service of the case is delivered by the job (from the
 *    act's answer, polling the database); then 李四 links his account with the case code served on him
 *    and opens each of his services (GET /api/served/:id).
 * Each part begins with a few mediations or cases run one by one before the clock (warm-up, not counted).
 *
 * The respondent of a mediation applied for from a draft has no account on the case yet, so the
 * preparation links 李四's account to it in the database (as the module's tests do). Registration queues
 * a job that serves the complaint within a second (民事诉讼法第一百二十八条 allows five days); while the
 * cases are prepared those jobs are postponed by a trigger on this database, so the clerk's act serves
 * every case. `freshDatabase` empties the database first.
 */
export async function runMediationServicePhase(options: {
  databaseUrl: string;
  seconds: number;
  freshDatabase: (url: string) => Promise<void>;
}): Promise<string> {
  const { seconds } = options;
  await options.freshDatabase(options.databaseUrl);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-bench-mediation-"));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  let server: SpawnedServer | undefined;
  try {
    server = await spawnServer({
      port: await freePort(),
      dataDir,
      env: {
        DATABASE_URL: options.databaseUrl,
        SEED_DEMO: "true",
        NODE_ENV: "production",
        LEDGER_WITNESSES: "[]",
        // A staging court: the demo accounts and the simulators of payment, real-name checks and the
        // SMS and e-mail channels of service, allowed explicitly.
        ALLOW_DEMO_SEED: "true",
        ALLOW_SIMULATORS: "payment,real_name,sms,email",
        TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      },
      timeoutMs: 120_000,
    });
    const signedIn = async (login: string) => {
      const client = new HttpClient(server!.baseUrl);
      await client.signIn(login);
      return client;
    };
    const zhangsan = await signedIn("zhangsan@netcourt.demo");
    const lisiClient = await signedIn("lisi@netcourt.demo");
    const clerk = await signedIn("hzhlw.clerk1@netcourt.demo");
    const admin = await signedIn("hzhlw.admin1@netcourt.demo");
    const mediator = await signedIn("hzhlw.mediator1@netcourt.demo");
    const expectStatus = <T>(response: { status: number; body: T }, status: number, what: string): T => {
      if (response.status !== status)
        throw new Error(`${what}: unexpected ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const courts = expectStatus(
      await zhangsan.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"),
      200,
      "courts",
    ).items;
    const courtId = courts.find((c) => c.code === "浙0192")!.id;
    const userIdOf = async (client: HttpClient) =>
      expectStatus(await client.request<{ id: string }>("GET", "/api/me"), 200, "me").id;
    const lisiUserId = await userIdOf(lisiClient);

    // The court's mediator: on the demo seed's register, or registered now by the court's administrator.
    const mediatorUserId = await userIdOf(mediator);
    const register = expectStatus(
      await admin.request<{ items: Array<{ id: string; userId: string | null; isActive: boolean }> }>(
        "GET",
        `/api/courts/${courtId}/mediators`,
      ),
      200,
      "mediators",
    ).items;
    let mediatorId = register.find((m) => m.userId === mediatorUserId && m.isActive)?.id;
    const mediatorSource = mediatorId ? "on the demo register" : "registered by the court administrator";
    mediatorId ??= expectStatus(
      await admin.request<{ id: string }>("POST", `/api/courts/${courtId}/mediators`, {
        userId: mediatorUserId,
        displayName: "调解员",
        specialties: "网络购物合同纠纷",
        caseTypes: [],
      }),
      201,
      "register mediator",
    ).id;

    async function mediations(): Promise<string> {
      const intervalMs = 60_000 / MEDIATIONS_PER_MINUTE;
      const count = Math.max(1, Math.round((seconds * 1000) / intervalMs));
      // Complete drafts written in the filing wizard, prepared before the clock starts.
      const drafts = await inParallel(count + WARM_UP, 4, async () => {
        const created = await zhangsan.request<{ caseId: string }>("POST", "/api/filings", { courtId });
        const { caseId } = expectStatus(created, 201, "create draft");
        expectStatus(
          await zhangsan.request("PUT", `/api/filings/${caseId}`, complaintAgainstLisi()),
          200,
          "save draft",
        );
        return caseId;
      });
      await pool.query(
        "update case_parties set user_id = $1 where role = 'defendant' and case_id = any($2::uuid[])",
        [lisiUserId, drafts],
      );

      let acts = new Acts();
      let completed = 0;
      const mediate = async (caseId: string) => {
        const applied = await acts.run<{ mediationId: string }>(
          "apply",
          zhangsan,
          "POST",
          `/api/filings/${caseId}/mediation`,
          { mediatorId },
          201,
        );
        if (!applied) return;
        const on = `/api/mediations/${applied.mediationId}`;
        type View = {
          parties: Array<{ id: string; side: "applicant" | "respondent" }>;
          offers: Array<{ id: string; status: string }>;
        };
        const view = await acts.run<View>(
          "mediator accepts",
          mediator,
          "POST",
          `${on}/accept`,
          undefined,
          200,
        );
        if (!view) return;
        const applicant = view.parties.find((p) => p.side === "applicant")!.id;
        const respondent = view.parties.find((p) => p.side === "respondent")!.id;
        const consent = { answer: "agreed" };
        if (!(await acts.run("other side consents", lisiClient, "POST", `${on}/consent`, consent, 200)))
          return;
        const offer = { amount: 5000, terms: "三日内退还货款，原告退回手机" };
        const offered = await acts.run<View>("offer", zhangsan, "POST", `${on}/offers`, offer, 201);
        const offerId = offered?.offers.find((o) => o.status === "open")?.id;
        if (!offerId) return;
        const accept = `${on}/offers/${offerId}/accept`;
        if (!(await acts.run("offer accepted", lisiClient, "POST", accept, undefined, 200))) return;
        const terms = {
          facts: "张三在网店购买的手机系翻新机，双方就退货退款达成一致。",
          obligations: [
            {
              obligorPartyId: respondent,
              obligeePartyId: applicant,
              description: "退还货款",
              amountFen: 500_000,
              dueOn: null,
            },
            {
              obligorPartyId: applicant,
              obligeePartyId: respondent,
              description: "退回手机",
              amountFen: null,
              dueOn: null,
            },
          ],
          costs: { kind: "borne_by", partyId: respondent },
          otherTerms: ["双方就本纠纷再无其他争议"],
          offerId,
        };
        const drafted = await acts.run<{ contentSha256: string }>(
          "agreement drafted",
          mediator,
          "POST",
          `${on}/agreement`,
          { terms },
          201,
        );
        if (!drafted) return;
        const signature = { contentSha256: drafted.contentSha256 };
        for (const [name, client] of [
          ["signed: applicant", zhangsan],
          ["signed: other side", lisiClient],
          ["signed: mediator", mediator],
        ] as const) {
          if (!(await acts.run(name, client, "POST", `${on}/agreement/sign`, signature, 200))) return;
        }
        const started = "confirmation applied";
        if (!(await acts.run(started, zhangsan, "POST", `${on}/confirmation`, undefined, 201))) return;
        const joined = await acts.run<{ status: string }>(
          "confirmation joined",
          lisiClient,
          "POST",
          `${on}/confirmation/join`,
          undefined,
          200,
        );
        if (joined?.status === "applied") completed += 1;
      };
      for (const caseId of drafts.slice(count)) await mediate(caseId);
      acts = new Acts();
      completed = 0;
      const window = await paced(count, intervalMs, (index) => mediate(drafts[index]!));
      const perMinute = (count * 60_000) / window;
      return `   a) mediations, a new one every ${intervalMs.toFixed(0)} ms (open loop) for ${seconds} s: ${count} started (${perMinute.toFixed(0)} a minute), ${completed} completed (agreement signed, joint application for confirmation made), errors ${acts.errorCount()}
${acts.table(MEDIATION_ACTS, "      ")}${acts.errorLines("      error: ")}`;
    }

    async function services(): Promise<string> {
      const servicesPerAct = 2 * DOCUMENTS_PER_DEFENDANT;
      const intervalMs = (servicesPerAct * 60_000) / SERVICES_PER_MINUTE;
      const count = Math.max(1, Math.round((seconds * 1000) / intervalMs));
      // Hold back the service jobs registration queues while the cases are prepared (see above).
      await pool.query(`
        create or replace function bench_hold_complaint_service() returns trigger language plpgsql as $$
        begin
          if new.kind = 'filing.serve_complaint' then new.run_at := new.run_at + interval '30 days'; end if;
          return new;
        end $$;
        create trigger bench_hold_complaint_service before insert on jobs
          for each row execute function bench_hold_complaint_service();`);
      let cases: string[];
      try {
        cases = await inParallel(count + WARM_UP, 4, async () => {
          const { caseId } = expectStatus(
            await zhangsan.request<{ caseId: string }>("POST", "/api/filings", { courtId }),
            201,
            "create",
          );
          const form = new FormData();
          form.append("category", "evidence");
          form.append("file", new Blob([PNG], { type: "image/png" }), "order.png");
          const upload = expectStatus(
            await zhangsan.request<{ id: string }>("POST", `/api/filings/${caseId}/attachments`, undefined, {
              form,
            }),
            201,
            "upload",
          );
          expectStatus(
            await zhangsan.request("PUT", `/api/filings/${caseId}`, complaintAgainstTwo(upload.id)),
            200,
            "save",
          );
          expectStatus(await zhangsan.request("POST", `/api/filings/${caseId}/submit`), 200, "submit");
          const payment = expectStatus(
            await zhangsan.request<{ payUrl: string }>("POST", `/api/filings/${caseId}/payment`),
            200,
            "payment",
          );
          await fetch(payment.payUrl, {
            method: "POST",
            body: "action=pay",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            redirect: "manual",
          });
          expectStatus(await clerk.request("POST", `/api/filings/${caseId}/accept`, {}), 200, "accept");
          return caseId;
        });
      } finally {
        await pool.query(`
          drop trigger if exists bench_hold_complaint_service on jobs;
          drop function if exists bench_hold_complaint_service();`);
      }
      const ready = await pool.query<{ n: number }>(
        "select count(*)::int as n from cases where status = 'accepted' and id = any($1::uuid[])",
        [cases],
      );
      if (ready.rows[0]!.n !== cases.length)
        throw new Error(`only ${ready.rows[0]!.n} of ${cases.length} cases wait for service`);

      // Watches the database for the services of each served case until none is pending.
      type Row = { id: string; case_id: string; status: string; recipient_name: string };
      const waiting = new Map<string, { answeredAt: number; done: (rows: Row[] | null) => void }>();
      let lag: number[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching || waiting.size > 0) {
          if (waiting.size > 0) {
            const { rows } = await pool.query<Row>(
              "select id, case_id, status, recipient_name from service_records where case_id = any($1::uuid[])",
              [[...waiting.keys()]],
            );
            const now = performance.now();
            const byCase = new Map<string, Row[]>();
            for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
            for (const [caseId, wait] of waiting) {
              const list = byCase.get(caseId) ?? [];
              if (list.length > 0 && list.every((r) => r.status !== "pending")) {
                waiting.delete(caseId);
                lag.push(now - wait.answeredAt);
                wait.done(list);
              } else if (now - wait.answeredAt > DELIVERY_TIMEOUT_MS) {
                waiting.delete(caseId);
                wait.done(null);
              }
            }
          }
          await sleep(20);
        }
      })().catch((error: unknown) => {
        // Nothing more can be watched: release every waiting case (counted as not delivered).
        for (const wait of waiting.values()) wait.done(null);
        waiting.clear();
        throw error;
      });

      let acts = new Acts();
      let created = 0;
      let delivered = 0;
      let failed = 0;
      let timedOut = 0;
      let window: number;
      const serve = async (caseId: string) => {
        const served = await acts.run<{ defendants: Array<{ name: string; caseCode: string }> }>(
          "serve-complaint",
          clerk,
          "POST",
          `/api/cases/${caseId}/serve-complaint`,
          undefined,
          200,
        );
        if (!served) return;
        const rows = await new Promise<Row[] | null>((done) =>
          waiting.set(caseId, { answeredAt: performance.now(), done }),
        );
        if (!rows) {
          timedOut += 1;
          return;
        }
        created += rows.length;
        delivered += rows.filter((r) => SERVICE_COMPLETE.has(r.status)).length;
        failed += rows.filter((r) => SERVICE_FAILED.has(r.status)).length;
        // The addressee links his account with the code served on him, then opens what was served.
        const caseCode = served.defendants.find((d) => d.name === lisi.name)!.caseCode;
        if (!(await acts.run("link", lisiClient, "POST", "/api/cases/link", { caseCode }, 200))) return;
        for (const row of rows.filter((r) => r.recipient_name === lisi.name))
          await acts.run("open", lisiClient, "GET", `/api/served/${row.id}`, undefined, 200);
      };
      try {
        for (const caseId of cases.slice(count)) await serve(caseId);
        acts = new Acts();
        lag = [];
        created = delivered = failed = timedOut = 0;
        window = await paced(count, intervalMs, (index) => serve(cases[index]!));
      } finally {
        watching = false;
        await watcher;
      }
      const fmt = (n: number) => n.toFixed(1);
      const serveAct = summary(acts.latency.get("serve-complaint") ?? []);
      const jobLag = summary(lag);
      const link = summary(acts.latency.get("link") ?? []);
      const open = summary(acts.latency.get("open") ?? []);
      const perMinute = (created * 60_000) / window;
      return `   b) service of the complaint, one serve-complaint every ${intervalMs.toFixed(0)} ms (${servicesPerAct} services each) for ${seconds} s: ${created} services created (${perMinute.toFixed(0)} a minute), errors ${acts.errorCount()}
      serve-complaint (clerk), ${serveAct.n} acts: p50 ${fmt(serveAct.p50)} ms, p99 ${fmt(serveAct.p99)} ms, max ${fmt(serveAct.max)} ms
      until every service of the case is delivered by the job (from the act's answer), ${jobLag.n} cases: p50 ${fmt(jobLag.p50)} ms, p99 ${fmt(jobLag.p99)} ms, max ${fmt(jobLag.max)} ms
      services delivered ${delivered}, failed ${failed}, cases not delivered within ${DELIVERY_TIMEOUT_MS / 1000} s: ${timedOut}
      the addressee (李四): link with the case code, ${link.n}: p50 ${fmt(link.p50)} ms, p99 ${fmt(link.p99)} ms; opening GET /api/served/:id, ${open.n}: p50 ${fmt(open.p50)} ms, p99 ${fmt(open.p99)} ms, max ${fmt(open.max)} ms
${acts.errorLines("      error: ")}`;
    }

    const mediationResult = await mediations();
    const serviceResult = await services();
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
    return `5. Mediation and electronic service (database ${new URL(options.databaseUrl).pathname.slice(1)}; ${os.cpus().length} cores, load ${load}; mediator ${mediatorSource})
${mediationResult}${serviceResult}`;
  } finally {
    await server?.kill("SIGTERM");
    await pool.end();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
