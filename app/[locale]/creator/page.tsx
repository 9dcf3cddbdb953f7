// Creator centre, selection pool (精选联盟): products open for affiliation with their commission,
// filterable by keyword, category and minimum rate, sorted by rate, commission per sale or sales.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { compactCount, formatFen, pick, rating } from "@/app/_lib/format";
import { cleanQuery, firstParam, Pagination, parsePage } from "@/app/_components/pagination";
import { POOL_SORTS } from "@/server/affiliate/affiliate.schema";
import { AddToShowcaseButton } from "./add-button";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<SearchParams> };
type Sort = (typeof POOL_SORTS)[number];

const MIN_RATES = [5, 10, 15, 20, 30];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "creator" });
  return { title: t("pool.title") };
}

function percent(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`;
}

export default async function PoolPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const q = firstParam(sp.q)?.trim().slice(0, 60) || undefined;
  const categorySlug = firstParam(sp.category)?.trim().slice(0, 80) || undefined;
  const minRateRaw = Number(firstParam(sp.minRate));
  const minRate = MIN_RATES.includes(minRateRaw) ? minRateRaw : undefined;
  const sortRaw = firstParam(sp.sort);
  const sort: Sort = (POOL_SORTS as readonly string[]).includes(sortRaw ?? "") ? (sortRaw as Sort) : "rate";
  const page = parsePage(sp.page);
  const [pool, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.affiliate.pool.queryOptions({ q, categorySlug, minRate, sort, page })),
    getTranslations({ locale, namespace: "creator.pool" }),
  ]);
  const hrefFor = (over: { sort?: Sort; page?: number }) => ({
    pathname: "/creator",
    query: cleanQuery({ q, category: categorySlug, minRate, sort: (over.sort ?? sort) === "rate" ? undefined : (over.sort ?? sort), page: (over.page ?? 1) > 1 ? over.page : undefined }),
  });

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mb-3 mt-1 text-sm text-muted">{t("intro")}</p>

      <form method="get" className="grid grid-cols-2 gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line sm:grid-cols-[2fr_1.5fr_1fr_auto] sm:items-end">
        <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-muted sm:col-span-1">
          {t("keyword")}
          <input name="q" defaultValue={q} maxLength={60} placeholder={t("keywordPlaceholder")} className="h-9 rounded-lg border border-line px-3 text-sm text-ink outline-none focus:border-brand" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          {t("category")}
          <select name="category" defaultValue={categorySlug ?? ""} className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink">
            <option value="">{t("allCategories")}</option>
            {pool.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {pick(locale, c.nameZh, c.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          {t("minRate")}
          <select name="minRate" defaultValue={minRate ? String(minRate) : ""} className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink">
            <option value="">{t("anyRate")}</option>
            {MIN_RATES.map((r) => (
              <option key={r} value={r}>
                {t("rateAtLeast", { rate: r })}
              </option>
            ))}
          </select>
        </label>
        {sort !== "rate" && <input type="hidden" name="sort" value={sort} />}
        <button type="submit" className="col-span-2 h-9 rounded-lg bg-ink px-4 text-sm font-semibold text-white sm:col-span-1">
          {t("apply")}
        </button>
      </form>

      <div className="my-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">{t("count", { count: pool.total })}</p>
        <nav aria-label={t("sortLabel")}>
          <ul className="flex gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
            {POOL_SORTS.map((s) => (
              <li key={s}>
                <Link
                  href={hrefFor({ sort: s })}
                  aria-current={s === sort ? "page" : undefined}
                  className={`flex h-8 items-center rounded-lg px-3 text-sm ${s === sort ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
                >
                  {t(`sort.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {pool.items.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted shadow-sm ring-1 ring-line">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {pool.items.map(({ product, rateBp, estimatedFen, inShowcase }) => {
            const title = pick(locale, product.titleZh, product.titleEn);
            return (
              <li key={product.id} className="flex gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line" data-testid="pool-item">
                {product.imageUrl && <img src={product.imageUrl} alt="" width={96} height={96} loading="lazy" className="h-24 w-24 shrink-0 rounded-lg bg-canvas object-cover" />}
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <Link href={`/p/${product.slug}`} className="line-clamp-2 text-sm font-medium leading-snug text-ink hover:text-brand">
                    {title}
                  </Link>
                  <p className="truncate text-xs text-muted">{pick(locale, product.shop.nameZh, product.shop.nameEn)}</p>
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted">
                    <span className="rounded bg-brand-soft px-1.5 py-0.5 font-semibold text-brand">{t("rate", { rate: percent(rateBp) })}</span>
                    <span>{t("price", { price: formatFen(product.minPriceFen) })}</span>
                    <span>{t("sales", { count: compactCount(product.salesCount, locale) })}</span>
                    {product.ratingCount > 0 && <span>{t("rating", { rating: rating(product.ratingX100) })}</span>}
                  </p>
                  <div className="mt-auto flex items-end justify-between gap-2">
                    <p className="text-sm font-semibold text-emerald-700">{t("estimated", { amount: formatFen(estimatedFen) })}</p>
                    <AddToShowcaseButton productId={product.id} title={title} initialInShowcase={inShowcase} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={pool.page} pageCount={pool.pageCount} hrefFor={(p) => hrefFor({ page: p })} locale={locale} />
    </div>
  );
}
