import type { ErrorBody, ErrorDetail } from "@netcourt/shared";
import { currentLocale } from "./i18n";

/** The cookie that holds the session's CSRF token (readable by scripts, SameSite=Strict). */
export const CSRF_COOKIE = "nc_csrf";
const CSRF_HEADER = "x-csrf-token";

/** A failed API call: the one error body of the server, or a client-side failure (status 0). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server was not reached. */
    readonly status: number,
    /** Stable error code (`errors` namespace of the catalogs). */
    readonly code: string,
    /** The server's message, already in the request's language. */
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId: string | null = null,
    /** Seconds to wait before retrying, from a 429's Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The field problems, keyed by field path without the `body.` / `querystring.` prefix. */
  fieldDetails(): ErrorDetail[] {
    return this.details.filter((detail) => typeof detail.path === "string" && detail.path !== "");
  }
}

/** True when `error` is an ApiError, optionally with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Reads a cookie visible to scripts; null when absent. */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** A JSON body, or FormData for multipart uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (a solved sign-in challenge). */
  headers?: Record<string, string>;
}

type Listener = (error: ApiError) => void;
const errorListeners = new Set<Listener>();

/** Calls `listener` on every failed API call (the session context uses it to notice a lost session). */
export function onApiError(listener: Listener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorBody).error === "string" &&
    typeof (value as ErrorBody).message === "string"
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!isErrorBody(body)) {
    return new ApiError(
      response.status,
      "invalid_response",
      response.statusText,
      [],
      null,
      retryAfterSeconds,
    );
  }
  return new ApiError(
    response.status,
    body.error,
    body.message,
    Array.isArray(body.details) ? body.details : [],
    body.requestId ?? response.headers.get("x-request-id"),
    retryAfterSeconds,
  );
}

/**
 * Calls the netcourt API: sends the language, JSON (or multipart) and, on state-changing requests,
 * the CSRF token from the `nc_csrf` cookie. Resolves with the parsed JSON (undefined for 204) or
 * rejects with an ApiError carrying the error body.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const locale = currentLocale();
  const headers = new Headers({ accept: "application/json", "accept-language": locale, "x-locale": locale });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && method !== "HEAD") {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers.set(CSRF_HEADER, token);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    const failure = new ApiError(0, "network_unreachable", String(error));
    errorListeners.forEach((listener) => listener(failure));
    throw failure;
  }

  if (!response.ok) {
    const failure = await toApiError(response);
    errorListeners.forEach((listener) => listener(failure));
    throw failure;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, "invalid_response", "response is not JSON");
  }
}

/** Shorthands over apiRequest. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, "body">) => apiRequest<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("POST", path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("PATCH", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("PUT", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>("DELETE", path, options),
  /** Multipart upload: text fields first (the server reads them before the file), then the file. */
  upload: <T>(
    path: string,
    fields: Record<string, string>,
    file: Blob,
    fileName: string,
    options?: RequestOptions,
  ) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append("file", file, fileName);
    return apiRequest<T>("POST", path, { ...options, body: form });
  },
};
