import { complaintFieldIssues, type ComplaintFieldIssue } from "@netcourt/shared/filing-checks";
import { residentIdParticulars } from "@netcourt/shared/identity-checks";
import type {
  AgentContent,
  AgentKind,
  CaseTypeCode,
  ExtractionSuggestion,
  FilingContent,
  FilingView,
  MissingItem,
  PartyContent,
  PartyKind,
  PartyRole,
  Procedure,
} from "./filing.api";

// The wizard edits the complaint as one antd form whose field names mirror the API body, so that a
// server problem at `body.parties.0.idNumber` lands on the field `["parties", 0, "idNumber"]`.
// Form values are loose (blank inputs are "" or undefined); these functions convert both ways.

export interface PartyForm {
  role: PartyRole;
  kind: PartyKind;
  name?: string;
  idNumber?: string | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  sex?: "male" | "female" | null;
  ethnicity?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  serviceAddress?: string | null;
}

export interface AgentForm {
  partyIndex?: number;
  kind: AgentKind;
  name?: string;
  phone?: string | null;
  lawFirm?: string | null;
  licenceNumber?: string | null;
  powerOfAttorneyAttachmentId?: string | null;
}

export interface ClaimForm {
  text?: string;
  amount?: number | null;
}

export interface EvidenceForm {
  name?: string;
  source?: string | null;
  purpose?: string | null;
  attachmentId?: string | null;
}

/** Who submits the complaint: one of the parties in person, or one of the agents. */
export type FilerChoice = `party:${number}` | `agent:${number}`;

export interface FilingForm {
  courtId?: string;
  typeCode?: CaseTypeCode;
  causeCode?: string | null;
  procedure?: Procedure | null;
  parties: PartyForm[];
  agents: AgentForm[];
  claims: ClaimForm[];
  factsAndReasons?: string;
  evidence: EvidenceForm[];
  filer?: FilerChoice | null;
}

/** The wizard's steps, in order; each names the top-level fields it holds. */
export const wizardSteps = [
  { key: "parties", fields: ["parties", "agents", "filer"] },
  { key: "claims", fields: ["claims", "causeCode", "procedure", "courtId", "typeCode"] },
  { key: "facts", fields: ["factsAndReasons"] },
  { key: "evidence", fields: ["evidence", "attachments"] },
  { key: "review", fields: [] },
] as const;
export type WizardStep = (typeof wizardSteps)[number]["key"];

/** A blank party of the given role: a natural person unless said otherwise. */
export function blankParty(role: PartyRole, kind: PartyKind = "natural_person"): PartyForm {
  return { role, kind };
}

/** The form of a new complaint: one plaintiff (the filer) and one defendant, one empty claim. */
export function emptyFilingForm(): FilingForm {
  return {
    parties: [blankParty("plaintiff"), blankParty("defendant", "legal_person")],
    agents: [],
    claims: [{}],
    factsAndReasons: "",
    evidence: [],
    procedure: null,
    causeCode: null,
    filer: "party:0",
  };
}

/** Trims a text input; blank becomes null (the API's "not given"). */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Upper case without spaces, as identity numbers and credit codes are stored. */
function identifierOrNull(value: string | null | undefined): string | null {
  const text = textOrNull(value);
  return text === null ? null : text.replace(/\s/g, "").toUpperCase();
}

function amountOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function isBlankRow(values: Record<string, unknown>): boolean {
  return Object.values(values).every(
    (value) => value === undefined || value === null || (typeof value === "string" && value.trim() === ""),
  );
}

/**
 * The `PUT /api/filings/:id` body for the form. Natural persons carry an ID number and organisations a
 * credit code and representative (the other is dropped, as the server refuses it); unnamed parties at the
 * end and wholly blank claim and evidence rows are left out; the filer choice becomes one `isFiler` flag.
 */
export function toFilingContent(form: FilingForm, version?: number): FilingContent {
  const filer = parseFiler(form.filer);
  // The server needs a name for every party; blank parties at the end (the wizard's empty rows) are not
  // sent yet, so an early draft still saves. Indices of the parties kept stay those of the form.
  const named = (form.parties ?? []).map((party) => textOrNull(party.name) !== null);
  const kept = (form.parties ?? []).slice(0, named.lastIndexOf(true) + 1);
  const parties: PartyContent[] = kept.map((party, index) => {
    const isPerson = party.kind === "natural_person";
    return {
      role: party.role,
      kind: party.kind,
      name: (party.name ?? "").trim(),
      idNumber: isPerson ? identifierOrNull(party.idNumber) : null,
      creditCode: isPerson ? null : identifierOrNull(party.creditCode),
      legalRepresentative: isPerson ? null : textOrNull(party.legalRepresentative),
      sex: isPerson ? (party.sex ?? null) : null,
      ethnicity: isPerson ? textOrNull(party.ethnicity) : null,
      birthDate: isPerson ? textOrNull(party.birthDate) : null,
      phone: textOrNull(party.phone)?.replace(/\s/g, "") ?? null,
      email: textOrNull(party.email),
      address: textOrNull(party.address),
      serviceAddress: textOrNull(party.serviceAddress),
      isFiler: filer?.kind === "party" && filer.index === index,
    };
  });
  const agents: AgentContent[] = (form.agents ?? []).map((agent, index) => ({
    partyIndex: agent.partyIndex ?? 0,
    kind: agent.kind,
    name: (agent.name ?? "").trim(),
    phone: textOrNull(agent.phone)?.replace(/\s/g, "") ?? null,
    lawFirm: agent.kind === "lawyer" ? textOrNull(agent.lawFirm) : null,
    licenceNumber: agent.kind === "lawyer" ? identifierOrNull(agent.licenceNumber) : null,
    isFiler: filer?.kind === "agent" && filer.index === index,
    powerOfAttorneyAttachmentId: agent.powerOfAttorneyAttachmentId ?? null,
  }));
  return {
    ...(form.courtId ? { courtId: form.courtId } : {}),
    ...(form.typeCode ? { typeCode: form.typeCode } : {}),
    causeCode: form.causeCode ?? null,
    procedure: form.procedure ?? null,
    parties,
    agents,
    claims: (form.claims ?? [])
      .filter((claim) => !isBlankRow({ ...claim }))
      .map((claim) => ({ text: (claim.text ?? "").trim(), amount: amountOrNull(claim.amount) })),
    factsAndReasons: form.factsAndReasons ?? "",
    evidence: (form.evidence ?? [])
      .filter((item) => !isBlankRow({ ...item }))
      .map((item) => ({
        name: (item.name ?? "").trim(),
        source: textOrNull(item.source),
        purpose: textOrNull(item.purpose),
        attachmentId: item.attachmentId ?? null,
      })),
    ...(version !== undefined ? { version } : {}),
  };
}

/** Reads `party:2` / `agent:0`; null for anything else. */
export function parseFiler(
  choice: string | null | undefined,
): { kind: "party" | "agent"; index: number } | null {
  const match = /^(party|agent):(\d+)$/.exec(choice ?? "");
  return match ? { kind: match[1] as "party" | "agent", index: Number(match[2]) } : null;
}

function filerOf(content: Pick<FilingContent, "parties" | "agents">): FilerChoice | null {
  const agent = content.agents.findIndex((a) => a.isFiler);
  if (agent >= 0) return `agent:${agent}`;
  const party = content.parties.findIndex((p) => p.isFiler);
  return party >= 0 ? `party:${party}` : null;
}

/** The form for a saved complaint. An empty complaint gets the blank rows of a new one. */
export function fromFilingView(view: FilingView): FilingForm {
  const { content } = view;
  const blank = emptyFilingForm();
  return {
    courtId: view.courtId,
    typeCode: view.typeCode,
    causeCode: view.causeCode,
    procedure: view.procedure,
    parties:
      content.parties.length > 0
        ? content.parties.map(({ isFiler: _isFiler, ...party }) => party)
        : blank.parties,
    agents: content.agents.map(({ isFiler: _isFiler, ...agent }) => agent),
    claims: content.claims.length > 0 ? content.claims.map((claim) => ({ ...claim })) : blank.claims,
    factsAndReasons: content.factsAndReasons,
    evidence: content.evidence.map((item) => ({ ...item })),
    filer: content.parties.length > 0 ? filerOf(content) : blank.filer,
  };
}

/**
 * Fills the form from a complaint read by the extractor. What the extractor found replaces the
 * matching part (parties, agents, claims, facts, evidence, cause); what it did not find is kept.
 * The filer stays the first plaintiff unless the form named someone else who still exists.
 */
export function applySuggestion(form: FilingForm, suggestion: ExtractionSuggestion): FilingForm {
  const parties: PartyForm[] =
    suggestion.parties.length > 0
      ? suggestion.parties.map(({ confidence: _confidence, ...party }) => ({ ...party }))
      : form.parties;
  const agents: AgentForm[] =
    suggestion.agents.length > 0
      ? suggestion.agents
          .filter((agent) => agent.partyIndex < parties.length)
          .map((agent) => ({ ...agent, licenceNumber: null, powerOfAttorneyAttachmentId: null }))
      : form.agents;
  const current = parseFiler(form.filer);
  const firstPlaintiff = Math.max(
    0,
    parties.findIndex((party) => party.role === "plaintiff"),
  );
  const keepsFiler =
    current !== null &&
    suggestion.parties.length === 0 &&
    (current.kind === "party" ? current.index < parties.length : current.index < agents.length);
  return {
    ...form,
    causeCode: suggestion.causeCode ?? form.causeCode ?? null,
    parties,
    agents,
    claims:
      suggestion.claims.length > 0
        ? suggestion.claims.map((claim) => ({ text: claim.text, amount: claim.amount }))
        : form.claims,
    factsAndReasons:
      suggestion.factsAndReasons.trim() !== "" ? suggestion.factsAndReasons : form.factsAndReasons,
    evidence:
      suggestion.evidence.length > 0
        ? suggestion.evidence.map((item) => ({
            name: item.name,
            source: null,
            purpose: null,
            attachmentId: null,
          }))
        : form.evidence,
    filer: keepsFiler ? form.filer : `party:${firstPlaintiff}`,
  };
}

/** The step that holds a field path (`parties.0.idNumber`, `body.claims`); the review step otherwise. */
export function stepOfPath(path: string | undefined): WizardStep {
  const head = (path ?? "").replace(/^body\.?/, "").split(".")[0] ?? "";
  const step = wizardSteps.find((candidate) => (candidate.fields as readonly string[]).includes(head));
  return step?.key ?? "review";
}

/** The index of a step in `wizardSteps`. */
export function stepIndex(step: WizardStep): number {
  return wizardSteps.findIndex((candidate) => candidate.key === step);
}

/** Missing items grouped by the step that fixes them, in step order. */
export function missingByStep(missing: MissingItem[]): Array<{ step: WizardStep; items: MissingItem[] }> {
  return wizardSteps
    .map(({ key }) => ({ step: key, items: missing.filter((item) => stepOfPath(item.path) === key) }))
    .filter((group) => group.items.length > 0);
}

/** Sum of the money claims, in yuan (two decimals), as the fee is computed from it. */
export function claimTotal(claims: ClaimForm[] | undefined): number {
  const fen = (claims ?? []).reduce(
    (sum, claim) => sum + (typeof claim.amount === "number" ? Math.round(claim.amount * 100) : 0),
    0,
  );
  return fen / 100;
}

/** What the wizard knows of the signed-in account (`GET /api/me`). */
export interface FilerAccountView {
  kind: "person" | "organisation";
  name: string;
  /** The account's verified mobile number; fills the filer's phone when it is blank. */
  phone?: string | null;
  creditCode: string | null;
  lawyerLicenceNumber: string | null;
  lawFirm: string | null;
}

/**
 * Fills who files from the account (人民法院在线诉讼规则第七条: one files as oneself): the filer party gets
 * the account's name and kind, and its phone when none is given; its ID number is left blank for the
 * server to take from the account (the browser only ever holds it masked), and the server fills sex and
 * date of birth from it (`withAccountParticulars` brings them back); a filing agent gets the account's name and, as a lawyer, its
 * licence. Everything else is kept.
 */
export function withFilerFromAccount(form: FilingForm, account: FilerAccountView): FilingForm {
  const filer = parseFiler(form.filer);
  if (filer === null) return form;
  if (filer.kind === "party") {
    const party = form.parties[filer.index];
    if (!party) return form;
    const isPerson = account.kind === "person";
    const parties = form.parties.map((p, index) =>
      index !== filer.index
        ? p
        : {
            ...p,
            kind: isPerson
              ? ("natural_person" as const)
              : p.kind === "natural_person"
                ? "legal_person"
                : p.kind,
            name: account.name,
            idNumber: null,
            creditCode: isPerson ? null : account.creditCode,
            phone: textOrNull(p.phone) ?? account.phone ?? null,
          },
    );
    return { ...form, parties };
  }
  const agent = form.agents[filer.index];
  if (!agent) return form;
  const agents = form.agents.map((a, index) =>
    index !== filer.index
      ? a
      : {
          ...a,
          name: account.name,
          ...(a.kind === "lawyer"
            ? { licenceNumber: account.lawyerLicenceNumber, lawFirm: a.lawFirm ?? account.lawFirm }
            : {}),
        },
  );
  return { ...form, agents };
}

/**
 * The form with the sex and date of birth the saved filer party got from the verified account's ID
 * number (the server reads them; the browser holds the number only masked). Null when nothing changes.
 */
export function withAccountParticulars(form: FilingForm, view: FilingView): FilingForm | null {
  const filer = parseFiler(form.filer);
  if (filer?.kind !== "party") return null;
  const saved = view.content.parties[filer.index];
  const party = form.parties[filer.index];
  if (!saved?.isFiler || !party || party.kind !== "natural_person") return null;
  if (party.sex === saved.sex && party.birthDate === saved.birthDate) return null;
  if (saved.sex === null && saved.birthDate === null) return null;
  const parties = form.parties.map((p, index) =>
    index === filer.index ? { ...p, sex: saved.sex, birthDate: saved.birthDate } : p,
  );
  return { ...form, parties };
}

/**
 * The parties with sex and date of birth read from each natural person's valid resident ID number
 * (GB 11643-1999 §5.2), or null when none changes. A number that fails its check fills nothing.
 */
export function withParticularsFromIdNumbers(form: FilingForm, now: Date): FilingForm | null {
  let isChanged = false;
  const parties = (form.parties ?? []).map((party) => {
    if (party.kind !== "natural_person" || !party.idNumber) return party;
    const particulars = residentIdParticulars(party.idNumber, now);
    if (!particulars) return party;
    if (party.sex === particulars.sex && party.birthDate === particulars.birthDate) return party;
    isChanged = true;
    return { ...party, ...particulars };
  });
  return isChanged ? { ...form, parties } : null;
}

/** True when the party's sex and date of birth are read from its valid ID number (shown read-only). */
export function hasParticularsFromIdNumber(party: PartyForm | undefined, now: Date): boolean {
  return (
    party?.kind === "natural_person" &&
    typeof party.idNumber === "string" &&
    residentIdParticulars(party.idNumber, now) !== null
  );
}

/**
 * The form's fields whose values have the wrong form, by the rule the server applies on submission
 * (packages/shared/filing-checks); each path names its form field (`parties.1.idNumber`).
 */
export function formFieldIssues(form: FilingForm, now: Date): ComplaintFieldIssue[] {
  return complaintFieldIssues(toFilingContent(form), now);
}
