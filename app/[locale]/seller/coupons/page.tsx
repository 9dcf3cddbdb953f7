// Seller centre: the shop's coupons (create, list with claimed / used counts, deactivate).
// A seller of several shops picks one with ?shop=<id>; the procedures check membership again.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { CouponManager } from "@/app/_components/coupon/coupon-manager";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "coupon" });
  return { title: t("sellerTitle"), description: t("sellerDescription"), robots: { index: false, follow: false } };
}

export default async function SellerCouponsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const qc = getQueryClient();
  const [t, shops] = await Promise.all([getTranslations({ locale, namespace: "coupon" }), qc.fetchQuery(trpc.sellerOrder.shops.queryOptions())]);
  const shop = shops.find((s) => s.id === sp.shop) ?? shops[0];
  if (shop) await qc.fetchQuery(trpc.coupon.seller.list.queryOptions({ shopId: shop.id }));
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-1 text-xl font-bold">{t("sellerTitle")}</h1>
      <p className="mb-4 text-sm text-muted">{t("sellerDescription")}</p>
      {shops.length > 1 && (
        <nav aria-label={t("shopPicker")} className="mb-3 flex gap-2 overflow-x-auto">
          {shops.map((s) => (
            <Link
              key={s.id}
              href={{ pathname: "/seller/coupons", query: { shop: s.id } }}
              aria-current={s.id === shop?.id ? "page" : undefined}
              className={`shrink-0 rounded-full px-4 py-1.5 text-sm ${s.id === shop?.id ? "bg-ink font-semibold text-white" : "bg-white ring-1 ring-line hover:text-brand"}`}
            >
              {pick(locale, s.nameZh, s.nameEn)}
            </Link>
          ))}
        </nav>
      )}
      {shop ? (
        <HydrateClient>
          <CouponManager key={shop.id} mode={{ kind: "seller", shopId: shop.id }} />
        </HydrateClient>
      ) : (
        <p className="rounded-2xl bg-white px-4 py-10 text-center text-sm text-muted ring-1 ring-line">{t("listEmpty")}</p>
      )}
    </div>
  );
}
