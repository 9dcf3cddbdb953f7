// Locale routing (zh at `/`, en at `/en`), the anonymous visitor-id cookie and the last-click
// affiliate cookie (creator storefronts and `cr=` links). Access control lives in layouts and procedures.
import createMiddleware from "next-intl/middleware";
import type { NextRequest, NextResponse } from "next/server";
import { AFFILIATE_COOKIE, AFFILIATE_COOKIE_MAX_AGE_S, affiliateRefForVisit, formatAffiliateCookie } from "@/server/affiliate/affiliate-cookie";
import { routing } from "@/app/_i18n/routing";
import { isVisitorId, newVisitorId, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from "@/server/visitor";

const intl = createMiddleware(routing);
const PATH_HEADER = "x-mall-path";

export default function proxy(request: NextRequest) {
  return withAffiliateCookie(request, visitor(request));
}

/** A storefront visit or a link with `cr=` sets the last-click affiliate cookie (server/affiliate/affiliate-cookie.ts). */
function withAffiliateCookie(request: NextRequest, response: NextResponse): NextResponse {
  const ref = affiliateRefForVisit(request.nextUrl.pathname, request.nextUrl.searchParams, Date.now());
  if (!ref) return response;
  response.cookies.set(AFFILIATE_COOKIE, formatAffiliateCookie(ref), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: AFFILIATE_COOKIE_MAX_AGE_S,
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}

function visitor(request: NextRequest): NextResponse {
  // Signed-in areas send visitors to sign-in with a way back here (app/_lib/require-user.ts).
  request.headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const existing = request.cookies.get(VISITOR_COOKIE)?.value;
  if (isVisitorId(existing)) return intl(request);
  // First visit (or a tampered cookie): mint an id and hand it to this very render too, by
  // rewriting the request's Cookie header before next-intl forwards the request headers.
  const id = newVisitorId();
  request.cookies.set(VISITOR_COOKIE, id);
  const response = intl(request);
  response.cookies.set(VISITOR_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: VISITOR_COOKIE_MAX_AGE_S,
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}

export const config = {
  // Everything except API routes, media, Next internals and files with an extension.
  matcher: ["/((?!api|media|_next|_vercel|.*\\..*).*)"],
};
