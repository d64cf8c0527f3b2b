import { filerIdentityIssues, type FilerAccount } from "@netcourt/shared/filer-identity";
import { AppError, type Actor, type Executor, type UserActor } from "../../platform";
import { findAccountIdentity } from "../identity/index";
import {
  findVisibleCase,
  loadCaseParts,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";

export interface FilingAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/**
 * Loads a filing through the visibility-scoped query (STYLE.md step 1): invisible is `case_not_found`
 * (404). The relation then drives the policy checks (403) of each command.
 */
export async function loadFiling(db: Executor, actor: Actor, caseId: string): Promise<FilingAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  const relation = relationToCase(actor, row, parts);
  return { row, parts, relation };
}

/** Only the filer may do this (403 for others who can see the case). */
export function assertFiler(access: FilingAccess): void {
  if (!access.relation.isFiler)
    throw new AppError("forbidden", [{ code: "filer_only", message: "only the filer may do this" }]);
}

/** Only a clerk of the case's court may do this (403). */
export function assertClerk(access: FilingAccess): void {
  if (!access.relation.isClerk)
    throw new AppError("forbidden", [
      { code: "clerk_only", message: "only a clerk of this court may do this" },
    ]);
}

/** The actor as a user, for commands that need the id. */
export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}

/**
 * The filer named in a complaint is the account holder in person or as an agent (人民法院在线诉讼规则
 * 第七条; 民事诉讼法第六十一条). Returns the account's identity; throws `filer_not_account_holder` with the
 * fields that do not match, or `authentication_required` for a vanished account.
 */
export async function assertFilerIsAccountHolder(
  db: Executor,
  userId: string,
  complaint: Parameters<typeof filerIdentityIssues>[0] & { pathPrefix: string },
): Promise<FilerAccount> {
  const account = await findAccountIdentity(db, userId);
  if (!account) throw new AppError("authentication_required");
  const issues = filerIdentityIssues(complaint, account);
  if (issues.length > 0) {
    throw new AppError(
      "filer_not_account_holder",
      issues.map((issue) => ({
        path: `${complaint.pathPrefix}${issue.path}`,
        code: issue.code,
        message: issue.code,
      })),
    );
  }
  return account;
}

/** Attachments that carry a person's identity or authority: shown to the court and their owner only. */
export const privateAttachmentCategories: ReadonlySet<string> = new Set(["identity", "power_of_attorney"]);

/**
 * Whether the actor may see an attachment. ID documents and powers of attorney hold ID numbers and
 * signatures (个人信息保护法第二十八条: sensitive personal information, seen only where necessary): only
 * staff of the case's court, the filer and the uploader see them, not the other side or its lawyers.
 */
export function canSeeAttachment(
  actor: Actor,
  relation: CaseRelation,
  attachment: { category: string; uploaded_by: string },
): boolean {
  if (!privateAttachmentCategories.has(attachment.category)) return true;
  if (relation.isStaff || relation.isFiler) return true;
  return actor.kind === "user" && attachment.uploaded_by === actor.userId;
}

/**
 * The state guard of submission: the complaint as stored still names the account holder as filer, and
 * an agent who files holds a power of attorney among the attachments (民事诉讼法第六十二条). Throws
 * `filer_not_account_holder` or `filing_incomplete`.
 */
export async function assertSubmittedByAccountHolder(
  db: Executor,
  userId: string,
  complaint: {
    parties: Parameters<typeof filerIdentityIssues>[0]["parties"];
    agents: ReadonlyArray<
      Parameters<typeof filerIdentityIssues>[0]["agents"][number] & {
        powerOfAttorneyAttachmentId: string | null;
      }
    >;
  },
  attachments: ReadonlyArray<{ id: string; category: string }>,
): Promise<void> {
  await assertFilerIsAccountHolder(db, userId, { ...complaint, pathPrefix: "" });
  const unauthorised = complaint.agents
    .map((agent, index) => ({ agent, index }))
    .filter(
      ({ agent }) =>
        agent.isFiler &&
        attachments.find((a) => a.id === agent.powerOfAttorneyAttachmentId)?.category !== "power_of_attorney",
    );
  if (unauthorised.length > 0) {
    throw new AppError(
      "filing_incomplete",
      unauthorised.map(({ index }) => ({
        path: `agents.${index}.powerOfAttorneyAttachmentId`,
        code: "power_of_attorney_required",
        message: "power_of_attorney_required",
      })),
    );
  }
}
