// The sandbox payment provider's hosted page. In production this is the provider's own site; here
// it is deliberately styled as a separate "Sandbox Pay" product so nobody mistakes it for the mall.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { formatFen } from "@/app/_lib/format";
import { requireUser } from "@/app/_lib/require-user";
import { formatDateTime } from "@/app/_components/order/format-time";
import { SandboxButtons } from "./sandbox-buttons";

type Props = { params: Promise<{ locale: Locale; paymentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "payment" });
  return { title: t("sandbox.title"), robots: { index: false, follow: false } };
}

export default async function SandboxPayPage({ params }: Props) {
  const { locale, paymentId } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const [p, t] = await Promise.all([
    fetchOr404(trpc.payment.sandboxPayment.queryOptions({ paymentId })),
    getTranslations({ locale, namespace: "payment" }),
  ]);
  const amount = formatFen(p.amountFen);

  return (
    <div className="-mx-3 flex min-h-[70vh] items-start justify-center bg-gradient-to-b from-sky-700 to-sky-500 px-3 py-8 sm:-mx-5 sm:rounded-b-2xl sm:py-12">
      <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white font-sans shadow-xl">
        <header className="flex items-center justify-between bg-slate-900 px-5 py-3 text-white">
          <span className="flex items-center gap-2 font-semibold tracking-tight">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 text-sky-400">
              <path fill="currentColor" d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm-1 14-4-4 1.4-1.4L11 13.2l4.6-4.6L17 10l-6 6Z" />
            </svg>
            {t("sandbox.brand")}
          </span>
          <span className="rounded bg-amber-400 px-1.5 py-0.5 text-[11px] font-bold uppercase text-slate-900">{t("sandbox.testMode")}</span>
        </header>

        <div className="px-5 py-6">
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">{t("sandbox.merchant")}</dt>
              <dd className="font-medium text-slate-900">{p.merchantName}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">{t("sandbox.reference")}</dt>
              <dd className="truncate font-mono text-xs leading-5 text-slate-700">{p.providerRef}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">{t("sandbox.orders")}</dt>
              <dd className="text-right font-mono text-xs leading-5 text-slate-700">
                {p.orderNos.map((no) => (
                  <span key={no} className="block">
                    {no}
                  </span>
                ))}
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">{t("sandbox.created")}</dt>
              <dd className="text-slate-700">{formatDateTime(p.createdAt, locale)}</dd>
            </div>
          </dl>

          <div className="my-6 text-center">
            <p className="text-xs uppercase tracking-wide text-slate-500">{t("sandbox.amount")}</p>
            <p className="mt-1 text-4xl font-bold text-slate-900">{amount}</p>
          </div>

          {p.status === "PENDING" ? (
            <SandboxButtons paymentId={p.paymentId} checkoutId={p.checkoutId} amountLabel={amount} />
          ) : (
            <div role="status" className="space-y-3 text-center">
              <p className={`text-sm font-medium ${p.status === "SUCCEEDED" ? "text-emerald-700" : "text-red-700"}`}>
                {p.status === "SUCCEEDED" ? t("sandbox.alreadyPaid") : t("sandbox.alreadyFailed")}
              </p>
              <Link href={`/pay/${p.checkoutId}`} className="inline-flex h-10 items-center rounded-lg bg-sky-600 px-5 text-sm font-semibold text-white hover:bg-sky-700">
                {t("sandbox.backToMerchant")}
              </Link>
            </div>
          )}
        </div>

        <footer className="border-t border-slate-200 bg-slate-50 px-5 py-3 text-[11px] leading-relaxed text-slate-500">{t("sandbox.disclaimer")}</footer>
      </div>
    </div>
  );
}
