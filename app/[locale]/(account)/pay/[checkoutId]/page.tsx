// The cashier (收银台): what is due for a checkout, the payment method, and the outcome when the
// shopper comes back from the provider's page.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { OrderStatusBadge } from "@/app/_components/order/order-status";
import { formatDateTime } from "@/app/_components/order/format-time";
import { PayCountdown, PayPanel } from "./pay-panel";

type Props = { params: Promise<{ locale: Locale; checkoutId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "payment" });
  return { title: t("cashierTitle") };
}

export default async function CashierPage({ params }: Props) {
  const { locale, checkoutId } = await params;
  setRequestLocale(locale);
  const [cashier, t] = await Promise.all([
    fetchOr404(trpc.payment.cashier.queryOptions({ checkoutId })),
    getTranslations({ locale, namespace: "payment" }),
  ]);
  const paidFen = cashier.orders.filter((o) => o.status !== "PENDING_PAYMENT" && o.status !== "CANCELLED").reduce((s, o) => s + o.totalFen, 0);
  const justPaid = cashier.lastPayment?.status === "SUCCEEDED";

  return (
    <div className="mx-auto max-w-lg space-y-3 py-2">
      <h1 className="text-xl font-bold">{t("cashierTitle")}</h1>

      {cashier.state === "paid" && (
        <section role="status" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-line">
          <span aria-hidden="true" className="mx-auto grid h-14 w-14 place-items-center rounded-full bg-emerald-500 text-3xl text-white">
            ✓
          </span>
          <h2 className="mt-3 text-lg font-semibold">{t("successTitle")}</h2>
          <p className="mt-1 text-sm text-muted">{t("successText", { amount: formatFen(paidFen) })}</p>
          <div className="mt-5 flex flex-wrap justify-center gap-2">
            <Link
              href={{ pathname: "/orders", query: { tab: "to_ship", paid: cashier.checkoutId } }}
              className="inline-flex h-10 items-center rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark"
            >
              {t("viewOrders")}
            </Link>
            <Link href="/" className="inline-flex h-10 items-center rounded-full bg-white px-5 text-sm font-medium ring-1 ring-line hover:text-brand">
              {t("keepShopping")}
            </Link>
          </div>
        </section>
      )}

      {cashier.state === "expired" && (
        <section role="status" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-line">
          <h2 className="text-lg font-semibold">{t("expiredTitle")}</h2>
          <p className="mt-1 text-sm text-muted">{t("expiredText")}</p>
          <Link href="/orders" className="mt-5 inline-flex h-10 items-center rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("viewOrders")}
          </Link>
        </section>
      )}

      {cashier.state === "due" && (
        <>
          {justPaid && (
            <p role="status" className="rounded-xl bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
              {t("partlyPaid", { amount: formatFen(paidFen) })}
            </p>
          )}
          {cashier.lastPayment?.status === "FAILED" && (
            <p role="alert" className="rounded-xl bg-brand-soft px-4 py-3 text-sm text-brand-dark">
              {t("failedText", { reason: cashier.lastPayment.failureReason ?? "" })}
            </p>
          )}
          <section aria-labelledby="amount-due" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-line">
            <h2 id="amount-due" className="text-sm text-muted">
              {t("amountDue")}
            </h2>
            <p className="my-2 text-4xl font-bold text-ink">{formatFen(cashier.amountDueFen)}</p>
            {cashier.payBy && <PayCountdown payBy={cashier.payBy} deadlineLabel={formatDateTime(cashier.payBy, locale)} />}
          </section>
          <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
            <PayPanel checkoutId={cashier.checkoutId} amountLabel={formatFen(cashier.amountDueFen)} />
          </section>
        </>
      )}

      <section aria-labelledby="cashier-orders" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <h2 id="cashier-orders" className="mb-2 text-sm font-semibold">
          {t("ordersTitle", { count: cashier.orders.length })}
        </h2>
        <ul className="divide-y divide-line">
          {cashier.orders.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <div className="min-w-0">
                <Link href={`/orders/${o.id}`} className="block truncate font-medium hover:text-brand">
                  {pick(locale, o.shopNameZh, o.shopNameEn)}
                </Link>
                <p className="text-xs text-muted">
                  {o.orderNo} · {t("itemCount", { count: o.itemCount })}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-2">
                <span className="font-medium">{formatFen(o.totalFen)}</span>
                <OrderStatusBadge status={o.status} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
