// A list of after-sales requests (shopper, seller or operator view): item, state, amount, date.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";
import { formatDate } from "@/app/_components/order/format-time";
import type { AfterSaleRow } from "@/server/aftersale/aftersale.schema";
import { AfterSaleStatusBadge } from "./after-sale-status";

export function AfterSaleList({
  items,
  locale,
  hrefBase,
  showShop = true,
}: {
  items: AfterSaleRow[];
  locale: string;
  /** `/after-sales`, `/seller/after-sales` or `/admin/arbitration`: each row links to `<hrefBase>/<id>`. */
  hrefBase: string;
  showShop?: boolean;
}) {
  const t = useTranslations("aftersale");
  return (
    <ul className="space-y-3">
      {items.map((a) => {
        const title = pick(locale, a.item.titleZh, a.item.titleEn);
        const variant = pick(locale, a.item.variantLabelZh, a.item.variantLabelEn);
        return (
          <li key={a.id}>
            <Link href={`${hrefBase}/${a.id}`} className="block rounded-xl bg-white p-4 shadow-sm ring-1 ring-line transition hover:ring-brand">
              <div className="mb-2 flex items-center justify-between gap-2 text-xs text-muted">
                <span className="truncate">
                  {showShop ? `${pick(locale, a.shop.nameZh, a.shop.nameEn)} · ` : ""}
                  {t("list.orderNo", { orderNo: a.order.orderNo })}
                </span>
                <AfterSaleStatusBadge status={a.status} />
              </div>
              <div className="flex gap-3">
                <div className="h-16 w-16 shrink-0 overflow-hidden rounded-lg bg-canvas ring-1 ring-line">
                  {a.item.imageUrl ? <img src={a.item.imageUrl} alt="" width={64} height={64} loading="lazy" className="h-full w-full object-cover" /> : null}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="line-clamp-2 text-sm leading-snug text-ink">{title}</p>
                  {variant && <p className="mt-0.5 truncate text-xs text-muted">{variant}</p>}
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-muted">
                    <span>{t(`kinds.${a.kind}`)}</span>
                    <span>{t("list.qty", { count: a.quantity })}</span>
                    <span>{t(`reasons.${a.reason}` as never)}</span>
                  </p>
                </div>
                <div className="shrink-0 text-right">
                  <p className="text-sm font-semibold text-ink">{t("list.refund", { amount: formatFen(a.amountFen) })}</p>
                  <p className="mt-1 text-xs text-muted">{t("list.requestedAt", { date: formatDate(a.createdAt, locale) })}</p>
                </div>
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** "Show more": the next page of a cursor-paginated list, as a plain link. */
export function MoreLink({ href, label }: { href: { pathname: string; query: Record<string, string> }; label: string }) {
  return (
    <div className="mt-4 flex justify-center">
      <Link href={href} className="rounded-full bg-white px-6 py-2 text-sm font-medium ring-1 ring-line hover:text-brand">
        {label}
      </Link>
    </div>
  );
}
