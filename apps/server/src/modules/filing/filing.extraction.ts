import { complaintFieldIssues } from "@netcourt/shared/filing-checks";
import { z } from "zod";
import { findCauseByName } from "../cases/index";
import type { ComplaintExtraction } from "./extraction.rules";

/** The wizard's complaint pre-filled from an extraction: the UI shows it for the filer to check. */
export const ZExtractionSuggestion = z.object({
  causeCode: z.string().nullable().describe("Cause of action recognised in the text, if any"),
  parties: z.array(
    z.object({
      role: z.enum(["plaintiff", "defendant", "third_party"]),
      kind: z.enum(["natural_person", "legal_person", "other_organisation"]),
      name: z.string(),
      idNumber: z.string().nullable(),
      creditCode: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
      sex: z.enum(["male", "female"]).nullable(),
      ethnicity: z.string().nullable(),
      birthDate: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      confidence: z.number().describe("Lowest confidence among the party's fields (0–1)"),
    }),
  ),
  agents: z.array(
    z.object({
      partyIndex: z.number().int(),
      kind: z.enum(["lawyer", "legal_worker", "relative", "employee", "other"]),
      name: z.string(),
      lawFirm: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  claims: z.array(z.object({ text: z.string(), amount: z.number().nullable(), confidence: z.number() })),
  factsAndReasons: z.string(),
  evidence: z.array(z.object({ name: z.string() })),
  courtName: z.string().nullable().describe("Court the complaint is addressed to (此致 …)"),
  issues: z
    .array(z.object({ code: z.string(), path: z.string() }))
    .describe(
      "What the extractor found doubtful, each at the suggestion's field (`parties.0.idNumber`) with a code of the filing checks (`id_number_check_digit_mismatch`); the value read is kept in the suggestion",
    ),
});
export type TExtractionSuggestion = z.infer<typeof ZExtractionSuggestion>;

// The extractor's own checks of identifiers and phones are replaced by the complaint's field rule
// (packages/shared/filing-checks), so the wizard, the draft and the import name a wrong field alike.
const FIELD_CHECKS = new Set(["invalid_id_number", "invalid_credit_code", "invalid_phone"]);

/**
 * Maps a rule-based extraction onto the wizard's complaint fields. Everything read is kept, a value of
 * the wrong form included; `issues` names each doubtful field by its path in the suggestion.
 */
export function suggestionFrom(
  extraction: ComplaintExtraction,
  text: string,
  now: Date,
): TExtractionSuggestion {
  const causeCode = guessCause(text);
  const named = extraction.parties.flatMap((p, index) => (p.name === null ? [] : [index]));
  const parties = extraction.parties
    .filter((p) => p.name !== null)
    .map((p) => {
      const fields = [p.kind, p.name, p.idNumber, p.creditCode, p.phone, p.address].filter((f) => f !== null);
      return {
        role: p.role,
        kind: p.kind.value,
        name: p.name!.value,
        idNumber: p.idNumber?.value ?? null,
        creditCode: p.creditCode?.value ?? null,
        legalRepresentative: p.legalRepresentative?.value.name ?? null,
        sex: p.sex?.value ?? null,
        ethnicity: p.ethnicity?.value ?? null,
        birthDate: p.birthDate?.value ?? null,
        phone: p.phone?.value ?? null,
        address: p.address?.value ?? null,
        confidence: Math.min(...fields.map((f) => f.confidence)),
      };
    });
  return {
    causeCode,
    parties,
    agents: extraction.agents
      .filter((a) => a.name !== null && a.partyIndex !== null)
      .map((a) => ({
        partyIndex: a.partyIndex!,
        kind:
          a.kind.value === "lawyer" || a.kind.value === "trainee_lawyer"
            ? ("lawyer" as const)
            : a.kind.value === "legal_worker"
              ? ("legal_worker" as const)
              : ("other" as const),
        name: a.name!.value,
        lawFirm: a.lawFirm?.value ?? null,
        phone: a.phone?.value ?? null,
      })),
    claims: extraction.claims.map((c) => ({
      text: c.text,
      amount: c.amountFen === null ? null : c.amountFen / 100,
      confidence: c.confidence,
    })),
    factsAndReasons: extraction.factsAndReasons?.value ?? "",
    evidence: extraction.evidence.map((e) => ({ name: e.value })),
    courtName: extraction.court?.value ?? null,
    issues: [
      ...extraction.issues.flatMap((issue) => {
        if (FIELD_CHECKS.has(issue.code)) return [];
        const path = suggestionPath(issue.path, named);
        return path === null ? [] : [{ code: issue.code, path }];
      }),
      ...complaintFieldIssues({ parties }, now),
    ],
  };
}

/** `parties[2].birthDate` of the extraction → `parties.1.birthDate` of the suggestion (unnamed parties are left out). */
function suggestionPath(path: string, named: number[]): string | null {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const match = /^parties\.(\d+)(.*)$/.exec(dotted);
  if (!match) return dotted;
  const index = named.indexOf(Number(match[1]));
  return index < 0 ? null : `parties.${index}${match[2]}`;
}

/** Finds a cause-of-action name written in the complaint (e.g. 网络购物合同纠纷), longest match first. */
function guessCause(text: string): string | null {
  const matches = text.match(/[\u4e00-\u9fff]{2,20}纠纷/g) ?? [];
  for (const candidate of matches.sort((a, b) => b.length - a.length)) {
    for (let start = 0; start < candidate.length - 3; start += 1) {
      const cause = findCauseByName(candidate.slice(start));
      if (cause) return cause.id;
    }
  }
  return null;
}
