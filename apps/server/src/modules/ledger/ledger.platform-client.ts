import { randomBytes } from "node:crypto";
import { nodeEd25519, sha256Native } from "./ledger.keys";
import { formatContentDigest } from "./ledger.rules";

/** What a platform needs to sign requests: its credential id (the `keyid`) and Ed25519 seed. */
export interface PlatformSigningKey {
  credentialId: string;
  seed: Uint8Array;
}

/**
 * Signs a request as a depositing platform does (docs/ledger.md): RFC 9421 over `@method`, `@path`
 * and, with a body, `content-digest` (RFC 9530), with `created`, `nonce`, `keyid` and `alg`. Returns
 * the headers to send. A reference for platform integrators; the tests and the benchmark use it.
 */
export function signPlatformRequest(options: {
  method: string;
  path: string;
  body?: string | Uint8Array | null;
  key: PlatformSigningKey;
  created?: number;
  nonce?: string;
}): Record<string, string> {
  const created = options.created ?? Math.floor(Date.now() / 1000);
  const nonce = options.nonce ?? randomBytes(16).toString("base64url");
  const body = typeof options.body === "string" ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = {};
  const components = ['"@method"', '"@path"'];
  const lines = [`"@method": ${options.method.toUpperCase()}`, `"@path": ${options.path}`];
  if (body) {
    const digest = formatContentDigest(sha256Native(body));
    headers["content-digest"] = digest;
    components.push('"content-digest"');
    lines.push(`"content-digest": ${digest}`);
  }
  const params = `(${components.join(" ")});created=${created};keyid="${options.key.credentialId}";nonce="${nonce}";alg="ed25519"`;
  lines.push(`"@signature-params": ${params}`);
  const signature = nodeEd25519.sign(Buffer.from(lines.join("\n")), options.key.seed);
  headers["signature-input"] = `deposit=${params}`;
  headers.signature = `deposit=:${Buffer.from(signature).toString("base64")}:`;
  return headers;
}
