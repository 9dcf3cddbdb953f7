// Seller centre: shop decoration editor. The seller picks one of their shops (?shop=<id>), edits the
// sections with a live preview, and publishes them all at once.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { CouponStrip } from "@/app/_components/coupon/coupon-strip";
import { DecorationEditor } from "./decoration-editor";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "decoration" });
  return { title: t("title") };
}

export default async function SellerShopPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const qc = getQueryClient();
  const [shops, t] = await Promise.all([qc.fetchQuery(trpc.shop.decoration.myShops.queryOptions()), getTranslations({ locale, namespace: "decoration" })]);
  const wanted = firstParam(sp.shop);
  const shop = shops.find((s) => s.id === wanted) ?? shops[0];

  if (!shop) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="mb-3 text-xl font-bold">{t("title")}</h1>
        <p className="rounded-2xl bg-white px-4 py-12 text-center text-sm text-muted ring-1 ring-line">{t("noShop")}</p>
      </div>
    );
  }
  const editor = await qc.fetchQuery(trpc.shop.decoration.get.queryOptions({ shopId: shop.id }));

  return (
    <div className="mx-auto max-w-7xl">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <Link href={`/s/${shop.slug}`} className="text-sm text-brand hover:underline" target="_blank">
          {t("viewShop", { name: pick(locale, shop.nameZh, shop.nameEn) })}
        </Link>
      </div>
      {shops.length > 1 && (
        <nav aria-label={t("pickShop")} className="mb-3 overflow-x-auto">
          <ul className="flex w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
            {shops.map((s) => (
              <li key={s.id}>
                <Link
                  href={{ pathname: "/seller/shop", query: { shop: s.id } }}
                  aria-current={s.id === shop.id ? "page" : undefined}
                  className={`flex h-9 items-center rounded-lg px-3 text-sm ${s.id === shop.id ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
                >
                  {pick(locale, s.nameZh, s.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <DecorationEditor key={shop.id} initial={editor} locale={locale} couponSlot={<CouponStrip shopId={shop.id} />} />
    </div>
  );
}
