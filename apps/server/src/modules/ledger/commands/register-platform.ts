import type { AppContext } from "../../../context";
import { AppError, inTransaction, requireUser, writeAuditEvent, type CommandMeta } from "../../../platform";
import { findCourt } from "../../courts/index";
import { assertCanManagePlatforms } from "../ledger.policy";
import { insertPlatform } from "../ledger.repository";
import type { PlatformCategory } from "../ledger.tables";

export interface RegisterPlatformOptions {
  courtId: string;
  name: string;
  operatorName: string;
  operatorCreditCode: string | null;
  category: PlatformCategory;
  description: string | null;
}

/**
 * Admits a third-party platform to deposit evidence hashes (存证平台接入), registered by an administrator
 * of the court. Throws `authentication_required`, `court_not_found`, `forbidden`, `conflict` (name taken).
 */
export async function registerPlatform(
  context: AppContext,
  meta: CommandMeta,
  options: RegisterPlatformOptions,
) {
  const user = requireUser(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const court = await findCourt(trx, options.courtId);
    if (!court) throw new AppError("court_not_found");
    assertCanManagePlatforms(meta.actor, court.id);
    const platform = await insertPlatform(trx, { ...options, createdBy: user.userId, now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "ledger.platform_registered",
      subjectType: "ledger_platform",
      subjectId: platform.id,
      courtId: court.id,
      data: { name: platform.name, operatorName: platform.operator_name, category: platform.category },
    });
    return platform;
  });
}
