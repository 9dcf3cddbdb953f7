import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";

/** A locale-free link target: `/category/x` plus its query. */
export type ListingHref = { pathname: string; query?: Record<string, string> };

/** `?page=` from the URL: a whole number from 1 up to `max`; anything else means page 1. */
export function parsePage(raw: string | string[] | undefined, max = 1000): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  const n = Number(value);
  return n >= 1 ? Math.min(n, max) : 1;
}

/** The first value of a search param (Next gives arrays for repeated keys). */
export function firstParam(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

/** Builds a query without empty values, so URLs stay short and canonical. */
export function cleanQuery(query: Record<string, string | number | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") out[k] = String(v);
  return out;
}

/** 1 … 4 5 [6] 7 8 … 20: first, last and a window around the current page. */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | "gap")[] {
  const pages = new Set([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  // Show a lone hidden page instead of an ellipsis that hides just one number.
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push("gap");
    out.push(p);
  }
  return out;
}

const chevron = (dir: "left" | "right") => (
  <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4">
    <path
      d={dir === "left" ? "M10 3.5 5.5 8l4.5 4.5" : "M6 3.5 10.5 8 6 12.5"}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

/** Numbered pagination with previous / next; plain links, so it works without JavaScript. */
export async function Pagination({
  page,
  pageCount,
  hrefFor,
  locale,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => ListingHref;
  locale: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "listing" });
  const cell = "grid h-9 min-w-9 place-items-center rounded-lg px-2 text-sm";
  const edge = "flex h-9 items-center gap-1 rounded-lg bg-white px-2 text-sm ring-1 ring-line sm:px-3";
  return (
    <nav aria-label={t("pagination")} className="mt-6 flex justify-center">
      <ul className="flex items-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className={`${edge} hover:text-brand hover:ring-brand`}>
              {chevron("left")}
              <span className="sr-only sm:not-sr-only">{t("prev")}</span>
            </Link>
          ) : (
            <span aria-hidden="true" className={`${edge} text-muted/50`}>
              {chevron("left")}
              <span className="hidden sm:inline">{t("prev")}</span>
            </span>
          )}
        </li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-0.5 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${cell} bg-brand font-semibold text-white`}>
                  <span className="sr-only">{t("pageN", { page: p })}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <Link href={hrefFor(p)} aria-label={t("pageN", { page: p })} className={`${cell} bg-white ring-1 ring-line hover:text-brand hover:ring-brand`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} className={`${edge} hover:text-brand hover:ring-brand`}>
              <span className="sr-only sm:not-sr-only">{t("next")}</span>
              {chevron("right")}
            </Link>
          ) : (
            <span aria-hidden="true" className={`${edge} text-muted/50`}>
              <span className="hidden sm:inline">{t("next")}</span>
              {chevron("right")}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
