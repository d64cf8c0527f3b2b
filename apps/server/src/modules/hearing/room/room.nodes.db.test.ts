import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type NetcourtApp } from "../../../app";
import { ManualClock, loadConfig, openDatabase } from "../../../platform";
import { acceptedCase, seedDemo, shoppingComplaint, signIn } from "../../../testing/demo";
import { createTestApp, freePort, type TestApp, type TestClient } from "../../../testing/test-app";
import { Seat, connectSeat } from "./room.test-support";

// Two server nodes on one PostgreSQL database: a participant connected to one node reaches a participant
// connected to the other through NOTIFY, a message over the NOTIFY limit through the relay table.
describe.skipIf(!process.env.TEST_DATABASE_URL)("the hearing room across two nodes on PostgreSQL", () => {
  let first: TestApp;
  let second: NetcourtApp;
  let secondDir: string;
  let secondBase: string;
  let hearingId: string;
  let judge: TestClient;
  let zhangsan: TestClient;

  beforeAll(async () => {
    first = await createTestApp("postgres", { now: "2026-03-02T09:00:00+08:00", listen: true });
    const schema = (
      await sql<{ schema: string }>`select current_schema() as schema`.execute(first.context.db)
    ).rows[0]!.schema;
    const port = await freePort();
    secondDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-node2-"));
    secondBase = `http://127.0.0.1:${port}`;
    // Every node signs the ledger with the log's key.
    await fs.mkdir(path.join(secondDir, "ledger"), { recursive: true });
    await fs.copyFile(
      path.join(first.dataDir, "ledger", "log.key"),
      path.join(secondDir, "ledger", "log.key"),
    );
    const clock = new ManualClock("2026-03-10T08:00:00+08:00");
    second = await createApp({
      config: loadConfig({
        DATA_DIR: secondDir,
        LOG_LEVEL: "silent",
        SEED_DEMO: "false",
        LAWS_DIR: "",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: secondBase,
      }),
      database: await openDatabase({
        kind: "postgres",
        url: process.env.TEST_DATABASE_URL!,
        schema,
        poolSize: 4,
      }),
      clock,
      logger: pino({ level: "silent" }),
    });
    await second.http.listen({ port, host: "127.0.0.1" });

    const accounts = await seedDemo(first, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(first, "zhangsan@netcourt.demo");
    const clerk = await signIn(first, "hzhlw.clerk1@netcourt.demo");
    const judgeAccount = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
    judge = await signIn(first, judgeAccount.login);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const courtId = courts.find((c) => c.code === "浙0192")!.id;
    const caseId = await acceptedCase(first, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    await first.context.db
      .updateTable("cases")
      .set({ judge_id: judgeAccount.userId })
      .where("id", "=", caseId)
      .execute();
    const scheduled = await judge.post<{ id: string }>(`/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt: "2026-03-10T09:30:00+08:00",
      durationMinutes: 60,
      clerkId: accounts.get("hzhlw.clerk1@netcourt.demo")!.userId,
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    hearingId = scheduled.body.id;
    first.clock.set("2026-03-10T08:00:00+08:00");
    judge = await signIn(first, judgeAccount.login);
    zhangsan = await signIn(first, "zhangsan@netcourt.demo");
    expect((await judge.post(`/api/hearings/${hearingId}/room/open`)).status).toBe(200);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    if (secondDir) await fs.rm(secondDir, { recursive: true, force: true });
  });

  it("admits, relays offers (large ones too) and ends the hearing across the nodes", async () => {
    const judgeSeat = await connectSeat(first.context.config.publicUrl, judge, hearingId);
    const partySeat = await connectSeat(secondBase, zhangsan, hearingId);
    if (!(judgeSeat instanceof Seat) || !(partySeat instanceof Seat)) throw new Error("refused");
    const party = (await partySeat.next("welcome")).self.peerId;
    const court = (await judgeSeat.next("welcome")).self.peerId;
    await partySeat.next("waiting");
    // The judge on node 1 sees the party waiting on node 2 and admits him.
    await judgeSeat.next("roster", (m) => m.peers.some((p) => p.peerId === party && !p.isAdmitted));
    judgeSeat.send({ type: "admit", peerId: party });
    await partySeat.next("admitted");
    const sdp = `v=0\r\n${"a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\r\n".repeat(250)}`;
    expect(sdp.length).toBeGreaterThan(8000);
    partySeat.send({ type: "signal", to: court, data: { description: { type: "offer", sdp } } });
    const offer = await judgeSeat.next("signal");
    expect(offer).toMatchObject({ from: party, data: { description: { type: "offer", sdp } } });
    judgeSeat.send({ type: "signal", to: party, data: { candidate: null } });
    await partySeat.next("signal", (m) => m.from === court);
    // Ending on node 1 closes the socket on node 2.
    expect((await judge.post(`/api/hearings/${hearingId}/room/end`)).status).toBe(200);
    await partySeat.next("ended");
    expect((await partySeat.untilClosed())?.code).toBe(4000);
  });
});
