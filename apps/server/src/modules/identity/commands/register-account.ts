import {
  createSession,
  inTransaction,
  isAppError,
  releaseAttempt,
  takeAttempt,
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
  // Counted before the identifiers are looked up, so parallel probes cannot outrun the limit; only a
  // probe that hit a taken identifier keeps its count.
  await takeAttempt(deps.db, ipKey, registrationProbePolicy, meta.now);
  let user;
  try {
    user = await prepareAccount(deps.db, input, meta.now);
  } catch (error) {
    if (!(isAppError(error) && error.status === 409)) await releaseAttempt(deps.db, ipKey);
    throw error;
  }
  await releaseAttempt(deps.db, ipKey);
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
