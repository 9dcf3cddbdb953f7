import { getTranslations } from "next-intl/server";
import type { ShopDetail } from "@/server/shop/shop.schema";

type ShopKind = ShopDetail["kind"];

const STYLES: Record<ShopKind, string> = {
  BRAND_FLAGSHIP: "bg-ink text-amber-200",
  FARM_GOODS: "bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-200",
  INDUSTRIAL_BELT: "bg-sky-50 text-sky-700 ring-1 ring-inset ring-sky-200",
  INDEPENDENT: "bg-amber-50 text-amber-700 ring-1 ring-inset ring-amber-200",
};

/** 品牌旗舰 / 产地好物 / 产业带工厂 / 独立小店 — the labels live in `home.shopKind.*`. */
export async function ShopKindBadge({ kind, locale, className = "" }: { kind: ShopKind; locale: string; className?: string }) {
  const t = await getTranslations({ locale, namespace: "home" });
  return (
    <span className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-semibold leading-none ${STYLES[kind]} ${className}`}>
      {t(`shopKind.${kind}`)}
    </span>
  );
}
