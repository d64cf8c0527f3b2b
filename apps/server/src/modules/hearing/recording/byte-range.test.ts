import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseByteRange, sliceStream } from "./byte-range";

describe("byte ranges", () => {
  it.each([
    [undefined, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=990-2000", { start: 990, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=5-2", "unsatisfiable"],
    ["bytes=0-1,5-6", null],
    ["items=0-1", null],
  ] as const)("reads %s of a 1000-byte file", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it("cuts the bytes asked for out of a stream of several chunks", async () => {
    const source = Readable.from([Buffer.from("abcde"), Buffer.from("fghij"), Buffer.from("klmno")]);
    const parts: Buffer[] = [];
    for await (const part of sliceStream(source, 3, 11)) parts.push(part as Buffer);
    expect(Buffer.concat(parts).toString()).toBe("defghijkl");
  });
});
