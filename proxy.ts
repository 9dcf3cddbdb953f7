// Locale routing only (zh at `/`, en at `/en`). Access control lives in layouts and procedures.
import createMiddleware from "next-intl/middleware";
import { routing } from "@/app/_i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Everything except API routes, media, Next internals and files with an extension.
  matcher: ["/((?!api|media|_next|_vercel|.*\\..*).*)"],
};
