import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { ZodType } from "zod";

const acceptsEmpty = new WeakMap<object, boolean>();

/** Whether a route's body schema takes `{}`: the route needs no body (sign out, approve, reset …). */
function needsNoBody(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null || !("safeParse" in schema)) return false;
  let known = acceptsEmpty.get(schema);
  if (known === undefined) {
    known = (schema as ZodType).safeParse({}).success;
    acceptsEmpty.set(schema, known);
  }
  return known;
}

/**
 * preValidation hook: a request that carries no body (no content type and no length, or an empty JSON
 * body) to a route whose body schema needs none is validated as `{}`. Fastify hands a missing body to the
 * validator as `null`, which a body schema such as `z.strictObject({}).optional()` refuses, so without this
 * `curl -X POST /api/auth/logout` would answer 400. Routes that need fields still refuse a missing body.
 */
export function acceptMissingBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  if (request.body === undefined && needsNoBody(request.routeOptions.schema?.body)) request.body = {};
  done();
}
