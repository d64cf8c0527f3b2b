import { HttpRealNameVerifier } from "./adapters/http-real-name-verifier";
import { SimulatedRealNameVerifier } from "./adapters/simulated-real-name-verifier";

/** What an external face/ID verification service is asked: does this name belong to this ID number? */
export interface RealNameCheck {
  /** The account's name as registered. */
  name: string;
  /** The 18-character resident ID number (GB 11643-1999). */
  idNumber: string;
  /** SHA-256 of a selfie the service can fetch or has received by another channel, if any. */
  selfieSha256: string | null;
  /** Correlates the call with the request that caused it (shows up in both systems' logs). */
  requestId: string | null;
}

/**
 * The service's answer. `error` means the service could not decide (outage, quota, bad request);
 * it is never treated as a mismatch.
 */
export interface RealNameResult {
  result: "match" | "mismatch" | "error";
  /** The service's own reference for the check, kept with the verification for later enquiries. */
  reference: string;
  /** Similarity reported by the service, 0 to 1, when it gives one. */
  score: number | null;
}

/**
 * Port to an external real-name (face/ID) verification service (DESIGN.md: adapters are ports with a
 * real implementation and a local simulator). The default method of verification — a clerk
 * comparing the uploaded ID images — needs no port.
 */
export interface RealNameVerifier {
  /** A short label stored with each verification (`simulator`, `http:<host>`). */
  readonly provider: string;
  verify(check: RealNameCheck): Promise<RealNameResult>;
}

/** True when `value` looks like a RealNameVerifier (ports are typed loosely in the app context). */
export function isRealNameVerifier(value: unknown): value is RealNameVerifier {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as RealNameVerifier).verify === "function" &&
    typeof (value as RealNameVerifier).provider === "string"
  );
}

/**
 * The verifier configured by the environment: the HTTP adapter when `REAL_NAME_VERIFIER_URL` and
 * `REAL_NAME_VERIFIER_SECRET` are set, otherwise the local simulator.
 */
export function realNameVerifierFromEnv(env: NodeJS.ProcessEnv, now: () => Date): RealNameVerifier {
  const url = env.REAL_NAME_VERIFIER_URL;
  const secret = env.REAL_NAME_VERIFIER_SECRET;
  if (url && secret) {
    const timeoutMs = Number(env.REAL_NAME_VERIFIER_TIMEOUT_MS ?? 10_000);
    return new HttpRealNameVerifier({
      url,
      secret,
      timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 10_000,
      now,
    });
  }
  if (url || secret) {
    throw new Error("REAL_NAME_VERIFIER_URL and REAL_NAME_VERIFIER_SECRET must be set together");
  }
  return new SimulatedRealNameVerifier(now);
}
