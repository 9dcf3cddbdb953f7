// Seller centre: after-sales requests on my shops' orders; "to do" are the ones waiting for me.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { firstParam } from "@/app/_components/pagination";
import { AfterSaleList, MoreLink } from "@/app/_components/after-sale/after-sale-list";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["todo", "open", "all"] as const;
type Filter = (typeof FILTERS)[number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "aftersale" });
  return { title: t("seller.title") };
}

export default async function SellerAfterSalesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const raw = firstParam(sp.filter);
  const filter: Filter = FILTERS.includes(raw as Filter) ? (raw as Filter) : "todo";
  const cursor = firstParam(sp.cursor) ?? null;
  const [page, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.afterSale.listForSeller.queryOptions({ filter, cursor, limit: 20 })),
    getTranslations({ locale, namespace: "aftersale" }),
  ]);

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 text-xl font-bold">{t("seller.title")}</h1>
      <nav aria-label={t("seller.filterLabel")} className="mb-3">
        <ul className="flex w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f === "todo" ? "/seller/after-sales" : { pathname: "/seller/after-sales", query: { filter: f } }}
                aria-current={f === filter ? "page" : undefined}
                className={`flex h-9 items-center rounded-lg px-3 text-sm ${f === filter ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
              >
                {t(`seller.filters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted shadow-sm ring-1 ring-line">{t("seller.empty")}</p>
      ) : (
        <AfterSaleList items={page.items} locale={locale} hrefBase="/seller/after-sales" />
      )}
      {page.nextCursor && <MoreLink href={{ pathname: "/seller/after-sales", query: { filter, cursor: page.nextCursor } }} label={t("seller.more")} />}
    </div>
  );
}
