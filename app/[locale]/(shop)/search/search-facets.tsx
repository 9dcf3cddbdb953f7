import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";
import { PRICE_BANDS, type LabelledFacets, type SearchFilters } from "@/server/search/search.schema";
import { activeFilterKeys, filterHref, filterValueOf, searchHref, type SearchState } from "./search-params";

type FacetKey = keyof LabelledFacets;
type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Which filter each facet sets. */
const FILTER_OF: Record<FacetKey, keyof SearchFilters> = {
  category: "category",
  shop: "shop",
  region: "region",
  priceBand: "priceBand",
  rating: "minRatingX100",
  inStock: "inStock",
};
const ORDER: FacetKey[] = ["category", "priceBand", "region", "shop", "rating", "inStock"];
/** Values shown before "more" (the rest are one tap away, in a disclosure that works without JS). */
const VISIBLE = 6;

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  isChosen: boolean;
}

function priceBandLabel(key: string, t: Translate): string {
  const band = PRICE_BANDS.find((b) => b.key === key);
  if (!band) return key;
  if (band.minFen === 0) return t("priceUnder", { max: formatFen(band.maxFen) });
  if (band.maxFen === null) return t("priceOver", { min: formatFen(band.minFen) });
  return t("priceRange", { min: formatFen(band.minFen), max: formatFen(band.maxFen) });
}

/** The label shoppers see for one filter value (the engine's slugs are not for people). */
export function filterLabel(
  key: keyof SearchFilters,
  value: string,
  facets: LabelledFacets | null,
  locale: string,
  t: Translate,
  knownNames?: Map<string, string>,
): string {
  switch (key) {
    case "priceBand":
      return priceBandLabel(value, t);
    case "minRatingX100":
      return t("ratingAtLeast", { rating: (Number(value) / 100).toFixed(1) });
    case "inStock":
      return t("inStockOnly");
    default: {
      const facetKey = (Object.keys(FILTER_OF) as FacetKey[]).find((k) => FILTER_OF[k] === key);
      const hit = facetKey && facets?.[facetKey].find((v) => v.value === value);
      return hit ? pick(locale, hit.labelZh, hit.labelEn) : (knownNames?.get(`${key}:${value}`) ?? value);
    }
  }
}

function chosenValue(filters: SearchFilters, key: keyof SearchFilters): string | undefined {
  const v = filters[key];
  if (v === undefined || v === false) return undefined;
  return v === true ? "true" : String(v);
}

/** The options of one facet, with the chosen value kept even when the engine left it out. */
function facetOptions(key: FacetKey, state: SearchState, facets: LabelledFacets, locale: string, t: Translate): FacetOption[] {
  const filterKey = FILTER_OF[key];
  const chosen = chosenValue(state.filters, filterKey);
  let values = facets[key].filter((v) => v.count > 0 || v.value === chosen);
  if (key === "inStock") values = values.filter((v) => filterValueOf("inStock", v.value) === true);
  if (key === "priceBand") values = [...values].sort((a, b) => PRICE_BANDS.findIndex((p) => p.key === a.value) - PRICE_BANDS.findIndex((p) => p.key === b.value));
  if (key === "rating") values = [...values].sort((a, b) => Number(b.value) - Number(a.value));
  const options = values.map((v) => ({
    value: v.value,
    label: key === "category" || key === "shop" || key === "region" ? pick(locale, v.labelZh, v.labelEn) || v.value : filterLabel(filterKey, v.value, facets, locale, t),
    count: v.count,
    isChosen: chosenValue(state.filters, filterKey) === (key === "inStock" ? "true" : v.value),
  }));
  if (chosen !== undefined && !options.some((o) => o.isChosen)) {
    options.unshift({ value: chosen, label: filterLabel(filterKey, chosen, facets, locale, t), count: 0, isChosen: true });
  }
  return options;
}

function Check({ isOn, round = false }: { isOn: boolean; round?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`grid h-4 w-4 shrink-0 place-items-center ${round ? "rounded-full" : "rounded"} border transition ${
        isOn ? "border-brand bg-brand text-white" : "border-ink/25 bg-white text-transparent group-hover:border-brand"
      }`}
    >
      <svg viewBox="0 0 12 12" className="h-2.5 w-2.5">
        <path d="M2.5 6.2 5 8.5l4.5-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </span>
  );
}

/**
 * The facet filters as links (so they work without JavaScript and every combination is a URL).
 * `variant="sidebar"` is the desktop column; `variant="drawer"` lays values out as tappable pills.
 */
export async function SearchFacets({
  state,
  facets,
  locale,
  variant,
}: {
  state: SearchState;
  facets: LabelledFacets;
  locale: string;
  variant: "sidebar" | "drawer";
}) {
  const t = await getTranslations({ locale, namespace: "search" });
  const idPrefix = `facet-${variant}`;
  const sections = ORDER.map((key) => ({ key, options: facetOptions(key, state, facets, locale, t) })).filter((s) => s.options.length > 0);

  return (
    <div className={variant === "sidebar" ? "divide-y divide-line" : "space-y-5"}>
      {sections.map(({ key, options }) => {
        const filterKey = FILTER_OF[key];
        const headingId = `${idPrefix}-${key}`;
        const link = (o: FacetOption) => {
          const href = o.isChosen ? filterHref(state, filterKey, undefined) : filterHref(state, filterKey, filterValueOf(filterKey, o.value));
          if (variant === "drawer") {
            return (
              <Link
                href={href}
                scroll={false}
                aria-current={o.isChosen ? "true" : undefined}
                data-count={o.count}
                className={`flex h-full min-h-11 flex-col items-center justify-center rounded-xl px-2 py-1.5 text-center text-[13px] leading-tight ring-1 transition ${
                  o.isChosen ? "bg-brand-soft font-semibold text-brand ring-brand" : "bg-canvas text-ink/85 ring-transparent active:bg-line"
                }`}
              >
                <span className="line-clamp-2 break-words">{o.label}</span>
                {o.count > 0 && <span className={`mt-0.5 text-[11px] font-normal ${o.isChosen ? "text-brand/80" : "text-muted"}`}>{o.count}</span>}
              </Link>
            );
          }
          return (
            <Link
              href={href}
              aria-current={o.isChosen ? "true" : undefined}
              data-count={o.count}
              className={`group flex items-center gap-2 rounded-lg px-1.5 py-1.5 text-sm transition hover:bg-canvas ${o.isChosen ? "font-semibold text-brand" : "text-ink/85"}`}
            >
              <Check isOn={o.isChosen} round={key === "rating" || key === "priceBand"} />
              <span title={o.label} className="min-w-0 flex-1 truncate group-hover:text-brand">
                {o.label}
              </span>
              <span className={`shrink-0 text-xs tabular-nums ${o.isChosen ? "text-brand/80" : "text-muted"}`}>{o.count > 0 ? o.count : ""}</span>
            </Link>
          );
        };
        const visible = options.slice(0, VISIBLE);
        const rest = options.slice(VISIBLE);
        const listClass = variant === "drawer" ? "grid grid-cols-3 gap-2" : "space-y-0.5";
        return (
          <section key={key} aria-labelledby={headingId} className={variant === "sidebar" ? "py-3 first:pt-0 last:pb-0" : ""}>
            <h3 id={headingId} className={variant === "sidebar" ? "mb-1.5 px-1.5 text-xs font-semibold uppercase tracking-wide text-muted" : "mb-2.5 text-sm font-semibold"}>
              {t(`facet.${key}`)}
            </h3>
            <ul className={listClass}>
              {visible.map((o) => (
                <li key={o.value}>{link(o)}</li>
              ))}
            </ul>
            {rest.length > 0 && (
              <details className="group/more">
                <summary className="mt-1 flex cursor-pointer list-none items-center gap-1 px-1.5 py-1 text-xs text-muted hover:text-brand [&::-webkit-details-marker]:hidden">
                  {t("more")}
                  <span className="tabular-nums">({rest.length})</span>
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 transition group-open/more:rotate-180">
                    <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                </summary>
                <ul className={`${listClass} mt-1`}>
                  {rest.map((o) => (
                    <li key={o.value}>{link(o)}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The chosen filters as removable chips, with "clear all". `knownNames` ("category:slug" → name)
 * names filters the facets no longer list (a relaxed search has no facets for them).
 */
export async function ChosenFilters({
  state,
  facets,
  locale,
  knownNames,
}: {
  state: SearchState;
  facets: LabelledFacets | null;
  locale: string;
  knownNames?: Map<string, string>;
}) {
  const keys = activeFilterKeys(state.filters);
  if (keys.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{t("chosen")}</span>
      <ul className="contents">
        {keys.map((key) => {
          const label = filterLabel(key, chosenValue(state.filters, key) ?? "", facets, locale, t, knownNames);
          return (
            <li key={key}>
              <Link
                href={filterHref(state, key, undefined)}
                aria-label={t("removeFilter", { label })}
                className="flex items-center gap-1 rounded-full bg-brand-soft py-1 pl-3 pr-2 text-brand ring-1 ring-inset ring-brand/30 hover:bg-brand hover:text-white"
              >
                <span className="max-w-48 truncate">{label}</span>
                <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5">
                  <path d="M4.5 4.5l7 7m0-7-7 7" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                </svg>
              </Link>
            </li>
          );
        })}
      </ul>
      {keys.length > 0 && (
        <Link href={searchHref(state, { filters: {} })} className="px-1 text-muted underline-offset-2 hover:text-brand hover:underline">
          {t("clearAll")}
        </Link>
      )}
    </div>
  );
}
