import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { broadcastPolicy, loadHearingForBroadcast } from "./recording.access";
import { chunkTotals, findRecording, listRecordings, type RecordingRow } from "./recording.repository";
import type { THearingRecordings } from "./recording.schemas";

/** The hearing's recordings for the judge, the clerk, the parties and their agents (庭审录音录像规定第十条). */
export async function getHearingRecordings(
  context: AppContext,
  actor: Actor,
  hearingId: string,
): Promise<THearingRecordings> {
  const { role } = await loadHearingForBroadcast(context.db, actor, hearingId, "play");
  const rows = await listRecordings(context.db, hearingId);
  const totals = await chunkTotals(
    context.db,
    rows.map((r) => r.id),
  );
  return {
    hearingId,
    canRecord: broadcastPolicy.operate(role),
    recordings: rows.map((row) => presentRecording(row, totals.get(row.id))),
  };
}

export function presentRecording(row: RecordingRow, totals: { chunks: number; bytes: number } | undefined) {
  return {
    id: row.id,
    status: row.status,
    mediaType: row.media_type,
    startedAt: row.started_at.toISOString(),
    chunks: totals?.chunks ?? 0,
    bytes: totals?.bytes ?? 0,
    sha256: row.sha256,
    size: row.size === null ? null : Number(row.size),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    sealedAt: row.sealed_at?.toISOString() ?? null,
    sealedBy: row.status === "sealed" ? (row.sealed_by ? ("court" as const) : ("system" as const)) : null,
    missingSeqs: row.missing_seqs,
    fileUrl: row.status === "sealed" ? `/api/hearings/${row.hearing_id}/recordings/${row.id}/file` : null,
  };
}

/** A sealed recording the actor may play: `hearing_recording_not_found` for anything else. */
export async function findPlayableRecording(
  context: AppContext,
  actor: Actor,
  hearingId: string,
  recordingId: string,
): Promise<RecordingRow & { sha256: string }> {
  await loadHearingForBroadcast(context.db, actor, hearingId, "play");
  const row = await findRecording(context.db, recordingId);
  if (!row || row.hearing_id !== hearingId || row.status !== "sealed" || row.sha256 === null)
    throw new AppError("hearing_recording_not_found");
  return { ...row, sha256: row.sha256 };
}
