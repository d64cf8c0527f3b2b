import { describe, expect, it } from "vitest";
import { loadConfig } from "../../platform";
import { paymentReturnBase } from "./payment-return";

describe("paymentReturnBase", () => {
  it("keeps PUBLIC_URL's path prefix on every allowed origin", () => {
    const prefixed = loadConfig({
      PUBLIC_URL: "https://court.example/netcourt/",
      ALLOWED_ORIGINS: "https://www.court.example",
    });
    expect(paymentReturnBase("https://www.court.example", prefixed)).toBe(
      "https://www.court.example/netcourt",
    );
    expect(paymentReturnBase("https://evil.example", prefixed)).toBe("https://court.example/netcourt");
  });

  const court = loadConfig({
    PUBLIC_URL: "https://court.example/",
    ALLOWED_ORIGINS: "https://www.court.example, http://10.0.0.5:8080/",
  });

  it.each([
    ["https://court.example", "https://court.example"],
    ["https://www.court.example", "https://www.court.example"],
    ["http://10.0.0.5:8080", "http://10.0.0.5:8080"],
    // Anything the site is not served at falls back to PUBLIC_URL.
    ["https://evil.example", "https://court.example"],
    ["http://court.example", "https://court.example"],
    ["https://www.court.example:8443", "https://court.example"],
    ["null", "https://court.example"],
    ["", "https://court.example"],
    [undefined, "https://court.example"],
  ])("%j → %s", (requested, expected) => {
    expect(paymentReturnBase(requested, court)).toBe(expected);
  });

  it("treats the loopback names of a local PUBLIC_URL as the same site", () => {
    const local = loadConfig({ PORT: "3000" });
    expect(local.publicUrl).toBe("http://localhost:3000");
    expect(paymentReturnBase("http://127.0.0.1:3000", local)).toBe("http://127.0.0.1:3000");
    expect(paymentReturnBase("http://[::1]:3000", local)).toBe("http://[::1]:3000");
    expect(paymentReturnBase("http://127.0.0.1:4000", local)).toBe("http://localhost:3000");
    expect(paymentReturnBase("http://127.0.0.1:3000", court)).toBe("https://court.example");
  });

  it("refuses an ALLOWED_ORIGINS entry that is not an http(s) URL", () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: "court.example" })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: "ftp://court.example" })).toThrow(/ALLOWED_ORIGINS/);
  });
});
