import { AppError, enqueueJob, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { lockCase, openDeadline } from "../../cases/index";
import { courtDateOf } from "../../courts/index";
import {
  assertRelation,
  assertStatus,
  loadMediation,
  lockMediationFor,
  othersThan,
  userOf,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { mediationPeriodJobKind, mediationPeriodKey } from "../mediation.job-kinds";
import {
  insertExtension,
  lockOpenExtension,
  updateExtension,
  updateMediation,
} from "../mediation.repository";
import { computeMediationPeriod, extensionState } from "../mediation.rules";

/**
 * A side proposes to extend the mediation period by some days; it takes effect once every other party
 * agrees (在线调解规则第二十四条第一款: 各方当事人同意延长的，不受此限). Throws `mediation_not_found`,
 * `forbidden`, `mediation_status_conflict`.
 */
export async function proposeMediationExtension(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  days: number,
): Promise<{ id: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent");
  return inTransaction(context.db, async (trx) => {
    const { row, parts, relation } = await lockMediationFor(trx, meta.actor, mediationId);
    assertStatus(row, "in_progress");
    if (await lockOpenExtension(trx, row.id)) {
      throw new AppError("mediation_status_conflict", [
        { code: "extension_open", message: "a proposal is already open" },
      ]);
    }
    const partyId = relation.ownPartyIds[0]!;
    const id = await insertExtension(trx, {
      mediationId: row.id,
      proposedBy: user.userId,
      partyId,
      days,
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.extension_proposed",
      courtEvent: null,
      data: { extensionId: id, days, partyId },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_extension_proposed",
          params: { days },
        },
      ],
    });
    return { id };
  });
}

/**
 * A party (or its agent) answers the open extension proposal for the parties they speak for. When every
 * party other than the proposer's has agreed, the period end moves and its deadline and job with it;
 * one refusal closes the proposal. Throws `mediation_not_found`, `forbidden`,
 * `mediation_status_conflict`, `mediation_extension_not_open`.
 */
export async function answerMediationExtension(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  answer: "agreed" | "refused",
): Promise<{ status: "open" | "agreed" | "refused"; periodEndsOn: string | null }> {
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent");
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.case_id);
    const { row, parts, relation } = await lockMediationFor(trx, meta.actor, mediationId);
    assertStatus(row, "in_progress");
    const extension = await lockOpenExtension(trx, row.id);
    if (!extension) throw new AppError("mediation_extension_not_open");
    const proposerParties = new Set([
      extension.party_id,
      ...parts.agents.filter((a) => a.user_id === extension.proposed_by).map((a) => a.party_id),
    ]);
    for (const p of parts.parties) if (p.user_id === extension.proposed_by) proposerParties.add(p.id);
    const toAnswer = parts.parties.map((p) => p.id).filter((id) => !proposerParties.has(id));
    const answering = relation.ownPartyIds.filter(
      (id) => toAnswer.includes(id) && extension.answers[id] === undefined,
    );
    if (answering.length === 0) throw new AppError("mediation_extension_not_open");
    const answers = { ...extension.answers };
    for (const id of answering) answers[id] = answer;
    const state = extensionState(answers, toAnswer);
    await updateExtension(trx, extension.id, { answers, status: state, now: meta.now });
    let periodEndsOn: string | null = null;
    if (state === "agreed") {
      const extraDays =
        parts.extensions.filter((e) => e.status === "agreed").reduce((sum, e) => sum + e.days, 0) +
        extension.days;
      const period = await openDeadline(trx, {
        caseId: row.case_id,
        kind: "mediation_period",
        period: computeMediationPeriod(courtDateOf(row.accepted_at!), extraDays),
        now: meta.now,
      });
      periodEndsOn = period.endsOn;
      await updateMediation(
        trx,
        row.id,
        { period_ends_on: period.endsOn, period_ends_at: period.endsAt },
        meta.now,
      );
      await enqueueJob(
        trx,
        mediationPeriodJobKind,
        { mediationId: row.id },
        {
          runAt: period.endsAt,
          now: meta.now,
          dedupeKey: mediationPeriodKey(row.id),
        },
      );
    }
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.extension_answered",
      courtEvent: state === "agreed" ? "mediation_period_extended" : null,
      data: {
        extensionId: extension.id,
        answer,
        partyIds: answering,
        state,
        periodEndsOn,
        basis: "人民法院在线调解规则第二十四条",
      },
      inbox:
        state === "open"
          ? []
          : [
              {
                recipientIds: othersThan(meta.actor, row, parts),
                kind: state === "agreed" ? "mediation_period_extended" : "mediation_extension_refused",
                params: { days: extension.days, periodEndsOn },
              },
            ],
    });
    return { status: state, periodEndsOn };
  });
}
