import { describe, expect, it } from "vitest";
import {
  checkTotp,
  decodeBase32,
  encodeBase32,
  generateTotpSecret,
  hotp,
  otpauthUrl,
  totpCode,
  totpStep,
} from "./totp";

describe("base32 (RFC 4648 §10 test vectors)", () => {
  it.each([
    { text: "", encoded: "" },
    { text: "f", encoded: "MY======" },
    { text: "fo", encoded: "MZXQ====" },
    { text: "foo", encoded: "MZXW6===" },
    { text: "foob", encoded: "MZXW6YQ=" },
    { text: "fooba", encoded: "MZXW6YTB" },
    { text: "foobar", encoded: "MZXW6YTBOI======" },
  ])("encodes and decodes $text as $encoded", ({ text, encoded }) => {
    expect(encodeBase32(Buffer.from(text))).toBe(encoded);
    expect(decodeBase32(encoded)?.toString()).toBe(text);
  });

  it("reads a secret as typed from an app: lower case, spaces, no padding", () => {
    expect(decodeBase32("mzxw 6ytb oi")?.toString()).toBe("foobar");
  });

  it("refuses characters outside the alphabet", () => {
    expect(decodeBase32("MZXW1YTB")).toBeNull();
    expect(decodeBase32("MZXW8YTB")).toBeNull();
  });
});

// RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890", 8 digits.
const RFC_SEED = Buffer.from("12345678901234567890");

describe("TOTP (RFC 6238 Appendix B test vectors, SHA-1)", () => {
  it.each([
    { unix: 59, step: 1, code: "94287082" },
    { unix: 1111111109, step: 0x23523ec, code: "07081804" },
    { unix: 1111111111, step: 0x23523ed, code: "14050471" },
    { unix: 1234567890, step: 0x273ef07, code: "89005924" },
    { unix: 2000000000, step: 0x3f940aa, code: "69279037" },
    { unix: 20000000000, step: 0x27bc86aa, code: "65353130" },
  ])("at $unix s the code is $code", ({ unix, step, code }) => {
    const now = new Date(unix * 1000);
    expect(totpStep(now)).toBe(step);
    expect(totpCode(RFC_SEED, now, { periodSeconds: 30, digits: 8 })).toBe(code);
  });

  it("gives the last six digits with the default parameters", () => {
    expect(totpCode(RFC_SEED, new Date(59_000))).toBe("287082");
  });

  it("matches the RFC 4226 Appendix D HOTP values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583"];
    expect(expected.map((_, counter) => hotp(RFC_SEED, counter))).toEqual(expected);
  });
});

describe("checkTotp", () => {
  const now = new Date(1234567890 * 1000);
  const step = totpStep(now);

  it.each([
    { label: "the current step", offset: 0 },
    { label: "one step behind (clock drift)", offset: -1 },
    { label: "one step ahead (clock drift)", offset: 1 },
  ])("accepts a code of $label", ({ offset }) => {
    const code = hotp(RFC_SEED, step + offset);
    expect(checkTotp(RFC_SEED, code, now, null)).toEqual({ ok: true, step: step + offset });
  });

  it.each([
    { label: "two steps behind", code: hotp(RFC_SEED, step - 2) },
    { label: "two steps ahead", code: hotp(RFC_SEED, step + 2) },
    { label: "too short", code: "12345" },
    { label: "not digits", code: "12a456" },
  ])("refuses a code $label", ({ code }) => {
    expect(checkTotp(RFC_SEED, code, now, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code of a step already used, and of an earlier step", () => {
    const code = hotp(RFC_SEED, step);
    expect(checkTotp(RFC_SEED, code, now, step)).toEqual({ ok: false, reason: "reused" });
    const earlier = hotp(RFC_SEED, step - 1);
    expect(checkTotp(RFC_SEED, earlier, now, step)).toEqual({ ok: false, reason: "reused" });
    expect(checkTotp(RFC_SEED, hotp(RFC_SEED, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });
});

describe("secrets and provisioning URIs", () => {
  it("generates 160-bit secrets that decode back to 20 bytes", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it("builds an otpauth URI with issuer, escaped account and parameters", () => {
    const url = new URL(otpauthUrl({ issuer: "netcourt", account: "张 三", secret: "JBSWY3DPEHPK3PXP" }));
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(url.pathname).toBe("/netcourt:%E5%BC%A0%20%E4%B8%89");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "netcourt",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});
