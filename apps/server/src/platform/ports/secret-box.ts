/**
 * Seals and opens secrets kept at rest (TOTP secrets of staff accounts). Each envelope is bound to
 * the account it belongs to, so a sealed value copied onto another account does not open. The
 * implementation with its key handling is modules/identity/totp-secrets.ts.
 */
export interface SecretBox {
  /** A short public name of the key that seals (not the key); envelopes under other keys get resealed. */
  readonly currentKeyId: string;
  /** Seals a secret for the account `userId`. */
  seal(secret: string, userId: string): string;
  /** Opens an envelope sealed for the account `userId`; throws `totp_key_unavailable` when it does not open. */
  open(envelope: string, userId: string): string;
}
