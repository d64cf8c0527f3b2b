import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { listCaseDocuments } from "../../documents/index";
import { assertTranscriptAllowed, loadTranscriptFor, transcriptPolicy } from "./transcript.access";
import {
  countEdits,
  findCurrentVersion,
  findSegment,
  listCorrections,
  listEdits,
  listSegments,
  listSignatures,
  failedChunks,
  pendingChunkCount,
} from "./transcript.repository";
import { speakerRoleOf, transcriptStateOf } from "./transcript.rules";
import type { TTranscript, TTranscriptSigning } from "./transcript.schemas";

/**
 * The live transcript for the editor and the room: segments changed after `since` (all with 0), the
 * participants to name speakers from, and what the caller may do. Throws `hearing_not_found`, `forbidden`.
 */
export async function getTranscript(
  context: AppContext,
  actor: Actor,
  hearingId: string,
  since: number,
): Promise<TTranscript> {
  const access = await loadTranscriptFor(context.db, actor, hearingId);
  assertTranscriptAllowed("read", access);
  const rows = await listSegments(context.db, hearingId, since);
  const edits = await countEdits(
    context.db,
    rows.map((r) => r.id),
  );
  const version = await findCurrentVersion(context.db, hearingId);
  const state = transcriptStateOf(version);
  const corrections = await listCorrections(context.db, hearingId);
  const canEdit = transcriptPolicy.edit(access) && state !== "signed";
  const segments = rows.map((row) => ({
    id: row.id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    speakerRole: row.speaker_role,
    speakerName: row.speaker_name,
    participantId: row.participant_id,
    source: row.source,
    text: row.text,
    originalText: row.original_text,
    editCount: edits.get(row.id) ?? 0,
    isStruck: row.is_struck,
    struckReason: row.struck_reason,
    changeNo: Number(row.change_no),
  }));
  return {
    hearingId,
    hearingStatus: access.hearing.status,
    state,
    cursor: segments.reduce((max, s) => Math.max(max, s.changeNo), since),
    segments,
    pendingChunks: await pendingChunkCount(context.db, hearingId),
    failedChunks: (await failedChunks(context.db, hearingId)).map((chunk) => ({
      participantId: chunk.participant_id,
      startMs: chunk.offset_ms,
      endMs: chunk.duration_ms === null ? null : chunk.offset_ms + chunk.duration_ms,
    })),
    participants: access.participants.map((p) => ({
      id: p.id,
      role: p.role,
      speakerRole: speakerRoleOf(p),
      name: p.name,
    })),
    version: version
      ? {
          id: version.id,
          number: version.number,
          status: version.status === "signed" ? "signed" : "awaiting_signatures",
          contentSha256: version.content_sha256,
          closedAt: version.closed_at.toISOString(),
        }
      : null,
    openCorrections: corrections.filter((c) => c.status === "open").length,
    actions: {
      canEdit,
      canClose: canEdit && (access.hearing.status === "in_progress" || access.hearing.status === "held"),
      canPostAudio:
        transcriptPolicy.postAudio(access) && access.hearing.status === "in_progress" && state !== "signed",
    },
  };
}

/** The history of one segment's edits (the clerk and the judge). */
export async function getSegmentEdits(
  context: AppContext,
  actor: Actor,
  hearingId: string,
  segmentId: string,
) {
  const access = await loadTranscriptFor(context.db, actor, hearingId);
  assertTranscriptAllowed("edit", access);
  if (!(await findSegment(context.db, hearingId, segmentId))) throw new AppError("transcript_item_not_found");
  const edits = await listEdits(context.db, segmentId);
  return {
    items: edits.map((e) => ({
      id: e.id,
      kind: e.kind,
      before: e.before,
      after: e.after,
      editedBy: e.edited_by,
      editedAt: e.edited_at.toISOString(),
    })),
  };
}

/** Signers as the transcript lists them: the court first, then the parties, then their agents. */
const roleOrder = { judge: 0, clerk: 1, party: 2, agent: 3 } as const;

/**
 * The version to read and sign, who has signed or refused, the requests for correction, and the signed
 * document once complete. Throws `hearing_not_found`, `forbidden`.
 */
export async function getTranscriptSigning(
  context: AppContext,
  actor: Actor,
  hearingId: string,
): Promise<TTranscriptSigning> {
  const access = await loadTranscriptFor(context.db, actor, hearingId);
  assertTranscriptAllowed("read", access);
  const userId = actor.kind === "user" ? actor.userId : null;
  const version = await findCurrentVersion(context.db, hearingId);
  const state = transcriptStateOf(version);
  const signatures = version ? await listSignatures(context.db, version.id) : [];
  const corrections = await listCorrections(context.db, hearingId);
  const versionNumbers = new Map<string, number>();
  if (version) versionNumbers.set(version.id, version.number);
  const names = new Map(access.participants.map((p) => [p.id, p.name]));
  const myPending = signatures.some((s) => s.user_id === userId && s.decision === "pending");
  const isAwaiting = state === "awaiting_signatures";
  const canEdit = transcriptPolicy.edit(access);
  let document: TTranscriptSigning["document"] = null;
  if (version?.document_issue_id) {
    const issueId = version.document_issue_id;
    const versions = (await listCaseDocuments(context.db, access.row.id)).filter(
      (d) => d.issue_id === issueId,
    );
    document = { issueId, versions: versions.map((d) => ({ id: d.id, locale: d.locale })) };
  }
  return {
    hearingId,
    caseId: access.row.id,
    state,
    version: version
      ? {
          id: version.id,
          number: version.number,
          status: version.status === "signed" ? "signed" : "awaiting_signatures",
          contentSha256: version.content_sha256,
          closedAt: version.closed_at.toISOString(),
          segments: version.content.segments,
        }
      : null,
    signers: [...signatures]
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role])
      .map((s) => ({
        participantId: s.participant_id,
        role: s.role,
        speakerRole: speakerRoleOf(s),
        name: s.name,
        decision: s.decision,
        refusalReason: s.decision === "refused" ? s.reason : null,
        absence: s.decision === "absent" ? (s.reason === "no_account" ? "no_account" : "not_present") : null,
        decidedAt: s.decided_at?.toISOString() ?? null,
        isSelf: userId !== null && s.user_id === userId,
      })),
    corrections: corrections.map((c) => ({
      id: c.id,
      versionNumber: versionNumbers.get(c.version_id) ?? null,
      name: names.get(c.participant_id) ?? "—",
      segmentId: c.segment_id,
      request: c.request,
      status: c.status,
      answer: c.answer,
      createdAt: c.created_at.toISOString(),
      decidedAt: c.decided_at?.toISOString() ?? null,
      isMine: c.user_id === userId,
    })),
    document,
    actions: {
      canSign: isAwaiting && myPending,
      canRequestCorrection: isAwaiting && myPending,
      canDeclineCorrections: isAwaiting && canEdit && corrections.some((c) => c.status === "open"),
      canReissue: isAwaiting && canEdit,
    },
  };
}
