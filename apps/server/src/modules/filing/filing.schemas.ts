import { FACTS_MAX_LENGTH } from "@netcourt/shared/filing-checks";
import { z } from "zod";
import { ZVerificationSummary } from "../ledger/index";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));

/** Yuan with at most two decimals, converted to integer fen. */
export const ZYuan = z
  .number()
  .finite()
  .min(0)
  .max(1e13)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: "at most two decimals" })
  .describe("Amount in yuan (two decimals at most)");

export const ZPartyInput = z.strictObject({
  role: z.enum(["plaintiff", "defendant", "third_party"]).describe("Procedural role: 原告, 被告 or 第三人"),
  kind: z
    .enum(["natural_person", "legal_person", "other_organisation"])
    .describe("自然人, 法人 or 非法人组织"),
  name: text(200).describe("Name of the person or organisation"),
  idNumber: optionalText(18).describe(
    "Resident ID number of a natural person (GB 11643, check digit verified)",
  ),
  creditCode: optionalText(18).describe(
    "Unified social credit code of an organisation (GB 32100, check character verified)",
  ),
  legalRepresentative: optionalText(100).describe(
    "Legal representative or person in charge of an organisation",
  ),
  sex: z
    .enum(["male", "female"])
    .nullish()
    .transform((v) => v ?? null)
    .describe("Sex of a natural person"),
  ethnicity: optionalText(20).describe("Ethnicity (民族)"),
  birthDate: z.iso
    .date()
    .nullish()
    .transform((v) => v ?? null)
    .describe("Date of birth (YYYY-MM-DD)"),
  phone: optionalText(20).describe("Phone number"),
  email: optionalText(200).describe("E-mail address"),
  address: optionalText(300).describe("Domicile or registered address"),
  serviceAddress: optionalText(300).describe("Address for service of documents (送达地址)"),
  isFiler: z
    .boolean()
    .default(false)
    .describe("True for the party who is filing in person (the account holder)"),
});

export const ZAgentInput = z.strictObject({
  partyIndex: z
    .number()
    .int()
    .min(0)
    .max(49)
    .describe("Index (0-based) in `parties` of the party represented"),
  kind: z
    .enum(["lawyer", "legal_worker", "relative", "employee", "other"])
    .describe("Kind of agent (民事诉讼法第六十一条)"),
  name: text(100).describe("Agent's name"),
  phone: optionalText(20).describe("Agent's phone"),
  lawFirm: optionalText(200).describe("Law firm of a lawyer"),
  licenceNumber: optionalText(17).describe("Lawyer's practising licence number (17 digits)"),
  isFiler: z.boolean().default(false).describe("True when the account holder files as this agent"),
  powerOfAttorneyAttachmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("Attachment holding the power of attorney (授权委托书)"),
});

export const ZClaimInput = z.strictObject({
  text: text(2000).describe("The claim (诉讼请求) as it should read"),
  amount: ZYuan.nullish()
    .transform((v) => v ?? null)
    .describe("Money asked for by this claim, in yuan"),
});

export const ZEvidenceInput = z.strictObject({
  name: text(500).describe("What the evidence is"),
  source: optionalText(500).describe("Where it comes from"),
  purpose: optionalText(1000).describe("What it proves (证明目的)"),
  attachmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("Uploaded file holding it"),
});

/** The whole complaint as the wizard saves it (民事诉讼法第一百二十四条 lists what it contains). */
export const ZFilingContent = z.strictObject({
  courtId: z.uuid().optional().describe("Court the complaint is addressed to (may change while a draft)"),
  typeCode: z.enum(["民初", "行初"]).optional().describe("Civil or administrative first instance"),
  causeCode: z.string().max(100).nullish().describe("Cause of action id (from /api/causes)"),
  procedure: z
    .enum(["ordinary", "simplified", "small_claims"])
    .nullish()
    .describe("Procedure the plaintiff asks for; the court decides"),
  parties: z.array(ZPartyInput).max(50).default([]).describe("Parties, plaintiffs first"),
  agents: z.array(ZAgentInput).max(20).default([]).describe("Agents ad litem"),
  claims: z.array(ZClaimInput).max(50).default([]).describe("Claims (诉讼请求)"),
  factsAndReasons: z
    .string()
    .max(FACTS_MAX_LENGTH)
    .default("")
    .describe(
      "Facts and reasons (事实与理由); a draft may hold any, submission needs at least 10 characters",
    ),
  evidence: z.array(ZEvidenceInput).max(300).default([]).describe("Evidence list (证据清单)"),
  version: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Version the client edited; a stale version is refused (409)"),
});
export type TFilingContent = z.infer<typeof ZFilingContent>;

export const ZCreateFilingRequest = z.strictObject({
  courtId: z.uuid().describe("Court the complaint is addressed to"),
  typeCode: z.enum(["民初", "行初"]).default("民初").describe("Civil or administrative first instance"),
});

export const ZCaseIdParams = z.strictObject({ caseId: z.uuid().describe("Case id") });
export const ZAttachmentParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  attachmentId: z.uuid().describe("Attachment id"),
});

export const ZAttachment = z.object({
  id: z.uuid().describe("Attachment id"),
  fileName: z.string().describe("File name as uploaded"),
  mediaType: z.string().describe("Media type sniffed from the content"),
  size: z.number().int().describe("Size in bytes"),
  sha256: z.string().describe("SHA-256 of the content (hex)"),
  category: z
    .enum(["complaint", "evidence", "identity", "power_of_attorney", "other"])
    .describe("What the file is"),
  uploadedAt: z.date().describe("When it was uploaded"),
  url: z.string().describe("Where to download it"),
  ledgerVerification: ZVerificationSummary.nullable().describe(
    "Check against the evidence ledger's deposits (核验); null for files attached before it existed",
  ),
});

export const ZFeeQuoteLine = z.object({
  type: z.enum(["charge", "adjustment"]).describe("Adds to the fee, or reduces it"),
  labelZh: z.string(),
  labelEn: z.string(),
  base: z.number().nullable().describe("Amount the rate applies to"),
  rate: z.number().nullable().describe("Rate or factor"),
  amount: z.number().describe("Yuan; negative for reductions"),
  article: z.string().describe("Legal basis as Chinese law cites it (诉讼费用交纳办法 and others)"),
  articleEn: z.string().describe("The same legal basis cited in English"),
});

export const ZFeeState = z.object({
  amount: z.number().describe("Case acceptance fee in yuan"),
  breakdown: z.array(ZFeeQuoteLine).describe("How the fee was computed"),
  status: z.enum(["pending", "paid", "expired", "cancelled"]).describe("Payment state"),
  dueAt: z.date().describe("Last moment to pay (诉讼费用交纳办法第二十二条: 7 days from the notice)"),
  paidAt: z.date().nullable().describe("When it was paid"),
});

export const ZReview = z.object({
  decision: z.enum(["accepted", "correction_requested", "refused"]).describe("Decision of the filing review"),
  items: z.array(z.string()).describe("What must be corrected"),
  reason: z.string().nullable().describe("Reasons"),
  decidedAt: z.date().describe("When"),
  rulingUrl: z.string().nullable().describe("Refusal ruling (DOCX, Chinese)"),
  rulingEnUrl: z.string().nullable().describe("Refusal ruling (DOCX, English translation)"),
});

export const ZFilingView = z.object({
  caseId: z.uuid().describe("Case id"),
  status: z.string().describe("Case status"),
  courtId: z.uuid().describe("Court"),
  typeCode: z.string().describe("Case-type code"),
  causeCode: z.string().nullable().describe("Cause of action id"),
  procedure: z
    .enum(["ordinary", "simplified", "small_claims"])
    .nullable()
    .describe("Procedure asked for or decided"),
  title: z.string().nullable().describe("Case title"),
  caseNumber: z.string().nullable().describe("Case number once registered"),
  filer: z
    .object({
      kind: z.enum(["party", "agent"]).describe("A party in person, or an agent (由代理人代为提交)"),
      name: z.string().describe("Who submits: the party's or the agent's name"),
      agentKind: z
        .enum(["lawyer", "legal_worker", "relative", "employee", "other"])
        .nullable()
        .describe("Kind of agent when an agent submits"),
    })
    .nullable()
    .describe("Who submits the complaint (the account holder, in person or as agent)"),
  content: z
    .object({
      parties: z.array(
        z.object({
          role: z.enum(["plaintiff", "defendant", "third_party"]),
          kind: z.enum(["natural_person", "legal_person", "other_organisation"]),
          name: z.string(),
          idNumber: z
            .string()
            .nullable()
            .describe("Resident ID number; masked unless the caller is this party, the filer or the court"),
          creditCode: z.string().nullable(),
          legalRepresentative: z.string().nullable(),
          sex: z.enum(["male", "female"]).nullable(),
          ethnicity: z.string().nullable(),
          birthDate: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
          address: z.string().nullable(),
          serviceAddress: z.string().nullable(),
          isFiler: z.boolean(),
        }),
      ),
      agents: z.array(
        z.object({
          partyIndex: z.number().int(),
          kind: z.enum(["lawyer", "legal_worker", "relative", "employee", "other"]),
          name: z.string(),
          phone: z.string().nullable(),
          lawFirm: z.string().nullable(),
          licenceNumber: z.string().nullable(),
          isFiler: z.boolean(),
          powerOfAttorneyAttachmentId: z.uuid().nullable(),
        }),
      ),
      claims: z.array(z.object({ text: z.string(), amount: z.number().nullable() })),
      factsAndReasons: z.string(),
      evidence: z.array(
        z.object({
          name: z.string(),
          source: z.string().nullable(),
          purpose: z.string().nullable(),
          attachmentId: z.uuid().nullable(),
        }),
      ),
    })
    .describe("The complaint as saved"),
  attachments: z
    .array(ZAttachment)
    .describe("Uploaded files; ID documents and powers of attorney only for the court and their owner"),
  fee: ZFeeState.nullable().describe("The case acceptance fee once the complaint is submitted"),
  feeEstimate: z
    .object({ amount: z.number(), breakdown: z.array(ZFeeQuoteLine) })
    .nullable()
    .describe("Fee the complaint would cost now"),
  reviews: z.array(ZReview).describe("Decisions of the filing review"),
  queryCode: z.string().nullable().describe("Code for the public progress page (parties only)"),
  missing: z
    .array(z.object({ code: z.string(), path: z.string() }))
    .describe("What the complaint still lacks before it can be submitted"),
  submittedAt: z.date().nullable(),
  reviewDueOn: z.string().nullable().describe("Last day of the registration review"),
  version: z.number().int().describe("Version for optimistic concurrency"),
  actions: z.array(z.string()).describe("What the caller may do next"),
});
export type TFilingView = z.infer<typeof ZFilingView>;

export const ZCorrectionRequest = z.strictObject({
  items: z.array(text(500)).min(1).max(30).describe("What the filer must add or correct (listed items)"),
  note: optionalText(2000).describe("Explanation"),
});

export const ZRefusalRequest = z.strictObject({
  reason: text(5000).describe("Reasons for not accepting the suit"),
  basis: z
    .array(z.enum(["122", "127-1", "127-2", "127-3", "127-4", "127-5", "127-6", "127-7"]))
    .min(1)
    .max(8)
    .describe("Legal grounds: 民事诉讼法第一百二十二条 (conditions of a suit) or an item of 第一百二十七条"),
  judgeId: z
    .uuid()
    .optional()
    .describe(
      "The judge who makes the ruling (民事诉讼法第一百五十七条), required when the reviewer is not a judge and a ground calls for a ruling",
    ),
});

export const ZAcceptRequest = z.strictObject({
  procedure: z
    .enum(["ordinary", "simplified", "small_claims"])
    .optional()
    .describe("Procedure decided by the court (defaults to the one asked for)"),
});

export const ZFeeQuoteQuery = z
  .object({
    kind: z
      .string()
      .describe(
        "property | divorce | personality_rights | other_non_property | intellectual_property | labour | administrative | jurisdiction_objection | enforcement | preservation | payment_order | public_notice | arbitration_review | bankruptcy | maritime_application",
      ),
    amount: z.coerce
      .number()
      .optional()
      .describe("Amount in yuan (property, IP, enforcement, preservation, payment order, bankruptcy)"),
    propertyAmount: z.coerce.number().optional().describe("Divorce: value of the property to divide"),
    damages: z.coerce.number().optional().describe("Personality rights: damages claimed"),
    procedure: z
      .enum(["ordinary", "simplified", "small_claims"])
      .optional()
      .describe("Procedure (simplified and small claims are halved)"),
    resolution: z
      .enum(["judgment", "mediation", "withdrawal"])
      .optional()
      .describe("How the case ended, if known (mediation or withdrawal halves)"),
    subject: z
      .enum(["trademark", "patent", "maritime", "other"])
      .optional()
      .describe("Administrative cases: subject"),
    application: z
      .enum([
        "limitation_fund",
        "injunction",
        "ship_priority_notice",
        "claim_registration",
        "general_average",
      ])
      .optional()
      .describe("Maritime applications: which"),
    baseFee: z.coerce
      .number()
      .optional()
      .describe("Where the law gives a range: the per-case figure the province set"),
  })
  .strict();

export const ZFeeQuote = z.object({
  kind: z.string().describe("Kind of fee"),
  fee: z.number().describe("Fee in yuan"),
  breakdown: z.array(ZFeeQuoteLine).describe("How the fee adds up"),
  range: z
    .object({ min: z.number(), max: z.number() })
    .nullable()
    .describe("Range the law allows, when it gives one"),
  halvedFor: z.string().nullable().describe("Why the fee was halved"),
});

export const ZReviewQueueQuery = z.strictObject({
  courtId: z.uuid().optional().describe("Court (defaults to all courts where the caller is a clerk)"),
  status: z.enum(["under_review", "correction_requested"]).optional().describe("Only this status"),
});

export const ZReviewQueueItem = z.object({
  caseId: z.uuid(),
  courtId: z.uuid(),
  title: z.string().nullable(),
  causeNameZh: z.string().nullable(),
  causeNameEn: z.string().nullable(),
  status: z.string(),
  submittedAt: z.date().nullable(),
  reviewDueOn: z.string().nullable().describe("Last day to decide (民事诉讼法第一百二十六条)"),
  daysLeft: z.number().int().nullable().describe("Calendar days left (negative when overdue)"),
  feeStatus: z.enum(["pending", "paid", "expired", "cancelled"]).nullable(),
  claimTotal: z.number(),
  plaintiffs: z.array(z.string()),
  defendants: z.array(z.string()),
});

export const ZPaymentStart = z.object({
  orderId: z.uuid().describe("Fee order"),
  amount: z.number().describe("Yuan"),
  payUrl: z.string().describe("Where the payer completes the payment"),
});
