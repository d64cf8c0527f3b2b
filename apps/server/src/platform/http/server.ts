import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { negotiateLocale, type Locale } from "@netcourt/shared";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { z } from "zod";
import { writeAuditEvent } from "../audit/audit";
import { actorUserId, anonymousActor, type Actor } from "../auth/actor";
import { registerRateLimits } from "../auth/rate-limit";
import { setSessionCookies } from "../auth/session-cookies";
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  findSession,
  hashToken,
  rotateSession,
  touchSession,
  type SessionRow,
} from "../auth/sessions";
import type { Clock } from "../clock";
import type { AppConfig } from "../config";
import type { ChangeFeed } from "../db/change-feed";
import type { DB } from "../db/schema";
import { inTransaction } from "../db/transaction";
import { accessLogUrl } from "./access-log";
import { AppError } from "../errors";
import { errorBody, handleError } from "./error-handler";
import { acceptMissingBody } from "./no-body";
import { rejectUnstorableText } from "./text-guard";
import "./request";

/** The Fastify instance with zod schemas as its type provider; modules register routes on it. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpServerOptions {
  config: AppConfig;
  logger: FastifyBaseLogger;
  db: Kysely<DB>;
  /** Invalidates cached sessions when a session, account or staff membership changes. */
  changes: ChangeFeed;
  clock: Clock;
  version: string;
  /** Turns a live session into an actor (identity module); null when the account may no longer act. */
  loadActor(session: SessionRow): Promise<Actor | null>;
  /** Registers every module's routes. */
  registerRoutes(app: ZodApp): Promise<void>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set false on routes that authenticate otherwise (sign-in, signed webhooks). */
    csrf?: boolean;
    /**
     * Set true on public, non-personal API routes whose responses may be cached (the route then sets its
     * own Cache-Control); every other /api/ response is `no-store`.
     */
    cacheable?: boolean;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Cached sessions are re-read at least this often, and at once when the change feed reports a change. */
const SESSION_CACHE_MS = 60_000;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

/** A cache of session → actor, so a request does not cost extra queries to find who is asking. */
const sessionCache = new Map<string, { session: SessionRow; actor: Actor | null; at: number }>();

/** Locales of the Accept-Language values seen (a browser sends the same value on every request). */
const localeByHeader = new Map<string, Locale>();

function localeOf(header: string | undefined): Locale {
  if (header === undefined || header.length > 200) return negotiateLocale(header);
  let locale = localeByHeader.get(header);
  if (locale === undefined) {
    locale = negotiateLocale(header);
    if (localeByHeader.size >= 500) localeByHeader.clear();
    localeByHeader.set(header, locale);
  }
  return locale;
}

/** Drops a session from the cache after it changed (sign-out, second factor, role change). */
export function invalidateSession(idHash?: string): void {
  if (idHash === undefined) sessionCache.clear();
  else sessionCache.delete(idHash);
}

/** Keeps the session cache in step with committed changes on any server. */
function followChanges(changes: ChangeFeed): void {
  changes.subscribe((key) => {
    if (key === "*") {
      sessionCache.clear();
      return;
    }
    if (key.startsWith("session:")) sessionCache.delete(key.slice("session:".length));
    else if (key.startsWith("user:")) {
      const userId = key.slice("user:".length);
      for (const [hash, entry] of sessionCache)
        if (entry.session.userId === userId) sessionCache.delete(hash);
    }
  });
}

/** Fastify's `trustProxy` for the setting: a hop count trusts that many proxies nearest the server. */
function trustedProxies(
  setting: AppConfig["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== "number") return setting;
  return (_address, hop) => hop < setting;
}

/** Builds the HTTP server: errors, request ids, sessions, CSRF, OpenAPI, static web UI, health. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  followChanges(options.changes);
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // One access-log line per request (below) instead of Fastify's two, without serialising the headers.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: "idle",
    routerOptions: { maxParamLength: 500 },
    // Errors Fastify raises before routing (bad URL, overlong parameter …) get the same error body.
    frameworkErrors: (error, request, reply) => {
      request.locale ??= negotiateLocale(request.headers["accept-language"]);
      handleError(error, request, reply);
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  // In production the presenters' output is trusted and sent with plain JSON.stringify; elsewhere every
  // response is checked against its schema.
  app.setSerializerCompiler(
    config.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data),
  );
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  useStrictJsonParser(app);

  app.decorateRequest("actor", null as never);
  app.decorateRequest("session", null);
  app.decorateRequest("locale", "zh-CN" as never);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    // Keep the name as sent so a path in it is refused rather than silently cut off.
    preservePath: true,
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "netcourt API",
        description:
          "The API of netcourt, an Internet-court platform. Errors share one body: " +
          "`{ error, message, details, requestId }` with a stable `error` code.",
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          csrf: { type: "apiKey", in: "header", name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs UI lists every route and its parameters: no use to the public of a production court.
  if (config.apiDocs) await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  await registerRateLimits(app);

  // The hooks below run on every request, so they are callback-style and finish synchronously when the
  // session is cached (an async hook costs a promise and a microtask turn each).
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
    // HSTS only over HTTPS (RFC 6797 §7.2: a host must not send it over plain HTTP); the protocol comes
    // from the connection or, through a trusted proxy only, from X-Forwarded-Proto.
    if (request.protocol === "https")
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    if (request.url.startsWith("/api/docs"))
      reply.header("content-security-policy", "frame-ancestors 'none'");
    request.actor = anonymousActor;
    request.locale = localeOf(
      (request.headers["x-locale"] as string | undefined) ?? request.headers["accept-language"],
    );
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      done();
      return;
    }
    const now = options.clock.now();
    const apply = ({ session, actor }: { session: SessionRow | null; actor: Actor | null }) => {
      if (session && actor) {
        request.session = session;
        request.actor = actor;
      }
    };
    const cached = cachedSession(options, token, now);
    if (cached) {
      apply(cached);
      done();
      return;
    }
    resolveSession(options, token, now)
      .then(async (resolved) => {
        apply(resolved);
        if (resolved.session?.isPrivilegeStale && !resolved.session.isRotated && resolved.actor)
          await renewSession(options, request, reply, resolved.session, now);
      })
      .then(
        () => done(),
        (error: unknown) =>
          done(error instanceof Error ? error : new Error("session lookup failed", { cause: error })),
      );
  });

  app.addHook("onResponse", (request, reply, done) => {
    const status = reply.statusCode;
    const entry = {
      reqId: request.id,
      method: request.method,
      url: accessLogUrl(request),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      user: actorUserId(request.actor) ?? undefined,
    };
    if (status >= 500) request.log.error(entry, "request failed");
    else request.log.info(entry, "request");
    done();
  });

  // Personal data must not stay in a browser or proxy cache (PIPL 个人信息保护法 第五十一条: security
  // measures for personal information); public, non-personal routes opt out with `cacheable: true`.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (
      request.url.startsWith("/api/") &&
      request.routeOptions.config.cacheable !== true &&
      !reply.hasHeader("cache-control")
    )
      reply.header("cache-control", "no-store");
    done(null, payload);
  });

  // CSRF: a state-changing request that relies on the session cookie must echo the session's token.
  app.addHook("preHandler", (request, reply, done) => {
    if (
      UNSAFE_METHODS.has(request.method) &&
      request.session &&
      request.routeOptions.config.csrf !== false &&
      request.headers[CSRF_HEADER] !== request.session.csrfToken
    ) {
      void reply.status(403).send(errorBody("csrf_token_invalid", request.locale, request.id));
      return;
    }
    done();
  });

  // A route that needs no body takes a request without one (no content type, or an empty JSON body).
  app.addHook("preValidation", acceptMissingBody);
  // NUL and lone surrogates in any parsed field: 400 here rather than 500 from PostgreSQL later.
  app.addHook("preValidation", rejectUnstorableText);

  const zodApp = app.withTypeProvider<ZodTypeProvider>();
  zodApp.get(
    "/api/health",
    {
      config: { cacheable: true },
      schema: {
        tags: ["platform"],
        summary: "Liveness and database reachability",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.literal("ok"),
            version: z.string(),
            uptimeSeconds: z.number(),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(options.db);
      return {
        status: "ok" as const,
        database: "ok" as const,
        version: options.version,
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  );
  zodApp.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await options.registerRoutes(zodApp);

  const webDist = config.webDist ?? defaultWebDist();
  const hasWeb = existsSync(path.join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: "/",
      wildcard: false,
      index: false,
      maxAge: "1h",
      setHeaders: (res, filePath) => {
        // Hashed asset names never change content.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          void res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const isPage =
      hasWeb &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      !request.url.startsWith("/ledger/") &&
      (request.headers.accept ?? "").includes("text/html");
    if (isPage) {
      void reply.header("cache-control", "no-cache");
      void reply.header(
        "content-security-policy",
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'",
      );
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send(errorBody("route_not_found", request.locale, request.id));
  });

  return app;
}

/**
 * Renews a session whose account's privileges changed since it was issued: the new token and CSRF token
 * go out as cookies with this response; this request still runs on the old one (its CSRF token matches).
 */
async function renewSession(
  options: HttpServerOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  session: SessionRow,
  now: Date,
): Promise<void> {
  const userAgent = typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null;
  const meta = { actor: request.actor, now, ip: request.ip ?? null, requestId: request.id };
  const issued = await inTransaction(options.db, async (trx) => {
    const renewed = await rotateSession(trx, session, { now, ip: meta.ip, userAgent });
    if (renewed)
      await writeAuditEvent(trx, meta, {
        action: "identity.session_renewed",
        subjectType: "user",
        subjectId: session.userId,
        data: { reason: "privilege_change" },
      });
    return renewed;
  });
  sessionCache.delete(session.idHash);
  if (issued) setSessionCookies(request, reply, options.config.cookieSecure, issued);
}

/** The cached session of a token, if fresh (no database access). */
function cachedSession(options: HttpServerOptions, token: string, now: Date) {
  const cached = sessionCache.get(hashToken(token));
  if (
    cached &&
    options.changes.isHealthy &&
    now.getTime() - cached.at < SESSION_CACHE_MS &&
    cached.session.expiresAt > now
  ) {
    return cached;
  }
  return undefined;
}

async function resolveSession(
  options: HttpServerOptions,
  token: string,
  now: Date,
): Promise<{ session: SessionRow | null; actor: Actor | null }> {
  const idHash = hashToken(token);
  const cached = sessionCache.get(idHash);
  if (
    cached &&
    options.changes.isHealthy &&
    now.getTime() - cached.at < SESSION_CACHE_MS &&
    cached.session.expiresAt > now
  )
    return cached;
  const session = await findSession(options.db, token, now);
  if (!session) {
    sessionCache.delete(idHash);
    return { session: null, actor: null };
  }
  await touchSession(options.db, session, now);
  const actor = await options.loadActor(session);
  const entry = { session, actor, at: now.getTime() };
  // A session due for renewal is read from the database until renewed and its grace period is over.
  if (session.isPrivilegeStale) return entry;
  if (sessionCache.size > 50_000) sessionCache.clear();
  sessionCache.set(idHash, entry);
  return entry;
}

function defaultWebDist(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../../web/dist");
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * JSON bodies are decoded strictly (RFC 8259 §8.1: JSON between systems is UTF-8): a lenient decoder
 * would silently store U+FFFD in place of bytes it could not read, so what was filed would not be what
 * was sent. Parsing is Fastify's own (prototype-poisoning keys refused). Scopes that need the raw bytes
 * (signed deposits, payment notifications) replace this parser in their own scope.
 */
function useStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    // An empty body is no body (platform/http/no-body.ts): routes that need none take it, others refuse it.
    if ((body as Buffer).length === 0) {
      done(null, undefined);
      return;
    }
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(
        new AppError("malformed_json", [
          { code: "invalid_utf8", message: "the body is not well-formed UTF-8 (RFC 3629)" },
        ]),
        undefined,
      );
      return;
    }
    void parseJson(request, text, done);
  });
}
