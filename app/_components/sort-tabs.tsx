import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { productSort, type ProductSort } from "@/server/catalog/catalog.schema";
import type { ListingHref } from "@/app/_components/pagination";

export const DEFAULT_SORT: ProductSort = "popular";

/** `?sort=` from the URL; anything unknown falls back to the default instead of failing. */
export function parseSort(raw: string | string[] | undefined): ProductSort {
  const parsed = productSort.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : DEFAULT_SORT;
}

/** Server-rendered sort links (no client JS); the current one is marked for assistive tech. */
export async function SortTabs({ current, hrefFor, locale }: { current: ProductSort; hrefFor: (sort: ProductSort) => ListingHref; locale: string }) {
  const t = await getTranslations({ locale, namespace: "listing" });
  return (
    <nav aria-label={t("sortLabel")} className="no-scrollbar -mx-1 overflow-x-auto">
      <ul className="flex items-center gap-1 px-1 text-sm">
        {productSort.options.map((sort) => {
          const active = sort === current;
          return (
            <li key={sort} className="shrink-0">
              <Link
                href={hrefFor(sort)}
                aria-current={active ? "true" : undefined}
                scroll={false}
                className={`block rounded-full px-3 py-1.5 transition ${
                  active ? "bg-ink font-semibold text-white" : "text-ink/75 hover:bg-canvas hover:text-brand"
                }`}
              >
                {t(`sort.${sort}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
