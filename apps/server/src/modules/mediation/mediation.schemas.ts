import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));

/** Yuan with at most two decimals. */
const ZYuan = z
  .number()
  .finite()
  .min(0)
  .max(1e13)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: "at most two decimals" });

const ZCaseTypes = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(64)
      .describe("A cause code (e.g. online-sale-contract) or case-type code (e.g. 民初)"),
  )
  .max(100)
  .describe(
    "Disputes taken, by cause code or case-type code; empty takes every dispute (在线调解规则第五条)",
  );

export const ZCourtParams = z.strictObject({ courtId: z.uuid().describe("Court id") });
export const ZOrganisationParams = ZCourtParams.extend({
  organisationId: z.uuid().describe("Mediation organisation id"),
});
export const ZMediatorParams = ZCourtParams.extend({
  mediatorId: z.uuid().describe("Registered mediator id"),
});
export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case (filing) id") });
export const ZMediationParams = z.strictObject({ mediationId: z.uuid().describe("Mediation id") });
export const ZOfferParams = ZMediationParams.extend({ offerId: z.uuid().describe("Offer id") });
export const ZDocumentParams = ZMediationParams.extend({ documentId: z.uuid().describe("Document id") });

export const ZOrganisationRequest = z.strictObject({
  name: text(200).describe("Name of the organisation (特邀调解组织)"),
  nameEn: optionalText(200).describe("English name"),
  description: z
    .string()
    .trim()
    .max(2000)
    .default("")
    .describe("What it does, its field, whether it charges"),
  caseTypes: ZCaseTypes.default([]),
});
export const ZOrganisationPatch = z.strictObject({
  name: text(200).optional().describe("Name of the organisation"),
  nameEn: optionalText(200).optional().describe("English name"),
  description: z.string().trim().max(2000).optional().describe("What it does"),
  caseTypes: ZCaseTypes.optional(),
  isActive: z.boolean().optional().describe("False takes it off the active register"),
});
export const ZOrganisation = z.object({
  id: z.uuid().describe("Organisation id"),
  courtId: z.uuid().describe("The court whose register lists it"),
  name: z.string().describe("Name"),
  nameEn: z.string().nullable().describe("English name"),
  description: z.string().describe("What it does"),
  caseTypes: z.array(z.string()).describe("Disputes taken (empty: all)"),
  isActive: z.boolean().describe("On the active register"),
});

export const ZMediatorRequest = z.strictObject({
  userId: z.uuid().describe("The staff account holding the mediator role at this court"),
  organisationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The organisation they belong to"),
  displayName: text(100).describe("Name shown to applicants"),
  specialties: z.string().trim().max(1000).default("").describe("Fields of expertise (擅长领域)"),
  caseTypes: ZCaseTypes.default([]),
});
export const ZMediatorPatch = z.strictObject({
  organisationId: z.uuid().nullable().optional().describe("The organisation they belong to"),
  displayName: text(100).optional().describe("Name shown to applicants"),
  specialties: z.string().trim().max(1000).optional().describe("Fields of expertise"),
  caseTypes: ZCaseTypes.optional(),
  isActive: z.boolean().optional().describe("False takes them off the active register"),
});
export const ZMediator = z.object({
  id: z.uuid().describe("Registered mediator id"),
  name: z.string().describe("Name shown to applicants"),
  organisation: z
    .object({
      id: z.uuid().describe("Organisation id"),
      name: z.string().describe("Name"),
      nameEn: z.string().nullable().describe("English name"),
    })
    .nullable()
    .describe("Their organisation"),
  specialties: z.string().describe("Fields of expertise"),
  caseTypes: z.array(z.string()).describe("Disputes taken (empty: all)"),
  isActive: z.boolean().describe("On the active register"),
  userId: z.uuid().nullable().describe("Their staff account (shown to the court's administrators only)"),
});

export const ZApplyRequest = z
  .strictObject({
    mediatorId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null)
      .describe("A mediator chosen from the court's register; empty: the court appoints"),
  })
  .describe("Optional body");
export const ZApplyResponse = z.object({
  mediationId: z.uuid().describe("The new mediation"),
  appointmentDueOn: z
    .string()
    .nullable()
    .describe("Last day for the court to appoint a mediator (在线调解规则第十条)"),
  acceptanceDueOn: z.string().nullable().describe("Last day for the chosen mediator to confirm (第十二条)"),
});
export const ZOfferMediationRequest = z
  .strictObject({
    note: optionalText(1000).describe("What the clerk tells the filer about mediation (第七条)"),
  })
  .describe("Optional body");
export const ZOfferAnswerResponse = z.object({
  mediationId: z.uuid().describe("The mediation"),
  status: z.string().describe("Its status after the answer"),
});

export const ZAssignRequest = z.strictObject({
  mediatorId: z.uuid().describe("A mediator on the court's register"),
});
export const ZReasonRequest = z.strictObject({
  reason: text(2000).describe("Why (recorded and told to the parties)"),
});
export const ZOptionalReasonRequest = z
  .strictObject({ reason: optionalText(2000).describe("Why (optional)") })
  .describe("Optional body");
export const ZConsentRequest = z.strictObject({
  answer: z.enum(["agreed", "refused"]).describe("Whether the other side agrees to mediate (第十五条)"),
  partyId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The party answering; required when the mediator records it"),
  note: optionalText(1000).describe("A note, e.g. how the answer was obtained"),
});
export const ZMessageRequest = z.strictObject({ body: text(4000).describe("The message") });
export const ZSessionRequest = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }).describe("When the session starts (ISO 8601 with offset)"),
  videoUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullish()
    .transform((v) => v ?? null)
    .describe("The https link of the video session"),
  note: z.string().trim().max(2000).default("").describe("What the session is for, how to join"),
});
export const ZOfferRequest = z.strictObject({
  amount: ZYuan.describe("The amount offered, in yuan"),
  terms: z
    .string()
    .trim()
    .max(4000)
    .default("")
    .describe("Terms of the offer (payment dates, other undertakings)"),
  partyId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The party making it (one you are or represent); default: your first"),
  answersOfferId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The other side's open offer this counters"),
});
export const ZExtensionRequest = z.strictObject({
  days: z
    .number()
    .int()
    .min(1)
    .max(180)
    .describe("Days to add to the period (第二十四条: by agreement of all parties)"),
});
export const ZExtensionAnswerRequest = z.strictObject({
  answer: z.enum(["agreed", "refused"]).describe("Whether your parties agree to the open proposal"),
});
export const ZListQuery = z.strictObject({
  status: z
    .enum([
      "offered",
      "declined",
      "awaiting_mediator",
      "awaiting_acceptance",
      "in_progress",
      "agreement_drafted",
      "agreed",
      "confirmation_applied",
      "confirmed",
      "confirmation_dismissed",
      "ended",
      "referred",
    ])
    .optional()
    .describe("Only mediations in this status"),
});

const ZParty = z.object({
  id: z.uuid().describe("Party id"),
  role: z.enum(["plaintiff", "defendant", "third_party"]).describe("Role in the dispute"),
  side: z.enum(["applicant", "respondent"]).describe("Side in the mediation"),
  kind: z.enum(["natural_person", "legal_person", "other_organisation"]).describe("Kind of party"),
  name: z.string().describe("Name"),
  idNumber: z.string().nullable().describe("ID number or credit code; masked for the other side"),
  phone: z.string().nullable().describe("Phone; masked for the other side"),
  address: z.string().nullable().describe("Address; withheld from the other side"),
  hasAccount: z.boolean().describe("The party takes part through an account"),
  caseCode: z
    .string()
    .nullable()
    .describe(
      "A respondent's case code to link its account (POST /api/cases/link), until used; only for the mediator and court staff",
    ),
  consent: z
    .enum(["pending", "agreed", "refused"])
    .nullable()
    .describe("Whether it agreed to mediate (respondents)"),
});

export const ZMediationView = z.object({
  id: z.uuid().describe("Mediation id"),
  caseId: z.uuid().describe("The dispute's case id"),
  courtId: z.uuid().describe("The court"),
  origin: z
    .enum(["application", "offered_at_filing"])
    .describe("Applied for directly, or offered on a submitted filing"),
  status: z.string().describe("Status"),
  outcome: z.string().nullable().describe("Why it ended without agreement"),
  outcomeReason: z.string().nullable().describe("The recorded reason"),
  myRelation: z.enum(["party", "agent", "mediator", "court_staff"]).describe("How the caller takes part"),
  dispute: z.object({
    title: z.string().nullable().describe("Title"),
    causeCode: z.string().nullable().describe("Cause of action code"),
    causeNameZh: z.string().nullable().describe("Cause of action"),
    causeNameEn: z.string().nullable().describe("Cause of action (en)"),
    factsAndReasons: z.string().describe("Facts and reasons"),
    claims: z
      .array(
        z.object({ text: z.string().describe("Request"), amount: z.number().nullable().describe("Yuan") }),
      )
      .describe("Requests"),
  }),
  parties: z.array(ZParty).describe("The parties"),
  mediator: z
    .object({
      id: z.uuid().describe("Registered mediator id"),
      name: z.string().describe("Name"),
      organisation: z.string().nullable().describe("Organisation"),
    })
    .nullable()
    .describe("The mediator"),
  mediatorChosenBy: z.enum(["applicant", "court"]).nullable().describe("Who chose the mediator"),
  appliedAt: z.string().nullable().describe("When it was applied for (or consented to)"),
  appointmentDueOn: z.string().nullable().describe("Last day for the court to appoint a mediator"),
  appointmentOverdue: z
    .boolean()
    .describe("True when the court's three working days to appoint passed without an appointment (第十条)"),
  acceptanceDueOn: z.string().nullable().describe("Last day for the mediator to confirm"),
  acceptedAt: z.string().nullable().describe("When the mediator confirmed"),
  periodEndsOn: z.string().nullable().describe("Last day of the mediation period"),
  endedAt: z.string().nullable().describe("When it ended"),
  referredAt: z.string().nullable().describe("When it went to filing"),
  recordIssueId: z.uuid().nullable().describe("The mediation record document (case documents)"),
  messages: z
    .array(
      z.object({
        id: z.uuid().describe("Message id"),
        authorRole: z.enum(["party", "agent", "mediator"]).describe("Who wrote it"),
        authorName: z.string().describe("Author"),
        body: z.string().describe("Text"),
        createdAt: z.string().describe("When"),
      }),
    )
    .describe("The thread (not shown to court staff)"),
  sessions: z
    .array(
      z.object({
        id: z.uuid().describe("Session id"),
        startsAt: z.string().describe("When"),
        videoUrl: z.string().nullable().describe("Video link"),
        note: z.string().describe("Note"),
      }),
    )
    .describe("Scheduled sessions"),
  offers: z
    .array(
      z.object({
        id: z.uuid().describe("Offer id"),
        partyId: z.uuid().describe("The party making it"),
        side: z.enum(["applicant", "respondent"]).describe("Its side"),
        amount: z.number().describe("Yuan"),
        terms: z.string().describe("Terms"),
        answersOfferId: z.uuid().nullable().describe("The offer it counters"),
        status: z.enum(["open", "accepted", "rejected", "countered"]).describe("Status"),
        createdAt: z.string().describe("When"),
        answeredAt: z.string().nullable().describe("When answered"),
      }),
    )
    .describe("Offers and counter-offers (not shown to court staff)"),
  documents: z
    .array(
      z.object({
        id: z.uuid().describe("Document id"),
        title: z.string().describe("Title"),
        fileName: z.string().describe("File name"),
        mediaType: z.string().describe("Media type"),
        size: z.number().describe("Bytes"),
        sha256: z.string().describe("SHA-256"),
        createdAt: z.string().describe("When"),
      }),
    )
    .describe("Documents (not shown to court staff)"),
  extensions: z
    .array(
      z.object({
        id: z.uuid().describe("Proposal id"),
        days: z.number().describe("Days proposed"),
        status: z.enum(["open", "agreed", "refused"]).describe("Status"),
        partyId: z.uuid().describe("Proposing party"),
        createdAt: z.string().describe("When"),
      }),
    )
    .describe("Proposals to extend the period"),
  mySides: z
    .array(z.enum(["applicant", "respondent"]))
    .describe(
      "The sides the caller speaks for (as a party or agent); empty for the mediator and court staff",
    ),
  actions: z.array(z.string()).describe("What the caller may do next"),
});
export type TMediationView = z.infer<typeof ZMediationView>;

export const ZMediationSummary = z.object({
  id: z.uuid().describe("Mediation id"),
  caseId: z.uuid().describe("Case id"),
  courtId: z.uuid().describe("Court id"),
  title: z.string().nullable().describe("Dispute title"),
  origin: z.enum(["application", "offered_at_filing"]).describe("Origin"),
  status: z.string().describe("Status"),
  myRelation: z.enum(["party", "agent", "mediator", "court_staff"]).describe("How the caller takes part"),
  periodEndsOn: z.string().nullable().describe("Last day of the period"),
  appointmentOverdue: z
    .boolean()
    .describe("True when the court's time to appoint a mediator passed without an appointment"),
  updatedAt: z.string().describe("Last change"),
});
export const ZMediationList = z.object({ items: z.array(ZMediationSummary).describe("Mediations") });
