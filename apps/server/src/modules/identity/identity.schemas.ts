import { z } from "zod";
import { staffRoles } from "../../platform";

// Lengths are generous upper bounds against abuse; the domain checks (GB 11643, GB 32100, phone,
// e-mail, password policy) run in the commands so every failure gets its own error code.
const ZName = z.string().trim().min(1).max(200);
const ZPassword = z.string().max(1024);

export const ZMembership = z.object({
  courtId: z.string().describe("Court id"),
  courtCode: z.string().describe("Court code used in case numbers, e.g. 浙0192"),
  courtNameZh: z.string().describe("Court name in Chinese"),
  courtNameEn: z.string().describe("Court name in English"),
  role: z.enum(staffRoles).describe("Role held at this court"),
  divisionId: z.string().nullable().describe("Division (庭) of the role, if any"),
});

export const ZMe = z.object({
  id: z.string().describe("Account id"),
  kind: z.enum(["person", "organisation"]).describe("Natural person or organisation"),
  name: z.string().describe("Name of the person or organisation"),
  phone: z.string().describe("Mainland mobile number (11 digits), also the login"),
  email: z.string().nullable().describe("E-mail address (also usable as login)"),
  idNumberMasked: z
    .string()
    .nullable()
    .describe("Resident ID number with the middle digits masked (persons only)"),
  creditCode: z.string().nullable().describe("Unified social credit code (organisations only)"),
  verificationStatus: z
    .enum(["unverified", "pending", "verified", "rejected"])
    .describe("Real-name verification status"),
  isLawyer: z.boolean().describe("True when a lawyer licence number is recorded"),
  lawyerLicenceNumber: z.string().nullable().describe("Lawyer's practising licence number (17 digits)"),
  lawFirm: z.string().nullable().describe("Law firm of the lawyer"),
  locale: z.enum(["zh-CN", "en"]).describe("Preferred language"),
  totpEnabled: z.boolean().describe("True when TOTP two-factor sign-in is enabled"),
  needsSecondFactor: z
    .boolean()
    .describe("True while this session must still pass TOTP (staff, or TOTP enabled)"),
  memberships: z
    .array(ZMembership)
    .describe("Court staff roles; empty until the session has passed the second factor"),
});
export type TMe = z.infer<typeof ZMe>;

export const ZUserResponse = z.object({ user: ZMe.describe("The signed-in account") });

export const ZRegisterPersonRequest = z.strictObject({
  kind: z.literal("person").describe("A natural person"),
  name: ZName.describe("Full name as on the ID card"),
  idNumber: z.string().max(40).describe("18-character resident ID number (GB 11643-1999)"),
  phone: z.string().max(40).describe("Mainland mobile number"),
  email: z.string().max(320).optional().describe("E-mail address (optional)"),
  password: ZPassword.describe("At least 8 characters with letters and digits, not the phone number"),
});

export const ZRegisterOrganisationRequest = z.strictObject({
  kind: z.literal("organisation").describe("A legal person or other organisation"),
  name: ZName.describe("Registered name of the organisation"),
  creditCode: z.string().max(40).describe("18-character unified social credit code (GB 32100-2015)"),
  organisationKind: z
    .enum(["legal_person", "other_organisation"])
    .describe("法人 (legal person) or 其他组织 (other organisation)"),
  legalRepresentative: ZName.describe("Legal representative or person in charge"),
  phone: z.string().max(40).describe("Mainland mobile number of the contact"),
  email: z.string().max(320).optional().describe("E-mail address (optional)"),
  password: ZPassword.describe("At least 8 characters with letters and digits, not the phone number"),
});

export const ZRegisterRequest = z.discriminatedUnion("kind", [
  ZRegisterPersonRequest,
  ZRegisterOrganisationRequest,
]);
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.strictObject({
  login: z.string().trim().min(1).max(320).describe("Mobile number or e-mail address"),
  password: ZPassword.describe("Password"),
});

export const ZTotpSetupResponse = z.object({
  secret: z.string().describe("Base32 TOTP secret to enter into an authenticator app (shown once)"),
  otpauthUrl: z.string().describe("otpauth:// URI for a QR code"),
});

export const ZTotpVerifyRequest = z.strictObject({
  code: z.string().trim().min(1).max(12).describe("Six-digit code from the authenticator app"),
});

export const ZUpdateMeRequest = z.strictObject({
  email: z.string().max(320).nullable().optional().describe("New e-mail address, or null to remove it"),
  locale: z.enum(["zh-CN", "en"]).optional().describe("Preferred language"),
  lawyerLicenceNumber: z
    .string()
    .max(40)
    .nullable()
    .optional()
    .describe("Lawyer's practising licence number (17 digits), or null to remove it"),
  lawFirm: z.string().trim().max(200).nullable().optional().describe("Law firm, or null to remove it"),
});

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: ZPassword.describe("The current password"),
  newPassword: ZPassword.describe("The new password (same policy as at registration)"),
});

export const ZDocumentSide = z.enum(["front", "back"]);

export const ZUploadDocumentResponse = z.object({
  sha256: z.string().describe("SHA-256 of the stored image; pass it when submitting the verification"),
  side: ZDocumentSide.describe("Which side of the ID document the image shows"),
});

const ZSha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe("SHA-256 returned by the upload");

export const ZSubmitVerificationRequest = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("clerk_review").describe("A clerk compares the uploaded ID images"),
    frontSha256: ZSha256.describe("Image of the ID card's front (or business licence)"),
    backSha256: ZSha256.optional().describe("Image of the ID card's back"),
  }),
  z.strictObject({
    method: z.literal("external").describe("Checked at once by the configured face/ID verification service"),
  }),
]);

export const ZVerification = z.object({
  id: z.string().describe("Verification id"),
  method: z.enum(["clerk_review", "external"]).describe("How the account is verified"),
  status: z.enum(["pending", "approved", "rejected"]).describe("Decision"),
  reason: z.string().nullable().describe("Why it was rejected"),
  createdAt: z.string().describe("When it was submitted (ISO 8601)"),
  decidedAt: z.string().nullable().describe("When it was decided (ISO 8601)"),
});
export type TVerification = z.infer<typeof ZVerification>;

export const ZVerificationResponse = z.object({ verification: ZVerification.describe("The verification") });

export const ZVerificationListQuery = z.strictObject({
  status: z.enum(["pending", "approved", "rejected"]).default("pending").describe("Which verifications"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe("Page number, from 1"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page (max 100)"),
});

export const ZVerificationListItem = z.object({
  id: z.string().describe("Verification id"),
  userId: z.string().describe("Account id"),
  userName: z.string().describe("Account name"),
  userKind: z.enum(["person", "organisation"]).describe("Natural person or organisation"),
  idNumberMasked: z.string().nullable().describe("Masked resident ID number (persons)"),
  creditCode: z.string().nullable().describe("Unified social credit code (organisations)"),
  method: z.enum(["clerk_review", "external"]).describe("Verification method"),
  status: z.enum(["pending", "approved", "rejected"]).describe("Decision"),
  createdAt: z.string().describe("Submitted at (ISO 8601)"),
});

export const ZVerificationList = z.object({
  items: z.array(ZVerificationListItem).describe("One page of verifications"),
  total: z.number().int().describe("Number of verifications in this status"),
});

export const ZVerificationDetail = ZVerification.extend({
  userId: z.string().describe("Account id"),
  userName: z.string().describe("Account name"),
  userKind: z.enum(["person", "organisation"]).describe("Natural person or organisation"),
  idNumber: z.string().nullable().describe("Full resident ID number (persons)"),
  creditCode: z.string().nullable().describe("Unified social credit code (organisations)"),
  organisationKind: z
    .enum(["legal_person", "other_organisation"])
    .nullable()
    .describe("Kind of organisation (organisations)"),
  legalRepresentative: z.string().nullable().describe("Legal representative (organisations)"),
  phone: z.string().describe("Mobile number of the account"),
  hasFront: z.boolean().describe("True when a front image was submitted"),
  hasBack: z.boolean().describe("True when a back image was submitted"),
  provider: z.string().nullable().describe("External verification service, if used"),
  providerReference: z.string().nullable().describe("The service's reference of the check"),
  providerScore: z.number().nullable().describe("Similarity reported by the service (0–1)"),
  reviewerId: z.string().nullable().describe("Staff member who decided"),
  reviewerName: z.string().nullable().describe("Name of the staff member who decided"),
  canDecide: z.boolean().describe("True when the caller may approve or reject it now"),
});

export const ZVerificationIdParams = z.strictObject({
  id: z.string().max(100).describe("Verification id"),
});

export const ZVerificationFileParams = z.strictObject({
  id: z.string().max(100).describe("Verification id"),
  side: ZDocumentSide.describe("Which image"),
});

export const ZRejectVerificationRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe("Why the verification is rejected (shown to the account)"),
});

export const ZEmptyBody = z.strictObject({}).optional();
