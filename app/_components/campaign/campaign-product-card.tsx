// A product in a campaign: campaign price, regular price struck through, discount. After the
// campaign ends (or before it starts) `priceApplies` is false and the card shows the regular price
// only / the coming campaign price as a preview.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { compactCount, formatFen, pick } from "@/app/_lib/format";
import { productHref } from "@/app/_lib/attribution";
import type { CampaignProduct } from "@/server/marketing/campaign.schema";

export function CampaignProductCard({
  product,
  campaignId,
  phase,
  locale,
  priority = false,
}: {
  product: CampaignProduct;
  campaignId: string;
  phase: "UPCOMING" | "RUNNING" | "ENDED";
  locale: string;
  priority?: boolean;
}) {
  const t = useTranslations("campaign");
  const title = pick(locale, product.titleZh, product.titleEn);
  const ended = phase === "ENDED";
  return (
    <Link
      href={productHref(product.slug, { ch: "campaign", src: campaignId })}
      data-testid="campaign-product"
      className="group flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-line transition hover:-translate-y-0.5 hover:shadow-md"
    >
      <div className="relative aspect-square bg-canvas">
        {product.imageUrl && (
          <img src={product.imageUrl} alt={title} width={400} height={400} loading={priority ? "eager" : "lazy"} className="h-full w-full object-cover" />
        )}
        {!ended && product.discountPercent > 0 && (
          <span className="absolute left-2 top-2 rounded-full bg-brand px-2 py-0.5 text-[11px] font-bold text-white">{t("off", { percent: product.discountPercent })}</span>
        )}
        {product.isSoldOut && <span className="absolute inset-x-0 bottom-0 bg-ink/70 py-1 text-center text-xs font-medium text-white">{t("soldOut")}</span>}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-2.5">
        <h3 className="line-clamp-2 text-sm leading-snug text-ink group-hover:text-brand">{title}</h3>
        <div className="mt-auto pt-1">
          {ended ? (
            <span className="text-base font-semibold text-ink" data-testid="campaign-product-price">
              {formatFen(product.regularPriceFen)}
            </span>
          ) : (
            <div className="flex flex-wrap items-baseline gap-x-1.5">
              <span className="text-[11px] font-medium text-brand">{t("campaignPrice")}</span>
              <span className="text-base font-bold text-brand" data-testid="campaign-product-price">
                {formatFen(product.campaignPriceFen)}
              </span>
              <s className="text-xs text-muted">
                <span className="sr-only">{t("regularPrice")} </span>
                {formatFen(product.regularPriceFen)}
              </s>
            </div>
          )}
        </div>
        <div className="flex items-center justify-between gap-2 text-[11px] text-muted">
          <span className="truncate">{pick(locale, product.shop.nameZh, product.shop.nameEn)}</span>
          <span className="shrink-0">{t("sold", { count: compactCount(product.salesCount, locale) })}</span>
        </div>
      </div>
    </Link>
  );
}
