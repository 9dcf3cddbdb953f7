import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { OrderStatusBadge } from "@/app/_components/order/order-status";
import { OrderItemRow } from "@/app/_components/order/order-item-row";
import { OrderTimeline, TrackingList } from "@/app/_components/order/order-timeline";
import { MoneyBreakdown } from "@/app/_components/order/money-breakdown";
import { formatDate, formatDateTime } from "@/app/_components/order/format-time";
import { CARRIERS, carrierName } from "@/server/order/logistics";
import { ShipForm } from "./ship-form";

type Props = { params: Promise<{ locale: Locale; id: string }> };

/** Another shop's order looks like a missing page (the procedure answers FORBIDDEN). */
async function getOrder(id: string) {
  try {
    return await getQueryClient().fetchQuery(trpc.sellerOrder.get.queryOptions({ id }));
  } catch (err) {
    if (err instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(err.code)) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const order = await getOrder(id);
  const t = await getTranslations({ locale, namespace: "seller" });
  return { title: t("orders.detailTitle", { orderNo: order.orderNo }) };
}

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
      <h2 id={id} className="mb-3 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SellerOrderPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const [order, t, to] = await Promise.all([getOrder(id), getTranslations({ locale, namespace: "seller" }), getTranslations({ locale, namespace: "orders" })]);
  const a = order.address;

  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <p className="text-sm">
        <Link href="/seller/orders" className="text-muted hover:text-brand">
          ← {t("orders.back")}
        </Link>
      </p>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="font-mono text-lg font-bold">{order.orderNo}</h1>
          <p className="text-xs text-muted">
            {pick(locale, order.shop.nameZh, order.shop.nameEn)} · {formatDateTime(order.createdAt, locale)}
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </header>

      <div className="grid gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-3">
          {order.canShip && (
            <Card id="ship" title={t("orders.shipTitle")}>
              <ShipForm orderId={order.id} carriers={CARRIERS.map((code) => ({ code, name: carrierName(code, locale) }))} />
            </Card>
          )}
          {order.carrier && (
            <Card id="tracking" title={to("trackingTitle")}>
              <p className="mb-3 text-sm">
                {carrierName(order.carrier, locale)} · <span className="font-mono">{order.trackingNo}</span>
              </p>
              <TrackingList scans={order.tracking} locale={locale} />
              {order.autoConfirmAt && order.status !== "COMPLETED" && (
                <p className="mt-3 text-xs text-muted">{t("orders.autoConfirm", { date: formatDate(order.autoConfirmAt, locale) })}</p>
              )}
            </Card>
          )}
          <Card id="items" title={t("orders.items")}>
            <ul className="space-y-4">
              {order.items.map((item) => (
                <li key={item.id}>
                  <OrderItemRow item={item} locale={locale}>
                    <p className="mt-1 font-mono text-xs text-muted">SKU {item.sku}</p>
                  </OrderItemRow>
                </li>
              ))}
            </ul>
            {order.note && (
              <p className="mt-3 rounded-lg bg-canvas px-3 py-2 text-sm">
                <span className="text-muted">{to("note")}: </span>
                {order.note}
              </p>
            )}
            <div className="mt-4 border-t border-line pt-3">
              <MoneyBreakdown {...order} totalLabel={t("orders.buyerPaid")} />
            </div>
          </Card>
          {order.afterSales.length > 0 && (
            <Card id="after-sales" title={to("afterSalesTitle")}>
              <ul className="divide-y divide-line text-sm">
                {order.afterSales.map((s) => (
                  <li key={s.id} className="flex justify-between gap-2 py-2 first:pt-0 last:pb-0">
                    <span>
                      {to(`afterSaleKind.${s.kind}`)} · {to("qty", { count: s.quantity })}
                    </span>
                    <span>
                      {formatFen(s.amountFen)} · <span className="text-brand-dark">{to(`afterSaleStatus.${s.status}`)}</span>
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-right text-sm">
                <Link href="/seller/after-sales" className="text-brand hover:underline">
                  {t("orders.handleAfterSales")}
                </Link>
              </p>
            </Card>
          )}
        </div>
        <div className="space-y-3">
          <Card id="recipient" title={t("orders.recipient")}>
            <p className="text-sm font-medium">
              {a.recipient} <span className="ml-2 font-normal">{a.phone}</span>
            </p>
            <p className="mt-1 text-sm text-muted">
              {a.province} {a.city} {a.district} {a.street}
              {a.postalCode ? ` ${a.postalCode}` : ""}
            </p>
            {order.buyerName && <p className="mt-2 text-xs text-muted">{t("orders.buyer", { name: order.buyerName })}</p>}
          </Card>
          <Card id="timeline" title={to("timelineTitle")}>
            <OrderTimeline events={order.events} locale={locale} />
          </Card>
        </div>
      </div>
    </div>
  );
}
