// My after-sales requests, newest first (cursor pagination with a plain "more" link).
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { firstParam } from "@/app/_components/pagination";
import { AfterSaleList, MoreLink } from "@/app/_components/after-sale/after-sale-list";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "aftersale" });
  return { title: t("list.title") };
}

export default async function MyAfterSalesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const cursor = firstParam((await searchParams).cursor) ?? null;
  const [page, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.afterSale.listMine.queryOptions({ cursor, limit: 20 })),
    getTranslations({ locale, namespace: "aftersale" }),
  ]);

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 text-xl font-bold">{t("list.title")}</h1>
      {page.items.length === 0 ? (
        <div className="rounded-xl bg-white px-4 py-14 text-center shadow-sm ring-1 ring-line">
          <p className="text-ink">{t("list.empty")}</p>
          <p className="mt-1 text-sm text-muted">{t("list.emptyHint")}</p>
          <Link href="/orders" className="mt-4 inline-flex h-9 items-center rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("list.goOrders")}
          </Link>
        </div>
      ) : (
        <AfterSaleList items={page.items} locale={locale} hrefBase="/after-sales" />
      )}
      {page.nextCursor && <MoreLink href={{ pathname: "/after-sales", query: { cursor: page.nextCursor } }} label={t("list.more")} />}
    </div>
  );
}
