import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { ProductCard } from "@/app/_components/product-card";
import { Pagination } from "@/app/_components/pagination";
import type { CategoryTree } from "@/server/catalog/catalog.schema";
import { MAX_QUERY_LENGTH, searchSort, type SearchOutput, type SearchTab } from "@/server/search/search.schema";
import {
  activeFilterKeys,
  DEFAULT_SORT,
  hrefToPath,
  isRefined,
  MAX_PAGE,
  PAGE_SIZE,
  readSearchState,
  searchHref,
  type SearchParams,
  type SearchState,
} from "./search-params";
import { ChosenFilters, SearchFacets } from "./search-facets";
import { FilterDrawer } from "./filter-drawer";
import { ClickTracker } from "./click-tracker";
import { CreatorResults, ShopResults } from "./result-cards";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<SearchParams> };

/** Is there anything to search for? A bare /search is the landing page (categories, popular searches). */
function hasSearch(state: SearchState): boolean {
  return state.q !== "" || activeFilterKeys(state.filters).length > 0;
}

/**
 * One search per request (metadata and page share the request's query cache). The URL is parsed
 * defensively, but should the engine still refuse something (a filter it no longer knows), the plain
 * query is searched instead of showing an error.
 */
async function runSearch(state: SearchState): Promise<SearchOutput> {
  const qc = getQueryClient();
  try {
    return await qc.fetchQuery(
      trpc.search.query.queryOptions({ q: state.q, tab: state.tab, sort: state.sort, filters: state.filters, page: state.page, pageSize: PAGE_SIZE }),
    );
  } catch (err) {
    if (!(err instanceof TRPCError && err.code === "BAD_REQUEST")) throw err;
    return qc.fetchQuery(trpc.search.query.queryOptions({ q: state.q, tab: state.tab, pageSize: PAGE_SIZE }));
  }
}

/** Popular queries for the landing page, when the suggester offers them for an empty prefix. */
async function popularSearches(): Promise<string[]> {
  try {
    const all = await getQueryClient().fetchQuery(trpc.search.suggest.queryOptions({ prefix: "" }));
    return all.filter((s) => s.kind === "query").map((s) => s.text);
  } catch {
    return [];
  }
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const state = readSearchState(await searchParams);
  const t = await getTranslations({ locale, namespace: "search" });
  if (!state.q) {
    return pageMetadata({ locale, path: "/search", title: t("title"), description: t("metaDescriptionEmpty"), noindex: hasSearch(state) });
  }
  const result = await runSearch(state);
  const found = result.fallback === null && result.total > 0;
  return pageMetadata({
    locale,
    // Canonical is the plain query; filtered, sorted, paged or other-tab views are noindex, follow,
    // and so is a query that found nothing (a page of fallbacks is not an answer worth indexing).
    path: `/search?${new URLSearchParams({ q: state.q })}`,
    title: t("metaTitle", { q: state.q }),
    description: found ? t("metaDescription", { q: state.q, count: result.tabCounts.products }) : t("metaDescriptionNone", { q: state.q }),
    noindex: isRefined(state) || state.wasCut || !found,
  });
}

function CategorySuggestions({ tree, locale }: { tree: CategoryTree; locale: string }) {
  return (
    <ul className="mt-3 grid grid-cols-2 gap-2.5 sm:grid-cols-3 lg:grid-cols-4">
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

function PopularSearches({ queries, title }: { queries: string[]; title: string }) {
  if (queries.length === 0) return null;
  return (
    <section aria-labelledby="popular-searches" className="mt-6">
      <h2 id="popular-searches" className="flex items-center gap-1.5 text-lg font-bold">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 text-brand">
          <path d="M10.5 2c.5 3-1.8 4.2-1.8 6.6 0 1 .6 1.8 1.4 2.1-.2-1.6.8-2.6 1.9-3.4.2 2.4 2.9 3.4 2.9 6.2A4.9 4.9 0 0 1 10 18a5 5 0 0 1-5-5c0-4.3 4.2-6 5.5-11z" fill="currentColor" />
        </svg>
        {title}
      </h2>
      <ol className="mt-3 flex flex-wrap gap-2">
        {queries.slice(0, 12).map((q, i) => (
          <li key={q}>
            <Link
              href={{ pathname: "/search", query: { q } }}
              className="flex items-center gap-1.5 rounded-full bg-white px-3.5 py-1.5 text-sm ring-1 ring-line hover:text-brand hover:ring-brand"
            >
              <span className={`text-xs font-bold tabular-nums ${i < 3 ? "text-brand" : "text-muted"}`}>{i + 1}</span>
              {q}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Notice({ tone, children }: { tone: "info" | "warn"; children: React.ReactNode }) {
  return (
    <div
      role="status"
      className={`mb-3 flex items-start gap-2.5 rounded-xl px-3.5 py-2.5 text-sm ${tone === "warn" ? "bg-amber-50 text-amber-900" : "bg-brand-soft text-ink"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className={`mt-0.5 h-4 w-4 shrink-0 ${tone === "warn" ? "text-amber-600" : "text-brand"}`}>
        <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="m13 13 4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <p className="min-w-0 break-words">{children}</p>
    </div>
  );
}

async function SortBar({ state, locale }: { state: SearchState; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <nav
      aria-label={t("sortLabel")}
      // On a phone the last options scroll; the fade says there is more.
      className="no-scrollbar min-w-0 flex-1 overflow-x-auto [mask-image:linear-gradient(to_right,#000_88%,transparent)] sm:[mask-image:none]"
    >
      <ul className="flex items-center text-[13px] sm:gap-1 sm:text-sm">
        {searchSort.options.map((sort) => {
          const isActive = sort === state.sort;
          return (
            <li key={sort} className="shrink-0">
              <Link
                href={searchHref(state, { sort })}
                aria-current={isActive ? "true" : undefined}
                aria-label={t(`sortLong.${sort}`)}
                className={`relative block whitespace-nowrap rounded-full px-2 py-1.5 transition sm:px-3 ${
                  isActive ? "font-semibold text-brand" : "text-ink/75 hover:text-brand"
                }`}
              >
                {t(`sort.${sort}`)}
                {isActive && <span aria-hidden="true" className="absolute inset-x-2 -bottom-px h-0.5 rounded-full bg-brand sm:inset-x-3" />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

async function TabBar({ state, result, locale }: { state: SearchState; result: SearchOutput; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  const tabs: SearchTab[] = ["products", "shops", "creators"];
  return (
    <nav aria-label={t("tabsLabel")} className="mb-3 border-b border-line">
      <ul className="flex gap-6 text-[15px]">
        {tabs.map((tab) => {
          const isActive = tab === state.tab;
          return (
            <li key={tab}>
              <Link
                href={searchHref(state, { tab, sort: DEFAULT_SORT, filters: {} })}
                aria-current={isActive ? "page" : undefined}
                className={`relative flex items-baseline gap-1 pb-2.5 pt-1 transition ${isActive ? "font-bold text-ink" : "text-ink/60 hover:text-ink"}`}
              >
                {t(`tabs.${tab}`)}
                <span className={`text-xs tabular-nums ${isActive ? "text-brand" : "text-muted"}`}>{result.tabCounts[tab]}</span>
                {isActive && <span aria-hidden="true" className="absolute inset-x-0 -bottom-px h-[3px] rounded-full bg-brand" />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function EmptyState({ title, action }: { title: string; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-2xl bg-white px-4 py-12 text-center ring-1 ring-line">
      <svg aria-hidden="true" viewBox="0 0 48 48" className="h-14 w-14 text-brand/80">
        <circle cx="21" cy="21" r="13" fill="#fff0f3" stroke="currentColor" strokeWidth="3" />
        <path d="m31 31 10 10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
        <path d="M16 19h.01M26 19h.01M16.5 26c2.5-2 5.5-2 8 0" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" fill="none" />
      </svg>
      <p className="mt-3 break-words font-medium">{title}</p>
      {action}
    </div>
  );
}

const pillButton = "mt-4 inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white hover:bg-brand-dark";

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const state = readSearchState(await searchParams);
  const t = await getTranslations({ locale, namespace: "search" });

  if (!hasSearch(state)) {
    const [tree, popular] = await Promise.all([getQueryClient().fetchQuery(trpc.catalog.categoryTree.queryOptions()), popularSearches()]);
    return (
      <section aria-labelledby="search-title" className="py-6">
        <div className="rounded-2xl bg-gradient-to-br from-brand-soft via-white to-white p-5 ring-1 ring-line sm:p-8">
          <h1 id="search-title" className="text-xl font-bold sm:text-2xl">
            {t("promptTitle")}
          </h1>
          <p className="mt-1.5 text-sm text-muted">{t("prompt")}</p>
        </div>
        <PopularSearches queries={popular} title={t("popularSearches")} />
        <h2 className="mt-6 text-lg font-bold">{t("browseCategories")}</h2>
        <CategorySuggestions tree={tree} locale={locale} />
      </section>
    );
  }

  const [result, tree] = await Promise.all([runSearch(state), getQueryClient().fetchQuery(trpc.catalog.categoryTree.queryOptions())]);
  const knownNames = new Map(
    tree.flatMap((root) => [root, ...root.children]).map((c) => [`category:${c.slug}`, pick(locale, c.nameZh, c.nameEn)] as const),
  );
  // What the page shows is what the engine searched (it may have dropped a filter it refused).
  const shown: SearchState = { ...state, tab: result.tab, sort: result.sort, filters: result.fallback === "relaxed" ? state.filters : result.filters, page: result.page };
  const pageCount = Math.min(result.pageCount, MAX_PAGE);
  const isProducts = shown.tab === "products";
  const facetCount = result.facets ? Object.values(result.facets).reduce((n, values) => n + values.length, 0) : 0;
  // Facets describe the results of the query as typed; fallback results have none worth offering.
  const showFacets = isProducts && result.fallback === null && facetCount > 0;
  const chosenCount = activeFilterKeys(shown.filters).length;
  const pastEnd = result.total > 0 && result.products.length + result.shops.length + result.creators.length === 0;
  const heading = state.q ? t("resultsTitle", { q: state.q }) : t("title");

  const url = localizedUrl(locale, hrefToPath(searchHref(shown, { page: shown.page })));
  const resultsLd = {
    "@context": "https://schema.org",
    "@type": "SearchResultsPage",
    name: heading,
    url,
    inLanguage: locale === "en" ? "en" : "zh-CN",
    ...(isProducts && result.products.length > 0
      ? {
          mainEntity: {
            "@type": "ItemList",
            name: t("resultsListName", { q: state.q }),
            numberOfItems: result.products.length,
            itemListElement: result.products.map((p, i) => ({
              "@type": "ListItem",
              position: (result.page - 1) * PAGE_SIZE + i + 1,
              url: localizedUrl(locale, `/p/${p.slug}`),
              name: pick(locale, p.titleZh, p.titleEn),
            })),
          },
        }
      : {}),
  };

  const countText = isProducts ? t("count", { count: result.total }) : shown.tab === "shops" ? t("shopCount", { count: result.total }) : t("creatorCount", { count: result.total });

  let notice: React.ReactNode = null;
  if (result.fallback === "relaxed") {
    notice = (
      <Notice tone="info">
        {result.searchedFor && result.searchedFor !== state.q
          ? t("relaxedFor", { q: state.q, searchedFor: result.searchedFor })
          : t("relaxed", { q: state.q })}
      </Notice>
    );
  } else if (result.fallback === "recommendations") {
    notice = <Notice tone="info">{t("recommendations")}</Notice>;
  } else if (result.searchedFor && result.searchedFor !== state.q) {
    notice = <Notice tone="info">{t("corrected", { searchedFor: result.searchedFor })}</Notice>;
  }

  const products = (
    <ClickTracker eventId={result.eventId}>
      <ul
        data-testid="search-results"
        className={`grid grid-cols-2 gap-2.5 sm:grid-cols-3 md:grid-cols-4 ${showFacets ? "xl:grid-cols-5" : "lg:grid-cols-5 xl:grid-cols-6"}`}
      >
        {result.products.map((p, i) => {
          const position = (result.page - 1) * PAGE_SIZE + i + 1;
          const highlight = locale === "en" && p.titleEn ? p.highlightEn : p.highlightZh;
          return (
            <li key={p.id} data-product-id={p.id} data-position={position} className="flex [&>a]:flex-1">
              <ProductCard
                product={p}
                locale={locale}
                priority={i < 4}
                titleHighlight={result.fallback === "recommendations" ? undefined : highlight}
                source={{ ch: "search", src: state.q }}
              />
            </li>
          );
        })}
      </ul>
    </ClickTracker>
  );

  let body: React.ReactNode;
  if (pastEnd) {
    body = (
      <EmptyState
        title={t("pastLastPage")}
        action={
          <Link href={searchHref(shown, { page: 1 })} className={pillButton}>
            {t("backToFirst")}
          </Link>
        }
      />
    );
  } else if (shown.tab === "shops") {
    body =
      result.shops.length > 0 ? (
        <ShopResults shops={result.shops} locale={locale} />
      ) : (
        <EmptyState
          title={t("noShops", { q: state.q })}
          action={
            <Link href={searchHref(shown, { tab: "products" })} className={pillButton}>
              {t("tryProducts")}
            </Link>
          }
        />
      );
  } else if (shown.tab === "creators") {
    body =
      result.creators.length > 0 ? (
        <CreatorResults creators={result.creators} locale={locale} />
      ) : (
        <EmptyState
          title={t("noCreators", { q: state.q })}
          action={
            <Link href={searchHref(shown, { tab: "products" })} className={pillButton}>
              {t("tryProducts")}
            </Link>
          }
        />
      );
  } else {
    body = products;
  }

  return (
    <section aria-labelledby="search-title" className="py-4">
      <JsonLd data={resultsLd} />
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <h1 id="search-title" className="line-clamp-2 min-w-0 break-all text-lg font-bold sm:text-xl">
          {heading}
        </h1>
        {result.fallback === null && (
          <p className="text-sm text-muted" data-testid="search-count">
            {countText}
          </p>
        )}
      </div>
      {state.wasCut && <Notice tone="warn">{t("tooLong", { max: MAX_QUERY_LENGTH })}</Notice>}
      <TabBar state={shown} result={result} locale={locale} />

      <div className={showFacets ? "lg:grid lg:grid-cols-[14.5rem_minmax(0,1fr)] lg:items-start lg:gap-5" : ""}>
        {showFacets && result.facets && (
          <aside aria-labelledby="facets-title" className="hidden rounded-2xl bg-white p-4 ring-1 ring-line lg:block">
            <h2 id="facets-title" className="mb-3 flex items-center gap-1.5 text-sm font-bold">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4">
                <path d="M3 5h14M6 10h8M8.5 15h3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
              {t("filtersTitle")}
            </h2>
            <SearchFacets state={shown} facets={result.facets} locale={locale} variant="sidebar" />
          </aside>
        )}

        <div className="min-w-0">
          {isProducts && result.fallback !== "recommendations" && (
            <div className="mb-3 flex items-center gap-2 rounded-2xl bg-white py-1.5 pl-1 pr-1.5 ring-1 ring-line sm:px-3">
              <SortBar state={shown} locale={locale} />
              {showFacets && result.facets && (
                <FilterDrawer
                  label={t("filter")}
                  title={t("filtersTitle")}
                  closeLabel={t("close")}
                  showResultsLabel={t("showResults", { count: result.total })}
                  activeCount={chosenCount}
                  reset={
                    <Link
                      href={searchHref(shown, { filters: {} })}
                      scroll={false}
                      className="grid h-11 flex-1 place-items-center rounded-full text-sm font-semibold text-ink ring-1 ring-line hover:text-brand hover:ring-brand"
                    >
                      {t("reset")}
                    </Link>
                  }
                >
                  <ChosenFilters state={shown} facets={result.facets} locale={locale} />
                  <SearchFacets state={shown} facets={result.facets} locale={locale} variant="drawer" />
                </FilterDrawer>
              )}
            </div>
          )}
          {isProducts && <ChosenFilters state={shown} facets={result.facets} locale={locale} knownNames={knownNames} />}
          {notice}
          {body}
          <Pagination page={shown.page} pageCount={pageCount} hrefFor={(page) => searchHref(shown, { page })} locale={locale} />
        </div>
      </div>
    </section>
  );
}
