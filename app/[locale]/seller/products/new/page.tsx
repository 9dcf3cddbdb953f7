import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { ProductEditor } from "@/app/[locale]/seller/products/product-editor";
import { loadEditorData } from "@/app/[locale]/seller/products/editor-data";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "merchant" });
  return { title: t("editor.newTitle") };
}

export default async function NewProductPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, data] = await Promise.all([getTranslations({ locale, namespace: "merchant" }), loadEditorData(locale)]);
  return (
    <div className="space-y-3 pb-6">
      <Link href="/seller/products" className="text-sm text-muted hover:text-brand">
        ← {t("products.title")}
      </Link>
      <h1 className="text-xl font-bold">{t("editor.newTitle")}</h1>
      {data.shops.length === 0 ? <p className="rounded-xl bg-white p-6 text-center text-muted">{t("noShop")}</p> : <ProductEditor shops={data.shops} choices={data.choices} initial={null} />}
    </div>
  );
}
