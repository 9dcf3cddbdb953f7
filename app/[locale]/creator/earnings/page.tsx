// Creator centre, earnings: totals pending / settled / reversed, by product and by channel, and the
// commissions with masked order numbers. Pending commissions settle when the after-sales window closes.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { formatFen, pick } from "@/app/_lib/format";
import { formatDate } from "@/app/_components/order/format-time";
import { cleanQuery, firstParam, Pagination, parsePage } from "@/app/_components/pagination";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const STATUSES = ["PENDING", "SETTLED", "REVERSED"] as const;
type Status = (typeof STATUSES)[number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "creator" });
  return { title: t("earnings.title") };
}

const STATUS_STYLE: Record<Status, string> = {
  PENDING: "bg-amber-50 text-amber-800",
  SETTLED: "bg-emerald-50 text-emerald-800",
  REVERSED: "bg-canvas text-muted",
};

function percent(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`;
}

export default async function EarningsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const raw = firstParam(sp.status);
  const status = (STATUSES as readonly string[]).includes(raw ?? "") ? (raw as Status) : undefined;
  const page = parsePage(sp.page);
  const [e, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.affiliate.earnings.queryOptions({ status, page })),
    getTranslations({ locale, namespace: "creator.earnings" }),
  ]);
  const cards = [
    { key: "pending", fen: e.totals.pendingFen, hint: t("pendingHint"), tone: "text-amber-700" },
    { key: "settled", fen: e.totals.settledFen, hint: null, tone: "text-emerald-700" },
    { key: "reversed", fen: e.totals.reversedFen, hint: null, tone: "text-muted" },
  ] as const;

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-3 text-xl font-bold">{t("title")}</h1>
      <dl className="grid grid-cols-3 gap-2">
        {cards.map((c) => (
          <div key={c.key} className="flex flex-col-reverse rounded-xl bg-white p-3 shadow-sm ring-1 ring-line" data-testid={`earnings-${c.key}`}>
            {c.hint && <span className="mt-1 hidden text-[11px] text-muted sm:block">{c.hint}</span>}
            <dd className={`text-lg font-bold sm:text-2xl ${c.tone}`}>{formatFen(c.fen)}</dd>
            <dt className="text-xs text-muted">{t(c.key)}</dt>
          </div>
        ))}
      </dl>

      <div className="mt-4 grid gap-3 md:grid-cols-2">
        <section aria-labelledby="by-product" className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-line">
          <h2 id="by-product" className="mb-2 text-sm font-bold">
            {t("byProduct")}
          </h2>
          <table className="w-full text-left text-xs">
            <thead className="text-muted">
              <tr>
                <th className="py-1 font-medium">{t("product")}</th>
                <th className="py-1 text-right font-medium">{t("pending")}</th>
                <th className="py-1 text-right font-medium">{t("settled")}</th>
              </tr>
            </thead>
            <tbody>
              {e.byProduct.map((p) => (
                <tr key={p.productId} className="border-t border-line">
                  <td className="max-w-0 truncate py-1.5 pr-2">{pick(locale, p.titleZh, p.titleEn)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatFen(p.pendingFen)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatFen(p.settledFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="by-channel" className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-line">
          <h2 id="by-channel" className="mb-2 text-sm font-bold">
            {t("byChannel")}
          </h2>
          <table className="w-full text-left text-xs">
            <thead className="text-muted">
              <tr>
                <th className="py-1 font-medium">{t("channel")}</th>
                <th className="py-1 text-right font-medium">{t("orders")}</th>
                <th className="py-1 text-right font-medium">{t("pending")}</th>
                <th className="py-1 text-right font-medium">{t("settled")}</th>
                <th className="py-1 text-right font-medium">{t("reversed")}</th>
              </tr>
            </thead>
            <tbody>
              {e.byChannel.map((c) => (
                <tr key={c.channel} className="border-t border-line">
                  <td className="py-1.5">{t(`channelName.${c.channel}`)}</td>
                  <td className="py-1.5 text-right tabular-nums">{c.count}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatFen(c.pendingFen)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatFen(c.settledFen)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatFen(c.reversedFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="commission-list" className="mt-4">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="commission-list" className="text-base font-bold">
            {t("list")}
          </h2>
          <ul className="flex gap-1 rounded-xl bg-white p-1 text-sm shadow-sm ring-1 ring-line">
            {[undefined, ...STATUSES].map((s) => (
              <li key={s ?? "all"}>
                <Link
                  href={{ pathname: "/creator/earnings", query: cleanQuery({ status: s }) }}
                  aria-current={s === status ? "page" : undefined}
                  className={`flex h-8 items-center rounded-lg px-2.5 ${s === status ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
                >
                  {s ? t(`statusName.${s}`) : t("all")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        {e.items.length === 0 ? (
          <p className="rounded-xl bg-white px-4 py-12 text-center text-sm text-muted shadow-sm ring-1 ring-line">{t("empty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="commission-list">
            {e.items.map((c) => (
              <li key={c.id} className="rounded-xl bg-white p-3 text-sm shadow-sm ring-1 ring-line" data-testid="commission-row" data-status={c.status}>
                <div className="flex items-start justify-between gap-2">
                  <p className="line-clamp-1 font-medium">{pick(locale, c.titleZh, c.titleEn)}</p>
                  <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[c.status]}`}>{t(`statusName.${c.status}`)}</span>
                </div>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted">
                  <span>
                    {t("orderNo")} {c.orderNoMasked}
                  </span>
                  <span>{t(`channelName.${c.channel}`)}</span>
                  <span>
                    {t("base")} {formatFen(c.baseFen)} × {percent(c.rateBp)}
                  </span>
                  <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt, locale)}</time>
                </p>
                <p className="mt-1 text-right">
                  <span className="font-bold tabular-nums" data-testid="commission-amount">
                    {formatFen(c.amountFen - c.reversedFen)}
                  </span>
                  {c.reversedFen > 0 && <span className="ml-2 text-xs text-muted">{t("reversedPart", { amount: formatFen(c.reversedFen) })}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={e.page} pageCount={e.pageCount} hrefFor={(p) => ({ pathname: "/creator/earnings", query: cleanQuery({ status, page: p > 1 ? p : undefined }) })} locale={locale} />
      </section>
    </div>
  );
}
