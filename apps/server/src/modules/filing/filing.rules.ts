import { randomBytes } from "node:crypto";
import { factsAndReasonsIssue } from "@netcourt/shared/filing-checks";
import { smallClaimsIssueOf, type SmallClaimsIssueCode } from "../cases/index";
import type { FeeInput } from "./fees.rules";

/** One thing a complaint lacks before it can be submitted, with the field it concerns. */
export interface MissingItem {
  code: string;
  path: string;
}

export interface ComplaintParty {
  role: "plaintiff" | "defendant" | "third_party";
  kind: "natural_person" | "legal_person" | "other_organisation";
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  isFiler: boolean;
}

export interface ComplaintAgent {
  partyIndex: number;
  kind: string;
  isFiler: boolean;
  powerOfAttorneyAttachmentId: string | null;
}

export interface Complaint {
  causeCode: string | null;
  parties: ComplaintParty[];
  agents: ComplaintAgent[];
  claims: Array<{ text: string; amountFen: number | null }>;
  factsAndReasons: string;
  evidence: Array<{ name: string }>;
}

/**
 * What a complaint still lacks (民事诉讼法第一百二十四条: the parties' particulars, the claims with the
 * facts and reasons, the evidence and its sources), plus what online filing needs: who files
 * (在线诉讼规则第七条: the filer is identified), and a power of attorney when an agent files.
 */
export function missingForSubmission(complaint: Complaint): MissingItem[] {
  const missing: MissingItem[] = [];
  const plaintiffs = complaint.parties.map((p, i) => ({ p, i })).filter(({ p }) => p.role === "plaintiff");
  const defendants = complaint.parties.map((p, i) => ({ p, i })).filter(({ p }) => p.role === "defendant");
  if (plaintiffs.length === 0) missing.push({ code: "plaintiff_required", path: "parties" });
  if (defendants.length === 0) missing.push({ code: "defendant_required", path: "parties" });
  for (const { p, i } of plaintiffs) {
    if (p.kind === "natural_person" && !p.idNumber)
      missing.push({ code: "plaintiff_id_number_required", path: `parties.${i}.idNumber` });
    if (p.kind !== "natural_person" && !p.creditCode)
      missing.push({ code: "plaintiff_credit_code_required", path: `parties.${i}.creditCode` });
    if (p.kind !== "natural_person" && !p.legalRepresentative) {
      missing.push({ code: "legal_representative_required", path: `parties.${i}.legalRepresentative` });
    }
    if (!p.phone) missing.push({ code: "plaintiff_phone_required", path: `parties.${i}.phone` });
    if (!p.address) missing.push({ code: "plaintiff_address_required", path: `parties.${i}.address` });
  }
  for (const { p, i } of defendants) {
    // 第一百二十四条第二项: the defendant's name and domicile, enough to identify and serve them.
    if (!p.address) missing.push({ code: "defendant_address_required", path: `parties.${i}.address` });
  }
  if (complaint.claims.length === 0) missing.push({ code: "claims_required", path: "claims" });
  // The same rule as the wizard's field (packages/shared/filing-checks).
  const factsIssue = factsAndReasonsIssue(complaint.factsAndReasons);
  if (factsIssue) missing.push({ code: factsIssue, path: "factsAndReasons" });
  if (complaint.evidence.length === 0) missing.push({ code: "evidence_required", path: "evidence" });
  if (!complaint.causeCode) missing.push({ code: "cause_required", path: "causeCode" });

  const fileAsParty = complaint.parties.filter((p) => p.isFiler);
  const fileAsAgent = complaint.agents.filter((a) => a.isFiler);
  if (fileAsParty.length + fileAsAgent.length !== 1) {
    missing.push({ code: "filer_role_required", path: "parties" });
  }
  for (const [index, agent] of complaint.agents.entries()) {
    const represented = complaint.parties[agent.partyIndex];
    if (!represented) missing.push({ code: "agent_party_unknown", path: `agents.${index}.partyIndex` });
    // 民事诉讼法第六十二条: an agent submits a power of attorney signed by the party.
    if (!agent.powerOfAttorneyAttachmentId) {
      missing.push({
        code: "power_of_attorney_required",
        path: `agents.${index}.powerOfAttorneyAttachmentId`,
      });
    }
  }
  return missing;
}

/** The usual title of a civil case: 张三诉某公司网络购物合同纠纷 (first parties, 等 for more). */
export function caseTitle(
  parties: Array<{ role: string; name: string }>,
  causeNameZh: string | null,
): string | null {
  const plaintiffs = parties.filter((p) => p.role === "plaintiff");
  const defendants = parties.filter((p) => p.role === "defendant");
  if (plaintiffs.length === 0 || defendants.length === 0) return null;
  const side = (list: typeof parties) => `${list[0]!.name}${list.length > 1 ? "等" : ""}`;
  return `${side(plaintiffs)}诉${side(defendants)}${causeNameZh ?? ""}`;
}

/** Which fee rule a case falls under, from the cause's fee kind and the claims (诉讼费用交纳办法第十三条). */
export function feeInputFor(
  feeKind: "property" | "personality" | "ip" | "labour" | "divorce" | "other_non_property" | null,
  claimTotalFen: number,
  procedure: "ordinary" | "simplified" | "small_claims",
  typeCode: string,
): FeeInput {
  const amount = claimTotalFen / 100;
  if (typeCode.startsWith("行")) return { kind: "administrative", subject: "other", procedure };
  switch (feeKind) {
    case "labour":
      return { kind: "labour", procedure };
    case "divorce":
      return amount > 0
        ? { kind: "divorce", propertyAmount: amount, procedure }
        : { kind: "divorce", procedure };
    case "personality":
      return amount > 0
        ? { kind: "personality_rights", damages: amount, procedure }
        : { kind: "personality_rights", procedure };
    case "ip":
      return amount > 0
        ? { kind: "intellectual_property", amount, procedure }
        : { kind: "intellectual_property", procedure };
    case "other_non_property":
      return amount > 0 ? { kind: "property", amount, procedure } : { kind: "other_non_property", procedure };
    case "property":
    case null:
      return amount > 0 ? { kind: "property", amount, procedure } : { kind: "other_non_property", procedure };
  }
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A 12-character Crockford base-32 query code (60 random bits), shown as XXXX-XXXX-XXXX. */
export function generateQueryCode(): string {
  const bytes = randomBytes(12);
  let code = "";
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return code;
}

/** The query code in groups of four for display. */
export function formatQueryCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

/** What of a court the small-claims rule needs: its level and its configured ceiling. */
export interface SmallClaimsCourt {
  level: string;
  small_claims_limit_fen: number | null;
}

/**
 * Why the procedure asked for cannot apply, as a problem at `procedure` (民事诉讼法第一百六十五条 for
 * small claims; see cases/procedure.rules.ts), or null. Shown at the wizard's review and enforced on
 * submission and registration.
 */
export function procedureIssue(
  procedure: "ordinary" | "simplified" | "small_claims" | null,
  claims: Complaint["claims"],
  court: SmallClaimsCourt,
): { code: SmallClaimsIssueCode; path: "procedure"; basis: string } | null {
  if (procedure !== "small_claims") return null;
  const issue = smallClaimsIssueOf({
    claims,
    limitFen: court.small_claims_limit_fen,
    isBasicLevelCourt: court.level === "basic",
  });
  return issue ? { ...issue, path: "procedure" } : null;
}
