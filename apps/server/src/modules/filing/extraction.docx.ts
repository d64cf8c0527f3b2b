// Reads the text of a .docx complaint so the extraction rules can work on it.

import { DocumentUnreadableError, readDocumentText } from "../../platform";

/** Thrown when a file is not a readable .docx document. */
export class ComplaintDocumentError extends Error {
  readonly code = "extraction_input_invalid";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ComplaintDocumentError";
  }
}

// A .docx file is a ZIP archive: it starts with the local-file-header signature "PK\x03\x04".
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Returns the plain text of a .docx document, one paragraph per line, read by the platform's guarded
 * document reader. Throws ComplaintDocumentError (`extraction_input_invalid`) for anything that is not a
 * readable .docx, and the reader's `file_too_large` / `document_too_complex` for a decompression bomb.
 */
export async function readDocxText(buffer: Buffer): Promise<string> {
  if (buffer.length < 4 || ZIP_SIGNATURE.some((byte, i) => buffer[i] !== byte)) {
    throw new ComplaintDocumentError("Not a .docx document");
  }
  let value: string;
  try {
    value = await readDocumentText(buffer, { kind: "docx" });
  } catch (error) {
    if (error instanceof DocumentUnreadableError)
      throw new ComplaintDocumentError("The .docx document could not be read", { cause: error });
    throw error;
  }
  // mammoth ends every paragraph with a blank line; one line break per paragraph is enough.
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
