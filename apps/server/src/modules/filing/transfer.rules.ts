import { endOfCourtDay, type CaseStatus } from "../cases/index";
import { computePeriodEnd, courtDateOf, type IsoDate } from "../courts/index";

// When a ruling that upholds an objection to jurisdiction takes effect, and so when the case may be
// transferred, as pure functions: every instant is a parameter.

/** One service of the ruling on a party, as the rule reads it. */
interface RulingService {
  /** When service was complete; null while it is not. */
  servedAt: Date | null;
  /** Days of the appeal period that service opens (10 for a ruling); null when none. */
  appealDays: number | null;
}

/** Where a ruling on jurisdiction stands. */
export type RulingEffect =
  /** In force: final when made, or every party's appeal period is over. */
  | { state: "effective"; effectiveOn: IsoDate }
  /** Served on everyone; the last appeal period ends at `appealEndsAt` (its court day `appealEndsOn`). */
  | { state: "appeal_period"; appealEndsAt: Date; appealEndsOn: IsoDate }
  /** Not yet served on every party: no appeal period has ended for them, so it cannot be effective. */
  | { state: "awaiting_service" };

/**
 * Whether a ruling on jurisdiction has taken effect at `now`.
 * - Small claims: 民诉法解释第二百七十六条 — the ruling on an objection to jurisdiction takes effect when made
 *   (民事诉讼法第一百六十五条: 一审终审).
 * - Otherwise: 民事诉讼法第一百五十八条 — a ruling takes effect once the appeal period has passed without an
 *   appeal; the period is 10 days from service on each party (第一百七十一条第二款), counted by 第八十五条.
 *   The ruling is effective the court day after the last party's period ends. No appeal is filed on the
 *   platform yet, so a period that has ended is taken as ended without appeal.
 */
export function jurisdictionRulingEffect(input: {
  isFinalWhenMade: boolean;
  decidedAt: Date;
  services: readonly RulingService[];
  now: Date;
}): RulingEffect {
  if (input.isFinalWhenMade) return { state: "effective", effectiveOn: courtDateOf(input.decidedAt) };
  if (input.services.length === 0 || input.services.some((s) => s.servedAt === null))
    return { state: "awaiting_service" };
  let lastEnd: IsoDate | null = null;
  for (const service of input.services) {
    if (service.appealDays === null) continue;
    const { end } = computePeriodEnd({
      start: courtDateOf(service.servedAt!),
      length: service.appealDays,
      unit: "day",
    });
    if (lastEnd === null || end > lastEnd) lastEnd = end;
  }
  if (lastEnd === null) return { state: "effective", effectiveOn: courtDateOf(input.decidedAt) };
  const appealEndsAt = endOfCourtDay(lastEnd);
  if (input.now.getTime() <= appealEndsAt.getTime())
    return { state: "appeal_period", appealEndsAt, appealEndsOn: lastEnd };
  return { state: "effective", effectiveOn: courtDateOf(new Date(appealEndsAt.getTime() + 1)) };
}

/**
 * Whether the court still rules on an objection to jurisdiction in a case of this status: registered
 * and not yet at judgment (民事诉讼法第一百三十条) — never once the case has been transferred away.
 */
export function canRuleOnJurisdiction(status: CaseStatus): boolean {
  return (
    status === "accepted" || status === "service" || status === "evidence_exchange" || status === "hearing"
  );
}

/**
 * 民事诉讼法第三十七条: the court transfers a case it may not hear to the competent court — here once the
 * ruling upholding an objection to jurisdiction has taken effect (第一百三十条、第一百五十八条).
 */
export function canTransferCase(effect: RulingEffect): boolean {
  return effect.state === "effective";
}
