import { api } from "../../platform/api-client";

// The element table API (`/api/cases/:caseId/elements…`). Shapes follow
// apps/server/src/modules/judgment/judgment.schemas.ts.

export type ElementSide = "plaintiff" | "defendant";
export type ElementPosition = "pending" | "agreed" | "disputed";
export type ElementValueType = "amount" | "date" | "rate" | "boolean" | "text" | "duration";
export type ElementDuration = { months: number; days: number };
/** Fen for amounts, YYYY-MM-DD, a rate in percent per year as text, true/false, text or a duration. */
export type ElementValue = number | string | boolean | ElementDuration;

export interface SidePosition {
  position: ElementPosition;
  reason: string | null;
  counterValue: ElementValue | null;
  markedAt: string | null;
}

export interface ComputedFigure {
  key: string;
  kind: "lending_rate_cap";
  capPercent: string;
  exceedsCap: boolean | null;
  lprPercent: string | null;
  lprPublishedOn: string | null;
  article: string;
}

export interface CaseElement {
  key: string;
  labelZh: string;
  labelEn: string;
  valueType: ElementValueType;
  legalBasis: string;
  provedBy: Array<{ kind: string; zh: string; en: string }>;
  isRequired: boolean;
  proposal: {
    value: ElementValue;
    source: "complaint" | "plaintiff" | "defendant" | "judge";
    proposedAt: string | null;
  } | null;
  positions: Record<ElementSide, SidePosition>;
  status: "open" | "agreed" | "disputed" | "settled";
  isSettled: boolean;
  settlement: {
    value: ElementValue;
    kind: "agreed" | "decided";
    reasons: string | null;
    evidenceIds: string[];
    settledAt: string;
  } | null;
  computed: ComputedFigure[];
  actions: Array<"agree" | "dispute" | "propose" | "settle">;
}

export interface ElementTableView {
  caseId: string;
  table: { id: string; nameZh: string; nameEn: string } | null;
  mySides: ElementSide[];
  actions: Array<"settle_agreed">;
  counts: { total: number; open: number; agreed: number; disputed: number; settled: number };
  elements: CaseElement[];
}

const base = (caseId: string) => `/api/cases/${caseId}/elements`;

export const elementsApi = {
  get: (caseId: string, signal?: AbortSignal) => api.get<ElementTableView>(base(caseId), { signal }),
  mark: (
    caseId: string,
    key: string,
    body: {
      side?: ElementSide;
      position: "agreed" | "disputed";
      reason?: string | null;
      counterValue?: ElementValue | null;
    },
  ) => api.put<ElementTableView>(`${base(caseId)}/${key}/position`, body),
  propose: (caseId: string, key: string, body: { side?: ElementSide; value: ElementValue }) =>
    api.put<ElementTableView>(`${base(caseId)}/${key}/proposal`, body),
  settle: (
    caseId: string,
    key: string,
    body: { value: ElementValue; reasons: string; evidenceIds?: string[] },
  ) => api.put<ElementTableView>(`${base(caseId)}/${key}/settlement`, body),
  settleAgreed: (caseId: string) => api.post<ElementTableView>(`${base(caseId)}/settle-agreed`, {}),
};
