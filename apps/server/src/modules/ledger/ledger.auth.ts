import { bytesEqual, utf8 } from "@netcourt/ledger";
import type { FastifyRequest } from "fastify";
import { AppError, type Executor } from "../../platform";
import { nodeEd25519, sha256Native } from "./ledger.keys";
import { findActiveCredential, isNonceUsed, type DepositRequestInsert } from "./ledger.repository";
import {
  SignatureFormatError,
  isWithinReplayWindow,
  missingComponent,
  parseContentDigest,
  parseRequestSignature,
  signatureBase,
} from "./ledger.rules";
import type { CredentialKind } from "./ledger.tables";

/** A platform that proved who it is, and (for signed requests) the request to keep as proof. */
export interface PlatformPrincipal {
  platformId: string;
  platformName: string;
  courtId: string;
  credentialId: string;
  credentialKind: CredentialKind;
  keyHash: Uint8Array;
  /** The signed request to store with its deposits (Ed25519 requests with a body). */
  signedRequest: DepositRequestInsert | null;
}

const API_KEY = /^Bearer (ncl_[A-Za-z0-9_-]{43})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const unauthenticated = (message: string) =>
  new AppError("platform_unauthenticated", [{ code: "credential", message }]);

/**
 * Authenticates a depositing platform by an RFC 9421 Ed25519 request signature (recommended:
 * non-repudiable, 在线诉讼规则第十七条(二)) or an API key (`Authorization: Bearer ncl_…`). A signed
 * request must be within ±5 minutes of the server clock and, when it has a body, carry a fresh nonce
 * and a matching Content-Digest. Throws `platform_unauthenticated`, `ledger_request_expired`,
 * `ledger_request_replayed`, `ledger_platform_disabled`.
 */
export async function authenticatePlatform(
  db: Executor,
  request: FastifyRequest,
  rawBody: Buffer | null,
  now: Date,
): Promise<PlatformPrincipal> {
  const authorization = request.headers.authorization;
  const signatureInput = request.headers["signature-input"];
  const signatureHeader = request.headers.signature;
  if (typeof authorization === "string" && authorization.startsWith("Bearer ")) {
    const match = API_KEY.exec(authorization);
    if (!match) throw unauthenticated("malformed API key");
    const credential = await findActiveCredential(db, { apiKeyHash: sha256Native(utf8(match[1]!)) });
    if (!credential || credential.kind !== "api_key") throw unauthenticated("unknown or revoked API key");
    if (credential.disabled_at) throw new AppError("ledger_platform_disabled");
    return principal(credential, null);
  }
  if (typeof signatureInput !== "string" || typeof signatureHeader !== "string")
    throw unauthenticated("sign the request (Signature-Input, Signature) or send an API key");
  let parsed;
  try {
    parsed = parseRequestSignature(signatureInput, signatureHeader);
  } catch (error) {
    if (error instanceof SignatureFormatError) throw unauthenticated(error.message);
    throw error;
  }
  const hasBody = rawBody !== null && rawBody.length > 0;
  const missing = missingComponent(parsed.components, hasBody);
  if (missing) throw unauthenticated(`the signature must cover ${missing}`);
  if (!UUID.test(parsed.keyId)) throw unauthenticated("unknown key");
  const credential = await findActiveCredential(db, { id: parsed.keyId });
  if (!credential || credential.kind !== "ed25519" || !credential.public_key)
    throw unauthenticated("unknown or revoked key");

  const values: Record<string, string> = {
    "@method": request.method.toUpperCase(),
    "@path": request.url.split("?")[0] || "/",
  };
  if (hasBody) {
    const header = request.headers["content-digest"];
    const digest = typeof header === "string" ? parseContentDigest(header) : null;
    if (!digest) throw unauthenticated("Content-Digest with sha-256 is required");
    if (!bytesEqual(digest, sha256Native(rawBody)))
      throw unauthenticated("Content-Digest does not match the body");
    values["content-digest"] = header as string;
  }
  let base: string;
  try {
    base = signatureBase(parsed.components, values, parsed.paramsText);
  } catch (error) {
    if (error instanceof SignatureFormatError) throw unauthenticated(error.message);
    throw error;
  }
  if (!nodeEd25519.verify(parsed.signature, utf8(base), new Uint8Array(credential.public_key)))
    throw unauthenticated("signature does not verify");
  if (!isWithinReplayWindow(parsed.created, parsed.expires, now))
    throw new AppError("ledger_request_expired");
  if (credential.disabled_at) throw new AppError("ledger_platform_disabled");
  if (!hasBody) return principal(credential, null);
  if (parsed.nonce === null) throw unauthenticated("a request with a body needs a nonce");
  if (await isNonceUsed(db, credential.id, parsed.nonce)) throw new AppError("ledger_request_replayed");
  return principal(credential, {
    credentialId: credential.id,
    nonce: parsed.nonce,
    signedAt: new Date(parsed.created * 1000),
    signatureInput,
    signature: parsed.signature,
    body: rawBody,
    receivedAt: now,
  });
}

function principal(
  credential: NonNullable<Awaited<ReturnType<typeof findActiveCredential>>>,
  signedRequest: DepositRequestInsert | null,
): PlatformPrincipal {
  return {
    platformId: credential.platform_id,
    platformName: credential.platform_name,
    courtId: credential.court_id,
    credentialId: credential.id,
    credentialKind: credential.kind,
    keyHash: new Uint8Array(credential.key_hash),
    signedRequest,
  };
}
