import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, getQueryClient, trpc } from "@/app/_trpc/server";
import { compactCount, pick, rating } from "@/app/_lib/format";
import { absoluteUrl, clip, localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { ShopKindBadge } from "@/app/_components/shop-kind-badge";
import { ProductGrid } from "@/app/_components/product-card";
import { cleanQuery, Pagination, parsePage, type ListingHref } from "@/app/_components/pagination";
import { DEFAULT_SORT, parseSort, SortTabs } from "@/app/_components/sort-tabs";
import type { ProductSort } from "@/server/catalog/catalog.schema";
import { FollowButton } from "@/app/_components/social/follow-button";
import { CouponStrip } from "@/app/_components/coupon/coupon-strip";
import { MemberAwareCard, ShopSections } from "@/app/_components/shop-sections/shop-sections";
import { MembershipButton } from "./membership-button";
import { ScoreExplainer } from "./score-explainer";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<SearchParams> };

function getShop(slug: string) {
  return fetchOr404(trpc.shop.get.queryOptions({ slug }));
}

function shopHref(slug: string, sort: ProductSort, page: number): ListingHref {
  return { pathname: `/s/${slug}`, query: cleanQuery({ sort: sort === DEFAULT_SORT ? undefined : sort, page: page > 1 ? page : undefined }) };
}

/** `/s/x?sort=newest&page=2` as a locale-free path string, for canonical URLs. */
function hrefToPath(href: ListingHref): string {
  const qs = new URLSearchParams(href.query).toString();
  return qs ? `${href.pathname}?${qs}` : href.pathname;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const sp = await searchParams;
  const shop = await getShop(slug);
  const [t, th] = await Promise.all([getTranslations({ locale, namespace: "shop" }), getTranslations({ locale, namespace: "home" })]);
  const name = pick(locale, shop.nameZh, shop.nameEn);
  const tagline = pick(locale, shop.taglineZh, shop.taglineEn);
  const description = pick(locale, shop.descriptionZh, shop.descriptionEn);
  return pageMetadata({
    locale,
    // Canonical keeps a non-default sort and page > 1, and drops everything else.
    path: hrefToPath(shopHref(shop.slug, parseSort(sp.sort), parsePage(sp.page))),
    title: t("metaTitle", { name, kind: th(`shopKind.${shop.kind}`) }),
    description: clip(
      description ? `${tagline ? `${tagline} · ` : ""}${description}` : t("metaDescription", { name, tagline, count: shop.productCount, score: rating(shop.scoreX100) }),
    ),
    // Generated banners are 1600×500; other uploads keep their own size, so none is claimed.
    image: shop.bannerUrl.endsWith(".svg")
      ? { url: shop.bannerUrl.replace(/\.svg$/, ".png"), width: 1600, height: 500, alt: name }
      : { url: shop.bannerUrl, alt: name },
  });
}

export default async function ShopPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const sort = parseSort(sp.sort);
  const page = parsePage(sp.page);
  const shop = await getShop(slug);
  const qc = getQueryClient();
  const [products, sections, scores, viewer, t, tl, tc] = await Promise.all([
    qc.fetchQuery(trpc.catalog.list.queryOptions({ shopSlug: shop.slug, sort, page })),
    qc.fetchQuery(trpc.shop.sections.queryOptions({ shopId: shop.id })),
    qc.fetchQuery(trpc.shop.scores.queryOptions({ shopId: shop.id })),
    qc.fetchQuery(trpc.shop.viewer.queryOptions({ shopId: shop.id })),
    getTranslations({ locale, namespace: "shop" }),
    getTranslations({ locale, namespace: "listing" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  // A page past the end is not a real page: 404 rather than an empty duplicate.
  if (page > products.pageCount) notFound();
  // Member prices of every product card on the page (sections and the listing).
  const cardIds = [
    ...new Set([...products.items.map((p) => p.id), ...sections.flatMap((s) => ("products" in s ? s.products.map((p) => p.id) : []))]),
  ].slice(0, 60);
  const memberPrices = await qc.fetchQuery(trpc.shop.memberPrices.queryOptions({ productIds: cardIds }));
  const pricing = { prices: Object.fromEntries(memberPrices.map((m) => [m.productId, m.memberPriceFen])), isMember: viewer.isMember };

  const name = pick(locale, shop.nameZh, shop.nameEn);
  const tagline = pick(locale, shop.taglineZh, shop.taglineEn);
  const description = pick(locale, shop.descriptionZh, shop.descriptionEn);
  const url = localizedUrl(locale, `/s/${shop.slug}`);

  const storeLd = {
    "@context": "https://schema.org",
    // An online-only shop: schema.org's OnlineStore (an Organization), not a physical Store.
    // The shop score blends reviews with after-sales metrics, so it is not published as an AggregateRating.
    "@type": "OnlineStore",
    "@id": `${url}#store`,
    name,
    url,
    logo: absoluteUrl(shop.logoUrl.replace(/\.svg$/, ".png")),
    image: absoluteUrl(shop.bannerUrl.replace(/\.svg$/, ".png")),
    description: clip(description || tagline, 500) || undefined,
    slogan: tagline || undefined,
    ...(shop.region ? { location: { "@type": "Place", name: pick(locale, shop.region.nameZh, shop.region.nameEn) } } : {}),
  };
  const breadcrumbLd = breadcrumbJsonLd(locale, [{ label: tc("home"), href: "/" }, { label: name }], url);

  return (
    <>
      <JsonLd data={[storeLd, breadcrumbLd]} />
      <Breadcrumb items={[{ label: tc("home"), href: "/" }, { label: name }]} locale={locale} className="py-3" />

      <header className="overflow-hidden rounded-2xl bg-white ring-1 ring-line">
        <div className="relative h-28 sm:h-44 lg:h-52" style={{ backgroundColor: shop.themeColor }}>
          <img src={shop.bannerUrl} alt="" width={1600} height={500} fetchPriority="high" className="h-full w-full object-cover" />
          <div aria-hidden="true" className="absolute inset-0 bg-gradient-to-t from-black/35 via-black/0 to-black/0" />
        </div>
        <div className="relative px-4 pb-4 sm:px-6 sm:pb-5">
          <div className="flex items-end gap-3 sm:gap-4">
            <img
              src={shop.logoUrl}
              alt=""
              width={96}
              height={96}
              className="-mt-8 h-16 w-16 shrink-0 rounded-2xl border-[3px] border-white bg-white shadow-md sm:-mt-12 sm:h-24 sm:w-24"
            />
            <div className="min-w-0 flex-1 pt-2">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <h1 className="truncate text-lg font-bold text-ink sm:text-2xl">{name}</h1>
                <ShopKindBadge kind={shop.kind} locale={locale} />
              </div>
              {tagline && <p className="mt-0.5 line-clamp-1 text-sm text-muted">{tagline}</p>}
            </div>
          </div>

          <div className="mt-3 flex flex-wrap items-start gap-x-4 gap-y-2">
            <FollowButton target={{ shopId: shop.id }} initialFollowing={viewer.following} initialCount={shop.followerCount} signedIn={viewer.signedIn} />
            <MembershipButton shopId={shop.id} initialMember={viewer.isMember} initialCount={viewer.memberCount} signedIn={viewer.signedIn} />
          </div>

          <dl className="mt-4 grid grid-cols-3 gap-2 text-center sm:flex sm:gap-8 sm:text-left">
            <div className="flex flex-col-reverse rounded-xl bg-canvas py-2 sm:bg-transparent sm:py-0">
              <dt className="text-xs text-muted">{t("score")}</dt>
              <dd className="text-base font-bold text-ink sm:text-lg">
                <span aria-hidden="true" className="mr-0.5 text-amber-400">
                  ★
                </span>
                {rating(shop.scoreX100)}
              </dd>
            </div>
            <div className="flex flex-col-reverse rounded-xl bg-canvas py-2 sm:bg-transparent sm:py-0">
              <dt className="text-xs text-muted">{t("followers")}</dt>
              <dd className="text-base font-bold text-ink sm:text-lg">{compactCount(shop.followerCount, locale)}</dd>
            </div>
            <div className="flex flex-col-reverse rounded-xl bg-canvas py-2 sm:bg-transparent sm:py-0">
              <dt className="text-xs text-muted">{t("products")}</dt>
              <dd className="text-base font-bold text-ink sm:text-lg">{shop.productCount}</dd>
            </div>
            {shop.region && (
              <div className="col-span-3 flex items-center justify-center gap-1.5 text-sm sm:col-span-1 sm:flex-col-reverse sm:items-start sm:gap-0">
                <dt className="text-xs text-muted">{t("region")}</dt>
                <dd className="font-medium text-emerald-700 sm:text-lg sm:font-bold">{pick(locale, shop.region.nameZh, shop.region.nameEn)}</dd>
              </div>
            )}
          </dl>

          <ScoreExplainer detail={scores} locale={locale} />

          {description && (
            <section aria-label={t("about")} className="mt-4 border-t border-line pt-3">
              <p className="max-w-4xl whitespace-pre-line text-sm leading-6 text-ink/75">{description}</p>
            </section>
          )}
        </div>
      </header>

      <ShopSections sections={sections} locale={locale} shopName={name} pricing={pricing} couponSlot={<CouponStrip shopId={shop.id} />} />

      <section aria-labelledby="shop-products" className="mt-5">
        <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="shop-products" className="text-lg font-bold">
            {t("allProducts")} <span className="text-sm font-normal text-muted">{tl("count", { count: products.total })}</span>
          </h2>
          <SortTabs current={sort} hrefFor={(s) => shopHref(shop.slug, s, 1)} locale={locale} />
        </div>
        {products.items.length > 0 ? (
          <ProductGrid>
            {products.items.map((p, i) => (
              <MemberAwareCard key={p.id} product={p} locale={locale} priority={i < 4} pricing={pricing} />
            ))}
          </ProductGrid>
        ) : (
          <p className="rounded-2xl bg-white px-4 py-12 text-center text-sm text-muted ring-1 ring-line">{t("empty")}</p>
        )}
        <Pagination page={page} pageCount={products.pageCount} hrefFor={(p) => shopHref(shop.slug, sort, p)} locale={locale} />
      </section>

    </>
  );
}
