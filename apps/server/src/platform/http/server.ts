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
import { actorUserId, anonymousActor, type Actor } from "../auth/actor";
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  findSession,
  hashToken,
  touchSession,
  type SessionRow,
} from "../auth/sessions";
import type { Clock } from "../clock";
import type { AppConfig } from "../config";
import type { ChangeFeed } from "../db/change-feed";
import type { DB } from "../db/schema";
import { errorBody, handleError } from "./error-handler";
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

/** Builds the HTTP server: errors, request ids, sessions, CSRF, OpenAPI, static web UI, health. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  followChanges(options.changes);
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: config.trustProxy,
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
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  // The hooks below run on every request, so they are callback-style and finish synchronously when the
  // session is cached (an async hook costs a promise and a microtask turn each).
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    if (!request.url.startsWith("/api/docs")) reply.header("x-frame-options", "DENY");
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
    resolveSession(options, token, now).then(
      (resolved) => {
        apply(resolved);
        done();
      },
      (error: unknown) =>
        done(error instanceof Error ? error : new Error("session lookup failed", { cause: error })),
    );
  });

  app.addHook("onResponse", (request, reply, done) => {
    const status = reply.statusCode;
    const entry = {
      reqId: request.id,
      method: request.method,
      url: request.url,
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      user: actorUserId(request.actor) ?? undefined,
    };
    if (status >= 500) request.log.error(entry, "request failed");
    else request.log.info(entry, "request");
    done();
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

  const zodApp = app.withTypeProvider<ZodTypeProvider>();
  zodApp.get(
    "/api/health",
    {
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
  if (sessionCache.size > 50_000) sessionCache.clear();
  sessionCache.set(idHash, entry);
  return entry;
}

function defaultWebDist(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../../web/dist");
}
