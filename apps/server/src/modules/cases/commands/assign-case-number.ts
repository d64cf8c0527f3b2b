import type { Tx } from "../../../platform";
import { courtDateOf } from "../../courts/index";
import { formatCaseNumber } from "../case-number.rules";
import { allocateCaseSequence, updateCase } from "../cases.repository";

export interface AssignCaseNumberOptions {
  caseId: string;
  courtId: string;
  courtCode: string;
  typeCode: string;
  now: Date;
}

/**
 * Gives a registered case its number, e.g. （2026）浙0192民初1号 (关于人民法院案件案号的若干规定): per court,
 * year of registration and case type, unique and without gaps. Must run inside the registering
 * transaction; the counter row lock serialises concurrent registrations.
 */
export async function assignCaseNumber(trx: Tx, options: AssignCaseNumberOptions): Promise<string> {
  const year = Number(courtDateOf(options.now).slice(0, 4));
  const sequence = await allocateCaseSequence(trx, options.courtId, year, options.typeCode);
  const caseNumber = formatCaseNumber({
    year,
    courtCode: options.courtCode,
    typeCode: options.typeCode,
    sequence,
  });
  await updateCase(
    trx,
    options.caseId,
    { case_number: caseNumber, case_year: year, case_sequence: sequence },
    options.now,
  );
  return caseNumber;
}

/**
 * Allocates the next number of a case type at a court without writing it on a case row: for a case
 * numbered apart from the case it grows out of (a judicial confirmation, 民特, after a pre-litigation
 * mediation). Same counter and lock as assignCaseNumber.
 */
export async function allocateCaseNumber(
  trx: Tx,
  options: Omit<AssignCaseNumberOptions, "caseId">,
): Promise<string> {
  const year = Number(courtDateOf(options.now).slice(0, 4));
  const sequence = await allocateCaseSequence(trx, options.courtId, year, options.typeCode);
  return formatCaseNumber({ year, courtCode: options.courtCode, typeCode: options.typeCode, sequence });
}
