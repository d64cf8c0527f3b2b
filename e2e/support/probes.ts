import type { Page } from "playwright-core";

/**
 * True when the server routes `method path` (any answer but the platform's `route_not_found`), so a
 * journey over an endpoint that another context has not shipped yet can say so instead of failing.
 */
export async function endpointExists(baseUrl: string, method: string, path: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: method === "GET" ? undefined : "{}",
  });
  if (response.status !== 404) return true;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error !== "route_not_found";
}

/** The focused element as `tag#text` (trimmed text), to check where focus went after navigation. */
export async function focusedElement(page: Page): Promise<{ tag: string; text: string }> {
  // A string runs in the page; this file is type-checked without the DOM library.
  return page.evaluate<{ tag: string; text: string }>(
    `({ tag: document.activeElement?.tagName.toLowerCase() ?? "", text: (document.activeElement?.textContent ?? "").trim() })`,
  );
}
