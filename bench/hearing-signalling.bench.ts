/**
 * `npx tsx bench/hearing-signalling.bench.ts` — the signalling service of the online hearing rooms under
 * load: 200 hearings with 6 participants each (judge, clerk, two parties, two agents) as real WebSocket
 * clients; the judge admits the parties from the waiting room, then every participant sends offer- and
 * ICE-like messages to a random other participant of its room at a steady rate. Measured: the relay
 * latency (send → receipt) p50/p95/p99 and the memory per hearing (heap and RSS growth ÷ hearings, an
 * upper bound: the client sockets live in this process too). Target: p99 < 50 ms.
 * Options: --hearings N (200), --participants-rate N messages/s each (2), --seconds N (20).
 * The server runs in this process on PGlite, or on PostgreSQL (NOTIFY relay) when TEST_DATABASE_URL is set.
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { acceptedCase, seedDemo, shoppingComplaint, signIn } from "../apps/server/src/testing/demo";
import { createTestApp, type TestClient } from "../apps/server/src/testing/test-app";

interface WsClient {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "open", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
}
type WsConstructor = new (url: string, options: { headers: Record<string, string> }) => WsClient;
const WebSocket = createRequire(import.meta.url)("ws") as WsConstructor;

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const hearings = Number(args.get("hearings") ?? 200);
const rate = Number(args.get("participants-rate") ?? 2);
const seconds = Number(args.get("seconds") ?? 20);
const SDP = `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n${"a=candidate-like line of a real offer\r\n".repeat(60)}`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cookie(client: TestClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

interface Seat {
  socket: WsClient;
  hearingId: string;
  isJudge: boolean;
  peerId: string | null;
  admitted: string[];
  isAdmitted: boolean;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const app = await createTestApp(kind, { listen: true, now: "2026-03-02T09:00:00+08:00" });
  try {
    const accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const userId = (login: string) => accounts.get(login)!.userId;
    const zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    const clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const judgeAccount = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
    const judge = await signIn(app, judgeAccount.login);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const courtId = courts.find((c) => c.code === "浙0192")!.id;
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    const db = app.context.db;
    await db.updateTable("cases").set({ judge_id: judgeAccount.userId }).where("id", "=", caseId).execute();
    // 李四 is the defendant; 王律师 his agent; 云栖 the plaintiff's agent.
    const defendant = await db
      .selectFrom("case_parties")
      .select(["id"])
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    const plaintiff = await db
      .selectFrom("case_parties")
      .select(["id"])
      .where("case_id", "=", caseId)
      .where("role", "=", "plaintiff")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("case_parties")
      .set({ user_id: userId("lisi@netcourt.demo") })
      .where("id", "=", defendant.id)
      .execute();
    const agent = (partyId: string, login: string, name: string) => ({
      case_id: caseId,
      party_id: partyId,
      user_id: userId(login),
      kind: "other" as const,
      name,
      phone: "13700003333",
      law_firm: null,
      licence_number: null,
      power_of_attorney_sha256: null,
      status: "active" as const,
      created_at: app.clock.now(),
    });
    await db
      .insertInto("case_agents")
      .values([
        agent(defendant.id, "wanglawyer@netcourt.demo", "王律师"),
        agent(plaintiff.id, "yunqi@netcourt.demo", "云栖"),
      ])
      .execute();
    const scheduled = await judge.post<{ id: string }>(`/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt: "2026-03-10T09:30:00+08:00",
      durationMinutes: 60,
      clerkId: userId("hzhlw.clerk1@netcourt.demo"),
    });
    if (scheduled.status !== 201) throw new Error(JSON.stringify(scheduled.body));
    // The other hearings are copies of the first, their rooms open (the bench measures the socket, not the acts).
    await sql`insert into hearings (case_id, court_id, sitting, mode, status, starts_at, duration_minutes,
        courtroom_id, judge_id, clerk_id, is_public, scheduled_by, created_at, updated_at)
      select case_id, court_id, sitting + g, mode, status, starts_at, duration_minutes, courtroom_id, judge_id,
        clerk_id, is_public, scheduled_by, created_at, updated_at
      from hearings, generate_series(1, ${hearings - 1}) g where id = ${scheduled.body.id}`.execute(db);
    await db.updateTable("hearings").set({ status: "in_progress" }).where("case_id", "=", caseId).execute();
    const ids = (await db.selectFrom("hearings").select("id").where("case_id", "=", caseId).execute()).map(
      (h) => h.id,
    );
    await db
      .insertInto("hearing_rooms")
      .values(
        ids.map((id) => ({
          hearing_id: id,
          opened_at: app.clock.now(),
          opened_by: judgeAccount.userId,
          requires_face_check: false,
          recess_since: null,
          display: null,
          ended_at: null,
          ended_by: null,
        })),
      )
      .execute();
    const participants = [
      { client: judge, isJudge: true },
      { client: clerk, isJudge: false },
      { client: zhangsan, isJudge: false },
      { client: await signIn(app, "lisi@netcourt.demo"), isJudge: false },
      { client: await signIn(app, "wanglawyer@netcourt.demo"), isJudge: false },
      { client: await signIn(app, "yunqi@netcourt.demo"), isJudge: false },
    ];
    const base = app.context.config.publicUrl;
    const wsBase = base.replace("http", "ws");

    const latencies: number[] = [];
    let received = 0;
    let errors = 0;
    const seats: Seat[] = [];
    const onMessage = (seat: Seat, data: Buffer) => {
      const message = JSON.parse(data.toString("utf8")) as {
        type: string;
        self?: { peerId: string };
        peers?: Array<{ peerId: string; isAdmitted: boolean }>;
        data?: { candidate?: { candidate: string } | null; description?: { sdp?: string } };
        isAdmitted?: boolean;
      };
      switch (message.type) {
        case "welcome":
          seat.peerId = message.self!.peerId;
          seat.isAdmitted = message.isAdmitted === true;
          return;
        case "admitted":
          seat.isAdmitted = true;
          return;
        case "roster":
          seat.admitted = message
            .peers!.filter((p) => p.isAdmitted && p.peerId !== seat.peerId)
            .map((p) => p.peerId);
          if (seat.isJudge)
            for (const p of message.peers!)
              if (!p.isAdmitted) seat.socket.send(JSON.stringify({ type: "admit", peerId: p.peerId }));
          return;
        case "signal": {
          const stamp = message.data?.candidate?.candidate ?? message.data?.description?.sdp ?? "";
          const sentAt = Number(/stamp=(\d+(?:\.\d+)?)/.exec(stamp)?.[1]);
          if (Number.isFinite(sentAt)) latencies.push(performance.now() - sentAt);
          received += 1;
          return;
        }
        case "error":
          errors += 1;
          return;
      }
    };

    global.gc?.();
    const before = process.memoryUsage();
    const connectStarted = performance.now();
    for (let h = 0; h < ids.length; h += 1) {
      await Promise.all(
        participants.map(
          ({ client, isJudge }) =>
            new Promise<void>((resolve, reject) => {
              const socket = new WebSocket(`${wsBase}/api/hearings/${ids[h]}/room/socket`, {
                headers: { cookie: cookie(client), origin: base },
              });
              const seat: Seat = {
                socket,
                hearingId: ids[h]!,
                isJudge,
                peerId: null,
                admitted: [],
                isAdmitted: false,
              };
              seats.push(seat);
              socket.on("message", (data) => onMessage(seat, data));
              socket.on("open", () => resolve());
              socket.on("error", reject);
            }),
        ),
      );
    }
    const deadline = Date.now() + 120_000;
    while (seats.some((s) => !s.isAdmitted || s.admitted.length < participants.length - 1)) {
      if (Date.now() > deadline) throw new Error("not every participant was admitted");
      await new Promise((r) => setTimeout(r, 100));
    }
    const connectMs = performance.now() - connectStarted;
    global.gc?.();
    const after = process.memoryUsage();

    // Offers (an SDP of ~2.5 KB) now and then, ICE candidates otherwise, at `rate` messages per second each.
    let sent = 0;
    const timers = seats.map((seat, index) =>
      setTimeout(
        () => {
          const timer = setInterval(() => {
            const to = seat.admitted[Math.floor(Math.random() * seat.admitted.length)];
            if (!to || seat.socket.readyState !== 1) return;
            const t = performance.now();
            const data =
              sent % 10 === 0
                ? { description: { type: "offer", sdp: `${SDP}a=stamp=${t}\r\n` } }
                : {
                    candidate: {
                      candidate: `candidate:1 1 udp 2122260223 127.0.0.1 5${index % 1000} typ host stamp=${t}`,
                      sdpMid: "0",
                      sdpMLineIndex: 0,
                    },
                  };
            seat.socket.send(JSON.stringify({ type: "signal", to, data }));
            sent += 1;
          }, 1000 / rate);
          timer.unref();
          intervals.push(timer);
        },
        Math.random() * (1000 / rate),
      ),
    );
    const intervals: NodeJS.Timeout[] = [];
    const started = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const t of timers) clearTimeout(t);
    for (const t of intervals) clearInterval(t);
    await new Promise((r) => setTimeout(r, 500));
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const rows = [
      ["database", kind === "postgres" ? "PostgreSQL (NOTIFY relay)" : "PGlite (in-process relay)"],
      ["hearings × participants", `${ids.length} × ${participants.length} = ${seats.length} sockets`],
      ["connect + admit all", `${(connectMs / 1000).toFixed(1)} s`],
      ["messages sent / relayed", `${sent} / ${received} (${(received / elapsed).toFixed(0)} per s)`],
      ["errors", String(errors)],
      ["relay latency p50", `${percentile(sorted, 50).toFixed(1)} ms`],
      ["relay latency p95", `${percentile(sorted, 95).toFixed(1)} ms`],
      ["relay latency p99", `${percentile(sorted, 99).toFixed(1)} ms`],
      ["relay latency max", `${(sorted.at(-1) ?? NaN).toFixed(1)} ms`],
      ["heap per hearing", `${megabytes((after.heapUsed - before.heapUsed) / ids.length)} MB`],
      ["RSS per hearing", `${megabytes((after.rss - before.rss) / ids.length)} MB`],
      ["target p99 < 50 ms", percentile(sorted, 99) < 50 ? "met" : "NOT met"],
    ];
    const width = Math.max(...rows.map(([k]) => k!.length));
    for (const [k, v] of rows) console.log(`${k!.padEnd(width)}  ${v}`);
    for (const seat of seats) seat.socket.close();
  } finally {
    await app.close();
  }
}

await main();
