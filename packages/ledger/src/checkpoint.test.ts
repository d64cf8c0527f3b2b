import { describe, expect, it } from "vitest";
import { formatCheckpoint, parseCheckpoint } from "./checkpoint";
import { toBase64 } from "./encoding";
import { VECTOR } from "./test-support";

const ROOT = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

describe("checkpoints (c2sp.org/tlog-checkpoint)", () => {
  it("parses the vector checkpoint and formats it back identically", () => {
    const checkpoint = parseCheckpoint(VECTOR.checkpointText);
    expect(checkpoint).toMatchObject({ origin: VECTOR.logName, size: 8, extensions: [] });
    expect(toBase64(checkpoint.rootHash)).toBe(ROOT);
    expect(formatCheckpoint(checkpoint)).toBe(VECTOR.checkpointText);
  });

  it("keeps extension lines", () => {
    const text = `example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nx-ext one\nsecond\n`;
    expect(parseCheckpoint(text).extensions).toEqual(["x-ext one", "second"]);
    expect(formatCheckpoint(parseCheckpoint(text))).toBe(text);
  });

  it.each([
    ["a leading zero in the size", `o\n08\n${ROOT}\n`],
    ["a signed size", `o\n+8\n${ROOT}\n`],
    ["a size beyond 2^53 - 1", `o\n9007199254740992\n${ROOT}\n`],
    ["an empty origin", `\n8\n${ROOT}\n`],
    ["a missing root", `o\n8\n`],
    ["a 31-byte root", `o\n8\n${toBase64(new Uint8Array(31))}\n`],
    ["unpadded base64", `o\n8\n${ROOT.slice(0, -1)}\n`],
    ["an empty extension line", `o\n8\n${ROOT}\n\next\n`],
    ["no final newline", `o\n8\n${ROOT}`],
    ["a control character", `o\x01\n8\n${ROOT}\n`],
  ])("rejects a checkpoint with %s", (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(expect.objectContaining({ code: "malformed_checkpoint" }));
  });

  it("accepts size 0", () => {
    expect(parseCheckpoint(`o\n0\n${ROOT}\n`).size).toBe(0);
  });
});
