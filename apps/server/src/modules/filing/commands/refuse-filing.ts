import {
  AppError,
  hasRole,
  inTransaction,
  writeAuditEvent,
  cancelJob,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { assignCaseNumber, changeCaseStatus, closeDeadline, courtDateOf, lockCase } from "../../cases/index";
import { findCourt, listJudges } from "../../courts/index";
import { issueDocument } from "../../documents/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { buildRefusalModels, refusalGrounds, refusalInstrument } from "../documents/refusal-ruling";
import { assertClerk, loadFiling, userOf } from "../filing.access";
import { feeDeadlineKey } from "../filing.jobs";
import { findFeeOrder, insertReview, updateFeeOrder } from "../filing.repository";

/**
 * The grounds as the filer's message keeps them: the article and what it means in both languages, so
 * the message reads the same however the list of grounds changes later ("127-4" → 民事诉讼法第一百二十七条
 * 第四项, 不属于本院管辖).
 */
export function refusalGroundParams(basis: readonly string[]) {
  return basis.flatMap((key) => {
    const ground = refusalGrounds[key];
    if (!ground) return [];
    const [article, item] = key.split("-");
    return [
      {
        key,
        articleZh: ground.article,
        articleEn: item ? `Article ${article}(${item})` : `Article ${article}`,
        zh: ground.zh,
        en: ground.en,
      },
    ];
  });
}

export interface RefuseFilingOptions {
  caseId: string;
  reason: string;
  basis: string[];
  /** The judge who makes the ruling, when the reviewer is not a judge of the court. */
  judgeId?: string | undefined;
}

/**
 * Does not register a suit: a ruling not to accept it (民事诉讼法第一百二十六条: within 7 days, by a ruling
 * the plaintiff may appeal, 第一百五十七条第一款第一项 and 第一百七十一条第二款), numbered and signed by the
 * deciding judge and the clerk; or, for 第一百二十七条第一项至第五项 alone, a 告知书 telling the plaintiff where
 * to go. Issues the document through the case-document pipeline, closes the filing and cancels an unpaid
 * fee. Throws `case_not_found`, `forbidden`, `case_status_conflict`, `ruling_judge_required`,
 * `ruling_judge_invalid`.
 */
export async function refuseFiling(
  context: AppContext,
  meta: CommandMeta,
  options: RefuseFilingOptions,
): Promise<{ rulingSha256: string }> {
  const user = userOf(meta.actor);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  assertClerk(access);
  const court = (await findCourt(context.db, access.row.court_id))!;
  const appealCourt = court.parent_id ? await findCourt(context.db, court.parent_id) : undefined;
  const instrument = refusalInstrument(options.basis);
  // 民事诉讼法第一百五十七条第三款: a ruling is signed by the judge who makes it and the clerk. A filing
  // clerk who is not a judge of the court names the judge (立案庭审判员) who decides.
  let judge: { userId: string; name: string } | null = null;
  if (instrument === "ruling") {
    if (hasRole(meta.actor, court.id, "judge")) {
      judge = { userId: user.userId, name: user.name };
    } else {
      if (!options.judgeId)
        throw new AppError("ruling_judge_required", [
          { path: "judgeId", code: "required", message: "judgeId" },
        ]);
      const named = (await listJudges(context.db, court.id)).find((j) => j.userId === options.judgeId);
      if (!named)
        throw new AppError("ruling_judge_invalid", [
          { path: "judgeId", code: "not_a_judge", message: "judgeId" },
        ]);
      judge = { userId: named.userId, name: named.name };
    }
  }

  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    // A ruling not to accept is numbered like a registered suit (关于人民法院案件案号的若干规定).
    const caseNumber =
      instrument === "ruling"
        ? await assignCaseNumber(trx, {
            caseId: row.id,
            courtId: court.id,
            courtCode: court.code,
            typeCode: row.type_code,
            now: meta.now,
          })
        : null;
    await changeCaseStatus(trx, meta, {
      row,
      transition: "refuseFiling",
      patch: { closed_at: meta.now, closure_reason: "refused" },
      // `basis` on a timeline entry is the transition's article; the clerk's grounds are kept apart.
      timeline: { kind: "refused", data: { grounds: options.basis }, isPublic: true },
    });
    const models = buildRefusalModels({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      appealCourtNameZh: appealCourt?.name_zh ?? null,
      appealCourtNameEn: appealCourt?.name_en ?? null,
      caseNumber,
      plaintiffs: access.parts.parties
        .filter((p) => p.role === "plaintiff")
        .map((p) => ({
          name: p.name,
          descriptionZh: p.address ? `住${p.address}` : p.kind === "natural_person" ? "自然人" : "组织",
          descriptionEn: p.address
            ? `of ${p.address}`
            : p.kind === "natural_person"
              ? "natural person"
              : "organisation",
        })),
      defendants: access.parts.parties.filter((p) => p.role === "defendant").map((p) => p.name),
      causeNameZh: access.row.cause_name_zh,
      causeNameEn: access.row.cause_name_en,
      receivedOn: courtDateOf(access.row.submitted_at ?? meta.now),
      decidedOn: courtDateOf(meta.now),
      reason: options.reason,
      basis: options.basis,
      judge,
      clerkName: user.name,
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.id,
      courtId: row.court_id,
      zh: models.zh,
      en: models.en,
      issuedBy: user.userId,
      signedBy: judge?.userId ?? null,
      now: meta.now,
    });
    const zh = { sha256: issued.zh.docxSha256 };
    const en = { sha256: issued.en.docxSha256 };
    await insertReview(trx, {
      caseId: row.id,
      decision: "refused",
      items: options.basis,
      reason: options.reason,
      decidedBy: user.userId,
      now: meta.now,
      rulingSha256: zh.sha256,
      rulingEnSha256: en.sha256,
    });
    await closeDeadline(trx, row.id, "registration_review", "met", meta.now);
    await closeDeadline(trx, row.id, "fee_payment", "cancelled", meta.now);
    const order = await findFeeOrder(trx, row.id);
    if (order?.status === "pending") await updateFeeOrder(trx, order.id, { status: "cancelled" });
    await cancelJob(trx, feeDeadlineKey(row.id), meta.now);
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by],
      caseId: row.id,
      kind: "filing_refused",
      params: { reason: options.reason, grounds: refusalGroundParams(options.basis), instrument, caseNumber },
      now: meta.now,
    });
    // 全流程留痕: the signed ruling and its service on the filer leave verifiable traces in the ledger.
    const rulingDocuments = [zh.sha256, en.sha256];
    if (instrument === "ruling")
      await appendCourtEvent(trx, {
        kind: "ruling_signed",
        courtId: row.court_id,
        caseId: row.id,
        payload: {
          ruling: "refusal_to_accept",
          documents: rulingDocuments,
          signedBy: judge?.userId ?? user.userId,
          caseNumber,
        },
        now: meta.now,
      });
    await appendCourtEvent(trx, {
      kind: "documents_served",
      courtId: row.court_id,
      caseId: row.id,
      payload: { documents: rulingDocuments, recipients: [row.filed_by], channel: "platform_inbox" },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.refused",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        basis: options.basis,
        rulingSha256: zh.sha256,
        rulingEnSha256: en.sha256,
        refundDue: order?.status === "paid",
      },
    });
    return { rulingSha256: zh.sha256 };
  });
}
