import type { ErrorDetail } from "@netcourt/shared";
import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { lockCase } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { issueDocument } from "../../documents/index";
import { buildMediationAgreementModels, type CostsArrangement } from "../documents/mediation-agreement";
import { assertRelation, loadMediation, lockMediationFor, sideAccounts, userOf } from "../mediation.access";
import {
  insertAgreement,
  listSignatures,
  lockLiveAgreement,
  setMediationStatus,
  supersedeAgreement,
} from "../mediation.confirmation.repository";
import { recordMediationAct } from "../mediation.events";
import type { MediationParts, MediationRow } from "../mediation.repository";
import { findMediator } from "../mediators.repository";

/** The terms as the mediator enters them; parties are named by id. */
export interface AgreementTerms {
  facts: string;
  obligations: Array<{
    obligorPartyId: string;
    obligeePartyId: string;
    description: string;
    amountFen: number | null;
    dueOn: string | null;
  }>;
  costs: { kind: "borne_by"; partyId: string } | { kind: "shared_equally" } | { kind: "each_own" };
  otherTerms: string[];
  /** The accepted offer the terms carry out, if any. */
  offerId?: string | null | undefined;
}

export interface DraftAgreementOptions {
  mediationId: string;
  terms: AgreementTerms;
}

/** What is wrong with the terms: parties that are not parties, a party owing itself, past dates, an offer not accepted. */
function termIssues(terms: AgreementTerms, parts: MediationParts, today: string): ErrorDetail[] {
  const partyIds = new Set(parts.parties.map((p) => p.id));
  const issues: ErrorDetail[] = [];
  terms.obligations.forEach((o, i) => {
    if (!partyIds.has(o.obligorPartyId))
      issues.push({
        path: `terms.obligations.${i}.obligorPartyId`,
        code: "not_a_party",
        message: "not a party",
      });
    if (!partyIds.has(o.obligeePartyId))
      issues.push({
        path: `terms.obligations.${i}.obligeePartyId`,
        code: "not_a_party",
        message: "not a party",
      });
    if (o.obligorPartyId === o.obligeePartyId)
      issues.push({
        path: `terms.obligations.${i}.obligeePartyId`,
        code: "same_party",
        message: "owes itself",
      });
    // A performance date already past when the agreement is made cannot be performed.
    if (o.dueOn !== null && o.dueOn < today)
      issues.push({ path: `terms.obligations.${i}.dueOn`, code: "in_the_past", message: "date in the past" });
  });
  if (terms.costs.kind === "borne_by" && !partyIds.has(terms.costs.partyId))
    issues.push({ path: "terms.costs.partyId", code: "not_a_party", message: "not a party" });
  if (terms.offerId) {
    const offer = parts.offers.find((o) => o.id === terms.offerId);
    if (!offer || offer.status !== "accepted")
      issues.push({ path: "terms.offerId", code: "offer_not_accepted", message: "not an accepted offer" });
  }
  return issues;
}

function assertCanDraft(row: MediationRow): void {
  // 在线调解规则第十九条: the agreement is drawn up while the mediation runs, and redrawn before signing.
  if (row.status !== "in_progress" && row.status !== "agreement_drafted")
    throw new AppError("agreement_status_conflict", [
      {
        code: "draftAgreement",
        message: `cannot draft an agreement from ${row.status}`,
        params: { from: row.status },
      },
    ]);
}

/**
 * The mediator draws up the mediation agreement online (人民法院在线调解规则第十九条): a court document
 * of kind `mediation_agreement` (zh original + en translation) the parties then read and sign. A draft
 * nobody has signed may be redrawn; the new version supersedes it. Throws `mediation_not_found`,
 * `forbidden`, `agreement_status_conflict`, `agreement_already_signed`, `agreement_terms_invalid`.
 */
export async function draftMediationAgreement(
  context: AppContext,
  meta: CommandMeta,
  options: DraftAgreementOptions,
): Promise<{ agreementId: string; version: number; contentSha256: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, options.mediationId);
  assertRelation(access, "mediator");
  assertCanDraft(access.row);
  const today = courtDateOf(meta.now);
  const issues = termIssues(options.terms, access.parts, today);
  if (issues.length > 0) throw new AppError("agreement_terms_invalid", issues);

  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockMediationFor(trx, meta.actor, options.mediationId);
    assertCanDraft(row);
    const previous = await lockLiveAgreement(trx, row.id);
    if (previous) {
      if ((await listSignatures(trx, previous.id)).length > 0) throw new AppError("agreement_already_signed");
      await supersedeAgreement(trx, previous.id);
    }
    const version = (previous?.version ?? 0) + 1;
    const court = (await findCourt(trx, row.court_id))!;
    const mediator = row.mediator_id ? await findMediator(trx, row.court_id, row.mediator_id) : undefined;
    const caseRow = await lockCase(trx, row.case_id);
    const nameOf = (partyId: string) => parts.parties.find((p) => p.id === partyId)!.name;
    const costs: CostsArrangement =
      options.terms.costs.kind === "borne_by"
        ? { kind: "borne_by", partyName: nameOf(options.terms.costs.partyId) }
        : options.terms.costs;
    const models = buildMediationAgreementModels({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: caseRow.case_number,
      organisationNameZh: mediator?.organisation_name ?? null,
      organisationNameEn: mediator?.organisation_name_en ?? null,
      mediatorName: mediator?.display_name ?? user.name,
      parties: parts.parties.map((p) => ({
        name: p.name,
        role: p.role,
        agentNames: parts.agents
          .filter((a) => a.party_id === p.id && a.status === "active")
          .map((a) => a.name),
      })),
      causeNameZh: caseRow.cause_name_zh,
      causeNameEn: caseRow.cause_name_en,
      facts: options.terms.facts,
      obligations: options.terms.obligations.map((o) => ({
        obligor: nameOf(o.obligorPartyId),
        obligee: nameOf(o.obligeePartyId),
        description: o.description,
        amountFen: o.amountFen,
        dueOn: o.dueOn,
      })),
      costs,
      otherTerms: options.terms.otherTerms,
      version,
      draftedOn: today,
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.case_id,
      courtId: row.court_id,
      zh: models.zh,
      en: models.en,
      issuedBy: user.userId,
      now: meta.now,
    });
    // Parties sign what the Chinese original says (its content hash), whatever the file format.
    const contentSha256 = issued.zh.contentSha256;
    const agreementId = await insertAgreement(trx, {
      mediation_id: row.id,
      version,
      status: "draft",
      terms: { ...options.terms, offerId: options.terms.offerId ?? null },
      issue_id: issued.issueId,
      content_sha256: contentSha256,
      drafted_by: user.userId,
      drafted_at: meta.now,
    });
    await setMediationStatus(trx, row.id, "agreement_drafted", meta.now);
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.agreement_drafted",
      courtEvent: "agreement_drafted",
      data: {
        agreementId,
        version,
        contentSha256,
        issueId: issued.issueId,
        supersedes: previous?.id ?? null,
      },
      inbox: [{ recipientIds: sideAccounts(parts), kind: "agreement_drafted", params: { version } }],
    });
    return { agreementId, version, contentSha256 };
  });
}
