// Operators: queries that found nothing, so the catalog, synonyms or categories can be fixed.
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";

const PERIODS = [7, 30, 90] as const;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function periodOf(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return (PERIODS as readonly number[]).includes(n) ? n : 7;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "search.admin" });
  return pageMetadata({ locale, path: "/admin/search", title: t("title"), description: t("intro", { days: 7 }), noindex: true });
}

export default async function ZeroResultSearchesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const days = periodOf((await searchParams).days);
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "search.admin" }), getFormatter({ locale })]);
  const rows = await getQueryClient().fetchQuery(trpc.search.zeroResults.queryOptions({ days, limit: 200 }));

  return (
    <section className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="text-sm text-muted">{t("intro", { days })}</p>
      </header>
      <nav aria-label={t("days")} className="flex gap-2 text-sm">
        {PERIODS.map((d) => (
          <Link
            key={d}
            href={{ pathname: "/admin/search", query: { days: d } }}
            aria-current={d === days ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${d === days ? "border-brand bg-brand-soft text-brand" : "border-line hover:bg-canvas"}`}
          >
            {t("daysOption", { days: d })}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-line bg-white p-6 text-center text-muted">{t("none", { days })}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-canvas text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2">{t("query")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("count")}</th>
                <th scope="col" className="px-4 py-2">{t("lastSeen")}</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">{t("open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.query} className="border-t border-line">
                  <td className="max-w-xs truncate px-4 py-2 font-medium">{row.query}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.count}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-muted">
                    {format.dateTime(row.lastSeenAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <Link href={{ pathname: "/search", query: { q: row.query } }} className="text-brand hover:underline">
                      {t("open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
