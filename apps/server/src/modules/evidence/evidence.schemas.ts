import { z } from "zod";
import { ZVerificationSummary } from "../ledger/index";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("A court day, YYYY-MM-DD");
const ZPartyChoice = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null)
  .describe("The party acting, when the caller acts for several (omit otherwise)");

export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case id") });
export const ZItemParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  itemId: z
    .uuid()
    .describe(
      "Item of evidence (a catalogue item, or an item of the evidence list filed with the complaint)",
    ),
});
export const ZFileParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  fileId: z.uuid().describe("File of an item of evidence"),
});
export const ZItemFileParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  itemId: z.uuid().describe("Catalogue item"),
  fileId: z.uuid().describe("File of the item"),
});
export const ZRequestParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  requestId: z.uuid().describe("Request for more time or for leave to submit late"),
});

export const ZSetPeriodRequest = z.strictObject({
  kind: z
    .enum(["evidence", "cross_examination"])
    .describe(
      "举证期限 (民事诉讼法第六十八条) or the period for online cross-examination (在线诉讼规则第十四条)",
    ),
  days: z
    .number()
    .int()
    .min(1)
    .max(365)
    .describe("Length in days from today; the procedure bounds the evidence period (民诉法解释第九十九条)"),
});

export const ZItemRequest = z.strictObject({
  partyId: ZPartyChoice,
  title: text(200).describe("Name of the item (证据名称)"),
  source: text(200).describe("Where it comes from (证据来源)"),
  purpose: text(1000).describe("What it is offered to prove (证明对象)"),
});

export const ZItemPatch = z.strictObject({
  title: text(200).optional().describe("Name of the item"),
  source: text(200).optional().describe("Where it comes from"),
  purpose: text(1000).optional().describe("What it is offered to prove"),
});

export const ZSubmitRequest = z.strictObject({ partyId: ZPartyChoice });

export const ZTimeRequest = z.strictObject({
  partyId: ZPartyChoice,
  kind: z
    .enum(["extension", "late_submission"])
    .describe("Extension before the period ends (民诉法解释第一百条) or leave to submit late (第一百零一条)"),
  until: ZIsoDate.describe("The last day asked for"),
  reason: text(2000).describe("Why the evidence cannot be given in time"),
});

export const ZRequestDecision = z.strictObject({
  grant: z.boolean().describe("Grant or refuse"),
  until: ZIsoDate.nullish()
    .transform((v) => v ?? null)
    .describe("The last day granted (defaults to the day asked for)"),
  reason: optionalText(2000).describe("The court's reasons"),
});

const ZAnswer = z.enum(["admit", "dispute"]);
export const ZOpinionRequest = z.strictObject({
  partyId: ZPartyChoice,
  authenticity: ZAnswer.describe("真实性: admitted or disputed"),
  authenticityReason: optionalText(2000).describe("Reasons on authenticity"),
  ledgerGround: z
    .enum(["altered_after_deposit", "untrue_before_deposit"])
    .nullish()
    .transform((v) => v ?? null)
    .describe(
      "For a ledger-verified item whose authenticity is disputed: altered after the deposit (在线诉讼规则第十七条) or untrue before it (第十八条)",
    ),
  legality: ZAnswer.describe("合法性: admitted or disputed"),
  legalityReason: optionalText(2000).describe("Reasons on legality"),
  relevance: ZAnswer.describe("关联性: admitted or disputed"),
  relevanceReason: optionalText(2000).describe("Reasons on relevance"),
});

export const ZDecisionRequest = z.strictObject({
  decision: z.enum(["admitted", "not_admitted"]).describe("采纳 or 不予采纳"),
  reason: optionalText(2000).describe("The reasons (required to refuse, 证据规定第八十五条)"),
});

const ZPeriod = z
  .object({
    startsOn: z.string().describe("The day it was set"),
    endsOn: z.string().describe("The last day"),
    days: z.number().int().describe("Length set, in days"),
    basis: z.string().describe("The article it was set under"),
    basisEn: z.string().describe("The same citation in English (a courtesy; the Chinese is the legal text)"),
    extendedCount: z.number().int().describe("Extensions granted"),
    isOver: z.boolean().describe("The period has ended"),
  })
  .nullable();

const ZOpinion = z.object({
  partyId: z.uuid().describe("The party that gave it"),
  partyName: z.string().describe("Its name"),
  authenticity: ZAnswer,
  authenticityReason: z.string().nullable(),
  ledgerGround: z.enum(["altered_after_deposit", "untrue_before_deposit"]).nullable(),
  legality: ZAnswer,
  legalityReason: z.string().nullable(),
  relevance: ZAnswer,
  relevanceReason: z.string().nullable(),
  givenAt: z.date(),
});

export const ZEvidenceItem = z.object({
  id: z.uuid().describe("Item id"),
  origin: z.enum(["filing", "catalogue"]).describe("Listed in the complaint, or added to a catalogue"),
  number: z.int().describe("Number within its party's catalogue"),
  partyId: z.uuid().describe("The party offering it"),
  partyName: z.string(),
  role: z.enum(["plaintiff", "defendant", "third_party"]),
  title: z.string(),
  source: z.string().nullable(),
  purpose: z.string().nullable(),
  status: z.enum(["draft", "submitted"]),
  isLate: z.boolean().describe("Submitted after the period with leave (民诉法解释第一百零二条)"),
  submittedAt: z.date().nullable(),
  files: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      uploadedAt: z.date(),
      url: z.string().describe("Download"),
      ledgerVerification: ZVerificationSummary.nullable(),
    }),
  ),
  isLedgerVerified: z.boolean().describe("Every file verified against the evidence ledger"),
  opinions: z.array(ZOpinion).describe("The other side's opinions (质证意见)"),
  decision: z
    .object({
      decision: z.enum(["admitted", "not_admitted"]),
      reason: z.string().nullable(),
      decidedAt: z.date(),
    })
    .nullable()
    .describe("The judge's decision"),
  actions: z.array(z.enum(["edit", "withdraw", "add_file", "give_opinion", "decide"])),
});
export type TEvidenceItem = z.infer<typeof ZEvidenceItem>;

const ZRequestView = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  partyName: z.string(),
  kind: z.enum(["extension", "late_submission"]),
  reason: z.string(),
  requestedUntil: z.string(),
  status: z.enum(["pending", "granted", "refused"]),
  grantedUntil: z.string().nullable(),
  decisionReason: z.string().nullable(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
});

export const ZEvidenceView = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string().describe("Case status"),
  procedure: z.enum(["ordinary", "simplified", "small_claims"]).nullable(),
  periods: z.object({ evidence: ZPeriod, crossExamination: ZPeriod }),
  parties: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: z.enum(["plaintiff", "defendant", "third_party"]),
      isMine: z.boolean().describe("The caller is this party or its agent"),
    }),
  ),
  myParties: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: z.enum(["plaintiff", "defendant", "third_party"]),
      submissionWindow: z.enum(["open", "late_with_leave", "expired"]),
    }),
  ),
  items: z.array(ZEvidenceItem),
  requests: z.array(ZRequestView),
  isStaff: z.boolean(),
  actions: z.array(
    z.enum([
      "set_evidence_period",
      "set_cross_examination_period",
      "decide_requests",
      "add_item",
      "request_extension",
      "request_late_submission",
    ]),
  ),
});
export type TEvidenceView = z.infer<typeof ZEvidenceView>;

export const ZEvidenceReview = z.object({
  caseId: z.uuid(),
  parties: z.array(
    z.object({ id: z.uuid(), name: z.string(), role: z.enum(["plaintiff", "defendant", "third_party"]) }),
  ),
  rows: z.array(
    z.object({
      item: ZEvidenceItem,
      opinions: z.array(z.object({ partyId: z.uuid(), opinion: ZOpinion.nullable() })),
      disputed: z.boolean().describe("A party disputed authenticity, legality or relevance"),
    }),
  ),
});
export type TEvidenceReview = z.infer<typeof ZEvidenceReview>;
