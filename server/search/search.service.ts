// Search as the pages use it: one call that cleans the query, asks the engine for the active tab and
// counts the other tabs, hydrates cards from the database (the engine only knows ids and titles),
// labels facets, never comes back blank (relaxed query, then recommendations), re-ranks by the
// viewer's interests when there is a profile, and records the search for recommendation and operators.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { listProducts, loadProductCards } from "@/server/catalog/catalog.service";
import { listShopSummaries } from "@/server/shop/shop.service";
import { AppError, notFound } from "@/server/errors";
import { chunkQuery, normalizeText } from "@/server/search/analysis";
import {
  MAX_QUERY_LENGTH,
  PRICE_BANDS,
  searchInput,
  type EngineProductHit,
  type EngineQuery,
  type EngineResult,
  type LabelledFacets,
  type ProductFacets,
  type ProductHit,
  type SearchEngine,
  type SearchFilters,
  type SearchInput,
  type SearchOutput,
  type SearchSort,
  type SearchTab,
  type creatorCard,
  type suggestOutput,
} from "@/server/search/search.schema";
import type { z } from "zod";
import { searchInterests } from "@/server/reco/search-interest";
import { recordSearchEvent } from "@/server/reco/events.service";

/** Who is searching: the signed-in user and/or the anonymous visitor cookie, either may be absent. */
export interface SearchViewer {
  userId: string | null;
  visitorId: string | null;
}

type CreatorCard = z.infer<typeof creatorCard>;
export type Suggestion = z.infer<typeof suggestOutput>[number];

// ───────────── query cleaning ─────────────

const LINE_AND_TAB = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Controls, format characters (zero-width and bidi marks), lone surrogates and private-use characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;

/**
 * The query as searched: line breaks and tabs become spaces, other control, format and private-use
 * characters are dropped, whitespace collapses, and at most MAX_QUERY_LENGTH characters (code points,
 * so no emoji is cut in half) remain.
 */
export function cleanQuery(raw: string): string {
  const text = raw.replace(LINE_AND_TAB, " ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const points = Array.from(text);
  return points.length <= MAX_QUERY_LENGTH ? text : points.slice(0, MAX_QUERY_LENGTH).join("").trim();
}

/** The grouping key for search events: cleaned, case- and width-folded, whitespace collapsed. */
export function normalizeQuery(raw: string): string {
  return normalizeText(cleanQuery(raw)).replace(/\s+/g, " ").trim();
}

const PLAUSIBLE_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** False when a slug filter cannot name anything (slugs are a–z, 0–9 and -): the result is empty. */
function filtersArePlausible(f: SearchFilters): boolean {
  return [f.category, f.shop, f.region].every((slug) => slug === undefined || PLAUSIBLE_SLUG.test(slug));
}

// ───────────── personalisation ─────────────

/** What a viewer is into: affinity 0–1 per category slug, shop slug and tag. */
export interface InterestProfile {
  categories: Record<string, number>;
  shops: Record<string, number>;
  tags: Record<string, number>;
}

export interface RerankCandidate {
  id: string;
  score: number;
  categorySlugs: readonly string[];
  shopSlug: string;
  tags: readonly string[];
}

/** At most +20 %: an interest can reorder close matches but never bury a much better one. */
export const MAX_INTEREST_BOOST = 0.2;

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** How well a result fits a profile, 0–1: category counts most, then shop, then tags. */
export function interestAffinity(c: Omit<RerankCandidate, "id" | "score">, profile: InterestProfile): number {
  const best = (keys: readonly string[], weights: Record<string, number>) => keys.reduce((m, k) => Math.max(m, clamp01(weights[k] ?? 0)), 0);
  const category = best(c.categorySlugs, profile.categories);
  const shop = clamp01(profile.shops[c.shopSlug] ?? 0);
  const tag = best(c.tags, profile.tags);
  return clamp01(0.5 * category + 0.3 * shop + 0.2 * tag);
}

/**
 * Re-ranks results by the viewer's interests: each score is multiplied by 1 + maxBoost × affinity.
 * Scores are first made non-increasing in the engine's order (engines may break ties by sales), so
 * with no interest the order is exactly the engine's. A result can only overtake one whose score is
 * less than (1 + maxBoost) times its own. Pure: returns a new array.
 */
export function rerankByInterests<T extends RerankCandidate>(hits: readonly T[], profile: InterestProfile | null, maxBoost = MAX_INTEREST_BOOST): T[] {
  if (!profile || hits.length < 2) return [...hits];
  let ceiling = Infinity;
  return hits
    .map((hit, index) => {
      ceiling = Math.min(ceiling, Math.max(0, hit.score));
      return { hit, index, score: ceiling * (1 + clamp01(maxBoost) * interestAffinity(hit, profile)) };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.hit);
}

/** The viewer's interest profile (server/reco: feed, likes, purchases, searches), or null. */
export const getInterestProfile: (db: DbClient, viewer: SearchViewer) => Promise<InterestProfile | null> = searchInterests;

// ───────────── hydration ─────────────

function plainHighlight(text: string) {
  return [{ text, hit: false }];
}

/** Cards in engine order (re-ranked by interests for relevance searches), visible ones only. */
async function productHits(
  db: DbClient,
  hits: readonly EngineProductHit[],
  profile: InterestProfile | null,
  rerank: boolean,
): Promise<ProductHit[]> {
  const products = await loadProductCards(db, hits.map((h) => h.id));
  const candidates = hits.flatMap((h) => {
    const p = products.get(h.id);
    return p ? [{ ...h, categorySlugs: p.categorySlugs, shopSlug: p.shopSlug, tags: p.tags, card: p.card }] : [];
  });
  const ordered = rerank ? rerankByInterests(candidates, profile) : candidates;
  return ordered.map((c) => ({ ...c.card, highlightZh: c.titleZh, highlightEn: c.titleEn }));
}

async function creatorCards(db: DbClient, ids: readonly string[]): Promise<CreatorCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.creatorProfile.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, handle: true, displayName: true, bioZh: true, bioEn: true, avatarUrl: true, followerCount: true },
  });
  const byId = new Map(rows.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Best sellers, for a search that finds nothing even relaxed. */
async function recommendations(db: DbClient, limit: number): Promise<ProductHit[]> {
  const { items } = await listProducts(db, { sort: "popular", pageSize: limit });
  return items.map((card) => ({ ...card, highlightZh: plainHighlight(card.titleZh), highlightEn: plainHighlight(card.titleEn) }));
}

// ───────────── facets ─────────────

function yuan(fen: number): string {
  return String(fen / 100);
}

export function priceBandLabel(key: string): string {
  const band = PRICE_BANDS.find((b) => b.key === key);
  if (!band) return key;
  return band.maxFen === null ? `¥${yuan(band.minFen)}+` : `¥${yuan(band.minFen)}–${yuan(band.maxFen)}`;
}

export function ratingLabel(value: string): string {
  return `${(Number(value) / 100).toFixed(1)}★+`;
}

const EMPTY_FACETS: LabelledFacets = { category: [], shop: [], region: [], priceBand: [], rating: [], inStock: [] };

/** Facet values with names in both languages; values whose slug no longer exists are dropped. */
async function labelFacets(db: DbClient, facets: ProductFacets | null): Promise<LabelledFacets> {
  if (!facets) return EMPTY_FACETS;
  const slugs = (values: { value: string }[]) => values.map((v) => v.value);
  const [categories, shops, regions] = await Promise.all([
    facets.category.length ? db.category.findMany({ where: { slug: { in: slugs(facets.category) } }, select: { slug: true, nameZh: true, nameEn: true } }) : [],
    facets.shop.length ? db.shop.findMany({ where: { slug: { in: slugs(facets.shop) } }, select: { slug: true, nameZh: true, nameEn: true } }) : [],
    facets.region.length ? db.region.findMany({ where: { slug: { in: slugs(facets.region) } }, select: { slug: true, nameZh: true, nameEn: true } }) : [],
  ]);
  const named = (values: { value: string; count: number }[], rows: { slug: string; nameZh: string; nameEn: string }[]) => {
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    return values
      .flatMap((v) => {
        const row = bySlug.get(v.value);
        return row && v.count > 0 ? [{ value: v.value, count: v.count, labelZh: row.nameZh, labelEn: row.nameEn }] : [];
      })
      .sort((a, b) => b.count - a.count || a.labelEn.localeCompare(b.labelEn));
  };
  const bandOrder = PRICE_BANDS.map((b) => b.key as string);
  return {
    category: named(facets.category, categories),
    shop: named(facets.shop, shops),
    region: named(facets.region, regions),
    priceBand: facets.priceBand
      .filter((v) => v.count > 0 && bandOrder.includes(v.value))
      .sort((a, b) => bandOrder.indexOf(a.value) - bandOrder.indexOf(b.value))
      .map((v) => ({ ...v, labelZh: priceBandLabel(v.value), labelEn: priceBandLabel(v.value) })),
    rating: facets.rating
      .filter((v) => v.count > 0 && Number.isFinite(Number(v.value)))
      .sort((a, b) => Number(b.value) - Number(a.value))
      .map((v) => ({ ...v, labelZh: ratingLabel(v.value), labelEn: ratingLabel(v.value) })),
    inStock: facets.inStock
      .filter((v) => v.count > 0 && (v.value === "true" || v.value === "false"))
      .sort((a, b) => Number(b.value === "true") - Number(a.value === "true"))
      .map((v) =>
        v.value === "true" ? { ...v, labelZh: "有货", labelEn: "In stock" } : { ...v, labelZh: "暂时缺货", labelEn: "Out of stock" },
      ),
  };
}

// ───────────── search ─────────────

const NO_RESULT: EngineResult<never> = { hits: [], total: 0, facets: null };
const MAX_PAGE = 100;

/** The query's words as the analysis splits them ("红色 烧水壶" → 红色 | 烧水壶), for the relaxed retry. */
function queryTerms(q: string): string[] {
  return [...new Set(chunkQuery(normalizeText(q), 8).map((c) => c.text))];
}

/**
 * The relaxed retry for a query that found nothing: first the same words without filters, then any
 * single word (results interleaved by rank, so every word gets its best matches shown).
 */
async function relaxedSearch(
  engine: SearchEngine,
  q: string,
  filters: SearchFilters,
  sort: SearchSort,
  limit: number,
): Promise<{ hits: EngineProductHit[]; searchedFor: string | null } | null> {
  if (Object.keys(filters).length > 0) {
    const r = await engine.searchProducts({ q, filters: {}, sort, offset: 0, limit, facets: false });
    if (r.hits.length) return { hits: r.hits, searchedFor: q || null };
  }
  const terms = queryTerms(q);
  if (terms.length < 2) return null;
  const perTerm = await Promise.all(terms.map((term) => engine.searchProducts({ q: term, filters: {}, sort, offset: 0, limit, facets: false })));
  const seen = new Set<string>();
  const hits: EngineProductHit[] = [];
  for (let rank = 0; hits.length < limit && perTerm.some((r) => rank < r.hits.length); rank++) {
    for (const r of perTerm) {
      const hit = r.hits[rank];
      if (hit && !seen.has(hit.id) && hits.length < limit) {
        seen.add(hit.id);
        hits.push(hit);
      }
    }
  }
  return hits.length ? { hits, searchedFor: terms.join(" ") } : null;
}

/** Writes the QUERY search event; search still answers if the write fails (eventId is then null). */
async function recordQuery(db: DbClient, viewer: SearchViewer, q: string, tab: SearchTab, filters: SearchFilters, resultCount: number) {
  try {
    const event = await db.searchEvent.create({
      data: {
        kind: "QUERY",
        userId: viewer.userId,
        visitorId: viewer.visitorId,
        query: q,
        normalizedQuery: normalizeQuery(q),
        tab,
        filters: filters as Prisma.InputJsonObject,
        resultCount,
      },
      select: { id: true },
    });
    return event.id;
  } catch (err) {
    console.error("[search] could not record the search event:", err);
    return null;
  }
}

export async function search(db: DbClient, engine: SearchEngine, raw: SearchInput, viewer: SearchViewer): Promise<SearchOutput> {
  const input = searchInput.parse(raw);
  const q = cleanQuery(input.q);
  const { tab, sort, page, pageSize, filters } = input;
  const plausible = filtersArePlausible(filters);
  const base: EngineQuery = { q, filters, sort, offset: (page - 1) * pageSize, limit: pageSize, facets: false };
  const countOnly: EngineQuery = { ...base, offset: 0, limit: 0 };
  // Shops and creators are searched by the words alone: the filters describe products.
  const byWords: EngineQuery = { ...countOnly, filters: {} };

  const [productsRes, shopsRes, creatorsRes, profile] = await Promise.all([
    !plausible ? NO_RESULT : tab === "products" ? engine.searchProducts({ ...base, facets: true }) : engine.searchProducts(countOnly),
    tab === "shops" ? engine.searchShops({ ...base, filters: {} }) : engine.searchShops(byWords),
    tab === "creators" ? engine.searchCreators({ ...base, filters: {} }) : engine.searchCreators(byWords),
    getInterestProfile(db, viewer),
  ]);
  const tabCounts = { products: productsRes.total, shops: shopsRes.total, creators: creatorsRes.total };
  const active = tab === "products" ? productsRes : tab === "shops" ? shopsRes : creatorsRes;

  const output: SearchOutput = {
    q,
    tab,
    sort,
    filters,
    page,
    // searchInput accepts pages 1–100; deeper results are reached by refining the query.
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(active.total / pageSize))),
    total: active.total,
    tabCounts,
    products: [],
    shops: [],
    creators: [],
    facets: null,
    fallback: null,
    searchedFor: null,
    eventId: null,
  };

  // The event records what the engine found (0 for a zero-result query, even when a fallback then
  // fills the page), so it can be written while the page's rows load.
  const recorded = recordQuery(db, viewer, q, tab, filters, active.total);
  if (tab === "products") {
    const rerank = sort === "relevance" && q !== "";
    [output.products, output.facets] = await Promise.all([
      productHits(db, productsRes.hits, profile, rerank),
      labelFacets(db, productsRes.facets),
    ]);
    if (productsRes.total === 0) {
      // Never a blank page: a looser query, else what sells best.
      const relaxed = await relaxedSearch(engine, q, filters, sort, pageSize);
      const relaxedHits = relaxed ? await productHits(db, relaxed.hits, profile, rerank) : [];
      if (relaxed && relaxedHits.length) {
        Object.assign(output, { products: relaxedHits, fallback: "relaxed", searchedFor: relaxed.searchedFor });
      } else {
        Object.assign(output, { products: await recommendations(db, pageSize), fallback: "recommendations" });
      }
      output.total = output.products.length;
      output.pageCount = 1;
    }
  } else if (tab === "shops") {
    output.shops = await listShopSummaries(db, shopsRes.hits.map((h) => h.id));
  } else {
    output.creators = await creatorCards(db, creatorsRes.hits.map((h) => h.id));
  }

  output.eventId = await recorded;
  // A search sharpens recommendation: instant interests shift toward the top results.
  if (tab === "products" && q && page === 1) await recordSearchEvent(db, viewer, q, output.products.slice(0, 5).map((p) => p.id));
  return output;
}

// ───────────── clicks, operators, suggestions ─────────────

/** Records that the viewer opened a result of a recorded search (position is 1-based). */
export async function recordClick(db: DbClient, eventId: string, productId: string, position: number): Promise<void> {
  const event = await db.searchEvent.findFirst({
    where: { id: eventId, kind: "QUERY" },
    select: { visitorId: true, userId: true, query: true, normalizedQuery: true, tab: true, filters: true, resultCount: true },
  });
  if (!event) throw notFound("Search event");
  const product = await db.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!product) throw new AppError("BAD_REQUEST", "productId: no such product", { field: "productId" });
  await db.searchEvent.create({
    data: {
      kind: "CLICK",
      visitorId: event.visitorId,
      userId: event.userId,
      query: event.query,
      normalizedQuery: event.normalizedQuery,
      tab: event.tab,
      filters: event.filters ?? {},
      resultCount: event.resultCount,
      productId,
      position,
    },
  });
}

export interface ZeroResultQuery {
  query: string;
  count: number;
  lastSeenAt: Date;
}

/** Queries that found nothing in the last `days`, most frequent first (for operators). */
export async function listZeroResultQueries(db: DbClient, options: { days: number; limit: number }): Promise<ZeroResultQuery[]> {
  const since = new Date(Date.now() - options.days * 24 * 3600_000);
  const rows = await db.searchEvent.groupBy({
    by: ["normalizedQuery"],
    where: { kind: "QUERY", resultCount: 0, createdAt: { gte: since }, normalizedQuery: { not: "" } },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: [{ _count: { normalizedQuery: "desc" } }, { _max: { createdAt: "desc" } }],
    take: options.limit,
  });
  return rows.map((r) => ({ query: r.normalizedQuery, count: r._count._all, lastSeenAt: r._max.createdAt ?? since }));
}

/** A query must have been searched (with results) this often to be suggested to others. */
const MIN_POPULAR_COUNT = 2;
const POPULAR_WINDOW_DAYS = 30;

/**
 * Suggestions while typing: popular past queries that found something and start with the prefix,
 * then the engine's completions (product titles, shop names). An empty prefix gives popular queries.
 */
export async function suggest(db: DbClient, engine: SearchEngine, rawPrefix: string, limit = 10): Promise<Suggestion[]> {
  const prefix = cleanQuery(rawPrefix);
  const norm = normalizeQuery(prefix);
  const [popular, completions] = await Promise.all([
    db.searchEvent.groupBy({
      by: ["normalizedQuery"],
      where: {
        kind: "QUERY",
        resultCount: { gt: 0 },
        createdAt: { gte: new Date(Date.now() - POPULAR_WINDOW_DAYS * 24 * 3600_000) },
        normalizedQuery: norm ? { startsWith: norm } : { not: "" },
      },
      _count: { _all: true },
      having: { normalizedQuery: { _count: { gte: MIN_POPULAR_COUNT } } },
      orderBy: [{ _count: { normalizedQuery: "desc" } }, { normalizedQuery: "asc" }],
      take: prefix ? 4 : limit,
    }),
    prefix ? engine.suggest(prefix, limit) : Promise.resolve([]),
  ]);

  const shopNames = completions.length
    ? await db.shop.findMany({
        where: { status: "ACTIVE", OR: [{ nameZh: { in: completions } }, { nameEn: { in: completions } }] },
        select: { nameZh: true, nameEn: true },
      })
    : [];
  const isShop = new Set(shopNames.flatMap((s) => [s.nameZh, s.nameEn]));

  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Suggestion["kind"]) => {
    const key = normalizeQuery(text);
    if (!key || seen.has(key) || out.length >= limit) return;
    seen.add(key);
    out.push({ text, kind });
  };
  for (const p of popular) add(p.normalizedQuery, "query");
  for (const text of completions) add(text, isShop.has(text) ? "shop" : "product");
  return out;
}
