import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { ImportPanel } from "@/app/[locale]/seller/products/import/import-panel";

type Props = { params: Promise<{ locale: Locale }> };

const COLUMNS: Array<[string, boolean]> = [
  ["product_key", true],
  ["title_zh", true],
  ["title_en", false],
  ["subtitle_zh / subtitle_en", false],
  ["description_zh / description_en", false],
  ["category", true],
  ["region", false],
  ["tags", false],
  ["images", false],
  ["option1_name_zh … option3_value_en", false],
  ["price", true],
  ["compare_at_price", false],
  ["member_price", false],
  ["stock", true],
  ["purchase_limit", false],
  ["sku", false],
  ["active", false],
];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "merchant" });
  return { title: t("import.title") };
}

export default async function ImportPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, home] = await Promise.all([getTranslations({ locale, namespace: "merchant" }), getQueryClient().fetchQuery(trpc.merchant.home.queryOptions())]);
  const shops = home.shops.map((s) => ({ id: s.id, name: pick(locale, s.nameZh, s.nameEn) }));
  return (
    <div className="space-y-3 pb-6">
      <Link href="/seller/products" className="text-sm text-muted hover:text-brand">
        ← {t("products.title")}
      </Link>
      <h1 className="text-xl font-bold">{t("import.title")}</h1>
      <p className="text-sm text-ink/80">{t("import.intro")}</p>
      {shops.length === 0 ? <p className="rounded-xl bg-white p-6 text-center text-muted">{t("noShop")}</p> : <ImportPanel shops={shops} />}
      <details className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-line">
        <summary className="cursor-pointer font-semibold">{t("import.formatTitle")}</summary>
        <p className="mt-2">{t("import.formatIntro")}</p>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {COLUMNS.map(([name, required]) => (
            <li key={name}>
              <code className="rounded bg-gray-100 px-1 text-xs">{name}</code> {required && <span className="text-brand">*</span>} <span className="text-muted">{t(`import.col.${name.split(" ")[0]!.replace(/[^a-z0-9_]/g, "")}`)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-muted">{t("import.formatMore")}</p>
      </details>
    </div>
  );
}
