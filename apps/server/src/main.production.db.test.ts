import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "./testing/spawn-server";
import { freePort } from "./testing/test-app";

const bin = fileURLToPath(new URL("../bin/netcourt.js", import.meta.url));

/** Runs `netcourt serve` expecting it to stop by itself; returns its exit code and output. */
async function serveUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, stderr };
}

/**
 * `NODE_ENV=production` with the defaults must not become a court anyone can pay into with a form or
 * sign into with the demo's published passwords (issue 11 §2).
 */
describe("starting in production", () => {
  let root: string;
  let server: SpawnedServer | undefined;
  const production = { NODE_ENV: "production", TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64") };

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-production-"));
  });
  afterAll(async () => {
    await server?.kill("SIGKILL");
    await fs.rm(root, { recursive: true, force: true });
  });

  it("refuses to start with simulators or the demo seed, naming the settings to change", async () => {
    const dataDir = path.join(root, "refused");
    const { code, stderr } = await serveUntilExit({
      ...production,
      SEED_DEMO: "true",
      CLOCK_OFFSET: "P20D",
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("refuses to start in production");
    for (const setting of [
      "ALLOW_DEMO_SEED=true",
      "ALLOW_SIMULATORS=payment",
      "ALLOW_SIMULATORS=real_name",
      "ALLOW_SIMULATORS=witnesses",
      "ALLOW_SIMULATORS=sms",
      "ALLOW_SIMULATORS=email",
      "ALLOW_SIMULATORS=speech",
      "SPEECH_URL",
      "SMS_GATEWAY_URL",
      "SMTP_URL",
      "PAYMENT_GATEWAY_URL",
      "REAL_NAME_VERIFIER_URL",
      "LEDGER_WITNESSES",
      "PUBLIC_URL is unset",
      "unset CLOCK_OFFSET",
    ]) {
      expect(stderr).toContain(setting);
    }
    // Refused before anything was created: no database, no demo witness keys.
    await expect(fs.readdir(dataDir)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("starts with simulators a staging court allows, and says loudly that it is unsafe", async () => {
    const dataDir = path.join(root, "staging");
    server = await spawnServer({
      port: await freePort(),
      dataDir,
      env: { ...production, ALLOW_SIMULATORS: "payment,real_name,sms,email,speech" },
    });
    const output = server.output();
    expect(output).toContain("NOT SAFE FOR A REAL COURT");
    expect(output).toContain("the payment simulator runs");
    expect(output).toContain("the real_name simulator runs");
    // The demo seed is off by default in production: no demo accounts were printed.
    expect(output).not.toContain("netcourt.demo");
    await server.kill("SIGTERM");
    server = undefined;
  });

  it("starts quietly with a real payment gateway and real-name verifier, and has no simulated cashier", async () => {
    const dataDir = path.join(root, "court");
    await fs.mkdir(dataDir);
    const court = generateKeyPairSync("ed25519");
    const gateway = generateKeyPairSync("ed25519");
    const keyFile = path.join(dataDir, "court-payment.pem");
    const publicKeyFile = path.join(dataDir, "gateway.pub.pem");
    await fs.writeFile(keyFile, court.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    await fs.writeFile(publicKeyFile, gateway.publicKey.export({ type: "spki", format: "pem" }));
    server = await spawnServer({
      port: await freePort(),
      dataDir,
      env: {
        ...production,
        PAYMENT_GATEWAY_URL: "http://127.0.0.1:9/v1",
        PAYMENT_GATEWAY_NAME: "unionpay",
        PAYMENT_GATEWAY_MERCHANT_ID: "court-0192",
        PAYMENT_GATEWAY_KEY_FILE: keyFile,
        PAYMENT_GATEWAY_PUBLIC_KEY_FILE: publicKeyFile,
        REAL_NAME_VERIFIER_URL: "http://127.0.0.1:9/verify",
        REAL_NAME_VERIFIER_SECRET: "a shared secret for the verifier",
        SMS_GATEWAY_URL: "http://127.0.0.1:9/sms",
        SMS_GATEWAY_KEY: "a key for the SMS gateway",
        SMTP_URL: "smtp://127.0.0.1:9",
        SMTP_FROM: "court@court.example",
        SPEECH_URL: "http://127.0.0.1:9/asr",
      },
    });
    expect(server.output()).not.toContain("NOT SAFE");
    expect((await fetch(`${server.baseUrl}/sim/pay?ticket=x`)).status).toBe(404);
    const notify = await fetch(`${server.baseUrl}/api/payments/simulator/notify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(notify.status).toBe(404);
    await server.kill("SIGTERM");
    server = undefined;
  });
});
