// What the storefront's Open Graph card shows, built the same way by the page (for the image URL's
// version) and by the image route (to render it).
import { compactCount, formatFen, pick } from "@/app/_lib/format";
import type { StorefrontOutput } from "@/server/affiliate/affiliate.schema";
import type { StorefrontCard } from "@/server/affiliate/og-card";

type T = (key: "followersText" | "brand", values?: Record<string, string>) => string;

export function storefrontCard(sf: StorefrontOutput, locale: string, t: T): StorefrontCard {
  return {
    displayName: sf.creator.displayName,
    handle: sf.creator.handle,
    followersText: t("followersText", { count: compactCount(sf.creator.followerCount, locale) }),
    tagline: sf.creator.tags.slice(0, 4).join(" · ") || pick(locale, sf.creator.bioZh, sf.creator.bioEn),
    avatarUrl: sf.creator.avatarUrl,
    products: sf.items.slice(0, 3).map((i) => ({ imageUrl: i.product.imageUrl, priceText: formatFen(i.product.minPriceFen) })),
    brand: t("brand"),
  };
}
