import type { FastifyRequest } from "fastify";

export const REDACTED = "[redacted]";

/** Query parameters whose values say nothing about a person and are no secret: the rest is redacted. */
const HARMLESS_QUERY_KEYS = new Set([
  "page",
  "pageSize",
  "limit",
  "offset",
  "status",
  "kind",
  "sort",
  "order",
  "from",
  "to",
  "year",
  "level",
  "side",
  "method",
  "role",
  "courtId",
  "caseId",
  "parentId",
  "internetOnly",
  "locale",
]);

/** Route parameters that are record ids or names of things, never secrets (`:token` and the like are). */
const HARMLESS_PARAM = /^(id|[a-z]+Id|side|article|index|sha|gateway|\*)$/;

/** Path segments after which a secret follows in URLs that match no API route (web pages). */
const SECRET_AFTER = new Set(["invite", "invitations", "tickets", "reset"]);
/** A long opaque segment is taken for a token; UUIDs are record ids. */
const TOKEN_LIKE = /^[A-Za-z0-9._~%-]{20,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function redactQuery(query: string): string {
  if (query === "") return "";
  const parts = query.split("&").map((pair) => {
    const index = pair.indexOf("=");
    const key = index === -1 ? pair : pair.slice(0, index);
    if (index === -1) return HARMLESS_QUERY_KEYS.has(key) ? pair : REDACTED;
    return HARMLESS_QUERY_KEYS.has(key) ? pair : `${key}=${REDACTED}`;
  });
  return `?${parts.join("&")}`;
}

function redactPathByRoute(path: string, pattern: string, params: Record<string, string>): string {
  const patternSegments = pattern.split("/");
  const pathSegments = path.split("/");
  if (pattern.endsWith("*") || patternSegments.length !== pathSegments.length) {
    return redactPathByShape(path);
  }
  return patternSegments
    .map((segment, index) => {
      if (!segment.startsWith(":")) return pathSegments[index];
      const name = segment.slice(1);
      return HARMLESS_PARAM.test(name) && params[name] !== undefined ? pathSegments[index] : REDACTED;
    })
    .join("/");
}

function redactPathByShape(path: string): string {
  const segments = path.split("/");
  return segments
    .map((segment, index) => {
      const previous = index > 0 ? segments[index - 1] : undefined;
      if (segment === "") return segment;
      if (previous !== undefined && SECRET_AFTER.has(previous)) return REDACTED;
      if (TOKEN_LIKE.test(segment) && !UUID.test(segment)) return REDACTED;
      return segment;
    })
    .join("/");
}

/**
 * The request URL as the access log may keep it: secrets in the path (invitation tokens) and every query
 * value not known to be harmless (payment tickets, query codes, search words) replaced by `[redacted]`.
 */
export function redactUrl(url: string, route?: { pattern: string; params: Record<string, string> }): string {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? "" : url.slice(queryStart + 1);
  const redactedPath = route ? redactPathByRoute(path, route.pattern, route.params) : redactPathByShape(path);
  return redactedPath + redactQuery(query);
}

/** The URL of a request for its access-log line. */
export function accessLogUrl(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  const params = (request.params ?? {}) as Record<string, string>;
  return redactUrl(request.url, pattern ? { pattern, params } : undefined);
}
