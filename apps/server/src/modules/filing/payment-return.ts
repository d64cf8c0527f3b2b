/**
 * Where a payer returns to from the cashier: the site at the origin the payment was started from when
 * the site is served there, else PUBLIC_URL (a path prefix of PUBLIC_URL is kept). A browser keeps the
 * session cookie per origin, so a payer sent to another name of the same site would arrive signed out;
 * an origin the site is not served at would send the payer (and the case id in the return URL)
 * elsewhere, so it is never used.
 */
export function paymentReturnBase(
  requested: string | null | undefined,
  config: { publicUrl: string; allowedOrigins: readonly string[] },
): string {
  const publicUrl = new URL(config.publicUrl);
  const prefix = publicUrl.pathname.replace(/\/+$/, "");
  let origin = publicUrl.origin;
  if (requested) {
    try {
      const candidate = new URL(requested).origin;
      if (config.allowedOrigins.includes(candidate)) origin = candidate;
    } catch {
      // not a URL (e.g. the "null" origin of a sandboxed page): PUBLIC_URL
    }
  }
  return `${origin}${prefix}`;
}
