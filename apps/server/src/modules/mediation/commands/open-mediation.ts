import { randomBytes } from "node:crypto";
import { enqueueJob, type CommandMeta, type Tx } from "../../../platform";
import {
  assignCaseMediator,
  caseCodeFromBytes,
  insertCasePartyCode,
  listCasePartyCodes,
  openDeadline,
  type CaseParts,
  type CaseRow,
} from "../../cases/index";
import { courtDateOf, listStaff } from "../../courts/index";
import { queuePartyNotice } from "../../delivery/index";
import { sideAccounts } from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import {
  acceptanceDueJobKind,
  acceptanceDueKey,
  appointmentDueJobKind,
  appointmentDueKey,
  justAfter,
} from "../mediation.job-kinds";
import { insertConsents, updateMediation } from "../mediation.repository";
import { computeAcceptanceDeadline, computeAppointmentDeadline } from "../mediation.rules";
import type { MediatorRow } from "../mediators.repository";

/**
 * Gives each respondent without an account a case code and queues the invitation to mediate with it
 * (SMS, falling back to e-mail): 在线调解规则第十五条 asks the other side whether it agrees, and
 * 在线诉讼规则第七条 has it register and verify its identity before it takes part online; it then links
 * its party with the code (the verified ID number or credit code must equal the applicant's entry).
 */
async function inviteRespondents(trx: Tx, row: CaseRow, parts: CaseParts, now: Date): Promise<void> {
  const codes = new Set((await listCasePartyCodes(trx, row.id)).map((c) => c.party_id));
  for (const party of parts.parties) {
    if (party.role !== "defendant" || party.user_id !== null) continue;
    if (!codes.has(party.id)) {
      await insertCasePartyCode(trx, {
        partyId: party.id,
        caseId: row.id,
        code: caseCodeFromBytes(randomBytes(16)),
        now,
      });
    }
    await queuePartyNotice(trx, { caseId: row.id, partyId: party.id, purpose: "mediation_invitation", now });
  }
}

/**
 * The steps every mediation takes when it begins (an application, or a filer's consent to the court's
 * offer), inside the caller's transaction: the other side is asked whether it agrees (在线调解规则
 * 第十五条), and either the chosen mediator is asked to confirm within three working days (第十二条) or
 * the court's clerks to appoint one within three working days (第十条第三款).
 */
export async function openMediation(
  trx: Tx,
  meta: CommandMeta,
  options: {
    mediationId: string;
    row: CaseRow;
    parts: CaseParts;
    origin: "application" | "offered_at_filing";
    mediator: MediatorRow | null;
  },
): Promise<{ appointmentDueOn: string | null; acceptanceDueOn: string | null }> {
  const { row, parts, mediationId } = options;
  const today = courtDateOf(meta.now);
  const mediation = { id: mediationId, case_id: row.id, court_id: row.court_id };
  const respondents = parts.parties.filter((p) => p.role === "defendant").map((p) => p.id);
  await insertConsents(trx, { mediationId, partyIds: respondents, now: meta.now });
  await inviteRespondents(trx, row, parts, meta.now);

  let appointmentDueOn: string | null = null;
  let acceptanceDueOn: string | null = null;
  if (options.mediator) {
    const due = await openDeadline(trx, {
      caseId: row.id,
      kind: "mediator_acceptance",
      period: computeAcceptanceDeadline(today),
      now: meta.now,
    });
    acceptanceDueOn = due.endsOn;
    await enqueueJob(
      trx,
      acceptanceDueJobKind,
      { mediationId, mediatorUserId: options.mediator.user_id },
      { runAt: justAfter(due.endsAt), now: meta.now, dedupeKey: acceptanceDueKey(mediationId) },
    );
    await updateMediation(
      trx,
      mediationId,
      {
        status: "awaiting_acceptance",
        applied_at: meta.now,
        mediator_id: options.mediator.id,
        mediator_user_id: options.mediator.user_id,
        mediator_chosen_by: "applicant",
        assigned_at: meta.now,
        acceptance_due_on: acceptanceDueOn,
      },
      meta.now,
    );
    await assignCaseMediator(trx, meta, { caseId: row.id, mediatorUserId: options.mediator.user_id });
  } else {
    const due = await openDeadline(trx, {
      caseId: row.id,
      kind: "mediator_appointment",
      period: computeAppointmentDeadline(today),
      now: meta.now,
    });
    appointmentDueOn = due.endsOn;
    await enqueueJob(
      trx,
      appointmentDueJobKind,
      { mediationId },
      { runAt: justAfter(due.endsAt), now: meta.now, dedupeKey: appointmentDueKey(mediationId) },
    );
    await updateMediation(
      trx,
      mediationId,
      { status: "awaiting_mediator", applied_at: meta.now, appointment_due_on: appointmentDueOn },
      meta.now,
    );
  }

  const clerks = (await listStaff(trx, row.court_id, ["clerk"])).map((c) => c.user_id);
  await recordMediationAct(trx, meta, {
    mediation,
    action: "mediation.applied",
    courtEvent: "mediation_applied",
    data: {
      origin: options.origin,
      mediatorId: options.mediator?.id ?? null,
      appointmentDueOn,
      acceptanceDueOn,
      basis: options.origin === "application" ? "人民法院在线调解规则第八条" : "人民法院在线调解规则第四条",
    },
    inbox: [
      options.mediator
        ? {
            recipientIds: [options.mediator.user_id],
            kind: "mediator_assigned",
            params: { title: row.title, acceptanceDueOn },
          }
        : {
            recipientIds: clerks,
            kind: "mediation_to_appoint",
            params: { title: row.title, appointmentDueOn },
          },
      {
        recipientIds: sideAccounts(parts, "respondent"),
        kind: "mediation_consent_requested",
        params: { title: row.title },
      },
    ],
  });
  if (options.mediator) {
    await recordMediationAct(trx, meta, {
      mediation,
      action: "mediation.mediator_assigned",
      courtEvent: "mediator_assigned",
      data: {
        mediatorId: options.mediator.id,
        chosenBy: "applicant",
        acceptanceDueOn,
        basis: "人民法院在线调解规则第十条",
      },
    });
  }
  return { appointmentDueOn, acceptanceDueOn };
}
