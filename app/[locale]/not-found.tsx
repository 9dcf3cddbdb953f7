import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "errors" });
  const categories = await getQueryClient().fetchQuery(trpc.catalog.categoryTree.queryOptions());
  return (
    <div className="mx-auto max-w-xl py-14 text-center">
      <p className="text-6xl font-bold text-brand">404</p>
      <h1 className="mt-3 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-muted">{t("notFoundText")}</p>
      <ul className="mt-5 flex flex-wrap justify-center gap-2">
        {categories.map((c) => (
          <li key={c.id}>
            <Link href={`/category/${c.slug}`} className="block rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-line hover:text-brand">
              {pick(locale, c.nameZh, c.nameEn)}
            </Link>
          </li>
        ))}
      </ul>
      <Link href="/" className="mt-6 inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
        {t("backHome")}
      </Link>
    </div>
  );
}
