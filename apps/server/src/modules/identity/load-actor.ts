import type { Kysely } from "kysely";
import type { Actor, DB, SessionRow, StaffMembership } from "../../platform";
import { findActiveAccount } from "./identity.repository";
import { requiresSecondFactor } from "./identity.policy";

/**
 * Builds the actor of a session. Staff memberships count only after the session passed TOTP: court
 * staff must use a second factor, and so must an account that enabled TOTP.
 */
export async function loadActor(
  db: Kysely<DB>,
  session: SessionRow,
  findMemberships: (db: Kysely<DB>, userId: string) => Promise<StaffMembership[]>,
): Promise<Actor | null> {
  const account = await findActiveAccount(db, session.userId);
  if (!account) return null;
  const memberships = await findMemberships(db, account.id);
  const isStaff = memberships.length > 0;
  const needsSecondFactor =
    requiresSecondFactor({ isStaff, totpEnabled: account.totp_enabled_at !== null }) &&
    !session.hasSecondFactor;
  return {
    kind: "user",
    userId: account.id,
    sessionId: session.idHash,
    name: account.name,
    userKind: account.kind,
    isVerified: account.verification_status === "verified",
    isLawyer: account.lawyer_licence_number !== null,
    memberships: needsSecondFactor ? [] : memberships,
    needsSecondFactor,
  };
}
