import { randomBytes, randomUUID } from "node:crypto";
import { utf8 } from "@netcourt/ledger";
import type { AppContext } from "../../../context";
import { AppError, inTransaction, requireUser, writeAuditEvent, type CommandMeta } from "../../../platform";
import { sha256Native } from "../ledger.keys";
import { assertCanManagePlatforms } from "../ledger.policy";
import { findPlatform, insertCredential } from "../ledger.repository";

export type AddPlatformCredentialOptions =
  { platformId: string; kind: "ed25519"; publicKey: string } | { platformId: string; kind: "api_key" };

/** The key hash logged for an API-key credential: it names the credential without revealing the key. */
export function apiKeyCredentialHash(credentialId: string): Uint8Array {
  return sha256Native(utf8(`netcourt.ledger/api-key/v1:${credentialId}`));
}

/**
 * Gives a platform a credential: an Ed25519 public key (recommended: the platform signs each request,
 * so a deposit can be proven to come from it — 在线诉讼规则第十七条(二)), or an API key, shown once and
 * stored only as its SHA-256. Throws `authentication_required`, `ledger_platform_not_found`,
 * `forbidden`, `ledger_public_key_invalid`.
 */
export async function addPlatformCredential(
  context: AppContext,
  meta: CommandMeta,
  options: AddPlatformCredentialOptions,
) {
  const user = requireUser(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const platform = await findPlatform(trx, options.platformId);
    // Another court's platform is invisible (404); the own court's for a non-admin is forbidden.
    if (!platform || !user.memberships.some((m) => m.courtId === platform.court_id))
      throw new AppError("ledger_platform_not_found");
    assertCanManagePlatforms(meta.actor, platform.court_id);
    const id = randomUUID();
    let apiKey: string | null = null;
    let publicKey: Uint8Array | null = null;
    if (options.kind === "ed25519") {
      const decoded = Buffer.from(options.publicKey, "base64");
      publicKey = decoded;
      if (decoded.length !== 32 || decoded.toString("base64") !== options.publicKey)
        throw new AppError("ledger_public_key_invalid", [
          { path: "publicKey", code: "length", message: "32 bytes, base64" },
        ]);
    } else {
      apiKey = `ncl_${randomBytes(32).toString("base64url")}`;
    }
    const credential = await insertCredential(trx, {
      id,
      platformId: platform.id,
      kind: options.kind,
      publicKey,
      apiKeyHash: apiKey ? sha256Native(utf8(apiKey)) : null,
      keyHash: publicKey ? sha256Native(publicKey) : apiKeyCredentialHash(id),
      createdBy: user.userId,
      now: meta.now,
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === "23505")
        throw new AppError("ledger_public_key_invalid", [
          { path: "publicKey", code: "taken", message: "already registered" },
        ]);
      throw error;
    });
    await writeAuditEvent(trx, meta, {
      action: "ledger.credential_added",
      subjectType: "ledger_platform",
      subjectId: platform.id,
      courtId: platform.court_id,
      data: {
        credentialId: credential.id,
        kind: credential.kind,
        keyHash: Buffer.from(credential.key_hash).toString("hex"),
      },
    });
    return { credential, apiKey };
  });
}
