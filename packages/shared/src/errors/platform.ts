import type { ErrorDefinition } from "./types";

/** Errors of the technical platform: input, authentication, files, limits. */
export const platformErrors = {
  /** The request did not satisfy the schema; `details` lists every issue with its field path. */
  validation_failed: { status: 400, zh: "请求内容不符合要求", en: "The request is invalid" },
  /** The body is not parseable JSON. */
  malformed_json: { status: 400, zh: "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
  /** The body exceeds the size limit of the endpoint. */
  payload_too_large: { status: 413, zh: "请求内容过大", en: "The request body is too large" },
  /** The Content-Type is not accepted by the endpoint. */
  unsupported_media_type: { status: 415, zh: "不支持的内容类型", en: "Unsupported content type" },
  /** No route matches the method and path. */
  route_not_found: { status: 404, zh: "请求的地址不存在", en: "No such endpoint" },
  /** The route exists but not with this method. */
  method_not_allowed: { status: 405, zh: "不支持该请求方法", en: "Method not allowed" },
  /** Signing in is required. */
  authentication_required: { status: 401, zh: "请先登录", en: "Please sign in" },
  /** The session expired or was revoked. */
  session_expired: {
    status: 401,
    zh: "登录已过期，请重新登录",
    en: "Your session has expired; please sign in again",
  },
  /** A state-changing request lacks the CSRF token of the session. */
  csrf_token_invalid: {
    status: 403,
    zh: "请求校验失败，请刷新页面后重试",
    en: "Request verification failed; reload the page and try again",
  },
  /** The caller may see the record but not do this. */
  forbidden: { status: 403, zh: "无权执行该操作", en: "You are not allowed to do this" },
  /** Too many attempts; try again later. */
  rate_limited: {
    status: 429,
    zh: "尝试次数过多，请稍后再试",
    en: "Too many attempts; please try again later",
  },
  /** A uniqueness rule was violated by a concurrent or repeated request. */
  conflict: { status: 409, zh: "与现有数据冲突", en: "This conflicts with existing data" },
  /** The uploaded file's content is not one of the accepted types. */
  file_type_not_allowed: {
    status: 415,
    zh: "不支持该文件类型（允许 PDF、图片、音频、视频、DOCX、TXT、ZIP）",
    en: "File type not allowed (PDF, images, audio, video, DOCX, TXT, ZIP)",
  },
  /** The file's content does not match the type its name or declared type claims. */
  file_type_mismatch: {
    status: 415,
    zh: "文件内容与其声明的类型不符",
    en: "The file content does not match its declared type",
  },
  /** The file name is empty, too long or contains path separators or control characters. */
  file_name_invalid: { status: 400, zh: "文件名无效", en: "Invalid file name" },
  /** The file is larger than allowed. */
  file_too_large: { status: 413, zh: "文件过大", en: "The file is too large" },
  /** The file is empty. */
  file_empty: { status: 400, zh: "文件为空", en: "The file is empty" },
  /** The referenced file does not exist or is not visible. */
  file_not_found: { status: 404, zh: "文件不存在", en: "File not found" },
  /** A multipart request had no file part. */
  file_missing: { status: 400, zh: "缺少上传的文件", en: "No file was uploaded" },
  /** A multipart body could not be read (no or wrong boundary, missing closing boundary, bad line ends). */
  multipart_invalid: {
    status: 400,
    zh: "上传的表单数据格式不正确，请重新上传",
    en: "The upload is not a well-formed multipart form; please upload again",
  },
  /** A text field holds a NUL character or an unpaired UTF-16 surrogate; `details[].path` names the field. */
  text_invalid: {
    status: 400,
    zh: "文字内容含有不允许的字符",
    en: "The text contains characters that are not allowed",
  },
  /** A document is too large when unpacked, too deeply nested, or took too long to read. */
  document_too_complex: {
    status: 422,
    zh: "文档过大或结构过于复杂，无法读取",
    en: "The document is too large or too complex to read",
  },
  /** Too many failures from this network address: solve the attached proof-of-work challenge and retry. */
  challenge_required: {
    status: 429,
    zh: "该网络的失败尝试过多，请完成验证后重试",
    en: "Too many failed attempts from this network; complete the check and try again",
  },
  /** The server is shutting down or not ready. */
  service_unavailable: { status: 503, zh: "服务暂不可用，请稍后再试", en: "Service temporarily unavailable" },
  /** An external system (payment, SMS, verification) failed. */
  upstream_failed: { status: 502, zh: "外部系统暂不可用", en: "An external system is unavailable" },
  /** Unexpected failure; the log has the details under the request id. */
  internal_error: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
} as const satisfies Record<string, ErrorDefinition>;
