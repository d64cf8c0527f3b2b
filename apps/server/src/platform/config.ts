import path from "node:path";
import { z } from "zod";

const ZEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  /** "auto": Secure cookies when the request arrived over HTTPS (directly or via X-Forwarded-Proto). */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(50),
  JOB_POLL_MS: z.coerce.number().int().positive().default(1000),
  WEB_DIST: z.string().optional(),
  VALIDATE_RESPONSES: z.enum(["true", "false"]).optional(),
  /** Folder of the laws corpus (laws.jsonl.gz, articles.jsonl.gz) imported on start when the catalogue is empty. */
  LAWS_DIR: z.string().optional(),
});

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof ZEnvironment>["LOG_LEVEL"];
  isProduction: boolean;
  cookieSecure: "auto" | boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  maxUploadBytes: number;
  jobPollMs: number;
  webDist: string | undefined;
  /** Check every response against its schema (outside production; a safety net for development and tests). */
  validateResponses: boolean;
  /** Laws corpus imported on start into an empty catalogue; undefined: none (npx netcourt laws import). */
  lawsDir: string | undefined;
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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    isProduction,
    cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "true",
    trustProxy: e.TRUST_PROXY === "true",
    // Demo data is seeded on first start unless switched off (a real court sets SEED_DEMO=false).
    seedDemo: e.SEED_DEMO === undefined ? true : e.SEED_DEMO === "true",
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    jobPollMs: e.JOB_POLL_MS,
    webDist: e.WEB_DIST,
    validateResponses: e.VALIDATE_RESPONSES === undefined ? !isProduction : e.VALIDATE_RESPONSES === "true",
    lawsDir: e.LAWS_DIR ? path.resolve(e.LAWS_DIR) : undefined,
  };
}
