import { createHmac } from "node:crypto";

/** The demo accounts' password and the staff's TOTP secret (apps/server/src/seed/demo-seed.ts). */
export const DEMO_PASSWORD = "Netcourt2026";
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function decodeBase32(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The authenticator app's code (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) at `now`. */
export function totpCode(secret = DEMO_TOTP_SECRET, now = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const mac = createHmac("sha1", decodeBase32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, "0");
}

/**
 * Waits for the next 30-second TOTP step: a code is accepted once (RFC 6238 §5.2), so a second sign-in
 * of the same staff account within one step must wait for a fresh code.
 */
export function nextTotpStep(now = Date.now()): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 500));
}

const STEP_MS = 30_000;
/** The last TOTP step each staff account used in this test file (a fresh server's accounts used none). */
const usedSteps = new Map<string, number>();

/**
 * The next code a staff account may use: the server accepts the steps now−1, now and now+1 once each
 * (RFC 6238 §5.2), so up to three sign-ins of one account in 30 seconds need no wait; a fourth waits for
 * the next step. `offsetMs` is the server's clock offset (CLOCK_OFFSET).
 */
export async function freshTotpCode(login: string, offsetMs = 0): Promise<string> {
  for (;;) {
    const now = Date.now() + offsetMs;
    const current = Math.floor(now / STEP_MS);
    // A step ending within two seconds may have passed by the time the server reads the code.
    const earliest = now % STEP_MS > STEP_MS - 2_000 ? current : current - 1;
    const step = Math.max(earliest, (usedSteps.get(login) ?? -Infinity) + 1);
    if (step <= current + 1) {
      usedSteps.set(login, step);
      return totpCode(undefined, step * STEP_MS);
    }
    await nextTotpStep(now);
  }
}

/** A minimal API client for seeding over HTTP: keeps cookies and echoes the CSRF token, like the web UI. */
export class ApiSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("nc_csrf");
    if (method !== "GET" && csrf) headers["x-csrf-token"] = decodeURIComponent(csrf);
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie))
        this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      // not JSON (an HTML page or a redirect)
    }
    return { status: response.status, body: parsed as T };
  }

  /** Like request, but throws unless the status is 2xx. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request<T>(method, path, body);
    if (response.status < 200 || response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Signs in a demo litigant (no second factor). */
  async signIn(login: string): Promise<void> {
    const result = await this.call<{ user: { needsSecondFactor: boolean } }>("POST", "/api/auth/login", {
      login,
      password: DEMO_PASSWORD,
    });
    if (result.user.needsSecondFactor) throw new Error(`${login} needs a second factor`);
  }
}

/** Signs in a demo staff account with a fresh TOTP code. */
export async function staffSession(baseUrl: string, login: string, offsetMs = 0): Promise<ApiSession> {
  const session = new ApiSession(baseUrl);
  await session.call("POST", "/api/auth/login", { login, password: DEMO_PASSWORD });
  let status = 0;
  // A code refused as spent (by a sign-in this file did not count) moves on to the next step.
  for (let attempt = 0; attempt < 4 && status !== 200; attempt += 1) {
    const code = await freshTotpCode(login, offsetMs);
    status = (await session.request("POST", "/api/auth/totp/verify", { code })).status;
  }
  if (status !== 200) throw new Error(`${login} could not pass the second factor: ${status}`);
  return session;
}

/** The id of a demo court by its code (浙0192 is 杭州互联网法院). */
export async function courtIdByCode(baseUrl: string, code: string): Promise<string> {
  const courts = await new ApiSession(baseUrl).call<{ items: Array<{ id: string; code: string }> }>(
    "GET",
    "/api/courts",
  );
  const court = courts.items.find((c) => c.code === code);
  if (!court) throw new Error(`no court ${code}`);
  return court.id;
}

/**
 * Pays a submitted filing's fee at the payment simulator's cashier, as the payer's browser would; answers
 * the cashier's HTTP status (303: paid, back to the case).
 */
export async function payAtCashier(payer: ApiSession, caseId: string): Promise<number> {
  const payment = await payer.call<{ payUrl: string }>("POST", `/api/filings/${caseId}/payment`);
  const paid = await fetch(payment.payUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "action=pay",
    redirect: "manual",
  });
  return paid.status;
}
