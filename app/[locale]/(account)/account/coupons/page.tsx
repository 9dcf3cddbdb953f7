// My coupons: available (soonest to expire first), used and expired, as tabs (?status=used|expired).
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";
import { pick } from "@/app/_lib/format";
import { couponCondition, couponDate, couponFigure, couponValidity } from "@/app/_components/coupon/coupon-label";

type Status = "AVAILABLE" | "USED" | "EXPIRED";
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseStatus(v: unknown): Status {
  return v === "used" ? "USED" : v === "expired" ? "EXPIRED" : "AVAILABLE";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "coupon" });
  return pageMetadata({ locale, path: "/account/coupons", title: t("walletTitle"), description: t("walletDescription"), noindex: true });
}

export default async function CouponWalletPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const status = parseStatus((await searchParams).status);
  const [t, wallet] = await Promise.all([getTranslations({ locale, namespace: "coupon" }), getQueryClient().fetchQuery(trpc.coupon.wallet.queryOptions({ status }))]);
  const tabs: Array<{ status: Status; label: string; query?: { status: string } }> = [
    { status: "AVAILABLE", label: t("tabAvailable", { count: wallet.counts.AVAILABLE }) },
    { status: "USED", label: t("tabUsed", { count: wallet.counts.USED }), query: { status: "used" } },
    { status: "EXPIRED", label: t("tabExpired", { count: wallet.counts.EXPIRED }), query: { status: "expired" } },
  ];
  const dim = status !== "AVAILABLE";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 mt-4 text-xl font-bold">{t("walletTitle")}</h1>
      <nav aria-label={t("walletTitle")} className="mb-3 flex gap-2 overflow-x-auto">
        {tabs.map((tab) => (
          <Link
            key={tab.status}
            href={{ pathname: "/account/coupons", query: tab.query }}
            aria-current={tab.status === status ? "page" : undefined}
            className={`shrink-0 rounded-full px-4 py-1.5 text-sm ${tab.status === status ? "bg-ink font-semibold text-white" : "bg-white text-ink ring-1 ring-line hover:text-brand"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {wallet.items.length === 0 ? (
        <div className="rounded-2xl bg-white p-8 text-center ring-1 ring-line">
          <p className="font-semibold">{t("walletEmpty")}</p>
          <p className="mt-1 text-sm text-muted">{t("walletEmptyHint")}</p>
          <Link href="/" className="mt-4 inline-block rounded-full bg-brand px-6 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("goShopping")}
          </Link>
        </div>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2" data-testid="coupon-wallet">
          {wallet.items.map((item) => {
            const c = item.coupon;
            const shopName = c.scope === "PLATFORM" ? t("platform") : pick(locale, c.shopNameZh ?? "", c.shopNameEn ?? "");
            return (
              <li key={item.userCouponId} className={`flex overflow-hidden rounded-xl ring-1 ${dim ? "bg-canvas ring-line" : "bg-brand-soft ring-brand/20"}`}>
                <div className={`flex w-24 shrink-0 flex-col items-center justify-center px-1 text-white ${dim ? "bg-muted/60" : "bg-brand"}`}>
                  <span className="text-xl font-bold leading-tight">{couponFigure(t, c)}</span>
                  <span className="text-[10px] opacity-90">{c.scope === "PLATFORM" ? t("platform") : t("shop")}</span>
                </div>
                <div className="min-w-0 flex-1 p-3">
                  <p className="truncate text-sm font-semibold">{couponCondition(t, c)}</p>
                  <p className="truncate text-xs text-muted">{shopName} · {pick(locale, c.titleZh, c.titleEn)}</p>
                  <p className="mt-1 text-[11px] text-muted">
                    {item.usedAt ? t("usedAt", { date: couponDate(item.usedAt) }) : couponValidity(t, c.startsAt, c.endsAt)}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
