import type { Metadata } from "next";
import Image from "next/image";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { ProductStatusBadge } from "@/app/[locale]/seller/products/status-badge";
import { ProductActions } from "@/app/[locale]/seller/products/product-actions";

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUSES = ["DRAFT", "ACTIVE", "REJECTED", "DELISTED"] as const;
type Status = (typeof STATUSES)[number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "merchant" });
  return { title: t("products.title") };
}

export default async function SellerProductsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const rawStatus = firstParam(sp.status) ?? "";
  const status = (STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as Status) : undefined;
  const q = firstParam(sp.q)?.trim().slice(0, 60) || undefined;
  const qc = getQueryClient();
  const [t, rows] = await Promise.all([getTranslations({ locale, namespace: "merchant" }), qc.fetchQuery(trpc.merchant.products.queryOptions({ status, q }))]);
  const field = "h-10 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand";
  const range = (min: number, max: number) => (min === max ? formatFen(min) : `${formatFen(min)}–${formatFen(max)}`);

  return (
    <div className="space-y-3 pb-6">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold">{t("products.title")}</h1>
        <div className="ml-auto flex gap-2">
          <Link href="/seller/products/import" className="h-9 rounded-full px-4 text-sm font-semibold leading-9 text-brand ring-1 ring-brand hover:bg-brand-soft">
            {t("products.import")}
          </Link>
          <Link href="/seller/products/new" className="h-9 rounded-full bg-brand px-4 text-sm font-semibold leading-9 text-white hover:bg-brand-dark">
            {t("products.new")}
          </Link>
        </div>
      </div>

      <form method="get" role="search" aria-label={t("products.filtersLabel")} className="grid gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <label className="block text-xs font-medium text-muted">
          {t("products.status")}
          <select name="status" defaultValue={status ?? ""} className={`${field} mt-1 text-ink`}>
            <option value="">{t("products.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs font-medium text-muted">
          {t("products.search")}
          <input type="search" name="q" defaultValue={q ?? ""} placeholder={t("products.searchPlaceholder")} maxLength={60} className={`${field} mt-1 text-ink`} />
        </label>
        <button type="submit" className="h-10 rounded-full bg-ink px-5 text-sm font-semibold text-white">
          {t("products.apply")}
        </button>
      </form>

      <p className="text-sm text-muted">{t("products.count", { count: rows.length })}</p>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-muted">{status || q ? t("products.emptyFiltered") : t("products.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((p) => {
            const reasons = p.statusReason?.split("\n").filter(Boolean) ?? [];
            const title = pick(locale, p.titleZh, p.titleEn);
            return (
              <li key={p.id} className="flex gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line" data-testid="product-row">
                <div className="h-16 w-16 shrink-0 overflow-hidden rounded-lg bg-gray-100">
                  {p.imageUrl && <Image src={p.imageUrl} alt="" width={64} height={64} className="h-16 w-16 object-cover" unoptimized={p.imageUrl.endsWith(".svg")} />}
                </div>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/seller/products/${p.id}/edit`} className="min-w-0 truncate font-medium hover:text-brand">
                      {title}
                    </Link>
                    <ProductStatusBadge status={p.status} locale={locale} />
                  </div>
                  <p className="text-xs text-muted">
                    {range(p.minPriceFen, p.maxPriceFen)} · {t("products.stock", { count: p.totalStock })} · {t("products.skus", { count: p.skuCount })} · {t("products.sales", { count: p.salesCount })}
                  </p>
                  {reasons.length > 0 && p.status !== "ACTIVE" && (
                    <ul className="list-disc pl-5 text-xs text-brand-dark">
                      {reasons.slice(0, 3).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                      {reasons.length > 3 && <li>{t("products.moreReasons", { count: reasons.length - 3 })}</li>}
                    </ul>
                  )}
                  <div className="flex flex-wrap items-center gap-2 pt-1">
                    <Link href={`/seller/products/${p.id}/edit`} className="h-8 rounded-full px-3 text-xs font-semibold leading-8 ring-1 ring-line hover:text-brand">
                      {t("products.edit")}
                    </Link>
                    <ProductActions productId={p.id} status={p.status} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
