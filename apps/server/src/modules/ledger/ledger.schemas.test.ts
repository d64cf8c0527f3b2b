import { describe, expect, it } from "vitest";
import { canonicalJson } from "./ledger.leaves";
import { ZDepositRequest, canonicalMetadata, parseValidDepositRequest } from "./ledger.schemas";

const sha = "0123456789abcdef".repeat(4);
const deposit = (overrides: Record<string, unknown> = {}) => ({
  sha256: sha,
  kind: "contract",
  title: "电子合同",
  occurredAt: "2026-03-01T10:00:00+08:00",
  metadata: { order: "A-1", nested: [1, { b: null, a: true }], 键: "值" },
  ...overrides,
});
// Bodies as a platform sends them: what JSON.parse gives the validator.
const body = (...deposits: unknown[]): unknown => JSON.parse(JSON.stringify({ deposits }));

describe("parseValidDepositRequest", () => {
  it("gives zod's output for the bodies zod accepts", () => {
    const { metadata: _omitted, ...withoutMetadata } = deposit();
    const valid = [
      body(deposit()),
      body(deposit({ title: "  padded title \t", occurredAt: "2026-02-28T23:59:59.123456Z" })),
      body(withoutMetadata, deposit({ metadata: {} }), deposit({ kind: "copyright.image-v2_x" })),
      body(deposit({ title: "x".repeat(500), metadata: { k: "v".repeat(4000) } })),
      body(...Array.from({ length: 1000 }, () => deposit())),
    ];
    for (const input of valid) {
      const fast = parseValidDepositRequest(input);
      expect(fast).toEqual(ZDepositRequest.parse(input));
      for (const d of fast!.deposits)
        expect(canonicalMetadata.get(d.metadata)).toBe(canonicalJson(d.metadata));
    }
  });

  it("leaves every body zod refuses, or treats specially, to zod", () => {
    const refused = [
      null,
      [],
      "deposits",
      {},
      { deposits: [] },
      { deposits: {} },
      body(deposit(), deposit({ sha256: sha.toUpperCase() })),
      body(deposit({ sha256: "abc" })),
      body(deposit({ sha256: 1 })),
      body(deposit({ kind: "Not A Kind" })),
      body(deposit({ kind: "k".repeat(65) })),
      body(deposit({ title: "   " })),
      body(deposit({ title: "x".repeat(501) })),
      body(deposit({ title: 5 })),
      body(deposit({ occurredAt: "2026-03-01" })),
      body(deposit({ occurredAt: "2026-02-30T10:00:00Z" })),
      body(deposit({ occurredAt: "2026-03-01T10:00:00" })),
      body(deposit({ metadata: null })),
      body(deposit({ metadata: [1] })),
      body(deposit({ metadata: { "": 1 } })),
      body(deposit({ metadata: { ["k".repeat(101)]: 1 } })),
      body(deposit({ metadata: { k: "v".repeat(4100) } })),
      body(deposit({ metadata: { k: "lone \ud800" } })),
      body(deposit({ extra: true })),
      { deposits: [deposit()], extra: true },
      JSON.parse(
        `{"deposits":[${JSON.stringify(deposit()).slice(0, -1)},"metadata":{"__proto__":{"a":1}}}]}`,
      ),
      JSON.parse(`{"deposits":[{"__proto__":{},${JSON.stringify(deposit()).slice(1)}]}`),
      { deposits: Array.from({ length: 1001 }, () => deposit()) },
    ];
    for (const input of refused) expect(parseValidDepositRequest(input)).toBeNull();
  });
});
