import type { Readable } from "node:stream";
import type { Multipart } from "@fastify/multipart";
import type { ErrorCode } from "@netcourt/shared";
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";

/** What one multipart endpoint accepts: some text fields and exactly one file. */
export interface MultipartSpec {
  /** Names of the text fields; any other field is refused. */
  fields: readonly string[];
  /** The file part's field name and the largest file accepted, in bytes. */
  file: { field: string; maxBytes: number };
}

/** The file part as it arrives: its stream must be consumed (or left to the helper to drain). */
export interface MultipartFile {
  fileName: string;
  mediaType: string;
  stream: Readable;
  /** The text fields sent before the file. */
  fields: Readonly<Record<string, string>>;
}

export interface MultipartHandlers<T> {
  /** Consumes the file (stages it, runs the command); its errors pass through unchanged. */
  onFile(file: MultipartFile): Promise<T>;
  /** Undoes `onFile`'s result when a later part turns out to be bad. */
  discard?(result: T): Promise<void>;
}

// Codes of @fastify/multipart for limits and parser failures; everything else the parser (busboy) throws
// is a body that is not well-formed multipart.
const pluginCodes: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: "file_too_large",
  FST_PARTS_LIMIT: "payload_too_large",
  FST_FILES_LIMIT: "payload_too_large",
  FST_FIELDS_LIMIT: "payload_too_large",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "unsupported_media_type",
};

/**
 * Reads a multipart request by `spec`: checks every text field (known name, whole, no NUL or lone
 * surrogate), hands the one file to `onFile`, then reads the rest. A body that busboy cannot parse is
 * `multipart_invalid`; a file over `maxBytes` is `file_too_large`. Throws also `unsupported_media_type`,
 * `payload_too_large`, `text_invalid`, `validation_failed`, `file_missing`.
 */
export async function readMultipart<T>(
  request: FastifyRequest,
  spec: MultipartSpec,
  handlers: MultipartHandlers<T>,
): Promise<{ fields: Record<string, string>; file: T }> {
  if (!request.isMultipart()) throw new AppError("unsupported_media_type");
  const fields: Record<string, string> = {};
  let result: { value: T } | undefined;
  let stream: Readable | undefined;
  try {
    let parts: AsyncIterator<Multipart>;
    try {
      // One byte over the limit lets the size be counted instead of the stream being cut short unseen.
      const limits = { fileSize: spec.file.maxBytes + 1, files: 1 };
      parts = request.parts({ limits })[Symbol.asyncIterator]();
    } catch (error) {
      throw fromParser(error, spec);
    }
    for (;;) {
      let next: IteratorResult<Multipart>;
      try {
        next = await parts.next();
      } catch (error) {
        throw fromParser(error, spec);
      }
      if (next.done) break;
      const part = next.value;
      if (part.type === "file") {
        if (part.fieldname !== spec.file.field || result) {
          part.file.resume();
          throw new AppError("validation_failed", [
            { path: part.fieldname, code: "unknown_part", message: spec.file.field },
          ]);
        }
        stream = part.file;
        assertCleanText("fileName", part.filename);
        try {
          result = {
            value: await handlers.onFile({
              fileName: part.filename,
              mediaType: part.mimetype,
              stream: part.file,
              fields: { ...fields },
            }),
          };
        } catch (error) {
          // The file stream fails with the parser's error when the body breaks off mid-file.
          if (error !== null && error === part.file.errored) throw fromParser(error, spec);
          throw error;
        }
        part.file.resume();
      } else {
        if (!spec.fields.includes(part.fieldname)) {
          throw new AppError("validation_failed", [
            { path: part.fieldname, code: "unrecognized_keys", message: "field" },
          ]);
        }
        const value = typeof part.value === "string" ? part.value : String(part.value);
        if (part.valueTruncated) {
          throw new AppError("validation_failed", [
            { path: part.fieldname, code: "too_big", message: "field too long" },
          ]);
        }
        assertCleanText(part.fieldname, value);
        fields[part.fieldname] = value;
      }
    }
    if (!result) throw new AppError("file_missing");
    return { fields, file: result.value };
  } catch (error) {
    stream?.resume();
    if (result && handlers.discard) await handlers.discard(result.value);
    throw error;
  }
}

/**
 * Reads a file part into memory, up to `maxBytes`. Throws `file_too_large`, also when an upstream limit
 * cut the stream short.
 */
export async function readFileToBuffer(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(buffer);
  }
  if ((stream as Readable & { truncated?: boolean }).truncated === true) throw tooLarge(maxBytes);
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("file_too_large", [
    { code: "max_bytes", message: String(maxBytes), params: { maxBytes } },
  ]);
}

function fromParser(error: unknown, spec: MultipartSpec): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const mapped = typeof code === "string" ? pluginCodes[code] : undefined;
  if (mapped === "file_too_large") return tooLarge(spec.file.maxBytes);
  const message = error instanceof Error ? error.message : "unreadable multipart body";
  return new AppError(
    mapped ?? "multipart_invalid",
    [{ code: typeof code === "string" ? code : "parse", message }],
    {
      cause: error,
    },
  );
}

// A NUL ends strings in C libraries and PostgreSQL text refuses it; a lone surrogate cannot be stored as
// UTF-8. Either would fail later, far from the field that caused it.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function assertCleanText(path: string, value: string): void {
  if (NUL.test(value))
    throw new AppError("text_invalid", [{ path, code: "nul_character", message: "NUL character" }]);
  if (LONE_SURROGATE.test(value))
    throw new AppError("text_invalid", [{ path, code: "lone_surrogate", message: "unpaired surrogate" }]);
}
