import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The laws corpus shipped with the server (apps/server/corpora/laws, see its README.md). */
export const SHIPPED_LAWS_DIR = fileURLToPath(new URL("../../corpora/laws", import.meta.url));

/** Stand-ins for outside systems that ports report when they are in use (platform/start-safety.ts). */
export const SIMULATOR_KINDS = ["payment", "real_name", "witnesses", "sms", "email", "speech"] as const;
export type SimulatorKind = (typeof SIMULATOR_KINDS)[number];

/** Where the HTTP payment gateway is and the keys that authenticate both directions. */
export interface PaymentGatewaySettings {
  /** The path segment of its notify URL, `/api/payments/<name>/notify`. */
  name: string;
  url: string;
  merchantId: string;
  /** The court's Ed25519 private key (PKCS#8 PEM) that signs requests to the gateway. */
  keyFile: string;
  /** The gateway's Ed25519 public key (SPKI PEM) that notifications must verify against. */
  publicKeyFile: string;
  timeoutMs: number;
}

const ZEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  /**
   * Other origins the site is also reached at, comma-separated (`https://www.court.example`): a payer
   * comes back from the cashier to the one they started from; any other goes to PUBLIC_URL.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  /** "auto": Secure cookies when the request arrived over HTTPS (directly or via X-Forwarded-Proto). */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * Which reverse proxies may set X-Forwarded-For/-Proto: "false" (none), a hop count ("1", "2" …),
   * or a comma-separated list of proxy addresses or CIDR ranges. "true" means one hop, the proxy in
   * front of the server; trusting every hop would let a client choose its own address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => /^(true|false|\d{1,2})$/.test(value) || isProxyList(value), {
      message: "false, true, a hop count, or comma-separated proxy addresses/CIDRs",
    })
    .default("false"),
  /** Serve the API docs UI at /api/docs; on by default outside production, off in production unless "true". */
  API_DOCS: z.enum(["true", "false"]).optional(),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  /** Production only: lets SEED_DEMO=true seed a staging court's public demo accounts. */
  ALLOW_DEMO_SEED: z.enum(["true", "false"]).default("false"),
  /** Production only: simulators allowed to run (a staging court), comma-separated, or `all`. */
  ALLOW_SIMULATORS: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    )
    .pipe(z.array(z.enum(["all", ...SIMULATOR_KINDS]))),
  /** The HTTP payment gateway (docs/payment-gateway.md); the simulator runs when PAYMENT_GATEWAY_URL is unset. */
  PAYMENT_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  PAYMENT_GATEWAY_NAME: z
    .string()
    .regex(/^[a-z0-9-]{1,50}$/, "lower-case letters, digits and -")
    .refine((name) => name !== "simulator", "simulator is the simulator's name")
    .default("gateway"),
  PAYMENT_GATEWAY_MERCHANT_ID: z.string().min(1).max(64).optional(),
  PAYMENT_GATEWAY_KEY_FILE: z.string().optional(),
  PAYMENT_GATEWAY_PUBLIC_KEY_FILE: z.string().optional(),
  PAYMENT_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(50),
  /** Where files are kept: `local` (DATA_DIR/files, one node) or `s3` (an S3-compatible bucket all nodes share). */
  FILE_STORE: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID_FILE: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY_FILE: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  JOB_POLL_MS: z.coerce.number().int().positive().default(1000),
  WEB_DIST: z.string().optional(),
  VALIDATE_RESPONSES: z.enum(["true", "false"]).optional(),
  /**
   * Folder of the laws corpus (laws.jsonl.gz, articles.jsonl.gz) imported on start when the catalogue is
   * empty; unset: the copy shipped with the server; empty: none.
   */
  LAWS_DIR: z.string().optional(),
  /** Base64 AES-256 keys for TOTP secrets at rest, comma-separated: the first encrypts, all decrypt. */
  TOTP_ENCRYPTION_KEY: z.string().optional(),
  /** The SMS gateway of electronic service (docs/deploy.md); the simulator runs when unset. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_KEY: z.string().min(1).optional(),
  SMS_GATEWAY_KEY_FILE: z.string().optional(),
  /** The mail server of electronic service, `smtp://user:pass@host:587`; the simulator runs when unset. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).max(200).optional(),
  CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The court's speech recognition service (OpenAI-compatible, docs/speech-recognition.md); the simulator runs when unset. */
  SPEECH_URL: z.url({ protocol: /^https?$/ }).optional(),
  SPEECH_API_KEY: z.string().min(1).optional(),
  SPEECH_API_KEY_FILE: z.string().optional(),
  SPEECH_MODEL: z.string().min(1).max(200).default("whisper-1"),
  /** The hearing's language as an ISO 639-1 code. */
  SPEECH_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}$/, "an ISO 639-1 code such as zh")
    .default("zh"),
  SPEECH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** The simulator's script, one `role: text` per line; unset: its built-in small-claims hearing. */
  SPEECH_SCRIPT_FILE: z.string().optional(),
  /** A file with those keys, one per line (the first encrypts); used when TOTP_ENCRYPTION_KEY is unset. */
  TOTP_ENCRYPTION_KEY_FILE: z.string().optional(),
  /**
   * Test and training courts only: the server's clock runs this far ahead of the real time, as a number
   * of days (`20`) or an ISO 8601 duration in days and hours (`P20D`, `P1DT12H`). Refused in production.
   */
  CLOCK_OFFSET: z
    .string()
    .trim()
    .refine((value) => parseClockOffset(value) !== null, {
      message: "a number of days (20) or a duration such as P20D or P1DT12H",
    })
    .optional(),
});

/** Which file store holds uploads and documents; see docs/deploy.md. */
export type FileStoreSettings =
  | { kind: "local" }
  | {
      kind: "s3";
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /** Whether PUBLIC_URL was set (else publicUrl is this node's own localhost address). */
  publicUrlIsSet: boolean;
  /** Origins the site is served at: PUBLIC_URL's, its loopback aliases when it is local, ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
  logLevel: z.infer<typeof ZEnvironment>["LOG_LEVEL"];
  isProduction: boolean;
  cookieSecure: "auto" | boolean;
  /** Fastify's `trustProxy`: false, a hop count, or the trusted proxy addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Serve the API docs UI (/api/docs). */
  apiDocs: boolean;
  seedDemo: boolean;
  /** Production: SEED_DEMO=true is honoured only with ALLOW_DEMO_SEED=true. */
  allowDemoSeed: boolean;
  /** Production: simulators that may run anyway (ALLOW_SIMULATORS). */
  allowSimulators: ReadonlySet<SimulatorKind>;
  /** The HTTP payment gateway; undefined: the payment simulator. */
  paymentGateway: PaymentGatewaySettings | undefined;
  maxUploadBytes: number;
  /** The file store: the local folder (single node) or an S3-compatible bucket (platform/files/). */
  fileStore: FileStoreSettings;
  jobPollMs: number;
  webDist: string | undefined;
  /** Check every response against its schema (outside production; a safety net for development and tests). */
  validateResponses: boolean;
  /** Laws corpus imported on start into an empty catalogue (default: the shipped copy); undefined: none. */
  lawsDir: string | undefined;
  /** TOTP secret encryption keys (base64, comma-separated, newest first); see modules/identity/totp-secrets.ts. */
  totpEncryptionKey: string | undefined;
  totpEncryptionKeyFile: string | undefined;
  /** The SMS gateway of electronic service; undefined: the SMS simulator. */
  smsGateway: { url: string; key: string; timeoutMs: number } | undefined;
  /** The SMTP server of electronic service; undefined: the e-mail simulator. */
  smtp: { url: string; from: string; timeoutMs: number } | undefined;
  /** The speech recognition service of hearing transcripts; undefined: the speech simulator. */
  speech: { url: string; apiKey: string | undefined; model: string; timeoutMs: number } | undefined;
  /** The language hearings are recognised in (SPEECH_LANGUAGE). */
  speechLanguage: string;
  /** The speech simulator's script file (SPEECH_SCRIPT_FILE). */
  speechScriptFile: string | undefined;
  /** How far the server's clock runs ahead of the real time (CLOCK_OFFSET; 0 unless a test or training court). */
  clockOffsetMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** CLOCK_OFFSET in milliseconds: whole days (`20`) or `P<days>D`, `P<days>DT<hours>H`, `PT<hours>H`; null if neither. */
export function parseClockOffset(value: string): number | null {
  if (/^\d{1,4}$/.test(value)) return Number(value) * DAY_MS;
  const match = /^P(?:(\d{1,4})D)?(?:T(\d{1,5})H)?$/.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * DAY_MS + Number(match[2] ?? 0) * 60 * 60 * 1000;
}

function isProxyList(value: string): boolean {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .every((entry) => isIP(entry.split("/")[0] ?? "") !== 0 && /^[^/]+(\/\d{1,3})?$/.test(entry));
}

function parseTrustProxy(value: string): false | number | string[] {
  if (value === "false" || value === "0") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((entry) => entry.trim());
}

/** Reads and validates the environment; throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    publicUrlIsSet: e.PUBLIC_URL !== undefined,
    allowedOrigins: allowedOrigins(publicUrl, e.ALLOWED_ORIGINS),
    logLevel: e.LOG_LEVEL,
    isProduction,
    cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "true",
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    apiDocs: e.API_DOCS === undefined ? !isProduction : e.API_DOCS === "true",
    // Demo data (public passwords and TOTP secrets) is seeded on first start outside production only.
    seedDemo: e.SEED_DEMO === undefined ? !isProduction : e.SEED_DEMO === "true",
    allowDemoSeed: e.ALLOW_DEMO_SEED === "true",
    allowSimulators: new Set(
      e.ALLOW_SIMULATORS.includes("all")
        ? SIMULATOR_KINDS
        : e.ALLOW_SIMULATORS.filter((kind): kind is SimulatorKind => kind !== "all"),
    ),
    paymentGateway: paymentGatewaySettings(e),
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    fileStore: fileStoreSettings(e),
    jobPollMs: e.JOB_POLL_MS,
    webDist: e.WEB_DIST,
    validateResponses: e.VALIDATE_RESPONSES === undefined ? !isProduction : e.VALIDATE_RESPONSES === "true",
    lawsDir:
      e.LAWS_DIR === undefined ? SHIPPED_LAWS_DIR : e.LAWS_DIR === "" ? undefined : path.resolve(e.LAWS_DIR),
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    totpEncryptionKeyFile: e.TOTP_ENCRYPTION_KEY_FILE ? path.resolve(e.TOTP_ENCRYPTION_KEY_FILE) : undefined,
    smsGateway: smsGatewaySettings(e),
    smtp: smtpSettings(e),
    speech:
      e.SPEECH_URL === undefined
        ? undefined
        : {
            url: e.SPEECH_URL,
            apiKey: secretOf(e.SPEECH_API_KEY, e.SPEECH_API_KEY_FILE),
            model: e.SPEECH_MODEL,
            timeoutMs: e.SPEECH_TIMEOUT_MS,
          },
    speechLanguage: e.SPEECH_LANGUAGE,
    speechScriptFile: e.SPEECH_SCRIPT_FILE ? path.resolve(e.SPEECH_SCRIPT_FILE) : undefined,
    clockOffsetMs: e.CLOCK_OFFSET === undefined ? 0 : parseClockOffset(e.CLOCK_OFFSET)!,
  };
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * PUBLIC_URL's origin, then the configured others. A loopback PUBLIC_URL also allows the other
 * loopback names on its port: only the machine itself reaches them, and a browser keeps cookies per name.
 */
function allowedOrigins(publicUrl: string, others: readonly string[]): string[] {
  const base = new URL(publicUrl);
  const aliases = LOOPBACK_HOSTS.includes(base.hostname)
    ? LOOPBACK_HOSTS.map((host) => `${base.protocol}//${host}${base.port ? `:${base.port}` : ""}`)
    : [];
  return [...new Set([base.origin, ...aliases, ...others.map((origin) => new URL(origin).origin)])];
}

function fileStoreSettings(e: z.infer<typeof ZEnvironment>): FileStoreSettings {
  if (e.FILE_STORE === "local") return { kind: "local" };
  if (e.S3_BUCKET === undefined) throw new Error("invalid configuration:\n  FILE_STORE=s3 needs S3_BUCKET");
  const accessKeyId = secretOf(e.S3_ACCESS_KEY_ID, e.S3_ACCESS_KEY_ID_FILE);
  const secretAccessKey = secretOf(e.S3_SECRET_ACCESS_KEY, e.S3_SECRET_ACCESS_KEY_FILE);
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    throw new Error(
      "invalid configuration:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or their _FILE forms) go together",
    );
  return {
    kind: "s3",
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
  };
}

/** A secret given in the environment or, so that it stays out of it, in a file (first line, trimmed). */
function secretOf(value: string | undefined, file: string | undefined): string | undefined {
  if (value !== undefined) return value;
  if (file === undefined) return undefined;
  const text = readFileSync(path.resolve(file), "utf8").split(/\r?\n/)[0]?.trim() ?? "";
  if (text === "") throw new Error(`invalid configuration:\n  ${file} is empty`);
  return text;
}

function paymentGatewaySettings(e: z.infer<typeof ZEnvironment>): PaymentGatewaySettings | undefined {
  const required = {
    PAYMENT_GATEWAY_URL: e.PAYMENT_GATEWAY_URL,
    PAYMENT_GATEWAY_MERCHANT_ID: e.PAYMENT_GATEWAY_MERCHANT_ID,
    PAYMENT_GATEWAY_KEY_FILE: e.PAYMENT_GATEWAY_KEY_FILE,
    PAYMENT_GATEWAY_PUBLIC_KEY_FILE: e.PAYMENT_GATEWAY_PUBLIC_KEY_FILE,
  };
  const missing = Object.entries(required).filter(([, value]) => value === undefined);
  if (missing.length === Object.keys(required).length) return undefined;
  if (missing.length > 0) {
    throw new Error(
      `invalid configuration:\n  the payment gateway also needs ${missing.map(([key]) => key).join(", ")}`,
    );
  }
  return {
    name: e.PAYMENT_GATEWAY_NAME,
    url: e.PAYMENT_GATEWAY_URL!,
    merchantId: e.PAYMENT_GATEWAY_MERCHANT_ID!,
    keyFile: path.resolve(e.PAYMENT_GATEWAY_KEY_FILE!),
    publicKeyFile: path.resolve(e.PAYMENT_GATEWAY_PUBLIC_KEY_FILE!),
    timeoutMs: e.PAYMENT_GATEWAY_TIMEOUT_MS,
  };
}

function smsGatewaySettings(e: z.infer<typeof ZEnvironment>): AppConfig["smsGateway"] {
  if (e.SMS_GATEWAY_URL === undefined) return undefined;
  const key = secretOf(e.SMS_GATEWAY_KEY, e.SMS_GATEWAY_KEY_FILE);
  if (key === undefined)
    throw new Error(
      "invalid configuration:\n  SMS_GATEWAY_URL needs SMS_GATEWAY_KEY or SMS_GATEWAY_KEY_FILE",
    );
  return { url: e.SMS_GATEWAY_URL, key, timeoutMs: e.CHANNEL_TIMEOUT_MS };
}

function smtpSettings(e: z.infer<typeof ZEnvironment>): AppConfig["smtp"] {
  if (e.SMTP_URL === undefined) return undefined;
  if (e.SMTP_FROM === undefined) throw new Error("invalid configuration:\n  SMTP_URL needs SMTP_FROM");
  return { url: e.SMTP_URL, from: e.SMTP_FROM, timeoutMs: e.CHANNEL_TIMEOUT_MS };
}
