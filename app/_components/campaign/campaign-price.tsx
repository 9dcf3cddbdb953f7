"use client";
// The product page's campaign band: "活动价 ¥x" for the selected SKU (or the lowest campaign price
// while none is picked) with the regular price struck through, the campaign linking to its page, and
// the countdown to its end. Prices come from the server (server/marketing/price.ts), never computed here.
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";
import type { ProductCampaignPrices } from "@/server/marketing/campaign.schema";
import { Countdown } from "./countdown";

export function CampaignPrice({ data, variantId }: { data: NonNullable<ProductCampaignPrices>; variantId: string | null }) {
  const t = useTranslations("campaign");
  const locale = useLocale();
  const selected = variantId ? data.variants.find((v) => v.variantId === variantId) : undefined;
  let price: { priceFen: number; regularPriceFen: number } | null = null;
  let isFrom = false;
  if (selected) {
    if (!selected.isCampaign) return null;
    price = selected;
  } else {
    const inCampaign = data.variants.filter((v) => v.isCampaign).sort((a, b) => a.priceFen - b.priceFen);
    if (inCampaign.length === 0) return null;
    price = inCampaign[0];
    isFrom = data.variants.length > 1;
  }
  const pct = Math.round(((price.regularPriceFen - price.priceFen) * 100) / price.regularPriceFen);
  return (
    <div data-testid="campaign-price-band" className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1.5 rounded-2xl bg-ink px-4 py-2.5 text-white">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="rounded bg-brand px-1.5 py-0.5 text-xs font-bold">{t("productBand")}</span>
        <span className="text-xl font-bold" data-testid="campaign-price">
          {formatFen(price.priceFen)}
        </span>
        {isFrom && <span className="text-xs text-white/80">{t("from")}</span>}
        <s className="text-sm text-white/70">
          <span className="sr-only">{t("regularPrice")} </span>
          {formatFen(price.regularPriceFen)}
        </s>
        {pct > 0 && <span className="text-xs font-semibold text-accent">{t("off", { percent: pct })}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <Link href={`/campaign/${data.campaign.slug}`} className="font-semibold underline-offset-2 hover:underline">
          {pick(locale, data.campaign.titleZh, data.campaign.titleEn)} ›
        </Link>
        <Countdown target={new Date(data.campaign.endsAt).toISOString()} mode="end" className="text-xs text-white/90" />
      </div>
    </div>
  );
}
