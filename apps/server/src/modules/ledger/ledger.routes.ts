import { TILE_WIDTH, parseTilePath } from "@netcourt/ledger";
import type { FastifyReply, FastifyRequest } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, commandMeta, requireUser, type ZodApp } from "../../platform";
import { addPlatformCredential } from "./commands/add-platform-credential";
import { depositEvidence, encodeDepositResult } from "./commands/deposit-evidence";
import { registerPlatform } from "./commands/register-platform";
import { revokePlatformCredential } from "./commands/revoke-platform-credential";
import { authenticatePlatform, type PlatformPrincipal } from "./ledger.auth";
import { presentCredential, presentPlatform } from "./ledger.presenter";
import {
  findLedgerVerifications,
  getDepositReceipt,
  getPlatform,
  ledgerPolicyText,
  listCaseLedgerEvents,
  listCourtPlatforms,
} from "./ledger.queries";
import { findLatestPublishedCheckpoint } from "./ledger.repository";
import { MAX_DEPOSITS_PER_REQUEST } from "./ledger.rules";
import {
  ZAddCredentialRequest,
  ZAddCredentialResponse,
  ZCaseLedgerEvents,
  ZCaseParams,
  ZCredential,
  ZCredentialParams,
  ZDepositIndexParams,
  ZDepositReceiptResponse,
  ZDepositRequest,
  ZDepositResponse,
  ZPlatform,
  ZPlatformList,
  ZPlatformListQuery,
  ZPlatformParams,
  ZRegisterPlatformRequest,
  ZVerificationList,
  ZVerificationsQuery,
  ZWitnessList,
  parseValidDepositRequest,
  protoKeyPaths,
} from "./ledger.schemas";
import { prefixOfBundle } from "./ledger.sequencer";
import { ENTRY_BUNDLE_LEVEL } from "./ledger.tiles";

/** Deposit requests may carry 1,000 deposits with metadata (≤ 4 KiB each). */
const DEPOSIT_BODY_LIMIT = 6 * 1024 * 1024;

const rawBodies = new WeakMap<FastifyRequest, Buffer>();
/** Refuses malformed UTF-8 instead of replacing it; keeps a byte-order mark so JSON.parse refuses it too. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const principals = new WeakMap<FastifyRequest, PlatformPrincipal>();

/** The platform a request authenticated as (set by the route's preValidation hook). */
function principalOf(request: FastifyRequest): PlatformPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new AppError("platform_unauthenticated");
  return principal;
}

/**
 * The evidence ledger: the public tlog-tiles read API under /ledger/, the deposit API for platforms
 * (存证), platform administration for court administrators, and verification results (核验).
 */
export async function registerLedgerRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const { ledger } = context;

  const authenticate = async (request: FastifyRequest) => {
    const principal = await authenticatePlatform(
      context.db,
      request,
      rawBodies.get(request) ?? null,
      context.clock.now(),
    );
    principals.set(request, principal);
    request.actor = { kind: "platform", platformId: principal.platformId, name: principal.platformName };
  };

  // ---------------------------------------------------------------- public read API (tlog-tiles)

  app.get(
    "/ledger/checkpoint",
    {
      schema: {
        tags: ["ledger"],
        summary: "Latest checkpoint cosigned by the witness quorum (c2sp.org/tlog-checkpoint, text/plain)",
      },
    },
    async (_request, reply) => {
      const published = ledger.published ?? (await findLatestPublishedCheckpoint(context.db));
      const note = published ? ("note" in published ? published.note : published.cosignedNote) : null;
      if (!note) throw new AppError("ledger_not_published");
      return reply
        .type("text/plain; charset=utf-8")
        .header("cache-control", "no-cache, max-age=1")
        .send(note);
    },
  );

  app.get(
    "/ledger/tile/*",
    {
      schema: {
        tags: ["ledger"],
        summary:
          "Hash tile tile/<L>/<N>[.p/<W>] or entry bundle tile/entries/<N>[.p/<W>] (c2sp.org/tlog-tiles)",
        description: "Full tiles never change and are cached for a year; partial tiles briefly.",
        params: z.strictObject({ "*": z.string().max(200).describe("Tile path after tile/") }),
      },
    },
    async (request, reply: FastifyReply) => {
      const path = parseTilePath(`tile/${(request.params as { "*": string })["*"]}`);
      if (!path) throw new AppError("ledger_tile_not_found");
      const level = path.kind === "hash" ? path.level : ENTRY_BUNDLE_LEVEL;
      const rows = await ledger.tiles.readRows([{ level, index: path.index, width: path.width }]);
      const row = rows.get(`${level}/${path.index}`);
      if (!row) throw new AppError("ledger_tile_not_found");
      const data =
        path.kind === "hash"
          ? row.data.subarray(0, path.width * 32)
          : row.width === path.width
            ? row.data
            : prefixOfBundle(row.data, path.width);
      return reply
        .type("application/octet-stream")
        .header(
          "cache-control",
          path.width === TILE_WIDTH ? "public, max-age=31536000, immutable" : "public, max-age=60",
        )
        .send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    },
  );

  app.get(
    "/ledger/key",
    { schema: { tags: ["ledger"], summary: "The log's note verifier key (c2sp.org/signed-note vkey)" } },
    async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(`${ledger.verifierKey}\n`),
  );

  app.get(
    "/ledger/witnesses",
    {
      schema: {
        tags: ["ledger"],
        summary: "Witnesses whose cosignatures the log collects, and the quorum it publishes at",
        response: { 200: ZWitnessList },
      },
    },
    async () => ({
      origin: ledger.origin,
      quorum: ledger.quorum,
      witnesses: ledger.witnesses.map((w) => ({ name: w.name, vkey: w.vkey })),
    }),
  );

  app.get(
    "/ledger/policy",
    {
      schema: {
        tags: ["ledger"],
        summary: "Trust policy for verifiers (c2sp.org/tlog-policy): log key, witnesses, quorum",
      },
    },
    async (_request, reply) =>
      reply.type("text/plain; charset=utf-8").send(ledgerPolicyText(ledger, context.config.publicUrl)),
  );

  // ---------------------------------------------------------------- deposits by platforms (存证)

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // Only JSON is signed and deposited: any other content type is 415 before authentication, rather than
    // a signature that cannot find its Content-Digest in a body nobody kept.
    scope.removeAllContentTypeParsers();
    // The signature covers the exact body bytes (Content-Digest), so keep them.
    scope.addContentTypeParser(
      "application/json",
      { parseAs: "buffer", bodyLimit: DEPOSIT_BODY_LIMIT },
      (request, body, done) => {
        const buffer = body as Buffer;
        rawBodies.set(request, buffer);
        let text: string;
        try {
          text = strictUtf8.decode(buffer);
        } catch {
          // RFC 8259 §8.1: JSON between systems is UTF-8. A lenient decoder would store U+FFFD in place of
          // the bytes the platform signed, so the deposit would no longer match its signed request.
          done(
            new AppError("malformed_json", [
              { code: "invalid_utf8", message: "the body is not well-formed UTF-8 (RFC 3629)" },
            ]),
            undefined,
          );
          return;
        }
        try {
          done(null, JSON.parse(text));
        } catch {
          done(new AppError("malformed_json"), undefined);
        }
      },
    );
    scope.post(
      "/api/ledger/deposits",
      {
        bodyLimit: DEPOSIT_BODY_LIMIT,
        config: { csrf: false },
        schema: {
          tags: ["ledger"],
          summary: "Deposit evidence hashes (存证): one or a batch of up to 1,000",
          description:
            "Authenticate with an RFC 9421 Ed25519 signature (Signature-Input, Signature, Content-Digest; " +
            "recommended) or `Authorization: Bearer <API key>`; see docs/ledger.md. Answers once the " +
            "deposits are committed and covered by a witness-cosigned checkpoint. Idempotent per platform " +
            "and SHA-256: a repeated hash gets its first receipt (`isNew: false`).",
          body: ZDepositRequest,
          response: { 200: ZDepositResponse },
        },
        // A valid body is checked without zod (a thousand deposits per request); anything else goes to
        // zod, which words the issues.
        // (The body is the only part of the request this route has a schema for.)
        validatorCompiler: ({ method, url, httpPart }) => {
          const viaZod = validatorCompiler({ schema: ZDepositRequest, method, url, httpPart });
          return (data) => {
            const value = parseValidDepositRequest(data);
            return value ? { value } : viaZod(data);
          };
        },
        preValidation: async (request) => {
          await authenticate(request);
          const body = request.body as { deposits?: unknown } | null;
          if (body && Array.isArray(body.deposits) && body.deposits.length > MAX_DEPOSITS_PER_REQUEST) {
            throw new AppError("ledger_batch_too_large", [
              { path: "deposits", code: "too_big", message: `at most ${MAX_DEPOSITS_PER_REQUEST}` },
            ]);
          }
          const protoKeys = protoKeyPaths(body);
          if (protoKeys.length > 0)
            throw new AppError(
              "validation_failed",
              protoKeys.map((path) => ({
                path,
                code: "forbidden_key",
                message: "__proto__ cannot be a key: it would be dropped from what is stored",
              })),
            );
        },
      },
      async (request, reply) => {
        const result = await depositEvidence(context, principalOf(request), request.body.deposits);
        const body = encodeDepositResult(result);
        if (context.config.validateResponses) ZDepositResponse.parse(JSON.parse(body.toString("utf8")));
        // Receipts run to megabytes: written as bytes once, so Fastify neither measures nor re-encodes a string.
        return reply.type("application/json; charset=utf-8").send(body as never);
      },
    );
  });

  app.get(
    "/api/ledger/deposits/:index",
    {
      config: { csrf: false },
      schema: {
        tags: ["ledger"],
        summary: "Receipt of one of the calling platform's deposits (JSON)",
        params: ZDepositIndexParams,
        response: { 200: ZDepositReceiptResponse },
      },
      preValidation: authenticate,
    },
    async (request) => (await getDepositReceipt(context, principalOf(request), request.params.index)).receipt,
  );

  app.get(
    "/api/ledger/deposits/:index/receipt",
    {
      config: { csrf: false },
      schema: {
        tags: ["ledger"],
        summary: "Receipt of one of the calling platform's deposits as a c2sp.org/tlog-proof file",
        description: "`extra` holds the canonical JSON {leaf, opening}; see docs/ledger.md.",
        params: ZDepositIndexParams,
      },
      preValidation: authenticate,
    },
    async (request, reply) => {
      const { tlogProof } = await getDepositReceipt(context, principalOf(request), request.params.index);
      return reply
        .type("text/plain; charset=utf-8")
        .header("content-disposition", `attachment; filename="deposit-${request.params.index}.tlog-proof"`)
        .send(tlogProof);
    },
  );

  // ---------------------------------------------------------------- platform administration

  app.post(
    "/api/ledger/platforms",
    {
      schema: {
        tags: ["ledger"],
        summary: "Admit a depositing platform (court administrators)",
        body: ZRegisterPlatformRequest,
        response: { 201: ZPlatform },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const platform = await registerPlatform(
        context,
        commandMeta(request, context.clock.now()),
        request.body,
      );
      return reply.status(201).send(presentPlatform(platform, []));
    },
  );

  app.get(
    "/api/ledger/platforms",
    {
      schema: {
        tags: ["ledger"],
        summary: "Platforms of the courts the caller administers",
        querystring: ZPlatformListQuery,
        response: { 200: ZPlatformList },
      },
    },
    async (request) => ({ items: await listCourtPlatforms(context, request.actor, request.query.courtId) }),
  );

  app.get(
    "/api/ledger/platforms/:platformId",
    {
      schema: {
        tags: ["ledger"],
        summary: "One platform with its credentials",
        params: ZPlatformParams,
        response: { 200: ZPlatform },
      },
    },
    async (request) => getPlatform(context, request.actor, request.params.platformId),
  );

  app.post(
    "/api/ledger/platforms/:platformId/credentials",
    {
      schema: {
        tags: ["ledger"],
        summary: "Give a platform an Ed25519 public key (recommended) or an API key",
        params: ZPlatformParams,
        body: ZAddCredentialRequest,
        response: { 201: ZAddCredentialResponse },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { credential, apiKey } = await addPlatformCredential(
        context,
        commandMeta(request, context.clock.now()),
        { platformId: request.params.platformId, ...request.body },
      );
      return reply.status(201).send({ ...presentCredential(credential), apiKey });
    },
  );

  app.post(
    "/api/ledger/platforms/:platformId/credentials/:credentialId/revoke",
    {
      schema: {
        tags: ["ledger"],
        summary: "Revoke a platform credential (its deposits stay in the log)",
        params: ZCredentialParams,
        response: { 200: ZCredential },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return presentCredential(
        await revokePlatformCredential(context, commandMeta(request, context.clock.now()), request.params),
      );
    },
  );

  // ---------------------------------------------------------------- verification in cases (核验)

  app.get(
    "/api/ledger/verifications",
    {
      schema: {
        tags: ["ledger"],
        summary: "Ledger checks of a file in the cases the caller can see, with proofs and legal basis",
        querystring: ZVerificationsQuery,
        response: { 200: ZVerificationList },
      },
    },
    async (request) => ({ items: await findLedgerVerifications(context, request.actor, request.query) }),
  );

  app.get(
    "/api/ledger/cases/:caseId/events",
    {
      schema: {
        tags: ["ledger"],
        summary: "A case's court events and evidence submissions in the log, with inclusion proofs",
        params: ZCaseParams,
        response: { 200: ZCaseLedgerEvents },
      },
    },
    async (request) => listCaseLedgerEvents(context, request.actor, request.params.caseId),
  );
}
