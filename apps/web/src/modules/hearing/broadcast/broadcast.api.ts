import { api, ApiError, CSRF_COOKIE, readCookie } from "../../../platform/api-client";
import { currentLocale } from "../../../platform/i18n";

// The recording and live-stream API (apps/server/src/modules/hearing/recording, …/live). Shapes follow
// recording.schemas.ts and live.schemas.ts.

export interface Recording {
  id: string;
  status: "open" | "sealed";
  mediaType: string;
  startedAt: string;
  chunks: number;
  bytes: number;
  sha256: string | null;
  size: number | null;
  durationMs: number | null;
  sealedAt: string | null;
  sealedBy: "court" | "system" | null;
  missingSeqs: number[];
  fileUrl: string | null;
}

export interface HearingRecordings {
  hearingId: string;
  canRecord: boolean;
  recordings: Recording[];
}

export interface LiveControl {
  hearingId: string;
  mayStream: boolean;
  refusal: { reason: string; reasonZh: string; reasonEn: string } | null;
  streamId: string | null;
  status: "none" | "live" | "ended";
  hideFaces: boolean;
  latestSeq: number | null;
  viewers: number;
}

export interface PublicCase {
  hearingId: string;
  courtId: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  partiesZh: string | null;
  partiesEn: string | null;
}

export interface LiveHearing extends PublicCase {
  streamId: string;
  startedAt: string;
  latestSeq: number | null;
}

export interface PublicLive extends PublicCase {
  streamId: string;
  status: "live" | "ended";
  startedAt: string;
  endedAt: string | null;
  latestSeq: number | null;
  viewers: number;
  serverTime: number;
  segmentUrl: string;
}

export interface Replay extends PublicCase {
  streams: Array<{ streamId: string; startedAt: string; endedAt: string | null; latestSeq: number | null }>;
  streamId: string;
  segments: Array<{ seq: number; capturedAt: string; size: number; url: string }>;
}

/** A raw WebM upload with the session's CSRF token (the JSON client cannot send a Blob body). */
async function postWebm<T>(path: string, body: Blob, headers: Record<string, string> = {}): Promise<T> {
  const request = new Headers({
    "content-type":
      body.type.startsWith("video/webm") || body.type.startsWith("audio/webm") ? body.type : "video/webm",
    accept: "application/json",
    "accept-language": currentLocale(),
    ...headers,
  });
  const token = readCookie(CSRF_COOKIE);
  if (token) request.set("x-csrf-token", token);
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: request, body, credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "network_unreachable", String(error));
  }
  const json = (await response.json().catch(() => null)) as
    (T & { error?: string; message?: string; details?: ApiError["details"] }) | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      json?.error ?? "invalid_response",
      json?.message ?? response.statusText,
      json?.details ?? [],
    );
  }
  return json as T;
}

export const broadcastApi = {
  recordings: (hearingId: string, signal?: AbortSignal) =>
    api.get<HearingRecordings>(`/api/hearings/${hearingId}/recording`, { signal }),
  sendChunk: (hearingId: string, seq: number, chunk: Blob) =>
    postWebm<{ recordingId: string; seq: number; sha256: string; size: number; isNew: boolean }>(
      `/api/hearings/${hearingId}/recording/chunks/${seq}`,
      chunk,
    ),
  seal: (hearingId: string) => api.post<Recording>(`/api/hearings/${hearingId}/recording/seal`),
  liveControl: (hearingId: string, signal?: AbortSignal) =>
    api.get<LiveControl>(`/api/hearings/${hearingId}/live`, { signal }),
  startLive: (hearingId: string, hideFaces: boolean) =>
    api.post<LiveControl>(`/api/hearings/${hearingId}/live/start`, { hideFaces }),
  stopLive: (hearingId: string) => api.post<LiveControl>(`/api/hearings/${hearingId}/live/stop`),
  sendSegment: (hearingId: string, seq: number, segment: Blob, capturedAt: number) =>
    postWebm<{ seq: number; capturedAt: string }>(
      `/api/hearings/${hearingId}/live/segments/${seq}`,
      segment,
      {
        "x-capture-started-at": String(Math.round(capturedAt)),
        "x-sent-at": String(Date.now()),
      },
    ),
  liveHearings: (signal?: AbortSignal) =>
    api.get<{ items: LiveHearing[] }>("/api/public/hearings/live", { signal }),
  publicLive: (hearingId: string, viewer: string, signal?: AbortSignal) =>
    api.get<PublicLive>(`/api/public/hearings/${hearingId}/live`, { query: { viewer }, signal }),
  replay: (hearingId: string, stream: string | undefined, signal?: AbortSignal) =>
    api.get<Replay>(`/api/public/hearings/${hearingId}/replay`, { query: { stream }, signal }),
};
