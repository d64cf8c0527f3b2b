import fastifyRateLimit, { type RateLimitOptions } from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { rateLimitedError } from "./throttle";

/**
 * Request budgets of anonymous public endpoints, per client IP address, declared on a route as
 * `config: { rateLimit: publicRateLimits.search }`.
 *
 * Counted in memory on each server rather than in the database: these are reads anyone may make, a
 * database write per read would cost more than the read, and a client spreading its requests over n
 * servers gets at most n times the budget. Guessing secrets (passwords, query codes) is limited in the
 * database as well (platform/auth/throttle.ts), where the count must hold across servers.
 */
export const publicRateLimits = {
  /** Judgment and law search: a person pages through results; a scraper is slowed. */
  search: { max: 120, timeWindow: 60_000 },
  /** Citation check: each request parses a whole document. */
  citationCheck: { max: 30, timeWindow: 60_000 },
  /** Progress lookup by query code: codes are secrets, so few tries a minute. */
  progressLookup: { max: 60, timeWindow: 60_000 },
  /** Registration: each request hashes a password and may create an account. */
  register: { max: 60, timeWindow: 60_000 },
  /** Other anonymous reads (court lists, cause catalogue, ledger proofs). */
  publicRead: { max: 300, timeWindow: 60_000 },
} satisfies Record<string, RateLimitOptions>;

/** Installs per-route rate limits (routes without a `rateLimit` config are not limited here). */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    // The address Fastify derived with the configured trusted proxies (TRUST_PROXY), never a raw header.
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => rateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
