// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) and the RFC 4648 base32 alphabet that
// authenticator apps use for secrets. Pure functions; the time is always passed in.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 §6 base32 with `=` padding (authenticator URIs drop the padding). */
export function encodeBase32(data: Uint8Array, { padding = true }: { padding?: boolean } = {}): string {
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  if (padding) while (output.length % 8 !== 0) output += "=";
  return output;
}

/** Decodes base32, tolerating lower case, spaces and missing padding as typed from an app; null when invalid. */
export function decodeBase32(input: string): Buffer | null {
  const cleaned = input.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of cleaned) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export interface TotpParameters {
  /** RFC 6238 §4.1 X: the step in seconds. */
  periodSeconds: number;
  digits: number;
}

/** The parameters every common authenticator app understands: SHA-1, 6 digits, 30 seconds. */
export const defaultTotp: TotpParameters = { periodSeconds: 30, digits: 6 };

/** RFC 6238 §4.2: T = floor((unix time − T0) / X) with T0 = 0. */
export function totpStep(now: Date, periodSeconds = defaultTotp.periodSeconds): number {
  return Math.floor(now.getTime() / 1000 / periodSeconds);
}

/** RFC 4226 §5.3 HOTP with HMAC-SHA-1: dynamic truncation of the HMAC of the 8-byte counter. */
export function hotp(secret: Uint8Array, counter: number, digits = defaultTotp.digits): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The TOTP code for a time. */
export function totpCode(secret: Uint8Array, now: Date, parameters: TotpParameters = defaultTotp): string {
  return hotp(secret, totpStep(now, parameters.periodSeconds), parameters.digits);
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "reused" };

/**
 * Checks a code against the steps now−1, now and now+1 (RFC 6238 §5.2 allows one step of clock drift)
 * and refuses a step at or before `lastUsedStep`, so a code cannot be replayed (§5.2: "MUST NOT accept
 * the second attempt of the same OTP").
 */
export function checkTotp(
  secret: Uint8Array,
  code: string,
  now: Date,
  lastUsedStep: number | null,
  parameters: TotpParameters = defaultTotp,
): TotpCheck {
  const given = code.replace(/\s/g, "");
  if (!new RegExp(`^\\d{${parameters.digits}}$`).test(given)) return { ok: false, reason: "invalid" };
  const current = totpStep(now, parameters.periodSeconds);
  let matched: number | null = null;
  for (const step of [current - 1, current, current + 1]) {
    const expected = hotp(secret, step, parameters.digits);
    // Compare every candidate in constant time so timing does not reveal which step matched.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(given)) && matched === null) matched = step;
  }
  if (matched === null) return { ok: false, reason: "invalid" };
  if (lastUsedStep !== null && matched <= lastUsedStep) return { ok: false, reason: "reused" };
  return { ok: true, step: matched };
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), base32 without padding. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(20), { padding: false });
}

/** The `otpauth://` URI authenticator apps scan (Key Uri Format): issuer, account, secret, parameters. */
export function otpauthUrl(options: { issuer: string; account: string; secret: string }): string {
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.account)}`;
  const query = new URLSearchParams({
    secret: options.secret,
    issuer: options.issuer,
    algorithm: "SHA1",
    digits: String(defaultTotp.digits),
    period: String(defaultTotp.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
