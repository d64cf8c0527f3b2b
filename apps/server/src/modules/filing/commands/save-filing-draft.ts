import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  findCause,
  isEditableByFiler,
  lockCase,
  replaceDraftContent,
  updateDraftParticulars,
} from "../../cases/index";
import { findCourt } from "../../courts/index";
import { assertFiler, assertFilerIsAccountHolder, loadFiling, userOf } from "../filing.access";
import { listAttachments, replaceEvidence } from "../filing.repository";
import { caseTitle } from "../filing.rules";
import type { TFilingContent } from "../filing.schemas";
import { residentIdParticulars } from "@netcourt/shared/identity-checks";
import { checkDraftContent, normaliseIdentifier } from "../filing.validation";

export interface SaveFilingDraftOptions {
  caseId: string;
  content: TFilingContent;
}

/**
 * Saves the whole complaint (the wizard saves drafts as the filer goes). Allowed while a draft or when
 * the court asked for corrections. A field with a wrong value never refuses the rest: it is kept for the
 * filer to correct where the record can hold it (`checkDraftContent`), and submission refuses it.
 * Throws `case_not_found`, `forbidden`, `case_status_conflict`, `case_version_conflict`,
 * `validation_failed` (references to nothing), `filer_not_account_holder`.
 */
export async function saveFilingDraft(
  context: AppContext,
  meta: CommandMeta,
  options: SaveFilingDraftOptions,
): Promise<void> {
  const user = userOf(meta.actor);
  const { content, issues } = checkDraftContent(options.content, meta.now);
  await inTransaction(context.db, async (trx) => {
    const access = await loadFiling(trx, meta.actor, options.caseId);
    assertFiler(access);
    const row = await lockCase(trx, options.caseId);
    if (!isEditableByFiler(row.status)) {
      throw new AppError("case_status_conflict", [
        { code: "not_editable", message: `a ${row.status} filing cannot be edited` },
      ]);
    }
    if (content.version !== undefined && content.version !== row.version) {
      throw new AppError("case_version_conflict", [
        {
          code: "stale_version",
          message: `current version is ${row.version}`,
          params: { version: row.version },
        },
      ]);
    }
    let courtId = row.court_id;
    if (content.courtId && content.courtId !== row.court_id) {
      // The court can change only before submission; a corrected complaint stays with its court.
      if (row.status !== "draft")
        throw new AppError("case_status_conflict", [
          { code: "court_fixed", message: "court can no longer change" },
        ]);
      const court = await findCourt(trx, content.courtId);
      if (!court)
        throw new AppError("validation_failed", [
          { path: "body.courtId", code: "court_not_found", message: "no such court" },
        ]);
      courtId = court.id;
    }
    const account = await assertFilerIsAccountHolder(trx, user.userId, {
      parties: content.parties,
      agents: content.agents,
      pathPrefix: "body.",
    });
    const cause = content.causeCode ? findCause(content.causeCode) : undefined;
    if (content.causeCode && !cause) {
      throw new AppError("validation_failed", [
        { path: "body.causeCode", code: "unknown_cause", message: "unknown cause of action" },
      ]);
    }
    const attachments = await listAttachments(trx, options.caseId);
    const byId = new Map(attachments.map((a) => [a.id, a]));
    const unknownAttachment = [
      ...content.evidence.map((e, i) => ({ id: e.attachmentId, path: `body.evidence.${i}.attachmentId` })),
      ...content.agents.map((a, i) => ({
        id: a.powerOfAttorneyAttachmentId,
        path: `body.agents.${i}.powerOfAttorneyAttachmentId`,
      })),
    ].filter((ref) => ref.id !== null && !byId.has(ref.id));
    if (unknownAttachment.length > 0) {
      throw new AppError(
        "validation_failed",
        unknownAttachment.map((ref) => ({
          path: ref.path,
          code: "attachment_unknown",
          message: "no such attachment on this filing",
        })),
      );
    }
    // 民事诉讼法第六十二条: the agent's authority is shown by a power of attorney, not by any file.
    const notPowerOfAttorney = content.agents
      .map((a, i) => ({
        id: a.powerOfAttorneyAttachmentId,
        path: `body.agents.${i}.powerOfAttorneyAttachmentId`,
      }))
      .filter((ref) => ref.id !== null && byId.get(ref.id)?.category !== "power_of_attorney");
    if (notPowerOfAttorney.length > 0) {
      throw new AppError(
        "validation_failed",
        notPowerOfAttorney.map((ref) => ({
          path: ref.path,
          code: "power_of_attorney_wrong_category",
          message: "the file is not filed as a power of attorney",
        })),
      );
    }

    const claims = content.claims.map((c) => ({
      text: c.text,
      amountFen: c.amount === null ? null : Math.round(c.amount * 100),
    }));
    const claimTotalFen = claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);
    await replaceDraftContent(
      trx,
      options.caseId,
      {
        parties: content.parties.map((p) => {
          // The filer's sex and date of birth are those the verified ID number states (GB 11643-1999).
          const own =
            p.isFiler && p.kind === "natural_person" && account.idNumber
              ? residentIdParticulars(account.idNumber, meta.now)
              : null;
          return {
            role: p.role,
            kind: p.kind,
            name: p.name,
            // The filer's own identifiers come from the verified account, never from what was typed.
            idNumber:
              p.isFiler && p.kind === "natural_person" ? account.idNumber : normaliseIdentifier(p.idNumber),
            creditCode:
              p.isFiler && p.kind !== "natural_person"
                ? account.creditCode
                : normaliseIdentifier(p.creditCode),
            legalRepresentative: p.legalRepresentative,
            sex: own?.sex ?? p.sex,
            ethnicity: p.ethnicity,
            birthDate: own?.birthDate ?? p.birthDate,
            phone: p.phone,
            email: p.email,
            address: p.address,
            serviceAddress: p.serviceAddress,
            userId: p.isFiler ? user.userId : null,
          };
        }),
        agents: content.agents.map((a) => ({
          partyPosition: a.partyIndex + 1,
          userId: a.isFiler ? user.userId : null,
          kind: a.kind,
          name: a.name,
          phone: a.phone,
          lawFirm: a.lawFirm,
          licenceNumber: a.licenceNumber,
          powerOfAttorneySha256: a.powerOfAttorneyAttachmentId
            ? byId.get(a.powerOfAttorneyAttachmentId)!.file_sha256
            : null,
        })),
        claims,
      },
      meta.now,
    );
    await replaceEvidence(trx, options.caseId, content.evidence);
    await updateDraftParticulars(
      trx,
      options.caseId,
      {
        court_id: courtId,
        type_code: content.typeCode ?? row.type_code,
        cause_code: cause?.id ?? null,
        cause_name_zh: cause?.nameZh ?? null,
        cause_name_en: cause?.nameEn ?? null,
        procedure: content.procedure ?? null,
        title: caseTitle(content.parties, cause?.nameZh ?? null),
        facts_and_reasons: content.factsAndReasons,
        claim_total_fen: claimTotalFen,
      },
      meta.now,
    );
    await writeAuditEvent(trx, meta, {
      action: "filing.draft_saved",
      subjectType: "case",
      subjectId: options.caseId,
      courtId,
      data: {
        status: row.status,
        parties: content.parties.length,
        claims: content.claims.length,
        evidence: content.evidence.length,
        claimTotalFen,
        causeCode: cause?.id ?? null,
        // Fields kept (or left out) with a wrong value: where, never the value.
        fieldIssues: issues.map((issue) => ({ path: issue.path, code: issue.code, kept: issue.kept })),
      },
    });
  });
}
