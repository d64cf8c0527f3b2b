import { asyncTrialErrors } from "./async-trial";
import { broadcastErrors } from "./broadcast";
import { casesErrors } from "./cases";
import { courtsErrors } from "./courts";
import { deliveryErrors } from "./delivery";
import { documentsErrors } from "./documents";
import { evidenceErrors } from "./evidence";
import { filingErrors } from "./filing";
import { hearingErrors } from "./hearing";
import { hearingRoomErrors } from "./hearing-room";
import { identityErrors } from "./identity";
import { judicialConfirmationErrors } from "./judicial-confirmation";
import { judgmentErrors } from "./judgment";
import { ledgerErrors } from "./ledger";
import { mediationErrors } from "./mediation";
import { platformErrors } from "./platform";
import { searchErrors } from "./search";
import { transcriptErrors } from "./transcript";
import type { ErrorDefinition } from "./types";

export type { ErrorBody, ErrorDefinition, ErrorDetail } from "./types";

/**
 * Every error code of netcourt, from code to HTTP status and zh-CN/en message.
 * Each context keeps its codes in its own file; this table joins them.
 */
export const errorCatalog = {
  ...platformErrors,
  ...identityErrors,
  ...courtsErrors,
  ...casesErrors,
  ...deliveryErrors,
  ...documentsErrors,
  ...filingErrors,
  ...ledgerErrors,
  ...searchErrors,
  ...judicialConfirmationErrors,
  ...mediationErrors,
  ...evidenceErrors,
  ...hearingErrors,
  ...transcriptErrors,
  ...broadcastErrors,
  ...hearingRoomErrors,
  ...asyncTrialErrors,
  ...judgmentErrors,
} as const satisfies Record<string, ErrorDefinition>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof errorCatalog;

/** True when `code` is a known error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}
