import type { Locale } from "@netcourt/shared";
import type { Actor } from "../auth/actor";
import type { SessionRow } from "../auth/sessions";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking: resolved from the session cookie (or a platform credential) before the handler. */
    actor: Actor;
    /** The session behind a cookie-authenticated request. */
    session: SessionRow | null;
    /** The language of messages and documents for this request. */
    locale: Locale;
  }
}

export {};
