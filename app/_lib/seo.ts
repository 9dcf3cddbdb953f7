import type { Metadata } from "next";
import { siteUrl } from "@/server/env";
import { getPathname } from "@/app/_i18n/navigation";
import { LANGUAGE_TAGS, routing, type Locale } from "@/app/_i18n/routing";

export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${siteUrl()}${path.startsWith("/") ? "" : "/"}${path}`;
}

/** The public URL of `href` in `locale` (zh has no prefix, en has /en). */
export function localizedUrl(locale: Locale, href: string): string {
  return absoluteUrl(getPathname({ locale, href }));
}

interface PageMeta {
  locale: Locale;
  /** Locale-free path such as `/p/some-slug` (query string allowed). */
  path: string;
  title: string;
  description: string;
  image?: { url: string; width?: number; height?: number; alt?: string };
  type?: "website" | "article";
  noindex?: boolean;
}

/** Title, description, canonical, hreflang alternates and Open Graph / Twitter data for a page. */
export function pageMetadata({ locale, path, title, description, image, type = "website", noindex }: PageMeta): Metadata {
  const canonical = localizedUrl(locale, path);
  const languages: Record<string, string> = Object.fromEntries(
    routing.locales.map((l) => [LANGUAGE_TAGS[l], localizedUrl(l, path)]),
  );
  languages["x-default"] = localizedUrl(routing.defaultLocale, path);
  const images = image ? [{ ...image, url: absoluteUrl(image.url) }] : undefined;
  return {
    title,
    description,
    alternates: { canonical, languages },
    openGraph: {
      type,
      url: canonical,
      title,
      description,
      siteName: locale === "en" ? "Interest Mall" : "兴趣商城",
      // An unknown first path segment reaches here as "locale" before the layout's 404: don't crash on it.
      locale: (LANGUAGE_TAGS[locale] ?? LANGUAGE_TAGS[routing.defaultLocale]).replace("-", "_"),
      images,
    },
    twitter: { card: images ? "summary_large_image" : "summary", title, description, images: images?.map((i) => i.url) },
    robots: noindex ? { index: false, follow: true } : undefined,
  };
}

/** Shortens text for meta descriptions without cutting a word in half where it can avoid it. */
export function clip(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
