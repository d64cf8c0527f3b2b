import type { Actor, Executor } from "../../platform";
import type { AppContext } from "../../context";
import type { CaseParts, CaseRow, PartyRole } from "../cases/index";
import { listFiledEvidence } from "../filing/index";
import { summariseLedgerVerifications, type TVerificationSummary } from "../ledger/index";
import { loadEvidenceCase, type EvidenceAccess } from "./evidence.access";
import { presentEvidenceReview, presentEvidenceView } from "./evidence.presenter";
import {
  listDecisions,
  listFiles,
  listItems,
  listOpinions,
  listPeriods,
  listRequests,
  type DecisionRow,
  type OpinionRow,
  type PeriodRow,
  type RequestRow,
} from "./evidence.repository";
import type { EvidenceItemStatus, EvidenceSubjectKind } from "./evidence.tables";

/** The subject types under which the ledger check (核验) of each kind of file is recorded. */
export const EVIDENCE_FILE_SUBJECT = "evidence_file";
const FILING_ATTACHMENT_SUBJECT = "filing_attachment";

export interface SubjectFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  ledgerVerification: TVerificationSummary | null;
}

/**
 * An item of evidence as the court sees it: an item of a party's catalogue, or an item of the evidence
 * list filed with the complaint (the plaintiff's first catalogue, read from the filing module).
 */
export interface EvidenceSubject {
  kind: EvidenceSubjectKind;
  id: string;
  partyId: string;
  role: PartyRole;
  title: string;
  source: string | null;
  purpose: string | null;
  status: EvidenceItemStatus;
  isLate: boolean;
  submittedAt: Date | null;
  createdAt: Date;
  files: SubjectFile[];
  /** Every file verified against the ledger (在线诉讼规则第十六条); false for an item without files. */
  isLedgerVerified: boolean;
}

export interface EvidenceState {
  periods: PeriodRow[];
  requests: RequestRow[];
  opinions: OpinionRow[];
  decisions: DecisionRow[];
  subjects: EvidenceSubject[];
}

/** Everything the evidence context holds on a case, with the filed evidence and the ledger checks. */
export async function loadEvidenceState(
  db: Executor,
  row: Pick<CaseRow, "id" | "submitted_at" | "created_at">,
  parts: CaseParts,
): Promise<EvidenceState> {
  const caseId = row.id;
  const [periods, items, files, filed, requests, opinions, decisions] = await Promise.all([
    listPeriods(db, caseId),
    listItems(db, caseId),
    listFiles(db, caseId),
    listFiledEvidence(db, caseId),
    listRequests(db, caseId),
    listOpinions(db, caseId),
    listDecisions(db, caseId),
  ]);
  const ledgerDb = { db: db as AppContext["db"] };
  const [fileChecks, attachmentChecks] = await Promise.all([
    summariseLedgerVerifications(
      ledgerDb,
      EVIDENCE_FILE_SUBJECT,
      files.map((f) => f.id),
    ),
    summariseLedgerVerifications(
      ledgerDb,
      FILING_ATTACHMENT_SUBJECT,
      filed.flatMap((f) => (f.attachment ? [f.attachment.id] : [])),
    ),
  ]);
  const subjects: EvidenceSubject[] = [];
  const plaintiff = parts.parties.find((p) => p.role === "plaintiff");
  if (plaintiff) {
    for (const item of filed) {
      const itemFiles: SubjectFile[] = item.attachment
        ? [{ ...item.attachment, ledgerVerification: attachmentChecks.get(item.attachment.id) ?? null }]
        : [];
      subjects.push({
        kind: "filed",
        id: item.id,
        partyId: plaintiff.id,
        role: "plaintiff",
        title: item.name,
        source: item.source,
        purpose: item.purpose,
        status: "submitted",
        isLate: false,
        submittedAt: row.submitted_at,
        createdAt: row.submitted_at ?? row.created_at,
        files: itemFiles,
        isLedgerVerified: allVerified(itemFiles),
      });
    }
  }
  const roleOf = new Map(parts.parties.map((p) => [p.id, p.role]));
  for (const item of items) {
    const itemFiles: SubjectFile[] = files
      .filter((f) => f.item_id === item.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: f.size,
        sha256: f.file_sha256,
        uploadedAt: f.created_at,
        ledgerVerification: fileChecks.get(f.id) ?? null,
      }));
    subjects.push({
      kind: "item",
      id: item.id,
      partyId: item.party_id,
      role: roleOf.get(item.party_id) ?? "third_party",
      title: item.title,
      source: item.source,
      purpose: item.purpose,
      status: item.status,
      isLate: item.is_late,
      submittedAt: item.submitted_at,
      createdAt: item.created_at,
      files: itemFiles,
      isLedgerVerified: allVerified(itemFiles),
    });
  }
  return { periods, requests, opinions, decisions, subjects };
}

function allVerified(files: readonly SubjectFile[]): boolean {
  return files.length > 0 && files.every((f) => f.ledgerVerification?.result === "verified");
}

/**
 * Whether the caller sees an item: the parties see their own items always and the others' once
 * submitted; the court sees what was submitted to it (证据规定第十九条: evidence reaches the court when
 * it is submitted), drafts stay with the party preparing them.
 */
export function seesSubject(access: EvidenceAccess, subject: EvidenceSubject): boolean {
  if (subject.status === "withdrawn") return false;
  if (subject.status === "submitted") return true;
  return access.relation.ownPartyIds.includes(subject.partyId);
}

/** An item the caller may see, or undefined (the caller answers 404). */
export function findVisibleSubject(
  access: EvidenceAccess,
  state: EvidenceState,
  itemId: string,
): EvidenceSubject | undefined {
  const subject = state.subjects.find((s) => s.id === itemId);
  return subject && seesSubject(access, subject) ? subject : undefined;
}

/** The evidence of a case for the caller (404 when they may not see the case). */
export async function getEvidenceView(context: AppContext, actor: Actor, caseId: string) {
  const access = await loadEvidenceCase(context.db, actor, caseId);
  const state = await loadEvidenceState(context.db, access.row, access.parts);
  return presentEvidenceView(access, state, context.clock.now());
}

/** The judge's side-by-side view of every submitted item with each side's opinions (staff of the case). */
export async function getEvidenceReview(context: AppContext, actor: Actor, caseId: string) {
  const access = await loadEvidenceCase(context.db, actor, caseId);
  const state = await loadEvidenceState(context.db, access.row, access.parts);
  return presentEvidenceReview(access, state);
}

/** A file of an item the caller may see, with what is needed to stream it. */
export async function findVisibleFile(context: AppContext, actor: Actor, caseId: string, fileId: string) {
  const access = await loadEvidenceCase(context.db, actor, caseId);
  const state = await loadEvidenceState(context.db, access.row, access.parts);
  for (const subject of state.subjects) {
    if (!seesSubject(access, subject)) continue;
    const file = subject.files.find((f) => f.id === fileId);
    if (file) return file;
  }
  return undefined;
}
