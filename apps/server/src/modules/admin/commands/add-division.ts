import {
  AppError,
  driverErrorCode,
  inTransaction,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import { findCourt, insertDivision, type DivisionKind } from "../../courts/index";
import type { AdminDependencies } from "../admin.dependencies";
import { findDivisionByCode } from "../admin.repository";

/** Adds a division (审判业务部门) to a court. Throws `court_not_found`, `court_code_taken`. */
export async function addDivision(
  deps: Pick<AdminDependencies, "db">,
  meta: CommandMeta,
  input: { courtId: string; code: string; nameZh: string; nameEn: string; kind: DivisionKind },
): Promise<{ divisionId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const court = await findCourt(trx, input.courtId);
    if (!court) throw new AppError("court_not_found");
    if (await findDivisionByCode(trx, court.id, input.code)) {
      throw new AppError("court_code_taken", [{ path: "code", code: "taken", message: input.code }]);
    }
    let divisionId: string;
    try {
      divisionId = await insertDivision(trx, { ...input, courtId: court.id });
    } catch (error) {
      if (driverErrorCode(error) === "23505") throw new AppError("court_code_taken", [], { cause: error });
      throw error;
    }
    await writeAuditEvent(trx, meta, {
      action: "admin.division_added",
      subjectType: "court_division",
      subjectId: divisionId,
      courtId: court.id,
      data: { code: input.code, kind: input.kind },
    });
    return { divisionId };
  });
}
