import { z } from "zod";
import { caseStatuses } from "./cases.rules";

export const ZCaseStatus = z
  .enum(caseStatuses as [string, ...string[]])
  .describe("Status in the case lifecycle");

export const ZParty = z.object({
  id: z.uuid().describe("Party id"),
  position: z.number().int().describe("Order in the complaint"),
  role: z.enum(["plaintiff", "defendant", "third_party"]).describe("Procedural role"),
  kind: z
    .enum(["natural_person", "legal_person", "other_organisation"])
    .describe("Natural person, legal person or other organisation"),
  name: z.string().describe("Name"),
  idNumber: z
    .string()
    .nullable()
    .describe("Resident ID number; masked unless the caller is this party, the filer or court staff"),
  creditCode: z.string().nullable().describe("Unified social credit code"),
  legalRepresentative: z.string().nullable().describe("Legal representative or person in charge"),
  sex: z.enum(["male", "female"]).nullable().describe("Sex"),
  ethnicity: z.string().nullable().describe("Ethnicity"),
  birthDate: z.string().nullable().describe("Date of birth (YYYY-MM-DD)"),
  phone: z.string().nullable().describe("Phone; masked for other parties"),
  email: z.string().nullable().describe("E-mail; hidden from other parties"),
  address: z.string().nullable().describe("Domicile or registered address"),
  serviceAddress: z.string().nullable().describe("Address for service"),
  isMe: z.boolean().describe("True when the caller is this party or represents it"),
  hasAccount: z.boolean().describe("True when the party is linked to an account on the platform"),
});

export const ZAgent = z.object({
  id: z.uuid().describe("Agent id"),
  partyId: z.uuid().describe("Party represented"),
  kind: z
    .enum(["lawyer", "legal_worker", "relative", "employee", "other"])
    .describe("Kind of agent (民事诉讼法第六十一条)"),
  name: z.string().describe("Name"),
  lawFirm: z.string().nullable().describe("Law firm"),
  licenceNumber: z.string().nullable().describe("Lawyer's licence number"),
  hasPowerOfAttorney: z.boolean().describe("True when a power of attorney is on file"),
  status: z.enum(["active", "revoked"]).describe("Whether the authority is in force"),
  hasFiled: z.boolean().describe("True when this agent submitted the complaint (由代理人代为提交)"),
});

export const ZClaim = z.object({
  position: z.number().int().describe("Number of the claim"),
  text: z.string().describe("The claim as pleaded"),
  amount: z.number().nullable().describe("Amount in yuan, if the claim is for money"),
});

export const ZTimelineEntry = z.object({
  at: z.date().describe("When it happened"),
  kind: z.string().describe("What happened (translated by the UI)"),
  params: z.record(z.string(), z.unknown()).describe("Details for the message"),
  isPublic: z.boolean().describe("Shown on the public progress page"),
});

export const ZDeadline = z.object({
  kind: z.string().describe("Which period (registration review, fee payment, answer …)"),
  dueAt: z.date().describe("When it ends"),
  basis: z.string().describe("The article that sets it"),
  basisEn: z.string().describe("The same citation in English (a courtesy; the Chinese is the legal text)"),
  status: z.enum(["open", "met", "missed", "cancelled"]).describe("State of the period"),
  daysLeft: z
    .number()
    .int()
    .nullable()
    .describe("Calendar days left for an open period (negative when overdue)"),
});

export const ZCaseSummary = z.object({
  id: z.uuid().describe("Case id"),
  court: z
    .object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() })
    .describe("Court"),
  status: ZCaseStatus,
  typeCode: z.string().describe("Case-type code (民初 …)"),
  procedure: z.enum(["ordinary", "simplified", "small_claims"]).nullable().describe("Procedure"),
  cause: z
    .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
    .nullable()
    .describe("Cause of action (案由)"),
  title: z.string().nullable().describe("Case title, e.g. 张三诉某公司网络购物合同纠纷"),
  caseNumber: z.string().nullable().describe("Case number, assigned on registration"),
  claimTotal: z.number().describe("Sum of the money claims in yuan"),
  judge: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("Judge in charge (承办法官)"),
  submittedAt: z.date().nullable().describe("When the complaint was submitted"),
  reviewDueOn: z
    .string()
    .nullable()
    .describe("Last day of the registration review (民事诉讼法第一百二十六条)"),
  acceptedAt: z.date().nullable().describe("When the case was registered"),
  updatedAt: z.date().describe("Last change"),
  version: z.number().int().describe("Increases with every change"),
});

export const ZCaseDetail = ZCaseSummary.extend({
  factsAndReasons: z.string().describe("Facts and reasons"),
  parties: z.array(ZParty).describe("Parties"),
  agents: z.array(ZAgent).describe("Agents ad litem"),
  claims: z.array(ZClaim).describe("Claims"),
  timeline: z.array(ZTimelineEntry).describe("What happened so far"),
  deadlines: z.array(ZDeadline).describe("Periods running or past"),
  judgeAssignment: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("How the judge was chosen (court staff only)"),
  closedAt: z.date().nullable().describe("When the case ended"),
  closureReason: z.string().nullable().describe("Why it ended"),
  myRoles: z
    .array(z.string())
    .describe("The caller's relations to the case: filer, party, agent, clerk, court_admin, judge"),
  actions: z.array(z.string()).describe("What the caller may do next"),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

export const ZCaseIdParams = z.strictObject({ caseId: z.uuid().describe("Case id") });

export const ZCaseListQuery = z.strictObject({
  status: z
    .union([ZCaseStatus, z.array(ZCaseStatus)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
    .describe("Only cases in these statuses"),
  courtId: z.uuid().optional().describe("Only cases of this court"),
  assignedToMe: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("Only cases assigned to the calling judge"),
  search: z.string().trim().max(100).optional().describe("Case number or title contains"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe("Page number"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page"),
});

export const ZCaseList = z.object({ items: z.array(ZCaseSummary), total: z.number().int() });

export const ZProgressQuery = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/)
    .describe("The case's query code (12 characters, dashes optional)"),
});

export const ZProgress = z.object({
  caseNumber: z.string().nullable().describe("Case number once registered"),
  courtNameZh: z.string().describe("Court (Chinese)"),
  courtNameEn: z.string().describe("Court (English)"),
  status: ZCaseStatus,
  causeNameZh: z.string().nullable().describe("Cause of action (Chinese)"),
  causeNameEn: z.string().nullable().describe("Cause of action (English)"),
  judgeName: z.string().nullable().describe("Judge in charge"),
  timeline: z
    .array(z.object({ at: z.date(), kind: z.string(), params: z.record(z.string(), z.unknown()) }))
    .describe("Public steps"),
});
