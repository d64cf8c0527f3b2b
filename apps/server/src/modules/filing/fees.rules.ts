// Litigation fees under 诉讼费用交纳办法 (国务院令第481号, 2006): case acceptance fees (第十三条),
// application fees (第十四条) and the halving rules (第十五条, 第十六条; 民诉法解释第二百零六条).
//
// Money is exact: amounts enter as yuan numbers with at most two decimals, are converted to integer
// fen through their decimal text (no binary floating point), and each breakdown line is rounded to
// the fen half-up. The lines always add up to the fee.
//
// Small claims (小额诉讼): the small-claims procedure is part of the simplified procedure — 民事诉讼法
// 第一百六十五条 sits in 第十三章 简易程序, and 民诉法解释第二百八十一条 applies the simplified-procedure
// rules wherever the small-claims rules are silent. The fee rules say nothing special about small
// claims, so 第十六条 applies: the case acceptance fee is halved, once (民诉法解释第二百零六条).

import { citationInEnglish } from "../../platform/text/citations";

export type Procedure = "ordinary" | "simplified" | "small_claims";
/** How the case ended, where known: mediation or withdrawal halves the fee (第十五条). */
export type Resolution = "judgment" | "mediation" | "withdrawal";
export type AdministrativeSubject = "trademark" | "patent" | "maritime" | "other";
export type MaritimeApplication =
  "limitation_fund" | "injunction" | "ship_priority_notice" | "claim_registration" | "general_average";

interface AcceptanceFeeOptions {
  /** Defaults to ordinary procedure. */
  procedure?: Procedure;
  resolution?: Resolution;
}

interface RangeOption {
  /**
   * The per-case figure a province set within the range (第十三条末款); the minimum is used when
   * absent. Must lie within the range.
   */
  baseFee?: number;
}

/** What a fee is asked for. Amounts are in yuan. */
export type FeeInput =
  | ({ kind: "property"; amount: number } & AcceptanceFeeOptions)
  | ({ kind: "divorce"; propertyAmount?: number } & AcceptanceFeeOptions & RangeOption)
  | ({ kind: "personality_rights"; damages?: number } & AcceptanceFeeOptions & RangeOption)
  | ({ kind: "other_non_property" } & AcceptanceFeeOptions & RangeOption)
  | ({ kind: "intellectual_property"; amount?: number } & AcceptanceFeeOptions & RangeOption)
  | ({ kind: "labour" } & AcceptanceFeeOptions)
  | ({ kind: "administrative"; subject: AdministrativeSubject } & AcceptanceFeeOptions)
  | ({ kind: "jurisdiction_objection" } & RangeOption)
  | ({ kind: "enforcement"; amount?: number } & RangeOption)
  | { kind: "preservation"; amount?: number }
  | { kind: "payment_order"; amount: number }
  | { kind: "public_notice" }
  | { kind: "arbitration_review" }
  | { kind: "bankruptcy"; amount: number }
  | ({ kind: "maritime_application"; application: MaritimeApplication } & RangeOption);

export type FeeKind = FeeInput["kind"];

export interface FeeLine {
  /** "charge" adds to the fee; "adjustment" reduces it (halving, 1/3, a cap). */
  type: "charge" | "adjustment";
  labelZh: string;
  labelEn: string;
  /** The yuan amount the line's rate applies to, or null for a fixed per-case sum. */
  base: number | null;
  /** The rate (0.025 = 2.5 %) or factor (0.5 = halved), or null for a fixed sum. */
  rate: number | null;
  /** Yuan, two decimals; negative for adjustments. The lines add up to the fee. */
  amount: number;
  /** The legal basis as Chinese law cites it ("诉讼费用交纳办法第十三条第（一）项"). */
  article: string;
  /** The same basis cited in English ("Measures on the Payment of Litigation Costs, art. 13(1)"). */
  articleEn: string;
}

export interface FeeQuote {
  kind: FeeKind;
  /** Yuan with two decimals (the default where the law gives a range). */
  fee: number;
  /** The same fee in integer fen. */
  feeFen: number;
  breakdown: FeeLine[];
  /** Lowest and highest fee the law allows where it gives a range; null for an exact fee. */
  range: { min: number; max: number } | null;
  /** Why the acceptance fee was halved, if it was. */
  halvedFor: "simplified_procedure" | "small_claims" | "mediation" | "withdrawal" | null;
}

export type FeeInputErrorCode =
  | "unknown_kind"
  | "unknown_procedure"
  | "unknown_resolution"
  | "unknown_subject"
  | "unknown_application"
  | "amount_required"
  | "amount_not_a_number"
  | "amount_negative"
  | "amount_zero"
  | "amount_too_large"
  | "amount_too_many_decimals"
  | "base_fee_out_of_range"
  | "base_fee_not_applicable";

export interface FeeInputIssue {
  path: string;
  code: FeeInputErrorCode;
}

/** Thrown by calculateFee for invalid input; `issues` lists every problem. */
export class FeeInputError extends Error {
  readonly code = "fee_input_invalid";
  constructor(readonly issues: FeeInputIssue[]) {
    super(`Invalid fee input: ${issues.map((i) => `${i.path} ${i.code}`).join(", ")}`);
    this.name = "FeeInputError";
  }
}

/** Largest amount accepted, in yuan (10 trillion); larger figures are typing errors. */
export const MAX_AMOUNT_YUAN = 1e13;

const ACT = "诉讼费用交纳办法";

// ---------------------------------------------------------------------------------------------
// Money helpers (integer fen, BigInt so products of large amounts and rates stay exact)
// ---------------------------------------------------------------------------------------------

type Fen = bigint;

const yuan = (n: number): Fen => BigInt(Math.round(n * 100));

/** a / b rounded half-up, for non-negative a and positive b. */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

function fenToYuan(fen: Fen): number {
  return Number(fen) / 100;
}

/** Parses a validated yuan amount through its decimal text: 0.29 is 29 fen, not 28.999… */
function toFen(amount: number): Fen {
  const [whole = "0", fraction = ""] = amount.toString().split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

function amountIssue(value: unknown, path: string, options: { allowZero: boolean }): FeeInputIssue | null {
  if (typeof value !== "number" || Number.isNaN(value)) return { path, code: "amount_not_a_number" };
  if (!Number.isFinite(value)) return { path, code: value > 0 ? "amount_too_large" : "amount_negative" };
  if (value < 0) return { path, code: "amount_negative" };
  if (value === 0 && !options.allowZero) return { path, code: "amount_zero" };
  if (value > MAX_AMOUNT_YUAN) return { path, code: "amount_too_large" };
  const text = value.toString();
  if (text.includes("e") || (text.split(".")[1] ?? "").length > 2) {
    return { path, code: "amount_too_many_decimals" };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Bracket tables
// ---------------------------------------------------------------------------------------------

interface Bracket {
  /** Upper bound of the bracket in yuan; null = no upper bound. */
  upTo: number | null;
  /** Rate in thousandths (25 = 2.5 %); 0 = this part is not charged. */
  permille: number;
  labelZh: string;
  labelEn: string;
}

interface BracketTable {
  /** Fixed sum for the first bracket (the amount up to `firstUpTo`). */
  fixed: { fen: Fen; upTo: number; labelZh: string; labelEn: string } | null;
  brackets: readonly Bracket[];
  article: string;
}

// 第十三条第（一）项: property cases, cumulative brackets.
const PROPERTY_TABLE: BracketTable = {
  article: `${ACT}第十三条第（一）项`,
  fixed: {
    fen: yuan(50),
    upTo: 10_000,
    labelZh: "不超过1万元的部分，每件50元",
    labelEn: "Up to 10,000 yuan: 50 yuan per case",
  },
  brackets: [
    {
      upTo: 100_000,
      permille: 25,
      labelZh: "超过1万元至10万元的部分",
      labelEn: "Part above 10,000 up to 100,000 yuan",
    },
    {
      upTo: 200_000,
      permille: 20,
      labelZh: "超过10万元至20万元的部分",
      labelEn: "Part above 100,000 up to 200,000 yuan",
    },
    {
      upTo: 500_000,
      permille: 15,
      labelZh: "超过20万元至50万元的部分",
      labelEn: "Part above 200,000 up to 500,000 yuan",
    },
    {
      upTo: 1_000_000,
      permille: 10,
      labelZh: "超过50万元至100万元的部分",
      labelEn: "Part above 500,000 up to 1,000,000 yuan",
    },
    {
      upTo: 2_000_000,
      permille: 9,
      labelZh: "超过100万元至200万元的部分",
      labelEn: "Part above 1,000,000 up to 2,000,000 yuan",
    },
    {
      upTo: 5_000_000,
      permille: 8,
      labelZh: "超过200万元至500万元的部分",
      labelEn: "Part above 2,000,000 up to 5,000,000 yuan",
    },
    {
      upTo: 10_000_000,
      permille: 7,
      labelZh: "超过500万元至1000万元的部分",
      labelEn: "Part above 5,000,000 up to 10,000,000 yuan",
    },
    {
      upTo: 20_000_000,
      permille: 6,
      labelZh: "超过1000万元至2000万元的部分",
      labelEn: "Part above 10,000,000 up to 20,000,000 yuan",
    },
    { upTo: null, permille: 5, labelZh: "超过2000万元的部分", labelEn: "Part above 20,000,000 yuan" },
  ],
};

// 第十三条第（二）项第1目: property division in a divorce above 200,000 yuan.
const DIVORCE_PROPERTY_TABLE: BracketTable = {
  article: `${ACT}第十三条第（二）项第1目`,
  fixed: null,
  brackets: [
    { upTo: 200_000, permille: 0, labelZh: "", labelEn: "" },
    { upTo: null, permille: 5, labelZh: "财产总额超过20万元的部分", labelEn: "Property above 200,000 yuan" },
  ],
};

// 第十三条第（二）项第2目: damages claimed for infringement of personality rights.
const PERSONALITY_DAMAGES_TABLE: BracketTable = {
  article: `${ACT}第十三条第（二）项第2目`,
  fixed: null,
  brackets: [
    { upTo: 50_000, permille: 0, labelZh: "", labelEn: "" },
    {
      upTo: 100_000,
      permille: 10,
      labelZh: "赔偿金额超过5万元至10万元的部分",
      labelEn: "Damages above 50,000 up to 100,000 yuan",
    },
    { upTo: null, permille: 5, labelZh: "赔偿金额超过10万元的部分", labelEn: "Damages above 100,000 yuan" },
  ],
};

// 第十四条第（一）项第2目: enforcement with an amount.
const ENFORCEMENT_TABLE: BracketTable = {
  article: `${ACT}第十四条第（一）项第2目`,
  fixed: {
    fen: yuan(50),
    upTo: 10_000,
    labelZh: "不超过1万元的部分，每件50元",
    labelEn: "Up to 10,000 yuan: 50 yuan per case",
  },
  brackets: [
    {
      upTo: 500_000,
      permille: 15,
      labelZh: "超过1万元至50万元的部分",
      labelEn: "Part above 10,000 up to 500,000 yuan",
    },
    {
      upTo: 5_000_000,
      permille: 10,
      labelZh: "超过50万元至500万元的部分",
      labelEn: "Part above 500,000 up to 5,000,000 yuan",
    },
    {
      upTo: 10_000_000,
      permille: 5,
      labelZh: "超过500万元至1000万元的部分",
      labelEn: "Part above 5,000,000 up to 10,000,000 yuan",
    },
    { upTo: null, permille: 1, labelZh: "超过1000万元的部分", labelEn: "Part above 10,000,000 yuan" },
  ],
};

// 第十四条第（二）项: preservation, by the amount actually preserved, at most 5,000 yuan.
const PRESERVATION_TABLE: BracketTable = {
  article: `${ACT}第十四条第（二）项`,
  fixed: {
    fen: yuan(30),
    upTo: 1_000,
    labelZh: "不超过1000元或不涉及财产数额，每件30元",
    labelEn: "Up to 1,000 yuan or no amount: 30 yuan per case",
  },
  brackets: [
    {
      upTo: 100_000,
      permille: 10,
      labelZh: "超过1000元至10万元的部分",
      labelEn: "Part above 1,000 up to 100,000 yuan",
    },
    { upTo: null, permille: 5, labelZh: "超过10万元的部分", labelEn: "Part above 100,000 yuan" },
  ],
};
const PRESERVATION_CAP = yuan(5_000);
const BANKRUPTCY_CAP = yuan(300_000);

interface Line {
  type: "charge" | "adjustment";
  labelZh: string;
  labelEn: string;
  base: Fen | null;
  rate: number | null;
  amount: Fen;
  article: string;
}

function applyTable(amountFen: Fen, table: BracketTable): Line[] {
  const lines: Line[] = [];
  let lower = 0n;
  if (table.fixed) {
    lines.push({
      type: "charge",
      labelZh: table.fixed.labelZh,
      labelEn: table.fixed.labelEn,
      base: null,
      rate: null,
      amount: table.fixed.fen,
      article: table.article,
    });
    lower = yuan(table.fixed.upTo);
  }
  for (const bracket of table.brackets) {
    const upper = bracket.upTo === null ? null : yuan(bracket.upTo);
    if (amountFen > lower && bracket.permille > 0) {
      const part = (upper !== null && amountFen > upper ? upper : amountFen) - lower;
      lines.push({
        type: "charge",
        labelZh: `${bracket.labelZh}（${bracket.permille / 10}%）`,
        labelEn: `${bracket.labelEn} (${bracket.permille / 10}%)`,
        base: part,
        rate: bracket.permille / 1000,
        amount: divRound(part * BigInt(bracket.permille), 1000n),
        article: table.article,
      });
    }
    if (upper === null || amountFen <= upper) break;
    lower = upper;
  }
  return lines;
}

const fixedLine = (fen: Fen, labelZh: string, labelEn: string, article: string): Line => ({
  type: "charge",
  labelZh,
  labelEn,
  base: null,
  rate: null,
  amount: fen,
  article,
});

const sum = (lines: readonly Line[]): Fen => lines.reduce((total, line) => total + line.amount, 0n);

/** Reduces the running total to `factor` of itself (rounded half-up) with an adjustment line. */
function scaleLine(
  total: Fen,
  numerator: bigint,
  denominator: bigint,
  labelZh: string,
  labelEn: string,
  article: string,
): Line {
  const scaled = divRound(total * numerator, denominator);
  return {
    type: "adjustment",
    labelZh,
    labelEn,
    base: total,
    rate: Number(numerator) / Number(denominator),
    amount: scaled - total,
    article,
  };
}

function capLine(total: Fen, cap: Fen, labelZh: string, labelEn: string, article: string): Line | null {
  if (total <= cap) return null;
  return { type: "adjustment", labelZh, labelEn, base: total, rate: null, amount: cap - total, article };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const PROCEDURES: readonly string[] = ["ordinary", "simplified", "small_claims"];
const RESOLUTIONS: readonly string[] = ["judgment", "mediation", "withdrawal"];
const SUBJECTS: readonly string[] = ["trademark", "patent", "maritime", "other"];

interface RangeRule {
  min: number;
  max: number;
  labelZh: string;
  labelEn: string;
  article: string;
}

const RANGES = {
  divorce: {
    min: 50,
    max: 300,
    labelZh: "离婚案件，每件50元至300元",
    labelEn: "Divorce: 50–300 yuan per case",
    article: `${ACT}第十三条第（二）项第1目`,
  },
  personality_rights: {
    min: 100,
    max: 500,
    labelZh: "人格权案件，每件100元至500元",
    labelEn: "Personality rights: 100–500 yuan per case",
    article: `${ACT}第十三条第（二）项第2目`,
  },
  other_non_property: {
    min: 50,
    max: 100,
    labelZh: "其他非财产案件，每件50元至100元",
    labelEn: "Other non-property case: 50–100 yuan per case",
    article: `${ACT}第十三条第（二）项第3目`,
  },
  intellectual_property: {
    min: 500,
    max: 1_000,
    labelZh: "知识产权民事案件（无争议金额），每件500元至1000元",
    labelEn: "Intellectual property, no amount in dispute: 500–1,000 yuan per case",
    article: `${ACT}第十三条第（三）项`,
  },
  jurisdiction_objection: {
    min: 50,
    max: 100,
    labelZh: "管辖权异议不成立，每件50元至100元",
    labelEn: "Unsuccessful jurisdiction objection: 50–100 yuan per case",
    article: `${ACT}第十三条第（六）项`,
  },
  enforcement: {
    min: 50,
    max: 500,
    labelZh: "申请执行（无执行金额），每件50元至500元",
    labelEn: "Enforcement with no amount: 50–500 yuan per case",
    article: `${ACT}第十四条第（一）项第1目`,
  },
} satisfies Record<string, RangeRule>;

const MARITIME: Record<MaritimeApplication, RangeRule> = {
  limitation_fund: {
    min: 1_000,
    max: 10_000,
    labelZh: "申请设立海事赔偿责任限制基金，每件1000元至1万元",
    labelEn: "Maritime liability limitation fund: 1,000–10,000 yuan per case",
    article: `${ACT}第十四条第（七）项第1目`,
  },
  injunction: {
    min: 1_000,
    max: 5_000,
    labelZh: "申请海事强制令，每件1000元至5000元",
    labelEn: "Maritime injunction: 1,000–5,000 yuan per case",
    article: `${ACT}第十四条第（七）项第2目`,
  },
  ship_priority_notice: {
    min: 1_000,
    max: 5_000,
    labelZh: "申请船舶优先权催告，每件1000元至5000元",
    labelEn: "Public summons on maritime liens: 1,000–5,000 yuan per case",
    article: `${ACT}第十四条第（七）项第3目`,
  },
  claim_registration: {
    min: 1_000,
    max: 1_000,
    labelZh: "申请海事债权登记，每件1000元",
    labelEn: "Registration of maritime claims: 1,000 yuan per case",
    article: `${ACT}第十四条第（七）项第4目`,
  },
  general_average: {
    min: 1_000,
    max: 1_000,
    labelZh: "申请共同海损理算，每件1000元",
    labelEn: "General average adjustment: 1,000 yuan per case",
    article: `${ACT}第十四条第（七）项第5目`,
  },
};

function rangeFor(input: FeeInput): RangeRule | null {
  switch (input.kind) {
    case "divorce":
    case "personality_rights":
    case "other_non_property":
    case "jurisdiction_objection":
      return RANGES[input.kind];
    case "intellectual_property":
      return input.amount === undefined ? RANGES.intellectual_property : null;
    case "enforcement":
      return input.amount === undefined ? RANGES.enforcement : null;
    case "maritime_application":
      return MARITIME[input.application] ?? null;
    default:
      return null;
  }
}

/** Lists every problem with a fee input (empty when it can be computed). */
export function validateFeeInput(input: FeeInput): FeeInputIssue[] {
  const issues: FeeInputIssue[] = [];
  const record = input as unknown as Record<string, unknown>;
  const required = (field: string, allowZero: boolean) => {
    if (record[field] === undefined) issues.push({ path: field, code: "amount_required" });
    else optional(field, allowZero);
  };
  const optional = (field: string, allowZero: boolean) => {
    if (record[field] === undefined) return;
    const issue = amountIssue(record[field], field, { allowZero });
    if (issue) issues.push(issue);
  };
  const acceptanceOptions = () => {
    if (record.procedure !== undefined && !PROCEDURES.includes(record.procedure as string)) {
      issues.push({ path: "procedure", code: "unknown_procedure" });
    }
    if (record.resolution !== undefined && !RESOLUTIONS.includes(record.resolution as string)) {
      issues.push({ path: "resolution", code: "unknown_resolution" });
    }
  };
  switch (input.kind) {
    case "property":
      required("amount", false);
      acceptanceOptions();
      break;
    case "divorce":
      optional("propertyAmount", true);
      acceptanceOptions();
      break;
    case "personality_rights":
      optional("damages", true);
      acceptanceOptions();
      break;
    case "intellectual_property":
      optional("amount", false);
      acceptanceOptions();
      break;
    case "other_non_property":
    case "labour":
      acceptanceOptions();
      break;
    case "administrative":
      if (!SUBJECTS.includes(input.subject)) issues.push({ path: "subject", code: "unknown_subject" });
      acceptanceOptions();
      break;
    case "enforcement":
      optional("amount", false);
      break;
    case "preservation":
      optional("amount", true);
      break;
    case "payment_order":
    case "bankruptcy":
      required("amount", false);
      break;
    case "maritime_application":
      if (!(input.application in MARITIME)) issues.push({ path: "application", code: "unknown_application" });
      break;
    case "jurisdiction_objection":
    case "public_notice":
    case "arbitration_review":
      break;
    default:
      issues.push({ path: "kind", code: "unknown_kind" });
      return issues;
  }
  if (record.baseFee !== undefined) {
    const range = rangeFor(input);
    const issue = amountIssue(record.baseFee, "baseFee", { allowZero: false });
    if (issue) issues.push(issue);
    else if (!range) issues.push({ path: "baseFee", code: "base_fee_not_applicable" });
    else if ((record.baseFee as number) < range.min || (record.baseFee as number) > range.max) {
      issues.push({ path: "baseFee", code: "base_fee_out_of_range" });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Calculation
// ---------------------------------------------------------------------------------------------

/** Acceptance fee (案件受理费) kinds that 第十五条 and 第十六条 halve. */
const ACCEPTANCE_FEE_KINDS: ReadonlySet<FeeKind> = new Set([
  "property",
  "divorce",
  "personality_rights",
  "other_non_property",
  "intellectual_property",
  "labour",
  "administrative",
]);

function rangeLines(input: FeeInput, range: RangeRule): Line[] {
  const chosen = (input as RangeOption).baseFee ?? range.min;
  return [fixedLine(toFen(chosen), range.labelZh, range.labelEn, range.article)];
}

function computeLines(input: FeeInput): Line[] {
  switch (input.kind) {
    case "property":
      return applyTable(toFen(input.amount), PROPERTY_TABLE);
    case "divorce": {
      // 不超过20万元的，不另行交纳；超过20万元的部分，按照0.5%交纳.
      return [
        ...rangeLines(input, RANGES.divorce),
        ...applyTable(toFen(input.propertyAmount ?? 0), DIVORCE_PROPERTY_TABLE),
      ];
    }
    case "personality_rights": {
      // 赔偿金额不超过5万元的，不另行交纳；超过5万元至10万元的部分1%；超过10万元的部分0.5%.
      return [
        ...rangeLines(input, RANGES.personality_rights),
        ...applyTable(toFen(input.damages ?? 0), PERSONALITY_DAMAGES_TABLE),
      ];
    }
    case "other_non_property":
      return rangeLines(input, RANGES.other_non_property);
    case "intellectual_property":
      // 第十三条第（三）项: with an amount in dispute, the property-case brackets apply.
      if (input.amount === undefined) return rangeLines(input, RANGES.intellectual_property);
      return applyTable(toFen(input.amount), {
        ...PROPERTY_TABLE,
        article: `${ACT}第十三条第（三）项、第（一）项`,
      });
    case "labour":
      return [
        fixedLine(
          yuan(10),
          "劳动争议案件，每件10元",
          "Labour dispute: 10 yuan per case",
          `${ACT}第十三条第（四）项`,
        ),
      ];
    case "administrative":
      return [
        input.subject === "other"
          ? fixedLine(
              yuan(50),
              "其他行政案件，每件50元",
              "Administrative case: 50 yuan per case",
              `${ACT}第十三条第（五）项第2目`,
            )
          : fixedLine(
              yuan(100),
              "商标、专利、海事行政案件，每件100元",
              "Trademark, patent or maritime administrative case: 100 yuan per case",
              `${ACT}第十三条第（五）项第1目`,
            ),
      ];
    case "jurisdiction_objection":
      return rangeLines(input, RANGES.jurisdiction_objection);
    case "enforcement":
      if (input.amount === undefined) return rangeLines(input, RANGES.enforcement);
      return applyTable(toFen(input.amount), ENFORCEMENT_TABLE);
    case "preservation": {
      const lines = applyTable(toFen(input.amount ?? 0), PRESERVATION_TABLE);
      const cap = capLine(
        sum(lines),
        PRESERVATION_CAP,
        "保全申请费最多不超过5000元",
        "Preservation fee capped at 5,000 yuan",
        PRESERVATION_TABLE.article,
      );
      if (cap) lines.push(cap);
      return lines;
    }
    case "payment_order": {
      // 第十四条第（三）项: 比照财产案件受理费标准的1/3交纳.
      const lines = applyTable(toFen(input.amount), PROPERTY_TABLE);
      lines.push(
        scaleLine(
          sum(lines),
          1n,
          3n,
          "申请支付令，按财产案件受理费标准的1/3",
          "Payment order: one third of the property-case fee",
          `${ACT}第十四条第（三）项`,
        ),
      );
      return lines;
    }
    case "public_notice":
      return [
        fixedLine(
          yuan(100),
          "申请公示催告，每件100元",
          "Public summons for exhortation: 100 yuan per case",
          `${ACT}第十四条第（四）项`,
        ),
      ];
    case "arbitration_review":
      return [
        fixedLine(
          yuan(400),
          "申请撤销仲裁裁决或者认定仲裁协议效力，每件400元",
          "Setting aside an arbitral award or ruling on an arbitration agreement: 400 yuan per case",
          `${ACT}第十四条第（五）项`,
        ),
      ];
    case "bankruptcy": {
      // 第十四条第（六）项: 依据破产财产总额计算，按照财产案件受理费标准减半交纳，但是，最高不超过30万元.
      const article = `${ACT}第十四条第（六）项`;
      const lines = applyTable(toFen(input.amount), PROPERTY_TABLE);
      lines.push(
        scaleLine(
          sum(lines),
          1n,
          2n,
          "破产案件，按财产案件受理费标准减半",
          "Bankruptcy: half the property-case fee",
          article,
        ),
      );
      const cap = capLine(
        sum(lines),
        BANKRUPTCY_CAP,
        "破产申请费最高不超过30万元",
        "Bankruptcy fee capped at 300,000 yuan",
        article,
      );
      if (cap) lines.push(cap);
      return lines;
    }
    case "maritime_application":
      return rangeLines(input, MARITIME[input.application]);
  }
}

type HalvingReason = NonNullable<FeeQuote["halvedFor"]>;

function halvingReason(input: FeeInput): HalvingReason | null {
  if (!ACCEPTANCE_FEE_KINDS.has(input.kind)) return null;
  const { procedure, resolution } = input as AcceptanceFeeOptions;
  // 民诉法解释第二百零六条: the fee is halved only once, whatever the number of grounds.
  if (procedure === "simplified") return "simplified_procedure";
  if (procedure === "small_claims") return "small_claims";
  if (resolution === "mediation") return "mediation";
  if (resolution === "withdrawal") return "withdrawal";
  return null;
}

const HALVING_LABELS: Record<HalvingReason, { zh: string; en: string; article: string }> = {
  simplified_procedure: {
    zh: "适用简易程序，减半交纳",
    en: "Simplified procedure: halved",
    article: `${ACT}第十六条`,
  },
  small_claims: {
    zh: "适用小额诉讼程序（简易程序），减半交纳",
    en: "Small-claims procedure (a simplified procedure): halved",
    article: `${ACT}第十六条；民事诉讼法第一百六十五条；民诉法解释第二百八十一条`,
  },
  mediation: {
    zh: "以调解方式结案，减半交纳",
    en: "Settled by mediation: halved",
    article: `${ACT}第十五条`,
  },
  withdrawal: { zh: "申请撤诉，减半交纳", en: "Withdrawn: halved", article: `${ACT}第十五条` },
};

function present(line: Line): FeeLine {
  return {
    type: line.type,
    labelZh: line.labelZh,
    labelEn: line.labelEn,
    base: line.base === null ? null : fenToYuan(line.base),
    rate: line.rate,
    amount: fenToYuan(line.amount),
    article: line.article,
    articleEn: citationInEnglish(line.article),
  };
}

/** The fee for an input once its acceptance fee is halved where the law says so. */
function totalOf(input: FeeInput): { lines: Line[]; total: Fen; reason: HalvingReason | null } {
  const lines = computeLines(input);
  const reason = halvingReason(input);
  if (reason) {
    const label = HALVING_LABELS[reason];
    lines.push(scaleLine(sum(lines), 1n, 2n, label.zh, label.en, label.article));
  }
  return { lines, total: sum(lines), reason };
}

/**
 * Computes a litigation fee under 诉讼费用交纳办法 with its breakdown; where the law gives a range
 * the fee uses `baseFee` or the minimum. Throws FeeInputError (`fee_input_invalid`) for bad input.
 */
export function calculateFee(input: FeeInput): FeeQuote {
  const issues = validateFeeInput(input);
  if (issues.length > 0) throw new FeeInputError(issues);
  const { lines, total, reason } = totalOf(input);
  const rule = rangeFor(input);
  const range =
    rule && rule.min !== rule.max
      ? {
          min: fenToYuan(totalOf({ ...input, baseFee: rule.min } as FeeInput).total),
          max: fenToYuan(totalOf({ ...input, baseFee: rule.max } as FeeInput).total),
        }
      : null;
  return {
    kind: input.kind,
    fee: fenToYuan(total),
    feeFen: Number(total),
    breakdown: lines.map(present),
    range,
    halvedFor: reason,
  };
}
