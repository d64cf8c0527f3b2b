import type { Tx } from "../../../platform";
import {
  appendTimeline,
  deleteDraft,
  insertDraftCase,
  replaceCaseContent,
  updateCase,
  type AgentInput,
  type PartyInput,
} from "../cases.repository";
import type { ProcedureValue } from "../cases.tables";

// A draft complaint belongs to the cases table from its first save, so the filing module shapes it
// through these functions and never writes the case tables itself.

/** Starts a draft case for a filer at a court and records it on the (private) timeline; returns its id. */
export async function createDraftCase(
  trx: Tx,
  options: { courtId: string; typeCode: string; filedBy: string; now: Date },
): Promise<string> {
  const caseId = await insertDraftCase(trx, options);
  await appendTimeline(trx, {
    caseId,
    kind: "draft_created",
    actorUserId: options.filedBy,
    isPublic: false,
    now: options.now,
  });
  return caseId;
}

/** The parties, agents and claims of a complaint as the filer saves them, in order. */
export interface DraftContent {
  parties: PartyInput[];
  agents: AgentInput[];
  claims: Array<{ text: string; amountFen: number | null }>;
}

/** Replaces the parties, agents and claims of a draft (the complaint is saved whole). */
export async function replaceDraftContent(
  trx: Tx,
  caseId: string,
  content: DraftContent,
  now: Date,
): Promise<void> {
  await replaceCaseContent(trx, caseId, content, now);
}

/** What a filer may change on a case while it is a draft or back for corrections. */
export interface DraftParticulars {
  court_id: string;
  type_code: string;
  cause_code: string | null;
  cause_name_zh: string | null;
  cause_name_en: string | null;
  procedure: ProcedureValue | null;
  title: string | null;
  facts_and_reasons: string;
  claim_total_fen: number;
}

/** Writes the court, cause, procedure, title, facts and claim total of a draft and bumps its version. */
export async function updateDraftParticulars(
  trx: Tx,
  caseId: string,
  particulars: DraftParticulars,
  now: Date,
): Promise<void> {
  await updateCase(trx, caseId, particulars, now);
}

/** Discards a draft; a case that was ever submitted is left untouched (nothing received by a court disappears). */
export async function discardDraftCase(trx: Tx, caseId: string): Promise<void> {
  await deleteDraft(trx, caseId);
}
