import { ApiError, CSRF_COOKIE, api, readCookie } from "../../../platform/api-client";
import { currentLocale } from "../../../platform/i18n";

// The hearing transcript API (`/api/hearings/:id/transcript…`). Shapes follow
// apps/server/src/modules/hearing/transcript/transcript.schemas.ts.

export type SpeakerRole =
  | "judge"
  | "clerk"
  | "plaintiff"
  | "defendant"
  | "third_party"
  | "plaintiff_agent"
  | "defendant_agent"
  | "third_party_agent"
  | "other";

export type TranscriptState = "recording" | "awaiting_signatures" | "signed";

export interface TranscriptSegment {
  id: string;
  startMs: number;
  endMs: number;
  speakerRole: SpeakerRole;
  speakerName: string;
  participantId: string | null;
  source: "asr" | "manual";
  text: string;
  originalText: string | null;
  editCount: number;
  isStruck: boolean;
  struckReason: string | null;
  changeNo: number;
}

export interface TranscriptParticipant {
  id: string;
  role: "judge" | "clerk" | "party" | "agent";
  speakerRole: SpeakerRole;
  name: string;
}

export interface VersionSummary {
  id: string;
  number: number;
  status: "awaiting_signatures" | "signed";
  contentSha256: string;
  closedAt: string;
}

export interface Transcript {
  hearingId: string;
  hearingStatus: string;
  state: TranscriptState;
  cursor: number;
  segments: TranscriptSegment[];
  pendingChunks: number;
  /** Audio speech recognition could not read: the clerk writes these stretches in by hand. */
  failedChunks: Array<{ participantId: string; startMs: number; endMs: number | null }>;
  participants: TranscriptParticipant[];
  version: VersionSummary | null;
  openCorrections: number;
  actions: { canEdit: boolean; canClose: boolean; canPostAudio: boolean };
}

export interface FrozenSegment {
  id: string;
  startMs: number;
  endMs: number;
  speakerRole: SpeakerRole;
  speakerName: string;
  text: string;
  source: "asr" | "manual";
}

export interface TranscriptSigningView {
  hearingId: string;
  caseId: string;
  state: TranscriptState;
  version: (VersionSummary & { segments: FrozenSegment[] }) | null;
  signers: Array<{
    participantId: string;
    role: "judge" | "clerk" | "party" | "agent";
    speakerRole: SpeakerRole;
    name: string;
    decision: "pending" | "signed" | "refused" | "absent";
    refusalReason: string | null;
    absence: "not_present" | "no_account" | null;
    decidedAt: string | null;
    isSelf: boolean;
  }>;
  corrections: Array<{
    id: string;
    versionNumber: number | null;
    name: string;
    segmentId: string | null;
    request: string;
    status: "open" | "corrected" | "declined";
    answer: string | null;
    createdAt: string;
    decidedAt: string | null;
    isMine: boolean;
  }>;
  document: { issueId: string; versions: Array<{ id: string; locale: "zh-CN" | "en" }> } | null;
  actions: {
    canSign: boolean;
    canRequestCorrection: boolean;
    canDeclineCorrections: boolean;
    canReissue: boolean;
  };
}

export type SpeakerInput = { participantId: string } | { name: string };

const enc = encodeURIComponent;
const base = (hearingId: string) => `/api/hearings/${enc(hearingId)}/transcript`;

export const transcriptApi = {
  get: (hearingId: string, since = 0, signal?: AbortSignal) =>
    api.get<Transcript>(base(hearingId), { query: { since }, ...(signal ? { signal } : {}) }),
  signing: (hearingId: string, signal?: AbortSignal) =>
    api.get<TranscriptSigningView>(`${base(hearingId)}/signing`, signal ? { signal } : {}),
  edit: (hearingId: string, segmentId: string, body: { text?: string; speaker?: SpeakerInput }) =>
    api.post<{ id: string }>(`${base(hearingId)}/segments/${enc(segmentId)}`, body),
  add: (hearingId: string, body: { startMs: number; speaker: SpeakerInput; text: string }) =>
    api.post<{ id: string }>(`${base(hearingId)}/segments`, body),
  strike: (hearingId: string, segmentId: string, isStruck: boolean, reason: string | null) =>
    api.post<{ id: string }>(`${base(hearingId)}/segments/${enc(segmentId)}/strike`, { isStruck, reason }),
  close: (hearingId: string, absentParticipantIds: string[]) =>
    api.post<TranscriptSigningView>(`${base(hearingId)}/close`, { absentParticipantIds }),
  sign: (hearingId: string, versionId: string, contentSha256: string) =>
    api.post<{ isComplete: boolean }>(`${base(hearingId)}/versions/${enc(versionId)}/sign`, {
      contentSha256,
    }),
  refuse: (hearingId: string, versionId: string, reason: string) =>
    api.post<{ isComplete: boolean }>(`${base(hearingId)}/versions/${enc(versionId)}/refuse`, { reason }),
  requestCorrection: (hearingId: string, versionId: string, request: string, segmentId: string | null) =>
    api.post<{ id: string }>(`${base(hearingId)}/versions/${enc(versionId)}/corrections`, {
      request,
      segmentId,
    }),
  declineCorrection: (hearingId: string, correctionId: string, answer: string) =>
    api.post<{ id: string }>(`${base(hearingId)}/corrections/${enc(correctionId)}/decline`, { answer }),
  documentUrl: (caseId: string, documentId: string, format: "docx" | "pdf") =>
    `/api/cases/${enc(caseId)}/documents/${enc(documentId)}/${format}`,
};

/**
 * Posts one audio chunk as the raw request body (the server reads the bytes, not a form). Throws an
 * ApiError for an answer that is not 2xx, with status 0 when the server was not reached.
 */
export async function postAudioChunk(
  hearingId: string,
  chunk: { blob: Blob; seq: number; offsetMs: number; durationMs: number },
): Promise<void> {
  const query = new URLSearchParams({
    seq: String(chunk.seq),
    offsetMs: String(chunk.offsetMs),
    durationMs: String(chunk.durationMs),
  });
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": currentLocale(),
    "content-type": chunk.blob.type || "audio/webm",
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers["x-csrf-token"] = token;
  let response: Response;
  try {
    response = await fetch(`${base(hearingId)}/audio?${query.toString()}`, {
      method: "POST",
      headers,
      body: chunk.blob,
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network_unreachable", String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ApiError(response.status, body?.error ?? "unknown_error", body?.message ?? response.statusText);
  }
}

/** A hearing time stamp: milliseconds since the hearing opened as mm:ss (h:mm:ss past an hour). */
export function hearingTimestamp(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const mmss = `${String(Math.floor((total % 3600) / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Reads "mm:ss" (or "h:mm:ss") back into milliseconds; null when it is not a time. */
export function parseHearingTimestamp(text: string): number | null {
  const match = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  return ((Number(match[1] ?? 0) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}
