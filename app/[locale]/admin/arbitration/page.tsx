// Operations: the arbitration queue (escalated after-sales), or every request.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { firstParam } from "@/app/_components/pagination";
import { AfterSaleList, MoreLink } from "@/app/_components/after-sale/after-sale-list";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["escalated", "all"] as const;
type Filter = (typeof FILTERS)[number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("arbitration.title") };
}

export default async function ArbitrationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const filter: Filter = firstParam(sp.filter) === "all" ? "all" : "escalated";
  const cursor = firstParam(sp.cursor) ?? null;
  const [page, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.afterSale.listForAdmin.queryOptions({ filter, cursor, limit: 20 })),
    getTranslations({ locale, namespace: "admin" }),
  ]);

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 text-xl font-bold">{t("arbitration.title")}</h1>
      <nav aria-label={t("arbitration.filterLabel")} className="mb-3">
        <ul className="flex w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f === "escalated" ? "/admin/arbitration" : { pathname: "/admin/arbitration", query: { filter: f } }}
                aria-current={f === filter ? "page" : undefined}
                className={`flex h-9 items-center rounded-lg px-3 text-sm ${f === filter ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
              >
                {t(`arbitration.filters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted shadow-sm ring-1 ring-line">{t("arbitration.empty")}</p>
      ) : (
        <AfterSaleList items={page.items} locale={locale} hrefBase="/admin/arbitration" />
      )}
      {page.nextCursor && <MoreLink href={{ pathname: "/admin/arbitration", query: { filter, cursor: page.nextCursor } }} label={t("arbitration.more")} />}
    </div>
  );
}
