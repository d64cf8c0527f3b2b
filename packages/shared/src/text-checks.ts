/**
 * Characters no text field may hold. PostgreSQL cannot store U+0000 in `text` or `jsonb`, and an
 * unpaired UTF-16 surrogate has no UTF-8 encoding (RFC 3629 §3), so drivers silently replace it with
 * U+FFFD: the court would keep something other than what the party sent.
 */
export type TextIssue = "nul_character" | "lone_surrogate";

/** Cheap first pass: most text has neither NUL nor any surrogate at all. */
// eslint-disable-next-line no-control-regex -- NUL is the character looked for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The reason `value` cannot be stored as sent (NUL first), or null when it can. */
export function textIssue(value: string): TextIssue | null {
  if (!SUSPECT.test(value)) return null;
  if (value.includes("\u0000")) return "nul_character";
  return LONE_SURROGATE.test(value) ? "lone_surrogate" : null;
}
