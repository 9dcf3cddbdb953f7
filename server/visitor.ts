// The anonymous visitor id: a random token in a first-party cookie, set by proxy.ts on the first
// page visit. It keys the guest cart and ties search (and later feed) events to one browser; on
// sign-in the guest cart merges into the account's.
const COOKIE = "mall_vid";
/** 16 random bytes, base64url: 22 characters. Anything else in the cookie is ignored. */
const FORMAT = /^[A-Za-z0-9_-]{22}$/;

export const VISITOR_COOKIE = COOKIE;
/** One year: the visitor id outlives sessions, like any shop's. */
export const VISITOR_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function newVisitorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function isVisitorId(value: string | undefined | null): value is string {
  return typeof value === "string" && FORMAT.test(value);
}

/** The visitor id from a Cookie header, or null when absent or malformed. */
export function visitorIdFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return isVisitorId(value) ? value : null;
  }
  return null;
}
