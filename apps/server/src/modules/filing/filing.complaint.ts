import type { CaseParts, CaseRow } from "../cases/index";
import type { Complaint } from "./filing.rules";

type AttachmentRow = { id: string; file_sha256: string; category: string };
type EvidenceRow = {
  position: number;
  name: string;
  source: string | null;
  purpose: string | null;
  attachment_id: string | null;
};

/**
 * Rebuilds the complaint as the wizard edits it from the stored case parts: who files is the party or
 * agent linked to the filer's account; an agent's power of attorney is the attachment with its hash.
 */
export function complaintOf(
  row: CaseRow,
  parts: CaseParts,
  evidence: EvidenceRow[],
  attachments: AttachmentRow[],
) {
  const partyIndex = new Map(parts.parties.map((p, i) => [p.id, i]));
  const powerOfAttorney = (sha256: string | null) =>
    sha256 === null
      ? null
      : ((
          attachments.find((a) => a.file_sha256 === sha256 && a.category === "power_of_attorney") ??
          attachments.find((a) => a.file_sha256 === sha256)
        )?.id ?? null);
  const parties = parts.parties.map((p) => ({
    role: p.role,
    kind: p.kind,
    name: p.name,
    idNumber: p.id_number,
    creditCode: p.credit_code,
    legalRepresentative: p.legal_representative,
    sex: p.sex,
    ethnicity: p.ethnicity,
    birthDate: p.birth_date,
    phone: p.phone,
    email: p.email,
    address: p.address,
    serviceAddress: p.service_address,
    isFiler: p.user_id !== null && p.user_id === row.filed_by,
  }));
  const agents = parts.agents.map((a) => ({
    partyIndex: partyIndex.get(a.party_id) ?? 0,
    kind: a.kind,
    name: a.name,
    phone: a.phone,
    lawFirm: a.law_firm,
    licenceNumber: a.licence_number,
    isFiler: a.user_id !== null && a.user_id === row.filed_by,
    powerOfAttorneyAttachmentId: powerOfAttorney(a.power_of_attorney_sha256),
  }));
  const claims = parts.claims.map((c) => ({
    text: c.text,
    amount: c.amount_fen === null ? null : c.amount_fen / 100,
  }));
  const evidenceItems = evidence.map((e) => ({
    name: e.name,
    source: e.source,
    purpose: e.purpose,
    attachmentId: e.attachment_id,
  }));
  const forRules: Complaint = {
    causeCode: row.cause_code,
    parties,
    agents,
    claims: parts.claims.map((c) => ({ text: c.text, amountFen: c.amount_fen })),
    factsAndReasons: row.facts_and_reasons,
    evidence: evidenceItems,
  };
  return {
    parties,
    agents,
    claims,
    factsAndReasons: row.facts_and_reasons,
    evidence: evidenceItems,
    forRules,
  };
}
