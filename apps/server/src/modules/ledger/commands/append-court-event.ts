import type { Executor } from "../../../platform";
import { encodeOpening, hashFromHex, randomSalt, type JsonValue } from "../ledger.leaves";
import { insertCourtEvent } from "../ledger.repository";

/** Acts of the court that leave a trace in the log (DESIGN.md: 全流程留痕). Stored forever: never rename. */
export const courtEventKinds = [
  "filing_accepted",
  "case_number_assigned",
  "documents_served",
  "transcript_signed",
  "judgment_signed",
  "ruling_signed",
  "filing_submitted",
  "correction_requested",
  "correction_submitted",
  "filing_withdrawn",
  "filing_deemed_withdrawn",
  "fee_payment_started",
  "fee_paid",
  "document_issued",
  "document_rendered",
  "complaint_served",
  "party_linked",
  "answer_submitted",
  "jurisdiction_objection_filed",
  "jurisdiction_objection_decided",
  "case_transferred",
  "counterclaim_filed",
  "counterclaim_fee_paid",
  "counterclaim_deemed_withdrawn",
  "agent_appointed",
  "agent_revoked",
  "document_served",
  "service_completed",
  "mediation_offered",
  "mediation_applied",
  "mediation_declined",
  "mediator_assigned",
  "mediator_declined",
  "mediation_accepted",
  "mediation_consent",
  "mediation_session_scheduled",
  "mediation_offer",
  "mediation_offer_answered",
  "mediation_period_extended",
  "mediation_failed",
  "mediation_withdrawn",
  "mediation_lapsed",
  "mediation_referred",
  "agreement_drafted",
  "agreement_signed",
  "agreement_effective",
  "confirmation_applied",
  "confirmation_accepted",
  "confirmation_refused",
  "confirmation_extended",
  "confirmation_decided",
  "evidence_period_set",
  "evidence_item_drafted",
  "evidence_catalogue_submitted",
  "evidence_request_made",
  "evidence_request_decided",
  "evidence_opinion_given",
  "evidence_decided",
  "element_position_marked",
  "element_value_proposed",
  "element_settled",
  "agreed_elements_settled",
  "hearing_scheduled",
  "hearing_rescheduled",
  "hearing_adjourned",
  "hearing_cancelled",
  "hearing_announced",
  "transcript_closed",
  "transcript_signature_recorded",
  "async_trial_applied",
  "async_trial_consent_given",
  "async_trial_opened",
  "async_trial_refused",
  "async_trial_question_posted",
  "async_trial_answered",
  "async_trial_window_extended",
  "async_trial_answer_missed",
  "async_trial_live_requested",
  "async_trial_live_decided",
  "async_trial_closed",
  "hearing_room_opened",
  "hearing_recessed",
  "hearing_resumed",
  "hearing_participant_removed",
  "hearing_held",
  "hearing_face_checked",
  "hearing_recording_sealed",
  "hearing_live_started",
  "hearing_live_stopped",
  "mediator_assignment_lapsed",
  "mediation_appointment_overdue",
  "confirmation_acceptance_overdue",
  "confirmation_decision_overdue",
  "confirmation_withdrawn",
] as const;
export type CourtEventKind = (typeof courtEventKinds)[number];

export interface CourtEventInput {
  kind: CourtEventKind;
  courtId: string;
  caseId: string | null;
  /** What happened, e.g. `{ caseNumber }` or `{ documentSha256 }`; kept off the public log (commitment). */
  payload: { [key: string]: JsonValue };
  now: Date;
}

/**
 * Records a court event for the log in the caller's transaction (outbox): it exists exactly when the
 * act does, and the sequencer appends it within a checkpoint interval, writing the leaf index back.
 * Returns the event's id.
 */
export async function appendCourtEvent(trx: Executor, event: CourtEventInput): Promise<number> {
  return insertCourtEvent(trx, {
    leafType: "court_event",
    kind: event.kind,
    courtId: event.courtId,
    caseId: event.caseId,
    sha256: null,
    opening: encodeOpening({ caseId: event.caseId, payload: event.payload, salt: randomSalt() }),
    recordedAt: event.now,
  });
}

export interface EvidenceSubmissionInput {
  /** Where the file was submitted, e.g. `filing_attachment`. */
  kind: string;
  courtId: string;
  caseId: string;
  /** SHA-256 of the file, lowercase hex: public in the leaf, so anyone holding the file can find it. */
  sha256: string;
  payload: { [key: string]: JsonValue };
  now: Date;
}

/** Records the submission of a file to the court in a case, in the caller's transaction (outbox). */
export async function appendEvidenceSubmission(
  trx: Executor,
  input: EvidenceSubmissionInput,
): Promise<number> {
  return insertCourtEvent(trx, {
    leafType: "evidence",
    kind: input.kind,
    courtId: input.courtId,
    caseId: input.caseId,
    sha256: hashFromHex(input.sha256),
    opening: encodeOpening({ caseId: input.caseId, payload: input.payload, salt: randomSalt() }),
    recordedAt: input.now,
  });
}
