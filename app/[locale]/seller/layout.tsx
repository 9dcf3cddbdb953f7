// Seller centre: sellers only (which shop's data they see is checked by every procedure). Never indexed.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AreaNav } from "@/app/_components/area-nav";
import { requireUser } from "@/app/_lib/require-user";
import type { Locale } from "@/app/_i18n/routing";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function SellerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale, "SELLER");
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <>
      <AreaNav
        label={t("sellerArea")}
        items={[
          { href: "/seller", label: (await getTranslations({ locale, namespace: "merchant" }))("nav.home") },
          { href: "/seller/products", label: (await getTranslations({ locale, namespace: "merchant" }))("nav.products") },
          { href: "/seller/orders", label: t("sellerOrders") },
          { href: "/seller/after-sales", label: t("sellerAfterSales") },
          { href: "/seller/reviews", label: t("sellerReviews") },
          { href: "/seller/commissions", label: (await getTranslations({ locale, namespace: "creator" }))("plans.nav") },
          { href: "/seller/campaigns", label: (await getTranslations({ locale, namespace: "campaign.seller" }))("title") },
          { href: "/seller/coupons", label: (await getTranslations({ locale, namespace: "coupon" }))("sellerTitle") },
          { href: "/seller/shop", label: t("sellerShop") },
        ]}
      />
      {children}
    </>
  );
}
