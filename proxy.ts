// Locale routing (zh at `/`, en at `/en`) and the anonymous visitor-id cookie. Access control lives
// in layouts and procedures.
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "@/app/_i18n/routing";
import { isVisitorId, newVisitorId, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from "@/server/visitor";

const intl = createMiddleware(routing);
const PATH_HEADER = "x-mall-path";

export default function proxy(request: NextRequest) {
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
