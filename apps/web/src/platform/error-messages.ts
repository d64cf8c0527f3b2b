import type { ErrorDetail } from "@netcourt/shared";
import type { FormInstance } from "antd";
import { ApiError } from "./api-client";
import { i18next } from "./i18n";

// Error codes are open-ended (each context adds its own), so these lookups use keys built at run
// time; i18next falls back along the list and finally to the server's localized message.
function translate(keys: string[], defaultValue: string): string {
  return i18next.t(keys, { defaultValue });
}

/** The message to show for a failed call: the catalog's text for the code, else the server's message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return translate([`errors:${error.code}`], error.message);
  return translate(["errors:internal_error"], String(error));
}

/**
 * The message for one field problem, most specific first: the context's `checks.<field>.<reason>`
 * or `checks.<reason>` (when a namespace is given), a generic validator code, a domain error code (the detail's own or the
 * one in `params.error`), and finally the server's text.
 */
export function detailMessage(detail: ErrorDetail, namespace?: string): string {
  const field = detail.path ? fieldPath(detail.path).join(".") : "";
  const keys = [
    ...(namespace && field ? [`${namespace}:checks.${field}.${detail.code}`] : []),
    ...(namespace ? [`${namespace}:checks.${detail.code}`] : []),
    `common:fieldErrors.${detail.code}`,
    `errors:${detail.code}`,
    ...(typeof detail.params?.error === "string" ? [`errors:${detail.params.error}`] : []),
  ];
  return translate(keys, detail.message);
}

const LOCATION_PREFIX = /^(body|querystring|params|headers)\.?/;

/** The form field a detail's path names: `body.idNumber` → ["idNumber"], `a.0.b` → ["a", 0, "b"]. */
export function fieldPath(path: string): (string | number)[] {
  return path
    .replace(LOCATION_PREFIX, "")
    .split(".")
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the error's field problems on the form fields they name and focuses the first one.
 * Returns the problems that name no field of this form, to show above the form.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, namespace?: string): ErrorDetail[] {
  if (!(error instanceof ApiError)) return [];
  const registered = form.getFieldsValue() as Record<string, unknown>;
  const unmatched: ErrorDetail[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const detail of error.details) {
    const name = detail.path ? fieldPath(detail.path) : [];
    const head = name[0];
    if (head === undefined || !Object.hasOwn(registered, head)) {
      unmatched.push(detail);
      continue;
    }
    const existing = fields.find((field) => field.name.join(".") === name.join("."));
    if (existing) existing.errors.push(detailMessage(detail, namespace));
    else fields.push({ name, errors: [detailMessage(detail, namespace)] });
  }
  if (fields.length > 0) {
    form.setFields(fields);
    form.scrollToField(fields[0]!.name, { focus: true, block: "center" });
  }
  return unmatched;
}
