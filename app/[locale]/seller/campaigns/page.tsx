// Seller centre: campaigns not yet ended, my enrolled SKUs in each, and a form to enrol more.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { CampaignKindBadge } from "@/app/_components/campaign/campaign-card";
import { formatCampaignTime } from "@/app/_components/campaign/campaign-format";
import { EnrolForm, EnrolledActions } from "./enrol-form";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "campaign.seller" });
  return { title: t("title") };
}

export default async function SellerCampaignsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [{ campaigns, skus }, t, tc] = await Promise.all([
    getQueryClient().fetchQuery(trpc.campaign.seller.list.queryOptions()),
    getTranslations({ locale, namespace: "campaign.seller" }),
    getTranslations({ locale, namespace: "campaign" }),
  ]);
  const skuOptions = skus.map((s) => {
    const title = pick(locale, s.titleZh, s.titleEn);
    const variant = pick(locale, s.variantLabelZh, s.variantLabelEn);
    return { variantId: s.variantId, label: variant ? `${title} (${variant})` : title, priceFen: s.priceFen, regionId: s.regionId };
  });
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-1 text-xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      {campaigns.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted ring-1 ring-line">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {campaigns.map((c) => (
            <li key={c.id} className="rounded-2xl bg-white p-4 ring-1 ring-line" data-testid="seller-campaign">
              <div className="flex flex-wrap items-center gap-2">
                <CampaignKindBadge kind={c.kind} />
                <Link href={`/campaign/${c.slug}`} className="font-semibold hover:text-brand">
                  {pick(locale, c.titleZh, c.titleEn)}
                </Link>
                <span className="text-xs text-muted">
                  {tc(c.phase === "RUNNING" ? "running" : "upcoming")} ·{" "}
                  {tc("window", { start: formatCampaignTime(locale, c.startsAt), end: formatCampaignTime(locale, c.endsAt) })} ·{" "}
                  {t("minDiscount", { percent: c.minDiscountBp / 100 })}
                </span>
              </div>
              <h2 className="mb-2 mt-3 text-sm font-semibold">{c.enrolled.length ? t("enrolled", { count: c.enrolled.length }) : t("noneEnrolled")}</h2>
              {c.enrolled.length > 0 && (
                <ul className="mb-3 divide-y divide-line rounded-xl bg-canvas">
                  {c.enrolled.map((e) => (
                    <li key={e.variantId} className="flex flex-col gap-2 px-3 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
                      <div className="min-w-0">
                        <Link href={`/p/${e.productSlug}`} className="line-clamp-1 hover:text-brand">
                          {pick(locale, e.titleZh, e.titleEn)}
                          {pick(locale, e.variantLabelZh, e.variantLabelEn) && <span className="text-muted"> ({pick(locale, e.variantLabelZh, e.variantLabelEn)})</span>}
                        </Link>
                        <p className="text-xs">
                          <span className="font-semibold text-brand">{formatFen(e.campaignPriceFen)}</span>{" "}
                          <s className="text-muted">{t("regular", { price: formatFen(e.regularPriceFen) })}</s>
                        </p>
                      </div>
                      <EnrolledActions campaignId={c.id} variantId={e.variantId} canWithdraw={c.canWithdraw} currentPriceFen={e.campaignPriceFen} />
                    </li>
                  ))}
                </ul>
              )}
              {c.canEnrol ? (
                <EnrolForm
                  campaignId={c.id}
                  skus={c.regionId ? skuOptions.filter((s) => s.regionId === c.regionId) : skuOptions}
                  minDiscountBp={c.minDiscountBp}
                />
              ) : (
                <p className="text-sm text-muted">{t("closed")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
