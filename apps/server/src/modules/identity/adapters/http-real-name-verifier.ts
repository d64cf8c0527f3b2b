import { createHmac } from "node:crypto";
import { z } from "zod";
import type { RealNameCheck, RealNameResult, RealNameVerifier } from "../../../platform/ports/index";

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw request body>` under the shared secret. */
export const SIGNATURE_HEADER = "x-netcourt-signature";

/** The JSON body netcourt POSTs to the verification service (see docs/identity.md). */
export interface RealNameRequestBody {
  version: 1;
  requestId: string | null;
  name: string;
  idNumber: string;
  selfieSha256: string | null;
  /** ISO 8601 time of the call; the service should refuse stale requests (replay). */
  timestamp: string;
}

const ZRealNameResponse = z.object({
  result: z.enum(["match", "mismatch", "error"]),
  reference: z.string().min(1).max(200),
  score: z.number().min(0).max(1).nullable().optional(),
});

/** The HMAC-SHA256 signature header value of a body. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Calls a face/ID verification service over HTTPS with a signed JSON request. Any transport failure,
 * non-2xx status or malformed answer becomes `result: "error"` (never a mismatch).
 */
export class HttpRealNameVerifier implements RealNameVerifier {
  readonly provider: string;

  constructor(
    private readonly options: {
      url: string;
      secret: string;
      timeoutMs: number;
      fetch?: typeof fetch;
      now?: () => Date;
    },
  ) {
    this.provider = `http:${new URL(options.url).host}`;
  }

  async verify(check: RealNameCheck): Promise<RealNameResult> {
    const body: RealNameRequestBody = {
      version: 1,
      requestId: check.requestId,
      name: check.name,
      idNumber: check.idNumber,
      selfieSha256: check.selfieSha256,
      timestamp: (this.options.now?.() ?? new Date()).toISOString(),
    };
    const raw = JSON.stringify(body);
    const doFetch = this.options.fetch ?? fetch;
    try {
      const response = await doFetch(this.options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          [SIGNATURE_HEADER]: signBody(raw, this.options.secret),
        },
        body: raw,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) return { result: "error", reference: `http-${response.status}`, score: null };
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        return { result: "error", reference: "malformed-response", score: null };
      }
      const parsed = ZRealNameResponse.safeParse(answer);
      if (!parsed.success) return { result: "error", reference: "malformed-response", score: null };
      return {
        result: parsed.data.result,
        reference: parsed.data.reference,
        score: parsed.data.score ?? null,
      };
    } catch {
      return { result: "error", reference: "unreachable", score: null };
    }
  }
}
