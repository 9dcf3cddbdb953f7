import { defineRouting } from "next-intl/routing";

// zh-CN is the default and lives at `/`; English at `/en/...`. No cookie/Accept-Language
// redirects: every URL always shows the same language, which is what crawlers need.
export const routing = defineRouting({
  locales: ["zh", "en"],
  defaultLocale: "zh",
  localePrefix: "as-needed",
  localeDetection: false,
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

/** BCP 47 tags for html lang, hreflang and og:locale. */
export const LANGUAGE_TAGS: Record<Locale, string> = { zh: "zh-CN", en: "en" };
