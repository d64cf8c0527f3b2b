import { z } from "zod";

export const ZCourt = z.object({
  id: z.uuid().describe("Court id"),
  code: z.string().describe("Court code used in case numbers, e.g. 浙0192"),
  nameZh: z.string().describe("Name in Chinese"),
  nameEn: z.string().describe("Name in English"),
  level: z.enum(["supreme", "high", "intermediate", "basic"]).describe("Level in the court hierarchy"),
  isInternetCourt: z.boolean().describe("True for an Internet court (互联网法院)"),
  parentId: z
    .uuid()
    .nullable()
    .describe("The court above (appeals go there); null for the Supreme People's Court"),
  provinceZh: z.string().nullable().describe("Province (Chinese)"),
  provinceEn: z.string().nullable().describe("Province (English)"),
  smallClaimsLimitYuan: z
    .number()
    .nullable()
    .describe("Small-claims ceiling in yuan (民事诉讼法第一百六十五条), if configured"),
  smallClaimsBasis: z.string().nullable().describe("Where the small-claims ceiling comes from"),
  addressZh: z.string().nullable().describe("Address"),
});
export type TCourt = z.infer<typeof ZCourt>;

export const ZDivision = z.object({
  id: z.uuid().describe("Division id"),
  code: z.string().describe("Division code within the court"),
  nameZh: z.string().describe("Name in Chinese"),
  nameEn: z.string().describe("Name in English"),
  kind: z
    .enum([
      "filing",
      "civil",
      "administrative",
      "criminal",
      "enforcement",
      "mediation",
      "management",
      "other",
    ])
    .describe("What the division does"),
});

export const ZCourtDetail = ZCourt.extend({
  divisions: z.array(ZDivision).describe("Divisions of the court"),
  path: z
    .array(z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }))
    .describe("Courts from the top down to this one"),
});

export const ZCourtListQuery = z.strictObject({
  instance: z
    .enum(["first"])
    .optional()
    .describe(
      "Only courts that hear a case at this instance: `first` lists the basic-level courts (民事诉讼法第十八条)",
    ),
  cause: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "With `instance=first`: cause of action id (from /api/causes); Internet courts are listed only for causes of 互联网法院规定第二条",
    ),
});

export const ZCourtIdParams = z.strictObject({ courtId: z.uuid().describe("Court id") });

export const ZDeadlineQuery = z.strictObject({
  start: z.iso.date().describe("Day of the event that starts the period (YYYY-MM-DD, Asia/Shanghai)"),
  length: z.coerce.number().int().min(1).max(3650).describe("Length of the period"),
  unit: z.enum(["day", "month", "year"]).default("day").describe("Unit of the period"),
});

export const ZDeadlineResponse = z.object({
  nominalEnd: z.iso.date().describe("Last day by counting alone"),
  end: z.iso.date().describe("Last day after the statutory-holiday rule (民事诉讼法第八十五条)"),
  extendedForHoliday: z.boolean().describe("True when the period was extended past a day off"),
  provisional: z.boolean().describe("True when a provisional holiday arrangement was consulted"),
  basis: z.string().describe("Legal basis"),
});
