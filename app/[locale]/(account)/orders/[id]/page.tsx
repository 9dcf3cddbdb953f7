import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { OrderItemRow } from "@/app/_components/order/order-item-row";
import { OrderTimeline, TrackingList } from "@/app/_components/order/order-timeline";
import { MoneyBreakdown } from "@/app/_components/order/money-breakdown";
import { formatDate, formatDateTime } from "@/app/_components/order/format-time";
import { carrierName } from "@/server/order/logistics";
import type { OrderDetail } from "@/server/order/order.schema";
import { CancelButton, ConfirmReceiptButton, PayButton } from "../order-actions";

type Props = { params: Promise<{ locale: Locale; id: string }> };

function getOrder(id: string) {
  return fetchOr404(trpc.order.get.queryOptions({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const order = await getOrder(id);
  const t = await getTranslations({ locale, namespace: "orders" });
  return { title: t("detailTitle", { orderNo: order.orderNo }) };
}

export default async function OrderDetailPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const order = await getOrder(id);
  return <OrderDetailView order={order} locale={locale} />;
}

function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
      <h2 id={id} className="mb-3 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function OrderDetailView({ order, locale }: { order: OrderDetail; locale: Locale }) {
  const t = useTranslations("orders");
  const shopName = pick(locale, order.shop.nameZh, order.shop.nameEn);
  const a = order.address;
  const latestScan = order.tracking[0];
  const hint = (() => {
    switch (order.status) {
      case "PENDING_PAYMENT":
        return order.actions.canPay ? t("hint.PENDING_PAYMENT", { time: formatDateTime(order.payBy, locale) }) : t("hint.PAYMENT_EXPIRED");
      case "SHIPPED":
      case "DELIVERED":
        return order.autoConfirmAt ? t(`hint.${order.status}`, { date: formatDate(order.autoConfirmAt, locale) }) : null;
      case "CANCELLED":
        return order.cancelReason ? t("hint.CANCELLED", { reason: order.cancelReason }) : null;
      default:
        return t(`hint.${order.status}`);
    }
  })();
  const infoRows: [string, Date | null][] = [
    [t("info.placedAt"), order.createdAt],
    [t("info.paidAt"), order.paidAt],
    [t("info.shippedAt"), order.shippedAt],
    [t("info.deliveredAt"), order.deliveredAt],
    [t("info.completedAt"), order.completedAt],
    [t("info.cancelledAt"), order.cancelledAt],
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <p className="text-sm">
        <Link href="/orders" className="text-muted hover:text-brand">
          ← {t("backToOrders")}
        </Link>
      </p>

      <section aria-labelledby="order-status" className="rounded-xl bg-gradient-to-br from-brand to-brand-dark p-4 text-white shadow-sm">
        <div className="flex items-center justify-between gap-2">
          <h1 id="order-status" className="text-xl font-bold">
            {t(`status.${order.status}`)}
          </h1>
          {order.status === "PENDING_PAYMENT" && <span className="text-lg font-semibold">{formatFen(order.totalFen)}</span>}
        </div>
        {hint && <p className="mt-1 text-sm text-white/90">{hint}</p>}
        {order.refundedFen > 0 && <p className="mt-1 text-sm text-white/90">{t("refundedNote", { amount: formatFen(order.refundedFen) })}</p>}
      </section>

      {(order.actions.canPay || order.actions.canCancel || order.actions.canConfirmReceipt) && (
        <div className="flex flex-wrap items-center justify-end gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line">
          {order.actions.canCancel && <CancelButton orderId={order.id} />}
          {order.actions.canConfirmReceipt && <ConfirmReceiptButton orderId={order.id} />}
          {order.actions.canPay && <PayButton orderId={order.id} label={t("actions.payAmount", { amount: formatFen(order.totalFen) })} />}
        </div>
      )}

      {order.carrier && (
        <Card id="tracking" title={t("trackingTitle")}>
          <p className="mb-3 text-sm">
            {carrierName(order.carrier, locale)} · <span className="font-mono">{order.trackingNo}</span>
          </p>
          {latestScan ? <TrackingList scans={order.tracking} locale={locale} /> : <p className="text-sm text-muted">{t("noScans")}</p>}
        </Card>
      )}

      <Card id="address" title={t("addressTitle")}>
        <p className="text-sm font-medium">
          {a.recipient} <span className="ml-2 font-normal text-muted">{a.phone}</span>
        </p>
        <p className="mt-1 text-sm text-muted">
          {a.province} {a.city} {a.district} {a.street}
          {a.postalCode ? ` ${a.postalCode}` : ""}
        </p>
      </Card>

      <Card id="items" title={shopName}>
        <ul className="space-y-4">
          {order.items.map((item) => {
            const afterSale = order.afterSales.find((s) => s.orderItemId === item.id);
            return (
              <li key={item.id}>
                <OrderItemRow item={item} locale={locale}>
                  <div className="mt-2 flex flex-wrap justify-end gap-2">
                    {afterSale && (
                      <span className="inline-flex h-8 items-center rounded-full bg-brand-soft px-3 text-xs text-brand-dark">
                        {t(`afterSaleStatus.${afterSale.status}`)}
                      </span>
                    )}
                    {item.canAfterSale && (
                      <Link
                        href={{ pathname: `/orders/${order.id}/after-sale`, query: { item: item.id } }}
                        className="inline-flex h-8 items-center rounded-full bg-white px-3 text-xs font-medium ring-1 ring-line hover:text-brand hover:ring-brand"
                      >
                        {t("actions.afterSale")}
                      </Link>
                    )}
                    {item.canReview && (
                      <Link
                        href={{ pathname: `/orders/${order.id}/review`, query: { item: item.id } }}
                        className="inline-flex h-8 items-center rounded-full bg-white px-3 text-xs font-medium text-brand ring-1 ring-brand hover:bg-brand-soft"
                      >
                        {t("actions.review")}
                      </Link>
                    )}
                    {item.hasReview && <span className="inline-flex h-8 items-center px-1 text-xs text-muted">{t("actions.reviewed")}</span>}
                  </div>
                </OrderItemRow>
              </li>
            );
          })}
        </ul>
        {order.actions.afterSaleUntil && (
          <p className="mt-3 text-xs text-muted">{t("afterSaleUntil", { date: formatDate(order.actions.afterSaleUntil, locale) })}</p>
        )}
        {order.note && (
          <p className="mt-3 rounded-lg bg-canvas px-3 py-2 text-sm">
            <span className="text-muted">{t("note")}: </span>
            {order.note}
          </p>
        )}
        <div className="mt-4 border-t border-line pt-3">
          <MoneyBreakdown {...order} totalLabel={order.status === "PENDING_PAYMENT" ? t("amountDue") : t("amountPaid")} />
        </div>
      </Card>

      {order.afterSales.length > 0 && (
        <Card id="after-sales" title={t("afterSalesTitle")}>
          <ul className="divide-y divide-line">
            {order.afterSales.map((s) => {
              const item = order.items.find((i) => i.id === s.orderItemId);
              return (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm first:pt-0 last:pb-0">
                  <div className="min-w-0">
                    <p className="truncate">{item ? pick(locale, item.titleZh, item.titleEn) : ""}</p>
                    <p className="text-xs text-muted">
                      {t(`afterSaleKind.${s.kind}`)} · {t("qty", { count: s.quantity })} · {formatDateTime(s.createdAt, locale)}
                    </p>
                  </div>
                  <div className="text-right">
                    <p className="font-medium">{formatFen(s.amountFen)}</p>
                    <p className="text-xs text-brand-dark">{t(`afterSaleStatus.${s.status}`)}</p>
                  </div>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-right text-sm">
            <Link href="/after-sales" className="text-brand hover:underline">
              {t("allAfterSales")}
            </Link>
          </p>
        </Card>
      )}

      <div className="grid gap-3 md:grid-cols-2">
        <Card id="info" title={t("infoTitle")}>
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-muted">{t("orderNo")}</dt>
              <dd className="font-mono">{order.orderNo}</dd>
            </div>
            {infoRows
              .filter((r): r is [string, Date] => r[1] !== null)
              .map(([label, date]) => (
                <div key={label} className="flex justify-between gap-3">
                  <dt className="text-muted">{label}</dt>
                  <dd>
                    <time dateTime={date.toISOString()}>{formatDateTime(date, locale)}</time>
                  </dd>
                </div>
              ))}
            {order.payment && (
              <div className="flex justify-between gap-3">
                <dt className="text-muted">{t("info.payment")}</dt>
                <dd>
                  {t("info.sandboxPay")} · {t(`paymentStatus.${order.payment.status}`)}
                </dd>
              </div>
            )}
          </dl>
        </Card>
        <Card id="timeline" title={t("timelineTitle")}>
          <OrderTimeline events={order.events} locale={locale} />
        </Card>
      </div>
    </div>
  );
}
