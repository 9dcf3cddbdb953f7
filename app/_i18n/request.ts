import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "@/app/_i18n/routing";

/** One JSON file per namespace and locale under messages/<locale>/, so features own their strings. */
const NAMESPACES = [
  "common", "nav", "home", "auth", "errors", "listing", "product", "shop", "category", "search",
  "account", "cart", "checkout", "payment", "orders", "aftersale", "review", "seller", "admin",
  "social", "feed", "creator", "storefront", "decoration", "merchant", "coupon", "campaign",
] as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return { locale, timeZone: "Asia/Shanghai", messages: Object.fromEntries(entries) };
});
