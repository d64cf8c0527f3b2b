import type { Executor } from "../../platform";
import type { ElementValueType } from "./judgment.elements";
import type {
  ElementPosition,
  ElementSide,
  ElementSource,
  ElementValue,
  SettledKind,
} from "./judgment.tables";

const valueColumns = [
  "element_key",
  "value_type",
  "proposed_value",
  "proposed_source",
  "proposed_by",
  "proposed_at",
  "plaintiff_position",
  "plaintiff_reason",
  "plaintiff_counter_value",
  "plaintiff_marked_by",
  "plaintiff_marked_at",
  "defendant_position",
  "defendant_reason",
  "defendant_counter_value",
  "defendant_marked_by",
  "defendant_marked_at",
  "settled_value",
  "settled_kind",
  "settled_reasons",
  "settled_evidence_ids",
  "settled_by",
  "settled_at",
  "updated_at",
] as const;

const json = (value: ElementValue | null): string | null => (value === null ? null : JSON.stringify(value));

export async function findElementTable(db: Executor, caseId: string) {
  return db
    .selectFrom("case_element_tables")
    .select(["case_id", "table_id", "cause_code", "created_at"])
    .where("case_id", "=", caseId)
    .executeTakeFirst();
}

export async function listElementValues(db: Executor, caseId: string) {
  return db.selectFrom("case_element_values").select(valueColumns).where("case_id", "=", caseId).execute();
}

export type ElementValueRow = Awaited<ReturnType<typeof listElementValues>>[number];

/** Locks one element's row for a command (closes races between the two sides and the judge). */
export async function lockElementValue(db: Executor, caseId: string, key: string) {
  return db
    .selectFrom("case_element_values")
    .select(valueColumns)
    .where("case_id", "=", caseId)
    .where("element_key", "=", key)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Creates a case's element table with its elements and the pre-filled values; a second, concurrent
 * creation leaves the first in place. Returns whether this call created it.
 */
export async function insertElementTable(
  db: Executor,
  input: {
    caseId: string;
    tableId: string;
    causeCode: string;
    elements: Array<{ key: string; valueType: ElementValueType; prefilled: ElementValue | null }>;
    now: Date;
  },
): Promise<boolean> {
  const created = await db
    .insertInto("case_element_tables")
    .values({
      case_id: input.caseId,
      table_id: input.tableId,
      cause_code: input.causeCode,
      created_at: input.now,
    })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .returning("case_id")
    .executeTakeFirst();
  if (!created) return false;
  if (input.elements.length > 0) {
    await db
      .insertInto("case_element_values")
      .values(
        input.elements.map((element) => ({
          case_id: input.caseId,
          element_key: element.key,
          value_type: element.valueType,
          proposed_value: json(element.prefilled),
          proposed_source: element.prefilled === null ? null : ("complaint" as const),
          proposed_by: null,
          proposed_at: element.prefilled === null ? null : input.now,
          plaintiff_reason: null,
          plaintiff_counter_value: null,
          plaintiff_marked_by: null,
          plaintiff_marked_at: null,
          defendant_reason: null,
          defendant_counter_value: null,
          defendant_marked_by: null,
          defendant_marked_at: null,
          settled_value: null,
          settled_kind: null,
          settled_reasons: null,
          settled_by: null,
          settled_at: null,
          updated_at: input.now,
        })),
      )
      .execute();
  }
  return true;
}

/** Records one side's position on an element. */
export async function updateSidePosition(
  db: Executor,
  input: {
    caseId: string;
    key: string;
    side: ElementSide;
    position: ElementPosition;
    reason: string | null;
    counterValue: ElementValue | null;
    userId: string;
    now: Date;
  },
): Promise<void> {
  const values =
    input.side === "plaintiff"
      ? {
          plaintiff_position: input.position,
          plaintiff_reason: input.reason,
          plaintiff_counter_value: json(input.counterValue),
          plaintiff_marked_by: input.userId,
          plaintiff_marked_at: input.now,
        }
      : {
          defendant_position: input.position,
          defendant_reason: input.reason,
          defendant_counter_value: json(input.counterValue),
          defendant_marked_by: input.userId,
          defendant_marked_at: input.now,
        };
  await db
    .updateTable("case_element_values")
    .set({ ...values, updated_at: input.now })
    .where("case_id", "=", input.caseId)
    .where("element_key", "=", input.key)
    .execute();
}

/** Records a proposed value with both sides' positions after it. */
export async function updateProposal(
  db: Executor,
  input: {
    caseId: string;
    key: string;
    value: ElementValue;
    source: ElementSource;
    positions: Record<ElementSide, ElementPosition>;
    /** The side whose position changed to agreed by proposing. */
    proposer: ElementSide;
    resetsOther: boolean;
    userId: string;
    now: Date;
  },
): Promise<void> {
  const reset = { reason: null, counter_value: null, marked_by: null, marked_at: null };
  const mark = { reason: null, counter_value: null, marked_by: input.userId, marked_at: input.now };
  const side = (name: ElementSide) => {
    const fields = name === input.proposer ? mark : input.resetsOther ? reset : null;
    if (!fields) return {};
    return name === "plaintiff"
      ? {
          plaintiff_reason: fields.reason,
          plaintiff_counter_value: fields.counter_value,
          plaintiff_marked_by: fields.marked_by,
          plaintiff_marked_at: fields.marked_at,
        }
      : {
          defendant_reason: fields.reason,
          defendant_counter_value: fields.counter_value,
          defendant_marked_by: fields.marked_by,
          defendant_marked_at: fields.marked_at,
        };
  };
  await db
    .updateTable("case_element_values")
    .set({
      proposed_value: json(input.value),
      proposed_source: input.source,
      proposed_by: input.userId,
      proposed_at: input.now,
      plaintiff_position: input.positions.plaintiff,
      defendant_position: input.positions.defendant,
      ...side("plaintiff"),
      ...side("defendant"),
      updated_at: input.now,
    })
    .where("case_id", "=", input.caseId)
    .where("element_key", "=", input.key)
    .execute();
}

/** Records the judge's finding on an element. */
export async function updateSettlement(
  db: Executor,
  input: {
    caseId: string;
    key: string;
    value: ElementValue;
    kind: SettledKind;
    reasons: string | null;
    evidenceIds: string[];
    userId: string;
    now: Date;
  },
): Promise<void> {
  await db
    .updateTable("case_element_values")
    .set({
      settled_value: JSON.stringify(input.value),
      settled_kind: input.kind,
      settled_reasons: input.reasons,
      settled_evidence_ids: JSON.stringify(input.evidenceIds),
      settled_by: input.userId,
      settled_at: input.now,
      updated_at: input.now,
    })
    .where("case_id", "=", input.caseId)
    .where("element_key", "=", input.key)
    .execute();
}
