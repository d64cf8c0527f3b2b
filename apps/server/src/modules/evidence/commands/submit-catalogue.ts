import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { courtDateOf } from "../../cases/index";
import { findCourt } from "../../courts/index";
import { findServiceAddress, serveDocument } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { buildEvidenceCatalogue } from "../documents/evidence-catalogue";
import {
  accountsOfParties,
  actingParty,
  assertEvidenceStage,
  loadEvidenceCase,
  lockEvidenceCase,
  otherSidesOf,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import {
  countFilesOfItems,
  listFiles,
  listItems,
  lockDraftItemsOfParty,
  submitDraftItems,
} from "../evidence.repository";
import { listFiledEvidence } from "../../filing/index";
import { assertMaySubmit } from "./edit-catalogue";

/**
 * A party (or its agent) submits its catalogue: every draft item goes to the court and to the other
 * side together (证据规定第十九条: numbered items with source and purpose; 在线诉讼规则第十一条: each with
 * its file). Within the evidence period, or after it with the court's leave — then each item is marked
 * late for the judge (民诉法解释第一百零一条/第一百零二条). The 证据目录 (DOCX, Chinese and English) is issued
 * and served on each party of the other side; their agents and the judge are told in the inbox. Throws `case_not_found`, `evidence_not_a_party`,
 * `case_status_conflict`, `evidence_catalogue_empty`, `evidence_item_without_file`,
 * `evidence_period_expired`.
 */
export async function submitEvidenceCatalogue(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; partyId?: string | null },
) {
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  const party = actingParty(access, options.partyId);
  assertEvidenceStage(access.row);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    assertEvidenceStage(locked.row);
    const drafts = await lockDraftItemsOfParty(trx, locked.row.id, party.id);
    if (drafts.length === 0) throw new AppError("evidence_catalogue_empty");
    const counts = await countFilesOfItems(
      trx,
      drafts.map((d) => d.id),
    );
    const bare = drafts.filter((d) => (counts.get(d.id) ?? 0) === 0);
    // 在线诉讼规则第十一条: evidence submitted online is uploaded to the platform.
    if (bare.length > 0) {
      throw new AppError(
        "evidence_item_without_file",
        bare.map((d) => ({ path: `items.${d.id}`, code: "no_file", message: d.title })),
      );
    }
    const window = await assertMaySubmit(trx, locked.row.id, party.id, meta.now);
    const isLate = window === "late_with_leave";
    const submitted = await submitDraftItems(
      trx,
      drafts.map((d) => d.id),
      isLate,
      meta.now,
    );
    // 证据规定第十九条: the catalogue, with a copy for the other side, served on each party of it
    // (在线诉讼规则第二十九条; 互联网法院规定第十五条: the platform is a service channel).
    const [court, items, files, filed] = await Promise.all([
      findCourt(trx, locked.row.court_id),
      listItems(trx, locked.row.id),
      listFiles(trx, locked.row.id),
      party.role === "plaintiff" ? listFiledEvidence(trx, locked.row.id) : Promise.resolve([]),
    ]);
    const ownItems = items.filter((i) => i.party_id === party.id && i.status === "submitted");
    const numberOf = new Map(ownItems.map((item, index) => [item.id, filed.length + index + 1]));
    const document = buildEvidenceCatalogue({
      courtNameZh: court?.name_zh ?? "",
      courtNameEn: court?.name_en ?? "",
      caseNumber: locked.row.case_number,
      party: { name: party.name, role: party.role },
      items: drafts.map((item) => ({
        number: numberOf.get(item.id) ?? 0,
        title: item.title,
        source: item.source,
        purpose: item.purpose,
        files: files
          .filter((f) => f.item_id === item.id)
          .map((f) => ({ fileName: f.file_name, sha256: f.file_sha256 })),
      })),
      isLate,
      submittedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: locked.row.id,
      courtId: locked.row.court_id,
      ...document,
      issuedBy: meta.actor.kind === "user" ? meta.actor.userId : null,
      now: meta.now,
    });
    const otherSide = locked.parts.parties.filter((p) => otherSidesOf(locked.parts, party).includes(p.id));
    for (const recipient of otherSide) {
      const address = recipient.user_id ? await findServiceAddress(trx, recipient.user_id) : null;
      await serveDocument(trx, {
        caseId: locked.row.id,
        courtId: locked.row.court_id,
        documentIssueId: issued.issueId,
        kind: "other",
        recipient: {
          partyId: recipient.id,
          userId: recipient.user_id,
          name: recipient.name,
          role: recipient.role,
          phone: recipient.phone,
          email: recipient.email,
          addressBasis: address ? "confirmed" : "provided",
        },
        servedBy: null,
        followingDeadline: null,
        now: meta.now,
      });
    }
    const data = {
      partyId: party.id,
      itemIds: submitted,
      count: submitted.length,
      isLate,
      documentIssueId: issued.issueId,
    };
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.catalogue_submitted",
      courtEvent: "evidence_catalogue_submitted",
      data,
      inbox: [
        {
          recipientIds: [
            ...accountsOfParties(locked.parts, otherSidesOf(locked.parts, party)).filter(
              (id) => !otherSide.some((p) => p.user_id === id),
            ),
            ...(locked.row.judge_id ? [locked.row.judge_id] : []),
          ],
          kind: "evidence_catalogue_submitted",
          params: {
            partyName: party.name,
            count: submitted.length,
            isLate,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
