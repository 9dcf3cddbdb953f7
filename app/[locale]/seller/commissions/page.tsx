// Seller centre, commission plans for creators: the shop-wide plan and per-product plans.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { PlanForm } from "./plan-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "creator" });
  return { title: t("plans.title") };
}

export default async function CommissionPlansPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const shopId = firstParam(sp.shop)?.slice(0, 64) || undefined;
  const [data, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.affiliate.plans.list.queryOptions({ shopId })),
    getTranslations({ locale, namespace: "creator.plans" }),
  ]);
  if (!data.shopId) return <p className="mx-auto max-w-3xl rounded-xl bg-white px-4 py-14 text-center text-muted ring-1 ring-line">{t("noShop")}</p>;
  const currentShopId = data.shopId;
  const status = (plan: { isActive: boolean } | null) =>
    plan ? (plan.isActive ? <span className="text-emerald-700">{t("active")}</span> : <span className="text-muted">{t("inactive")}</span>) : <span className="text-muted">{t("none")}</span>;

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mb-3 mt-1 text-sm text-muted">{t("intro")}</p>
      {data.shops.length > 1 && (
        <nav aria-label={t("shop")} className="mb-3">
          <ul className="flex flex-wrap gap-1">
            {data.shops.map((s) => (
              <li key={s.id}>
                <Link
                  href={{ pathname: "/seller/commissions", query: { shop: s.id } }}
                  aria-current={s.id === currentShopId ? "page" : undefined}
                  className={`flex h-8 items-center rounded-lg px-3 text-sm ring-1 ring-line ${s.id === currentShopId ? "bg-brand text-white" : "bg-white"}`}
                >
                  {pick(locale, s.nameZh, s.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section aria-labelledby="shop-plan" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <div className="mb-2 flex items-baseline justify-between gap-2">
          <h2 id="shop-plan" className="text-base font-bold">
            {t("shopWide")}
          </h2>
          <span className="text-xs">{status(data.shopPlan)}</span>
        </div>
        <p className="mb-2 text-xs text-muted">{t("shopWideHint")}</p>
        <PlanForm
          key={`shop:${data.shopPlan?.updatedAt.toISOString() ?? "none"}`}
          shopId={currentShopId}
          planId={data.shopPlan?.id ?? null}
          rateBp={data.shopPlan?.rateBp ?? null}
          isActive={data.shopPlan?.isActive ?? false}
          label={t("shopWide")}
        />
      </section>

      <section aria-labelledby="product-plans" className="mt-4">
        <h2 id="product-plans" className="mb-2 text-base font-bold">
          {t("products")}
        </h2>
        <ul className="space-y-2" data-testid="product-plans">
          {data.products.map((p) => {
            const title = pick(locale, p.titleZh, p.titleEn);
            return (
              <li key={p.id} className="flex flex-col gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="line-clamp-1 text-sm font-medium">{title}</p>
                  <p className="text-xs text-muted">
                    {formatFen(p.minPriceFen)} · {status(p.plan)}
                  </p>
                </div>
                <PlanForm
                  key={`${p.id}:${p.plan?.updatedAt.toISOString() ?? "none"}`}
                  shopId={currentShopId}
                  productId={p.id}
                  planId={p.plan?.id ?? null}
                  rateBp={p.plan?.rateBp ?? null}
                  isActive={p.plan?.isActive ?? false}
                  label={t("rateLabel", { title })}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
