import { z } from "zod";
import { dismissalGroundCodes, refusalGroundCodes } from "./mediation.confirmation.rules";

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZMediationIdParams = z.strictObject({ mediationId: z.uuid().describe("Mediation id") });
export const ZConfirmationIdParams = z.strictObject({
  confirmationId: z.uuid().describe("Judicial confirmation id"),
});

const ZObligation = z
  .strictObject({
    obligorPartyId: z.uuid().describe("The party who owes (a party of the mediation)"),
    obligeePartyId: z.uuid().describe("The party owed (a party of the mediation)"),
    description: text(500).describe("What is owed, as a verb phrase: 支付货款, 退回手机, pay the price …"),
    amountFen: z
      .int()
      .min(1)
      .max(1_000_000_000_000_000 / 1000)
      .nullable()
      .default(null)
      .describe("The amount in fen (1 yuan = 100 fen), or null for an obligation without money"),
    dueOn: z.iso
      .date()
      .nullable()
      .default(null)
      .describe("Last day of performance (YYYY-MM-DD, not in the past), or null for performance on effect"),
  })
  .describe("One obligation of the agreement");

const ZCosts = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("borne_by").describe("One party bears the costs"),
      partyId: z.uuid().describe("The party who bears the costs"),
    }),
    z.strictObject({ kind: z.literal("shared_equally").describe("The parties share the costs equally") }),
    z.strictObject({ kind: z.literal("each_own").describe("Each party bears its own costs") }),
  ])
  .describe("Who bears the costs of the dispute");

export const ZAgreementTerms = z
  .strictObject({
    facts: text(5000).describe("The dispute as the parties and the mediator state it (纠纷事实及争议事项)"),
    obligations: z
      .array(ZObligation)
      .min(1)
      .max(50)
      .describe("The obligations, in the order they are numbered"),
    costs: ZCosts,
    otherTerms: z
      .array(text(1000).describe("One further term"))
      .max(20)
      .default([])
      .describe("Further terms (e.g. no other claims between the parties)"),
    offerId: z.uuid().nullable().default(null).describe("The accepted offer these terms carry out, if any"),
  })
  .describe("The terms of the mediation agreement");

export const ZDraftAgreementRequest = z.strictObject({ terms: ZAgreementTerms });

export const ZSignAgreementRequest = z.strictObject({
  contentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("The content hash of the agreement version the signer read (from GET …/agreement)"),
});

const ZSignature = z.object({
  role: z
    .enum(["party", "agent", "mediator"])
    .describe("Signed as a party in person, as its agent, or as the mediator"),
  partyId: z.uuid().nullable().describe("The party signed for; null for the mediator"),
  name: z.string().describe("The party (or mediator) who signed"),
  agentName: z.string().nullable().describe("The agent who signed for the party, if any"),
  signedAt: z.iso.datetime().describe("When it was signed"),
  contentSha256: z.string().describe("The hash of the text signed"),
});

export const ZAgreementView = z
  .object({
    id: z.uuid().describe("Agreement id"),
    mediationId: z.uuid().describe("Mediation id"),
    caseId: z.uuid().describe("The case the agreement's documents belong to"),
    version: z.int().describe("1 for the first draft, then 2, 3 … per redraft"),
    status: z.enum(["draft", "effective"]).describe("draft until every party and the mediator signed"),
    contentSha256: z.string().describe("Hash of the Chinese original: what signers sign"),
    issueId: z.uuid().describe("The case-document issue holding the zh original and en translation"),
    terms: ZAgreementTerms.describe("The terms as drafted"),
    draftedAt: z.iso.datetime().describe("When this version was drafted"),
    effectiveAt: z.iso.datetime().nullable().describe("When the last signature made it effective"),
    effectiveOn: z.iso.date().nullable().describe("The court day it took effect"),
    applicationDueOn: z.iso
      .date()
      .nullable()
      .describe("Last day to apply for judicial confirmation (民事诉讼法第二百零五条)"),
    signatures: z.array(ZSignature).describe("Signatures in signing order"),
    pending: z
      .object({
        parties: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("Parties yet to sign"),
        mediator: z.boolean().describe("True while the mediator has not signed"),
      })
      .describe("Who still has to sign"),
    confirmationId: z.uuid().nullable().describe("The judicial confirmation started for it, if any"),
    actions: z
      .array(z.enum(["redraft", "sign", "apply_for_confirmation", "join_confirmation"]))
      .describe("What the caller may do next"),
  })
  .describe("A mediation agreement and its signatures");

export const ZApplyResult = z.object({
  confirmationId: z.uuid().describe("Judicial confirmation id"),
  status: z.enum(["awaiting_parties", "applied"]).describe("applied once every party has applied"),
  applicationDueOn: z.iso.date().describe("Last day for the other parties to join"),
  acceptanceDueOn: z.iso.date().nullable().describe("Last day for the court to accept (若干规定第四条)"),
});

export const ZRefuseConfirmationRequest = z.strictObject({
  grounds: z
    .array(z.enum(refusalGroundCodes).describe("A ground of 民诉法解释第三百五十五条 / 若干规定第四条"))
    .min(1)
    .max(5)
    .describe("Why the court does not accept the application"),
  reason: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null))
    .describe("The clerk's explanation"),
});

export const ZExtendConfirmationRequest = z.strictObject({
  reason: text(2000).describe("Why the review needs more time (因特殊情况)"),
  approval: text(200).describe("The president's approval as recorded, e.g. the approval form's number"),
});

export const ZWithdrawConfirmationRequest = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((v) => (v ? v : null))
      .describe("Why the applicant withdraws (optional)"),
  })
  .describe("Optional body");

export const ZDecideConfirmationRequest = z.strictObject({
  decision: z.enum(["confirm", "dismiss"]).describe("confirm: 确认调解协议有效; dismiss: 驳回申请"),
  grounds: z
    .array(
      z.enum(dismissalGroundCodes).describe("A ground of 民诉法解释第三百五十八条 or 在线调解规则第二十三条"),
    )
    .max(8)
    .default([])
    .describe("Grounds of a dismissal (required to dismiss, none to confirm)"),
  reasons: z.string().trim().max(5000).default("").describe("The judge's reasons as written in the ruling"),
});

export const ZConfirmationListQuery = z.strictObject({
  courtId: z.uuid().describe("The court whose queue to list"),
  status: z
    .enum(["applied", "accepted", "refused", "confirmed", "dismissed", "withdrawn"])
    .optional()
    .describe("Only confirmations in this status"),
});

export const ZConfirmationView = z
  .object({
    id: z.uuid().describe("Judicial confirmation id"),
    mediationId: z.uuid().describe("Mediation id"),
    caseId: z.uuid().describe("The case the confirmation's documents belong to"),
    courtId: z.uuid().describe("The court applied to"),
    status: z
      .enum(["awaiting_parties", "applied", "accepted", "refused", "confirmed", "dismissed", "withdrawn"])
      .describe("Where the application stands"),
    parties: z
      .array(
        z.object({
          partyId: z.uuid(),
          name: z.string(),
          role: z.enum(["plaintiff", "defendant", "third_party"]),
          appliedAt: z.iso.datetime().nullable().describe("When the party applied, null if not yet"),
        }),
      )
      .describe("The parties and whether each has applied (民事诉讼法第二百零五条: together)"),
    applicationDueOn: z.iso.date().describe("Last day to apply (30 days from the agreement's effect)"),
    appliedAt: z.iso.datetime().nullable().describe("When the joint application was complete"),
    acceptanceDueOn: z.iso.date().nullable().describe("Last day to accept or refuse (3 days)"),
    acceptanceOverdue: z
      .boolean()
      .describe("True when the three days to accept passed without a decision (若干规定第四条)"),
    acceptedAt: z.iso.datetime().nullable().describe("When the court accepted"),
    caseNumber: z.string().nullable().describe("案号 of the confirmation case (民特)"),
    judgeName: z.string().nullable().describe("The judge reviewing it"),
    decisionDueOn: z.iso
      .date()
      .nullable()
      .describe("Last day to decide (15 days from acceptance, 25 if extended)"),
    decisionOverdue: z
      .boolean()
      .describe("True when the time to decide passed without a ruling (若干规定第五条)"),
    isDecisionExtended: z
      .boolean()
      .describe("True once the president allowed ten more days (若干规定第五条)"),
    refusal: z
      .object({
        grounds: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), basis: z.string() })),
        reason: z.string().nullable(),
        refusedAt: z.iso.datetime(),
      })
      .nullable()
      .describe("Why the court did not accept"),
    decision: z
      .object({
        decision: z.enum(["confirm", "dismiss"]),
        grounds: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), basis: z.string() })),
        reasons: z.string(),
        decidedAt: z.iso.datetime(),
        rulingIssueId: z.uuid().nullable(),
      })
      .nullable()
      .describe("The ruling"),
    withdrawal: z
      .object({
        withdrawnAt: z.iso.datetime().describe("When the application was withdrawn"),
        partyNames: z.array(z.string()).describe("The applicants who withdrew"),
        reason: z.string().nullable().describe("Their reason, if given"),
        rulingIssueId: z
          .uuid()
          .nullable()
          .describe(
            "The ruling allowing the withdrawal (民诉法解释第三百五十七条), when it had been accepted",
          ),
      })
      .nullable()
      .describe("The withdrawal of the application before the ruling"),
    isEnforceable: z
      .boolean()
      .describe("True when the ruling confirmed the agreement (民事诉讼法第二百零六条)"),
    feeFen: z.literal(0).describe("No fee is charged (若干规定第十一条)"),
    actions: z
      .array(z.enum(["join", "accept", "refuse", "extend", "decide", "withdraw"]))
      .describe("What the caller may do next"),
  })
  .describe("A judicial confirmation of a mediation agreement");

export const ZConfirmationList = z.object({ items: z.array(ZConfirmationView) });

export type TConfirmationView = z.infer<typeof ZConfirmationView>;
export type TAgreementView = z.infer<typeof ZAgreementView>;
