// The search page keeps all of its state in the URL, so results are shareable and the back button
// works. This module reads that state defensively (anything unknown is ignored, never a 500) and
// builds the links that change one piece of it.
import { cleanQuery, firstParam, parsePage, type ListingHref } from "@/app/_components/pagination";
import {
  MAX_QUERY_LENGTH,
  PRICE_BANDS,
  searchSort,
  searchTab,
  type PriceBandKey,
  type SearchFilters,
  type SearchSort,
  type SearchTab,
} from "@/server/search/search.schema";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The search procedure pages up to 100. */
export const MAX_PAGE = 100;
export const PAGE_SIZE = 24;
export const DEFAULT_TAB: SearchTab = "products";
export const DEFAULT_SORT: SearchSort = "relevance";

export interface SearchState {
  q: string;
  /** The query in the URL was longer than the search box allows and was cut. */
  wasCut: boolean;
  tab: SearchTab;
  sort: SearchSort;
  filters: SearchFilters;
  page: number;
}

/** The URL parameter for each filter: short, readable names. */
export const FILTER_PARAMS = {
  category: "category",
  shop: "shop",
  region: "region",
  priceBand: "price",
  minRatingX100: "rating",
  inStock: "stock",
} as const satisfies Record<keyof SearchFilters, string>;

const SLUG = /^[a-z0-9-]{1,120}$/;
// Control characters never belong in a query (they are stripped, as the search service does).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function slugParam(raw: string | string[] | undefined): string | undefined {
  const v = firstParam(raw)?.trim().toLowerCase();
  return v && SLUG.test(v) ? v : undefined;
}

export function cleanSearchQuery(raw: string | undefined): { q: string; wasCut: boolean } {
  const flat = (raw ?? "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  // Cut by code point, so a cut never leaves half of a surrogate pair.
  const chars = Array.from(flat);
  return { q: chars.slice(0, MAX_QUERY_LENGTH).join("").trim(), wasCut: chars.length > MAX_QUERY_LENGTH };
}

export function readSearchState(sp: SearchParams): SearchState {
  const { q, wasCut } = cleanSearchQuery(firstParam(sp.q));
  const tab = searchTab.safeParse(firstParam(sp.tab));
  const sort = searchSort.safeParse(firstParam(sp.sort));
  const price = firstParam(sp[FILTER_PARAMS.priceBand]);
  const ratingRaw = firstParam(sp[FILTER_PARAMS.minRatingX100]);
  const rating = ratingRaw && /^\d{1,3}$/.test(ratingRaw) ? Number(ratingRaw) : undefined;
  const filters: SearchFilters = cleanFilters({
    category: slugParam(sp[FILTER_PARAMS.category]),
    shop: slugParam(sp[FILTER_PARAMS.shop]),
    region: slugParam(sp[FILTER_PARAMS.region]),
    priceBand: PRICE_BANDS.find((b) => b.key === price)?.key,
    minRatingX100: rating !== undefined && rating > 0 && rating <= 500 ? rating : undefined,
    inStock: firstParam(sp[FILTER_PARAMS.inStock]) === "1" ? true : undefined,
  });
  return {
    q,
    wasCut,
    tab: tab.success ? tab.data : DEFAULT_TAB,
    sort: sort.success ? sort.data : DEFAULT_SORT,
    filters,
    page: parsePage(sp.page, MAX_PAGE),
  };
}

function cleanFilters(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== false)) as SearchFilters;
}

export function activeFilterKeys(filters: SearchFilters): (keyof SearchFilters)[] {
  return (Object.keys(FILTER_PARAMS) as (keyof SearchFilters)[]).filter((k) => filters[k] !== undefined && filters[k] !== false);
}

/** Anything beyond the plain query: these pages are for people, not for the index. */
export function isRefined(s: SearchState): boolean {
  return s.tab !== DEFAULT_TAB || s.sort !== DEFAULT_SORT || s.page > 1 || activeFilterKeys(s.filters).length > 0;
}

/** The link for `state` with `patch` applied. Changing anything but the page goes back to page 1. */
export function searchHref(state: SearchState, patch: Partial<Omit<SearchState, "wasCut">> = {}): ListingHref {
  const next = { ...state, page: 1, ...patch };
  const f = next.filters;
  return {
    pathname: "/search",
    query: cleanQuery({
      q: next.q,
      tab: next.tab === DEFAULT_TAB ? undefined : next.tab,
      sort: next.sort === DEFAULT_SORT || next.tab !== "products" ? undefined : next.sort,
      [FILTER_PARAMS.category]: f.category,
      [FILTER_PARAMS.shop]: f.shop,
      [FILTER_PARAMS.region]: f.region,
      [FILTER_PARAMS.priceBand]: f.priceBand,
      [FILTER_PARAMS.minRatingX100]: f.minRatingX100,
      [FILTER_PARAMS.inStock]: f.inStock ? 1 : undefined,
      page: next.page > 1 ? next.page : undefined,
    }),
  };
}

/** The link that sets one filter, or clears it when `value` is undefined; back to page 1. */
export function filterHref<K extends keyof SearchFilters>(state: SearchState, key: K, value: SearchFilters[K] | undefined): ListingHref {
  return searchHref(state, { filters: cleanFilters({ ...state.filters, [key]: value }) });
}

/** The facet value as the filter holds it (facet values are strings). */
export function filterValueOf(key: keyof SearchFilters, facetValue: string): SearchFilters[keyof SearchFilters] | undefined {
  switch (key) {
    case "minRatingX100": {
      const n = Number(facetValue);
      return Number.isInteger(n) && n > 0 && n <= 500 ? n : undefined;
    }
    case "inStock":
      return facetValue === "true" || facetValue === "1" ? true : undefined;
    case "priceBand":
      return PRICE_BANDS.find((b) => b.key === facetValue)?.key as PriceBandKey | undefined;
    default:
      return facetValue;
  }
}

export function hrefToPath(href: ListingHref): string {
  const qs = new URLSearchParams(href.query).toString();
  return qs ? `${href.pathname}?${qs}` : href.pathname;
}
