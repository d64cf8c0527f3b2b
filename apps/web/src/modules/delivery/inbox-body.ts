/** A piece of a message's text: words, or a code (查询码, 案号) that is shown whole on one line. */
export interface BodyPart {
  text: string;
  isCode: boolean;
}

/** The params of an inbox message that carry codes a reader copies or reads out whole. */
const codeParams = ["queryCode", "caseNumber"] as const;

/**
 * Splits a message's text at the codes its params carry, so the screen can keep each code on one
 * line (a query code broken across lines is misread and mistyped).
 */
export function bodyParts(body: string, params: Record<string, unknown>): BodyPart[] {
  const codes = codeParams
    .map((name) => params[name])
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    // The longer first, so a code that contains another is kept whole.
    .sort((a, b) => b.length - a.length);
  if (codes.length === 0 || body === "") return body === "" ? [] : [{ text: body, isCode: false }];
  const pattern = new RegExp(`(${codes.map(escapeForRegExp).join("|")})`, "g");
  return body
    .split(pattern)
    .filter((text) => text !== "")
    .map((text) => ({ text, isCode: codes.includes(text) }));
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
