// My account: orders, after-sales, addresses. Signed-in only and never indexed.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AreaNav } from "@/app/_components/area-nav";
import { requireUser } from "@/app/_lib/require-user";
import type { Locale } from "@/app/_i18n/routing";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  const tc = await getTranslations({ locale, namespace: "coupon" });
  return (
    <>
      <AreaNav
        label={t("areaNav")}
        items={[
          { href: "/orders", label: t("orders") },
          { href: "/after-sales", label: t("afterSales") },
          { href: "/account/addresses", label: t("addresses") },
          { href: "/account/coupons", label: tc("walletNav") },
        ]}
      />
      {children}
    </>
  );
}
