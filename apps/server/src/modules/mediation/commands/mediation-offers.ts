import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  assertRelation,
  assertStatus,
  loadMediation,
  lockMediationFor,
  othersThan,
  userOf,
  type MediationAccess,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { answerOffer, insertOffer, lockOffer } from "../mediation.repository";
import { sideOfRole, type Side } from "../mediation.rules";

function sideOfParty(access: MediationAccess, partyId: string): Side | null {
  const party = access.parts.parties.find((p) => p.id === partyId);
  return party ? sideOfRole(party.role) : null;
}

/**
 * A side proposes how to settle, with an amount (在线调解规则第十八条: the parties propose solutions),
 * or answers the other side's open offer with a counter-offer. Throws `mediation_not_found`,
 * `forbidden`, `mediation_status_conflict`, `mediation_offer_not_found`, `mediation_offer_not_open`,
 * `mediation_offer_own_side`.
 */
export async function makeMediationOffer(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  input: { amountFen: number; terms: string; partyId: string | null; answersOfferId: string | null },
): Promise<{ id: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent");
  return inTransaction(context.db, async (trx) => {
    const locked = await lockMediationFor(trx, meta.actor, mediationId);
    const { row, parts, relation } = locked;
    assertStatus(row, "in_progress");
    const partyId = input.partyId ?? relation.ownPartyIds[0];
    if (partyId === undefined || !relation.ownPartyIds.includes(partyId)) {
      throw new AppError("forbidden", [
        { path: "partyId", code: "not_your_party", message: "offer for a party you are or represent" },
      ]);
    }
    if (input.answersOfferId !== null) {
      const answered = await lockOffer(trx, row.id, input.answersOfferId);
      if (!answered) throw new AppError("mediation_offer_not_found");
      if (answered.status !== "open") throw new AppError("mediation_offer_not_open");
      if (sideOfParty(locked, answered.party_id) === sideOfParty(locked, partyId))
        throw new AppError("mediation_offer_own_side");
      await answerOffer(trx, {
        offerId: answered.id,
        status: "countered",
        userId: user.userId,
        now: meta.now,
      });
    }
    const id = await insertOffer(trx, {
      mediationId: row.id,
      answersOfferId: input.answersOfferId,
      partyId,
      madeBy: user.userId,
      amountFen: input.amountFen,
      terms: input.terms,
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.offer_made",
      courtEvent: "mediation_offer",
      data: {
        offerId: id,
        partyId,
        amountFen: input.amountFen,
        answersOfferId: input.answersOfferId,
        basis: "人民法院在线调解规则第十八条",
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_offer_made",
          params: { amount: input.amountFen / 100, isCounter: input.answersOfferId !== null },
        },
      ],
    });
    return { id };
  });
}

/**
 * The other side accepts or rejects an open offer. An accepted offer is the basis of the mediation
 * agreement the mediator then drafts (在线调解规则第十九条). Throws `mediation_not_found`, `forbidden`,
 * `mediation_status_conflict`, `mediation_offer_not_found`, `mediation_offer_not_open`,
 * `mediation_offer_own_side`.
 */
export async function answerMediationOffer(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  offerId: string,
  answer: "accepted" | "rejected",
): Promise<{ status: "accepted" | "rejected" }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent");
  return inTransaction(context.db, async (trx) => {
    const locked = await lockMediationFor(trx, meta.actor, mediationId);
    const { row, parts } = locked;
    assertStatus(row, "in_progress");
    const offer = await lockOffer(trx, row.id, offerId);
    if (!offer) throw new AppError("mediation_offer_not_found");
    if (offer.status !== "open") throw new AppError("mediation_offer_not_open");
    const offerSide = sideOfParty(locked, offer.party_id);
    if (!locked.sides.some((side) => side !== offerSide)) throw new AppError("mediation_offer_own_side");
    await answerOffer(trx, { offerId, status: answer, userId: user.userId, now: meta.now });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: `mediation.offer_${answer}`,
      courtEvent: "mediation_offer_answered",
      data: { offerId, answer, amountFen: Number(offer.amount_fen) },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_offer_answered",
          params: { amount: Number(offer.amount_fen) / 100, answer },
        },
      ],
    });
    return { status: answer };
  });
}
