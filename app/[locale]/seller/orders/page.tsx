import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { cleanQuery, firstParam, Pagination, parsePage } from "@/app/_components/pagination";
import { OrderStatusBadge } from "@/app/_components/order/order-status";
import { formatDateTime } from "@/app/_components/order/format-time";

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUSES = ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDING", "REFUNDED"] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 20;

function listOrders(input: Parameters<typeof trpc.sellerOrder.list.queryOptions>[0]) {
  return getQueryClient().fetchQuery(trpc.sellerOrder.list.queryOptions(input));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "seller" });
  return { title: t("orders.title") };
}

export default async function SellerOrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const rawStatus = firstParam(sp.status);
  const filters = {
    shopId: firstParam(sp.shop) || undefined,
    status: (STATUSES as readonly string[]).includes(rawStatus ?? "") ? (rawStatus as Status) : undefined,
    from: firstParam(sp.from) || undefined,
    to: firstParam(sp.to) || undefined,
    q: firstParam(sp.q)?.trim().slice(0, 60) || undefined,
  };
  const page = parsePage(sp.page);
  const qc = getQueryClient();
  const [shops, t, to] = await Promise.all([
    qc.fetchQuery(trpc.sellerOrder.shops.queryOptions()),
    getTranslations({ locale, namespace: "seller" }),
    getTranslations({ locale, namespace: "orders" }),
  ]);
  let error: string | null = null;
  let list: Awaited<ReturnType<typeof listOrders>> | null = null;
  try {
    list = await listOrders({ ...filters, page, pageSize: PAGE_SIZE });
  } catch (err) {
    if (!(err instanceof TRPCError && (err.code === "BAD_REQUEST" || err.code === "FORBIDDEN"))) throw err;
    error = err.message;
  }
  const query = cleanQuery({ shop: filters.shopId, status: filters.status, from: filters.from, to: filters.to, q: filters.q });
  const hasFilters = Object.keys(query).length > 0;
  const field = "h-10 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand";

  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">{t("orders.title")}</h1>

      <form method="get" role="search" aria-label={t("orders.filtersLabel")} className="grid gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        {shops.length > 1 && (
          <div className="lg:col-span-1">
            <label htmlFor="f-shop" className="mb-1 block text-xs font-medium text-muted">
              {t("orders.shop")}
            </label>
            <select id="f-shop" name="shop" defaultValue={filters.shopId ?? ""} className={field}>
              <option value="">{t("orders.allShops")}</option>
              {shops.map((s) => (
                <option key={s.id} value={s.id}>
                  {pick(locale, s.nameZh, s.nameEn)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="f-status" className="mb-1 block text-xs font-medium text-muted">
            {t("orders.status")}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={field}>
            <option value="">{t("orders.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {to(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="mb-1 block text-xs font-medium text-muted">
            {t("orders.from")}
          </label>
          <input id="f-from" type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="f-to" className="mb-1 block text-xs font-medium text-muted">
            {t("orders.to")}
          </label>
          <input id="f-to" type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
        </div>
        <div className={shops.length > 1 ? "" : "lg:col-span-2"}>
          <label htmlFor="f-q" className="mb-1 block text-xs font-medium text-muted">
            {t("orders.search")}
          </label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q ?? ""} placeholder={t("orders.searchPlaceholder")} maxLength={60} className={field} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="h-10 flex-1 rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("orders.apply")}
          </button>
          {hasFilters && (
            <Link href="/seller/orders" className="inline-flex h-10 items-center rounded-full bg-white px-4 text-sm ring-1 ring-line hover:text-brand">
              {t("orders.reset")}
            </Link>
          )}
        </div>
      </form>

      {error && (
        <p role="alert" className="rounded-xl bg-brand-soft px-4 py-3 text-sm text-brand-dark">
          {error}
        </p>
      )}

      {list && (
        <>
          <p className="text-sm text-muted" aria-live="polite">
            {t("orders.count", { count: list.total })}
          </p>
          {list.items.length === 0 ? (
            <p className="rounded-xl bg-white px-4 py-12 text-center text-muted shadow-sm ring-1 ring-line">
              {shops.length === 0 ? t("orders.noShop") : t("orders.empty")}
            </p>
          ) : (
            <ul className="space-y-2">
              {list.items.map((o) => (
                <li key={o.id} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-line md:grid md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_minmax(0,1.3fr)_auto] md:items-center md:gap-4">
                  <div className="flex items-start justify-between gap-2 md:block">
                    <div className="min-w-0">
                      <Link href={`/seller/orders/${o.id}`} className="font-mono text-sm font-medium hover:text-brand">
                        {o.orderNo}
                      </Link>
                      <p className="text-xs text-muted">
                        <time dateTime={o.createdAt.toISOString()}>{formatDateTime(o.createdAt, locale)}</time>
                        {shops.length > 1 && ` · ${pick(locale, o.shop.nameZh, o.shop.nameEn)}`}
                      </p>
                    </div>
                    <span className="md:hidden">
                      <OrderStatusBadge status={o.status} />
                    </span>
                  </div>
                  <div className="mt-2 flex min-w-0 items-center gap-2 md:mt-0">
                    <div className="flex -space-x-2">
                      {o.items.slice(0, 3).map((i) => (
                        <div key={i.id} className="h-10 w-10 shrink-0 overflow-hidden rounded-lg bg-canvas ring-2 ring-white">
                          {i.imageUrl && <img src={i.imageUrl} alt="" width={40} height={40} className="h-full w-full object-cover" />}
                        </div>
                      ))}
                    </div>
                    <p className="min-w-0 truncate text-sm">
                      {pick(locale, o.items[0]?.titleZh ?? "", o.items[0]?.titleEn ?? "")}
                      {o.items.length > 1 && <span className="text-muted"> {t("orders.andMore", { count: o.items.length - 1 })}</span>}
                    </p>
                  </div>
                  <div className="mt-2 flex items-center justify-between gap-2 text-sm md:mt-0 md:block">
                    <p className="truncate">
                      {o.recipient} <span className="text-xs text-muted">{o.city}</span>
                    </p>
                    <p className="font-semibold text-brand">
                      {formatFen(o.totalFen)} <span className="text-xs font-normal text-muted">{to("itemCount", { count: o.itemCount })}</span>
                    </p>
                  </div>
                  <div className="mt-2 flex items-center justify-end gap-2 md:mt-0">
                    <span className="hidden md:inline">
                      <OrderStatusBadge status={o.status} />
                    </span>
                    <Link
                      href={`/seller/orders/${o.id}`}
                      className={`inline-flex h-9 items-center rounded-full px-4 text-sm font-medium ${o.canShip ? "bg-brand text-white hover:bg-brand-dark" : "bg-white ring-1 ring-line hover:text-brand"}`}
                    >
                      {o.canShip ? t("orders.ship") : t("orders.view")}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} locale={locale} hrefFor={(p) => ({ pathname: "/seller/orders", query: { ...query, ...(p > 1 ? { page: String(p) } : {}) } })} />
        </>
      )}
    </div>
  );
}
