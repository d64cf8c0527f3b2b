import { AppError, inTransaction, writeAuditEvent, type CommandMeta, type Executor } from "../../../platform";
import { findCourtByCode, insertCourt, type CourtSeed } from "../../courts/index";
import type { AdminDependencies } from "../admin.dependencies";
import { levelBelow } from "../admin.rules";

/** A court to add, in the shape of the court network seed, with the basis of its small-claims limit. */
export type CourtInput = CourtSeed & { smallClaimsBasis?: string | null };

async function addOne(trx: Executor, meta: CommandMeta, court: CourtInput, index: number): Promise<string> {
  const path = (field: string) => `courts.${index}.${field}`;
  if (await findCourtByCode(trx, court.code)) {
    throw new AppError("court_code_taken", [{ path: path("code"), code: "taken", message: court.code }]);
  }
  let parentId: string | null = null;
  if (court.level === "supreme") {
    if (court.parentCode !== null) {
      throw new AppError("court_parent_invalid", [
        { path: path("parentCode"), code: "supreme_has_no_parent", message: "" },
      ]);
    }
  } else {
    const parent = court.parentCode === null ? undefined : await findCourtByCode(trx, court.parentCode);
    // 人民法院组织法第十二条: each court sits directly under a court one level higher.
    if (!parent || levelBelow(parent.level) !== court.level) {
      throw new AppError("court_parent_invalid", [
        {
          path: path("parentCode"),
          code: parent ? "level_mismatch" : "not_found",
          message: court.parentCode ?? "",
        },
      ]);
    }
    parentId = parent.id;
  }
  const id = await insertCourt(trx, {
    code: court.code,
    nameZh: court.nameZh,
    nameEn: court.nameEn,
    level: court.level,
    parentId,
    isInternetCourt: court.isInternetCourt,
    provinceZh: court.provinceZh,
    provinceEn: court.provinceEn,
    addressZh: court.addressZh,
    smallClaimsLimitFen:
      court.smallClaimsLimitYuan === null ? null : Math.round(court.smallClaimsLimitYuan * 100),
    smallClaimsBasis: court.smallClaimsLimitYuan === null ? null : (court.smallClaimsBasis ?? null),
    now: meta.now,
  });
  await writeAuditEvent(trx, meta, {
    action: "admin.court_added",
    subjectType: "court",
    subjectId: id,
    courtId: id,
    data: { code: court.code, level: court.level, parentCode: court.parentCode },
  });
  return id;
}

/**
 * Adds courts in the given order (parents first), all or none. With `skipExisting`, courts whose code
 * exists are left as they are, so importing the same network file twice changes nothing. Throws
 * `court_code_taken`, `court_parent_invalid`.
 */
export async function addCourts(
  deps: Pick<AdminDependencies, "db">,
  meta: CommandMeta,
  courts: readonly CourtInput[],
  options: { skipExisting: boolean } = { skipExisting: false },
): Promise<{ added: string[]; skipped: string[] }> {
  return inTransaction(deps.db, async (trx) => {
    const added: string[] = [];
    const skipped: string[] = [];
    for (const [index, court] of courts.entries()) {
      if (options.skipExisting && (await findCourtByCode(trx, court.code))) {
        skipped.push(court.code);
        continue;
      }
      await addOne(trx, meta, court, index);
      added.push(court.code);
    }
    return { added, skipped };
  });
}
