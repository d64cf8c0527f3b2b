// The password policy of netcourt accounts. Pure functions.

export type PasswordFailure = "too_short" | "too_long" | "needs_letter_and_digit" | "contains_phone";

export const PASSWORD_MIN_LENGTH = 8;
/** An upper bound keeps hashing cost bounded for a hostile client; real passphrases fit easily. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Checks a new password: at least 8 characters, at least one letter and one digit, and not containing
 * the account's mobile number (the first thing an attacker tries, since it is also the login).
 * Returns every failure so the form can show them together.
 */
export function checkPasswordPolicy(password: string, phone: string | null): PasswordFailure[] {
  const failures: PasswordFailure[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) failures.push("too_short");
  if (length > PASSWORD_MAX_LENGTH) failures.push("too_long");
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) failures.push("needs_letter_and_digit");
  const digitsOnly = password.replace(/\D/g, "");
  if (phone && phone.length > 0 && (password.includes(phone) || digitsOnly === phone)) {
    failures.push("contains_phone");
  }
  return failures;
}
