import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import { createDraftCase } from "../../cases/index";
import { findCourt } from "../../courts/index";
import type { AppContext } from "../../../context";
import { userOf } from "../filing.access";

export interface CreateFilingDraftOptions {
  courtId: string;
  typeCode: "民初" | "行初";
}

/** Starts an online complaint (网上立案) addressed to a court; only the filer sees the draft. Throws `court_not_found`. */
export async function createFilingDraft(
  context: AppContext,
  meta: CommandMeta,
  options: CreateFilingDraftOptions,
): Promise<string> {
  const user = userOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const court = await findCourt(trx, options.courtId);
    if (!court) throw new AppError("court_not_found");
    const caseId = await createDraftCase(trx, {
      courtId: court.id,
      typeCode: options.typeCode,
      filedBy: user.userId,
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.draft_created",
      subjectType: "case",
      subjectId: caseId,
      courtId: court.id,
      data: { typeCode: options.typeCode },
    });
    return caseId;
  });
}
