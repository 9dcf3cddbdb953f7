// The storefront's Open Graph image (1200×630 PNG): `/c/<handle>/og-image?v=<content version>`.
// Rendered with sharp from the same data as the page; cached per content version in the process,
// and by clients/CDNs for a day when the URL's version matches (a new version is a new URL).
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { cachedStorefrontCard } from "@/server/affiliate/og-card";
import { routing, type Locale } from "@/app/_i18n/routing";
import { storefrontCard } from "../card";

export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ locale: string; handle: string }> }) {
  const { locale: rawLocale, handle } = await params;
  const locale: Locale = (routing.locales as readonly string[]).includes(rawLocale) ? (rawLocale as Locale) : routing.defaultLocale;
  const caller = createCaller(createTRPCContext({ db: getDb(), user: null }));
  let storefront;
  try {
    storefront = await caller.affiliate.storefront({ handle: decodeURIComponent(handle) });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return new Response("Not found", { status: 404 });
    throw err;
  }
  const t = await getTranslations({ locale, namespace: "storefront" });
  const { version, png } = cachedStorefrontCard(storefrontCard(storefront, locale, t));
  const body = await png;
  const current = new URL(req.url).searchParams.get("v") === version;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(body.length),
      "Cache-Control": current ? "public, max-age=86400, stale-while-revalidate=604800" : "public, max-age=300",
      ETag: `"${version}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
