import type { ErrorDetail } from "@netcourt/shared";
import { textIssue, type TextIssue } from "@netcourt/shared/text-checks";
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { AppError } from "../errors";

/** More issues than this add nothing a client could act on. */
const MAX_ISSUES = 20;
/** A key quoted in a path is cut here (a 100,000-character key must not come back whole). */
const MAX_KEY_IN_PATH = 100;
/** What sessions keep of a User-Agent (platform/auth/sessions.ts stores 500 characters). */
const MAX_USER_AGENT = 500;

// eslint-disable-next-line no-control-regex -- NUL is the character refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Controls other than tab, and DEL: a User-Agent is shown to the account holder and in audit views.
// eslint-disable-next-line no-control-regex
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const messages: Record<TextIssue, { zh: string; en: string }> = {
  nul_character: { zh: "含有空字符（U+0000）", en: "contains a NUL character (U+0000)" },
  lone_surrogate: {
    zh: "含有无法编码的字符（未配对的代理项）",
    en: "contains a character that cannot be encoded (an unpaired surrogate)",
  },
};

/** A key as it may appear in a detail's path: storable and short. */
function pathKey(key: string): string {
  const clean = key.replace(UNSTORABLE, "\uFFFD");
  return clean.length > MAX_KEY_IN_PATH ? `${clean.slice(0, MAX_KEY_IN_PATH)}…` : clean;
}

/**
 * Objects as JSON and query-string parsers build them (plain, or dictionaries whose prototype has no
 * prototype); Buffers, streams and files are not walked.
 */
function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/**
 * Every string (values and object keys) in `root` that holds a NUL or a lone surrogate, with its
 * dotted path under `location`. Walks with its own stack, so nesting as deep as a body allows cannot
 * overflow the call stack.
 */
export function findUnstorableText(
  root: unknown,
  location: string,
  locale: "zh-CN" | "en" = "en",
): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const report = (path: string, issue: TextIssue) =>
    issues.push({ path, code: issue, message: locale === "en" ? messages[issue].en : messages[issue].zh });
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: location }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const issue = textIssue(value);
      if (issue) report(path, issue);
      continue;
    }
    if (!isWalkable(value)) continue;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    const children: Array<{ value: unknown; path: string }> = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) children.push({ value: value[i], path: at(String(i)) });
    } else {
      for (const key of Object.keys(value)) {
        const keyIssue = textIssue(key);
        if (keyIssue) report(at(pathKey(key)), keyIssue);
        children.push({ value: value[key], path: at(key) });
      }
    }
    // Reversed onto the stack, so issues come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return issues.slice(0, MAX_ISSUES);
}

/**
 * preValidation hook: refuses NUL characters and lone surrogates in the parsed body, query string and
 * path parameters of every route, before any handler or database sees them (`text_invalid`, 400,
 * every offending field named). Raw bodies kept as strings or bytes (signed webhooks) are left to their
 * own parsers. Also makes the User-Agent, which sessions store, printable and bounded.
 */
export function rejectUnstorableText(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const userAgent = request.headers["user-agent"];
  if (typeof userAgent === "string" && (userAgent.length > MAX_USER_AGENT || HEADER_CONTROL.test(userAgent)))
    request.headers["user-agent"] = userAgent
      .replace(new RegExp(HEADER_CONTROL, "g"), "")
      .slice(0, MAX_USER_AGENT);
  const locale = request.locale;
  const issues = [
    ...findUnstorableText(request.params, "params", locale),
    ...findUnstorableText(request.query, "querystring", locale),
    ...(isWalkable(request.body) ? findUnstorableText(request.body, "body", locale) : []),
  ];
  if (issues.length > 0) {
    done(new AppError("text_invalid", issues.slice(0, MAX_ISSUES)));
    return;
  }
  done();
}
