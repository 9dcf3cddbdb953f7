// Request after-sales for one item of an order: /orders/<orderId>/after-sale?item=<orderItemId>.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { formatFen } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { OrderItemRow } from "@/app/_components/order/order-item-row";
import { formatDate } from "@/app/_components/order/format-time";
import { AfterSaleRequestForm } from "./request-form";

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "aftersale" });
  return { title: t("request.title") };
}

export default async function AfterSaleRequestPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const itemId = firstParam((await searchParams).item);
  if (!itemId) notFound();
  const quote = await fetchOr404(trpc.afterSale.quote.queryOptions({ orderItemId: itemId }));
  if (quote.order.id !== id) notFound();
  const t = await getTranslations({ locale, namespace: "aftersale" });
  const { item } = quote;

  return (
    <div className="mx-auto max-w-2xl space-y-3">
      <p className="text-sm">
        <Link href={`/orders/${id}`} className="text-muted hover:text-brand">
          ← {t("request.backToOrder")}
        </Link>
      </p>
      <h1 className="text-xl font-bold">{t("request.title")}</h1>

      <section aria-label={t("detail.item")} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <p className="mb-3 text-xs text-muted">{t("request.orderNo", { orderNo: quote.order.orderNo })}</p>
        <OrderItemRow item={item} locale={locale} />
        <p className="mt-3 flex flex-wrap justify-between gap-x-4 gap-y-1 border-t border-line pt-2 text-sm">
          <span>{t("request.paid", { amount: formatFen(item.lineTotalFen) })}</span>
          {item.refundedQuantity > 0 && (
            <span className="text-brand-dark">{t("request.alreadyRefunded", { count: item.refundedQuantity, amount: formatFen(item.refundedFen) })}</span>
          )}
          {quote.windowEndsAt && <span className="text-muted">{t("request.windowEnds", { date: formatDate(quote.windowEndsAt, locale) })}</span>}
        </p>
      </section>

      {quote.blocked ? (
        <div role="status" className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-line">
          <p>{t(`request.blocked.${quote.blocked}`)}</p>
          {quote.openAfterSaleId && (
            <Link href={`/after-sales/${quote.openAfterSaleId}`} className="mt-3 inline-flex h-9 items-center rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark">
              {t("request.viewOpen")}
            </Link>
          )}
        </div>
      ) : (
        <AfterSaleRequestForm quote={quote} />
      )}
    </div>
  );
}
