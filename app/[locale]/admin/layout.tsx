// Platform operations: admins only. Never indexed.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AreaNav } from "@/app/_components/area-nav";
import { requireUser } from "@/app/_lib/require-user";
import type { Locale } from "@/app/_i18n/routing";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale, "ADMIN");
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <>
      <AreaNav
        label={t("adminArea")}
        items={[
          { href: "/admin/arbitration", label: t("adminArbitration") },
          { href: "/admin/search", label: t("adminSearch") },
          { href: "/admin/campaigns", label: (await getTranslations({ locale, namespace: "campaign.admin" }))("title") },
          { href: "/admin/coupons", label: (await getTranslations({ locale, namespace: "coupon" }))("adminTitle") },
        ]}
      />
      {children}
    </>
  );
}
