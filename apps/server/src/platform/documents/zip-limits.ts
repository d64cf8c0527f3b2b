// Office documents are ZIP archives, and a ZIP archive can unpack to a thousand times its size (a
// "decompression bomb"). Nothing here trusts what the archive says about itself: the central directory is
// checked before any byte is inflated, and the inflating itself stops at the same cap.

import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from "fflate";

/** Caps on reading one untrusted document. */
export interface DocumentLimits {
  /** Entries in the archive; a .docx has a few dozen. */
  maxEntries: number;
  /** Bytes of all entries together once inflated. */
  maxUncompressedBytes: number;
  /** Inflated / compressed size of any entry larger than `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** The V8 heap of the worker that parses the document. */
  heapMb: number;
  /** Wall-clock time for one parse; the worker is terminated past it. */
  timeoutMs: number;
}

/**
 * The defaults: a long complaint with its pictures is far below them. Word's own XML compresses about 10:1
 * and rarely past 50:1, while a bomb is 1,000:1 (the limit of DEFLATE).
 */
export const defaultDocumentLimits: DocumentLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  heapMb: 256,
  timeoutMs: 20_000,
};

/** Why a document was refused; `kind` decides the HTTP answer (413, 422 or 400). */
export class DocumentRefusal extends Error {
  constructor(
    readonly kind: "too_large" | "too_complex" | "unreadable",
    /** A stable detail code, e.g. `uncompressed_too_large`, `too_many_entries`, `not_a_zip`. */
    readonly reason: string,
    readonly params: Record<string, number> = {},
  ) {
    super(`${kind}: ${reason}`);
    this.name = "DocumentRefusal";
  }
}

/** Lists the archive's entries from its central directory without inflating any; throws DocumentRefusal. */
export function inspectZip(bytes: Uint8Array, limits: DocumentLimits): void {
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter(entry) {
        entries += 1;
        if (entries > limits.maxEntries)
          throw new DocumentRefusal("too_complex", "too_many_entries", { maxEntries: limits.maxEntries });
        declared += entry.originalSize;
        if (declared > limits.maxUncompressedBytes)
          throw new DocumentRefusal("too_large", "uncompressed_too_large", {
            maxUncompressedBytes: limits.maxUncompressedBytes,
          });
        if (
          entry.originalSize > limits.ratioFloorBytes &&
          entry.originalSize > limits.maxCompressionRatio * Math.max(entry.size, 1)
        )
          throw new DocumentRefusal("too_complex", "compression_ratio", {
            maxCompressionRatio: limits.maxCompressionRatio,
          });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof DocumentRefusal) throw error;
    throw new DocumentRefusal("unreadable", "not_a_zip");
  }
  if (entries === 0) throw new DocumentRefusal("unreadable", "empty_archive");
}

// Small pieces bound what one push can inflate past the cap (DEFLATE expands at most ~1,032 times).
const PUSH_BYTES = 8 * 1024;

/**
 * Inflates every entry while counting the bytes that come out, and stops at the cap whatever the headers
 * declared. Returns the entries by name; throws DocumentRefusal.
 */
export function inflateZip(bytes: Uint8Array, limits: DocumentLimits): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.maxEntries)
      throw new DocumentRefusal("too_complex", "too_many_entries", { maxEntries: limits.maxEntries });
    const chunks: Uint8Array[] = [];
    let entryBytes = 0;
    file.ondata = (error, chunk, final) => {
      // fflate hands a throw from this callback back to it as `error`: keep the refusal as it was.
      if (error instanceof DocumentRefusal) throw error;
      if (error) throw new DocumentRefusal("unreadable", "corrupt_entry");
      entryBytes += chunk.length;
      total += chunk.length;
      if (total > limits.maxUncompressedBytes)
        throw new DocumentRefusal("too_large", "uncompressed_too_large", {
          maxUncompressedBytes: limits.maxUncompressedBytes,
        });
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, entryBytes));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let offset = 0; offset < bytes.length; offset += PUSH_BYTES) {
      unzip.push(bytes.subarray(offset, offset + PUSH_BYTES), offset + PUSH_BYTES >= bytes.length);
    }
  } catch (error) {
    if (error instanceof DocumentRefusal) throw error;
    throw new DocumentRefusal("unreadable", "corrupt_archive");
  }
  if (files.size === 0) throw new DocumentRefusal("unreadable", "empty_archive");
  return files;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
