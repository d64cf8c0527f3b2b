import type { CaseRelation } from "./cases.policy";
import type { CaseStatus } from "./cases.rules";
import type { PartyKind, PartyRole } from "./cases.tables";

// The defendant's side of a case as pure functions: who may act for a defendant, whether an account
// is the party a case code names, whether the answer period is still open.

/** Statuses in which the defendant answers, objects or counterclaims: registered and not yet in hearing. */
const answerStatuses: readonly CaseStatus[] = ["accepted", "service", "evidence_exchange"];

/** Unambiguous letters and digits of a case code (no 0/O, 1/I/L). */
export const CASE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CASE_CODE_LENGTH = 12;

/** A case code from random bytes (one byte per character; 31 letters give ≈59 bits for 12). */
export function caseCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CASE_CODE_LENGTH) throw new Error("not enough random bytes");
  let code = "";
  for (let i = 0; i < CASE_CODE_LENGTH; i += 1)
    code += CASE_CODE_ALPHABET[bytes[i]! % CASE_CODE_ALPHABET.length];
  return code;
}

/** A case code as typed (spaces, dashes, lower case) in its stored form. */
export function normaliseCaseCode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/** A case code printed in groups of four: ABCD-EFGH-JKMN. */
export function formatCaseCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

const compact = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === ""
    ? null
    : value.replace(/\s/g, "").toUpperCase();

export type PartyIdentityCheck = "match" | "not_verified" | "not_on_file" | "mismatch";

/**
 * Whether a verified account is the party the plaintiff named (人民法院在线诉讼规则第七条: whoever
 * litigates online is identified as themselves). A person by the ID number, an organisation by the
 * unified credit code — never by name alone: without a number on file the court must confirm the
 * identity (`not_on_file`).
 */
export function checkPartyIdentity(
  party: { kind: PartyKind; idNumber: string | null; creditCode: string | null },
  account: {
    kind: "person" | "organisation";
    idNumber: string | null;
    creditCode: string | null;
    isVerified: boolean;
  },
): PartyIdentityCheck {
  if (!account.isVerified) return "not_verified";
  const isPerson = party.kind === "natural_person";
  const onFile = compact(isPerson ? party.idNumber : party.creditCode);
  if (onFile === null) return "not_on_file";
  if ((account.kind === "person") !== isPerson) return "mismatch";
  const own = compact(isPerson ? account.idNumber : account.creditCode);
  return own !== null && own === onFile ? "match" : "mismatch";
}

/**
 * The defendant parties the actor may act for: their own party, or the party they are an active agent
 * of (民事诉讼法第六十一条). The filer and court staff do not act for the defendant.
 */
export function defendantPartiesOf(
  relation: CaseRelation,
  parties: ReadonlyArray<{ id: string; role: PartyRole }>,
): string[] {
  const own = new Set(relation.ownPartyIds);
  return parties.filter((p) => p.role === "defendant" && own.has(p.id)).map((p) => p.id);
}

export type AnswerWindow = "open" | "not_yet_served" | "expired" | "closed_status";

/**
 * Whether a defendant may still answer (民事诉讼法第一百二十八条: within 15 days of receiving the
 * complaint). The period runs from service, so before service completes there is no deadline yet and
 * the defendant may answer (acting completes service). After the deadline's last instant the answer is
 * refused; the court may still hear the defendant at the hearing.
 */
export function answerWindow(input: {
  status: CaseStatus;
  answerDueAt: Date | null;
  now: Date;
}): AnswerWindow {
  if (!answerStatuses.includes(input.status)) return "closed_status";
  if (input.answerDueAt === null) return "not_yet_served";
  return input.now.getTime() <= input.answerDueAt.getTime() ? "open" : "expired";
}

/** True when the answer window lets a defendant act (answer, object to jurisdiction, counterclaim). */
export function isAnswerWindowOpen(window: AnswerWindow): boolean {
  return window === "open" || window === "not_yet_served";
}

/**
 * 民事诉讼法第一百三十条: an objection to jurisdiction is raised within the answer period. Same window as
 * the answer; a pending objection of the same party blocks a second one.
 */
export function canObjectToJurisdiction(window: AnswerWindow, hasPendingObjection: boolean): boolean {
  return isAnswerWindowOpen(window) && !hasPendingObjection;
}

/**
 * 民诉法解释第二百三十二条: a counterclaim filed after acceptance and before the end of the court
 * debate may be tried together; here the defendant files it from acceptance to the hearing.
 */
export function canCounterclaim(status: CaseStatus): boolean {
  return answerStatuses.includes(status) || status === "hearing";
}
