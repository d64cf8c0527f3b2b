import { decodeBase32, totpCode } from "../modules/identity/index";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../seed/demo-seed";

/** A minimal cookie-keeping client for a server listening on a real port. */
export class HttpClient {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    extra: { form?: FormData } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("nc_csrf");
    if (method !== "GET" && csrf) headers["x-csrf-token"] = csrf;
    let payload: string | FormData | undefined;
    if (extra.form) payload = extra.form;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value!);
    }
    const text = await response.text();
    const parsed =
      response.headers.get("content-type")?.includes("json") && text ? (JSON.parse(text) as T) : (text as T);
    return { status: response.status, body: parsed };
  }

  /** Signs in a demo account, answering the TOTP step for staff. */
  async signIn(login: string): Promise<void> {
    const response = await this.request<{ user: { needsSecondFactor: boolean } }>("POST", "/api/auth/login", {
      login,
      password: DEMO_PASSWORD,
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
    if (response.body.user.needsSecondFactor) {
      const verified = await this.request("POST", "/api/auth/totp/verify", {
        code: totpCode(decodeBase32(DEMO_TOTP_SECRET)!, new Date()),
      });
      if (verified.status !== 200)
        throw new Error(`TOTP failed: ${verified.status} ${JSON.stringify(verified.body)}`);
    }
  }
}
