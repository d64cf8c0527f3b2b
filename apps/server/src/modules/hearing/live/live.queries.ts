import { performance } from "node:perf_hooks";
import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { loadHearingForBroadcast } from "../recording/recording.access";
import type { LiveHub } from "./live.hub";
import {
  findLatestStream,
  findPublicHearing,
  findStream,
  listLivePublicStreams,
  listSegments,
  listStreams,
  type LiveStreamRow,
  type PublicHearingRow,
} from "./live.repository";
import { liveRefusal, liveRefusalText } from "./live.rules";
import type { TLiveControl } from "./live.schemas";

/** The live controls of the judge and the clerk: may it be streamed, is it, how many watch. */
export async function getLiveControl(
  context: AppContext,
  hub: LiveHub,
  actor: Actor,
  hearingId: string,
): Promise<TLiveControl> {
  const { hearing } = await loadHearingForBroadcast(context.db, actor, hearingId, "operate");
  const reason = liveRefusal(hearing);
  const stream = await findLatestStream(context.db, hearingId);
  return {
    hearingId,
    mayStream: reason === null,
    refusal:
      reason === null
        ? null
        : { reason, reasonZh: liveRefusalText[reason].zh, reasonEn: liveRefusalText[reason].en },
    streamId: stream?.id ?? null,
    status: stream ? stream.status : "none",
    hideFaces: stream?.hide_faces ?? false,
    latestSeq: stream?.latest_seq ?? null,
    viewers: stream?.status === "live" ? await hub.viewers(stream.id) : 0,
  };
}

function publicCase(row: {
  hearing_id: string;
  court_id: string;
  case_number: string | null;
  cause_name_zh: string | null;
  cause_name_en: string | null;
  parties_zh: string | null;
  parties_en: string | null;
}) {
  return {
    hearingId: row.hearing_id,
    courtId: row.court_id,
    caseNumber: row.case_number,
    causeNameZh: row.cause_name_zh,
    causeNameEn: row.cause_name_en,
    partiesZh: row.parties_zh,
    partiesEn: row.parties_en,
  };
}

/** 庭审公开: the public hearings streamed now, as the announcement names them. */
export async function listLiveHearings(context: AppContext, limit: number) {
  const rows = await listLivePublicStreams(context.db, limit);
  return {
    items: rows.map((row) => ({
      ...publicCase(row),
      streamId: row.stream_id,
      startedAt: row.started_at.toISOString(),
      latestSeq: row.latest_seq,
    })),
  };
}

export interface PublicStream {
  hearing: PublicHearingRow;
  stream: LiveStreamRow;
  isLive: boolean;
}

const CACHE_MS = 1_000;
const cache = new Map<string, { at: number; value: PublicStream | null }>();

/** Forgets what this node knows of a hearing's stream (after a start or a stop here). */
export function forgetPublicStream(hearingId: string): void {
  for (const key of cache.keys()) if (key.startsWith(hearingId)) cache.delete(key);
}

/**
 * A stream of a hearing the public may watch, or `hearing_not_found` (404): a hearing that is not public
 * (民事诉讼法第一百三十七条) or never streamed looks like no hearing at all. Kept a second per node, so
 * hundreds of viewers cost no more than one read a second.
 */
export async function loadPublicStream(
  context: AppContext,
  hearingId: string,
  streamId: string | undefined,
): Promise<PublicStream> {
  const key = `${hearingId}:${streamId ?? ""}`;
  const cached = cache.get(key);
  // Elapsed time of this process, not the court's clock: it only ages a cache entry.
  const now = performance.now();
  let value = cached && now - cached.at < CACHE_MS ? cached.value : undefined;
  if (value === undefined) {
    value = await readPublicStream(context, hearingId, streamId);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { at: now, value });
  }
  if (!value) throw new AppError("hearing_not_found");
  return value;
}

async function readPublicStream(
  context: AppContext,
  hearingId: string,
  streamId: string | undefined,
): Promise<PublicStream | null> {
  const hearing = await findPublicHearing(context.db, hearingId);
  if (!hearing || liveRefusal(hearing) !== null) return null;
  const stream = streamId
    ? await findStream(context.db, streamId)
    : await findLatestStream(context.db, hearingId);
  if (!stream || stream.hearing_id !== hearingId) return null;
  return { hearing, stream, isLive: stream.status === "live" && hearing.status === "in_progress" };
}

export async function getPublicLive(
  context: AppContext,
  hub: LiveHub,
  hearingId: string,
  query: { stream?: string | undefined },
) {
  const { hearing, stream, isLive } = await loadPublicStream(context, hearingId, query.stream);
  const latest = isLive ? (hub.ring(stream.id).latestSeq ?? stream.latest_seq) : stream.latest_seq;
  return {
    ...publicCase(hearing),
    streamId: stream.id,
    status: isLive ? ("live" as const) : ("ended" as const),
    startedAt: stream.started_at.toISOString(),
    endedAt: stream.ended_at?.toISOString() ?? null,
    latestSeq: latest === null ? null : Math.max(latest, stream.latest_seq ?? -1),
    viewers: hub.localViewers(stream.id),
    serverTime: context.clock.now().getTime(),
    segmentUrl: `/api/public/hearings/${hearingId}/live/segments/{seq}?stream=${stream.id}`,
  };
}

/** 庭审录音录像规定第十二条: the public replay of a streamed public hearing, segment by segment. */
export async function getReplay(
  context: AppContext,
  hearingId: string,
  query: { stream?: string | undefined; fromSeq: number; limit: number },
) {
  const { hearing, stream } = await loadPublicStream(context, hearingId, query.stream);
  const streams = await listStreams(context.db, hearingId);
  const segments = await listSegments(context.db, stream.id, query.fromSeq, query.limit);
  return {
    ...publicCase(hearing),
    streams: streams.map((s) => ({
      streamId: s.id,
      startedAt: s.started_at.toISOString(),
      endedAt: s.ended_at?.toISOString() ?? null,
      latestSeq: s.latest_seq,
    })),
    streamId: stream.id,
    segments: segments.map((s) => ({
      seq: s.seq,
      capturedAt: s.captured_at.toISOString(),
      size: s.size,
      url: `/api/public/hearings/${hearingId}/live/segments/${s.seq}?stream=${stream.id}`,
    })),
  };
}
