import type { ErrorDefinition } from "./types";

/**
 * Errors of the identity context: accounts, sign-in, second factor, real-name verification.
 * Field errors carry `details[].path` (the request field) and `details[].code` (the precise reason).
 */
export const identityErrors = {
  /** The resident ID number fails GB 11643-1999 (length, region, birth date or check digit; see details). */
  id_number_invalid: {
    status: 400,
    zh: "公民身份号码无效，请核对",
    en: "The resident ID number is invalid",
  },
  /** The unified social credit code fails GB 32100-2015 (see details for the failing part). */
  credit_code_invalid: {
    status: 400,
    zh: "统一社会信用代码无效，请核对",
    en: "The unified social credit code is invalid",
  },
  /** Not a mainland mobile number (11 digits starting 13–19). */
  phone_invalid: { status: 400, zh: "手机号码无效", en: "The mobile phone number is invalid" },
  /** Not a usable e-mail address. */
  email_invalid: { status: 400, zh: "电子邮箱地址无效", en: "The e-mail address is invalid" },
  /** The password breaks the policy: at least 8 characters, letters and digits, not the phone number. */
  password_too_weak: {
    status: 400,
    zh: "密码强度不足：至少 8 位，须同时包含字母和数字，且不能包含手机号",
    en: "Password too weak: at least 8 characters with letters and digits, not containing the phone number",
  },
  /** A lawyer's practising licence number has 17 digits. */
  lawyer_licence_invalid: {
    status: 400,
    zh: "律师执业证号应为 17 位数字",
    en: "A lawyer licence number has 17 digits",
  },
  /** Only a natural person can hold a lawyer's licence. */
  lawyer_must_be_person: {
    status: 400,
    zh: "只有自然人账户可以登记律师执业信息",
    en: "Only a natural person can record a lawyer licence",
  },
  /** An account with this mobile number exists. */
  phone_taken: { status: 409, zh: "该手机号已注册", en: "This mobile number is already registered" },
  /** An account with this e-mail address exists. */
  email_taken: { status: 409, zh: "该电子邮箱已注册", en: "This e-mail address is already registered" },
  /** An account with this resident ID number exists. */
  id_number_taken: {
    status: 409,
    zh: "该公民身份号码已注册",
    en: "An account with this ID number already exists",
  },
  /** An account with this unified social credit code exists. */
  credit_code_taken: {
    status: 409,
    zh: "该统一社会信用代码已注册",
    en: "An account with this credit code already exists",
  },
  /** Wrong login or password (deliberately does not say which). */
  invalid_credentials: {
    status: 401,
    zh: "账号或密码错误",
    en: "Incorrect login or password",
  },
  /** The current password given to change the password is wrong. */
  current_password_incorrect: {
    status: 400,
    zh: "当前密码不正确",
    en: "The current password is incorrect",
  },
  /** TOTP is already enabled; a new secret cannot be issued by the account itself. */
  totp_already_enabled: {
    status: 409,
    zh: "已启用动态口令，不能重新设置",
    en: "TOTP is already enabled for this account",
  },
  /** No TOTP secret has been set up yet; call the setup endpoint first. */
  totp_not_set_up: {
    status: 409,
    zh: "尚未设置动态口令",
    en: "TOTP has not been set up for this account",
  },
  /** The TOTP code is wrong or outside the allowed time window. */
  totp_code_invalid: { status: 400, zh: "动态口令不正确", en: "The TOTP code is incorrect" },
  /** The TOTP code was already used; wait for the next one. */
  totp_code_reused: {
    status: 400,
    zh: "该动态口令已使用，请等待下一个口令",
    en: "This TOTP code was already used; wait for the next one",
  },
  /**
   * Court staff (and any account that must use TOTP) enrol their second factor only through an
   * invitation from their court's administrator, never from a password-only session.
   */
  second_factor_enrolment_requires_invitation: {
    status: 403,
    zh: "法院工作人员须通过管理员发出的邀请链接设置动态口令",
    en: "Court staff set up TOTP only through an invitation from their court administrator",
  },
  /** No invitation behind this link (mistyped, or replaced by a newer one). */
  invitation_not_found: { status: 404, zh: "邀请链接无效", en: "This invitation link is not valid" },
  /** The invitation's time ran out; ask the court administrator for a new one. */
  invitation_expired: {
    status: 410,
    zh: "邀请链接已过期，请联系法院管理员重新发送",
    en: "This invitation has expired; ask your court administrator for a new one",
  },
  /** The invitation was already used to set up the account. */
  invitation_used: { status: 409, zh: "邀请链接已使用", en: "This invitation has already been used" },
  /** The stored TOTP secret cannot be decrypted with the configured keys (wrong or missing key). */
  totp_key_unavailable: {
    status: 500,
    zh: "动态口令密钥不可用，请联系系统管理员",
    en: "The TOTP encryption key is not available; contact the system administrator",
  },
  /** The account is already real-name verified. */
  already_verified: { status: 409, zh: "账户已完成实名认证", en: "The account is already verified" },
  /** A verification of this account is waiting for a decision. */
  verification_pending: {
    status: 409,
    zh: "已有待审核的实名认证申请",
    en: "A verification request is already pending",
  },
  /** The verification method does not apply to this kind of account. */
  verification_method_unavailable: {
    status: 400,
    zh: "该账户类型不能使用此认证方式",
    en: "This verification method is not available for this account",
  },
  /** The referenced ID image was not uploaded by this account for that side. */
  verification_file_unknown: {
    status: 400,
    zh: "未找到上传的证件照片，请重新上传",
    en: "The ID image was not found; upload it again",
  },
  /** ID documents must be PNG, JPEG, WebP or HEIC images. */
  id_document_type_not_allowed: {
    status: 415,
    zh: "证件照片仅支持 PNG、JPEG、WebP、HEIC 格式",
    en: "ID images must be PNG, JPEG, WebP or HEIC",
  },
  /** No such verification, or not visible to the caller. */
  verification_not_found: {
    status: 404,
    zh: "实名认证申请不存在",
    en: "Verification request not found",
  },
  /** The verification was already approved or rejected. */
  verification_already_decided: {
    status: 409,
    zh: "该实名认证申请已处理",
    en: "This verification request was already decided",
  },
  /** Staff may not decide their own verification. */
  verification_self_review: {
    status: 403,
    zh: "不能审核本人的实名认证申请",
    en: "You cannot review your own verification",
  },
} as const satisfies Record<string, ErrorDefinition>;
