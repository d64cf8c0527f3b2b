import { z } from "zod";

const ZSide = z.enum(["plaintiff", "defendant"]);
const ZPosition = z.enum(["pending", "agreed", "disputed"]);

/** A value as the API carries it; its shape is checked against the element's type by the command. */
const ZElementValue = z
  .union([
    z.number().describe("amount: fen (分), a whole number ≥ 0"),
    z.string().describe('date: YYYY-MM-DD; rate: percent per year as a decimal string ("15.4"); text'),
    z.boolean().describe("boolean: true or false"),
    z
      .strictObject({
        months: z.number().int().describe("Whole months"),
        days: z.number().int().describe("Whole days"),
      })
      .describe("duration: months and days"),
  ])
  .describe("The element's value, shaped by its value type");

export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case id") });
export const ZElementParams = z.strictObject({
  caseId: z.uuid().describe("Case id"),
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,59}$/)
    .describe("Element key in the case's element table (e.g. `loan_amount`)"),
});

const ZSideChoice = ZSide.nullish()
  .transform((v) => v ?? null)
  .describe("The side marked for, when the caller acts for both (omit otherwise)");

export const ZPositionRequest = z.strictObject({
  side: ZSideChoice,
  position: z.enum(["agreed", "disputed"]).describe("Agree with the proposed value, or dispute it"),
  reason: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null))
    .describe("Why the element is disputed (required when disputing)"),
  counterValue: ZElementValue.nullish().describe(
    "The value the side holds instead (optional, when disputing)",
  ),
});
export type TPositionRequest = z.infer<typeof ZPositionRequest>;

export const ZProposalRequest = z.strictObject({
  side: ZSideChoice,
  value: ZElementValue,
});

export const ZSettlementRequest = z.strictObject({
  value: ZElementValue,
  reasons: z.string().trim().min(1).max(2000).describe("The reasons of the finding"),
  evidenceIds: z
    .array(z.uuid())
    .max(50)
    .optional()
    .describe("Items of the case's evidence the finding relies on (evidence exchange item ids)"),
});

const ZSidePosition = z.object({
  position: ZPosition,
  reason: z.string().nullable(),
  counterValue: ZElementValue.nullable(),
  markedAt: z.string().nullable(),
});

export const ZElementTableView = z.object({
  caseId: z.uuid(),
  table: z
    .object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })
    .nullable()
    .describe(
      "The element table of the case's cause, or null when the cause has none or the case is not registered",
    ),
  mySides: z.array(ZSide).describe("The sides the caller marks for now"),
  actions: z.array(z.enum(["settle_agreed"])).describe("Table-wide acts open to the caller"),
  counts: z.object({
    total: z.number().int(),
    open: z.number().int(),
    agreed: z.number().int(),
    disputed: z.number().int(),
    settled: z.number().int(),
  }),
  elements: z.array(
    z.object({
      key: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      valueType: z.enum(["amount", "date", "rate", "boolean", "text", "duration"]),
      legalBasis: z.string().describe("The legal basis, as Chinese law cites it"),
      provedBy: z.array(z.object({ kind: z.string(), zh: z.string(), en: z.string() })),
      isRequired: z.boolean(),
      proposal: z
        .object({
          value: ZElementValue,
          source: z.enum(["complaint", "plaintiff", "defendant", "judge"]),
          proposedAt: z.string().nullable(),
        })
        .nullable()
        .describe("The value proposed and who put it forward (`complaint`: pre-filled from the complaint)"),
      positions: z.object({ plaintiff: ZSidePosition, defendant: ZSidePosition }),
      status: z.enum(["open", "agreed", "disputed", "settled"]),
      isSettled: z.boolean(),
      settlement: z
        .object({
          value: ZElementValue,
          kind: z.enum(["agreed", "decided"]),
          reasons: z.string().nullable(),
          evidenceIds: z.array(z.string()),
          settledAt: z.string(),
        })
        .nullable()
        .describe("The judge's finding"),
      computed: z
        .array(
          z.object({
            key: z.string(),
            kind: z.enum(["lending_rate_cap"]),
            capPercent: z.string().describe("The annual cap in percent"),
            exceedsCap: z.boolean().nullable().describe("The element's rate is above the cap"),
            lprPercent: z.string().nullable(),
            lprPublishedOn: z.string().nullable(),
            article: z.string(),
          }),
        )
        .describe("What the amount rules compute for the element"),
      actions: z.array(z.enum(["agree", "dispute", "propose", "settle"])),
    }),
  ),
});
export type TElementTableView = z.infer<typeof ZElementTableView>;
