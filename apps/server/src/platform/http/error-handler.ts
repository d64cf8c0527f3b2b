import {
  errorCatalog,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetail,
  type Locale,
} from "@netcourt/shared";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../errors";
import { fromDriverError } from "../db/transaction";

/** Fastify's own error codes for things the client got wrong, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "malformed_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
  FST_ERR_CTP_INVALID_TYPE: "unsupported_media_type",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "unsupported_media_type",
  FST_REQ_FILE_TOO_LARGE: "file_too_large",
  FST_PARTS_LIMIT: "payload_too_large",
  FST_FILES_LIMIT: "payload_too_large",
  FST_FIELDS_LIMIT: "payload_too_large",
  FST_PROTO_VIOLATION: "validation_failed",
  FST_MP_PREMATURE_CLOSE: "multipart_invalid",
  FST_INVALID_JSON_FIELD_ERROR: "multipart_invalid",
  FST_ERR_VALIDATION: "validation_failed",
  FST_ERR_BAD_URL: "validation_failed",
  FST_ERR_ASYNC_CONSTRAINT: "validation_failed",
};

/** Builds the one error body (STYLE.md) in the request's language. */
export function errorBody(
  code: ErrorCode,
  locale: Locale,
  requestId: string,
  details: ErrorDetail[] = [],
): ErrorBody {
  const definition = errorCatalog[code];
  return { error: code, message: locale === "en" ? definition.en : definition.zh, details, requestId };
}

/** The single error handler: client mistakes become 4xx with a stable code; the rest a logged 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const locale = request.locale ?? "zh-CN";
  const send = (code: ErrorCode, details: ErrorDetail[] = []) => {
    const status = errorCatalog[code].status;
    if (code === "rate_limited") {
      const seconds = details.find((d) => d.code === "retry_after")?.params?.retryAfterSeconds;
      if (typeof seconds === "number") void reply.header("retry-after", String(seconds));
    }
    void reply.status(status).send(errorBody(code, locale, request.id, details));
  };

  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path:
        issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
        (issue.params as { issue?: { path?: unknown[] } }).issue?.path?.join(".") ||
        "",
      code: issue.keyword,
      message: issue.message ?? "invalid",
    }));
    const where = error.validationContext;
    send(
      "validation_failed",
      details.map((d) => ({ ...d, path: where ? `${where}${d.path ? "." + d.path : ""}` : d.path })),
    );
    return;
  }
  const converted = fromDriverError(error);
  if (converted instanceof AppError) {
    if (converted.status >= 500) request.log.error({ err: converted.cause ?? converted }, converted.message);
    send(converted.code, converted.details);
    return;
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, "response does not match its schema");
    send("internal_error");
    return;
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) {
    send(mapped, [{ code: fastifyError.code ?? "", message: fastifyError.message ?? "" }]);
    return;
  }
  const status = typeof fastifyError.statusCode === "number" ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 404
        ? "route_not_found"
        : status === 405
          ? "method_not_allowed"
          : status === 413
            ? "payload_too_large"
            : status === 415
              ? "unsupported_media_type"
              : status === 429
                ? "rate_limited"
                : "validation_failed";
    send(code, [{ code: fastifyError.code ?? "client_error", message: fastifyError.message ?? "" }]);
    return;
  }
  request.log.error({ err: error }, "unexpected error");
  send("internal_error");
}
