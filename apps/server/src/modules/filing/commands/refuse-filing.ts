import { inTransaction, writeAuditEvent, cancelJob, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, closeDeadline, courtDateOf, lockCase } from "../../cases/index";
import { findCourt } from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { refusalGrounds, renderRefusalRuling } from "../documents/refusal-ruling";
import { assertClerk, loadFiling, userOf } from "../filing.access";
import { feeDeadlineKey } from "../filing.jobs";
import { findFeeOrder, insertReview, insertStoredFile, updateFeeOrder } from "../filing.repository";

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
}

/**
 * Rules not to accept a suit (民事诉讼法第一百二十六条: within 7 days, by a ruling the plaintiff may
 * appeal, 第一百五十七条第一款第一项 and 第一百七十一条第二款). Produces the reasoned ruling (DOCX, Chinese and
 * English), closes the filing and cancels an unpaid fee. Throws `case_not_found`, `forbidden`,
 * `case_status_conflict`.
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
  const documents = await renderRefusalRuling({
    courtNameZh: court.name_zh,
    courtNameEn: court.name_en,
    appealCourtNameZh: appealCourt?.name_zh ?? null,
    appealCourtNameEn: appealCourt?.name_en ?? null,
    plaintiffs: access.parts.parties
      .filter((p) => p.role === "plaintiff")
      .map((p) => ({
        name: p.name,
        description: p.address ? `住${p.address}` : p.kind === "natural_person" ? "自然人" : "组织",
      })),
    defendants: access.parts.parties.filter((p) => p.role === "defendant").map((p) => p.name),
    causeNameZh: access.row.cause_name_zh,
    causeNameEn: access.row.cause_name_en,
    receivedOn: courtDateOf(access.row.submitted_at ?? meta.now),
    decidedOn: courtDateOf(meta.now),
    reason: options.reason,
    basis: options.basis,
    decidedBy: user.name,
  });
  const [zh, en] = [await context.files.put(documents.zh), await context.files.put(documents.en)];
  const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  await inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    await changeCaseStatus(trx, meta, {
      row,
      transition: "refuseFiling",
      patch: { closed_at: meta.now, closure_reason: "refused" },
      // `basis` on a timeline entry is the transition's article; the clerk's grounds are kept apart.
      timeline: { kind: "refused", data: { grounds: options.basis }, isPublic: true },
    });
    await insertStoredFile(trx, { sha256: zh.sha256, size: zh.size, mediaType: docxType, now: meta.now });
    await insertStoredFile(trx, { sha256: en.sha256, size: en.size, mediaType: docxType, now: meta.now });
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
      params: { reason: options.reason, grounds: refusalGroundParams(options.basis) },
      now: meta.now,
    });
    // 全流程留痕: the signed ruling and its service on the filer leave verifiable traces in the ledger.
    const rulingDocuments = [zh.sha256, en.sha256];
    await appendCourtEvent(trx, {
      kind: "ruling_signed",
      courtId: row.court_id,
      caseId: row.id,
      payload: { ruling: "refusal_to_accept", documents: rulingDocuments, signedBy: user.userId },
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
  });
  return { rulingSha256: zh.sha256 };
}
