"use client";
// Member price (会员价) of the selected SKU in the product page's purchase panel: members see it as
// their price; everyone else sees a teaser that links to the shop page to join.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { formatFen } from "@/app/_lib/format";
import type { ProductMemberPrices } from "@/server/shop/decoration.schema";

export function MemberPriceBand({ data, variantId }: { data: ProductMemberPrices; variantId: string | null }) {
  const t = useTranslations("decoration");
  if (data.prices.length === 0) return null;
  const selected = variantId ? data.prices.find((p) => p.variantId === variantId) : undefined;
  if (variantId && !selected) return null;
  const fen = selected ? selected.memberPriceFen : Math.min(...data.prices.map((p) => p.memberPriceFen));
  const price = selected ? formatFen(fen) : t("fromPrice", { price: formatFen(fen) });
  return (
    <div className="flex items-center justify-between gap-3 rounded-2xl bg-amber-50 px-4 py-2.5 ring-1 ring-amber-200" data-testid="member-price-band">
      <p className="text-sm text-amber-900">
        <span className="mr-1.5 rounded bg-amber-400 px-1.5 py-0.5 text-xs font-bold text-amber-950">{t("memberBadge")}</span>
        {data.isMember ? t("memberPrice", { price }) : t("memberTeaser", { price })}
      </p>
      {!data.isMember && (
        <Link href={`/s/${data.shopSlug}`} className="shrink-0 text-sm font-semibold text-amber-900 underline-offset-2 hover:underline">
          {t("joinCta")}
        </Link>
      )}
    </div>
  );
}
