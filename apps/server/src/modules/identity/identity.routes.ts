import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import {
  AppError,
  CHALLENGE_HEADER,
  clearSessionCookies as clearPlatformSessionCookies,
  commandMeta,
  inTransaction,
  publicRateLimits,
  readMultipart,
  replaceSession,
  setSessionCookies as setPlatformSessionCookies,
  writeAuditEvent,
  requireUser,
  type AppConfig,
  type SessionRow,
  type StagedBlob,
  type UserActor,
  type ZodApp,
} from "../../platform";
import { changePassword } from "./commands/change-password";
import { decideVerificationByReviewer, loadVerificationForReview } from "./commands/decide-verification";
import { registerAccount } from "./commands/register-account";
import { setUpTotp } from "./commands/set-up-totp";
import { signIn, type SignedIn } from "./commands/sign-in";
import { signOut } from "./commands/sign-out";
import { submitVerification } from "./commands/submit-verification";
import { updateOwnProfile } from "./commands/update-profile";
import { verifyTotp } from "./commands/verify-totp";
import { ID_DOCUMENT_MAX_BYTES, uploadIdDocument } from "./commands/upload-id-document";
import type { IdentityDependencies } from "./identity.dependencies";
import { canReviewVerifications } from "./identity.policy";
import { isRealNameVerifier, realNameVerifierFromEnv } from "./identity.ports";
import {
  presentVerification,
  presentVerificationDetail,
  presentVerificationListItem,
} from "./identity.presenter";
import { getMe, openVerificationDocument } from "./identity.queries";
import { findLatestVerification, listVerifications } from "./identity.repository";
import {
  ZChangePasswordRequest,
  ZDocumentSide,
  ZEmptyBody,
  ZLoginRequest,
  ZMe,
  ZRegisterRequest,
  ZRejectVerificationRequest,
  ZSubmitVerificationRequest,
  ZTotpSetupResponse,
  ZTotpVerifyRequest,
  ZUpdateMeRequest,
  ZUploadDocumentResponse,
  ZUserResponse,
  ZVerification,
  ZVerificationDetail,
  ZVerificationFileParams,
  ZVerificationIdParams,
  ZVerificationList,
  ZVerificationListQuery,
  ZVerificationResponse,
} from "./identity.schemas";
import type { DocumentSide } from "./identity.tables";
import { verificationScopeOf, type VerificationScopePort } from "./verification-scope";

/** What the identity routes need from the courts context. */
export interface IdentityCourtsPort extends VerificationScopePort {
  findMemberships: IdentityDependencies["findMemberships"];
  findCourtLabels: IdentityDependencies["findCourtLabels"];
}

const TAGS = ["identity"];

/** The session's account, also while it still owes the TOTP step (Me, logout and the TOTP routes). */
function requireSession(request: FastifyRequest): { actor: UserActor; session: SessionRow } {
  if (request.actor.kind !== "user" || !request.session) throw new AppError("authentication_required");
  return { actor: request.actor, session: request.session };
}

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  config: AppConfig,
  signedIn: Pick<SignedIn, "token" | "csrfToken">,
) {
  setPlatformSessionCookies(request, reply, config.cookieSecure, signedIn);
}

function clearSessionCookies(request: FastifyRequest, reply: FastifyReply, config: AppConfig) {
  clearPlatformSessionCookies(request, reply, config.cookieSecure);
}

function userAgentOf(request: FastifyRequest): string | null {
  return typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null;
}

/** Reads the multipart upload: one `side` field and one `file` part (in any order); the file is staged. */
async function readDocumentUpload(
  request: FastifyRequest,
  deps: IdentityDependencies,
): Promise<{ side: DocumentSide; fileName: string; staged: StagedBlob }> {
  const { fields, file } = await readMultipart(
    request,
    { fields: ["side"], file: { field: "file", maxBytes: ID_DOCUMENT_MAX_BYTES } },
    {
      onFile: async (part) => ({
        fileName: part.fileName,
        staged: await deps.files.stage(part.stream, ID_DOCUMENT_MAX_BYTES),
      }),
      discard: (upload) => upload.staged.discard(),
    },
  );
  const parsedSide = ZDocumentSide.safeParse(fields.side);
  if (!parsedSide.success) {
    await file.staged.discard();
    throw new AppError("validation_failed", [
      { path: "side", code: "invalid_value", message: "front or back" },
    ]);
  }
  return { side: parsedSide.data, ...file };
}

/**
 * HTTP routes of the identity context: registration, sign-in with password and TOTP, the account's own
 * profile and password, and real-name verification with its review queue.
 */
export async function registerIdentityRoutes(
  app: ZodApp,
  context: AppContext,
  courts: IdentityCourtsPort,
): Promise<void> {
  const verifier = isRealNameVerifier(context.ports.realNameVerifier)
    ? context.ports.realNameVerifier
    : realNameVerifierFromEnv(process.env, () => context.clock.now());
  const deps: IdentityDependencies = {
    db: context.db,
    clock: context.clock,
    files: context.files,
    verifier,
    totpSecrets: context.totpSecrets,
    findMemberships: courts.findMemberships,
    findCourtLabels: courts.findCourtLabels,
  };
  const { config } = context;

  app.post(
    "/api/auth/register",
    {
      config: { csrf: false, rateLimit: publicRateLimits.register },
      schema: {
        tags: TAGS,
        summary: "Register a natural person or an organisation and sign in",
        body: ZRegisterRequest,
        response: { 201: ZUserResponse },
      },
    },
    async (request, reply) => {
      const meta = commandMeta(request, context.clock.now());
      const signedIn = await registerAccount(deps, meta, request.body, { userAgent: userAgentOf(request) });
      setSessionCookies(request, reply, config, signedIn);
      return reply.status(201).send({ user: await getMe(deps, signedIn.userId, false) });
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { csrf: false },
      schema: {
        tags: TAGS,
        summary: "Sign in with mobile number or e-mail and password",
        description:
          "Court staff, and accounts with TOTP enabled, get `needsSecondFactor: true` and must call " +
          "/api/auth/totp/verify (after /api/auth/totp/setup when TOTP is not set up yet). After many " +
          "attempts from one address the answer is 429 `challenge_required` with a proof-of-work challenge " +
          "(ALTCHA v2) in `details[0].params.challenge`; send the solved payload, base64 JSON " +
          "`{ challenge, solution }`, in the `x-challenge-solution` header of the next attempt.",
        body: ZLoginRequest,
        response: { 200: ZUserResponse },
      },
    },
    async (request, reply) => {
      const meta = commandMeta(request, context.clock.now());
      const signedIn = await signIn(deps, meta, {
        ...request.body,
        userAgent: userAgentOf(request),
        challengeSolution: request.headers[CHALLENGE_HEADER],
      });
      setSessionCookies(request, reply, config, signedIn);
      return { user: await getMe(deps, signedIn.userId, false) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: {
        tags: TAGS,
        summary: "Sign out: end the session and clear its cookies",
        body: ZEmptyBody,
        response: { 204: z.null().describe("Signed out") },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "user" && request.session) {
        await signOut(deps, commandMeta(request, context.clock.now()), request.session);
      }
      clearSessionCookies(request, reply, config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/totp/setup",
    {
      schema: {
        tags: TAGS,
        summary: "Issue a TOTP secret (only while TOTP is not enabled)",
        body: ZEmptyBody,
        response: { 200: ZTotpSetupResponse },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      return setUpTotp(deps, commandMeta(request, context.clock.now()), actor.userId);
    },
  );

  app.post(
    "/api/auth/totp/verify",
    {
      schema: {
        tags: TAGS,
        summary: "Verify a TOTP code: enables TOTP on first use and completes the session's second factor",
        body: ZTotpVerifyRequest,
        response: { 200: ZUserResponse },
      },
    },
    async (request, reply) => {
      const { actor, session } = requireSession(request);
      const meta = commandMeta(request, context.clock.now());
      await verifyTotp(deps, meta, session, request.body.code);
      // The token from before the second factor ended with it; the session goes on under a new one.
      const renewed = await inTransaction(deps.db, async (trx) => {
        const issued = await replaceSession(trx, session, {
          now: meta.now,
          ip: meta.ip,
          userAgent: userAgentOf(request),
          hasSecondFactor: true,
        });
        await writeAuditEvent(trx, meta, {
          action: "identity.session_renewed",
          subjectType: "user",
          subjectId: actor.userId,
          data: { reason: "second_factor" },
        });
        return issued;
      });
      setSessionCookies(request, reply, config, renewed);
      return { user: await getMe(deps, actor.userId, true) };
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags: TAGS,
        summary: "The signed-in account",
        response: { 200: ZMe },
      },
    },
    async (request) => {
      const { actor, session } = requireSession(request);
      return getMe(deps, actor.userId, session.hasSecondFactor);
    },
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags: TAGS,
        summary: "Update the account's e-mail, language or lawyer details",
        body: ZUpdateMeRequest,
        response: { 200: ZMe },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await updateOwnProfile(deps, commandMeta(request, context.clock.now()), actor.userId, request.body);
      return getMe(deps, actor.userId, request.session?.hasSecondFactor ?? false);
    },
  );

  app.post(
    "/api/me/password",
    {
      schema: {
        tags: TAGS,
        summary: "Change the password; every other session of the account ends",
        body: ZChangePasswordRequest,
        response: { 204: z.null().describe("Password changed") },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { session } = requireSession(request);
      await changePassword(deps, commandMeta(request, context.clock.now()), session, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/me/verification/files",
    {
      schema: {
        tags: TAGS,
        summary: "Upload an image of the ID document (multipart: field `side` = front|back, part `file`)",
        description: "PNG, JPEG, WebP or HEIC, at most 10 MB; the type is decided from the content.",
        consumes: ["multipart/form-data"],
        response: { 200: ZUploadDocumentResponse },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const upload = await readDocumentUpload(request, deps);
      return uploadIdDocument(deps, commandMeta(request, context.clock.now()), actor.userId, upload);
    },
  );

  app.post(
    "/api/me/verification",
    {
      schema: {
        tags: TAGS,
        summary: "Ask for real-name verification (clerk review of ID images, or the external service)",
        body: ZSubmitVerificationRequest,
        response: { 201: ZVerificationResponse },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const row = await submitVerification(
        deps,
        commandMeta(request, context.clock.now()),
        actor.userId,
        request.body,
      );
      return reply.status(201).send({ verification: presentVerification(row) });
    },
  );

  app.get(
    "/api/me/verification",
    {
      schema: {
        tags: TAGS,
        summary: "The account's latest verification request, or null",
        response: { 200: ZVerification.nullable() },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const row = await findLatestVerification(deps.db, actor.userId);
      return row ? presentVerification(row) : null;
    },
  );

  app.get(
    "/api/identity/verifications",
    {
      schema: {
        tags: TAGS,
        summary:
          "Real-name verification queue: applicants litigating at the caller's courts, or all for a court that reviews all",
        querystring: ZVerificationListQuery,
        response: { 200: ZVerificationList },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      if (!canReviewVerifications(actor)) throw new AppError("forbidden");
      const { status, page, pageSize } = request.query;
      const scope = await verificationScopeOf(deps.db, courts, actor);
      const result = await listVerifications(deps.db, {
        status,
        applicantIds: scope.kind === "all" ? null : scope.userIds,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { items: result.items.map(presentVerificationListItem), total: result.total };
    },
  );

  app.get(
    "/api/identity/verifications/:id",
    {
      schema: {
        tags: TAGS,
        summary: "A verification request with the full ID number (clerks and court administrators)",
        params: ZVerificationIdParams,
        response: { 200: ZVerificationDetail },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const meta = commandMeta(request, context.clock.now());
      const row = await loadVerificationForReview(deps, courts, meta, request.params.id);
      return presentVerificationDetail(row, request.actor);
    },
  );

  app.get(
    "/api/identity/verifications/:id/files/:side",
    {
      schema: {
        tags: TAGS,
        summary: "An ID image of a verification request (clerks and court administrators)",
        params: ZVerificationFileParams,
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const meta = commandMeta(request, context.clock.now());
      const document = await openVerificationDocument(
        deps,
        courts,
        meta,
        request.params.id,
        request.params.side,
      );
      return reply
        .type(document.mediaType)
        .header("cache-control", "private, no-store")
        .header("content-disposition", `inline; filename="id-${request.params.side}"`)
        .send(document.stream);
    },
  );

  app.post(
    "/api/identity/verifications/:id/approve",
    {
      schema: {
        tags: TAGS,
        summary: "Approve a pending verification (clerks and court administrators; not one's own)",
        params: ZVerificationIdParams,
        body: ZEmptyBody,
        response: { 200: ZVerificationDetail },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const meta = commandMeta(request, context.clock.now());
      const row = await decideVerificationByReviewer(deps, courts, meta, request.params.id, {
        status: "approved",
        reason: null,
      });
      return presentVerificationDetail(row, request.actor);
    },
  );

  app.post(
    "/api/identity/verifications/:id/reject",
    {
      schema: {
        tags: TAGS,
        summary: "Reject a pending verification with a reason shown to the account",
        params: ZVerificationIdParams,
        body: ZRejectVerificationRequest,
        response: { 200: ZVerificationDetail },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const meta = commandMeta(request, context.clock.now());
      const row = await decideVerificationByReviewer(deps, courts, meta, request.params.id, {
        status: "rejected",
        reason: request.body.reason,
      });
      return presentVerificationDetail(row, request.actor);
    },
  );
}
