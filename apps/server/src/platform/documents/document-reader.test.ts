import { Document, Packer, Paragraph } from "docx";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { DocumentUnreadableError, readDocumentText } from "./document-reader";

const CONTENT_TYPES = new TextEncoder().encode('<?xml version="1.0"?><Types/>');

async function buildDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
  });
  return Packer.toBuffer(document);
}

/** A real archive whose document.xml is `size` bytes of one repeated letter: it deflates ~1,000:1. */
function buildBomb(size: number): Uint8Array {
  return zipSync(
    { "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": new Uint8Array(size).fill(0x41) },
    { level: 1 },
  );
}

/**
 * Rewrites every declared uncompressed size (local headers and central directory) to `declared`: the
 * archive lies about itself, as a hostile one would.
 */
function lieAboutSizes(zip: Uint8Array, declared: number): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, declared, true);
    else if (signature === 0x02014b50) view.setUint32(at + 24, declared, true);
  }
  return bytes;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readDocumentText", () => {
  it("reads the text of an ordinary .docx", async () => {
    const text = await readDocumentText(await buildDocx(["民事起诉状", "原告：张敏"]), { kind: "docx" });
    expect(text).toContain("民事起诉状");
    expect(text).toContain("原告：张敏");
  });

  it("refuses a bomb by its declared size before inflating anything (413)", async () => {
    const bomb = buildBomb(8 * 1024 * 1024);
    const started = performance.now();
    const error = await refusal(
      readDocumentText(bomb, { kind: "docx", limits: { maxUncompressedBytes: 4 * 1024 * 1024 } }),
    );
    expect(error.code).toBe("file_too_large");
    expect(error.status).toBe(413);
    expect(error.details[0]?.code).toBe("uncompressed_too_large");
    // No worker was needed to see it.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stops inflating at the cap when the archive understates its sizes (413)", async () => {
    const bomb = lieAboutSizes(buildBomb(8 * 1024 * 1024), 1000);
    const error = await refusal(
      readDocumentText(bomb, { kind: "docx", limits: { maxUncompressedBytes: 4 * 1024 * 1024 } }),
    );
    expect(error.code).toBe("file_too_large");
    expect(error.details[0]?.code).toBe("uncompressed_too_large");
  });

  it("refuses an entry compressed like a bomb even under the size cap (422)", async () => {
    const error = await refusal(readDocumentText(buildBomb(4 * 1024 * 1024), { kind: "docx" }));
    expect(error.code).toBe("document_too_complex");
    expect(error.status).toBe(422);
    expect(error.details[0]?.code).toBe("compression_ratio");
  });

  it("refuses an archive of too many entries (422)", async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 1001 }, (_, i) => [`word/media/${i}.xml`, new Uint8Array(1)]),
    );
    const error = await refusal(readDocumentText(zipSync(entries), { kind: "docx" }));
    expect(error.code).toBe("document_too_complex");
    expect(error.details[0]?.code).toBe("too_many_entries");
  });

  it("ends a parse that outlives its deadline (422)", async () => {
    const docx = await buildDocx(["原告：张敏"]);
    const error = await refusal(readDocumentText(docx, { kind: "docx", limits: { timeoutMs: 1 } }));
    expect(error.code).toBe("document_too_complex");
    expect(error.details[0]?.code).toBe("timeout");
  });

  it("ends a parse that exhausts its heap, and the next document is read again (422)", async () => {
    // 200,000 paragraphs: a few megabytes of XML that the parser turns into far more objects than 16 MB hold.
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      "<w:p><w:r><w:t>证据</w:t></w:r></w:p>".repeat(200_000) +
      "</w:body></w:document>";
    const heavy = zipSync({
      "[Content_Types].xml": CONTENT_TYPES,
      "word/document.xml": new TextEncoder().encode(xml),
    });
    const error = await refusal(
      readDocumentText(heavy, {
        kind: "docx",
        limits: { heapMb: 16, maxCompressionRatio: 10_000, timeoutMs: 60_000 },
      }),
    );
    expect(error.code).toBe("document_too_complex");
    expect(error.details[0]?.code).toBe("heap_exhausted");
    expect(await readDocumentText(await buildDocx(["答辩状"]), { kind: "docx" })).toContain("答辩状");
  });

  it.each([
    ["bytes that are no archive", new TextEncoder().encode("原告：张敏")],
    ["an archive without a document", zipSync({ "readme.txt": new TextEncoder().encode("hello") })],
  ])("calls %s unreadable", async (_name, bytes) => {
    await expect(readDocumentText(bytes, { kind: "docx" })).rejects.toBeInstanceOf(DocumentUnreadableError);
  });

  it("keeps the event loop free while a document is inflated", async () => {
    const bomb = lieAboutSizes(buildBomb(48 * 1024 * 1024), 1000);
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const interval = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 5);
    try {
      const error = await refusal(
        readDocumentText(bomb, { kind: "docx", limits: { maxUncompressedBytes: 32 * 1024 * 1024 } }),
      );
      expect(error.code).toBe("file_too_large");
    } finally {
      clearInterval(interval);
    }
    expect(ticks).toBeGreaterThan(0);
    // Inflating 32 MB on this thread would stall it for seconds.
    expect(longestGap).toBeLessThan(1000);
  });
});
