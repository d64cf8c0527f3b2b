import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, openDeadline } from "../../cases/index";
import { computePeriodEnd } from "../../courts/index";
import {
  accountsOfParties,
  assertCaseStaff,
  assertEvidenceStage,
  loadEvidenceCase,
  lockEvidenceCase,
  userOf,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import { upsertPeriod } from "../evidence.repository";
import {
  CROSS_EXAMINATION_LIMITS,
  evidencePeriodLimits,
  isPeriodLengthAllowed,
  planPeriod,
} from "../evidence.rules";
import type { EvidencePeriodKind } from "../evidence.tables";

export interface SetEvidencePeriodOptions {
  caseId: string;
  kind: EvidencePeriodKind;
  days: number;
}

/** The case deadline each period opens (case_deadlines kind) and its labels. */
export const periodDeadlines = {
  evidence: { kind: "evidence_period", zh: "举证期限", en: "Time to produce evidence" },
  cross_examination: { kind: "cross_examination_period", zh: "质证期限", en: "Time for cross-examination" },
} as const;

/**
 * The judge or a clerk sets the period for evidence (民事诉讼法第六十八条; its length by procedure:
 * 民诉法解释第九十九条、第二百六十六条、第二百七十五条) or for online cross-examination (在线诉讼规则第十四条),
 * counted from today. Setting the evidence period opens evidence exchange on the case. Every party is
 * told in its inbox. Throws `case_not_found`, `forbidden`, `case_status_conflict`, `evidence_period_invalid`.
 */
export async function setEvidencePeriod(
  context: AppContext,
  meta: CommandMeta,
  options: SetEvidencePeriodOptions,
) {
  const user = userOf(meta.actor);
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  assertCaseStaff(access);
  assertEvidenceStage(access.row);
  const limits =
    options.kind === "evidence"
      ? evidencePeriodLimits(access.row.procedure ?? "ordinary")
      : CROSS_EXAMINATION_LIMITS;
  // 民诉法解释第九十九条/第二百六十六条/第二百七十五条: the length the procedure allows.
  if (!isPeriodLengthAllowed(limits, options.days)) {
    throw new AppError("evidence_period_invalid", [
      {
        path: "days",
        code: "out_of_range",
        message: `between ${limits.min} and ${limits.max} days (${limits.basis})`,
        params: { min: limits.min, max: limits.max, basis: limits.basis },
      },
    ]);
  }
  const plan = planPeriod(meta.now, options.days);
  const labels = periodDeadlines[options.kind];
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    assertEvidenceStage(locked.row);
    await upsertPeriod(trx, {
      caseId: locked.row.id,
      kind: options.kind,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      endsAt: plan.endsAt,
      days: plan.days,
      basis: limits.basis,
      setBy: user.userId,
      now: meta.now,
    });
    await openDeadline(trx, {
      caseId: locked.row.id,
      kind: labels.kind,
      period: {
        ...computePeriodEnd({ start: plan.startsOn, length: plan.days, unit: "day" }),
        length: plan.days,
        unit: "day",
        labelZh: labels.zh,
        labelEn: labels.en,
        basis: limits.basis,
      },
      now: meta.now,
    });
    if (options.kind === "evidence" && ["accepted", "service"].includes(locked.row.status)) {
      await changeCaseStatus(trx, meta, {
        row: locked.row,
        transition: "openEvidenceExchange",
        timeline: { kind: "evidence_exchange_opened", data: { endsOn: plan.endsOn }, isPublic: true },
      });
    }
    const data = {
      kind: options.kind,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      days: plan.days,
      basis: limits.basis,
    };
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.period_set",
      courtEvent: "evidence_period_set",
      data,
      inbox: [
        {
          recipientIds: accountsOfParties(
            locked.parts,
            locked.parts.parties.map((p) => p.id),
          ),
          kind: "evidence_period_set",
          params: { ...data, caseNumber: locked.row.case_number },
        },
      ],
    });
    return data;
  });
}
