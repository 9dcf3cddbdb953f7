// The search contract shared by every engine (embedded, Meilisearch), the tRPC router and the page.
import { z } from "zod";
import { productCard } from "@/server/catalog/catalog.schema";
import { shopSummary } from "@/server/shop/shop.schema";

export const searchTab = z.enum(["products", "shops", "creators"]);
export type SearchTab = z.infer<typeof searchTab>;

export const searchSort = z.enum(["relevance", "sales", "price_asc", "price_desc", "newest", "rating"]);
export type SearchSort = z.infer<typeof searchSort>;

/** Price bands for the price facet, in fen: [min, max) — the last band is open-ended. */
export const PRICE_BANDS = [
  { key: "0-50", minFen: 0, maxFen: 5_000 },
  { key: "50-100", minFen: 5_000, maxFen: 10_000 },
  { key: "100-300", minFen: 10_000, maxFen: 30_000 },
  { key: "300-1000", minFen: 30_000, maxFen: 100_000 },
  { key: "1000+", minFen: 100_000, maxFen: null },
] as const;
export type PriceBandKey = (typeof PRICE_BANDS)[number]["key"];

/** Control characters are removed; whitespace collapses; at most 100 characters are searched. */
export const MAX_QUERY_LENGTH = 100;

export const searchFilters = z.object({
  /** Category slug; matches the category and its descendants. */
  category: z.string().max(120).optional(),
  shop: z.string().max(120).optional(),
  /** Region-of-origin slug. */
  region: z.string().max(120).optional(),
  priceBand: z.enum(PRICE_BANDS.map((b) => b.key) as [PriceBandKey, ...PriceBandKey[]]).optional(),
  /** Minimum average rating ×100, e.g. 450 for "4.5 and up". */
  minRatingX100: z.number().int().min(0).max(500).optional(),
  inStock: z.boolean().optional(),
});
export type SearchFilters = z.infer<typeof searchFilters>;

export const searchInput = z.object({
  q: z.string().max(1000, { error: "q must be at most 1000 characters" }),
  tab: searchTab.default("products"),
  filters: searchFilters.default({}),
  sort: searchSort.default("relevance"),
  page: z.number().int().min(1).max(100).default(1),
  pageSize: z.number().int().min(1).max(60).default(24),
});
export type SearchInput = z.input<typeof searchInput>;

// ───────────── documents (what engines index) ─────────────

/** One document per visible product: active, approved, in an active shop. */
export interface ProductDoc {
  id: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  tags: string[];
  /** Slugs and names of the category and its ancestors, root first. */
  categorySlugs: string[];
  categoryNamesZh: string[];
  categoryNamesEn: string[];
  shopSlug: string;
  shopNameZh: string;
  shopNameEn: string;
  regionSlug: string | null;
  regionNameZh: string | null;
  regionNameEn: string | null;
  minPriceFen: number;
  maxPriceFen: number;
  salesCount: number;
  ratingX100: number;
  ratingCount: number;
  inStock: boolean;
  /** Epoch milliseconds; 0 when never published. */
  publishedAt: number;
  imageUrl: string | null;
}

export interface ShopDoc {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  taglineZh: string;
  taglineEn: string;
  kind: "BRAND_FLAGSHIP" | "FARM_GOODS" | "INDUSTRIAL_BELT" | "INDEPENDENT";
  regionNameZh: string | null;
  regionNameEn: string | null;
  logoUrl: string;
  scoreX100: number;
  followerCount: number;
  productCount: number;
}

export interface CreatorDoc {
  id: string;
  handle: string;
  displayName: string;
  bioZh: string;
  bioEn: string;
  tags: string[];
  avatarUrl: string;
  followerCount: number;
}

export type SearchDoc = ({ type: "product" } & ProductDoc) | ({ type: "shop" } & ShopDoc) | ({ type: "creator" } & CreatorDoc);

// ───────────── results ─────────────

export const facetValue = z.object({ value: z.string(), count: z.number().int() });

/**
 * Facet counts are for the query with every *other* facet's filter applied (so a chosen category
 * still shows its sibling categories' counts), as shoppers expect.
 */
export const productFacets = z.object({
  category: z.array(facetValue),
  shop: z.array(facetValue),
  region: z.array(facetValue),
  priceBand: z.array(facetValue),
  /** value is the minimum rating ×100: "450", "400", "300". */
  rating: z.array(facetValue),
  inStock: z.array(facetValue),
});
export type ProductFacets = z.infer<typeof productFacets>;

/** Title text split into runs; `hit` runs matched the query. Rendered as text, never as HTML. */
export const highlight = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlight = z.infer<typeof highlight>;

export interface EngineProductHit {
  id: string;
  score: number;
  /** Highlighted titles in both languages. */
  titleZh: Highlight;
  titleEn: Highlight;
}

export interface EngineResult<H> {
  hits: H[];
  total: number;
  facets: ProductFacets | null;
}

/** What every engine implements. Engines hold documents; they never read the database. */
export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Creates indexes and applies settings (idempotent; called on start). */
  init(): Promise<void>;
  upsert(docs: SearchDoc[]): Promise<void>;
  /** Removes documents by type and id; unknown ids are ignored. */
  remove(type: SearchDoc["type"], ids: string[]): Promise<void>;
  /** Drops every document (before a full reindex). */
  clear(): Promise<void>;
  count(type: SearchDoc["type"]): Promise<number>;
  searchProducts(query: EngineQuery): Promise<EngineResult<EngineProductHit>>;
  searchShops(query: EngineQuery): Promise<EngineResult<{ id: string; score: number }>>;
  searchCreators(query: EngineQuery): Promise<EngineResult<{ id: string; score: number }>>;
  /** Completions for a prefix: product titles and shop names, best first. */
  suggest(prefix: string, limit: number): Promise<string[]>;
}

export interface EngineQuery {
  /** Already cleaned (see cleanQuery); may be "" (browse everything with filters). */
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Compute facet counts (products only). */
  facets: boolean;
}

// ───────────── what the search procedure returns (router output) ─────────────

/** A facet value with display names (slugs are not for people). */
export const labelledFacetValue = facetValue.extend({ labelZh: z.string(), labelEn: z.string() });
export const labelledFacets = z.object({
  category: z.array(labelledFacetValue),
  shop: z.array(labelledFacetValue),
  region: z.array(labelledFacetValue),
  priceBand: z.array(labelledFacetValue),
  rating: z.array(labelledFacetValue),
  inStock: z.array(labelledFacetValue),
});
export type LabelledFacets = z.infer<typeof labelledFacets>;

export const productHit = productCard.extend({ highlightZh: highlight, highlightEn: highlight });
export type ProductHit = z.infer<typeof productHit>;

export const creatorCard = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  bioZh: z.string(),
  bioEn: z.string(),
  avatarUrl: z.string(),
  followerCount: z.number().int(),
});

export const searchOutput = z.object({
  /** The query as searched (cleaned). */
  q: z.string(),
  tab: searchTab,
  sort: searchSort,
  filters: searchFilters,
  page: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
  /** Result counts for each tab, for the tab bar. */
  tabCounts: z.object({ products: z.number().int(), shops: z.number().int(), creators: z.number().int() }),
  products: z.array(productHit),
  shops: z.array(shopSummary),
  creators: z.array(creatorCard),
  /** Products tab only; null on other tabs. */
  facets: labelledFacets.nullable(),
  /**
   * Never a blank page: when the query finds nothing, "relaxed" means results for a looser query
   * (filters dropped, any word may match), "recommendations" means popular products instead.
   */
  fallback: z.enum(["relaxed", "recommendations"]).nullable(),
  /** Set when the shown results came from a corrected or relaxed query. */
  searchedFor: z.string().nullable(),
  /** Id of the recorded search event, for click tracking. */
  eventId: z.string().nullable(),
});
export type SearchOutput = z.infer<typeof searchOutput>;

export const suggestOutput = z.array(z.object({ text: z.string(), kind: z.enum(["query", "product", "shop"]) }));
