// Identity checks for real-name verification: resident ID numbers, unified social credit codes,
// mainland mobile numbers and e-mail addresses. Pure functions; every failure carries a stable
// reason code that the UI translates. `now` is a parameter wherever "today" matters.

/** Province-level codes of GB/T 2260 that may open an ID number or a credit code's region part. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", // 京 津 冀 晋 蒙
  "21", "22", "23", // 辽 吉 黑
  "31", "32", "33", "34", "35", "36", "37", // 沪 苏 浙 皖 闽 赣 鲁
  "41", "42", "43", "44", "45", "46", // 豫 鄂 湘 粤 桂 琼
  "50", "51", "52", "53", "54", // 渝 川 黔 滇 藏
  "61", "62", "63", "64", "65", // 陕 甘 青 宁 新
  "71", // 台湾
  "81", "82", "83", // 港澳台居民居住证 (810000 香港, 820000 澳门, 830000 台湾)
]); // prettier-ignore

/** Earliest birth year accepted on an ID number; older dates are treated as typing errors. */
const EARLIEST_BIRTH_YEAR = 1900;

// China has kept UTC+8 all year since 1991, so the court's calendar day is the UTC day of now + 8 h.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function courtToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** NFKC folds full-width digits and letters (０-９, Ｘ) that users paste from Chinese documents. */
function compact(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

// ---------------------------------------------------------------------------------------------
// Resident identity card number — GB 11643-1999 公民身份号码
// ---------------------------------------------------------------------------------------------

export type ResidentIdFailure =
  | "empty"
  | "wrong_length"
  | "invalid_characters"
  | "invalid_region"
  | "invalid_birth_date"
  | "birth_date_in_future"
  | "check_digit_mismatch";

export type Sex = "male" | "female";

export type ResidentIdResult =
  | {
      ok: true;
      /** The normalised 18-character number (upper-case X). */
      value: string;
      /** 6-digit address code (GB/T 2260) of the place of first registration. */
      regionCode: string;
      /** ISO date `YYYY-MM-DD`. */
      birthDate: string;
      sex: Sex;
    }
  | { ok: false; reason: ResidentIdFailure };

// GB 11643-1999 §8.2: weights Wi = 2^(i-1) mod 11 for positions 18..2, check = (12 - S mod 11) mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = "10X98765432";

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("residentIdCheckCharacter needs 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** Validates an 18-character resident ID number (GB 11643-1999) and reads its birth date and sex. */
export function validateResidentIdNumber(input: string, now: Date): ResidentIdResult {
  const value = compact(input);
  if (value === "") return { ok: false, reason: "empty" };
  if (value.length !== 18) return { ok: false, reason: "wrong_length" };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "invalid_characters" };
  const regionCode = value.slice(0, 6);
  if (!PROVINCE_CODES.has(regionCode.slice(0, 2))) return { ok: false, reason: "invalid_region" };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < EARLIEST_BIRTH_YEAR || !isRealDate(year, month, day)) {
    return { ok: false, reason: "invalid_birth_date" };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > courtToday(now)) return { ok: false, reason: "birth_date_in_future" };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: "check_digit_mismatch" };
  }
  // GB 11643-1999 §5.3: the sequence code's last digit is odd for men and even for women.
  const sex: Sex = Number(value[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, value, regionCode, birthDate, sex };
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code — GB 32100-2015 法人和其他组织统一社会信用代码编码规则
// ---------------------------------------------------------------------------------------------

/** GB 32100-2015 §4: the 31 characters allowed (digits and capitals without I O Z S V). */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

export type CreditCodeFailure =
  | "empty"
  | "wrong_length"
  | "invalid_characters"
  | "invalid_registration_authority"
  | "invalid_entity_type"
  | "invalid_region"
  | "organisation_code_check_mismatch"
  | "check_character_mismatch";

export interface Label {
  zh: string;
  en: string;
}

interface RegistrationAuthority {
  label: Label;
  /** Entity-type codes defined for this authority; `null` = any digit 1–9 (authority added after 2015). */
  types: Readonly<Record<string, Label>> | null;
}

// GB 32100-2015 表1 defines authorities 1, 5, 9 and Y with their type codes. Authorities 2, 3, 4, 6,
// 7, 8, A and N were assigned afterwards by the national standardisation administration; their
// type codes are accepted by shape (1–9) rather than listed, so a genuine code is never refused.
const REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = {
  "1": {
    label: { zh: "机构编制", en: "Institutional establishment authority" },
    types: {
      "1": { zh: "机关", en: "Government body" },
      "2": { zh: "事业单位", en: "Public institution" },
      "3": {
        zh: "中央编办直接管理机构编制的群众团体",
        en: "Mass organisation staffed by the central authority",
      },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "2": { label: { zh: "外交", en: "Foreign affairs" }, types: null },
  "3": { label: { zh: "司法行政", en: "Judicial administration" }, types: null },
  "4": { label: { zh: "文化", en: "Culture" }, types: null },
  "5": {
    label: { zh: "民政", en: "Civil affairs" },
    types: {
      "1": { zh: "社会团体", en: "Social organisation" },
      "2": { zh: "民办非企业单位", en: "Private non-enterprise unit" },
      "3": { zh: "基金会", en: "Foundation" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "6": { label: { zh: "旅游", en: "Tourism" }, types: null },
  "7": { label: { zh: "宗教", en: "Religious affairs" }, types: null },
  "8": { label: { zh: "工会", en: "Trade unions" }, types: null },
  "9": {
    label: { zh: "工商（市场监管）", en: "Market regulation (industry and commerce)" },
    types: {
      "1": { zh: "企业", en: "Enterprise" },
      "2": { zh: "个体工商户", en: "Individual business" },
      "3": { zh: "农民专业合作社", en: "Farmers' cooperative" },
    },
  },
  A: {
    label: { zh: "中央军委改革和编制办公室", en: "Central Military Commission establishment office" },
    types: null,
  },
  N: { label: { zh: "农业", en: "Agriculture" }, types: null },
  Y: {
    label: { zh: "其他", en: "Other authority" },
    types: { "1": { zh: "其他", en: "Other" } },
  },
};

export type CreditCodeResult =
  | {
      ok: true;
      value: string;
      registrationAuthority: { code: string; label: Label };
      entityType: { code: string; label: Label | null };
      /** 6-digit administrative division of the registering authority (100000 = national). */
      regionCode: string;
      /** The 9-character organisation code (GB 11714) embedded at positions 9–17. */
      organisationCode: string;
    }
  | { ok: false; reason: CreditCodeFailure };

// GB 11714-1997: weights for the 8 body characters; check = 11 - (S mod 11), 10 → X, 11 → 0.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function orgCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 55; // A = 10 … Z = 35
}

/** The GB 11714 check character of an 8-character organisation-code body. */
export function organisationCodeCheckCharacter(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error("organisationCodeCheckCharacter needs 8 characters");
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** The GB 32100-2015 MOD 31 check character of the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1; // GB 32100-2015 §5: Wi = 3^(i-1) mod 31
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? "");
    if (value < 0) throw new Error("creditCodeCheckCharacter needs 17 characters of the code set");
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Validates an 18-character unified social credit code (GB 32100-2015) and names its parts. */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = compact(input);
  if (value === "") return { ok: false, reason: "empty" };
  if (value.length !== 18) return { ok: false, reason: "wrong_length" };
  for (const ch of value) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { ok: false, reason: "invalid_characters" };
  }
  const authorityCode = value[0]!;
  const authority = REGISTRATION_AUTHORITIES[authorityCode];
  if (!authority) return { ok: false, reason: "invalid_registration_authority" };
  const typeCode = value[1]!;
  let typeLabel: Label | null = null;
  if (authority.types) {
    typeLabel = authority.types[typeCode] ?? null;
    if (!typeLabel) return { ok: false, reason: "invalid_entity_type" };
  } else if (!/^[1-9]$/.test(typeCode)) {
    return { ok: false, reason: "invalid_entity_type" };
  }
  const regionCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { ok: false, reason: "invalid_region" };
  if (regionCode !== "100000" && !PROVINCE_CODES.has(regionCode.slice(0, 2))) {
    return { ok: false, reason: "invalid_region" };
  }
  const organisationCode = value.slice(8, 17);
  if (organisationCodeCheckCharacter(organisationCode.slice(0, 8)) !== organisationCode[8]) {
    return { ok: false, reason: "organisation_code_check_mismatch" };
  }
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: "check_character_mismatch" };
  }
  return {
    ok: true,
    value,
    registrationAuthority: { code: authorityCode, label: authority.label },
    entityType: { code: typeCode, label: typeLabel },
    regionCode,
    organisationCode,
  };
}

// ---------------------------------------------------------------------------------------------
// Mainland mobile numbers
// ---------------------------------------------------------------------------------------------

export type MobilePhoneFailure = "empty" | "invalid_characters" | "wrong_length" | "invalid_prefix";

export type MobilePhoneResult =
  | { ok: true; /** 11 digits */ value: string; /** +86 and 11 digits */ e164: string }
  | { ok: false; reason: MobilePhoneFailure };

/** Strips separators and a +86 / 0086 / 86 country prefix; returns the remaining characters. */
export function normalisePhone(input: string): string {
  const digits = input.normalize("NFKC").replace(/[\s\-().·]/g, "");
  const match = /^(?:\+86|0086|86)(1\d{10})$/.exec(digits);
  return match ? match[1]! : digits;
}

/** Validates a mainland China mobile number (11 digits, 13x–19x), accepting +86 and separators. */
export function validateMobilePhone(input: string): MobilePhoneResult {
  const value = normalisePhone(input);
  if (value === "") return { ok: false, reason: "empty" };
  if (!/^\d+$/.test(value)) return { ok: false, reason: "invalid_characters" };
  if (value.length !== 11) return { ok: false, reason: "wrong_length" };
  // Mobile numbers open with 1 and a network digit 3–9 (MIIT numbering plan).
  if (!/^1[3-9]/.test(value)) return { ok: false, reason: "invalid_prefix" };
  return { ok: true, value, e164: `+86${value}` };
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses
// ---------------------------------------------------------------------------------------------

export type EmailFailure = "empty" | "too_long" | "missing_at" | "invalid_local_part" | "invalid_domain";

export type EmailResult = { ok: true; value: string } | { ok: false; reason: EmailFailure };

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks that an address is a plausible Internet mailbox (dot-atom local part, DNS host name with
 * a TLD) for electronic service; returns it trimmed with the domain lower-cased.
 */
export function validateEmail(input: string): EmailResult {
  const trimmed = input.normalize("NFKC").trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  if (trimmed.length > 254) return { ok: false, reason: "too_long" };
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return { ok: false, reason: "missing_at" };
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return { ok: false, reason: "invalid_local_part" };
  }
  const labels = domain.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)
  ) {
    return { ok: false, reason: "invalid_domain" };
  }
  return { ok: true, value: `${local}@${domain}` };
}
