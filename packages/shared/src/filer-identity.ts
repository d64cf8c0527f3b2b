// Who may file a complaint online: the verified account holder in person, or as the agent of a party
// (民事诉讼法第六十一条、第六十二条; 人民法院在线诉讼规则第七条: whoever litigates online is identified as
// themselves). Pure, so the wizard shows the same field problems the server refuses with.

/** The identity a filer's account was verified with. */
export interface FilerAccount {
  kind: "person" | "organisation";
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  lawyerLicenceNumber: string | null;
}

interface PartyIdentity {
  kind: "natural_person" | "legal_person" | "other_organisation";
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  isFiler: boolean;
}

interface AgentIdentity {
  kind: "lawyer" | "legal_worker" | "relative" | "employee" | "other";
  name: string;
  licenceNumber: string | null;
  isFiler: boolean;
}

/** A field that does not match the filer's account; `code` is an i18n key of the filing checks. */
export interface FilerIssue {
  path: string;
  code: "filer_not_account_holder" | "agent_not_account_holder" | "agent_not_lawyer";
}

const compact = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === ""
    ? null
    : value.replace(/\s/g, "").toUpperCase();
const sameName = (a: string, b: string) => a.trim() === b.trim();

/**
 * Where the filer named in a complaint is not the account holder. A party who files must be the
 * account itself (name, and the ID number or credit code when given: the server fills them in from the
 * account); an agent who files must carry the account holder's name, and a lawyer agent needs a
 * lawyer's account with the same licence number. Paths are relative to the complaint.
 */
export function filerIdentityIssues(
  content: { parties: readonly PartyIdentity[]; agents: readonly AgentIdentity[] },
  account: FilerAccount,
): FilerIssue[] {
  const issues: FilerIssue[] = [];
  content.parties.forEach((party, index) => {
    if (!party.isFiler) return;
    const path = (field: string) => `parties.${index}.${field}`;
    const isPerson = account.kind === "person";
    if ((party.kind === "natural_person") !== isPerson)
      issues.push({ path: path("kind"), code: "filer_not_account_holder" });
    if (!sameName(party.name, account.name))
      issues.push({ path: path("name"), code: "filer_not_account_holder" });
    const given = compact(isPerson ? party.idNumber : party.creditCode);
    const own = compact(isPerson ? account.idNumber : account.creditCode);
    if (given !== null && given !== own)
      issues.push({ path: path(isPerson ? "idNumber" : "creditCode"), code: "filer_not_account_holder" });
  });
  content.agents.forEach((agent, index) => {
    if (!agent.isFiler) return;
    const path = (field: string) => `agents.${index}.${field}`;
    // An organisation acts through its representative or an employee, who files under their own account.
    if (account.kind !== "person" || !sameName(agent.name, account.name)) {
      issues.push({ path: path("name"), code: "agent_not_account_holder" });
      return;
    }
    if (agent.kind === "lawyer") {
      const own = compact(account.lawyerLicenceNumber);
      const given = compact(agent.licenceNumber);
      if (own === null || (given !== null && given !== own))
        issues.push({ path: path("licenceNumber"), code: "agent_not_lawyer" });
    }
  });
  return issues;
}
