import { errorCatalog, type ErrorCode, type ErrorDetail } from "@netcourt/shared";

/**
 * The one error type commands throw. The HTTP layer turns it into the error body;
 * the code decides the status (STYLE.md: out of scope 404, forbidden 403, illegal transition 409).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, details: ErrorDetail[] = [], options?: { cause?: unknown }) {
    super(errorCatalog[code].en, options);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/** True for an AppError with the given code (or any AppError when no code is given). */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
