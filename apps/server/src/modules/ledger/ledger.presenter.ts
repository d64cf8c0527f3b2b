import type { CredentialRow, PlatformRow } from "./ledger.repository";

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

/** A credential as administrators see it (never the API key or its hash). */
export function presentCredential(row: CredentialRow) {
  return {
    id: row.id,
    kind: row.kind,
    keyHash: hex(row.key_hash),
    publicKey: row.public_key ? base64(row.public_key) : null,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** A platform with its credentials. */
export function presentPlatform(row: PlatformRow, credentials: readonly CredentialRow[]) {
  return {
    id: row.id,
    courtId: row.court_id,
    name: row.name,
    operatorName: row.operator_name,
    operatorCreditCode: row.operator_credit_code,
    category: row.category,
    description: row.description,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    credentials: credentials.filter((c) => c.platform_id === row.id).map(presentCredential),
  };
}
