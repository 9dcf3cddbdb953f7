import { routing } from "@/app/_i18n/routing";
import { LANGUAGE_TAGS } from "@/app/_i18n/routing";
import { absoluteUrl, localizedUrl } from "@/app/_lib/seo";

/** Products per sitemap chunk: each yields one <url> per locale, well under the 50,000 limit. */
export const PRODUCTS_PER_SITEMAP = 5000;

function escapeXml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmlResponse(body: string) {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}

export function sitemapIndex(names: string[]) {
  const items = names.map((n) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${n}.xml`))}</loc></sitemap>`).join("");
  return `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items}</sitemapindex>`;
}

/** One <url> per locale, each listing every language version as an hreflang alternate. */
export function urlSet(entries: Array<{ path: string; lastModified?: Date }>) {
  const urls = entries.flatMap(({ path, lastModified }) => {
    const alternates = routing.locales
      .map((l) => `<xhtml:link rel="alternate" hreflang="${LANGUAGE_TAGS[l]}" href="${escapeXml(localizedUrl(l, path))}"/>`)
      .join("");
    return routing.locales.map(
      (l) =>
        `<url><loc>${escapeXml(localizedUrl(l, path))}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ""}${alternates}</url>`,
    );
  });
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join("")}</urlset>`;
}
