import { PROOF_KINDS, type ElementTable, type JudgmentElement } from "./judgment.elements";
import type { ElementValueRow } from "./judgment.repository";
import type { ElementSide, ElementValue } from "./judgment.tables";
import {
  computeElementFigures,
  isAgreed,
  isDisputed,
  positionRefusal,
  proposalRefusal,
  type ElementState,
} from "./element-values.rules";

export interface TableCapabilities {
  /** The sides the caller marks for now (empty outside the marking stage or for staff). */
  sides: ElementSide[];
  /** The caller is the judge of the case and the case is at a stage where elements are settled. */
  canSettle: boolean;
}

export type ElementAction = "agree" | "dispute" | "propose" | "settle";

function stateOf(row: ElementValueRow): ElementState {
  return {
    proposedValue: row.proposed_value,
    proposedSource: row.proposed_source,
    plaintiffPosition: row.plaintiff_position,
    defendantPosition: row.defendant_position,
    isSettled: row.settled_at !== null,
  };
}

/** open, agreed by both sides, disputed by one, or settled by the judge. */
export function elementStatus(row: ElementValueRow): "open" | "agreed" | "disputed" | "settled" {
  const state = stateOf(row);
  if (state.isSettled) return "settled";
  if (isAgreed(state)) return "agreed";
  if (isDisputed(state)) return "disputed";
  return "open";
}

function sidePosition(row: ElementValueRow, side: ElementSide) {
  return side === "plaintiff"
    ? {
        position: row.plaintiff_position,
        reason: row.plaintiff_reason,
        counterValue: row.plaintiff_counter_value,
        markedAt: row.plaintiff_marked_at?.toISOString() ?? null,
      }
    : {
        position: row.defendant_position,
        reason: row.defendant_reason,
        counterValue: row.defendant_counter_value,
        markedAt: row.defendant_marked_at?.toISOString() ?? null,
      };
}

function actionsOn(row: ElementValueRow, capabilities: TableCapabilities): ElementAction[] {
  const state = stateOf(row);
  const actions: ElementAction[] = [];
  if (capabilities.sides.length > 0) {
    if (positionRefusal(state, "agreed") === null) actions.push("agree");
    if (positionRefusal(state, "disputed") === null) actions.push("dispute");
    if (proposalRefusal(state) === null) actions.push("propose");
  }
  if (capabilities.canSettle) actions.push("settle");
  return actions;
}

/** The table, each element with its definition, values, positions, settlement, figures and the caller's actions. */
export function presentElementTable(input: {
  caseId: string;
  causeCode: string | null;
  table: ElementTable | undefined;
  elements: readonly JudgmentElement[];
  rows: ElementValueRow[];
  capabilities: TableCapabilities;
}) {
  const { table, capabilities } = input;
  const byKey = new Map(input.rows.map((row) => [row.element_key, row]));
  const current = new Map<string, ElementValue | null>(
    input.rows.map((row) => [row.element_key, row.settled_value ?? row.proposed_value]),
  );
  const figures = table && input.causeCode ? computeElementFigures(table, input.causeCode, current) : [];
  const elements = input.elements.flatMap((element) => {
    const row = byKey.get(element.key);
    if (!row) return [];
    const status = elementStatus(row);
    return [
      {
        key: element.key,
        labelZh: element.labelZh,
        labelEn: element.labelEn,
        valueType: element.valueType,
        legalBasis: element.legalBasis,
        provedBy: element.provedBy.map((kind) => ({
          kind,
          zh: PROOF_KINDS[kind].zh,
          en: PROOF_KINDS[kind].en,
        })),
        isRequired: element.isRequired,
        proposal:
          row.proposed_value === null || row.proposed_source === null
            ? null
            : {
                value: row.proposed_value,
                source: row.proposed_source,
                proposedAt: row.proposed_at?.toISOString() ?? null,
              },
        positions: { plaintiff: sidePosition(row, "plaintiff"), defendant: sidePosition(row, "defendant") },
        status,
        isSettled: status === "settled",
        settlement:
          row.settled_at === null || row.settled_value === null || row.settled_kind === null
            ? null
            : {
                value: row.settled_value,
                kind: row.settled_kind,
                reasons: row.settled_reasons,
                evidenceIds: row.settled_evidence_ids,
                settledAt: row.settled_at.toISOString(),
              },
        computed: figures.filter((figure) => figure.key === element.key),
        actions: actionsOn(row, capabilities),
      },
    ];
  });
  const count = (status: string) => elements.filter((e) => e.status === status).length;
  return {
    caseId: input.caseId,
    table: table ? { id: table.id, nameZh: table.nameZh, nameEn: table.nameEn } : null,
    mySides: capabilities.sides,
    actions:
      capabilities.canSettle && elements.some((e) => e.status === "agreed") ? ["settle_agreed" as const] : [],
    counts: {
      total: elements.length,
      open: count("open"),
      agreed: count("agreed"),
      disputed: count("disputed"),
      settled: count("settled"),
    },
    elements,
  };
}

export type ElementTableView = ReturnType<typeof presentElementTable>;
