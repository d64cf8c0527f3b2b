import type { Executor } from "../../platform";
import { findActiveAccountNames } from "../identity/index";
import { selectJudgeMemberships } from "./courts.repository";
import type { DivisionKind } from "./courts.tables";

/** A judge of a court as case assignment sees one. */
export interface CourtJudge {
  userId: string;
  name: string;
  divisionId: string | null;
  divisionKind: DivisionKind | null;
  titleZh: string | null;
  titleEn: string | null;
}

/**
 * Active judges of a court whose accounts are not disabled, optionally of some kinds of division (for
 * assignment), ordered by name and then account id so that a draw over them is reproducible. The
 * names come from the identity context, which owns the accounts.
 */
export async function listJudges(
  db: Executor,
  courtId: string,
  divisionKinds?: DivisionKind[],
): Promise<CourtJudge[]> {
  const memberships = await selectJudgeMemberships(db, courtId, divisionKinds);
  const names = await findActiveAccountNames(
    db,
    memberships.map((m) => m.userId),
  );
  return memberships
    .flatMap((m) => {
      const name = names.get(m.userId);
      return name === undefined ? [] : [{ ...m, name }];
    })
    .sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.userId, b.userId));
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
