// Operator console: platform coupons (work across shops, applied after shop coupons).
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { CouponManager } from "@/app/_components/coupon/coupon-manager";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "coupon" });
  return { title: t("adminTitle"), description: t("adminDescription"), robots: { index: false, follow: false } };
}

export default async function AdminCouponsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t] = await Promise.all([getTranslations({ locale, namespace: "coupon" }), getQueryClient().fetchQuery(trpc.coupon.admin.list.queryOptions())]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-1 text-xl font-bold">{t("adminTitle")}</h1>
      <p className="mb-4 text-sm text-muted">{t("adminDescription")}</p>
      <HydrateClient>
        <CouponManager mode={{ kind: "admin" }} />
      </HydrateClient>
    </div>
  );
}
