// The rules of a case's element table (要素式审判): the shape of each kind of value, what the complaint
// pre-fills, the state of an element between the parties' positions and the judge's settlement, and the
// figures the amount rules compute from settled or proposed values. Pure functions; `now` is never read.

import type { ElementTable, ElementValueType, JudgmentElement, PrefillSource } from "./judgment.elements";
import { AmountInputError, privateLendingCaps } from "./judgment.amounts";
import { loanKindOfCause } from "./judgment.elements";
import type {
  ElementDuration,
  ElementPosition,
  ElementSide,
  ElementSource,
  ElementValue,
} from "./judgment.tables";

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** 10 trillion yuan in fen, the bound fees.rules.ts and judgment.amounts accept. */
const MAX_FEN = 1_000_000_000_000_000;
/** A day an element can name: from the founding of the state to the end of this century. */
const FIRST_DAY = "1949-10-01";
const LAST_DAY = "2099-12-31";
const MAX_TEXT = 2000;

export type ElementValueIssueCode =
  | "amount_invalid"
  | "date_invalid"
  | "date_out_of_range"
  | "rate_invalid"
  | "boolean_invalid"
  | "text_invalid"
  | "text_too_long"
  | "duration_invalid";

export interface ElementValueIssue {
  path: string;
  code: ElementValueIssueCode;
  message: string;
}

export type CheckedValue = { ok: true; value: ElementValue } | { ok: false; issue: ElementValueIssue };

const MESSAGES: Record<ElementValueIssueCode, string> = {
  amount_invalid: "an amount is a whole number of fen, 0 or more",
  date_invalid: "a date is a calendar day written YYYY-MM-DD",
  date_out_of_range: `a date lies between ${FIRST_DAY} and ${LAST_DAY}`,
  rate_invalid: 'a rate is a decimal percent per year with at most four decimals ("15.4")',
  boolean_invalid: "the value is true or false",
  text_invalid: "the text is not empty",
  text_too_long: `the text has at most ${MAX_TEXT} characters`,
  duration_invalid: "a duration is { months, days }, whole numbers, not both zero",
};

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a value against an element's type and returns it in its stored form: fen as a safe integer
 * ≥ 0, an ISO calendar day within sane bounds, a rate as a decimal string in percent per year (as
 * judgment.amounts reads rates), true/false, trimmed text up to 2,000 characters, or a duration.
 */
export function checkElementValue(type: ElementValueType, raw: unknown, path = "value"): CheckedValue {
  const fail = (code: ElementValueIssueCode): CheckedValue => ({
    ok: false,
    issue: { path, code, message: MESSAGES[code] },
  });
  switch (type) {
    case "amount":
      return typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 && raw <= MAX_FEN
        ? { ok: true, value: raw }
        : fail("amount_invalid");
    case "date":
      if (typeof raw !== "string" || !isCalendarDay(raw)) return fail("date_invalid");
      return raw < FIRST_DAY || raw > LAST_DAY ? fail("date_out_of_range") : { ok: true, value: raw };
    case "rate":
      if (typeof raw !== "string" || !/^\d{1,3}(\.\d{1,4})?$/.test(raw)) return fail("rate_invalid");
      return { ok: true, value: normaliseRate(raw) };
    case "boolean":
      return typeof raw === "boolean" ? { ok: true, value: raw } : fail("boolean_invalid");
    case "text": {
      if (typeof raw !== "string" || raw.trim().length === 0) return fail("text_invalid");
      const text = raw.trim();
      return text.length > MAX_TEXT ? fail("text_too_long") : { ok: true, value: text };
    }
    case "duration": {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("duration_invalid");
      const { months, days, ...rest } = raw as Record<string, unknown>;
      const whole = (n: unknown, max: number) =>
        typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max;
      if (Object.keys(rest).length > 0 || !whole(months, 1200) || !whole(days, 36_500))
        return fail("duration_invalid");
      if (months === 0 && days === 0) return fail("duration_invalid");
      return { ok: true, value: { months, days } as ElementDuration };
    }
  }
}

/** "015.40" → "15.4": one spelling per rate, so equal rates compare equal. */
function normaliseRate(text: string): string {
  const [whole = "0", fraction = ""] = text.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const integer = String(Number(whole));
  return trimmed ? `${integer}.${trimmed}` : integer;
}

/** Two stored values are the same value. */
export function sameValue(a: ElementValue | null, b: ElementValue | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------
// Pre-filling from the complaint
// ---------------------------------------------------------------------------------------------

/** What a filed complaint states, as the cases and filing contexts keep it. */
export interface ComplaintFacts {
  claimsTotalFen: number | null;
  plaintiffName: string | null;
  defendantName: string | null;
  factsAndReasons: string | null;
  evidenceNames: string[];
  /** The first interest clause read from the claims (filing extraction). */
  interest: {
    baseFen: number | null;
    /** Annual rate in percent ("15.4"), when the claim states one that converts to it. */
    ratePercent: string | null;
    from: string | null;
    until: string | null;
  } | null;
}

function prefillRaw(source: PrefillSource, facts: ComplaintFacts): unknown {
  switch (source) {
    case "claims.total":
      return facts.claimsTotalFen && facts.claimsTotalFen > 0 ? facts.claimsTotalFen : null;
    case "claims.interest.base":
      return facts.interest?.baseFen ?? null;
    case "claims.interest.rate":
      return facts.interest?.ratePercent ?? null;
    case "claims.interest.from":
      return facts.interest?.from ?? null;
    case "claims.interest.until":
      return facts.interest?.until ?? null;
    case "parties.plaintiff.name":
      return facts.plaintiffName;
    case "parties.defendant.name":
      return facts.defendantName;
    case "complaint.evidence":
      return facts.evidenceNames.length > 0 ? facts.evidenceNames.join("；") : null;
    case "complaint.factsAndReasons":
      return facts.factsAndReasons;
  }
}

/**
 * The value the complaint gives an element, or null: only elements naming a prefill source, and only
 * a value that fits the element's type (a pre-filled value is a proposal the parties confirm or
 * dispute, never a finding).
 */
export function prefillValue(element: JudgmentElement, facts: ComplaintFacts): ElementValue | null {
  if (!element.prefill) return null;
  const raw = prefillRaw(element.prefill, facts);
  if (raw === null || raw === undefined) return null;
  const checked = checkElementValue(element.valueType, raw);
  return checked.ok ? checked.value : null;
}

/** A rate read from a claim ("annual" 15.4 or "monthly" 2) as an annual percent text, or null. */
export function annualRateText(rate: { kind: string; value: number } | null): string | null {
  if (!rate || !Number.isFinite(rate.value) || rate.value <= 0) return null;
  // A monthly rate is twelve times itself a year; daily and LPR-linked rates need the contract's terms.
  const annual = rate.kind === "annual" ? rate.value : rate.kind === "monthly" ? rate.value * 12 : null;
  if (annual === null) return null;
  const text = (Math.round(annual * 10_000) / 10_000).toString();
  return /^\d{1,3}(\.\d{1,4})?$/.test(text) ? text : null;
}

// ---------------------------------------------------------------------------------------------
// Positions and settlement
// ---------------------------------------------------------------------------------------------

export interface ElementState {
  proposedValue: ElementValue | null;
  proposedSource: ElementSource | null;
  plaintiffPosition: ElementPosition;
  defendantPosition: ElementPosition;
  isSettled: boolean;
}

/** Both sides agreed the proposed value (民诉法解释第九十二条: an admission the judge still reviews). */
export function isAgreed(state: ElementState): boolean {
  return (
    state.proposedValue !== null &&
    state.plaintiffPosition === "agreed" &&
    state.defendantPosition === "agreed"
  );
}

/** At least one side disputes the element: a point in dispute (争议焦点, 民诉法解释第二百二十六条). */
export function isDisputed(state: ElementState): boolean {
  return state.plaintiffPosition === "disputed" || state.defendantPosition === "disputed";
}

export function otherSide(side: ElementSide): ElementSide {
  return side === "plaintiff" ? "defendant" : "plaintiff";
}

/** Why a side may not mark a position now, or null. */
export function positionRefusal(
  state: ElementState,
  position: "agreed" | "disputed",
): "element_settled" | "element_no_value" | null {
  if (state.isSettled) return "element_settled";
  if (position === "agreed" && state.proposedValue === null) return "element_no_value";
  return null;
}

/** Why a side may not propose a value now, or null. */
export function proposalRefusal(state: ElementState): "element_settled" | "element_agreed" | null {
  if (state.isSettled) return "element_settled";
  if (isAgreed(state)) return "element_agreed";
  return null;
}

/**
 * The positions after a side proposes a value: the proposer agrees with its own value; a changed value
 * resets the other side's earlier position, which was given on another value.
 */
export function positionsAfterProposal(
  state: ElementState,
  side: ElementSide,
  value: ElementValue,
): Record<ElementSide, ElementPosition> & { resetsOther: boolean } {
  const other = otherSide(side);
  const changed = !sameValue(state.proposedValue, value);
  const otherBefore = other === "plaintiff" ? state.plaintiffPosition : state.defendantPosition;
  const otherAfter = changed ? "pending" : otherBefore;
  return {
    [side]: "agreed",
    [other]: otherAfter,
    resetsOther: changed && otherBefore !== "pending",
  } as Record<ElementSide, ElementPosition> & { resetsOther: boolean };
}

// ---------------------------------------------------------------------------------------------
// Computed elements
// ---------------------------------------------------------------------------------------------

export interface ComputedFigure {
  /** The element the figure belongs to. */
  key: string;
  kind: "lending_rate_cap";
  /** The annual cap in percent ("14.8"). */
  capPercent: string;
  /** The agreed rate is above the cap (the excess is not supported). */
  exceedsCap: boolean | null;
  /** The one-year LPR the cap is four times, and the day it was published. */
  lprPercent: string | null;
  lprPublishedOn: string | null;
  article: string;
}

/** The value an element stands at: the settled value, else the proposed one. */
export type CurrentValues = ReadonlyMap<string, ElementValue | null>;

function rateHundredths(text: string): number {
  const [whole = "0", fraction = ""] = text.split(".");
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, "0"));
}

/**
 * What the amount rules compute from the table: for a loan table, the cap on the agreed rate from the
 * day the contract was made — four times the one-year LPR then (民间借贷规定第二十五条第一款). Lenders
 * licensed as financial institutions or local financial organisations are outside those provisions
 * (法释〔2020〕27号), so the figure is a reference the judge weighs when settling the rate. Returns
 * nothing when the date is missing, before 2020-08-20, or beyond the LPR table.
 */
export function computeElementFigures(
  table: ElementTable,
  causeId: string,
  values: CurrentValues,
): ComputedFigure[] {
  if (table.id !== "loan" || !loanKindOfCause(causeId)) return [];
  const contractDate = values.get("contract_date");
  if (typeof contractDate !== "string" || contractDate < "2020-08-20") return [];
  let cap;
  try {
    cap = privateLendingCaps({ contractDate, from: contractDate, until: contractDate })[0];
  } catch (error) {
    if (error instanceof AmountInputError) return [];
    throw error;
  }
  if (!cap) return [];
  const rate = values.get("interest_rate");
  return [
    {
      key: "interest_rate",
      kind: "lending_rate_cap",
      capPercent: cap.capPercent,
      exceedsCap: typeof rate === "string" ? rateHundredths(rate) > rateHundredths(cap.capPercent) : null,
      lprPercent: cap.source.kind === "lpr_multiple" ? cap.source.lpr.ratePercent : null,
      lprPublishedOn: cap.source.kind === "lpr_multiple" ? cap.source.lpr.publishedOn : null,
      article: cap.article,
    },
  ];
}
