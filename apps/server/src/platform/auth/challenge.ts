import { randomBytes } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

/** The header a client sends its solved challenge in: base64 of `{ challenge, solution }` JSON. */
export const CHALLENGE_HEADER = "x-challenge-solution";

/**
 * How much work a challenge costs. PBKDF2 because browsers run it natively through Web Crypto: about a
 * second on a phone, so a person hardly notices, while a password-guessing script pays a CPU-second a guess.
 */
export interface ChallengeDifficulty {
  cost: number;
  counterMin: number;
  counterMax: number;
  validityMs: number;
}

export const signInChallengeDifficulty: ChallengeDifficulty = {
  cost: 1000,
  counterMin: 500,
  counterMax: 2000,
  validityMs: 5 * 60_000,
};

export type ChallengeOutcome = "accepted" | "missing" | "invalid" | "expired" | "replayed";

const secretsByDb = new WeakMap<object, Promise<{ signature: string; key: string }>>();

/** The installation's challenge keys, made by the first server that needs them and shared through the database. */
function challengeSecrets(db: Kysely<DB>): Promise<{ signature: string; key: string }> {
  let secrets = secretsByDb.get(db);
  if (!secrets) {
    secrets = (async () => {
      const read = async (name: string) => {
        await db
          .insertInto("platform_secrets")
          .values({ name, value: randomBytes(32).toString("base64url"), created_at: new Date() })
          .onConflict((oc) => oc.column("name").doNothing())
          .execute();
        const row = await db
          .selectFrom("platform_secrets")
          .select("value")
          .where("name", "=", name)
          .executeTakeFirstOrThrow();
        return row.value;
      };
      return { signature: await read("challenge_signature"), key: await read("challenge_key") };
    })();
    secrets.catch(() => secretsByDb.delete(db));
    secretsByDb.set(db, secrets);
  }
  return secrets;
}

/** A new signed proof-of-work challenge for `purpose`, valid until `now` + the difficulty's validity. */
export async function issueChallenge(
  db: Kysely<DB>,
  purpose: string,
  now: Date,
  difficulty: ChallengeDifficulty = signInChallengeDifficulty,
): Promise<Challenge> {
  const secrets = await challengeSecrets(db);
  return createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: difficulty.cost,
    counter: randomInt(difficulty.counterMax, difficulty.counterMin),
    deriveKey,
    // Expiry by the application clock, signed with the rest (the library's own check reads the wall clock).
    data: { purpose, expiresAtMs: now.getTime() + difficulty.validityMs },
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
}

function parsePayload(header: unknown): { challenge: Challenge; solution: Solution } | null {
  if (typeof header !== "string" || header.length === 0 || header.length > 8192) return null;
  try {
    const payload = JSON.parse(Buffer.from(header, "base64").toString("utf8")) as unknown;
    if (typeof payload !== "object" || payload === null) return null;
    const { challenge, solution } = payload as { challenge?: unknown; solution?: unknown };
    if (typeof challenge !== "object" || challenge === null) return null;
    if (typeof solution !== "object" || solution === null) return null;
    const parameters = (challenge as { parameters?: unknown }).parameters;
    if (typeof parameters !== "object" || parameters === null) return null;
    return { challenge: challenge as Challenge, solution: solution as Solution };
  } catch {
    return null;
  }
}

/**
 * Checks a solved challenge from the request header and spends it: a solution counts once, for the
 * purpose it was issued for, until it expires.
 */
export async function redeemChallenge(
  db: Kysely<DB>,
  purpose: string,
  header: unknown,
  now: Date,
): Promise<ChallengeOutcome> {
  if (header === undefined) return "missing";
  const payload = parsePayload(header);
  if (!payload) return "invalid";
  const { parameters } = payload.challenge;
  const data = parameters.data ?? {};
  if (data.purpose !== purpose || typeof data.expiresAtMs !== "number") return "invalid";
  const secrets = await challengeSecrets(db);
  let verified: boolean;
  try {
    const result = await verifySolution({
      challenge: {
        parameters,
        ...(payload.challenge.signature ? { signature: payload.challenge.signature } : {}),
      },
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: secrets.signature,
      hmacKeySignatureSecret: secrets.key,
    });
    verified = result.verified;
  } catch {
    return "invalid";
  }
  if (!verified) return "invalid";
  if (data.expiresAtMs <= now.getTime()) return "expired";
  await db.deleteFrom("auth_spent_challenges").where("expires_at", "<", now).execute();
  const spent = await db
    .insertInto("auth_spent_challenges")
    .values({ nonce: parameters.nonce, expires_at: new Date(data.expiresAtMs) })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .returning("nonce")
    .executeTakeFirst();
  return spent ? "accepted" : "replayed";
}
