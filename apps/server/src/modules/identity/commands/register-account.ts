import {
  assertNotThrottled,
  createSession,
  inTransaction,
  isAppError,
  recordFailure,
  type CommandMeta,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import type { TRegisterRequest } from "../identity.schemas";
import { insertAccount, prepareAccount } from "./create-account";
import type { SignedIn } from "./sign-in";

/** Conflicts answer which phone numbers and ID numbers exist, so one address may only ask so often. */
const registrationProbePolicy = { maxFailures: 20, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

/**
 * Self-registration of a natural person or an organisation; signs the new account in. Throws the
 * field codes of `createAccount`, the `*_taken` conflicts and `rate_limited`.
 */
export async function registerAccount(
  deps: IdentityDependencies,
  meta: CommandMeta,
  input: TRegisterRequest,
  client: { userAgent: string | null },
): Promise<SignedIn> {
  const ipKey = `register:ip:${meta.ip ?? "unknown"}`;
  await assertNotThrottled(deps.db, [ipKey], meta.now);
  let user;
  try {
    user = await prepareAccount(deps.db, input, meta.now);
  } catch (error) {
    if (isAppError(error) && error.status === 409) {
      await recordFailure(deps.db, [{ key: ipKey, policy: registrationProbePolicy }], meta.now);
    }
    throw error;
  }
  return inTransaction(deps.db, async (trx) => {
    const userId = await insertAccount(trx, meta, user, "identity.account_registered");
    const session = await createSession(trx, {
      userId,
      now: meta.now,
      ip: meta.ip,
      userAgent: client.userAgent,
      hasSecondFactor: false,
    });
    return { userId, ...session };
  });
}
