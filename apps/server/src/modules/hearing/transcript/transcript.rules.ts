// The transcript's pure rules: who is named how, what a version's hash covers, when signing is complete.

import { createHash } from "node:crypto";
import type {
  FrozenSegment,
  SignatureDecisionValue,
  SpeakerRoleValue,
  TranscriptVersionsTable,
} from "./transcript.tables";

/** How a participant is named in the transcript: the role of the speaker and their name. */
export function speakerRoleOf(participant: {
  role: "judge" | "clerk" | "party" | "agent";
  party_role: "plaintiff" | "defendant" | "third_party" | null;
}): SpeakerRoleValue {
  switch (participant.role) {
    case "judge":
      return "judge";
    case "clerk":
      return "clerk";
    case "party":
      return participant.party_role ?? "other";
    case "agent":
      return participant.party_role ? `${participant.party_role}_agent` : "other";
  }
}

/** The speaker roles as printed on the transcript (民事诉讼法第一百五十条: 法庭笔录). */
export const speakerLabels: Record<SpeakerRoleValue, { zh: string; en: string }> = {
  judge: { zh: "审判员", en: "Judge" },
  clerk: { zh: "书记员", en: "Clerk" },
  plaintiff: { zh: "原告", en: "Plaintiff" },
  defendant: { zh: "被告", en: "Defendant" },
  third_party: { zh: "第三人", en: "Third party" },
  plaintiff_agent: { zh: "原告代理人", en: "Plaintiff's agent" },
  defendant_agent: { zh: "被告代理人", en: "Defendant's agent" },
  third_party_agent: { zh: "第三人代理人", en: "Third party's agent" },
  other: { zh: "其他诉讼参与人", en: "Other participant" },
};

/** A hearing time stamp: milliseconds since the hearing opened as `mm:ss` (or `h:mm:ss` past an hour). */
export function hearingTimestamp(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** JSON with sorted keys, so the same content always gives the same hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 a version's signatures confirm: its hearing, number and frozen segments in canonical JSON.
 * A different text, speaker, time or order gives a different hash, so a signature binds one text.
 */
export function transcriptContentSha256(input: {
  hearingId: string;
  number: number;
  segments: readonly FrozenSegment[];
}): string {
  return createHash("sha256")
    .update(canonical({ hearingId: input.hearingId, number: input.number, segments: input.segments }))
    .digest("hex");
}

/** Where a hearing's transcript stands. */
export type TranscriptState = "recording" | "awaiting_signatures" | "signed";

export function transcriptStateOf(
  current: Pick<TranscriptVersionsTable, "status"> | null | undefined,
): TranscriptState {
  if (!current) return "recording";
  return current.status === "signed" ? "signed" : "awaiting_signatures";
}

/** Every signer has signed, refused or was absent: the transcript is complete (第一百五十条第三款). */
export function isSigningComplete(decisions: readonly SignatureDecisionValue[]): boolean {
  return decisions.length > 0 && decisions.every((decision) => decision !== "pending");
}

/** Hearing statuses in which audio is taken: the sitting is on (the room is open). */
export function acceptsAudio(status: string): boolean {
  return status === "in_progress";
}

/**
 * 民事诉讼法第一百五十条第二款: the transcript is read out in court (当庭宣读) or given to read within five
 * days, so it may be closed for signature during the sitting (a closing read-out) or after it is held.
 */
export function canCloseInStatus(status: string): boolean {
  return status === "in_progress" || status === "held";
}

/** Largest audio chunk taken (a few seconds of Opus are a few tens of kilobytes; a WAV more). */
export const MAX_AUDIO_CHUNK_BYTES = 2 * 1024 * 1024;
