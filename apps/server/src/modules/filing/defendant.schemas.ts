import { FACTS_MAX_LENGTH } from "@netcourt/shared/filing-checks";
import { z } from "zod";
import { ZYuan } from "./filing.schemas";

const text = (max: number) => z.string().trim().min(1).max(max);
const ZPartyId = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null)
  .describe("The defendant party acting, when the caller acts for several (omit otherwise)");

export const ZCaseCodeRequest = z.strictObject({
  caseCode: z
    .string()
    .trim()
    .min(8)
    .max(40)
    .describe("The case code from the service message (groups of four letters and digits; dashes ignored)"),
});

export const ZCaseLinked = z.object({
  caseId: z.uuid().describe("The case the account is now a party to"),
  partyId: z.uuid().describe("The party the account was linked to"),
});

export const ZComplaintServed = z.object({
  defendants: z
    .array(
      z.object({
        partyId: z.uuid().describe("Defendant party"),
        name: z.string().describe("Defendant's name"),
        caseCode: z.string().describe("The code the defendant links an account with (printed on the notice)"),
        hasAccount: z.boolean().describe("The party is already linked to an account"),
      }),
    )
    .describe("Every defendant served"),
});

export const ZAnswerResponse = z.strictObject({
  claimPosition: z
    .number()
    .int()
    .min(0)
    .max(99)
    .describe("Position (0-based) of the complaint's claim answered"),
  position: z.enum(["admit", "contest", "partly"]).describe("认可, 不认可 or 部分认可"),
  text: z.string().trim().max(5000).describe("The respondent's reasons on this claim"),
});

export const ZAnswerEvidence = z.strictObject({
  name: text(200).describe("Name of the item of evidence"),
  source: text(200).describe("Where it comes from"),
  purpose: text(1000).describe("What it proves"),
  attachmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The file uploaded to /answer/attachments for this item, if any"),
});

export const ZAnswerAttachment = z.object({
  id: z.uuid().describe("Attachment id"),
  fileName: z.string().describe("File name as uploaded"),
  mediaType: z.string().describe("Type read from the content"),
  size: z.number().int().describe("Bytes"),
});

export const ZAnswerAttachmentParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  attachmentId: z.uuid().describe("Attachment id"),
});

export const ZAnswerDraft = z.strictObject({
  partyId: ZPartyId,
  responses: z.array(ZAnswerResponse).max(100).describe("A response to each claim of the complaint"),
  factsAndReasons: z.string().trim().max(FACTS_MAX_LENGTH).describe("Facts and reasons of the defence"),
  evidence: z.array(ZAnswerEvidence).max(200).describe("The evidence list"),
});

export const ZPartyChoice = z.strictObject({ partyId: ZPartyId });

export const ZAnswerSaved = z.object({ answerId: z.uuid().describe("The answer draft") });
export const ZAnswerSubmitted = z.object({
  answerId: z.uuid().describe("The answer"),
  issueId: z.uuid().describe("The 民事答辩状 issued (both language versions)"),
});

export const ZObjectionRequest = z.strictObject({
  partyId: ZPartyId,
  grounds: text(5000).describe("Why the court lacks jurisdiction (民事诉讼法第一百三十条)"),
  proposedCourt: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => (v ? v : null))
    .describe("The court the objector says is competent"),
});

export const ZObjectionParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  objectionId: z.uuid().describe("Jurisdiction objection id"),
});

export const ZObjectionFiled = z.object({ objectionId: z.uuid().describe("The objection") });

export const ZObjectionDecision = z.strictObject({
  outcome: z.enum(["upheld", "dismissed"]).describe("异议成立 (transfer) or 驳回"),
  reason: text(5000).describe("The court's reasoning, printed in the ruling"),
});

export const ZRulingIssued = z.object({
  issueId: z.uuid().describe("The ruling issued (both language versions)"),
});

export const ZTransferRequest = z.strictObject({
  receivingCourtName: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => (v ? v : null))
    .describe("The competent court the case goes to; omit to use the court the upheld objection proposed"),
});

export const ZCaseTransferred = z.object({
  issueId: z.uuid().describe("The 移送函 (letter of transfer) issued (both language versions)"),
  receivingCourtName: z.string().describe("The court the case was transferred to"),
});

export const ZDefenceTransfer = z
  .object({
    objectionId: z.uuid().describe("The upheld objection"),
    state: z
      .enum(["awaiting_service", "appeal_period", "effective", "transferred"])
      .describe(
        "The ruling not yet served on every party, within the time to appeal, in force (民事诉讼法第一百五十八条), or the case transferred",
      ),
    proposedCourt: z.string().nullable().describe("The court the objection proposed"),
    appealEndsOn: z
      .string()
      .nullable()
      .describe(
        "Last day of the last party's time to appeal (YYYY-MM-DD); the transfer is possible after it",
      ),
    effectiveOn: z.string().nullable().describe("The day the ruling took effect (YYYY-MM-DD)"),
    receivingCourtName: z.string().nullable().describe("The court the case was transferred to"),
    transferredAt: z.date().nullable().describe("When the case was transferred"),
    letterIssueId: z.uuid().nullable().describe("The 移送函 issued"),
  })
  .describe("Transfer after an upheld objection to jurisdiction (民事诉讼法第三十七条、第一百三十条)");

export type TDefenceTransfer = z.infer<typeof ZDefenceTransfer>;

export const ZCounterclaimRequest = z.strictObject({
  partyId: ZPartyId,
  claims: z
    .array(
      z.strictObject({
        text: text(500).describe("The claim"),
        amount: ZYuan.nullish()
          .transform((v) => v ?? null)
          .describe("Amount claimed in yuan, if any"),
      }),
    )
    .min(1)
    .max(20)
    .describe("The counterclaims (反诉请求)"),
  factsAndReasons: text(FACTS_MAX_LENGTH).describe("Facts and reasons of the counterclaim"),
});

export const ZCounterclaimFiled = z.object({
  counterclaimId: z.uuid().describe("The counterclaim"),
  fee: z.number().describe("Acceptance fee due in yuan (halved: 诉讼费用交纳办法第十八条)"),
  feeDueOn: z.string().describe("Last day to pay (诉讼费用交纳办法第二十二条), YYYY-MM-DD"),
  issueId: z.uuid().describe("The 民事反诉状 issued (both language versions)"),
});

export const ZCounterclaimParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  counterclaimId: z.uuid().describe("Counterclaim id"),
});

export const ZDefence = z.object({
  answers: z
    .array(
      z.object({
        id: z.uuid().describe("Answer id"),
        partyId: z.uuid().describe("The answering defendant"),
        status: z.enum(["draft", "submitted"]).describe("A draft is shown to its defendant only"),
        responses: z.array(ZAnswerResponse).describe("Responses to the claims"),
        factsAndReasons: z.string().describe("Facts and reasons"),
        evidence: z
          .array(
            z.object({
              name: z.string().describe("Name of the item of evidence"),
              source: z.string().describe("Where it comes from"),
              purpose: z.string().describe("What it proves"),
              attachmentId: z.uuid().nullable().describe("The attached file, if any"),
            }),
          )
          .describe("Evidence list"),
        submittedAt: z.date().nullable().describe("When it was filed"),
        documentIssueId: z.uuid().nullable().describe("The 民事答辩状 issued"),
      }),
    )
    .describe("Answers the caller may see"),
  objections: z
    .array(
      z.object({
        id: z.uuid().describe("Objection id"),
        partyId: z.uuid().describe("The objecting party"),
        grounds: z.string().describe("Grounds"),
        proposedCourt: z.string().nullable().describe("The court proposed"),
        status: z.enum(["pending", "upheld", "dismissed"]).describe("Pending or the ruling's outcome"),
        filedAt: z.date().describe("When it was raised"),
        decidedAt: z.date().nullable().describe("When it was ruled on"),
        reason: z.string().nullable().describe("The ruling's reasoning"),
        rulingIssueId: z.uuid().nullable().describe("The ruling issued"),
      }),
    )
    .describe("Objections to jurisdiction"),
  counterclaims: z
    .array(
      z.object({
        id: z.uuid().describe("Counterclaim id"),
        partyId: z.uuid().describe("The counterclaiming defendant"),
        claims: z
          .array(
            z.object({ text: z.string().describe("Claim"), amount: z.number().nullable().describe("Yuan") }),
          )
          .describe("Claims"),
        factsAndReasons: z.string().describe("Facts and reasons"),
        fee: z.number().describe("Fee due in yuan"),
        feeDueAt: z.date().describe("Fee due by"),
        status: z
          .enum(["fee_due", "filed", "deemed_withdrawn"])
          .describe(
            "Fee still due; filed (fee paid, or none due); or treated as withdrawn for the unpaid fee",
          ),
        feeStatus: z
          .enum(["unpaid", "paid", "none", "expired"])
          .describe("The fee: unpaid, paid, none due, or unpaid past its due date"),
        feePaidAt: z.date().nullable().describe("When the gateway confirmed the fee"),
        withdrawnAt: z.date().nullable().describe("When it was treated as withdrawn"),
        filedAt: z.date().describe("When it was filed"),
        documentIssueId: z.uuid().nullable().describe("The 民事反诉状 issued"),
        feeReceiptIssueId: z.uuid().nullable().describe("The receipt of its fee, once paid"),
        canPay: z.boolean().describe("Whether the caller may pay its fee now"),
      }),
    )
    .describe("Counterclaims"),
  answerDueAt: z.date().nullable().describe("End of the answer period (null until service completes)"),
  caseCodes: z
    .array(
      z.object({
        partyId: z.uuid().describe("Defendant party"),
        caseCode: z.string().describe("The code printed on the notice (court staff only)"),
        usedAt: z.date().nullable().describe("When it linked an account"),
      }),
    )
    .describe("The defendants' case codes, for the clerk to print or read out; empty for everyone else"),
  transfer: ZDefenceTransfer.nullable().describe("Null while no objection to jurisdiction is upheld"),
  actions: z
    .array(z.enum(["decide_jurisdiction_objection", "transfer_case"]))
    .describe("What the caller may do now on the defence (the judge in charge)"),
});

export type TDefence = z.infer<typeof ZDefence>;

export const ZAgentParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  agentId: z.uuid().describe("Agent id"),
});

export const ZAgentAppointed = z.object({ agentId: z.uuid().describe("The agent appointed") });

export const ZRevoked = z.object({ revoked: z.literal(true).describe("The agent's authority is revoked") });
