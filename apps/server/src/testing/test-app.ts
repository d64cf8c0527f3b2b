import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import pino, { type Logger } from "pino";
import { createApp, type NetcourtApp } from "../app";
import type { AppPorts } from "../context";
import type { LedgerConfig } from "../modules/ledger/index";
import { CSRF_HEADER, ManualClock, loadConfig } from "../platform";
import { openTestDatabase, type DatabaseKind } from "./test-database";

export interface TestApp extends NetcourtApp {
  clock: ManualClock;
  dataDir: string;
}

/** A full netcourt instance on a fresh test database, a temporary data folder and a manual clock. */
export async function createTestApp(
  kind: DatabaseKind,
  options: {
    now?: string;
    ports?: Partial<AppPorts>;
    env?: Record<string, string>;
    listen?: boolean;
    /** Evidence ledger settings (witnesses, quorum, intervals). */
    ledger?: Partial<LedgerConfig>;
    /** A logger other than the silent default (tests that read log lines). */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-app-"));
  // A listening app gets a real port first, so its public URL (payment callbacks) is known up front.
  const port = options.listen ? await freePort() : 0;
  const listenEnv: Record<string, string> = options.listen
    ? { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }
    : {};
  const clock = new ManualClock(options.now ?? "2026-03-02T09:00:00+08:00");
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    // No laws corpus on start unless a test names one (the shipped one takes a while to load).
    LAWS_DIR: "",
    PORT: "0",
    HOST: "127.0.0.1",
    ...listenEnv,
    ...options.env,
  });
  const database = await openTestDatabase(kind);
  const app = await createApp({
    config,
    database,
    clock: clock,
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...(options.ports ? { ports: options.ports } : {}),
    ...(options.ledger ? { ledger: options.ledger } : {}),
  });
  if (options.listen) await app.http.listen({ port, host: "127.0.0.1" });
  const close = app.close.bind(app);
  return Object.assign(app, {
    clock,
    dataDir,
    async close() {
      await close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  });
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse["headers"];
  raw: LightMyRequestResponse;
}

/** A browser-like client over `inject`: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookies = new Map<string, string>();
  locale: "zh-CN" | "en" = "zh-CN";

  constructor(readonly app: NetcourtApp) {}

  get csrfToken(): string | undefined {
    return this.cookies.get("nc_csrf");
  }

  async request<T = unknown>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; payload?: string | Buffer } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { "accept-language": this.locale, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method !== "GET" && this.csrfToken && headers[CSRF_HEADER] === undefined)
      headers[CSRF_HEADER] = this.csrfToken;
    const response = await this.app.http.inject({
      method,
      url,
      headers,
      ...(options.payload !== undefined
        ? { payload: options.payload }
        : options.body !== undefined
          ? { payload: options.body as object }
          : {}),
    });
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const type = String(response.headers["content-type"] ?? "");
    const body =
      type.includes("json") && response.body.length > 0
        ? (JSON.parse(response.body) as T)
        : (response.body as T);
    return { status: response.statusCode, body, headers: response.headers, raw: response };
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>("GET", url, headers ? { headers } : {});
  }
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", url, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PUT", url, { body: body ?? {} });
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, { body: body ?? {} });
  }
  delete<T = unknown>(url: string) {
    return this.request<T>("DELETE", url);
  }

  /** Uploads one file as multipart/form-data with optional text fields. */
  async upload<T = unknown>(
    url: string,
    file: { name: string; content: Buffer | string; type?: string },
    fields: Record<string, string> = {},
  ) {
    const boundary = `----netcourt${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [key, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
      );
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request<T>("POST", url, {
      payload: Buffer.concat(parts),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
  }
}

/** A TCP port free at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
