import { describe, expect, it } from "vitest";
import { toHex } from "./encoding";
import { decodeEntryBundle, encodeEntryBundle, MAX_ENTRY_SIZE, updateEntryBundles } from "./entry-bundle";
import { leafHash } from "./merkle";
import { sha256 } from "./sha256";
import { matchesAbbreviated, numberedEntries, randomInt, seededRandom } from "./test-support";
import { formatEntryBundlePath } from "./tile-path";

describe("entry bundles (tlog-tiles)", () => {
  it("builds tile/entries/273.p/112 of the 70,000-entry tree: 1,456 bytes with the published digest", () => {
    const entries = numberedEntries(70_000);
    const written = new Map<string, Uint8Array>();
    const random = seededRandom(1456);
    let size = 0;
    let partial: Uint8Array = new Uint8Array(0);
    while (size < entries.length) {
      const batch = entries.slice(size, size + randomInt(random, 1, 5000));
      for (const b of updateEntryBundles(size, partial, batch)) {
        written.set(formatEntryBundlePath(b.index, b.width), b.data);
        partial = b.width < 256 ? b.data : new Uint8Array(0);
      }
      size += batch.length;
    }
    const bundle = written.get("tile/entries/273.p/112")!;
    expect(bundle).toHaveLength(1456);
    expect(matchesAbbreviated(toHex(sha256(bundle)), "e2ad61b1…d0ed")).toBe(true);
    expect(written.get("tile/entries/272")).toEqual(encodeEntryBundle(entries.slice(272 * 256, 273 * 256)));
    const decoded = decodeEntryBundle(bundle, 112);
    expect(toHex(leafHash(decoded[0]!))).toBe(toHex(leafHash(entries[273 * 256]!)));
  });

  it("round-trips entries up to 65,535 bytes and refuses larger ones", () => {
    const entries = [new Uint8Array(0), Uint8Array.of(1, 2, 3), new Uint8Array(MAX_ENTRY_SIZE).fill(9)];
    expect(decodeEntryBundle(encodeEntryBundle(entries))).toEqual(entries);
    expect(() => encodeEntryBundle([new Uint8Array(MAX_ENTRY_SIZE + 1)])).toThrow(/65,535/);
  });

  it.each([
    ["a truncated length prefix", Uint8Array.of(0, 1, 7, 0)],
    ["a truncated entry", Uint8Array.of(0, 5, 1, 2)],
    ["no entries", new Uint8Array(0)],
  ])("rejects a bundle with %s", (_, data) => {
    expect(() => decodeEntryBundle(data)).toThrow();
  });

  it("rejects a bundle whose entry count differs from the width", () => {
    expect(() => decodeEntryBundle(encodeEntryBundle([Uint8Array.of(1)]), 2)).toThrow(/1 entries/);
  });
});
