import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { compactCount, pick, rating } from "@/app/_lib/format";
import { localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { CampaignStrip } from "@/app/_components/campaign/campaign-strip";
import { ForYouGrid } from "@/app/[locale]/(shop)/for-you-grid";
import { FOR_YOU_INPUT, FOR_YOU_PAGING } from "@/app/[locale]/(shop)/for-you-query";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  const tc = await getTranslations({ locale, namespace: "common" });
  return {
    ...pageMetadata({ locale, path: "/", title: t("title"), description: tc("siteDescription"), image: { url: "/media/art/banner/home-1.png", width: 1600, height: 600 } }),
    title: { absolute: t("title") },
  };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const qc = getQueryClient();
  const [categories, shops] = await Promise.all([
    qc.fetchQuery(trpc.catalog.categoryTree.queryOptions()),
    qc.fetchQuery(trpc.shop.featured.queryOptions({ limit: 8 })),
    // First page of "for you", handed to the client grid through HydrateClient.
    qc.prefetchInfiniteQuery(trpc.reco.forYou.infiniteQueryOptions(FOR_YOU_INPUT, FOR_YOU_PAGING)),
  ]);
  const leafCategories = categories.flatMap((c) => (c.children.length ? c.children : [c])).slice(0, 16);

  return (
    <>
      <JsonLd
        data={[
          {
            "@context": "https://schema.org",
            "@type": "WebSite",
            name: tc("siteName"),
            url: localizedUrl(locale, "/"),
            inLanguage: locale === "en" ? "en" : "zh-CN",
            potentialAction: {
              "@type": "SearchAction",
              target: { "@type": "EntryPoint", urlTemplate: `${localizedUrl(locale, "/search")}?q={search_term_string}` },
              "query-input": "required name=search_term_string",
            },
          },
          { "@context": "https://schema.org", "@type": "Organization", name: tc("siteName"), url: localizedUrl(locale, "/"), logo: localizedUrl(locale, "/favicon.svg") },
        ]}
      />
      <section className="relative mt-3 overflow-hidden rounded-2xl bg-ink text-white">
        <img src="/media/art/banner/home-1.svg" alt="" width={1600} height={600} className="absolute inset-0 h-full w-full object-cover opacity-70" />
        <div className="relative max-w-xl space-y-3 p-6 sm:p-10">
          <p className="text-xs font-semibold uppercase tracking-widest text-accent">{tc("tagline")}</p>
          <h1 className="text-2xl font-bold leading-tight sm:text-4xl">{t("heroTitle")}</h1>
          <p className="text-sm text-white/85 sm:text-base">{t("heroText")}</p>
          <Link href={`/category/${categories[0]?.slug ?? ""}`} className="inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold hover:bg-brand-dark">
            {t("heroCta")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="home-categories" className="mt-5 rounded-2xl bg-white p-3 sm:p-4">
        <h2 id="home-categories" className="sr-only">
          {t("categories")}
        </h2>
        <ul className="grid grid-cols-4 gap-y-3 sm:grid-cols-8">
          {leafCategories.map((c) => (
            <li key={c.id}>
              <Link href={`/category/${c.slug}`} className="group flex flex-col items-center gap-1.5 text-center text-xs">
                <img src={`/media/art/category/${c.artKey}.svg`} alt="" width={56} height={56} className="h-12 w-12 rounded-2xl transition group-hover:scale-105 sm:h-14 sm:w-14" />
                <span className="line-clamp-1 group-hover:text-brand">{pick(locale, c.nameZh, c.nameEn)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <CampaignStrip locale={locale} />

      <section aria-labelledby="home-shops" className="mt-6">
        <h2 id="home-shops" className="mb-3 text-lg font-bold">
          {t("featuredShops")}
        </h2>
        <ul className="no-scrollbar -mx-3 flex snap-x gap-3 overflow-x-auto px-3 sm:mx-0 sm:grid sm:grid-cols-4 sm:px-0">
          {shops.map((s) => (
            <li key={s.id} className="w-64 shrink-0 snap-start sm:w-auto">
              <Link href={`/s/${s.slug}`} className="block overflow-hidden rounded-xl bg-white ring-1 ring-line transition hover:shadow-md">
                <img src={s.bannerUrl} alt="" width={640} height={200} loading="lazy" className="h-20 w-full object-cover" />
                <div className="flex items-center gap-2.5 p-3">
                  <img src={s.logoUrl} alt="" width={44} height={44} className="-mt-8 h-11 w-11 rounded-xl border-2 border-white bg-white" />
                  <div className="min-w-0">
                    <p className="truncate text-sm font-semibold">{pick(locale, s.nameZh, s.nameEn)}</p>
                    <p className="truncate text-[11px] text-muted">
                      <span className="mr-1 rounded bg-brand-soft px-1 text-brand">{t(`shopKind.${s.kind}`)}</span>★ {rating(s.scoreX100)} ·{" "}
                      {t("followers", { count: compactCount(s.followerCount, locale) })}
                    </p>
                  </div>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-for-you" className="mt-6">
        <h2 id="home-for-you" className="mb-3 text-lg font-bold">
          {t("forYou")}
        </h2>
        <HydrateClient>
          <ForYouGrid />
        </HydrateClient>
      </section>
    </>
  );
}
