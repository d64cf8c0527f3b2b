import { randomUUID } from "node:crypto";
import type { ErrorCode, ErrorDetail } from "@netcourt/shared";
import {
  AppError,
  driverErrorCode,
  writeAuditEvent,
  type CommandMeta,
  type Executor,
} from "../../../platform";
import {
  validateCreditCode,
  validateEmail,
  validateMobilePhone,
  validateResidentIdNumber,
} from "../identity.rules";
import { insertUser, findTakenIdentifiers, type NewUser } from "../identity.repository";
import { hashPassword } from "../password";
import { checkPasswordPolicy } from "../password.rules";
import { decodeBase32 } from "../totp";
import type { SecretBox } from "../../../platform/ports/index";

/** A new account's identity: a natural person (居民身份证) or an organisation (统一社会信用代码). */
export type AccountIdentity =
  | { kind: "person"; name: string; idNumber: string }
  | {
      kind: "organisation";
      name: string;
      creditCode: string;
      organisationKind: "legal_person" | "other_organisation";
      legalRepresentative: string;
    };

/** Everything needed to create an account; the password is given in clear and hashed here. */
export type CreateAccountInput = AccountIdentity & {
  phone: string;
  email?: string | null;
  password: string;
  locale?: "zh-CN" | "en";
  /** Base32 TOTP secret to enable at once (demo staff); otherwise TOTP is set up at first sign-in. */
  totpSecret?: string | null;
  /** Mark the account real-name verified at once (demo data and accounts created by a court). */
  isVerified?: boolean;
  lawyerLicenceNumber?: string | null;
  lawFirm?: string | null;
};

const LAWYER_LICENCE = /^\d{17}$/;

function issue(code: ErrorCode, path: string, reason: string): { code: ErrorCode; detail: ErrorDetail } {
  return { code, detail: { path, code: reason, message: reason } };
}

/** Throws the first failure's code with every failure in the details (so a form can mark all fields). */
function throwIssues(issues: Array<{ code: ErrorCode; detail: ErrorDetail }>): void {
  if (issues.length > 0) {
    throw new AppError(
      issues[0]!.code,
      issues.map((i) => ({ ...i.detail, params: { error: i.code } })),
    );
  }
}

/** Normalises and checks a lawyer licence number; null clears it. Throws `lawyer_licence_invalid`. */
export function normaliseLawyerLicence(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const value = input.normalize("NFKC").replace(/\s+/g, "");
  if (value === "") return null;
  // 律师执业管理办法: the practising certificate number has 17 digits.
  if (!LAWYER_LICENCE.test(value)) {
    throw new AppError("lawyer_licence_invalid", [
      { path: "lawyerLicenceNumber", code: "wrong_format", message: "17 digits" },
    ]);
  }
  return value;
}

/** Checks the identity, contact and password fields; returns the normalised values. */
export function validateAccountInput(input: CreateAccountInput, now: Date) {
  const issues: Array<{ code: ErrorCode; detail: ErrorDetail }> = [];
  const name = input.name.normalize("NFC").trim();
  if (name.length === 0 || name.length > 200) issues.push(issue("validation_failed", "name", "length"));
  let idNumber: string | null = null;
  let creditCode: string | null = null;
  let legalRepresentative: string | null = null;
  if (input.kind === "person") {
    const id = validateResidentIdNumber(input.idNumber, now);
    if (id.ok) idNumber = id.value;
    else issues.push(issue("id_number_invalid", "idNumber", id.reason));
  } else {
    const code = validateCreditCode(input.creditCode);
    if (code.ok) creditCode = code.value;
    else issues.push(issue("credit_code_invalid", "creditCode", code.reason));
    legalRepresentative = input.legalRepresentative.normalize("NFC").trim();
    if (legalRepresentative.length === 0 || legalRepresentative.length > 200)
      issues.push(issue("validation_failed", "legalRepresentative", "length"));
  }
  const phone = validateMobilePhone(input.phone);
  if (!phone.ok) issues.push(issue("phone_invalid", "phone", phone.reason));
  let email: string | null = null;
  if (input.email !== undefined && input.email !== null && input.email.trim() !== "") {
    const checked = validateEmail(input.email);
    if (checked.ok) email = checked.value;
    else issues.push(issue("email_invalid", "email", checked.reason));
  }
  for (const failure of checkPasswordPolicy(input.password, phone.ok ? phone.value : null)) {
    issues.push(issue("password_too_weak", "password", failure));
  }
  let totpSecret: string | null = null;
  if (input.totpSecret) {
    const decoded = decodeBase32(input.totpSecret);
    // RFC 4226 §4: at least 128 bits of shared secret.
    if (!decoded || decoded.length < 16) issues.push(issue("validation_failed", "totpSecret", "invalid"));
    else totpSecret = input.totpSecret.replace(/[\s=-]/g, "").toUpperCase();
  }
  let lawyerLicenceNumber: string | null = null;
  try {
    lawyerLicenceNumber = normaliseLawyerLicence(input.lawyerLicenceNumber);
  } catch (error) {
    if (error instanceof AppError) issues.push({ code: error.code, detail: error.details[0]! });
    else throw error;
  }
  if (lawyerLicenceNumber !== null && input.kind !== "person") {
    issues.push(issue("lawyer_must_be_person", "lawyerLicenceNumber", "organisation"));
  }
  throwIssues(issues);
  return {
    name,
    idNumber,
    creditCode,
    legalRepresentative,
    phone: phone.ok ? phone.value : "",
    email,
    totpSecret,
    lawyerLicenceNumber,
    lawFirm: input.lawFirm?.trim() || null,
  };
}

const takenCodes = {
  phone: "phone_taken",
  email: "email_taken",
  idNumber: "id_number_taken",
  creditCode: "credit_code_taken",
} as const satisfies Record<string, ErrorCode>;

/** Throws the specific `*_taken` code (409) for the first identifier another account holds. */
export async function assertIdentifiersFree(
  db: Executor,
  identifiers: {
    phone?: string;
    email?: string | null;
    idNumber?: string | null;
    creditCode?: string | null;
  },
  exceptUserId?: string,
): Promise<void> {
  const taken = await findTakenIdentifiers(db, identifiers, exceptUserId);
  if (taken.length > 0) {
    throw new AppError(
      takenCodes[taken[0]!],
      taken.map((field) => ({ path: field, code: takenCodes[field], message: "taken" })),
    );
  }
}

const uniqueIndexes: Record<string, ErrorCode> = {
  users_phone_key: "phone_taken",
  users_email_key: "email_taken",
  users_id_number_key: "id_number_taken",
  users_credit_code_key: "credit_code_taken",
};

/** Turns a unique violation on one of the account identifiers (a concurrent registration) into its code. */
export function fromUniqueViolation(error: unknown): unknown {
  if (driverErrorCode(error) !== "23505") return error;
  const constraint = (error as { constraint?: unknown }).constraint;
  const code = typeof constraint === "string" ? uniqueIndexes[constraint] : undefined;
  return code ? new AppError(code, [], { cause: error }) : error;
}

/**
 * Validates the input, checks uniqueness, hashes the password and seals a given TOTP secret (which
 * then needs `totpSecrets`): everything before the insert.
 */
export async function prepareAccount(
  db: Executor,
  input: CreateAccountInput,
  now: Date,
  totpSecrets?: SecretBox,
): Promise<NewUser> {
  const valid = validateAccountInput(input, now);
  await assertIdentifiersFree(db, valid);
  if (valid.totpSecret && !totpSecrets) throw new Error("a TOTP secret needs the TOTP key box to be stored");
  const id = randomUUID();
  return {
    id,
    kind: input.kind,
    name: valid.name,
    idNumber: valid.idNumber,
    creditCode: valid.creditCode,
    organisationKind: input.kind === "organisation" ? input.organisationKind : null,
    legalRepresentative: valid.legalRepresentative,
    phone: valid.phone,
    email: valid.email,
    passwordHash: await hashPassword(input.password),
    totpSecret: valid.totpSecret && totpSecrets ? totpSecrets.seal(valid.totpSecret, id) : null,
    totpEnabledAt: valid.totpSecret ? now : null,
    verifiedAt: input.isVerified ? now : null,
    lawyerLicenceNumber: valid.lawyerLicenceNumber,
    lawFirm: valid.lawFirm,
    locale: input.locale ?? "zh-CN",
    now,
  };
}

/** Inserts a prepared account and its audit event in the caller's transaction. */
export async function insertAccount(
  trx: Executor,
  meta: CommandMeta,
  user: NewUser,
  action: "identity.account_registered" | "identity.account_created",
): Promise<string> {
  let userId: string;
  try {
    userId = await insertUser(trx, user);
  } catch (error) {
    throw fromUniqueViolation(error);
  }
  await writeAuditEvent(trx, meta, {
    action,
    subjectType: "user",
    subjectId: userId,
    data: {
      kind: user.kind,
      isVerified: user.verifiedAt !== null,
      hasTotp: user.totpEnabledAt !== null,
      isLawyer: user.lawyerLicenceNumber !== null,
    },
  });
  return userId;
}

/**
 * Creates an account in the caller's transaction (demo seed, accounts set up by a court). Throws the
 * field codes (`id_number_invalid`, `credit_code_invalid`, `phone_invalid`, `email_invalid`,
 * `password_too_weak`, `lawyer_licence_invalid`) and the `*_taken` conflicts.
 */
export async function createAccount(
  trx: Executor,
  meta: CommandMeta,
  input: CreateAccountInput,
  options: { totpSecrets?: SecretBox } = {},
): Promise<{ userId: string }> {
  const user = await prepareAccount(trx, input, meta.now, options.totpSecrets);
  return { userId: await insertAccount(trx, meta, user, "identity.account_created") };
}
