// Completing a transcript: once every signer has signed, refused or is recorded absent, the signed
// transcript is issued as a document of the case and its hash goes to the ledger.

import type { AppContext } from "../../../context";
import type { CommandMeta, Tx } from "../../../platform";
import type { CaseRow } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { documentDate, issueDocument } from "../../documents/index";
import { recordHearingAct } from "../hearing.events";
import type { HearingRow, ParticipantRow } from "../hearing.repository";
import { courtTimeOf } from "../hearing.sitting";
import { buildTranscriptModels } from "./documents/transcript-document";
import { completeVersion, listCorrections, listSignatures, type VersionRow } from "./transcript.repository";
import { isSigningComplete, speakerRoleOf } from "./transcript.rules";

function printedAt(instant: Date) {
  const day = courtDateOf(instant);
  return {
    zh: `${documentDate(day, "zh-CN")}${courtTimeOf(instant)}`,
    en: `${documentDate(day, "en")}, ${courtTimeOf(instant)}`,
  };
}

/**
 * If no signer of `version` is pending: issues the signed transcript (DOCX in zh-CN and en through the
 * documents pipeline; the PDF is printed on first download), marks the version signed and records the
 * `transcript_signed` court event with the document's hashes (民事诉讼法第一百五十条第三款; 在线诉讼规则第三十四条:
 * an electronic transcript confirmed online has the force of a written one). Returns whether it completed.
 */
export async function completeTranscriptIfSigned(
  trx: Tx,
  context: AppContext,
  meta: CommandMeta,
  input: {
    hearing: HearingRow;
    caseRow: CaseRow;
    version: VersionRow;
    participants: readonly ParticipantRow[];
  },
): Promise<boolean> {
  const { hearing, caseRow, version } = input;
  const signatures = await listSignatures(trx, version.id);
  if (!isSigningComplete(signatures.map((s) => s.decision))) return false;
  const court = (await findCourt(trx, caseRow.court_id))!;
  const judge = input.participants.find((p) => p.role === "judge");
  const clerk = input.participants.find((p) => p.role === "clerk");
  const sitting = printedAt(hearing.starts_at);
  const names = new Map(input.participants.map((p) => [p.id, p.name]));
  const declined = (await listCorrections(trx, hearing.id)).filter((c) => c.status === "declined");
  const models = buildTranscriptModels({
    courtNameZh: court.name_zh,
    courtNameEn: court.name_en,
    caseNumber: caseRow.case_number,
    causeNameZh: caseRow.cause_name_zh,
    causeNameEn: caseRow.cause_name_en,
    sittingZh: sitting.zh,
    sittingEn: sitting.en,
    isOnline: hearing.mode !== "courtroom",
    judgeName: judge?.name ?? "—",
    clerkName: clerk?.name ?? null,
    version: version.number,
    contentSha256: version.content_sha256,
    segments: version.content.segments,
    signers: signatures.map((s) => {
      const at = s.decided_at ? printedAt(s.decided_at) : null;
      return {
        speakerRole: speakerRoleOf(s),
        name: s.name,
        decision: s.decision === "pending" ? "absent" : s.decision,
        reason: s.reason,
        atZh: at?.zh ?? null,
        atEn: at?.en ?? null,
      };
    }),
    declinedCorrections: declined.map((c) => ({
      name: names.get(c.participant_id) ?? "—",
      request: c.request,
      answer: c.answer ?? "",
    })),
    issuedOn: courtDateOf(meta.now),
  });
  const issued = await issueDocument(trx, context.files, {
    caseId: caseRow.id,
    courtId: caseRow.court_id,
    zh: models.zh,
    en: models.en,
    issuedBy: clerk?.user_id ?? judge?.user_id ?? null,
    signedBy: hearing.judge_id,
    now: meta.now,
  });
  await completeVersion(trx, version.id, issued.issueId, meta.now);
  const count = (decision: string) => signatures.filter((s) => s.decision === decision).length;
  await recordHearingAct(trx, meta, {
    hearing,
    action: "hearing.transcript_completed",
    courtEvent: "transcript_signed",
    data: {
      versionId: version.id,
      number: version.number,
      contentSha256: version.content_sha256,
      issueId: issued.issueId,
      documents: [issued.zh.docxSha256, issued.en.docxSha256],
      signed: count("signed"),
      refused: count("refused"),
      absent: count("absent"),
      basis: "民事诉讼法第一百五十条；人民法院在线诉讼规则第三十四条",
    },
    inbox: [
      {
        recipientIds: [
          ...new Set(input.participants.map((p) => p.user_id).filter((id): id is string => id !== null)),
        ],
        kind: "transcript_signed",
        params: { caseNumber: caseRow.case_number, number: version.number, refused: count("refused") },
      },
    ],
  });
  return true;
}
