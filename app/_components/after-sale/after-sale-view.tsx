// One after-sales request as its buyer, the seller or an operator sees it: state and what happens
// next, the item, the request, and the timeline of every step (who, when, note). Notes are user text,
// rendered as text.
import { useTranslations } from "next-intl";
import { OrderItemRow } from "@/app/_components/order/order-item-row";
import { formatDate, formatDateTime } from "@/app/_components/order/format-time";
import { formatFen, pick } from "@/app/_lib/format";
import type { AfterSaleDetail } from "@/server/aftersale/aftersale.schema";

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

export function AfterSaleView({ detail, locale, actions }: { detail: AfterSaleDetail; locale: string; actions?: React.ReactNode }) {
  const t = useTranslations("aftersale");
  const carrier = detail.returnCarrier ? (t.has(`carriers.${detail.returnCarrier}`) ? t(`carriers.${detail.returnCarrier}` as never) : detail.returnCarrier) : null;
  const rows: Array<[string, React.ReactNode]> = [
    [t("detail.kind"), t(`kinds.${detail.kind}`)],
    [t("detail.reason"), t.has(`reasons.${detail.reason}`) ? t(`reasons.${detail.reason}` as never) : detail.reason],
    [t("detail.quantity"), detail.quantity],
    [t("detail.amount"), <span key="amount" className="font-semibold text-brand">{formatFen(detail.amountFen)}</span>],
    [t("detail.order"), <span key="order" className="font-mono text-xs">{detail.order.orderNo}</span>],
    [t("detail.orderStatus"), t(`orderStatuses.${detail.order.status}`)],
    [t("detail.shop"), pick(locale, detail.shop.nameZh, detail.shop.nameEn)],
    [t("detail.buyer"), detail.buyerName],
    [t("detail.createdAt"), formatDateTime(detail.createdAt, locale)],
  ];
  if (carrier) rows.push([t("detail.returnShipment"), <span key="ret">{carrier} · <span className="font-mono">{detail.returnTrackingNo}</span></span>]);

  return (
    <div className="space-y-3">
      <section aria-labelledby="after-sale-state" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <div className="flex items-center justify-between gap-3">
          <h1 id="after-sale-state" className="text-lg font-bold">
            {t(`statuses.${detail.status}`)}
          </h1>
          <span className="shrink-0 text-right text-sm">
            <span className="block text-xs text-muted">{t(`kinds.${detail.kind}`)}</span>
            <span className="font-semibold text-brand">{formatFen(detail.amountFen)}</span>
          </span>
        </div>
        <p className="mt-1 text-sm text-muted">{t(`detail.next.${detail.viewer}.${detail.status}`)}</p>
        {detail.escalateBy && detail.viewer === "buyer" && (
          <p className="mt-1 text-sm text-ink/80">{t("detail.escalateBy", { date: formatDate(detail.escalateBy, locale) })}</p>
        )}
        {detail.order.refundedFen > 0 && <p className="mt-1 text-xs text-muted">{t("detail.orderRefunded", { amount: formatFen(detail.order.refundedFen) })}</p>}
      </section>

      {actions}

      <Card id="after-sale-item" title={t("detail.item")}>
        <OrderItemRow item={detail.item} locale={locale} />
      </Card>

      <Card id="after-sale-summary" title={t("detail.summary")}>
        <dl className="divide-y divide-line text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="shrink-0 text-muted">{label}</dt>
              <dd className="min-w-0 text-right text-ink">{value}</dd>
            </div>
          ))}
          {detail.description && (
            <div className="py-2">
              <dt className="text-muted">{t("detail.description")}</dt>
              <dd className="mt-1 whitespace-pre-line break-words text-ink">{detail.description}</dd>
            </div>
          )}
        </dl>
      </Card>

      <Card id="after-sale-timeline" title={t("detail.timeline")}>
        <ol className="relative space-y-4 border-l border-line pl-4">
          {[...detail.events].reverse().map((e, i) => (
            <li key={e.id} className="relative">
              <span aria-hidden="true" className={`absolute -left-[21px] top-1 h-2.5 w-2.5 rounded-full ${i === 0 ? "bg-brand" : "bg-line"}`} />
              <p className="text-sm">{t(`events.${e.toStatus}`, { actor: t(`actors.${e.actorType}`) })}</p>
              <p className="text-xs text-muted">
                <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
              </p>
              {e.note && <p className="mt-1 whitespace-pre-line break-words rounded-lg bg-canvas px-3 py-2 text-sm text-ink/85">{e.note}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
