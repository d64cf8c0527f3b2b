import { toHex } from "@netcourt/ledger";
import { describe, expect, it } from "vitest";
import { commitmentNative, useNativeCrypto } from "./ledger.keys";
import {
  canonicalJson,
  commitmentOf,
  depositLeafJson,
  encodeDepositOpening,
  encodeOpening,
  hashFromHex,
  type DepositLeaf,
  type JsonValue,
} from "./ledger.leaves";

const openings: Array<{ title: string; occurredAt: string; metadata: { [key: string]: JsonValue } }> = [
  { title: "电子合同", occurredAt: "2026-03-01T02:00:00.000Z", metadata: {} },
  {
    title: 'quote " back\\slash \n tab\t \u0000 \u2028 😀',
    occurredAt: "2026-03-01T02:00:00.123Z",
    metadata: { z: 1, a: [true, null, 1.5e-7, "x"], é: { b: "2", a: -0 }, A: "大写" },
  },
];

describe("deposit encodings written field by field", () => {
  it("write the same opening text as the canonical encoding of the object", () => {
    for (const o of openings) {
      const salt = "0123456789abcdef0123456789abcdef";
      expect(encodeDepositOpening(o.title, o.occurredAt, o.metadata, salt)).toBe(
        encodeOpening({ ...o, salt }),
      );
    }
  });

  it("refuse what the canonical encoding refuses", () => {
    expect(() => encodeDepositOpening("lone \ud800", "2026-03-01T02:00:00.000Z", {}, "00")).toThrow(
      TypeError,
    );
    expect(() => encodeDepositOpening("t", "2026-03-01T02:00:00.000Z", { n: Number.NaN }, "00")).toThrow(
      TypeError,
    );
  });

  it("write the same leaf text as the canonical encoding of the leaf", () => {
    const leaf: DepositLeaf = {
      type: "deposit",
      v: 1,
      sha256: "ab".repeat(32),
      kind: "copyright.image-v2_x",
      platform: "cd".repeat(32),
      depositedAt: "2026-03-02T01:02:03.004Z",
      commitment: "ef".repeat(32),
    };
    expect(depositLeafJson(leaf)).toBe(canonicalJson(leaf));
  });

  it("commit natively with the same hash as the portable code", () => {
    useNativeCrypto();
    for (const o of openings) {
      const text = encodeOpening({ ...o, salt: "00" });
      expect(commitmentNative(text)).toBe(commitmentOf(text));
    }
  });
});

describe("hashFromHex", () => {
  it("decodes 64 lowercase hex digits and refuses anything else", () => {
    const hex = "00ff7f80" + "0123456789abcdef".repeat(3) + "fedcba98";
    expect(toHex(hashFromHex(hex))).toBe(hex);
    for (const bad of [
      hex.toUpperCase(),
      hex.slice(2),
      `${hex}00`,
      `${hex.slice(0, 62)}g0`,
      `${hex.slice(0, 63)}é`,
      "",
    ])
      expect(() => hashFromHex(bad)).toThrow(TypeError);
  });
});

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units, drops undefined fields and writes no whitespace", () => {
    expect(
      canonicalJson({
        b: [1, "x", [], {}, [null, true]],
        a: { d: undefined, c: -0, é: 1e21, B: 0.5 },
        "": "",
      }),
    ).toBe('{"":"","a":{"B":0.5,"c":0,"é":1e+21},"b":[1,"x",[],{},[null,true]]}');
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({ only: undefined })).toBe("{}");
  });
});
