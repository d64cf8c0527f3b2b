import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../errors";

/** The accepted kinds of files (issue: PDF, images, audio, video, DOCX, TXT, ZIP) by sniffed media type. */
const allowed: Record<string, { family: string; extensions: string[] }> = {
  "application/pdf": { family: "pdf", extensions: ["pdf"] },
  "image/png": { family: "image", extensions: ["png"] },
  "image/jpeg": { family: "image", extensions: ["jpg", "jpeg"] },
  "image/gif": { family: "image", extensions: ["gif"] },
  "image/webp": { family: "image", extensions: ["webp"] },
  "image/heic": { family: "image", extensions: ["heic"] },
  "audio/mpeg": { family: "audio", extensions: ["mp3"] },
  "audio/wav": { family: "audio", extensions: ["wav"] },
  "audio/x-wav": { family: "audio", extensions: ["wav"] },
  "audio/vnd.wave": { family: "audio", extensions: ["wav"] },
  "audio/ogg": { family: "audio", extensions: ["ogg", "oga", "opus"] },
  "audio/opus": { family: "audio", extensions: ["opus", "ogg"] },
  "audio/aac": { family: "audio", extensions: ["aac"] },
  "audio/x-m4a": { family: "audio", extensions: ["m4a"] },
  "audio/mp4": { family: "audio", extensions: ["m4a", "mp4"] },
  "video/mp4": { family: "video", extensions: ["mp4", "m4v"] },
  "video/webm": { family: "video", extensions: ["webm"] },
  "video/quicktime": { family: "video", extensions: ["mov"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    family: "docx",
    extensions: ["docx"],
  },
  "text/plain": { family: "text", extensions: ["txt"] },
  "application/zip": { family: "zip", extensions: ["zip"] },
};

export interface SniffedType {
  mediaType: string;
  family: string;
}

const MAX_NAME_LENGTH = 200;

/**
 * Validates a client-supplied file name: no path separators, no `..`, no control characters, a sane
 * length. Returns the trimmed name; throws `file_name_invalid`.
 */
export function validateFileName(name: string): string {
  const trimmed = name.normalize("NFC").trim();
  // eslint-disable-next-line no-control-regex
  const hasControl = /[\u0000-\u001f\u007f]/.test(trimmed);
  if (
    trimmed.length === 0 ||
    trimmed.length > MAX_NAME_LENGTH ||
    hasControl ||
    /[/\\]/.test(trimmed) ||
    trimmed === "." ||
    trimmed.includes("..") ||
    /^[A-Za-z]:/.test(trimmed)
  ) {
    throw new AppError("file_name_invalid", [
      { path: "fileName", code: "file_name_invalid", message: "invalid file name" },
    ]);
  }
  return trimmed;
}

/**
 * Decides a file's type from its content, never from its name, and checks the name's extension agrees.
 * Throws `file_type_not_allowed` or `file_type_mismatch`.
 */
export async function sniffFileType(head: Uint8Array, fileName: string, size: number): Promise<SniffedType> {
  if (size === 0) throw new AppError("file_empty");
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const detected = await fileTypeFromBuffer(head);
  let mediaType: string;
  if (detected) {
    mediaType = detected.mime;
  } else if (looksLikeUtf8Text(head)) {
    mediaType = "text/plain";
  } else {
    throw new AppError("file_type_not_allowed");
  }
  const entry = allowed[mediaType];
  if (!entry) throw new AppError("file_type_not_allowed", [{ code: "detected", message: mediaType }]);
  if (!entry.extensions.includes(extension)) {
    throw new AppError("file_type_mismatch", [
      {
        path: "fileName",
        code: "extension",
        message: `.${extension} vs ${mediaType}`,
        params: { extension, mediaType },
      },
    ]);
  }
  return { mediaType, family: entry.family };
}

/** UTF-8 without NUL bytes; the head may end in the middle of a character. */
function looksLikeUtf8Text(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  // Allow a multi-byte sequence cut at the end of the sniffed head.
  for (let cut = 0; cut <= 3 && cut < head.length; cut += 1) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}
