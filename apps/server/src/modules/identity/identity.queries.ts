import type { Readable } from "node:stream";
import type { FilerAccount } from "@netcourt/shared/filer-identity";
import { AppError, type CommandMeta, type Executor, type StaffMembership } from "../../platform";
import { loadVerificationForReview } from "./commands/decide-verification";
import type { IdentityDependencies } from "./identity.dependencies";
import { requiresSecondFactor } from "./identity.policy";
import { presentMe } from "./identity.presenter";
import {
  findAccount,
  findAccountByLogin,
  findDocumentMediaType,
  selectActiveUserNames,
  selectUserSummaries,
  listVerifiedAccountIds,
} from "./identity.repository";
import type { DocumentSide } from "./identity.tables";
import type { TMe } from "./identity.schemas";
import type { VerificationScopePort } from "./verification-scope";

/** The signed-in account as the Me object; `hasSecondFactor` is the session's state. */
export async function getMe(
  deps: IdentityDependencies,
  userId: string,
  hasSecondFactor: boolean,
): Promise<TMe> {
  const account = await findAccount(deps.db, userId);
  if (!account || account.disabled_at !== null) throw new AppError("authentication_required");
  const memberships = await deps.findMemberships(deps.db, userId);
  const needsSecondFactor =
    requiresSecondFactor({
      isStaff: memberships.length > 0,
      totpEnabled: account.totp_enabled_at !== null,
    }) && !hasSecondFactor;
  return presentMe(account, { needsSecondFactor, memberships: await labelMemberships(deps, memberships) });
}

async function labelMemberships(deps: IdentityDependencies, memberships: StaffMembership[]) {
  const courts = new Map(
    (
      await deps.findCourtLabels(
        deps.db,
        memberships.map((m) => m.courtId),
      )
    ).map((c) => [c.id, c]),
  );
  return memberships.map((m) => {
    const court = courts.get(m.courtId);
    return {
      courtId: m.courtId,
      courtCode: court?.code ?? "",
      courtNameZh: court?.nameZh ?? "",
      courtNameEn: court?.nameEn ?? "",
      role: m.role,
      divisionId: m.divisionId,
    };
  });
}

/** A person or organisation as other contexts show it: id, name, kind. */
export interface UserSummary {
  id: string;
  name: string;
  kind: "person" | "organisation";
}

/** Names and kinds of the given accounts (unknown ids are left out), for other modules' presenters. */
export async function findUserSummaries(db: Executor, ids: readonly string[]): Promise<UserSummary[]> {
  return selectUserSummaries(db, ids);
}

/** Names of those of the given accounts that are not disabled (unknown ids are left out). */
export async function findActiveAccountNames(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  return new Map((await selectActiveUserNames(db, ids)).map((row) => [row.id, row.name]));
}

/**
 * The identity an account registered with and whether it is verified, for contexts that must know who
 * acts (online filing checks the filer against it). Undefined for an unknown or disabled account.
 */
export async function findAccountIdentity(
  db: Executor,
  userId: string,
): Promise<(FilerAccount & { isVerified: boolean }) | undefined> {
  const account = await findAccount(db, userId);
  if (!account || account.disabled_at !== null) return undefined;
  return {
    kind: account.kind,
    name: account.name,
    idNumber: account.id_number,
    creditCode: account.credit_code,
    lawyerLicenceNumber: account.lawyer_licence_number,
    isVerified: account.verification_status === "verified",
  };
}

/**
 * The verified, active accounts registered with this ID number (a person) or credit code (an
 * organisation), for contexts that must find a party's own account (serving a defendant at the address
 * its account confirmed). Returns ids only; the caller checks the identity rule itself.
 */
export async function findVerifiedAccountIdsByIdentity(
  db: Executor,
  identity: { kind: "person"; idNumber: string } | { kind: "organisation"; creditCode: string },
): Promise<string[]> {
  const value = (identity.kind === "person" ? identity.idNumber : identity.creditCode)
    .replace(/\s+/g, "")
    .toUpperCase();
  return listVerifiedAccountIds(db, identity.kind, value);
}

/** An ID image of a verification, for reviewers only (404 otherwise, and when that side is missing). */
export async function openVerificationDocument(
  deps: IdentityDependencies,
  scope: VerificationScopePort,
  meta: CommandMeta,
  verificationId: string,
  side: DocumentSide,
): Promise<{ mediaType: string; stream: Readable }> {
  const row = await loadVerificationForReview(deps, scope, meta, verificationId);
  const sha256 = side === "front" ? row.front_sha256 : row.back_sha256;
  if (!sha256) throw new AppError("file_not_found");
  const mediaType = await findDocumentMediaType(deps.db, row.user_id, sha256);
  return { mediaType: mediaType ?? "application/octet-stream", stream: await deps.files.open(sha256) };
}

/**
 * The account a phone number or e-mail address belongs to, for contexts that appoint someone by it
 * (a party names their agent ad litem, 民事诉讼法第六十一条). Undefined for none or a disabled account.
 */
export async function findAccountByContact(
  db: Executor,
  contact: string,
): Promise<(FilerAccount & { id: string; isVerified: boolean }) | undefined> {
  const trimmed = contact.trim();
  const account = await findAccountByLogin(
    db,
    trimmed.includes("@") ? { email: trimmed } : { phone: trimmed },
  );
  if (!account || account.disabled_at !== null) return undefined;
  return {
    id: account.id,
    kind: account.kind,
    name: account.name,
    idNumber: account.id_number,
    creditCode: account.credit_code,
    lawyerLicenceNumber: account.lawyer_licence_number,
    isVerified: account.verification_status === "verified",
  };
}
