import { createChallenge, solveChallenge, verifySolution } from "altcha-lib";
import { deriveKey as serverDeriveKey } from "altcha-lib/algorithms/pbkdf2";
import { deriveKey as browserDeriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../platform/api-client";
import { challengeOf, encodeSolution } from "./proof-of-work";

describe("sign-in proof of work in the browser", () => {
  it("solves a server challenge with Web Crypto and encodes it as the server reads it", async () => {
    const secrets = { hmacSignatureSecret: "signature-secret", hmacKeySignatureSecret: "key-secret" };
    const challenge = await createChallenge({
      algorithm: "PBKDF2/SHA-256",
      cost: 100,
      counter: 50,
      deriveKey: serverDeriveKey,
      data: { purpose: "sign_in", expiresAtMs: 1 },
      ...secrets,
    });
    const error = new ApiError(429, "challenge_required", "", [
      { code: "challenge_missing", message: "proof of work", params: { challenge } },
    ]);
    const asked = challengeOf(error);
    expect(asked).toEqual(challenge);

    const solution = await solveChallenge({ challenge: asked!, deriveKey: browserDeriveKey });
    expect(solution).not.toBeNull();
    const header = encodeSolution(asked!, solution!);
    const payload = JSON.parse(Buffer.from(header, "base64").toString("utf8")) as {
      challenge: typeof challenge;
      solution: NonNullable<typeof solution>;
    };
    const result = await verifySolution({ ...payload, deriveKey: serverDeriveKey, ...secrets });
    expect(result.verified).toBe(true);
  });

  it("finds no challenge in other errors", () => {
    expect(challengeOf(new ApiError(429, "rate_limited", ""))).toBeNull();
    expect(challengeOf(new Error("x"))).toBeNull();
  });
});
