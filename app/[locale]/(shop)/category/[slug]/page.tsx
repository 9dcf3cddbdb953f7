import type { Metadata } from "next";
import Form from "next/form";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPathname, Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import { cleanQuery, Pagination, parsePage, type ListingHref } from "@/app/_components/pagination";
import { DEFAULT_SORT, parseSort, SortTabs } from "@/app/_components/sort-tabs";
import { PAGE_SIZE, type ProductSort } from "@/server/catalog/catalog.schema";
import { fenToYuanParam, parsePriceRange } from "./price-filter";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<SearchParams> };

interface ListingState {
  sort: ProductSort;
  page: number;
  minFen?: number;
  maxFen?: number;
}

function readState(sp: SearchParams): ListingState & { isFiltered: boolean } {
  const { minFen, maxFen, isActive } = parsePriceRange(sp.min, sp.max);
  return { sort: parseSort(sp.sort), page: parsePage(sp.page), minFen, maxFen, isFiltered: isActive };
}

function categoryHref(slug: string, s: ListingState): ListingHref {
  return {
    pathname: `/category/${slug}`,
    query: cleanQuery({
      sort: s.sort === DEFAULT_SORT ? undefined : s.sort,
      min: s.minFen === undefined ? undefined : fenToYuanParam(s.minFen),
      max: s.maxFen === undefined ? undefined : fenToYuanParam(s.maxFen),
      page: s.page > 1 ? s.page : undefined,
    }),
  };
}

function hrefToPath(href: ListingHref): string {
  const qs = new URLSearchParams(href.query).toString();
  return qs ? `${href.pathname}?${qs}` : href.pathname;
}

function getCategory(slug: string) {
  return fetchOr404(trpc.catalog.category.queryOptions({ slug }));
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const state = readState(await searchParams);
  const category = await getCategory(slug);
  const t = await getTranslations({ locale, namespace: "category" });
  const name = pick(locale, category.nameZh, category.nameEn);
  return pageMetadata({
    locale,
    // Canonical drops the price filter; a non-default sort and page > 1 are their own pages.
    path: hrefToPath(categoryHref(category.slug, { sort: state.sort, page: state.page })),
    title: state.page > 1 ? t("metaTitlePage", { name, page: state.page }) : t("metaTitle", { name }),
    description: t("metaDescription", { name, count: category.productCount }),
    image: { url: `/media/art/category/${category.artKey}.png`, width: 160, height: 160, alt: name },
    noindex: state.isFiltered,
  });
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const state = readState(await searchParams);
  const category = await getCategory(slug);
  const qc = getQueryClient();
  const [products, tree, t, tl, tc] = await Promise.all([
    qc.fetchQuery(
      trpc.catalog.list.queryOptions({
        categorySlug: category.slug,
        sort: state.sort,
        page: state.page,
        minPriceFen: state.minFen,
        maxPriceFen: state.maxFen,
      }),
    ),
    qc.fetchQuery(trpc.catalog.categoryTree.queryOptions()),
    getTranslations({ locale, namespace: "category" }),
    getTranslations({ locale, namespace: "listing" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  if (state.page > products.pageCount) notFound();

  const name = pick(locale, category.nameZh, category.nameEn);
  const url = localizedUrl(locale, `/category/${category.slug}`);
  const pageUrl = localizedUrl(locale, hrefToPath(categoryHref(category.slug, { sort: state.sort, page: state.page })));
  const crumbs = [
    { label: tc("home"), href: "/" },
    ...category.path.map((c) => ({ label: pick(locale, c.nameZh, c.nameEn), href: `/category/${c.slug}` })),
    { label: name },
  ];

  // Chips: a parent shows its children; a leaf shows its siblings, with "All" leading back to the parent.
  const parent = category.parentId ? tree.find((r) => r.id === category.parentId) : null;
  const chipParent = category.children.length > 0 ? category : parent;
  const chips = category.children.length > 0 ? category.children : (parent?.children ?? []);

  const filterLabel =
    state.minFen !== undefined && state.maxFen !== undefined
      ? t("rangeBoth", { min: formatFen(state.minFen), max: formatFen(state.maxFen) })
      : state.minFen !== undefined
        ? t("rangeMin", { min: formatFen(state.minFen) })
        : state.maxFen !== undefined
          ? t("rangeMax", { max: formatFen(state.maxFen) })
          : null;
  const unfiltered = categoryHref(category.slug, { sort: state.sort, page: 1 });

  const breadcrumbLd = breadcrumbJsonLd(locale, crumbs, url);
  const collectionLd = {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name,
    url: pageUrl,
    description: t("metaDescription", { name, count: category.productCount }),
    mainEntity: {
      "@type": "ItemList",
      name: t("collectionName", { name }),
      numberOfItems: products.total,
      itemListElement: products.items.map((p, i) => ({
        "@type": "ListItem",
        position: (products.page - 1) * PAGE_SIZE + i + 1,
        url: localizedUrl(locale, `/p/${p.slug}`),
        name: pick(locale, p.titleZh, p.titleEn),
      })),
    },
  };

  const chipClass = (active: boolean) =>
    `flex items-center gap-1.5 rounded-full py-1 pl-1 pr-3 text-sm transition ${
      active ? "bg-brand text-white" : "bg-canvas text-ink/80 hover:bg-brand-soft hover:text-brand"
    }`;

  return (
    <>
      <JsonLd data={[breadcrumbLd, collectionLd]} />
      <Breadcrumb items={crumbs} locale={locale} className="py-3" />

      <header className="rounded-2xl bg-white p-4 ring-1 ring-line sm:p-5">
        <div className="flex items-center gap-3">
          <img src={`/media/art/category/${category.artKey}.svg`} alt="" width={56} height={56} className="h-12 w-12 shrink-0 rounded-2xl sm:h-14 sm:w-14" />
          <div className="min-w-0">
            <h1 className="truncate text-xl font-bold text-ink sm:text-2xl">{name}</h1>
            <p className="text-sm text-muted">{tl("count", { count: products.total })}</p>
          </div>
        </div>
        {chips.length > 0 && chipParent && (
          <nav aria-label={t("subcategories")} className="no-scrollbar -mx-4 mt-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
            <ul className="flex gap-2 sm:flex-wrap">
              <li className="shrink-0">
                <Link href={`/category/${chipParent.slug}`} aria-current={chipParent.id === category.id ? "page" : undefined} className={`${chipClass(chipParent.id === category.id)} pl-3`}>
                  {t("all")}
                </Link>
              </li>
              {chips.map((c) => (
                <li key={c.id} className="shrink-0">
                  <Link href={`/category/${c.slug}`} aria-current={c.id === category.id ? "page" : undefined} className={chipClass(c.id === category.id)}>
                    <img src={`/media/art/category/${c.artKey}.svg`} alt="" width={24} height={24} loading="lazy" className="h-6 w-6 rounded-full" />
                    {pick(locale, c.nameZh, c.nameEn)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>

      <div className="mt-3 rounded-2xl bg-white px-3 py-2.5 ring-1 ring-line sm:px-4">
        <div className="flex flex-col gap-2 lg:flex-row lg:items-center lg:justify-between">
          <SortTabs current={state.sort} hrefFor={(sort) => categoryHref(category.slug, { ...state, sort, page: 1 })} locale={locale} />
          <Form
            action={getPathname({ locale, href: `/category/${category.slug}` })}
            aria-label={t("priceRange")}
            className="flex items-center gap-1.5 text-sm"
          >
            {state.sort !== DEFAULT_SORT && <input type="hidden" name="sort" value={state.sort} />}
            <span className="shrink-0 text-muted">{t("priceRange")}</span>
            <label className="sr-only" htmlFor="price-min">
              {t("minPrice")}
            </label>
            <input
              id="price-min"
              name="min"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              defaultValue={state.minFen === undefined ? "" : fenToYuanParam(state.minFen)}
              placeholder={t("minPlaceholder")}
              className="h-8 w-full min-w-0 rounded-full bg-canvas px-3 text-sm outline-none ring-1 ring-transparent focus:bg-white focus:ring-brand sm:w-24"
            />
            <span aria-hidden="true" className="text-muted">
              –
            </span>
            <label className="sr-only" htmlFor="price-max">
              {t("maxPrice")}
            </label>
            <input
              id="price-max"
              name="max"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              defaultValue={state.maxFen === undefined ? "" : fenToYuanParam(state.maxFen)}
              placeholder={t("maxPlaceholder")}
              className="h-8 w-full min-w-0 rounded-full bg-canvas px-3 text-sm outline-none ring-1 ring-transparent focus:bg-white focus:ring-brand sm:w-24"
            />
            <button type="submit" className="h-8 shrink-0 rounded-full bg-ink px-3.5 text-sm font-medium text-white hover:bg-brand">
              {t("apply")}
            </button>
          </Form>
        </div>
      </div>

      {filterLabel && (
        <p className="mt-3 flex items-center gap-2 text-sm">
          <span className="rounded-full bg-brand-soft px-3 py-1 font-medium text-brand">{t("filterActive", { range: filterLabel })}</span>
          <Link href={unfiltered} className="text-muted underline-offset-2 hover:text-brand hover:underline">
            {t("clear")}
          </Link>
        </p>
      )}

      <section aria-label={name} className="mt-3">
        {products.items.length > 0 ? (
          <ProductGrid>
            {products.items.map((p, i) => (
              <ProductCard key={p.id} product={p} locale={locale} priority={i < 4} source={{ ch: "mall" }} />
            ))}
          </ProductGrid>
        ) : (
          <div className="rounded-2xl bg-white px-4 py-14 text-center ring-1 ring-line">
            <p className="font-medium text-ink">{t("empty")}</p>
            {state.isFiltered && (
              <p className="mt-2 text-sm text-muted">
                {t("emptyFiltered")} ·{" "}
                <Link href={unfiltered} className="text-brand hover:underline">
                  {t("clear")}
                </Link>
              </p>
            )}
          </div>
        )}
        <Pagination page={products.page} pageCount={products.pageCount} hrefFor={(page) => categoryHref(category.slug, { ...state, page })} locale={locale} />
      </section>
    </>
  );
}
