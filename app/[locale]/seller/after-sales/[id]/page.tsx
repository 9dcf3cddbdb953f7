// Seller centre: one after-sales request — approve, reject with a reason, or confirm returned goods.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { AfterSaleView } from "@/app/_components/after-sale/after-sale-view";
import { AfterSaleActions } from "@/app/_components/after-sale/after-sale-actions";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "aftersale" });
  return { title: t("seller.detailTitle") };
}

export default async function SellerAfterSalePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const detail = await fetchOr404(trpc.afterSale.get.queryOptions({ id, as: "seller" }));
  const t = await getTranslations({ locale, namespace: "aftersale" });
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <p className="flex justify-between gap-3 text-sm">
        <Link href="/seller/after-sales" className="text-muted hover:text-brand">
          ← {t("seller.backToList")}
        </Link>
        <Link href={`/seller/orders/${detail.order.id}`} className="text-muted hover:text-brand">
          {t("list.orderNo", { orderNo: detail.order.orderNo })}
        </Link>
      </p>
      <AfterSaleView detail={detail} locale={locale} actions={<AfterSaleActions detail={detail} />} />
    </div>
  );
}
