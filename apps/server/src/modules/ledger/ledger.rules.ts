// Pure rules of the ledger: the request-signature profile platforms use (RFC 9421 HTTP Message
// Signatures with Ed25519 and an RFC 9530 Content-Digest), the replay window and batch limits.

/** Most deposits one request may carry. */
export const MAX_DEPOSITS_PER_REQUEST = 1_000;

/** A signed request is accepted this many seconds either side of the server's clock (replay window). */
export const REPLAY_WINDOW_SECONDS = 300;

/** A signed request as parsed from its `Signature-Input` and `Signature` headers. */
export interface ParsedRequestSignature {
  label: string;
  /** Covered components in order, e.g. `["@method", "@path", "content-digest"]`. */
  components: string[];
  /** The serialized inner list after `label=`: the `@signature-params` value of the signature base. */
  paramsText: string;
  created: number;
  expires: number | null;
  keyId: string;
  nonce: string | null;
  alg: string | null;
  signature: Uint8Array;
}

const LABEL = "[a-z*][a-z0-9_.*-]*";
const COMPONENT = '"[a-z@][a-z0-9@-]*"';
const PARAM = `;[a-z][a-z0-9_.*-]*=(?:-?[0-9]{1,15}|"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*")`;
const SIGNATURE_INPUT = new RegExp(`^(${LABEL})=(\\((?:${COMPONENT}(?: ${COMPONENT})*)?\\)(?:${PARAM})*)$`);
const SIGNATURE = new RegExp(`^(${LABEL})=:([A-Za-z0-9+/]+={0,2}):$`);
const NONCE = /^[A-Za-z0-9._~+/=-]{16,128}$/;

/** Why a signature header was refused (becomes the error detail). */
export class SignatureFormatError extends Error {}

/**
 * Parses one signature in the profile netcourt accepts: one label in both headers, the inner list
 * written canonically (single spaces, no whitespace around `;`), integer `created`, string `keyid`,
 * optional `nonce`, `expires` and `alg` (= "ed25519"). Throws `SignatureFormatError`.
 */
export function parseRequestSignature(signatureInput: string, signature: string): ParsedRequestSignature {
  const input = SIGNATURE_INPUT.exec(signatureInput.trim());
  if (!input) throw new SignatureFormatError("Signature-Input is not one canonical signature");
  const sig = SIGNATURE.exec(signature.trim());
  if (!sig) throw new SignatureFormatError("Signature is not one byte sequence");
  const [, label, paramsText] = input as unknown as [string, string, string];
  if (sig[1] !== label) throw new SignatureFormatError("Signature and Signature-Input labels differ");
  const close = paramsText.indexOf(")");
  const components = [...paramsText.slice(1, close).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  if (new Set(components).size !== components.length)
    throw new SignatureFormatError("a component is listed twice");
  const params = new Map<string, string | number>();
  for (const m of paramsText.slice(close + 1).matchAll(/;([a-z][a-z0-9_.*-]*)=(-?[0-9]+|"[^"]*")/g)) {
    if (params.has(m[1]!)) throw new SignatureFormatError(`parameter ${m[1]!} is repeated`);
    params.set(m[1]!, m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : Number(m[2]));
  }
  const created = params.get("created");
  const keyId = params.get("keyid");
  const nonce = params.get("nonce");
  const expires = params.get("expires");
  const alg = params.get("alg");
  if (typeof created !== "number") throw new SignatureFormatError("created must be an integer");
  if (typeof keyId !== "string" || keyId === "") throw new SignatureFormatError("keyid is required");
  if (nonce !== undefined && (typeof nonce !== "string" || !NONCE.test(nonce)))
    throw new SignatureFormatError("nonce must be 16–128 URL-safe characters");
  if (expires !== undefined && typeof expires !== "number")
    throw new SignatureFormatError("expires must be an integer");
  if (alg !== undefined && alg !== "ed25519") throw new SignatureFormatError('alg must be "ed25519"');
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(sig[2]!), (c) => c.charCodeAt(0));
  } catch {
    throw new SignatureFormatError("signature is not base64");
  }
  return {
    label,
    components,
    paramsText,
    created,
    expires: expires ?? null,
    keyId,
    nonce: nonce ?? null,
    alg: alg ?? null,
    signature: bytes,
  };
}

/**
 * The components a request must cover: method and path always, the body's digest when it has a body.
 * Returns the first missing one, or null.
 */
export function missingComponent(components: readonly string[], hasBody: boolean): string | null {
  const required = ["@method", "@path", ...(hasBody ? ["content-digest"] : [])];
  return required.find((c) => !components.includes(c)) ?? null;
}

/** RFC 9421 §2.5 signature base: one `"name": value` line per component, then `"@signature-params"`. */
export function signatureBase(
  components: readonly string[],
  values: Readonly<Record<string, string>>,
  paramsText: string,
): string {
  const lines = components.map((name) => {
    const value = values[name];
    if (value === undefined) throw new SignatureFormatError(`component ${name} is not available`);
    return `"${name}": ${value}`;
  });
  return [...lines, `"@signature-params": ${paramsText}`].join("\n");
}

/** True when a signature made at `created` (POSIX seconds) may still be used at `now`. */
export function isWithinReplayWindow(created: number, expires: number | null, now: Date): boolean {
  const seconds = Math.floor(now.getTime() / 1000);
  if (expires !== null && expires < seconds) return false;
  return Math.abs(seconds - created) <= REPLAY_WINDOW_SECONDS;
}

/** RFC 9530 `Content-Digest` value for a SHA-256 digest. */
export function formatContentDigest(sha256: Uint8Array): string {
  return `sha-256=:${btoa(String.fromCharCode(...sha256))}:`;
}

/** The SHA-256 named by a `Content-Digest` header (other algorithms are ignored), or null. */
export function parseContentDigest(header: string): Uint8Array | null {
  for (const member of header.split(",")) {
    const m = /^\s*sha-256=:([A-Za-z0-9+/]{43}=):\s*$/.exec(member);
    if (m) return Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0));
  }
  return null;
}

/** Whether a platform operator looks like a party of the case (在线诉讼规则第十七条(二)): same name or credit code. */
export function relatedParties(
  operator: { name: string; creditCode: string | null },
  parties: ReadonlyArray<{ name: string; creditCode: string | null }>,
): string[] {
  const normalise = (s: string) => s.replace(/[\s（）()]/g, "");
  return parties
    .filter(
      (p) =>
        normalise(p.name) === normalise(operator.name) ||
        (operator.creditCode !== null && p.creditCode !== null && p.creditCode === operator.creditCode),
    )
    .map((p) => p.name);
}
