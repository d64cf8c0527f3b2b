import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppConfig } from "../config";
import { CSRF_COOKIE, SESSION_COOKIE, type IssuedSession } from "./sessions";

function isSecure(request: FastifyRequest, cookieSecure: AppConfig["cookieSecure"]): boolean {
  return cookieSecure === true || (cookieSecure === "auto" && request.protocol === "https");
}

/** Sets the session cookie (HttpOnly, Lax) and the CSRF cookie the page reads (Strict). */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: AppConfig["cookieSecure"],
  issued: Pick<IssuedSession, "token" | "csrfToken">,
): void {
  const secure = isSecure(request, cookieSecure);
  void reply.setCookie(SESSION_COOKIE, issued.token, { httpOnly: true, sameSite: "lax", path: "/", secure });
  void reply.setCookie(CSRF_COOKIE, issued.csrfToken, {
    httpOnly: false,
    sameSite: "strict",
    path: "/",
    secure,
  });
}

/** Clears both session cookies. */
export function clearSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: AppConfig["cookieSecure"],
): void {
  const secure = isSecure(request, cookieSecure);
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", path: "/", secure });
  void reply.clearCookie(CSRF_COOKIE, { httpOnly: false, sameSite: "strict", path: "/", secure });
}
