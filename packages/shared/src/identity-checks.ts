// Check-character rules for the two identifiers a litigant registers with: the resident identity
// card number (GB 11643-1999, ISO 7064 MOD 11-2) and the unified social credit code
// (GB 32100-2015, MOD 31, embedding a GB 11714-1997 organisation code). Pure and dependency-free,
// so the browser gives instant feedback with the same rules the server enforces. Every failure is a
// stable reason code that the UI translates.

/** Why a resident ID number was refused. */
export type ResidentIdCheckFailure =
  | "empty"
  | "wrong_length"
  | "invalid_characters"
  | "invalid_region"
  | "invalid_birth_date"
  | "birth_date_in_future"
  | "check_digit_mismatch";

export type ResidentIdCheck =
  | { ok: true; /** 18 characters, upper-case X */ value: string; birthDate: string; sex: "male" | "female" }
  | { ok: false; reason: ResidentIdCheckFailure };

/** Why a unified social credit code was refused. */
export type CreditCodeCheckFailure =
  | "empty"
  | "wrong_length"
  | "invalid_characters"
  | "invalid_region"
  | "organisation_code_check_mismatch"
  | "check_character_mismatch";

export type CreditCodeCheck = { ok: true; value: string } | { ok: false; reason: CreditCodeCheckFailure };

// GB/T 2260 province-level codes (and 81–83 for residence permits of Hong Kong, Macao and Taiwan
// residents) that open an ID number's address code or a credit code's region code.
const PROVINCES = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split(
    " ",
  ),
);

/** NFKC folds full-width digits and letters (０-９, Ｘ) pasted from Chinese documents. */
export function compactIdentifier(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// GB 11643-1999 §8.2 (ISO 7064 MOD 11-2): Wi = 2^(18-i) mod 11, check = (12 - S mod 11) mod 11, 10 → X.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARACTERS = "10X98765432";

/** The MOD 11-2 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("residentIdCheckCharacter needs 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

// China has kept UTC+8 all year since 1991: the court's calendar day is the UTC day of now + 8 h.
function courtToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks an 18-character resident ID number (GB 11643-1999): region, birth date and check digit. */
export function checkResidentIdNumber(input: string, now: Date): ResidentIdCheck {
  const value = compactIdentifier(input);
  if (value === "") return { ok: false, reason: "empty" };
  if (value.length !== 18) return { ok: false, reason: "wrong_length" };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "invalid_characters" };
  if (!PROVINCES.has(value.slice(0, 2))) return { ok: false, reason: "invalid_region" };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, reason: "invalid_birth_date" };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > courtToday(now)) return { ok: false, reason: "birth_date_in_future" };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: "check_digit_mismatch" };
  }
  // GB 11643-1999 §5.3: the sequence code's last digit is odd for men and even for women.
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? "male" : "female" };
}

/** What an 18-digit resident ID number states about its holder. */
export interface ResidentIdParticulars {
  /** YYYY-MM-DD, from the birth-date code (GB 11643-1999 §5.2.2). */
  birthDate: string;
  /** From the sequence code's last digit: odd for men, even for women (§5.2.3). */
  sex: "male" | "female";
}

/**
 * The birth date and sex a resident ID number states, or null when the number fails its checks (a
 * number with a wrong check digit states nothing one can rely on). Forms fill both from the number.
 */
export function residentIdParticulars(input: string, now: Date): ResidentIdParticulars | null {
  const check = checkResidentIdNumber(input, now);
  return check.ok ? { birthDate: check.birthDate, sex: check.sex } : null;
}

/** GB 32100-2015 §4: the 31 characters of the code set (digits and capitals without I O Z S V). */
export const CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The GB 32100-2015 MOD 31 check character of the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1; // Wi = 3^(i-1) mod 31
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(first17[i] ?? "");
    if (value < 0 || first17.length !== 17) {
      throw new Error("creditCodeCheckCharacter needs 17 characters of the code set");
    }
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

// GB 11714-1997: weights of the 8 body characters; check = 11 - (S mod 11), 10 → X, 11 → 0.
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The GB 11714 check character of an 8-character organisation-code body. */
export function organisationCodeCheckCharacter(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error("organisationCodeCheckCharacter needs 8 characters");
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const code = body8.charCodeAt(i);
    sum += (code <= 57 ? code - 48 : code - 55) * ORGANISATION_WEIGHTS[i]!; // A = 10 … Z = 35
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Checks an 18-character unified social credit code (GB 32100-2015): code set, region and both checks. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const value = compactIdentifier(input);
  if (value === "") return { ok: false, reason: "empty" };
  if (value.length !== 18) return { ok: false, reason: "wrong_length" };
  for (const ch of value) {
    if (!CREDIT_CODE_CHARACTERS.includes(ch)) return { ok: false, reason: "invalid_characters" };
  }
  const region = value.slice(2, 8);
  if (!/^\d{6}$/.test(region) || (region !== "100000" && !PROVINCES.has(region.slice(0, 2)))) {
    return { ok: false, reason: "invalid_region" };
  }
  if (organisationCodeCheckCharacter(value.slice(8, 16)) !== value[16]) {
    return { ok: false, reason: "organisation_code_check_mismatch" };
  }
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: "check_character_mismatch" };
  }
  return { ok: true, value };
}
