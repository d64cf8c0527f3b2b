import {
  AppError,
  inTransaction,
  releaseAttempt,
  takeAttempt,
  writeAuditEvent,
  type CommandMeta,
  type ThrottlePolicy,
} from "../../../platform";
import type { AppContext } from "../../../context";
import {
  checkPartyIdentity,
  linkPartyAccount,
  lockCase,
  lockCasePartyCode,
  normaliseCaseCode,
  recordTimeline,
} from "../../cases/index";
import { attachPartyUser, sendInboxMessage } from "../../delivery/index";
import { findAccountIdentity } from "../../identity/index";
import { appendCourtEvent } from "../../ledger/index";
import { userOf } from "../filing.access";

/** 5 refused links (unknown code or another identity) within an hour lock the account for an hour. */
const caseLinkPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

function caseLinkThrottleKey(userId: string): string {
  return `case-link:user:${userId}`;
}

/**
 * Links the caller's verified account to the party a case code names (人民法院在线诉讼规则第七条: who
 * litigates online is identified as themselves). Only when the verified ID number (a person) or credit
 * code (an organisation) equals the one the plaintiff gave for that party — never by name alone. A
 * refused attempt is audited without the number and counts against the caller. Throws
 * `identity_not_verified`, `case_code_invalid`, `case_code_used`, `party_identity_not_on_file`,
 * `party_identity_mismatch`, `rate_limited`.
 */
export async function linkParty(
  context: AppContext,
  meta: CommandMeta,
  options: { caseCode: string },
): Promise<{ caseId: string; partyId: string }> {
  const user = userOf(meta.actor);
  const account = await findAccountIdentity(context.db, user.userId);
  if (!account) throw new AppError("authentication_required");
  if (!account.isVerified) throw new AppError("identity_not_verified");
  const key = caseLinkThrottleKey(user.userId);
  // Counted before the lookup, so parallel guesses cannot outrun the limit; a link gives it back.
  await takeAttempt(context.db, key, caseLinkPolicy, meta.now);
  const code = normaliseCaseCode(options.caseCode);
  type Outcome =
    | { linked: { caseId: string; partyId: string } }
    | { refused: "case_code_invalid" }
    | {
        refused: "case_code_used" | "party_identity_not_on_file" | "party_identity_mismatch";
        caseId: string;
        partyId: string;
      };
  const outcome = await inTransaction(context.db, async (trx): Promise<Outcome> => {
    const found = await lockCasePartyCode(trx, code);
    if (!found) return { refused: "case_code_invalid" };
    if (found.used_at !== null || found.user_id !== null)
      return found.user_id === user.userId
        ? { linked: { caseId: found.case_id, partyId: found.party_id } }
        : { refused: "case_code_used", caseId: found.case_id, partyId: found.party_id };
    const check = checkPartyIdentity(
      { kind: found.kind, idNumber: found.id_number, creditCode: found.credit_code },
      account,
    );
    if (check === "not_on_file")
      return { refused: "party_identity_not_on_file", caseId: found.case_id, partyId: found.party_id };
    if (check !== "match")
      return { refused: "party_identity_mismatch", caseId: found.case_id, partyId: found.party_id };

    const row = await lockCase(trx, found.case_id);
    await linkPartyAccount(trx, { partyId: found.party_id, userId: user.userId, now: meta.now });
    // 在线诉讼规则第三十一条第二款: what was served on the party before it had an account is now the
    // account's to open, and its acts in the case complete that service.
    await attachPartyUser(trx, {
      caseId: row.id,
      courtId: row.court_id,
      partyId: found.party_id,
      userId: user.userId,
      now: meta.now,
    });
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "party_linked",
      actorUserId: user.userId,
      data: { partyId: found.party_id, role: found.role },
      isPublic: false,
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [user.userId],
      caseId: row.id,
      kind: "case_linked",
      params: { caseNumber: row.case_number },
      now: meta.now,
    });
    // 全流程留痕: who joined the case online, and as which party.
    await appendCourtEvent(trx, {
      kind: "party_linked",
      courtId: row.court_id,
      caseId: row.id,
      payload: { partyId: found.party_id, userId: user.userId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.party_linked",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { partyId: found.party_id },
    });
    return { linked: { caseId: row.id, partyId: found.party_id } };
  });
  if ("linked" in outcome) {
    await releaseAttempt(context.db, key);
    return outcome.linked;
  }
  // A refusal changes nothing in the case; it is recorded (without any number) and stays counted.
  await writeAuditEvent(context.db, meta, {
    action: "cases.party_link_refused",
    ...("caseId" in outcome
      ? {
          subjectType: "case",
          subjectId: outcome.caseId,
          data: { reason: outcome.refused, partyId: outcome.partyId },
        }
      : { subjectType: "user", subjectId: user.userId, data: { reason: outcome.refused } }),
    courtId: null,
  });
  throw new AppError(outcome.refused);
}
