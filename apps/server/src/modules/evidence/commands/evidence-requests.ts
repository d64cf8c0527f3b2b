import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { openDeadline } from "../../cases/index";
import { computePeriodEnd, courtDateOf, daysBetween } from "../../courts/index";
import {
  accountsOfParties,
  actingParty,
  assertCaseJudge,
  assertEvidenceStage,
  loadEvidenceCase,
  lockEvidenceCase,
  userOf,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import {
  decideRequestRow,
  extendPeriod,
  findPendingRequest,
  findPeriod,
  insertRequest,
  lockRequest,
} from "../evidence.repository";
import { extendTo, requestKindNow } from "../evidence.rules";
import type { EvidenceRequestKind } from "../evidence.tables";
import { periodDeadlines } from "./set-evidence-period";

export interface RequestEvidenceTimeOptions {
  caseId: string;
  partyId?: string | null;
  kind: EvidenceRequestKind;
  until: string;
  reason: string;
}

function assertLaterDay(until: string, after: string, path: string): void {
  if (!(until > after)) {
    throw new AppError("validation_failed", [
      { path, code: "too_early", message: `must be after ${after}`, params: { after } },
    ]);
  }
}

/**
 * A party asks the court for more time: an extension, in writing before the evidence period ends
 * (民诉法解释第一百条; 证据规定第五十四条), or — once it has ended — leave to submit late, with its reasons
 * (民诉法解释第一百零一条). The judge is told. Throws `case_not_found`, `evidence_not_a_party`,
 * `case_status_conflict`, `evidence_period_not_set`, `evidence_request_wrong_time`,
 * `evidence_request_conflict`, `validation_failed`.
 */
export async function requestEvidenceTime(
  context: AppContext,
  meta: CommandMeta,
  options: RequestEvidenceTimeOptions,
) {
  const user = userOf(meta.actor);
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  const party = actingParty(access, options.partyId);
  assertEvidenceStage(access.row);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    assertEvidenceStage(locked.row);
    const period = await findPeriod(trx, locked.row.id, "evidence");
    if (!period) throw new AppError("evidence_period_not_set");
    // 民诉法解释第一百条: an extension only before the period ends; afterwards leave under 第一百零一条.
    if (requestKindNow(period.ends_at, meta.now) !== options.kind) {
      throw new AppError("evidence_request_wrong_time", [
        { path: "kind", code: options.kind, message: `the period ends on ${period.ends_on}` },
      ]);
    }
    assertLaterDay(
      options.until,
      options.kind === "extension" ? period.ends_on : courtDateOf(meta.now),
      "until",
    );
    if (await findPendingRequest(trx, locked.row.id, party.id, options.kind)) {
      throw new AppError("evidence_request_conflict");
    }
    const request = await insertRequest(trx, {
      caseId: locked.row.id,
      partyId: party.id,
      kind: options.kind,
      reason: options.reason,
      requestedUntil: options.until,
      requestedBy: user.userId,
      now: meta.now,
    });
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.request_made",
      courtEvent: "evidence_request_made",
      data: { requestId: request.id, partyId: party.id, kind: options.kind, until: options.until },
      inbox: [
        {
          recipientIds: locked.row.judge_id ? [locked.row.judge_id] : [],
          kind: "evidence_request_made",
          params: {
            requestKind: options.kind,
            partyName: party.name,
            until: options.until,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return request;
  });
}

export interface DecideEvidenceRequestOptions {
  caseId: string;
  requestId: string;
  grant: boolean;
  until: string | null;
  reason: string | null;
}

/**
 * The judge decides a request. An extension granted moves the evidence period for every party and they
 * are all told (民诉法解释第一百条第二款: 延长的举证期限适用于其他当事人); leave to submit late lets the
 * requesting party submit until the day granted, marked late (第一百零一条/第一百零二条). A refusal is told
 * to the requesting party (第一百条第三款). Throws `case_not_found`, `forbidden`,
 * `evidence_request_not_found`, `evidence_request_conflict`, `validation_failed`.
 */
export async function decideEvidenceRequest(
  context: AppContext,
  meta: CommandMeta,
  options: DecideEvidenceRequestOptions,
) {
  const user = userOf(meta.actor);
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  assertCaseJudge(access);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const request = await lockRequest(trx, locked.row.id, options.requestId);
    if (!request) throw new AppError("evidence_request_not_found");
    if (request.status !== "pending") throw new AppError("evidence_request_conflict");
    const period = await findPeriod(trx, locked.row.id, "evidence");
    let grantedUntil: string | null = null;
    let grantedUntilAt: Date | null = null;
    if (options.grant) {
      grantedUntil = options.until ?? request.requested_until;
      const after = request.kind === "extension" && period ? period.ends_on : courtDateOf(meta.now);
      assertLaterDay(grantedUntil, after, "until");
      // 民事诉讼法第八十五条: a last day off moves to the next working day.
      const { end } = computePeriodEnd({
        start: after,
        length: daysBetween(after, grantedUntil),
        unit: "day",
      });
      grantedUntil = end;
      grantedUntilAt = extendTo(end).endsAt;
      if (request.kind === "extension" && period) {
        await extendPeriod(trx, locked.row.id, "evidence", end, grantedUntilAt);
        await openDeadline(trx, {
          caseId: locked.row.id,
          kind: periodDeadlines.evidence.kind,
          period: {
            ...computePeriodEnd({
              start: period.starts_on,
              length: daysBetween(period.starts_on, end),
              unit: "day",
            }),
            length: daysBetween(period.starts_on, end),
            unit: "day",
            labelZh: periodDeadlines.evidence.zh,
            labelEn: periodDeadlines.evidence.en,
            basis: "民诉法解释第一百条",
          },
          now: meta.now,
        });
      }
    }
    await decideRequestRow(trx, request.id, {
      status: options.grant ? "granted" : "refused",
      grantedUntil,
      grantedUntilAt,
      reason: options.reason,
      decidedBy: user.userId,
      now: meta.now,
    });
    const everyone = options.grant && request.kind === "extension";
    const recipients = accountsOfParties(
      locked.parts,
      everyone ? locked.parts.parties.map((p) => p.id) : [request.party_id],
    );
    const data = {
      requestId: request.id,
      partyId: request.party_id,
      kind: request.kind,
      granted: options.grant,
      grantedUntil,
    };
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.request_decided",
      courtEvent: "evidence_request_decided",
      data,
      inbox: [
        {
          recipientIds: recipients,
          kind: "evidence_request_decided",
          params: {
            requestKind: request.kind,
            granted: options.grant,
            until: grantedUntil,
            reason: options.reason,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
