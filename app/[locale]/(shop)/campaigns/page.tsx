// All campaigns: running, upcoming and recently ended, each as a banner card.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { localizedUrl, pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { Breadcrumb, breadcrumbJsonLd } from "@/app/_components/breadcrumb";
import { CampaignCard } from "@/app/_components/campaign/campaign-card";
import type { CampaignSummary } from "@/server/marketing/campaign.schema";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "campaign" });
  return pageMetadata({
    locale,
    path: "/campaigns",
    title: t("listMetaTitle"),
    description: t("listDescription"),
    image: { url: "/media/art/banner/campaign-double11-encore.png", width: 1600, height: 600 },
  });
}

function Group({ id, title, items, locale }: { id: string; title: string; items: CampaignSummary[]; locale: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-5">
      <h2 id={id} className="mb-3 text-lg font-bold">
        {title} <span className="text-sm font-normal text-muted">{items.length}</span>
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((c, i) => (
          <li key={c.id}>
            <CampaignCard campaign={c} locale={locale} priority={i < 2} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function CampaignsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [lists, t, tc] = await Promise.all([
    getQueryClient().fetchQuery(trpc.campaign.list.queryOptions()),
    getTranslations({ locale, namespace: "campaign" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const crumbs = [{ label: tc("home"), href: "/" }, { label: t("listTitle") }];
  const url = localizedUrl(locale, "/campaigns");
  const listed = [...lists.running, ...lists.upcoming];
  return (
    <>
      <JsonLd
        data={[
          {
            "@context": "https://schema.org",
            "@type": "ItemList",
            name: t("listTitle"),
            itemListElement: listed.map((c, i) => ({
              "@type": "ListItem",
              position: i + 1,
              url: localizedUrl(locale, `/campaign/${c.slug}`),
              name: pick(locale, c.titleZh, c.titleEn),
            })),
          },
          breadcrumbJsonLd(locale, crumbs, url),
        ]}
      />
      <Breadcrumb items={crumbs} locale={locale} className="py-3" />
      <h1 className="text-xl font-bold sm:text-2xl">{t("listTitle")}</h1>
      <p className="mt-1 text-sm text-muted">{t("listDescription")}</p>
      {listed.length + lists.ended.length === 0 && (
        <p className="mt-5 rounded-2xl bg-white px-4 py-12 text-center text-sm text-muted ring-1 ring-line">{t("noCampaigns")}</p>
      )}
      <Group id="campaigns-running" title={t("running")} items={lists.running} locale={locale} />
      <Group id="campaigns-upcoming" title={t("upcoming")} items={lists.upcoming} locale={locale} />
      <Group id="campaigns-ended" title={t("recentlyEnded")} items={lists.ended} locale={locale} />
    </>
  );
}
