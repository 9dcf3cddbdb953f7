import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { compactCount, formatFen, pick, rating } from "@/app/_lib/format";
import type { ProductCard as ProductCardData } from "@/server/catalog/catalog.schema";
import type { Highlight } from "@/server/search/search.schema";
import { productHref, type LinkSource } from "@/app/_lib/attribution";

/**
 * Works in server and client components alike (no async, no server-only imports).
 * `titleHighlight` (search results) shows the title as runs with the matched ones marked; the runs
 * are rendered as text, so a title can never inject markup.
 * `source` (where the card is shown: search, mall, shop…) goes into the link's query string so a
 * sale can be attributed; the product page's canonical URL stays the plain /p/<slug>.
 */
export function ProductCard({
  product,
  locale,
  priority = false,
  titleHighlight,
  source,
  extra,
}: {
  product: ProductCardData;
  locale: string;
  priority?: boolean;
  titleHighlight?: Highlight;
  source?: LinkSource;
  /** A line under the price (e.g. the shop page's member price). */
  extra?: React.ReactNode;
}) {
  const t = useTranslations("listing");
  const title = pick(locale, product.titleZh, product.titleEn);
  const runs = titleHighlight && titleHighlight.length > 0 && titleHighlight.map((r) => r.text).join("") === title ? titleHighlight : null;
  return (
    <Link
      href={productHref(product.slug, source)}
      className="group flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-line transition hover:-translate-y-0.5 hover:shadow-md"
    >
      <div className="relative aspect-square bg-canvas">
        {product.imageUrl && (
          <img
            src={product.imageUrl}
            alt={title}
            width={400}
            height={400}
            loading={priority ? "eager" : "lazy"}
            className="h-full w-full object-cover"
          />
        )}
        {product.isSoldOut && (
          <span className="absolute inset-x-0 bottom-0 bg-ink/70 py-1 text-center text-xs font-medium text-white">{t("soldOut")}</span>
        )}
        {product.region && (
          <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-0.5 text-[11px] font-medium text-emerald-700">
            {pick(locale, product.region.nameZh, product.region.nameEn)}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-2.5">
        <h3 className="line-clamp-2 text-sm leading-snug text-ink group-hover:text-brand">
          {runs
            ? runs.map((r, i) =>
                r.hit ? (
                  <mark key={i} className="bg-transparent font-semibold text-brand">
                    {r.text}
                  </mark>
                ) : (
                  <span key={i}>{r.text}</span>
                ),
              )
            : title}
        </h3>
        <div className="mt-auto flex items-baseline gap-1.5 pt-1">
          <span className="text-base font-semibold text-brand">{formatFen(product.minPriceFen)}</span>
          {product.maxPriceFen > product.minPriceFen && <span className="text-xs text-muted">{t("from")}</span>}
        </div>
        {extra}
        <div className="flex items-center justify-between text-[11px] text-muted">
          <span>{t("sold", { count: compactCount(product.salesCount, locale) })}</span>
          {product.ratingCount > 0 && <span>★ {rating(product.ratingX100)}</span>}
        </div>
        <span className="truncate text-[11px] text-muted">{pick(locale, product.shop.nameZh, product.shop.nameEn)}</span>
      </div>
    </Link>
  );
}

export function ProductGrid({ children }: { children: React.ReactNode }) {
  return <div className="grid grid-cols-2 gap-2.5 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6">{children}</div>;
}
