// Pure rules of court administration: invitation lifetime and state, court hierarchy, masking.
import type { CourtLevel } from "../courts/index";

/** An invitation link is valid for 72 hours: long enough to reach someone over a weekend, short enough to limit a leaked link. */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

export type InvitationState = "open" | "expired" | "used" | "revoked";

export function invitationState(
  invitation: { expires_at: Date; used_at: Date | null; revoked_at: Date | null },
  now: Date,
): InvitationState {
  if (invitation.used_at !== null) return "used";
  if (invitation.revoked_at !== null) return "revoked";
  if (invitation.expires_at.getTime() <= now.getTime()) return "expired";
  return "open";
}

/**
 * The level directly below a court's (人民法院组织法第十二条: supreme, high, intermediate, basic
 * people's courts); null under a basic court.
 */
export function levelBelow(level: CourtLevel): CourtLevel | null {
  const order: CourtLevel[] = ["supreme", "high", "intermediate", "basic"];
  return order[order.indexOf(level) + 1] ?? null;
}

/** A name as an invitee sees it before proving who they are: the first character, the rest masked. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters[0] + "*".repeat(Math.max(1, characters.length - 1));
}

/** A mobile number with its middle four digits masked (the common 138****0000 form). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "*".repeat(phone.length);
}
