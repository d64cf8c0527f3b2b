import { createHash } from "node:crypto";
import type { RealNameCheck, RealNameResult, RealNameVerifier } from "../../../platform/ports/index";
import { validateResidentIdNumber } from "../identity.rules";

/** A name the simulator always reports as a mismatch (for demos and tests of the rejection path). */
export const SIMULATOR_MISMATCH_NAME = "核验不符";
/** A name for which the simulator reports that it could not decide (service error). */
export const SIMULATOR_ERROR_NAME = "核验异常";

/**
 * A deterministic stand-in for a face/ID verification service, used by default and in tests: it
 * matches when the name is non-empty and the ID number passes GB 11643-1999, except for the two
 * reserved test names above.
 */
export class SimulatedRealNameVerifier implements RealNameVerifier {
  readonly provider = "simulator";
  /** Reported to the production start check (platform/start-safety.ts). */
  readonly simulates = "real_name";

  constructor(private readonly now: () => Date = () => new Date()) {}

  async verify(check: RealNameCheck): Promise<RealNameResult> {
    const name = check.name.trim();
    const reference = `sim-${createHash("sha256").update(`${name}\n${check.idNumber}`).digest("hex").slice(0, 16)}`;
    if (name === SIMULATOR_ERROR_NAME) return { result: "error", reference, score: null };
    const isValid = name.length > 0 && validateResidentIdNumber(check.idNumber, this.now()).ok;
    if (!isValid || name === SIMULATOR_MISMATCH_NAME) return { result: "mismatch", reference, score: 0.12 };
    return { result: "match", reference, score: 0.97 };
  }
}
