import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, getQueryClient, trpc } from "@/app/_trpc/server";
import { compactCount, fenToDecimal, formatFen, pick, rating } from "@/app/_lib/format";
import { absoluteUrl, clip, localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { Stars } from "@/app/_components/stars";
import { ShopKindBadge } from "@/app/_components/shop-kind-badge";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import type { ProductDetail } from "@/server/catalog/catalog.schema";
import { Gallery } from "./gallery";
import { VariantPicker } from "./variant-picker";
import { ProductReviews, productReviewsJsonLd } from "./reviews";
import { ProductVideos } from "@/app/_components/feed/product-videos";
import { attributionFromQuery } from "@/app/_lib/attribution";
import { ProductCoupons } from "@/app/_components/coupon/product-coupons";

type Props = {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function getProduct(slug: string) {
  return fetchOr404(trpc.catalog.get.queryOptions({ slug }));
}

/** Generated art is served as SVG and, for the same key, as PNG — which link unfurlers and crawlers prefer. */
function rasterUrl(url: string): string {
  return url.replace(/\.svg$/, ".png");
}

/** Plain-text description split into paragraphs on blank lines; rendered as text, never HTML. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const product = await getProduct(slug);
  const t = await getTranslations({ locale, namespace: "product" });
  const title = pick(locale, product.titleZh, product.titleEn);
  const shop = pick(locale, product.shop.nameZh, product.shop.nameEn);
  const first = product.media[0];
  return pageMetadata({
    locale,
    path: `/p/${product.slug}`,
    title: t("metaTitle", { title, shop }),
    description: clip(pick(locale, product.subtitleZh, product.subtitleEn) || pick(locale, product.descriptionZh, product.descriptionEn) || title),
    image: first ? { url: rasterUrl(first.url), width: 800, height: 800, alt: pick(locale, first.altZh, first.altEn) || title } : undefined,
  });
}

function productJsonLd(product: ProductDetail, locale: Locale, reviews: object[]) {
  const url = localizedUrl(locale, `/p/${product.slug}`);
  const inStock = product.variants.some((v) => v.stock > 0);
  const availability = inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
  const prices = product.variants.map((v) => v.priceFen);
  const shopName = pick(locale, product.shop.nameZh, product.shop.nameEn);
  let offers: object | undefined;
  if (product.variants.length > 1) {
    offers = {
      "@type": "AggregateOffer",
      lowPrice: fenToDecimal(Math.min(...prices)),
      highPrice: fenToDecimal(Math.max(...prices)),
      priceCurrency: "CNY",
      offerCount: product.variants.length,
      availability,
      url,
    };
  } else if (product.variants.length === 1) {
    offers = {
      "@type": "Offer",
      price: fenToDecimal(product.variants[0].priceFen),
      priceCurrency: "CNY",
      availability,
      url,
      seller: { "@type": "Organization", name: shopName },
    };
  }
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: pick(locale, product.titleZh, product.titleEn),
    image: product.media.map((m) => absoluteUrl(rasterUrl(m.url))),
    description: clip(pick(locale, product.descriptionZh, product.descriptionEn) || pick(locale, product.subtitleZh, product.subtitleEn), 5000),
    sku: product.variants[0]?.sku,
    brand: { "@type": "Brand", name: shopName },
    category: product.categoryPath.map((c) => pick(locale, c.nameZh, c.nameEn)).join(" > "),
    url,
    ...(product.ratingCount > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: rating(product.ratingX100),
            ratingCount: product.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    ...(reviews.length ? { review: reviews } : {}),
    ...(offers ? { offers } : {}),
  };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  // ?ch=search&src=…&cr=… from the link that led here (invalid values are ignored).
  const attribution = attributionFromQuery(await searchParams);
  setRequestLocale(locale);
  const product = await getProduct(slug);
  const qc = getQueryClient();
  const [shop, related, reviewLd, t, tl, tc] = await Promise.all([
    // The shipping rule lives on the shop; a missing shop only hides that line.
    qc.fetchQuery(trpc.shop.get.queryOptions({ slug: product.shop.slug })).catch(() => null),
    qc.fetchQuery(trpc.reco.alsoLike.queryOptions({ productId: product.id, limit: 12 })),
    productReviewsJsonLd(product.id),
    getTranslations({ locale, namespace: "product" }),
    getTranslations({ locale, namespace: "listing" }),
    getTranslations({ locale, namespace: "common" }),
  ]);

  const campaign = await qc.fetchQuery(trpc.campaign.productPrices.queryOptions({ productId: product.id })).catch(() => null);
  const memberPrices = await qc.fetchQuery(trpc.shop.productMemberPrices.queryOptions({ productId: product.id })).catch(() => null);
  const title = pick(locale, product.titleZh, product.titleEn);
  const subtitle = pick(locale, product.subtitleZh, product.subtitleEn);
  const description = pick(locale, product.descriptionZh, product.descriptionEn);
  const shopName = pick(locale, product.shop.nameZh, product.shop.nameEn);
  const crumbs = [
    { label: tc("home"), href: "/" },
    ...product.categoryPath.map((c) => ({ label: pick(locale, c.nameZh, c.nameEn), href: `/category/${c.slug}` })),
    { label: title },
  ];
  const breadcrumbLd = breadcrumbJsonLd(locale, crumbs, localizedUrl(locale, `/p/${product.slug}`));

  let shipping: string | null = null;
  if (shop) {
    shipping =
      shop.shippingFeeFen === 0 || shop.freeShippingThresholdFen === 0
        ? t("freeShipping")
        : t("freeShippingOver", { threshold: formatFen(shop.freeShippingThresholdFen), fee: formatFen(shop.shippingFeeFen) });
  }

  return (
    <>
      <JsonLd data={[productJsonLd(product, locale, reviewLd), breadcrumbLd]} />
      <Breadcrumb items={crumbs} locale={locale} className="py-3" />

      <div className="grid gap-4 md:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] md:gap-8 lg:gap-10">
        <div className="md:sticky md:top-28 md:self-start">
          <Gallery
            images={product.media.map((m) => ({ id: m.id, url: m.url, alt: pick(locale, m.altZh, m.altEn) || title, width: m.width, height: m.height }))}
          />
        </div>

        <div className="min-w-0">
          <VariantPicker
            options={product.options.map((o) => ({
              id: o.id,
              name: pick(locale, o.nameZh, o.nameEn),
              values: o.values.map((v) => ({ id: v.id, label: pick(locale, v.valueZh, v.valueEn) })),
            }))}
            variants={product.variants}
            soldLabel={t("sold", { count: compactCount(product.salesCount, locale) })}
            attribution={attribution}
            campaign={campaign}
            memberPrices={memberPrices}
          >
            <div className="space-y-2">
              <h1 className="text-lg font-bold leading-snug text-ink sm:text-2xl">{title}</h1>
              {subtitle && <p className="text-sm leading-relaxed text-muted sm:text-base">{subtitle}</p>}
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm">
                {product.ratingCount > 0 ? (
                  <span className="flex items-center gap-1.5">
                    <Stars x100={product.ratingX100} label={tl("ratingLabel", { rating: rating(product.ratingX100) })} />
                    <span className="font-semibold text-ink">{rating(product.ratingX100)}</span>
                    <span className="text-muted">{t("reviews", { count: product.ratingCount })}</span>
                  </span>
                ) : (
                  <span className="text-muted">{t("noReviews")}</span>
                )}
                {product.region && (
                  <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-200">
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5">
                      <path
                        d="M8 14.5s4.5-4.2 4.5-7.7a4.5 4.5 0 1 0-9 0c0 3.5 4.5 7.7 4.5 7.7Z"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="1.5"
                        strokeLinejoin="round"
                      />
                      <circle cx="8" cy="6.8" r="1.6" fill="currentColor" />
                    </svg>
                    {t("origin")} · {pick(locale, product.region.provinceZh, product.region.provinceEn)}
                    {" "}
                    {pick(locale, product.region.nameZh, product.region.nameEn)}
                  </span>
                )}
              </div>
            </div>
          </VariantPicker>

          {shipping && (
            <dl className="mt-3 rounded-2xl bg-white px-4 text-sm ring-1 ring-line">
              <div className="flex gap-4 py-3">
                <dt className="shrink-0 text-muted">{t("shipping")}</dt>
                <dd className="flex items-center gap-1.5 text-ink">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-brand">
                    <path d="M2 5h10v8H2zM12 8h3.5L18 10.5V13h-6z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
                    <circle cx="5.5" cy="14.5" r="1.5" fill="currentColor" />
                    <circle cx="14.5" cy="14.5" r="1.5" fill="currentColor" />
                  </svg>
                  {shipping}
                </dd>
              </div>
            </dl>
          )}

          <ProductCoupons shopId={product.shop.id} />

          {/* Shop card */}
          <section aria-label={shopName} className="mt-3 rounded-2xl bg-white p-4 ring-1 ring-line">
            <div className="flex items-center gap-3">
              <img src={product.shop.logoUrl} alt="" width={56} height={56} className="h-14 w-14 shrink-0 rounded-xl bg-canvas ring-1 ring-line" />
              <div className="min-w-0 flex-1">
                <p className="line-clamp-2 font-semibold leading-snug text-ink">{shopName}</p>
                <div className="mt-1 flex items-center gap-1.5">
                  <ShopKindBadge kind={product.shop.kind} locale={locale} />
                  <span className="truncate text-xs text-muted">{pick(locale, product.shop.taglineZh, product.shop.taglineEn)}</span>
                </div>
              </div>
              <Link
                href={`/s/${product.shop.slug}`}
                className="shrink-0 rounded-full border border-brand px-4 py-1.5 text-sm font-semibold text-brand transition hover:bg-brand hover:text-white"
              >
                {t("visitShop")}
              </Link>
            </div>
            <dl className="mt-4 grid grid-cols-3 divide-x divide-line rounded-xl bg-canvas py-2.5 text-center">
              <div className="flex flex-col-reverse">
                <dt className="text-xs text-muted">{t("shopScore")}</dt>
                <dd className="text-base font-bold text-ink">{rating(product.shop.scoreX100)}</dd>
              </div>
              <div className="flex flex-col-reverse">
                <dt className="text-xs text-muted">{t("shopFollowers")}</dt>
                <dd className="text-base font-bold text-ink">{compactCount(product.shop.followerCount, locale)}</dd>
              </div>
              <div className="flex flex-col-reverse">
                <dt className="text-xs text-muted">{t("shopProducts")}</dt>
                <dd className="text-base font-bold text-ink">{product.shop.productCount}</dd>
              </div>
            </dl>
          </section>
        </div>
      </div>

      <section aria-labelledby="product-details" className="mt-6 rounded-2xl bg-white p-4 ring-1 ring-line sm:p-6">
        <h2 id="product-details" className="mb-3 flex items-center gap-2 text-base font-bold sm:text-lg">
          <span aria-hidden="true" className="h-4 w-1 rounded-full bg-brand" />
          {t("details")}
        </h2>
        {description ? (
          <div className="max-w-3xl space-y-3 text-[15px] leading-7 text-ink/85">
            {paragraphs(description).map((p, i) => (
              <p key={i} className="whitespace-pre-line">
                {p}
              </p>
            ))}
          </div>
        ) : (
          <p className="text-sm text-muted">{t("noDescription")}</p>
        )}
        {product.tags.length > 0 && (
          <div className="mt-5 border-t border-line pt-4">
            <h3 className="sr-only">{t("tags")}</h3>
            <ul className="flex flex-wrap gap-2">
              {product.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    href={{ pathname: "/search", query: { q: tag } }}
                    className="block rounded-full bg-canvas px-3 py-1 text-xs text-ink/75 hover:bg-brand-soft hover:text-brand"
                  >
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <ProductReviews productId={product.id} locale={locale} />
      <ProductVideos productId={product.id} locale={locale} />

      {related.length > 0 && (
        <section aria-labelledby="product-related" className="mt-8">
          <h2 id="product-related" className="mb-3 text-lg font-bold">
            {t("related")}
          </h2>
          <ProductGrid>
            {related.map((p) => (
              <ProductCard key={p.id} product={p} locale={locale} />
            ))}
          </ProductGrid>
        </section>
      )}
      {/* Room for the add-to-cart bar fixed to the bottom of the screen on phones. */}
      <div aria-hidden="true" className="h-16 md:hidden" />
    </>
  );
}
