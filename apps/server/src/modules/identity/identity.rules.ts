// Identity checks for real-name verification: resident ID numbers, unified social credit codes,
// mainland mobile numbers and e-mail addresses. Pure functions; every failure carries a stable
// reason code that the UI translates. `now` is a parameter wherever "today" matters.

import {
  checkCreditCode,
  checkResidentIdNumber,
  compactIdentifier,
  type CreditCodeCheckFailure,
  type ResidentIdCheckFailure,
} from "@netcourt/shared/identity-checks";

// ---------------------------------------------------------------------------------------------
// Resident identity card number — GB 11643-1999 公民身份号码
// ---------------------------------------------------------------------------------------------

export type ResidentIdFailure = ResidentIdCheckFailure;

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

/**
 * Validates an 18-character resident ID number (GB 11643-1999) and reads its birth date, sex and
 * address code. The checks (region, birth date, MOD 11-2 check digit) are the shared ones the
 * browser runs too (packages/shared/src/identity-checks.ts).
 */
export function validateResidentIdNumber(input: string, now: Date): ResidentIdResult {
  const check = checkResidentIdNumber(input, now);
  return check.ok ? { ...check, regionCode: check.value.slice(0, 6) } : check;
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code — GB 32100-2015 法人和其他组织统一社会信用代码编码规则
// ---------------------------------------------------------------------------------------------

export type CreditCodeFailure =
  CreditCodeCheckFailure | "invalid_registration_authority" | "invalid_entity_type";

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

/**
 * Validates an 18-character unified social credit code (GB 32100-2015) and names its parts. The code
 * set, region and both check characters are the shared checks the browser runs too; the server also
 * knows the registration authorities and entity types of 表1 and names them.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const check = checkCreditCode(input);
  if (!check.ok && ["empty", "wrong_length", "invalid_characters"].includes(check.reason)) return check;
  const value = compactIdentifier(input);
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
  if (!check.ok) return check;
  return {
    ok: true,
    value,
    registrationAuthority: { code: authorityCode, label: authority.label },
    entityType: { code: typeCode, label: typeLabel },
    regionCode: value.slice(2, 8),
    organisationCode: value.slice(8, 17),
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
