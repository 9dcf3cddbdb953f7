import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { localizedUrl } from "@/app/_lib/seo";

export interface Crumb {
  label: string;
  /** Locale-free path; the last crumb (the current page) has none. */
  href?: string;
}

/** Home › … › current page. One line that scrolls sideways on narrow screens instead of wrapping. */
export async function Breadcrumb({ items, locale, className = "" }: { items: Crumb[]; locale: string; className?: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <nav aria-label={t("breadcrumb")} className={`no-scrollbar overflow-x-auto ${className}`}>
      <ol className="flex items-center gap-1 whitespace-nowrap text-xs text-muted sm:text-sm">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className={`flex items-center gap-1 ${last ? "min-w-0" : "shrink-0"}`}>
              {item.href && !last ? (
                <Link href={item.href} className="hover:text-brand">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "truncate text-ink/80" : undefined}>
                  {item.label}
                </span>
              )}
              {!last && (
                <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 shrink-0 text-muted/70">
                  <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** schema.org BreadcrumbList for the same crumbs; the last one (no href) is the page itself at `currentUrl`. */
export function breadcrumbJsonLd(locale: Locale, items: Crumb[], currentUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.label,
      item: c.href ? localizedUrl(locale, c.href) : currentUrl,
    })),
  };
}
