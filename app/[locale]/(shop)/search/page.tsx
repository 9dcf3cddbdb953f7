import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { pageMetadata } from "@/app/_lib/seo";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import { cleanQuery, firstParam, Pagination, parsePage, type ListingHref } from "@/app/_components/pagination";
import type { CategoryTree } from "@/server/catalog/catalog.schema";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<SearchParams> };

/** The search box caps input at 100 characters; longer hand-made URLs are cut, not rejected. */
const MAX_QUERY = 100;
/** The search procedure pages up to 100. */
const MAX_PAGE = 100;

function readQuery(sp: SearchParams) {
  const raw = (firstParam(sp.q) ?? "").replace(/\s+/g, " ").trim();
  return { q: raw.slice(0, MAX_QUERY), wasCut: raw.length > MAX_QUERY, page: parsePage(sp.page, MAX_PAGE) };
}

function searchHref(q: string, page: number): ListingHref {
  return { pathname: "/search", query: cleanQuery({ q, page: page > 1 ? page : undefined }) };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const { q } = readQuery(await searchParams);
  const t = await getTranslations({ locale, namespace: "search" });
  return pageMetadata({
    locale,
    // Result pages are for people, not for the index: noindex, follow; canonical is the first page.
    path: q ? `/search?${new URLSearchParams({ q })}` : "/search",
    title: q ? t("metaTitle", { q }) : t("title"),
    description: q ? t("metaDescription", { q }) : t("metaDescriptionEmpty"),
    noindex: true,
  });
}

function CategorySuggestions({ tree, locale }: { tree: CategoryTree; locale: string }) {
  return (
    <ul className="mt-4 grid grid-cols-2 gap-2.5 sm:grid-cols-3 lg:grid-cols-4">
      {tree.map((root) => (
        <li key={root.id} className="rounded-2xl bg-white p-3 ring-1 ring-line">
          <Link href={`/category/${root.slug}`} className="group flex items-center gap-2.5">
            <img src={`/media/art/category/${root.artKey}.svg`} alt="" width={44} height={44} loading="lazy" className="h-10 w-10 shrink-0 rounded-xl sm:h-11 sm:w-11" />
            <span className="line-clamp-2 font-semibold leading-snug text-ink group-hover:text-brand">{pick(locale, root.nameZh, root.nameEn)}</span>
          </Link>
          {root.children.length > 0 && (
            <ul className="mt-2.5 flex flex-wrap gap-1.5">
              {root.children.slice(0, 6).map((c) => (
                <li key={c.id}>
                  <Link href={`/category/${c.slug}`} className="block rounded-full bg-canvas px-2.5 py-0.5 text-xs text-ink/75 hover:bg-brand-soft hover:text-brand">
                    {pick(locale, c.nameZh, c.nameEn)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { q, wasCut, page } = readQuery(await searchParams);
  const qc = getQueryClient();
  const [results, tree, t, tl] = await Promise.all([
    q ? qc.fetchQuery(trpc.catalog.search.queryOptions({ q, page })) : null,
    qc.fetchQuery(trpc.catalog.categoryTree.queryOptions()),
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "listing" }),
  ]);

  if (!results) {
    return (
      <section aria-labelledby="search-title" className="py-6">
        <div className="rounded-2xl bg-gradient-to-br from-brand-soft via-white to-white p-5 ring-1 ring-line sm:p-8">
          <h1 id="search-title" className="text-xl font-bold sm:text-2xl">
            {t("promptTitle")}
          </h1>
          <p className="mt-1.5 text-sm text-muted">{t("prompt")}</p>
        </div>
        <h2 className="mt-6 text-lg font-bold">{t("browseCategories")}</h2>
        <CategorySuggestions tree={tree} locale={locale} />
      </section>
    );
  }

  return (
    <section aria-labelledby="search-title" className="py-4">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 id="search-title" className="min-w-0 break-words text-lg font-bold sm:text-xl">
          {t("resultsTitle", { q })}
        </h1>
        {results.total > 0 && <p className="text-sm text-muted">{t("count", { count: results.total })}</p>}
      </div>
      {wasCut && <p className="mb-3 rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("tooLong", { max: MAX_QUERY })}</p>}

      {results.items.length > 0 ? (
        <>
          <ProductGrid>
            {results.items.map((p, i) => (
              <ProductCard key={p.id} product={p} locale={locale} priority={i < 4} />
            ))}
          </ProductGrid>
          <Pagination page={results.page} pageCount={Math.min(results.pageCount, MAX_PAGE)} hrefFor={(p) => searchHref(q, p)} locale={locale} />
        </>
      ) : results.total > 0 ? (
        <div className="rounded-2xl bg-white px-4 py-12 text-center ring-1 ring-line">
          <p className="font-medium">{tl("pastLastPage")}</p>
          <Link href={searchHref(q, 1)} className="mt-3 inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
            {tl("backToFirst")}
          </Link>
        </div>
      ) : (
        <>
          <div className="flex items-start gap-3 rounded-2xl bg-white p-5 ring-1 ring-line sm:p-8">
            <svg aria-hidden="true" viewBox="0 0 48 48" className="h-12 w-12 shrink-0 text-brand/80">
              <circle cx="21" cy="21" r="13" fill="#fff0f3" stroke="currentColor" strokeWidth="3" />
              <path d="m31 31 10 10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
              <path d="M16 19h.01M26 19h.01M16.5 26c2.5-2 5.5-2 8 0" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" fill="none" />
            </svg>
            <div className="min-w-0">
              <p className="break-words font-semibold text-ink">{t("emptyTitle", { q })}</p>
              <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
            </div>
          </div>
          <h2 className="mt-6 text-lg font-bold">{t("browseCategories")}</h2>
          <CategorySuggestions tree={tree} locale={locale} />
        </>
      )}
    </section>
  );
}
