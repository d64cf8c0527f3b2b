// Pure parts of the hearing capture: the grid of tiles and what each tile may show.

/** One participant whose picture and sound the capture takes (the room's RoomMedia entries have this shape). */
export interface CaptureParticipant {
  participantId: string;
  /** judge | clerk | party | agent */
  role: string;
  /** The participant's label in the room (name and role). */
  label: string;
  /** plaintiff | defendant | third_party for parties and agents. */
  partyRole: string | null;
  stream: MediaStream | null;
}

/** What the capture reads on every frame: the local stream and the remotes, as the room holds them. */
export interface CaptureSources {
  self?: { participantId: string; role: string; label: string; partyRole?: string | null } | null;
  localStream: MediaStream | null;
  remotes: ReadonlyArray<{
    participantId: string;
    role: string;
    label: string;
    partyRole: string | null;
    stream: MediaStream;
  }>;
}

export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A near-square grid filling the frame, in reading order. */
export function tileLayout(count: number, width: number, height: number): Tile[] {
  if (count <= 0) return [];
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const tileWidth = Math.floor(width / columns);
  const tileHeight = Math.floor(height / rows);
  return Array.from({ length: count }, (_, index) => {
    const row = Math.floor(index / columns);
    const inRow = row === rows - 1 ? count - row * columns : columns;
    // The last row is centred when it is not full.
    const offset = Math.floor(((columns - inRow) * tileWidth) / 2);
    return {
      x: offset + (index % columns) * tileWidth,
      y: row * tileHeight,
      width: tileWidth,
      height: tileHeight,
    };
  });
}

/** The participants in a stable order: the bench first (judge, clerk), then each side. */
export function participantsOf(sources: CaptureSources): CaptureParticipant[] {
  const all: CaptureParticipant[] = [];
  if (sources.localStream || sources.self) {
    all.push({
      participantId: sources.self?.participantId ?? "self",
      role: sources.self?.role ?? "clerk",
      label: sources.self?.label ?? "",
      partyRole: sources.self?.partyRole ?? null,
      stream: sources.localStream,
    });
  }
  for (const remote of sources.remotes) all.push({ ...remote });
  const rank = (p: CaptureParticipant) =>
    ({ judge: 0, clerk: 1 })[p.role] ??
    (p.partyRole === "plaintiff" ? 2 : p.partyRole === "defendant" ? 3 : 4);
  return all.sort((a, b) => rank(a) - rank(b) || a.participantId.localeCompare(b.participantId));
}

/**
 * Whether a tile shows only a placeholder with the role: in the public stream with faces hidden, parties
 * and agents are never shown by face or name (在线诉讼规则第三十八条: personal information protected); the
 * bench stays visible. The recording always keeps the full picture.
 */
export function isMasked(participant: { role: string }, hideFaces: boolean): boolean {
  return hideFaces && (participant.role === "party" || participant.role === "agent");
}

/**
 * A tile's caption: in the public stream a party or agent by role only, never by name (the public
 * announcement names them 张某, 个人信息保护法第二十八条); the recording and the bench by the room's label.
 */
export function captionOf(
  participant: { role: string; label: string },
  stream: { hide: boolean; isPublic: boolean },
  roleLabel: string,
): string {
  const isParty = participant.role === "party" || participant.role === "agent";
  if (isMasked(participant, stream.hide) || (stream.isPublic && isParty)) return roleLabel;
  return participant.label || roleLabel;
}

/** The role key (broadcast:role.*) of a participant's tile. */
export function roleKey(participant: { role: string; partyRole: string | null }): {
  key: "judge" | "clerk" | "plaintiff" | "defendant" | "third_party" | "party" | "agent" | "agentOf";
  side?: "plaintiff" | "defendant" | "third_party";
} {
  const side =
    participant.partyRole === "plaintiff" ||
    participant.partyRole === "defendant" ||
    participant.partyRole === "third_party"
      ? participant.partyRole
      : undefined;
  switch (participant.role) {
    case "judge":
      return { key: "judge" };
    case "clerk":
      return { key: "clerk" };
    case "agent":
      return side ? { key: "agentOf", side } : { key: "agent" };
    default:
      return side ? { key: side } : { key: "party" };
  }
}

/** The first MediaRecorder type the browser supports, VP8 first (every MSE player decodes it). */
export function pickMimeType(isSupported: (type: string) => boolean): string | null {
  const candidates = ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"];
  return candidates.find((type) => isSupported(type)) ?? null;
}
