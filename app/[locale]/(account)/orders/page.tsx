import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { OrderStatusBadge } from "@/app/_components/order/order-status";
import { OrderItemRow } from "@/app/_components/order/order-item-row";
import { formatDateTime } from "@/app/_components/order/format-time";
import { ORDER_TABS, type OrderCard, type OrderTab } from "@/server/order/order.schema";
import { CancelButton, ConfirmReceiptButton, PayButton } from "./order-actions";

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "orders" });
  return { title: t("title") };
}

function readTab(raw: string | undefined): OrderTab {
  return (ORDER_TABS as readonly string[]).includes(raw ?? "") ? (raw as OrderTab) : "all";
}

export default async function OrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const tab = readTab(firstParam(sp.tab));
  const cursor = firstParam(sp.cursor);
  const paid = firstParam(sp.paid);
  const qc = getQueryClient();
  const [list, counts, t] = await Promise.all([
    qc.fetchQuery(trpc.order.list.queryOptions({ tab, cursor: cursor && cursor.length <= 64 ? cursor : null, limit: 10 })),
    qc.fetchQuery(trpc.order.counts.queryOptions()),
    getTranslations({ locale, namespace: "orders" }),
  ]);
  const badge: Partial<Record<OrderTab, number>> = counts;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 text-xl font-bold">{t("title")}</h1>

      {paid && (
        <p role="status" className="mb-3 flex items-center gap-2 rounded-xl bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <span aria-hidden="true">✓</span>
          {t("paidBanner")}
        </p>
      )}

      <nav aria-label={t("tabsLabel")} className="no-scrollbar -mx-3 mb-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
          {ORDER_TABS.map((key) => {
            const n = badge[key] ?? 0;
            const active = key === tab;
            return (
              <li key={key}>
                <Link
                  href={key === "all" ? "/orders" : { pathname: "/orders", query: { tab: key } }}
                  aria-current={active ? "page" : undefined}
                  className={`relative flex h-9 items-center gap-1 rounded-lg px-3 text-sm ${active ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
                >
                  {t(`tabs.${key}`)}
                  {n > 0 && (
                    <span className={`min-w-5 rounded-full px-1.5 text-center text-[11px] font-semibold ${active ? "bg-white text-brand" : "bg-brand-soft text-brand"}`}>
                      <span className="sr-only">(</span>
                      {n > 99 ? "99+" : n}
                      <span className="sr-only">)</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {list.items.length === 0 ? (
        <div className="rounded-xl bg-white px-4 py-14 text-center shadow-sm ring-1 ring-line">
          <p className="text-muted">{cursor ? t("noMore") : tab === "all" ? t("empty") : t("emptyTab")}</p>
          <Link href="/" className="mt-4 inline-flex h-9 items-center rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("goShopping")}
          </Link>
        </div>
      ) : (
        <ul className="space-y-3">
          {list.items.map((order) => (
            <li key={order.id}>
              <OrderCardView order={order} locale={locale} />
            </li>
          ))}
        </ul>
      )}

      <div className="mt-5 flex justify-center gap-3 text-sm">
        {cursor && (
          <Link href={tab === "all" ? "/orders" : { pathname: "/orders", query: { tab } }} className="rounded-full bg-white px-4 py-2 ring-1 ring-line hover:text-brand">
            {t("backToLatest")}
          </Link>
        )}
        {list.nextCursor && (
          <Link
            href={{ pathname: "/orders", query: { ...(tab === "all" ? {} : { tab }), cursor: list.nextCursor } }}
            className="rounded-full bg-white px-4 py-2 ring-1 ring-line hover:text-brand"
          >
            {t("olderOrders")}
          </Link>
        )}
      </div>
    </div>
  );
}

function OrderCardView({ order, locale }: { order: OrderCard; locale: string }) {
  const t = useTranslations("orders");
  const shopName = pick(locale, order.shop.nameZh, order.shop.nameEn);
  const shown = order.items.slice(0, 3);
  return (
    <article aria-labelledby={`order-${order.id}`} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-line sm:p-4">
      <header className="flex items-center justify-between gap-2 border-b border-line pb-2">
        <Link href={`/s/${order.shop.slug}`} className="flex min-w-0 items-center gap-2 hover:text-brand">
          <img src={order.shop.logoUrl} alt="" width={24} height={24} className="h-6 w-6 shrink-0 rounded-full bg-canvas object-cover" />
          <span id={`order-${order.id}`} className="truncate text-sm font-semibold">
            {shopName}
          </span>
        </Link>
        <OrderStatusBadge status={order.status} />
      </header>

      <Link href={`/orders/${order.id}`} className="block space-y-3 py-3" aria-label={t("viewOrder", { orderNo: order.orderNo })}>
        {shown.map((item) => (
          <OrderItemRow key={item.id} item={item} locale={locale} linkToProduct={false} />
        ))}
        {order.items.length > shown.length && <p className="text-xs text-muted">{t("moreLines", { count: order.items.length - shown.length })}</p>}
      </Link>

      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-t border-line pt-2 text-sm">
        <span className="text-xs text-muted">
          {t("orderNo")} {order.orderNo} · <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, locale)}</time>
        </span>
        <span>
          {t("itemCount", { count: order.itemCount })} · {order.status === "PENDING_PAYMENT" ? t("amountDue") : t("amountPaid")}{" "}
          <strong className="text-base text-brand">{formatFen(order.totalFen)}</strong>
        </span>
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        {order.actions.canCancel && <CancelButton orderId={order.id} />}
        {order.actions.canConfirmReceipt && <ConfirmReceiptButton orderId={order.id} />}
        <Link
          href={`/orders/${order.id}`}
          className="inline-flex h-9 items-center justify-center rounded-full bg-white px-4 text-sm font-medium ring-1 ring-line hover:text-brand hover:ring-brand"
        >
          {t("actions.details")}
        </Link>
        {order.actions.canPay && <PayButton orderId={order.id} label={t("actions.pay")} />}
      </div>
    </article>
  );
}
