import { HttpRealNameVerifier } from "./adapters/http-real-name-verifier";
import { SimulatedRealNameVerifier } from "./adapters/simulated-real-name-verifier";
import type { RealNameVerifier } from "../../platform/ports/index";

// The port's types are declared in platform/ports so that the application's context names them
// without importing this module; identity code keeps importing them from here.
export type { RealNameCheck, RealNameResult, RealNameVerifier } from "../../platform/ports/index";

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
