import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  TILE_WIDTH,
  createVerifier,
  decodeEntryBundle,
  formatAddCheckpointRequest,
  formatTilePath,
  fromBase64,
  leafHash,
  parseCheckpoint,
  parsePrivateKey,
  parseTlogPolicy,
  randomSeed,
  tileTreeHash,
  toBase64,
  verifyCheckpoint,
  verifyCheckpointWithPolicy,
  verifyInclusion,
  verifyTlogProof,
  type CheckpointTrust,
  type NoteVerifier,
  type Tile,
} from "@netcourt/ledger";
import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "../filing/index";
import {
  commitmentOf,
  encodeLeaf,
  encodeOpening,
  type DepositLeaf,
  type DepositOpening,
} from "./ledger.leaves";
import { nodeEd25519 } from "./ledger.keys";
import { signPlatformRequest, type PlatformSigningKey } from "./ledger.platform-client";
import { MemoryLog } from "./tools/memory-log";
import { witnessKeyFrom, type WitnessKey } from "./witness/witness.key";
import { startWitnessServer, type RunningWitness, type WitnessLogger } from "./witness/witness.server";
import { WitnessStateStore } from "./witness/witness.state";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

const sha256Hex = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const hashOf = (label: string) => sha256Hex(`evidence ${label}`);

type Court = { id: string; code: string };
type Receipt = {
  index: number;
  sha256: string;
  isNew: boolean;
  leaf: DepositLeaf;
  leafHash: string;
  opening: DepositOpening;
  inclusionProof: string[];
};
type DepositResponse = { treeSize: number; checkpoint: string; deposits: Receipt[] };
type Platform = {
  id: string;
  name: string;
  credentials: Array<{ id: string; kind: string; keyHash: string; publicKey: string | null }>;
};
type Credential = {
  id: string;
  kind: string;
  keyHash: string;
  apiKey: string | null;
  revokedAt: string | null;
};
type Auth = { apiKey: string } | { key: PlatformSigningKey; created?: number; nonce?: string };

/** A witness process of the court network (notary office, arbitration commission, CA) on loopback. */
class TestWitness {
  running: RunningWitness | undefined;
  port = 0;
  readonly key: WitnessKey;
  /** The logs it trusts; filled in once the court's log key exists. */
  readonly logs = new Map<string, NoteVerifier[]>();

  constructor(
    readonly name: string,
    readonly dir: string,
  ) {
    this.key = witnessKeyFrom(name, randomSeed());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const store = await WitnessStateStore.open(path.join(this.dir, "state"));
    this.running = await startWitnessServer(
      { key: this.key, logs: this.logs, store, clock: () => Math.floor(Date.now() / 1000), log: quiet },
      { host: "127.0.0.1", port: this.port },
    );
    this.port = Number(new URL(this.running.url).port);
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = undefined;
  }
}

const quiet: WitnessLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDatabaseKinds())("the evidence ledger over HTTP on %s", (kind) => {
  let app: TestApp;
  let witnessDir: string;
  let witnesses: TestWitness[];
  let trust: CheckpointTrust;
  let hangzhou: Court;
  let beijing: Court;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let clerk: TestClient;
  let judge: TestClient;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let anonymous: TestClient;
  /** The platform most tests deposit with, its API key and its Ed25519 key. */
  let platform: Platform;
  let apiKey: string;
  let apiKeyHash: string;
  let signingKey: PlatformSigningKey;

  beforeAll(async () => {
    witnessDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-ledger-witnesses-"));
    witnesses = ["notary.netcourt.test", "arbitration.netcourt.test", "ca.netcourt.test"].map(
      (name) => new TestWitness(name, path.join(witnessDir, name)),
    );
    for (const w of witnesses) await w.start();
    app = await createTestApp(kind, {
      now: "2026-03-02T09:00:00+08:00",
      ledger: {
        witnesses: witnesses.map((w) => ({ name: w.name, vkey: w.key.vkey, url: w.url })),
        quorum: 2,
        checkpointIntervalMs: 40,
        publishTimeoutMs: 4_000,
        witnessTimeoutMs: 2_000,
      },
    });
    for (const w of witnesses)
      w.logs.set(app.context.ledger.origin, [createVerifier(app.context.ledger.verifierKey)]);
    await app.context.ledger.start();
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    anonymous = new TestClient(app);
    const courts = (await anonymous.get<{ items: Court[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    beijing = courts.find((c) => c.code === "京0491")!;
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    otherAdmin = await signIn(app, "bjhlw.admin1@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    judge = await signIn(app, "hzhlw.judge1@netcourt.demo");
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    trust = {
      logKeys: [app.context.ledger.verifierKey],
      origin: app.context.ledger.origin,
      witnesses: { keys: witnesses.map((w) => w.key.vkey), quorum: 2 },
    };

    const registered = await admin.post<Platform>("/api/ledger/platforms", {
      courtId: hangzhou.id,
      name: "示范电子合同平台",
      operatorName: "杭州示范电子合同有限公司",
      category: "e_commerce",
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    platform = registered.body;
    const key = await admin.post<Credential>(`/api/ledger/platforms/${platform.id}/credentials`, {
      kind: "api_key",
    });
    expect(key.status).toBe(201);
    apiKey = key.body.apiKey!;
    apiKeyHash = key.body.keyHash;
    const seed = randomSeed();
    const signed = await admin.post<Credential>(`/api/ledger/platforms/${platform.id}/credentials`, {
      kind: "ed25519",
      publicKey: Buffer.from(nodeEd25519.publicKey(seed)).toString("base64"),
    });
    expect(signed.status).toBe(201);
    signingKey = { credentialId: signed.body.id, seed };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    for (const w of witnesses ?? []) await w.stop();
    if (witnessDir) await fs.rm(witnessDir, { recursive: true, force: true });
  });

  // ------------------------------------------------------------------ helpers

  async function deposit<T = DepositResponse>(body: unknown, auth: Auth) {
    const payload = typeof body === "string" ? body : JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if ("apiKey" in auth) headers.authorization = `Bearer ${auth.apiKey}`;
    else
      Object.assign(
        headers,
        signPlatformRequest({
          method: "POST",
          path: "/api/ledger/deposits",
          body: payload,
          key: auth.key,
          created: auth.created ?? Math.floor(app.clock.now().getTime() / 1000),
          ...(auth.nonce ? { nonce: auth.nonce } : {}),
        }),
      );
    const response = await app.http.inject({ method: "POST", url: "/api/ledger/deposits", payload, headers });
    return { status: response.statusCode, body: response.json<T>(), headers };
  }

  const item = (label: string, extra: Record<string, unknown> = {}) => ({
    sha256: hashOf(label),
    kind: "contract",
    title: `电子合同 ${label}`,
    occurredAt: "2026-03-01T10:00:00+08:00",
    metadata: { account: "buyer-001", device: "web" },
    ...extra,
  });

  /** What the ledger has written: tree size and stored rows. */
  async function written() {
    const count = async (table: "ledger_deposits" | "ledger_deposit_requests") =>
      Number(
        (
          await app.context.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      size: app.context.ledger.sequencer.committed.size,
      deposits: await count("ledger_deposits"),
      requests: await count("ledger_deposit_requests"),
    };
  }

  /** Checks a receipt as a third party would, with nothing but the receipt and the trust policy. */
  function expectReceiptVerifies(response: DepositResponse, receipt: Receipt) {
    const entry = encodeLeaf(receipt.leaf);
    const hash = leafHash(entry);
    expect(toBase64(hash)).toBe(receipt.leafHash);
    expect(commitmentOf(encodeOpening(receipt.opening))).toBe(receipt.leaf.commitment);
    const verified = verifyCheckpoint(response.checkpoint, trust);
    expect(verified.checkpoint.size).toBe(response.treeSize);
    expect(verified.cosignatures.length).toBeGreaterThanOrEqual(2);
    expect(
      verifyInclusion(
        receipt.index,
        verified.checkpoint.size,
        hash,
        receipt.inclusionProof.map(fromBase64),
        verified.checkpoint.rootHash,
      ),
    ).toBe(true);
    return verified;
  }

  async function publishedCheckpoint() {
    const response = await anonymous.get<string>("/ledger/checkpoint");
    expect(response.status).toBe(200);
    return {
      note: response.body,
      ...parseCheckpoint(response.body.slice(0, response.body.indexOf("\n\n") + 1)),
    };
  }

  // ------------------------------------------------------------------ public read API

  it("serves the log key, the witnesses, the trust policy and a checkpoint cosigned by the quorum", async () => {
    const key = await anonymous.get<string>("/ledger/key");
    expect(key.status).toBe(200);
    expect(key.headers["content-type"]).toMatch(/^text\/plain/);
    expect(key.body.trim()).toBe(app.context.ledger.verifierKey);
    expect(key.body.trim().startsWith(`${app.context.ledger.origin}+`)).toBe(true);

    const listed = await anonymous.get<{
      origin: string;
      quorum: number;
      witnesses: Array<{ name: string; vkey: string }>;
    }>("/ledger/witnesses");
    expect(listed.body).toEqual({
      origin: app.context.ledger.origin,
      quorum: 2,
      witnesses: witnesses.map((w) => ({ name: w.name, vkey: w.key.vkey })),
    });

    const checkpoint = await anonymous.get<string>("/ledger/checkpoint");
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(checkpoint.headers["cache-control"]).toMatch(/no-cache|max-age=[0-9]\b/);
    const verified = verifyCheckpoint(checkpoint.body, trust);
    expect(verified.checkpoint.origin).toBe(app.context.ledger.origin);
    expect(verified.cosignatures.length).toBeGreaterThanOrEqual(2);

    const policy = await anonymous.get<string>("/ledger/policy");
    expect(policy.status).toBe(200);
    const parsed = parseTlogPolicy(policy.body);
    expect(verifyCheckpointWithPolicy(checkpoint.body, parsed).checkpoint.size).toBe(
      verified.checkpoint.size,
    );
  });

  // ------------------------------------------------------------------ platforms and credentials

  it("lets only the court's administrators admit platforms and manage their credentials", async () => {
    const body = { courtId: hangzhou.id, name: "另一平台", operatorName: "某公司", category: "other" };
    for (const client of [clerk, judge, zhangsan, lawyer, otherAdmin]) {
      const refused = await client.post<ErrorBody>("/api/ledger/platforms", body);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe("forbidden");
    }
    expect((await anonymous.post<ErrorBody>("/api/ledger/platforms", body)).status).toBe(401);
    // Each administrator admits platforms to their own court only.
    expect((await admin.post("/api/ledger/platforms", { ...body, courtId: beijing.id })).status).toBe(403);
    expect((await otherAdmin.post("/api/ledger/platforms", { ...body, courtId: beijing.id })).status).toBe(
      201,
    );
    const invalid = await admin.post<ErrorBody>("/api/ledger/platforms", {
      ...body,
      category: "x",
      name: "",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe("validation_failed");
    expect(invalid.body.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(["body.category", "body.name"]),
    );

    // Reading: another court's administrator and outsiders do not see it; the court's other staff may not.
    const url = `/api/ledger/platforms/${platform.id}`;
    expect((await admin.get<Platform>(url)).body.credentials).toHaveLength(2);
    expect((await otherAdmin.get<ErrorBody>(url)).status).toBe(404);
    expect((await zhangsan.get<ErrorBody>(url)).status).toBe(404);
    expect((await lawyer.get<ErrorBody>(url)).status).toBe(404);
    expect((await clerk.get<ErrorBody>(url)).status).toBe(403);
    expect((await judge.get<ErrorBody>(url)).status).toBe(403);
    const list = await admin.get<{ items: Platform[] }>("/api/ledger/platforms");
    expect(list.body.items.map((p) => p.id)).toContain(platform.id);
    const otherList = await otherAdmin.get<{ items: Platform[] }>("/api/ledger/platforms");
    expect(otherList.status).toBe(200);
    expect(otherList.body.items.map((p) => p.id)).not.toContain(platform.id);
    expect((await otherAdmin.get(`/api/ledger/platforms?courtId=${hangzhou.id}`)).status).toBe(403);
    expect((await zhangsan.get("/api/ledger/platforms")).status).toBe(403);
    expect((await clerk.get("/api/ledger/platforms")).status).toBe(403);

    // Credentials: the API key is shown once; the server keeps only its hash.
    const credentialsUrl = `${url}/credentials`;
    for (const [client, status] of [
      [otherAdmin, 404],
      [zhangsan, 404],
      [clerk, 403],
      [judge, 403],
    ] as const) {
      expect((await client.post(credentialsUrl, { kind: "api_key" })).status).toBe(status);
    }
    const shown = (await admin.get<Platform & { credentials: Array<Record<string, unknown>> }>(url)).body;
    for (const c of shown.credentials) expect(c).not.toHaveProperty("apiKey");
    expect(JSON.stringify(shown)).not.toContain(apiKey);
    const badKey = await admin.post<ErrorBody>(credentialsUrl, { kind: "ed25519", publicKey: "AAAA" });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error).toBe("ledger_public_key_invalid");
    const existing = shown.credentials.find((c) => c.kind === "ed25519")!;
    const taken = await admin.post<ErrorBody>(credentialsUrl, {
      kind: "ed25519",
      publicKey: existing.publicKey,
    });
    expect(taken.status).toBe(400);

    // Revoking: only the court's administrators; a revoked credential can no longer deposit.
    const spare = await admin.post<Credential>(credentialsUrl, { kind: "api_key" });
    const revokeUrl = `${credentialsUrl}/${spare.body.id}/revoke`;
    expect((await otherAdmin.post(revokeUrl)).status).toBe(404);
    expect((await clerk.post(revokeUrl)).status).toBe(403);
    expect(
      (await deposit({ deposits: [item("before revocation")] }, { apiKey: spare.body.apiKey! })).status,
    ).toBe(200);
    const revoked = await admin.post<Credential>(revokeUrl);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const before = await written();
    const refused = await deposit<ErrorBody>(
      { deposits: [item("after revocation")] },
      { apiKey: spare.body.apiKey! },
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("platform_unauthenticated");
    expect(await written()).toEqual(before);
    expect((await admin.post(`${credentialsUrl}/00000000-0000-4000-8000-000000000000/revoke`)).status).toBe(
      404,
    );
  });

  // ------------------------------------------------------------------ deposits and receipts

  it("deposits one hash with an API key and answers with a receipt that verifies offline", async () => {
    const response = await deposit({ deposits: [item("single")] }, { apiKey });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [receipt] = response.body.deposits;
    expect(receipt).toMatchObject({ sha256: hashOf("single"), isNew: true });
    expect(receipt!.leaf).toMatchObject({
      type: "deposit",
      v: 1,
      sha256: hashOf("single"),
      kind: "contract",
      platform: apiKeyHash,
    });
    expect(receipt!.opening).toMatchObject({
      title: "电子合同 single",
      occurredAt: "2026-03-01T02:00:00.000Z",
    });
    expectReceiptVerifies(response.body, receipt!);

    // The same receipt, later, as JSON and as a c2sp.org/tlog-proof file.
    const later = await app.http.inject({
      method: "GET",
      url: `/api/ledger/deposits/${receipt!.index}/receipt`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(later.statusCode).toBe(200);
    const verified = verifyTlogProof(later.body, fromBase64(receipt!.leafHash), trust);
    expect(verified.index).toBe(receipt!.index);
    const extra = JSON.parse(new TextDecoder().decode(verified.extra)) as { leaf: DepositLeaf };
    expect(extra.leaf).toEqual(receipt!.leaf);
    const json = await app.http.inject({
      method: "GET",
      url: `/api/ledger/deposits/${receipt!.index}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(json.json<Receipt>().leafHash).toBe(receipt!.leafHash);
    // Another platform's deposits are not found; without credentials the request is refused.
    expect(
      (await app.http.inject({ method: "GET", url: `/api/ledger/deposits/${receipt!.index}` })).statusCode,
    ).toBe(401);
  });

  it("is idempotent per platform and hash: a repeated hash gets its first receipt and writes nothing", async () => {
    const first = await deposit({ deposits: [item("repeat")] }, { apiKey });
    expect(first.status).toBe(200);
    const before = await written();
    const again = await deposit({ deposits: [item("repeat", { title: "changed" })] }, { key: signingKey });
    expect(again.status).toBe(200);
    expect(again.body.deposits[0]).toMatchObject({ index: first.body.deposits[0]!.index, isNew: false });
    expect(again.body.deposits[0]!.opening.title).toBe("电子合同 repeat");
    expectReceiptVerifies(again.body, again.body.deposits[0]!);
    expect((await written()).deposits).toBe(before.deposits);
    expect((await written()).size).toBe(before.size);
    // Twice in one batch: one leaf.
    const twice = await deposit({ deposits: [item("twin"), item("twin")] }, { apiKey });
    expect(twice.body.deposits[0]!.index).toBe(twice.body.deposits[1]!.index);
    expect(twice.body.deposits.map((d) => d.isNew)).toEqual([true, false]);
    // A known hash among new ones, next to another platform request sequenced in the same round: the
    // new deposits get the next leaves, in order, and every receipt verifies.
    const sizeBefore = (await written()).size;
    const [mixed, other] = await Promise.all([
      deposit({ deposits: [item("mixed-1"), item("repeat"), item("mixed-2")] }, { apiKey }),
      deposit({ deposits: [item("mixed-3")] }, { apiKey }),
    ]);
    expect(mixed.status).toBe(200);
    expect(other.status).toBe(200);
    expect(mixed.body.deposits.map((d) => d.isNew)).toEqual([true, false, true]);
    expect(mixed.body.deposits[1]!.index).toBe(first.body.deposits[0]!.index);
    const fresh = [mixed.body.deposits[0]!, mixed.body.deposits[2]!, other.body.deposits[0]!];
    expect(fresh.map((d) => d.index).sort((a, b) => a - b)).toEqual([
      sizeBefore,
      sizeBefore + 1,
      sizeBefore + 2,
    ]);
    for (const d of mixed.body.deposits) expectReceiptVerifies(mixed.body, d);
    expectReceiptVerifies(other.body, other.body.deposits[0]!);
    expect((await written()).size).toBe(sizeBefore + 3);
  });

  it("deposits a signed batch of 1,000 and refuses 1,001 without writing anything", async () => {
    const batch = Array.from({ length: 1_000 }, (_, i) => item(`batch-${i}`));
    const response = await deposit({ deposits: batch }, { key: signingKey });
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
    expect(response.body.deposits).toHaveLength(1_000);
    const indexes = response.body.deposits.map((d) => d.index);
    expect(new Set(indexes).size).toBe(1_000);
    for (const receipt of response.body.deposits) {
      expect(receipt.leaf.platform).toBe(sha256Hex(nodeEd25519.publicKey(signingKey.seed)));
      expectReceiptVerifies(response.body, receipt);
    }
    // The signed request is kept as proof of who deposited.
    const stored = await app.context.db
      .selectFrom("ledger_deposits")
      .select("request_id")
      .where("leaf_index", "=", indexes[0]!)
      .executeTakeFirstOrThrow();
    expect(stored.request_id).not.toBeNull();

    const before = await written();
    const tooMany = await deposit<ErrorBody>(
      { deposits: Array.from({ length: 1_001 }, (_, i) => item(`big-${i}`)) },
      { key: signingKey },
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ error: "ledger_batch_too_large" });
    expect(tooMany.body.requestId).toBeTruthy();
    const empty = await deposit<ErrorBody>({ deposits: [] }, { apiKey });
    expect(empty.status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("refuses malformed deposits, bad signatures, replays and unknown credentials with 4xx and writes nothing", async () => {
    const before = await written();
    const expectRefused = async (
      response: Promise<{ status: number; body: ErrorBody }>,
      status: number,
      error: string,
    ) => {
      const { status: got, body } = await response;
      expect(got, JSON.stringify(body)).toBe(status);
      expect(body.error).toBe(error);
      expect(typeof body.message).toBe("string");
      expect(body.requestId).toBeTruthy();
    };
    // Malformed hashes, with every offending field listed.
    const malformed = await deposit<ErrorBody>(
      {
        deposits: [
          item("ok"),
          item("upper", { sha256: hashOf("upper").toUpperCase() }),
          item("short", { sha256: "abc" }),
          item("kind", { kind: "Not A Kind" }),
        ],
      },
      { apiKey },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe("validation_failed");
    expect(malformed.body.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(["body.deposits.1.sha256", "body.deposits.2.sha256", "body.deposits.3.kind"]),
    );
    await expectRefused(deposit<ErrorBody>("{not json", { apiKey }), 400, "malformed_json");
    await expectRefused(
      deposit<ErrorBody>({ deposits: [item("x")], extra: true }, { apiKey }),
      400,
      "validation_failed",
    );

    // Unknown or missing credentials.
    await expectRefused(
      deposit<ErrorBody>({ deposits: [item("x")] }, { apiKey: `ncl_${"A".repeat(43)}` }),
      401,
      "platform_unauthenticated",
    );
    await expectRefused(
      deposit<ErrorBody>({ deposits: [item("x")] }, { apiKey: "nonsense" }),
      401,
      "platform_unauthenticated",
    );
    const unsigned = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: JSON.stringify({ deposits: [item("x")] }),
      headers: { "content-type": "application/json" },
    });
    expect(unsigned.statusCode).toBe(401);
    await expectRefused(
      deposit<ErrorBody>(
        { deposits: [item("x")] },
        { key: { credentialId: "00000000-0000-4000-8000-000000000000", seed: signingKey.seed } },
      ),
      401,
      "platform_unauthenticated",
    );

    // Bad signatures: another key, a body changed after signing, a signature over another path.
    await expectRefused(
      deposit<ErrorBody>({ deposits: [item("x")] }, { key: { ...signingKey, seed: randomSeed() } }),
      401,
      "platform_unauthenticated",
    );
    const body = JSON.stringify({ deposits: [item("tampered")] });
    const headers = signPlatformRequest({
      method: "POST",
      path: "/api/ledger/deposits",
      body,
      key: signingKey,
      created: Math.floor(app.clock.now().getTime() / 1000),
    });
    const tampered = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: body.replace("tampered", "tampereD"),
      headers: { ...headers, "content-type": "application/json" },
    });
    expect(tampered.statusCode).toBe(401);
    const otherPath = signPlatformRequest({
      method: "POST",
      path: "/api/ledger/other",
      body,
      key: signingKey,
      created: Math.floor(app.clock.now().getTime() / 1000),
    });
    const wrongPath = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: body,
      headers: { ...otherPath, "content-type": "application/json" },
    });
    expect(wrongPath.statusCode).toBe(401);
    const mangled = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: body,
      headers: { ...headers, signature: "deposit=:AAAA:", "content-type": "application/json" },
    });
    expect(mangled.statusCode).toBe(401);

    // Outside the ±5 minute window.
    await expectRefused(
      deposit<ErrorBody>(
        { deposits: [item("x")] },
        { key: signingKey, created: Math.floor(app.clock.now().getTime() / 1000) - 3_600 },
      ),
      401,
      "ledger_request_expired",
    );
    expect(await written()).toEqual(before);

    // A replay of an accepted request: refused, nothing more written.
    const accepted = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: body,
      headers: { ...headers, "content-type": "application/json" },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const afterAccepted = await written();
    expect(afterAccepted.requests).toBe(before.requests + 1);
    const replay = await app.http.inject({
      method: "POST",
      url: "/api/ledger/deposits",
      payload: body,
      headers: { ...headers, "content-type": "application/json" },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<ErrorBody>().error).toBe("ledger_request_replayed");
    // The same nonce on a new body is a replay too.
    const sameNonce = await deposit<ErrorBody>(
      { deposits: [item("new body")] },
      { key: signingKey, nonce: /nonce="([^"]+)"/.exec(headers["signature-input"]!)![1]! },
    );
    expect(sameNonce.status).toBe(401);
    expect(sameNonce.body.error).toBe("ledger_request_replayed");
    expect(await written()).toEqual(afterAccepted);
  });

  it("refuses a body that is not UTF-8, a __proto__ metadata key and a content type other than JSON, writing nothing", async () => {
    const before = await written();
    const signed = (payload: Buffer | string, contentType: string) =>
      app.http.inject({
        method: "POST",
        url: "/api/ledger/deposits",
        payload,
        headers: {
          ...signPlatformRequest({
            method: "POST",
            path: "/api/ledger/deposits",
            body: payload,
            key: signingKey,
            created: Math.floor(app.clock.now().getTime() / 1000),
          }),
          "content-type": contentType,
        },
      });

    // A stray 0xFF and an overlong "/" in the title: decoding must not turn them into U+FFFD.
    const text = JSON.stringify({ deposits: [item("bad bytes")] });
    const at = Buffer.byteLength(text.slice(0, text.indexOf("bad bytes")));
    const source = Buffer.from(text);
    for (const bad of [Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80])]) {
      const payload = Buffer.concat([source.subarray(0, at), bad, source.subarray(at)]);
      const response = await signed(payload, "application/json");
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>()).toMatchObject({
        error: "malformed_json",
        details: [{ code: "invalid_utf8" }],
      });
      const withKey = await app.http.inject({
        method: "POST",
        url: "/api/ledger/deposits",
        payload,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      });
      expect(withKey.statusCode).toBe(400);
    }

    // JSON.parse keeps "__proto__" as a key, but an object built from it would lose it: refused, not dropped.
    const withProto = (metadata: string) =>
      `{"deposits":[${JSON.stringify(item("proto")).replace(/"metadata":\{[^}]*\}/, `"metadata":${metadata}`)}]}`;
    for (const [metadata, path] of [
      ['{"__proto__":{"admin":true},"device":"web"}', "body.deposits.0.metadata.__proto__"],
      ['{"device":{"__proto__":"x"}}', "body.deposits.0.metadata.device.__proto__"],
      ['{"list":[{"__proto__":1}]}', "body.deposits.0.metadata.list.0.__proto__"],
    ] as const) {
      const payload = withProto(metadata);
      expect(payload).toContain("__proto__");
      for (const response of [
        await signed(payload, "application/json"),
        await app.http.inject({
          method: "POST",
          url: "/api/ledger/deposits",
          payload,
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        }),
      ]) {
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json<ErrorBody>()).toMatchObject({
          error: "validation_failed",
          details: [{ path, code: "forbidden_key" }],
        });
      }
    }

    // A signed request in any other content type is not JSON the signature could vouch for.
    const json = JSON.stringify({ deposits: [item("wrong type")] });
    for (const type of [
      "text/plain",
      "text/plain; charset=utf-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
    ]) {
      const response = await signed(json, type);
      expect(response.statusCode, `${type}: ${response.body}`).toBe(415);
      expect(response.json<ErrorBody>().error).toBe("unsupported_media_type");
    }
    expect(await written()).toEqual(before);

    // Keys that only sound dangerous are ordinary data and are kept as sent.
    const metadata = { constructor: "c", prototype: { toString: 1 }, hasOwnProperty: [1] };
    const kept = await deposit({ deposits: [item("constructor keys", { metadata })] }, { key: signingKey });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.deposits[0]!.opening.metadata).toEqual(metadata);
    expectReceiptVerifies(kept.body, kept.body.deposits[0]!);
  });

  // ------------------------------------------------------------------ tiles

  it("serves hash tiles and entry bundles that rebuild the checkpoint's root, with the right caching", async () => {
    const { size, rootHash } = await publishedCheckpoint();
    expect(size).toBeGreaterThan(TILE_WIDTH * 3);
    const fetchTile = async (tile: Tile) => {
      const response = await anonymous.get<string>(`/ledger/${formatTilePath(tile)}`);
      expect(response.status, formatTilePath(tile)).toBe(200);
      return response;
    };
    const full = await fetchTile({ level: 0, index: 0, width: TILE_WIDTH });
    expect(full.raw.rawPayload).toHaveLength(TILE_WIDTH * 32);
    expect(full.headers["content-type"]).toBe("application/octet-stream");
    expect(full.headers["cache-control"]).toContain("immutable");

    const lastWidth = size % TILE_WIDTH;
    const lastIndex = Math.floor(size / TILE_WIDTH);
    if (lastWidth > 0) {
      const partial = await fetchTile({ level: 0, index: lastIndex, width: lastWidth });
      expect(partial.raw.rawPayload).toHaveLength(lastWidth * 32);
      expect(partial.headers["cache-control"]).not.toContain("immutable");
    }

    // The root recomputed from the tiles alone is the checkpoint's.
    const reader = {
      readTiles: (tiles: readonly Tile[]) =>
        Promise.all(tiles.map(async (t) => new Uint8Array((await fetchTile(t)).raw.rawPayload))),
    };
    expect(toBase64(await tileTreeHash(reader, size))).toBe(toBase64(rootHash));

    // Entry bundles hash to the level-0 tile, entry by entry.
    const bundle = await anonymous.get(`/ledger/tile/entries/000`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers["cache-control"]).toContain("immutable");
    const entries = decodeEntryBundle(new Uint8Array(bundle.raw.rawPayload), TILE_WIDTH);
    const level0 = new Uint8Array(full.raw.rawPayload);
    entries.forEach((entry, i) =>
      expect(toBase64(leafHash(entry))).toBe(toBase64(level0.subarray(i * 32, i * 32 + 32))),
    );
    if (lastWidth > 1) {
      const partialBundle = await anonymous.get(
        `/ledger/tile/entries/${formatTilePath({ level: 0, index: lastIndex, width: lastWidth - 1 }).slice("tile/0/".length)}`,
      );
      expect(partialBundle.status).toBe(200);
      expect(partialBundle.headers["cache-control"]).not.toContain("immutable");
      expect(decodeEntryBundle(new Uint8Array(partialBundle.raw.rawPayload))).toHaveLength(lastWidth - 1);
    }

    // The server keeps its own copy of the full level-0 tiles (with their internal nodes), written as
    // the sequencer commits them: the same bytes as served.
    await app.context.ledger.tiles.tileFile!.caughtUp();
    const copy = await fs.readFile(path.join(app.dataDir, "ledger", "tiles-0.bin"));
    const fullTiles = Math.floor(app.context.ledger.sequencer.committed.size / TILE_WIDTH);
    expect(copy.length).toBe(fullTiles * 2 * TILE_WIDTH * 32);
    for (let n = 0; n < fullTiles; n++) {
      const served = new Uint8Array(
        (await fetchTile({ level: 0, index: n, width: TILE_WIDTH })).raw.rawPayload,
      );
      expect(toBase64(copy.subarray(n * 2 * TILE_WIDTH * 32, (2 * n + 1) * TILE_WIDTH * 32))).toBe(
        toBase64(served),
      );
    }

    // Tiles that do not exist yet, and paths that are not tiles.
    for (const missing of [
      `tile/0/${String(lastIndex + 5).padStart(3, "0")}`,
      "tile/0/x001/000",
      "tile/9/000",
      "tile/0/0001",
      "tile/0/000.p/0",
      "tile/entries/abc",
    ]) {
      const response = await anonymous.get<ErrorBody>(`/ledger/${missing}`);
      expect(response.status, missing).toBe(404);
      expect(response.body.error).toBe("ledger_tile_not_found");
    }
  });

  // ------------------------------------------------------------------ witnesses

  it("publishes only once the quorum cosigned; a witness that is down does not block a quorum", async () => {
    const [notary, arbitration, ca] = witnesses as [TestWitness, TestWitness, TestWitness];
    // One of three down: 2 of 3 still cosign, and the deposit is acknowledged.
    await ca.stop();
    const one = await deposit({ deposits: [item("ca down")] }, { apiKey });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    const verified = expectReceiptVerifies(one.body, one.body.deposits[0]!);
    expect(verified.cosignatures.map((c) => c.name).sort()).toEqual([arbitration.name, notary.name].sort());

    // Two of three down: the deposit is durable but not acknowledged, and nothing is published.
    await arbitration.stop();
    const published = await publishedCheckpoint();
    const waiting = await deposit<ErrorBody>({ deposits: [item("quorum lost")] }, { apiKey });
    expect(waiting.status).toBe(503);
    expect(waiting.body.error).toBe("ledger_not_published");
    expect((await publishedCheckpoint()).size).toBe(published.size);
    expect(app.context.ledger.checkpointer.latestSigned!.size).toBeGreaterThan(published.size);

    // A second witness comes back: the pending checkpoint is cosigned and published, and the retried
    // deposit gets its receipt from the stored leaf.
    await arbitration.start();
    await waitFor(
      async () => ((await publishedCheckpoint()).size > published.size ? true : undefined),
      "publication",
    );
    const retried = await deposit({ deposits: [item("quorum lost")] }, { apiKey });
    expect(retried.status).toBe(200);
    expect(retried.body.deposits[0]!.isNew).toBe(false);
    expectReceiptVerifies(retried.body, retried.body.deposits[0]!);

    // The third comes back and catches up from the size it last cosigned.
    await ca.start();
    const three = await waitFor(async () => {
      const response = await deposit({ deposits: [item(`all back ${Date.now()}`)] }, { apiKey });
      const cosigners = verifyCheckpoint(response.body.checkpoint, trust).cosignatures.length;
      return cosigners === 3 ? response : undefined;
    }, "three cosignatures");
    expect(
      verifyCheckpoint(three.body.checkpoint, {
        ...trust,
        witnesses: { keys: trust.witnesses!.keys, quorum: 3 },
      }).cosignatures,
    ).toHaveLength(3);
  }, 60_000);

  it("never gets a cosignature for a checkpoint inconsistent with what a witness cosigned before", async () => {
    const ca = witnesses[2]!;
    // Someone holding the log key signs a fork of the published tree and shows it to the CA witness.
    const { size } = await publishedCheckpoint();
    const caSize = app.context.ledger.checkpointer.witnessSizes.get(ca.name)!;
    expect(caSize).toBeGreaterThan(0);
    const keyText = await fs.readFile(path.join(app.dataDir, "ledger", "log.key"), "utf8");
    const { seed } = parsePrivateKey(keyText.trim());
    const fork = new MemoryLog(app.context.ledger.origin, seed);
    for (let b = 0; b * TILE_WIDTH < caSize; b++) {
      const width = Math.min(TILE_WIDTH, caSize - b * TILE_WIDTH);
      const response = await anonymous.get(
        `/ledger/tile/entries/${formatTilePath({ level: 0, index: b, width }).slice("tile/0/".length)}`,
      );
      fork.append(...decodeEntryBundle(new Uint8Array(response.raw.rawPayload), width));
    }
    fork.append(
      ...Array.from({ length: size + 50 - caSize }, (_, i) => new TextEncoder().encode(`forged ${i}`)),
    );
    const forged = await fetch(`${ca.url}/add-checkpoint`, {
      method: "POST",
      body: formatAddCheckpointRequest({
        oldSize: caSize,
        proof: fork.consistency(caSize),
        checkpoint: fork.checkpoint(),
      }),
    });
    expect(forged.status, await forged.clone().text()).toBe(200);

    // The court's real tree grows past the fork: the CA witness refuses it (422) and keeps evidence;
    // the two honest witnesses still make the quorum.
    const grown = await deposit(
      { deposits: Array.from({ length: 60 }, (_, i) => item(`after fork ${i}`)) },
      { apiKey },
    );
    expect(grown.status).toBe(200);
    expect(grown.body.treeSize).toBeGreaterThan(size + 50);
    const names = verifyCheckpoint(grown.body.checkpoint, trust).cosignatures.map((c) => c.name);
    expect(names).not.toContain(ca.name);
    expect(names).toHaveLength(2);
    const conflicts = await fs.readdir(path.join(ca.dir, "state"), { recursive: true });
    expect(conflicts.some((f) => String(f).includes("conflict"))).toBe(true);
    // The log's own witness bookkeeping never rolls the CA back to the real tree.
    expect(app.context.ledger.checkpointer.witnessSizes.get(ca.name)).toBeGreaterThanOrEqual(size + 50);
  }, 60_000);

  // ------------------------------------------------------------------ cases: court events and verification

  async function draft(file: Buffer, ledgerIndex?: number) {
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId;
    const upload = await zhangsan.upload<{
      id: string;
      ledgerVerification: { result: string; platforms: string[] } | null;
    }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: file, type: "image/png" },
      { category: "evidence", ...(ledgerIndex === undefined ? {} : { ledgerIndex: String(ledgerIndex) }) },
    );
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    return { caseId, attachment: upload.body };
  }

  it("appends court events when a filing is accepted, and the case's events carry verifying proofs", async () => {
    const { caseId, attachment } = await draft(PNG);
    const saved = await zhangsan.put(
      `/api/filings/${caseId}`,
      shoppingComplaint({ evidenceAttachmentId: attachment.id }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await zhangsan.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
    const start = await zhangsan.post<{ orderId: string; amount: number }>(`/api/filings/${caseId}/payment`);
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const notice = JSON.stringify({
      reference: "SIMLEDGER",
      orderId: start.body.orderId,
      amountFen: Math.round(start.body.amount * 100),
      status: "paid",
    });
    const paid = await app.http.inject({
      method: "POST",
      url: "/api/payments/simulator/notify",
      payload: notice,
      headers: gateway.signatureHeaders(notice),
    });
    expect(paid.statusCode).toBe(200);
    const accepted = await clerk.post<{ caseNumber: string }>(`/api/filings/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    type Events = {
      treeSize: number | null;
      checkpoint: string | null;
      items: Array<{
        leafIndex: number | null;
        leafType: string;
        kind: string;
        sha256: string | null;
        entry: string | null;
        opening: Record<string, unknown>;
        inclusionProof: string[] | null;
      }>;
    };
    const url = `/api/ledger/cases/${caseId}/events`;
    const events = await waitFor(async () => {
      const response = await zhangsan.get<Events>(url);
      expect(response.status).toBe(200);
      const kinds = response.body.items.filter((i) => i.inclusionProof !== null).map((i) => i.kind);
      return kinds.includes("filing_accepted") && kinds.includes("case_number_assigned")
        ? response.body
        : undefined;
    }, "court events in a published checkpoint");
    const verified = verifyCheckpoint(events.checkpoint!, trust);
    expect(verified.checkpoint.size).toBe(events.treeSize);
    for (const event of events.items.filter((i) => i.inclusionProof !== null)) {
      const entry = new TextEncoder().encode(event.entry!);
      expect(
        verifyInclusion(
          event.leafIndex!,
          events.treeSize!,
          leafHash(entry),
          event.inclusionProof!.map(fromBase64),
          verified.checkpoint.rootHash,
        ),
      ).toBe(true);
      const leaf = JSON.parse(event.entry!) as {
        type: string;
        kind: string;
        court: string;
        commitment: string;
      };
      expect(leaf).toMatchObject({ kind: event.kind, court: hangzhou.id });
      expect(commitmentOf(encodeOpening(event.opening as never))).toBe(leaf.commitment);
    }
    const numbered = events.items.find((i) => i.kind === "case_number_assigned")!;
    expect(numbered.opening).toMatchObject({ caseId, payload: { caseNumber: accepted.body.caseNumber } });
    const submitted = events.items.find((i) => i.leafType === "evidence")!;
    expect(submitted).toMatchObject({ kind: "filing_attachment", sha256: sha256Hex(PNG) });

    // The entry in the public bundle is the one the endpoint shows.
    const index = numbered.leafIndex!;
    const size = events.treeSize!;
    const bundleIndex = Math.floor(index / TILE_WIDTH);
    const width = Math.min(TILE_WIDTH, size - bundleIndex * TILE_WIDTH);
    const bundle = await anonymous.get(
      `/ledger/tile/entries/${formatTilePath({ level: 0, index: bundleIndex, width }).slice("tile/0/".length)}`,
    );
    const entries = decodeEntryBundle(new Uint8Array(bundle.raw.rawPayload), width);
    expect(new TextDecoder().decode(entries[index % TILE_WIDTH])).toBe(numbered.entry);

    // Who may see them: the parties and the court's staff; not outsiders or other courts.
    expect((await clerk.get(url)).status).toBe(200);
    // Judges: the one assigned sees the case and its trail (and the check of its evidence); others
    // of the court see exactly what the case's own visibility rule lets them.
    const statuses = new Map<string, number>();
    for (const login of ["judge1", "judge2", "judge3", "judge4"]) {
      const client = login === "judge1" ? judge : await signIn(app, `hzhlw.${login}@netcourt.demo`);
      const status = (await client.get(url)).status;
      expect(status, login).toBe((await client.get(`/api/cases/${caseId}`)).status);
      statuses.set(login, status);
      if (status === 200) {
        const check = await client.get<{
          items: Array<{ result: string; basis: Array<{ article: string }> }>;
        }>(`/api/ledger/verifications?sha256=${sha256Hex(PNG)}&caseId=${caseId}`);
        expect(check.body.items[0]!.basis[0]!.article).toBe("在线诉讼规则第十六条");
      }
    }
    expect([...statuses.values()]).toContain(200);
    for (const outsider of [lisi, lawyer, otherAdmin])
      expect((await outsider.get<ErrorBody>(url)).status).toBe(404);
    expect((await anonymous.get(url)).status).toBe(401);
    expect((await zhangsan.get(`/api/ledger/cases/00000000-0000-4000-8000-000000000000/events`)).status).toBe(
      404,
    );
  }, 60_000);

  it("checks attached files against the deposits: verified with its basis, not deposited, no match", async () => {
    const evidence = Buffer.concat([PNG, Buffer.from(`deposited ${Date.now()}`)]);
    const stored = await deposit(
      {
        deposits: [
          { ...item("png"), sha256: sha256Hex(evidence), kind: "chat.screenshot", title: "聊天记录截图" },
        ],
      },
      { apiKey },
    );
    expect(stored.status).toBe(200);
    const depositIndex = stored.body.deposits[0]!.index;

    const deposited = await draft(evidence);
    expect(deposited.attachment.ledgerVerification).toMatchObject({
      result: "verified",
      platforms: [platform.name],
    });
    type Verifications = {
      items: Array<{
        result: string;
        deposits: Array<{
          index: number;
          depositedAt: string;
          platform: { name: string; operatorName: string; credentialKind: string };
          opening: { title: string } | null;
          firstCheckpoint: {
            size: number;
            cosignatures: Array<{ witness: string; cosignedAt: string }>;
          } | null;
          proof: {
            leafHash: string;
            inclusionProof: string[];
            checkpoint: { size: number; note: string; cosignatures: Array<{ witness: string }> };
            steps: Record<string, boolean>;
          } | null;
        }>;
        basis: Array<{ article: string; code: string }>;
      }>;
    };
    const detailsUrl = `/api/ledger/verifications?sha256=${sha256Hex(evidence)}&caseId=${deposited.caseId}`;
    const details = await zhangsan.get<Verifications>(detailsUrl);
    expect(details.status).toBe(200);
    const [check] = details.body.items;
    expect(check!.result).toBe("verified");
    const [found] = check!.deposits;
    expect(found).toMatchObject({
      index: depositIndex,
      platform: { name: platform.name, operatorName: "杭州示范电子合同有限公司", credentialKind: "api_key" },
      opening: null,
    });
    expect(new Date(found!.depositedAt).getTime()).toBe(app.clock.now().getTime());
    expect(found!.proof!.steps).toEqual({
      leafRecomputed: true,
      inclusionVerified: true,
      checkpointSignatureVerified: true,
      witnessQuorumMet: true,
    });
    expect(found!.proof!.checkpoint.cosignatures.length).toBeGreaterThanOrEqual(2);
    expect(found!.firstCheckpoint!.size).toBeGreaterThan(depositIndex);
    expect(found!.firstCheckpoint!.cosignatures.map((c) => c.witness)).toEqual(
      expect.arrayContaining([witnesses[0]!.name]),
    );
    // The proof in the check verifies independently.
    const cp = verifyCheckpoint(found!.proof!.checkpoint.note, trust);
    expect(
      verifyInclusion(
        depositIndex,
        cp.checkpoint.size,
        fromBase64(found!.proof!.leafHash),
        found!.proof!.inclusionProof.map(fromBase64),
        cp.checkpoint.rootHash,
      ),
    ).toBe(true);
    expect(check!.basis.map((b) => `${b.article}:${b.code}`)).toEqual(
      expect.arrayContaining([
        "在线诉讼规则第十六条:technically_consistent",
        "在线诉讼规则第十七条:platform_identified",
        "在线诉讼规则第十八条:pre_deposit_authenticity_not_proven",
        "在线诉讼规则第十九条:independent_verification_possible",
      ]),
    );
    // Court staff see the platform's description of the evidence once the case is submitted;
    // outsiders see nothing.
    const complaint = await zhangsan.put(
      `/api/filings/${deposited.caseId}`,
      shoppingComplaint({ evidenceAttachmentId: deposited.attachment.id }),
    );
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(200);
    expect((await zhangsan.post(`/api/filings/${deposited.caseId}/submit`)).status).toBe(200);
    const forClerk = await clerk.get<Verifications>(detailsUrl);
    expect(forClerk.body.items[0]!.deposits[0]!.opening).toMatchObject({ title: "聊天记录截图" });
    expect((await lisi.get<ErrorBody>(detailsUrl)).status).toBe(404);
    expect((await otherAdmin.get<ErrorBody>(detailsUrl)).status).toBe(404);
    expect(
      (await lisi.get<Verifications>(`/api/ledger/verifications?sha256=${sha256Hex(evidence)}`)).body.items,
    ).toEqual([]);
    expect((await zhangsan.get<ErrorBody>("/api/ledger/verifications?sha256=XYZ")).status).toBe(400);

    // A file nobody deposited.
    const fresh = Buffer.concat([PNG, Buffer.from(`never deposited ${Date.now()}`)]);
    const notDeposited = await draft(fresh);
    expect(notDeposited.attachment.ledgerVerification).toMatchObject({
      result: "not_deposited",
      platforms: [],
    });
    const none = await zhangsan.get<Verifications>(
      `/api/ledger/verifications?sha256=${sha256Hex(fresh)}&caseId=${notDeposited.caseId}`,
    );
    expect(none.body.items[0]).toMatchObject({ result: "not_deposited", deposits: [] });
    expect(none.body.items[0]!.basis.map((b) => b.code)).toEqual(["not_deposited"]);

    // The party names a deposit number whose hash is another file's.
    const other = Buffer.concat([PNG, Buffer.from(`other file ${Date.now()}`)]);
    const mismatch = await draft(other, depositIndex);
    expect(mismatch.attachment.ledgerVerification).toMatchObject({ result: "no_match" });
    const noMatch = await zhangsan.get<Verifications>(
      `/api/ledger/verifications?sha256=${sha256Hex(other)}&caseId=${mismatch.caseId}`,
    );
    expect(noMatch.body.items[0]!.result).toBe("no_match");
    expect(noMatch.body.items[0]!.basis.map((b) => b.code)).toEqual(["hash_mismatch"]);
    // Naming the right number verifies.
    const named = await draft(evidence, depositIndex);
    expect(named.attachment.ledgerVerification).toMatchObject({ result: "verified" });
  }, 60_000);
});
