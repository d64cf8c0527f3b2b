import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";
import type { CommandMeta } from "../audit/audit";
import type { Actor, UserActor } from "./actor";

/** The signed-in user, or `authentication_required` (401). Staff still owing the TOTP step count as not signed in. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  if (actor.needsSecondFactor) {
    throw new AppError("authentication_required", [
      { code: "second_factor_required", message: "TOTP required" },
    ]);
  }
  return actor;
}

/** The command meta of a request: actor, time, IP and request id. */
export function commandMeta(request: FastifyRequest, now: Date): CommandMeta {
  return { actor: request.actor, now, ip: request.ip ?? null, requestId: request.id };
}
