import fs from "node:fs";
import path from "node:path";
import { toHex } from "@netcourt/ledger";
import { describe, expect, it } from "vitest";
import {
  commitmentOf,
  decodeLeaf,
  encodeLeaf,
  encodeOpening,
  hashLeaf,
  type EventOpening,
} from "./ledger.leaves";

const DOC = path.resolve(import.meta.dirname, "../../../../../docs/ledger.md");
const text = fs.readFileSync(DOC, "utf8");

/** The block after `<!-- ledger-example <name> <part> -->`: a fenced block's body, or a `backticked` value. */
function example(name: string, part: "opening" | "entry" | "leafhash"): string {
  const marker = `<!-- ledger-example ${name} ${part} -->\n`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`docs/ledger.md has no ${name} ${part} example`);
  const rest = text.slice(at + marker.length);
  const fenced = /^```json\n(.*)\n```/.exec(rest);
  if (fenced) return fenced[1]!;
  const inline = /^[^`\n]*`([^`]+)`/.exec(rest);
  if (inline) return inline[1]!;
  throw new Error(`the ${name} ${part} example is not a code block`);
}

describe("docs/ledger.md's worked examples", () => {
  it.each(["deposit", "court_event", "evidence"])("match the code for a %s leaf", (name) => {
    const openingText = example(name, "opening");
    const entryText = example(name, "entry");
    // The opening is written canonically, and its hash is the leaf's commitment.
    expect(encodeOpening(JSON.parse(openingText) as EventOpening)).toBe(openingText);
    const leaf = decodeLeaf(new TextEncoder().encode(entryText));
    expect(leaf.type).toBe(name);
    expect(leaf.commitment).toBe(commitmentOf(openingText));
    // The entry is exactly what the sequencer writes, and the stated leaf hash is its RFC 9162 hash.
    expect(new TextDecoder().decode(encodeLeaf(leaf))).toBe(entryText);
    expect(toHex(hashLeaf(leaf))).toBe(example(name, "leafhash"));
  });

  it("lists every court event kind and configuration variable the code knows", async () => {
    const { courtEventKinds } = await import("./commands/append-court-event");
    for (const kind of courtEventKinds) expect(text).toContain(`\`${kind}\``);
    const config = fs.readFileSync(path.join(import.meta.dirname, "ledger.config.ts"), "utf8");
    for (const variable of new Set(config.match(/LEDGER_[A-Z_]+/g)))
      expect(text).toContain(`\`${variable}\``);
  });
});
