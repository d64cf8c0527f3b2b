import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, lockCase } from "../../cases/index";
import { courtDateOf } from "../../courts/index";
import { assertMayActForParties, authorisedPartyIds } from "../mediation.confirmation.access";
import {
  loadMediation,
  lockMediationFor,
  othersThan,
  sideAccounts,
  userOf,
  type MediationAccess,
} from "../mediation.access";
import {
  insertSignatures,
  listSignatures,
  lockLiveAgreement,
  markAgreementEffective,
  setMediationStatus,
  type AgreementRow,
} from "../mediation.confirmation.repository";
import {
  computeConfirmationApplicationDeadline,
  isFullySigned,
  partiesToSignFor,
} from "../mediation.confirmation.rules";
import { recordMediationAct } from "../mediation.events";

export interface SignAgreementOptions {
  mediationId: string;
  /** The content hash of the agreement version the signer read. */
  contentSha256: string;
}

export interface SignAgreementResult {
  agreementId: string;
  signedFor: Array<{ role: "party" | "agent" | "mediator"; partyId: string | null }>;
  isEffective: boolean;
  effectiveOn: string | null;
  applicationDueOn: string | null;
}

function assertSignable(
  access: MediationAccess,
  agreement: AgreementRow | undefined,
  sha256: string,
): AgreementRow {
  if (
    access.relation.kind !== "party" &&
    access.relation.kind !== "agent" &&
    access.relation.kind !== "mediator"
  )
    throw new AppError("forbidden", [
      { code: "signer_only", message: "only the parties and the mediator sign" },
    ]);
  if (!agreement) throw new AppError("agreement_not_found");
  if (access.row.status !== "agreement_drafted" || agreement.status !== "draft")
    throw new AppError("agreement_status_conflict", [
      {
        code: "signAgreement",
        message: `cannot sign from ${access.row.status}`,
        params: { from: access.row.status },
      },
    ]);
  // 互联网法院规定第十九条: the online confirmation is the signature of what the signer read; a newer
  // version is a different text.
  if (agreement.content_sha256 !== sha256)
    throw new AppError("agreement_changed", [
      {
        path: "contentSha256",
        code: "stale",
        message: "not the current version",
        params: { version: agreement.version },
      },
    ]);
  return agreement;
}

/**
 * Signs the mediation agreement online (人民法院在线调解规则第十九条; 互联网法院规定第十九条 and 在线诉讼规则
 * 第三十三条: online confirmation meets the signature requirement) for the parties the signer is or
 * represents with special authority, or as the mediator; records who, when, the hash and the IP.
 * With the last signature the agreement takes effect (`agreed`), and the numbered pre-litigation case
 * is closed as settled out of court (在线调解规则第二十条: 按诉讼外调解结案); the parties then have 30 days
 * to apply for judicial confirmation (民事诉讼法第二百零五条). Throws `mediation_not_found`, `forbidden`,
 * `agreement_not_found`, `agreement_status_conflict`, `agreement_changed`, `agreement_signature_exists`.
 */
export async function signMediationAgreement(
  context: AppContext,
  meta: CommandMeta,
  options: SignAgreementOptions,
): Promise<SignAgreementResult> {
  const user = userOf(meta.actor);
  const pre = await loadMediation(context.db, meta.actor, options.mediationId);
  if (pre.relation.kind === "party" || pre.relation.kind === "agent")
    assertMayActForParties(authorisedPartyIds(meta.actor, pre.parts));

  return inTransaction(context.db, async (trx) => {
    const access = await lockMediationFor(trx, meta.actor, options.mediationId);
    const { row, parts } = access;
    const agreement = assertSignable(access, await lockLiveAgreement(trx, row.id), options.contentSha256);
    const signatures = await listSignatures(trx, agreement.id);
    const signedPartyIds = signatures.flatMap((s) => (s.party_id ? [s.party_id] : []));
    const mediatorSigned = signatures.some((s) => s.signer_role === "mediator");

    const rows: Parameters<typeof insertSignatures>[1] = [];
    const base = {
      agreementId: agreement.id,
      signerUserId: user.userId,
      contentSha256: agreement.content_sha256,
      ip: meta.ip,
      now: meta.now,
    };
    if (access.relation.kind === "mediator") {
      if (mediatorSigned) throw new AppError("agreement_signature_exists");
      rows.push({ ...base, signerRole: "mediator", partyId: null });
    } else {
      const authorised = authorisedPartyIds(meta.actor, parts);
      const self = partiesToSignFor(authorised.self, signedPartyIds);
      const asAgent = partiesToSignFor(authorised.asAgent, [...signedPartyIds, ...self]);
      if (self.length + asAgent.length === 0) throw new AppError("agreement_signature_exists");
      for (const partyId of self) rows.push({ ...base, signerRole: "party", partyId });
      for (const partyId of asAgent) rows.push({ ...base, signerRole: "agent", partyId });
    }
    await insertSignatures(trx, rows);

    const signedFor = rows.map((r) => ({ role: r.signerRole, partyId: r.partyId }));
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.agreement_signed",
      courtEvent: "agreement_signed",
      data: {
        agreementId: agreement.id,
        version: agreement.version,
        contentSha256: agreement.content_sha256,
        signedFor: signedFor.map((s) => ({ role: s.role, partyId: s.partyId })),
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "agreement_signed",
          params: { signerName: user.name },
        },
      ],
    });

    const effective = isFullySigned({
      partyIds: parts.parties.map((p) => p.id),
      signedPartyIds: [...signedPartyIds, ...rows.flatMap((r) => (r.partyId ? [r.partyId] : []))],
      mediatorSigned: mediatorSigned || access.relation.kind === "mediator",
    });
    if (!effective)
      return {
        agreementId: agreement.id,
        signedFor,
        isEffective: false,
        effectiveOn: null,
        applicationDueOn: null,
      };

    // 在线调解规则第十九条第二款: effective from the moment every party has signed.
    const effectiveOn = courtDateOf(meta.now);
    const applicationDueOn = computeConfirmationApplicationDeadline(effectiveOn).end;
    await markAgreementEffective(trx, agreement.id, meta.now, effectiveOn);
    await setMediationStatus(trx, row.id, "agreed", meta.now);
    // 在线调解规则第二十条第一款: agreed before registration → closed as settled out of court; the
    // dispute is settled whether or not the parties later seek confirmation. A case is closed under its
    // number (民诉前调); one the mediation never numbered stays in mediation, settled by the agreement.
    const caseRow = await lockCase(trx, row.case_id);
    if (caseRow.status === "mediation" && caseRow.case_number !== null) {
      await changeCaseStatus(trx, meta, {
        row: caseRow,
        transition: "closeByMediation",
        patch: { closed_at: meta.now, closure_reason: "mediation_agreement" },
        timeline: { kind: "closed_by_mediation", data: { agreementId: agreement.id }, isPublic: false },
      });
    }
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.agreement_effective",
      courtEvent: "agreement_effective",
      data: {
        agreementId: agreement.id,
        contentSha256: agreement.content_sha256,
        effectiveOn,
        applicationDueOn,
      },
      inbox: [
        {
          recipientIds: [...sideAccounts(parts), ...(row.mediator_user_id ? [row.mediator_user_id] : [])],
          kind: "agreement_effective",
          params: { effectiveOn, applicationDueOn },
        },
      ],
    });
    return { agreementId: agreement.id, signedFor, isEffective: true, effectiveOn, applicationDueOn };
  });
}
