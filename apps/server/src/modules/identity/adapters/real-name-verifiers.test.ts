import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { realNameVerifierFromEnv } from "../identity.ports";
import { HttpRealNameVerifier, SIGNATURE_HEADER, signBody } from "./http-real-name-verifier";
import {
  SIMULATOR_ERROR_NAME,
  SIMULATOR_MISMATCH_NAME,
  SimulatedRealNameVerifier,
} from "./simulated-real-name-verifier";

const NOW = new Date("2026-03-02T01:00:00Z");
const check = { name: "张三", idNumber: "11010519491231002X", selfieSha256: null, requestId: "req-1" };

function verifierAnswering(respond: (body: string, headers: Headers) => Response | Promise<Response>) {
  const calls: Array<{ url: string; body: string; headers: Headers }> = [];
  const verifier = new HttpRealNameVerifier({
    url: "https://verify.example.org/v1/check",
    secret: "s3cret",
    timeoutMs: 1000,
    now: () => NOW,
    fetch: async (url, init) => {
      const body = typeof init?.body === "string" ? init.body : "";
      const headers = new Headers(init?.headers);
      calls.push({ url: url instanceof Request ? url.url : url.toString(), body, headers });
      return respond(body, headers);
    },
  });
  return { verifier, calls };
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });

describe("HttpRealNameVerifier", () => {
  it("posts the documented JSON body signed with HMAC-SHA256 and reads the answer", async () => {
    const { verifier, calls } = verifierAnswering(() =>
      json({ result: "match", reference: "R-1", score: 0.93 }),
    );
    expect(verifier.provider).toBe("http:verify.example.org");
    expect(await verifier.verify(check)).toEqual({ result: "match", reference: "R-1", score: 0.93 });
    const [call] = calls;
    expect(JSON.parse(call!.body)).toEqual({
      version: 1,
      requestId: "req-1",
      name: "张三",
      idNumber: "11010519491231002X",
      selfieSha256: null,
      timestamp: "2026-03-02T01:00:00.000Z",
    });
    const expected = createHmac("sha256", "s3cret").update(call!.body).digest("hex");
    expect(call!.headers.get(SIGNATURE_HEADER)).toBe(`sha256=${expected}`);
    expect(call!.headers.get("content-type")).toBe("application/json");
  });

  it("accepts an answer without a score", async () => {
    const { verifier } = verifierAnswering(() => json({ result: "mismatch", reference: "R-2" }));
    expect(await verifier.verify(check)).toEqual({ result: "mismatch", reference: "R-2", score: null });
  });

  it.each([
    {
      label: "a server error",
      respond: () => json({ result: "match", reference: "x" }, 500),
      reference: "http-500",
    },
    {
      label: "an unknown result",
      respond: () => json({ result: "maybe", reference: "x" }),
      reference: "malformed-response",
    },
    {
      label: "a score above 1",
      respond: () => json({ result: "match", reference: "x", score: 7 }),
      reference: "malformed-response",
    },
    {
      label: "a body that is not JSON",
      respond: () => new Response("<html>"),
      reference: "malformed-response",
    },
    {
      label: "a network failure",
      respond: () => Promise.reject(new TypeError("fetch failed")),
      reference: "unreachable",
    },
  ])("reports an error, never a mismatch, on $label", async ({ respond, reference }) => {
    const { verifier } = verifierAnswering(respond);
    expect(await verifier.verify(check)).toEqual({ result: "error", reference, score: null });
  });

  it("signs exactly the bytes it sends", () => {
    expect(signBody("{}", "k")).toBe(`sha256=${createHmac("sha256", "k").update("{}").digest("hex")}`);
  });
});

describe("SimulatedRealNameVerifier", () => {
  const simulator = new SimulatedRealNameVerifier(() => NOW);

  it.each([
    { name: "张三", idNumber: "11010519491231002X", result: "match" },
    { name: "张三", idNumber: "110105194912310021", result: "mismatch" },
    { name: "  ", idNumber: "11010519491231002X", result: "mismatch" },
    { name: SIMULATOR_MISMATCH_NAME, idNumber: "11010519491231002X", result: "mismatch" },
    { name: SIMULATOR_ERROR_NAME, idNumber: "11010519491231002X", result: "error" },
  ])("answers $result for $name / $idNumber", async ({ name, idNumber, result }) => {
    const answer = await simulator.verify({ ...check, name, idNumber });
    expect(answer.result).toBe(result);
  });

  it("gives the same reference for the same person every time", async () => {
    const a = await simulator.verify(check);
    const b = await simulator.verify(check);
    expect(a.reference).toBe(b.reference);
    expect(a.reference).toMatch(/^sim-[0-9a-f]{16}$/);
    expect((await simulator.verify({ ...check, name: "李四" })).reference).not.toBe(a.reference);
  });
});

describe("realNameVerifierFromEnv", () => {
  it("runs the simulator unless both URL and secret are configured", () => {
    expect(realNameVerifierFromEnv({}, () => NOW).provider).toBe("simulator");
    const http = realNameVerifierFromEnv(
      { REAL_NAME_VERIFIER_URL: "https://idcheck.example.org/api", REAL_NAME_VERIFIER_SECRET: "x" },
      () => NOW,
    );
    expect(http.provider).toBe("http:idcheck.example.org");
    expect(() => realNameVerifierFromEnv({ REAL_NAME_VERIFIER_URL: "https://a.example" }, () => NOW)).toThrow(
      /must be set together/,
    );
  });
});
