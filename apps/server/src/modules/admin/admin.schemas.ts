import { z } from "zod";
import { staffRoles } from "../../platform";

export const divisionKinds = [
  "filing",
  "civil",
  "administrative",
  "criminal",
  "enforcement",
  "mediation",
  "management",
  "other",
] as const;
export const courtLevels = ["supreme", "high", "intermediate", "basic"] as const;

const ZCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}_-]+$/u, "letters, digits, - and _");
const ZLabel = z.string().trim().min(1).max(200);

/** The link's token: 32 random bytes in base64url. */
export const ZInvitationTokenParams = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .describe("The invitation token from the link /invite/<token>"),
});

export const ZInvitationView = z.object({
  purpose: z
    .enum(["staff_enrolment", "second_factor_reset"])
    .describe("A first enrolment, or new credentials after the administrator reset the second factor"),
  nameMasked: z.string().describe("The invitee's name with all but the first character masked"),
  phoneMasked: z
    .string()
    .describe("The invitee's mobile number (also the login) with the middle digits masked"),
  courtCode: z.string().describe("Court code, e.g. 浙0192"),
  courtNameZh: z.string().describe("Court name in Chinese"),
  courtNameEn: z.string().describe("Court name in English"),
  roles: z.array(z.enum(staffRoles)).describe("Roles the invitee holds at the court"),
  expiresAt: z.iso.datetime().describe("When the link stops working"),
  totp: z
    .object({
      secret: z.string().describe("Base32 TOTP secret to enter in an authenticator app"),
      otpauthUrl: z.string().describe("otpauth:// URI to show as a QR code"),
    })
    .describe("The TOTP secret issued with this invitation"),
});

export const ZAcceptInvitationRequest = z.strictObject({
  password: z
    .string()
    .max(1024)
    .describe("New password: at least 8 characters with letters and digits, not the phone number"),
  code: z.string().max(20).describe("A current 6-digit code from the authenticator app"),
});

export const ZAcceptedInvitation = z.object({
  userId: z.string().describe("The account, now signed in with the second factor passed"),
});

export const ZAdminCourtParams = z.strictObject({ courtId: z.uuid().describe("Court id") });
export const ZAdminStaffParams = z.strictObject({
  courtId: z.uuid().describe("Court id"),
  userId: z.uuid().describe("Account id of the staff member"),
});

export const ZDivision = z.object({
  id: z.string().describe("Division id"),
  code: z.string().describe("Short code, e.g. MS1"),
  nameZh: z.string().describe("Name in Chinese, e.g. 民事审判第一庭"),
  nameEn: z.string().describe("Name in English"),
  kind: z.enum(divisionKinds).describe("Kind of division"),
});

export const ZAdminCourt = z.object({
  id: z.string().describe("Court id"),
  code: z.string().describe("Court code"),
  nameZh: z.string().describe("Court name in Chinese"),
  nameEn: z.string().describe("Court name in English"),
  divisions: z.array(ZDivision).describe("The court's divisions"),
});

export const ZAddDivisionRequest = z.strictObject({
  code: ZCode.describe("Short code, unique in the court, e.g. MS3"),
  nameZh: ZLabel.describe("Name in Chinese"),
  nameEn: ZLabel.describe("Name in English"),
  kind: z.enum(divisionKinds).describe("Kind of division"),
});

export const ZStaffMember = z.object({
  userId: z.string().describe("Account id"),
  name: z.string().describe("Name"),
  phoneMasked: z.string().describe("Mobile number with the middle digits masked"),
  role: z.enum(staffRoles).describe("Role at the court"),
  divisionId: z.string().nullable().describe("Division of the role"),
  divisionCode: z.string().nullable().describe("Code of that division"),
  titleZh: z.string().nullable().describe("Title in Chinese"),
  titleEn: z.string().nullable().describe("Title in English"),
  isActive: z.boolean().describe("False once deactivated"),
  status: z
    .enum(["active", "invited", "invitation_expired", "needs_invitation", "deactivated"])
    .describe(
      "active: can sign in with TOTP; invited: an open invitation; invitation_expired: reset to send a new one; " +
        "needs_invitation: no usable second factor and no open invitation; deactivated",
    ),
  invitationExpiresAt: z.iso.datetime().nullable().describe("When the open invitation expires"),
  actions: z
    .array(z.enum(["deactivate", "reset_second_factor"]))
    .describe("What the caller may do with this member next"),
});

export const ZStaffRoster = z.object({ items: z.array(ZStaffMember).describe("Memberships, active first") });

export const ZInviteStaffRequest = z.strictObject({
  role: z.enum(staffRoles).describe("Role at the court"),
  divisionId: z.uuid().nullable().optional().describe("Division of the role (optional)"),
  name: ZLabel.describe("Full name as on the ID card"),
  idNumber: z.string().max(40).describe("18-character resident ID number (GB 11643-1999)"),
  phone: z.string().max(40).describe("Mainland mobile number: the login"),
  email: z.string().max(320).nullable().optional().describe("E-mail address (optional, also a login)"),
  titleZh: z.string().trim().max(100).nullable().optional().describe("Title in Chinese, e.g. 审判员"),
  titleEn: z.string().trim().max(100).nullable().optional().describe("Title in English"),
});

export const ZIssuedInvitation = z.object({
  userId: z.string().describe("The staff member's account"),
  url: z.string().describe("The one-time invitation link; shown only now, never stored"),
  expiresAt: z.iso.datetime().describe("When the link stops working"),
});

export const ZCourtImport = z
  .array(
    z.strictObject({
      code: ZCode,
      nameZh: ZLabel,
      nameEn: ZLabel,
      level: z.enum(courtLevels),
      parentCode: ZCode.nullable(),
      isInternetCourt: z.boolean().default(false),
      provinceZh: z.string().trim().max(50).nullable().default(null),
      provinceEn: z.string().trim().max(50).nullable().default(null),
      addressZh: z.string().trim().max(200).nullable().default(null),
      smallClaimsLimitYuan: z.number().nonnegative().max(1e9).nullable().default(null),
      smallClaimsBasis: z.string().trim().max(500).nullable().optional(),
    }),
  )
  .max(5000);
