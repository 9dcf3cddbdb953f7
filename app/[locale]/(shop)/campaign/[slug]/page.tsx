// A campaign (营销场): banner, texts, live countdown, enrolled products at the campaign price (links
// carry ch=campaign&src=<campaign id>, so orders are attributed MARKETING / CAMPAIGN) and, for origin
// and regional-goods campaigns, the region's story and producers.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { absoluteUrl, clip, localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { firstParam } from "@/app/_components/pagination";
import { ProductGrid } from "@/app/_components/product-card";
import { CampaignKindBadge } from "@/app/_components/campaign/campaign-card";
import { CampaignProductCard } from "@/app/_components/campaign/campaign-product-card";
import { Countdown } from "@/app/_components/campaign/countdown";
import { formatCampaignTime } from "@/app/_components/campaign/campaign-format";
import type { CampaignDetail, CampaignSort } from "@/server/marketing/campaign.schema";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS: CampaignSort[] = ["discount", "sales"];

function parseSort(raw: string | string[] | undefined): CampaignSort {
  return firstParam(raw) === "sales" ? "sales" : "discount";
}

function getCampaign(slug: string, sort: CampaignSort) {
  return fetchOr404(trpc.campaign.get.queryOptions({ slug, sort }));
}

const sortPath = (slug: string, sort: CampaignSort) => (sort === "discount" ? `/campaign/${slug}` : `/campaign/${slug}?sort=${sort}`);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const sort = parseSort((await searchParams).sort);
  const c = await getCampaign(slug, sort);
  const t = await getTranslations({ locale, namespace: "campaign" });
  const title = pick(locale, c.titleZh, c.titleEn);
  return pageMetadata({
    locale,
    path: sortPath(c.slug, sort),
    title: t("metaTitle", { title, kind: t(`kind.${c.kind}`) }),
    description: clip(
      pick(locale, c.descriptionZh, c.descriptionEn) ||
        t("metaDescription", { title, subtitle: pick(locale, c.subtitleZh, c.subtitleEn), start: formatCampaignTime(locale, c.startsAt), end: formatCampaignTime(locale, c.endsAt) }),
    ),
    image: c.bannerUrl.endsWith(".svg") ? { url: c.bannerUrl.replace(/\.svg$/, ".png"), width: 1600, height: 600, alt: title } : { url: c.bannerUrl, alt: title },
  });
}

function campaignJsonLd(c: CampaignDetail, locale: Locale, organizer: string) {
  const url = localizedUrl(locale, `/campaign/${c.slug}`);
  const name = pick(locale, c.titleZh, c.titleEn);
  // An online sales event: schema.org Event with a VirtualLocation and online attendance mode.
  const event = {
    "@context": "https://schema.org",
    "@type": "SaleEvent",
    "@id": `${url}#event`,
    name,
    description: clip(pick(locale, c.descriptionZh, c.descriptionEn) || pick(locale, c.subtitleZh, c.subtitleEn), 500) || undefined,
    startDate: c.startsAt.toISOString(),
    endDate: c.endsAt.toISOString(),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
    location: { "@type": "VirtualLocation", url },
    image: [absoluteUrl(c.bannerUrl.replace(/\.svg$/, ".png"))],
    organizer: { "@type": "Organization", name: organizer, url: localizedUrl(locale, "/") },
    url,
  };
  const list = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name,
    numberOfItems: c.products.length,
    itemListElement: c.products.slice(0, 50).map((p, i) => ({
      "@type": "ListItem",
      position: i + 1,
      url: localizedUrl(locale, `/p/${p.slug}`),
      name: pick(locale, p.titleZh, p.titleEn),
    })),
  };
  return [event, list];
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const sort = parseSort((await searchParams).sort);
  const [c, t, tc] = await Promise.all([
    getCampaign(slug, sort),
    getTranslations({ locale, namespace: "campaign" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const title = pick(locale, c.titleZh, c.titleEn);
  const subtitle = pick(locale, c.subtitleZh, c.subtitleEn);
  const description = pick(locale, c.descriptionZh, c.descriptionEn);
  const regionName = c.region ? pick(locale, c.region.nameZh, c.region.nameEn) : "";
  const crumbs = [{ label: tc("home"), href: "/" }, { label: t("listTitle"), href: "/campaigns" }, { label: title }];
  const url = localizedUrl(locale, `/campaign/${c.slug}`);

  return (
    <>
      <JsonLd data={[...campaignJsonLd(c, locale, t("organizer")), breadcrumbJsonLd(locale, crumbs, url)]} />
      <Breadcrumb items={crumbs} locale={locale} className="py-3" />

      <header className="overflow-hidden rounded-2xl bg-white ring-1 ring-line">
        <div className="relative min-h-44 sm:min-h-64" style={{ backgroundColor: c.themeColor }}>
          <img
            src={c.bannerUrl}
            alt=""
            width={1600}
            height={600}
            fetchPriority="high"
            className={`absolute inset-0 h-full w-full object-cover ${c.phase === "ENDED" ? "grayscale" : ""}`}
          />
          <div aria-hidden="true" className="absolute inset-0 bg-gradient-to-r from-black/65 via-black/30 to-transparent" />
          <div className="relative flex max-w-2xl flex-col gap-2 p-4 text-white sm:p-8">
            <div className="flex flex-wrap items-center gap-2">
              <CampaignKindBadge kind={c.kind} />
              {c.region && (
                <span className="rounded-full bg-white/90 px-2 py-0.5 text-[11px] font-medium text-emerald-700">
                  {pick(locale, c.region.provinceZh, c.region.provinceEn)} · {regionName}
                </span>
              )}
            </div>
            <h1 className="text-2xl font-bold leading-tight drop-shadow sm:text-4xl">{title}</h1>
            {subtitle && <p className="text-sm text-white/90 drop-shadow sm:text-base">{subtitle}</p>}
            <p className="text-xs text-white/85">
              {t("window", { start: formatCampaignTime(locale, c.startsAt), end: formatCampaignTime(locale, c.endsAt) })}
            </p>
            <div className="mt-1">
              {c.phase === "RUNNING" && <Countdown target={c.endsAt.toISOString()} mode="end" className="text-white" />}
              {c.phase === "UPCOMING" && <Countdown target={c.startsAt.toISOString()} mode="start" className="text-white" />}
              {c.phase === "ENDED" && (
                <span data-testid="campaign-ended" className="inline-block rounded-full bg-black/60 px-3 py-1 text-sm font-semibold">
                  {t("endedLabel")}
                </span>
              )}
            </div>
          </div>
        </div>
        {(description || c.phase !== "RUNNING") && (
          <div className="space-y-2 px-4 py-3 sm:px-8 sm:py-4">
            {c.phase === "ENDED" && <p className="text-sm font-medium text-muted">{t("endedNote")}</p>}
            {c.phase === "UPCOMING" && <p className="text-sm font-medium text-brand">{t("upcomingNote")}</p>}
            {description && <p className="max-w-4xl whitespace-pre-line text-sm leading-6 text-ink/80">{description}</p>}
          </div>
        )}
      </header>

      {c.regionStory && (c.regionStory.descriptionZh || c.regionStory.descriptionEn) && (
        <section aria-labelledby="campaign-story" className="mt-5 rounded-2xl bg-emerald-50 p-4 ring-1 ring-emerald-100 sm:p-6">
          <h2 id="campaign-story" className="mb-2 text-base font-bold text-emerald-900 sm:text-lg">
            {t("story")} · {regionName}
          </h2>
          <p className="max-w-4xl whitespace-pre-line text-sm leading-6 text-emerald-950/80">{pick(locale, c.regionStory.descriptionZh, c.regionStory.descriptionEn)}</p>
        </section>
      )}

      {c.producers.length > 0 && (
        <section aria-labelledby="campaign-producers" className="mt-5">
          <h2 id="campaign-producers" className="mb-1 text-lg font-bold">
            {t("producers")}
          </h2>
          <p className="mb-3 text-sm text-muted">{t("producersText", { region: regionName })}</p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {c.producers.map((s) => (
              <li key={s.id}>
                <Link href={`/s/${s.slug}`} className="flex items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-line transition hover:shadow-md">
                  <img src={s.logoUrl} alt="" width={48} height={48} loading="lazy" className="h-12 w-12 shrink-0 rounded-xl bg-canvas ring-1 ring-line" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-semibold">{pick(locale, s.nameZh, s.nameEn)}</p>
                    <p className="truncate text-xs text-muted">{pick(locale, s.taglineZh, s.taglineEn)}</p>
                  </div>
                  <span className="shrink-0 rounded-full border border-brand px-3 py-1 text-xs font-semibold text-brand">{t("visitShop")}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="campaign-products" className="mt-6">
        <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="campaign-products" className="text-lg font-bold">
            {t("products")} <span className="text-sm font-normal text-muted">{t("itemCount", { count: c.products.length })}</span>
          </h2>
          <nav aria-label={t("sortLabel")}>
            <ul className="flex w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
              {SORTS.map((s) => (
                <li key={s}>
                  <Link
                    href={s === "discount" ? `/campaign/${c.slug}` : { pathname: `/campaign/${c.slug}`, query: { sort: s } }}
                    aria-current={s === sort ? "page" : undefined}
                    scroll={false}
                    className={`flex h-8 items-center rounded-lg px-3 text-sm ${s === sort ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
                  >
                    {t(`sort.${s}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {c.products.length > 0 ? (
          <ProductGrid>
            {c.products.map((p, i) => (
              <CampaignProductCard key={p.productId} product={p} campaignId={c.id} phase={c.phase} locale={locale} priority={i < 4} />
            ))}
          </ProductGrid>
        ) : (
          <p className="rounded-2xl bg-white px-4 py-12 text-center text-sm text-muted ring-1 ring-line">{t("noProducts")}</p>
        )}
      </section>
    </>
  );
}
