import {
  inTransaction,
  invalidateSession,
  revokeSession,
  writeAuditEvent,
  type CommandMeta,
  type SessionRow,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";

/** Ends the current session (revoked in the database and dropped from the session cache). */
export async function signOut(
  deps: IdentityDependencies,
  meta: CommandMeta,
  session: SessionRow,
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await revokeSession(trx, session.idHash, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "identity.signed_out",
      subjectType: "user",
      subjectId: session.userId,
    });
  });
  invalidateSession(session.idHash);
}
