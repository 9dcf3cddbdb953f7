import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { ProductEditor } from "@/app/[locale]/seller/products/product-editor";
import { loadEditorData } from "@/app/[locale]/seller/products/editor-data";
import { ProductStatusBadge } from "@/app/[locale]/seller/products/status-badge";
import { ProductActions } from "@/app/[locale]/seller/products/product-actions";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "merchant" });
  return { title: t("editor.editTitle") };
}

export default async function EditProductPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const [t, data, product] = await Promise.all([
    getTranslations({ locale, namespace: "merchant" }),
    loadEditorData(locale),
    fetchOr404(trpc.merchant.product.queryOptions({ productId: id })),
  ]);
  const reasons = product.statusReason?.split("\n").filter(Boolean) ?? [];
  return (
    <div className="space-y-3 pb-6">
      <Link href="/seller/products" className="text-sm text-muted hover:text-brand">
        ← {t("products.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold">{t("editor.editTitle")}</h1>
        <ProductStatusBadge status={product.status} locale={locale} />
        {product.status === "ACTIVE" && (
          <Link href={`/p/${product.slug}`} className="text-sm text-brand hover:underline">
            {t("products.viewLive")}
          </Link>
        )}
        <div className="ml-auto">
          <ProductActions productId={product.id} status={product.status} />
        </div>
      </div>
      <p className="text-sm text-muted">{t(`editor.statusHelp.${product.status}`)}</p>
      {reasons.length > 0 && (
        <section aria-labelledby="reasons" className={`rounded-xl p-3 text-sm ${product.status === "REJECTED" ? "bg-brand-soft text-brand-dark" : "bg-gray-50 text-ink/80"}`}>
          <h2 id="reasons" className="font-semibold">
            {product.status === "REJECTED" ? t("editor.rejectedReasons") : t("editor.lastReasons")}
          </h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="status-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      <ProductEditor key={product.updatedAt.toISOString()} shops={data.shops} choices={data.choices} initial={product} />
    </div>
  );
}
