import {
  AppError,
  inTransaction,
  invalidateSession,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { findAccount, findLiveSessionHashes, updateProfile } from "../identity.repository";
import { validateEmail } from "../identity.rules";
import { assertIdentifiersFree, fromUniqueViolation, normaliseLawyerLicence } from "./create-account";

export interface UpdateProfileInput {
  email?: string | null | undefined;
  locale?: "zh-CN" | "en" | undefined;
  lawyerLicenceNumber?: string | null | undefined;
  lawFirm?: string | null | undefined;
}

/**
 * Updates the account's own contact and lawyer details. Throws `email_invalid`, `email_taken`,
 * `lawyer_licence_invalid` or `lawyer_must_be_person`.
 */
export async function updateOwnProfile(
  deps: IdentityDependencies,
  meta: CommandMeta,
  userId: string,
  input: UpdateProfileInput,
): Promise<void> {
  const account = await findAccount(deps.db, userId);
  if (!account) throw new AppError("authentication_required");
  const changes: Parameters<typeof updateProfile>[2] = {};
  if (input.email !== undefined) {
    if (input.email === null || input.email.trim() === "") {
      changes.email = null;
    } else {
      const email = validateEmail(input.email);
      if (!email.ok)
        throw new AppError("email_invalid", [{ path: "email", code: email.reason, message: email.reason }]);
      await assertIdentifiersFree(deps.db, { email: email.value }, userId);
      changes.email = email.value;
    }
  }
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.lawyerLicenceNumber !== undefined) {
    const licence = normaliseLawyerLicence(input.lawyerLicenceNumber);
    if (licence !== null && account.kind !== "person") {
      throw new AppError("lawyer_must_be_person", [
        { path: "lawyerLicenceNumber", code: "organisation", message: "organisation" },
      ]);
    }
    changes.lawyerLicenceNumber = licence;
  }
  if (input.lawFirm !== undefined) changes.lawFirm = input.lawFirm?.trim() || null;

  await inTransaction(deps.db, async (trx) => {
    try {
      await updateProfile(trx, userId, changes, meta.now);
    } catch (error) {
      throw fromUniqueViolation(error);
    }
    await writeAuditEvent(trx, meta, {
      action: "identity.profile_updated",
      subjectType: "user",
      subjectId: userId,
      data: { fields: Object.keys(changes) },
    });
  });
  // isLawyer is part of the actor: drop cached actors of this account.
  if (changes.lawyerLicenceNumber !== undefined) {
    for (const idHash of await findLiveSessionHashes(deps.db, userId)) invalidateSession(idHash);
  }
}
