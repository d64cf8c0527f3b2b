/** One error code's HTTP status and its message in both languages. */
export interface ErrorDefinition {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 500 | 502 | 503;
  zh: string;
  en: string;
}

/** One error body everywhere (STYLE.md). */
export interface ErrorBody {
  error: string;
  message: string;
  details: ErrorDetail[];
  requestId: string;
}

/** One problem with one field of the input, or a domain detail. */
export interface ErrorDetail {
  path?: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}
