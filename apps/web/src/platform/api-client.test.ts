import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiRequest, readCookie } from "./api-client";
import { fieldPath } from "./error-messages";

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("apiRequest", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    vi.stubGlobal("document", { cookie: "other=1; nc_csrf=token%2F42; theme=dark" });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  const sentHeaders = () => new Headers(fetchMock.mock.calls[0]![1]!.headers);

  it("sends the CSRF token from the nc_csrf cookie on a state-changing request", async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }));
    await apiRequest("POST", "/api/me/password", { body: { currentPassword: "a", newPassword: "b" } });
    expect(sentHeaders().get("x-csrf-token")).toBe("token/42");
    expect(sentHeaders().get("content-type")).toBe("application/json");
    expect(fetchMock.mock.calls[0]![1]!.body).toBe('{"currentPassword":"a","newPassword":"b"}');
  });

  it("sends no CSRF token on a read, and the language on every request", async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { id: "u1" }));
    await apiRequest("GET", "/api/me");
    expect(sentHeaders().get("x-csrf-token")).toBeNull();
    expect(sentHeaders().get("x-locale")).toBe("zh-CN");
    expect(sentHeaders().get("accept-language")).toBe("zh-CN");
  });

  it("leaves out empty query values", async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await apiRequest("GET", "/api/fees/quote", {
      query: { kind: "property", amount: 100000, procedure: undefined },
    });
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/fees/quote?kind=property&amount=100000");
  });

  it("turns the error body into an ApiError with its code, details, request id and Retry-After", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        429,
        {
          error: "rate_limited",
          message: "尝试次数过多，请稍后再试",
          details: [{ path: "body.login", code: "retry_after", message: "wait" }],
          requestId: "req-1",
        },
        { "retry-after": "30" },
      ),
    );
    const failure = await apiRequest("POST", "/api/auth/login", { body: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "尝试次数过多，请稍后再试",
      requestId: "req-1",
      retryAfterSeconds: 30,
    });
    expect((failure as ApiError).fieldDetails()).toHaveLength(1);
  });

  it("reports an answer without the error body as invalid_response", async () => {
    fetchMock.mockResolvedValue(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(apiRequest("GET", "/api/me")).rejects.toMatchObject({
      status: 502,
      code: "invalid_response",
    });
  });

  it("reports an unreachable server as network_unreachable with status 0", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(apiRequest("GET", "/api/me")).rejects.toMatchObject({
      status: 0,
      code: "network_unreachable",
    });
  });

  it("resolves a 204 with undefined", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest("POST", "/api/auth/logout", { body: {} })).resolves.toBeUndefined();
  });

  it("reads a cookie by exact name", () => {
    expect(readCookie("nc_csrf")).toBe("token/42");
    expect(readCookie("csrf")).toBeNull();
  });
});

describe("fieldPath", () => {
  it.each([
    ["body.idNumber", ["idNumber"]],
    ["querystring.amount", ["amount"]],
    ["body.parties.0.name", ["parties", 0, "name"]],
    ["email", ["email"]],
  ])("maps %s to the form field %j", (path, expected) => {
    expect(fieldPath(path)).toEqual(expected);
  });
});
