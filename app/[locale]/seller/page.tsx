// Merchant centre home: each of the seller's shops with real figures and the way in to each task.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";

type Props = { params: Promise<{ locale: Locale }> };

const STATUSES = ["ACTIVE", "DRAFT", "REJECTED", "DELISTED"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "merchant" });
  return { title: t("home.title") };
}

export default async function SellerHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, home] = await Promise.all([getTranslations({ locale, namespace: "merchant" }), getQueryClient().fetchQuery(trpc.merchant.home.queryOptions())]);
  const link = "rounded-full px-3 py-1.5 text-sm font-semibold ring-1 ring-line hover:text-brand hover:ring-brand";

  return (
    <div className="space-y-4 pb-6">
      <h1 className="text-xl font-bold">{t("home.title")}</h1>
      {home.shops.length === 0 && <p className="rounded-xl bg-white p-6 text-center text-muted">{t("noShop")}</p>}
      {home.shops.map((shop) => (
        <section key={shop.id} aria-labelledby={`shop-${shop.id}`} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`shop-${shop.id}`} className="text-lg font-semibold">
              {pick(locale, shop.nameZh, shop.nameEn)}
            </h2>
            {shop.status !== "ACTIVE" && <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand-dark">{t("home.shopNotActive")}</span>}
            <Link href={`/s/${shop.slug}`} className="ml-auto text-sm text-brand hover:underline">
              {t("home.viewShop")}
            </Link>
          </div>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
            {STATUSES.map((s) => (
              <li key={s}><Link href={`/seller/products?status=${s}`} className="block rounded-lg bg-gray-50 p-3 hover:bg-brand-soft">
                <span className="block text-xs text-muted">{t(`status.${s}`)}</span>
                <span className="block text-2xl font-bold tabular-nums">{shop.productsByStatus[s] ?? 0}</span>
              </Link></li>
            ))}
            <li><Link href={`/seller/orders?shop=${shop.id}&status=PAID`} className="block rounded-lg bg-gray-50 p-3 hover:bg-brand-soft">
              <span className="block text-xs text-muted">{t("home.ordersToShip")}</span>
              <span className="block text-2xl font-bold tabular-nums">{shop.ordersToShip}</span>
            </Link></li>
            <li><Link href="/seller/after-sales" className="block rounded-lg bg-gray-50 p-3 hover:bg-brand-soft">
              <span className="block text-xs text-muted">{t("home.openAfterSales")}</span>
              <span className="block text-2xl font-bold tabular-nums">{shop.openAfterSales}</span>
            </Link></li>
          </ul>
        </section>
      ))}
      {home.shops.length > 0 && (
        <nav aria-label={t("home.quickLinks")} className="flex flex-wrap gap-2">
          <Link href="/seller/products/new" className={link}>
            {t("products.new")}
          </Link>
          <Link href="/seller/products/import" className={link}>
            {t("products.import")}
          </Link>
          <Link href="/seller/products" className={link}>
            {t("nav.products")}
          </Link>
          <Link href="/seller/orders" className={link}>
            {t("home.orders")}
          </Link>
          <Link href="/seller/after-sales" className={link}>
            {t("home.afterSales")}
          </Link>
          <Link href="/seller/reviews" className={link}>
            {t("home.reviews")}
          </Link>
        </nav>
      )}
    </div>
  );
}
