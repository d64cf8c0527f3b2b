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
