// Lookup and search over the civil causes of action in causes.data.ts.

import { CAUSES_OF_ACTION, type CauseOfAction, type FeeKindHint } from "./causes.data";

const BY_ID: ReadonlyMap<string, CauseOfAction> = new Map(CAUSES_OF_ACTION.map((c) => [c.id, c]));

const BY_NAME: ReadonlyMap<string, CauseOfAction> = (() => {
  const index = new Map<string, CauseOfAction>();
  // Official names win over aliases; the first entry wins among aliases.
  for (const cause of CAUSES_OF_ACTION) index.set(cause.nameZh, cause);
  for (const cause of CAUSES_OF_ACTION) {
    for (const alias of cause.aliasesZh ?? []) if (!index.has(alias)) index.set(alias, cause);
  }
  return index;
})();

/** The cause with this id, or undefined. */
export function findCause(id: string): CauseOfAction | undefined {
  return BY_ID.get(id);
}

/** The cause with this Chinese name or alias (e.g. 网络购物合同纠纷 → 信息网络买卖合同纠纷). */
export function findCauseByName(nameZh: string): CauseOfAction | undefined {
  return BY_NAME.get(nameZh.normalize("NFKC").trim());
}

/** The direct children of a cause, in list order (the parts when `id` is null). */
export function childCauses(id: string | null): CauseOfAction[] {
  return CAUSES_OF_ACTION.filter((c) => c.parentId === id);
}

/** The chain from the part (level 1) down to the cause itself. */
export function causePath(id: string): CauseOfAction[] {
  const path: CauseOfAction[] = [];
  for (let cause = BY_ID.get(id); cause; cause = cause.parentId ? BY_ID.get(cause.parentId) : undefined) {
    path.unshift(cause);
  }
  return path;
}

/** The fee kind of a cause, inherited from the nearest ancestor that has one; null if none does. */
export function feeKindOfCause(id: string): FeeKindHint | null {
  const path = causePath(id);
  for (let i = path.length - 1; i >= 0; i--) {
    const kind = path[i]!.feeKind;
    if (kind) return kind;
  }
  return null;
}

export interface CauseSearchOptions {
  /** Only causes that can fall within 互联网法院规定第二条. */
  internetCourtOnly?: boolean;
  /** Only causes at these levels. */
  levels?: readonly CauseOfAction["level"][];
  limit?: number;
}

/**
 * Finds causes whose Chinese name, alias or English name contains the query; exact names first,
 * then prefixes, then the most specific (deepest) causes.
 */
export function searchCauses(query: string, options: CauseSearchOptions = {}): CauseOfAction[] {
  const needle = query.normalize("NFKC").trim().toLowerCase();
  if (needle === "") return [];
  const scored: { cause: CauseOfAction; score: number; order: number }[] = [];
  CAUSES_OF_ACTION.forEach((cause, order) => {
    if (options.internetCourtOnly && !cause.internetCourt) return;
    if (options.levels && !options.levels.includes(cause.level)) return;
    const names = [cause.nameZh, ...(cause.aliasesZh ?? [])];
    const english = cause.nameEn.toLowerCase();
    let score: number;
    if (names.includes(needle) || english === needle) score = 0;
    else if (names.some((n) => n.startsWith(needle)) || english.startsWith(needle)) score = 1;
    else if (names.some((n) => n.includes(needle)) || english.includes(needle)) score = 2;
    else return;
    scored.push({ cause, score, order });
  });
  scored.sort((a, b) => a.score - b.score || b.cause.level - a.cause.level || a.order - b.order);
  return scored.slice(0, options.limit ?? scored.length).map((s) => s.cause);
}
