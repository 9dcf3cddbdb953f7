// Operations: one after-sales case with both sides' notes; an escalated one can be decided here.
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
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("arbitration.detailTitle") };
}

export default async function ArbitrationCasePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const detail = await fetchOr404(trpc.afterSale.get.queryOptions({ id, as: "admin" }));
  const t = await getTranslations({ locale, namespace: "admin" });
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <p className="text-sm">
        <Link href="/admin/arbitration" className="text-muted hover:text-brand">
          ← {t("arbitration.backToList")}
        </Link>
      </p>
      <AfterSaleView detail={detail} locale={locale} actions={<AfterSaleActions detail={detail} />} />
    </div>
  );
}
