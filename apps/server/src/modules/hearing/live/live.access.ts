import { AppError } from "../../../platform";
import type { HearingRow } from "../hearing.repository";
import { canStream, liveRefusal, liveRefusalText } from "./live.rules";

/** The hearing may be streamed (409 `hearing_not_public` with the reason in both languages). */
export function assertMayStream(hearing: HearingRow): void {
  const reason = liveRefusal(hearing);
  if (reason === null) return;
  const text = liveRefusalText[reason];
  throw new AppError("hearing_not_public", [
    {
      code: reason,
      message: `the hearing may not be streamed: ${text.en}`,
      params: { reason, reasonZh: text.zh, reasonEn: text.en },
    },
  ]);
}

/** The court sits (409 `hearing_status_conflict` otherwise). */
export function assertSitting(hearing: HearingRow): void {
  if (canStream(hearing.status)) return;
  throw new AppError("hearing_status_conflict", [
    {
      code: "live",
      message: `the hearing is ${hearing.status}: it is streamed while it sits`,
      params: { from: hearing.status, allowedFrom: ["in_progress"] },
    },
  ]);
}
