import pino, { type DestinationStream, type Logger } from "pino";
import type { AppConfig } from "./config";
import { redactUrl } from "./http/access-log";

interface LoggedRequest {
  id?: unknown;
  method?: unknown;
  url?: unknown;
}

/**
 * Structured JSON logs; request logs carry the request id (reqId). Secrets are redacted: a request or
 * response object is logged as method, redacted URL and status only, so no cookie, authorization or
 * CSRF header and no token in a URL reaches the log, whoever logs it.
 */
export function createLogger(config: Pick<AppConfig, "logLevel">, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      serializers: {
        req: (request: LoggedRequest) => ({
          id: request.id,
          method: request.method,
          url: typeof request.url === "string" ? redactUrl(request.url) : undefined,
        }),
        res: (response: { statusCode?: unknown }) => ({ statusCode: response.statusCode }),
        err: pino.stdSerializers.err,
      },
      redact: {
        paths: [
          "headers.cookie",
          "headers.authorization",
          'headers["set-cookie"]',
          'headers["x-csrf-token"]',
          "*.headers.cookie",
          "*.headers.authorization",
          '*.headers["set-cookie"]',
          '*.headers["x-csrf-token"]',
          "cookie",
          "cookies",
          "*.cookies",
          "password",
          "*.password",
          "token",
          "*.token",
        ],
        remove: true,
      },
    },
    destination,
  );
}
