// The affiliate (last-click) cookie `mall_aff`, set by proxy.ts when someone opens a creator's
// storefront `/c/<handle>` ("h:<handle>|<ms>") or a product link carrying `cr=<creator id>`
// ("c:<id>|<ms>"). Each new visit replaces it (last click wins). For ATTRIBUTION_WINDOW_DAYS it lets
// a later add-to-cart or buy-now of a product in that creator's showcase credit the creator, when the
// link itself carried no creator. The value is only a hint: the server resolves the creator and
// checks the showcase, so a forged cookie can at most credit a creator for goods they really show.
// No imports: proxy.ts uses this too.
export const AFFILIATE_COOKIE = "mall_aff";
/** Last click, 7 days. */
export const ATTRIBUTION_WINDOW_DAYS = 7;
export const AFFILIATE_COOKIE_MAX_AGE_S = ATTRIBUTION_WINDOW_DAYS * 24 * 3600;

export type AffiliateRef = { kind: "handle"; handle: string; at: number } | { kind: "creator"; creatorId: string; at: number };

const HANDLE = /^[a-z0-9_]{2,32}$/;
const CREATOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FORMAT = /^([hc]):([A-Za-z0-9_-]{1,64})\|(\d{13})$/;

export function isCreatorHandle(value: string): boolean {
  return HANDLE.test(value);
}

export function formatAffiliateCookie(ref: AffiliateRef): string {
  return ref.kind === "handle" ? `h:${ref.handle}|${ref.at}` : `c:${ref.creatorId}|${ref.at}`;
}

/** Strict parse; anything malformed is null. */
export function parseAffiliateCookie(value: string | null | undefined): AffiliateRef | null {
  if (!value) return null;
  const m = FORMAT.exec(value);
  if (!m) return null;
  const at = Number(m[3]);
  if (!Number.isSafeInteger(at)) return null;
  if (m[1] === "h") return HANDLE.test(m[2]) ? { kind: "handle", handle: m[2], at } : null;
  return CREATOR_ID.test(m[2]) ? { kind: "creator", creatorId: m[2], at } : null;
}

/** Whether the click is inside the window (and not from the future, give or take a minute). */
export function isWithinWindow(ref: AffiliateRef, now: number): boolean {
  return ref.at <= now + 60_000 && now - ref.at <= AFFILIATE_COOKIE_MAX_AGE_S * 1000;
}

export function affiliateFromCookieHeader(cookieHeader: string | null | undefined): AffiliateRef | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== AFFILIATE_COOKIE) continue;
    return parseAffiliateCookie(decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return null;
}

/**
 * What a page visit says about affiliation: `/c/<handle>` (with or without a locale prefix) or any
 * page with a valid `cr` query parameter. Null for everything else.
 */
export function affiliateRefForVisit(pathname: string, searchParams: URLSearchParams, now: number): AffiliateRef | null {
  const cr = searchParams.get("cr");
  if (cr && CREATOR_ID.test(cr)) return { kind: "creator", creatorId: cr, at: now };
  const m = /^(?:\/[a-z]{2})?\/c\/([^/]+)\/?$/.exec(pathname);
  if (m) {
    let handle: string;
    try {
      handle = decodeURIComponent(m[1]).toLowerCase();
    } catch {
      return null;
    }
    if (HANDLE.test(handle)) return { kind: "handle", handle, at: now };
  }
  return null;
}
