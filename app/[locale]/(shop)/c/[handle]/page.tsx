// A creator's storefront (橱窗): profile, hand-picked products in the creator's order with their
// pitch, videos and upcoming live sessions. Product links credit the creator (ch=storefront, cr=id);
// visiting this page also sets the last-click affiliate cookie (proxy.ts). Shared links unfurl into
// the card rendered by ./og-image.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { compactCount, pick } from "@/app/_lib/format";
import { absoluteUrl, clip, localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import { FollowButton } from "@/app/_components/social/follow-button";
import { formatDateTime } from "@/app/_components/order/format-time";
import { OG_HEIGHT, OG_WIDTH, storefrontCardVersion } from "@/server/affiliate/og-card";
import { storefrontCard } from "./card";

type Props = { params: Promise<{ locale: Locale; handle: string }> };

function getStorefront(handle: string) {
  return fetchOr404(trpc.affiliate.storefront.queryOptions({ handle: decodeURIComponent(handle) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, handle } = await params;
  const sf = await getStorefront(handle);
  const t = await getTranslations({ locale, namespace: "storefront" });
  const name = sf.creator.displayName;
  const path = `/c/${sf.creator.handle}`;
  const version = storefrontCardVersion(storefrontCard(sf, locale, t));
  const image = { url: `${localizedUrl(locale, `${path}/og-image`)}?v=${version}`, width: OG_WIDTH, height: OG_HEIGHT, alt: t("ogAlt", { name }) };
  const meta = pageMetadata({
    locale,
    path,
    title: t("metaTitle", { name }),
    description: clip(
      t("metaDescription", {
        name,
        count: String(sf.items.length),
        followers: compactCount(sf.creator.followerCount, locale),
        bio: pick(locale, sf.creator.bioZh, sf.creator.bioEn),
      }),
    ),
    image,
    type: "website",
  });
  return { ...meta, openGraph: { ...meta.openGraph, type: "profile", username: sf.creator.handle, images: [{ ...image, type: "image/png" }] } };
}

export default async function StorefrontPage({ params }: Props) {
  const { locale, handle } = await params;
  setRequestLocale(locale);
  const [sf, t, tc] = await Promise.all([
    getStorefront(handle),
    getTranslations({ locale, namespace: "storefront" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const { creator } = sf;
  const bio = pick(locale, creator.bioZh, creator.bioEn);
  const url = localizedUrl(locale, `/c/${creator.handle}`);
  const source = { ch: "storefront" as const, src: creator.id, cr: creator.id };

  const profileLd = {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    "@id": `${url}#page`,
    url,
    name: t("metaTitle", { name: creator.displayName }),
    dateModified: creator.updatedAt.toISOString(),
    mainEntity: {
      "@type": "Person",
      "@id": `${url}#person`,
      name: creator.displayName,
      alternateName: `@${creator.handle}`,
      identifier: creator.handle,
      image: absoluteUrl(creator.avatarUrl.replace(/\.svg$/, ".png")),
      description: bio || undefined,
      knowsAbout: creator.tags.length > 0 ? creator.tags : undefined,
      interactionStatistic: {
        "@type": "InteractionCounter",
        interactionType: "https://schema.org/FollowAction",
        userInteractionCount: creator.followerCount,
      },
    },
  };
  const itemListLd = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: t("itemListName", { name: creator.displayName }),
    numberOfItems: sf.items.length,
    itemListElement: sf.items.map((i, n) => ({
      "@type": "ListItem",
      position: n + 1,
      url: localizedUrl(locale, `/p/${i.product.slug}`),
      name: pick(locale, i.product.titleZh, i.product.titleEn),
    })),
  };
  const crumbs = [{ label: tc("home"), href: "/" }, { label: creator.displayName }];

  return (
    <>
      <JsonLd data={[profileLd, itemListLd, breadcrumbJsonLd(locale, crumbs, url)]} />
      <Breadcrumb items={crumbs} locale={locale} className="py-3" />

      <header className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-line sm:p-6">
        <div className="flex items-start gap-4">
          <img src={creator.avatarUrl} alt="" width={96} height={96} fetchPriority="high" className="h-16 w-16 shrink-0 rounded-full bg-canvas ring-2 ring-brand-soft sm:h-24 sm:w-24" />
          <div className="min-w-0 flex-1">
            <h1 className="truncate text-xl font-bold text-ink sm:text-2xl">{creator.displayName}</h1>
            <p className="text-sm text-muted">@{creator.handle}</p>
            {creator.tags.length > 0 && (
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {creator.tags.map((tag) => (
                  <li key={tag} className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-medium text-brand">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          <dl className="flex gap-6">
            <div className="flex flex-col-reverse">
              <dt className="text-xs text-muted">{t("followersLabel")}</dt>
              <dd className="text-lg font-bold text-ink">{compactCount(creator.followerCount, locale)}</dd>
            </div>
            <div className="flex flex-col-reverse">
              <dt className="text-xs text-muted">{t("productsLabel")}</dt>
              <dd className="text-lg font-bold text-ink">{sf.items.length}</dd>
            </div>
            <div className="flex flex-col-reverse">
              <dt className="text-xs text-muted">{t("videosLabel")}</dt>
              <dd className="text-lg font-bold text-ink">{sf.videos.length}</dd>
            </div>
          </dl>
          <div className="ml-auto flex items-center gap-2">
            {sf.isOwner ? (
              <Link href="/creator/showcase" className="inline-flex h-9 items-center rounded-full px-4 text-sm font-semibold text-brand ring-1 ring-brand hover:bg-brand-soft">
                {t("manage")}
              </Link>
            ) : (
              <FollowButton target={{ creatorId: creator.id }} initialFollowing={sf.isFollowing} initialCount={creator.followerCount} showCount={false} signedIn={sf.isSignedIn} />
            )}
          </div>
        </div>
        {bio && <p className="mt-4 whitespace-pre-line border-t border-line pt-3 text-sm leading-6 text-ink/75">{bio}</p>}
      </header>

      {sf.live.length > 0 && (
        <section aria-labelledby="sf-live" className="mt-5">
          <h2 id="sf-live" className="mb-2 text-lg font-bold">
            {t("liveTitle")}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {sf.live.map((l) => (
              <li key={l.id} className="flex items-center gap-3 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-line">
                <span aria-hidden="true" className="rounded-md bg-brand px-1.5 py-0.5 text-[11px] font-bold text-white">
                  LIVE
                </span>
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-ink">{pick(locale, l.titleZh, l.titleEn)}</p>
                  <p className="text-xs text-muted">
                    <time dateTime={l.scheduledStartAt.toISOString()}>{t("liveAt", { time: formatDateTime(l.scheduledStartAt, locale) })}</time>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sf-showcase" className="mt-5">
        <h2 id="sf-showcase" className="mb-3 text-lg font-bold">
          {t("showcaseTitle")}
        </h2>
        {sf.items.length > 0 ? (
          <ProductGrid>
            {sf.items.map((i, n) => (
              <div key={i.product.id} className="flex flex-col gap-1.5" data-testid="storefront-item">
                <ProductCard product={i.product} locale={locale} priority={n < 4} source={source} />
                {i.pitch && (
                  <p className="rounded-lg bg-brand-soft/60 px-2.5 py-1.5 text-xs leading-5 text-ink/80">
                    <span className="sr-only">{t("pitchLabel")}: </span>
                    {i.pitch}
                  </p>
                )}
              </div>
            ))}
          </ProductGrid>
        ) : (
          <p className="rounded-2xl bg-white px-4 py-12 text-center text-sm text-muted ring-1 ring-line">{t("showcaseEmpty")}</p>
        )}
      </section>

      {sf.videos.length > 0 && (
        <section aria-labelledby="sf-videos" className="mt-6">
          <h2 id="sf-videos" className="mb-3 text-lg font-bold">
            {t("videosTitle")}
          </h2>
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6">
            {sf.videos.map((v) => (
              <li key={v.id}>
                <Link href={`/v/${v.id}`} className="group block" aria-label={t("playVideo", { caption: clip(v.caption, 40) || t("untitledVideo") })}>
                  <div className="relative aspect-[9/16] overflow-hidden rounded-xl bg-canvas">
                    <img src={v.posterUrl} alt="" width={240} height={427} loading="lazy" className="h-full w-full object-cover transition group-hover:scale-105" />
                    <span className="absolute bottom-1 left-1.5 text-[11px] font-medium text-white drop-shadow">▶ {compactCount(v.viewCount, locale)}</span>
                  </div>
                  <p className="mt-1 line-clamp-2 text-xs text-ink/80">{v.caption}</p>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

