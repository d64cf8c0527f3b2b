import pino, { type Logger } from "pino";
import type { AppConfig } from "./config";

/** Structured JSON logs; request logs carry the request id (reqId). Secrets are redacted. */
export function createLogger(config: Pick<AppConfig, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'req.headers["x-csrf-token"]',
        "password",
        "*.password",
      ],
      remove: true,
    },
  });
}
