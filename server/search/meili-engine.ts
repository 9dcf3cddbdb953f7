// Meilisearch adapter (used when MEILI_HOST is set), on the official `meilisearch` client.
//
// - Index settings live here as code and are applied by init(), every start: searchable attributes
//   in weight order, filterable and sortable attributes, ranking rules ending in the custom ranking
//   (sales, then rating), the shared synonym groups, typo tolerance.
// - Every write is awaited as a Meilisearch task; a task that fails or is cancelled throws.
// - Pinyin: Meilisearch has no pinyin analysis, so product and shop documents carry precomputed
//   pinyin fields (full syllables per word and initials) that are searchable like any text.
// - Facets are disjunctive: each facet's counts ignore that facet's own filter (so a chosen category
//   still shows its siblings' counts). One multi-search request carries the main query plus one
//   count-only query per active facet filter.
import { Meilisearch, type EnqueuedTaskPromise, type Hit, type MultiSearchQuery, type SearchResponse, type Settings } from "meilisearch";
import {
  PRICE_BANDS,
  type CreatorDoc,
  type EngineProductHit,
  type EngineQuery,
  type EngineResult,
  type Highlight,
  type PriceBandKey,
  type ProductDoc,
  type ProductFacets,
  type SearchDoc,
  type SearchEngine,
  type SearchFilters,
  type SearchSort,
  type ShopDoc,
} from "@/server/search/search.schema";
import { SYNONYM_GROUPS } from "@/server/search/synonyms";
import { chunkQuery, isWordUnit, normalizeText, textPinyin } from "@/server/search/analysis";

type DocType = SearchDoc["type"];

/** Rating facet thresholds (×100), highest first: a product counts under every threshold it meets. */
export const RATING_THRESHOLDS = [450, 400, 300] as const;

interface MeiliProduct extends ProductDoc {
  /** Pinyin of the Chinese title words, e.g. "shaoshuihu" and "shao shui hu". */
  pinyin: string[];
  /** Initials of the same words, e.g. "ssh". */
  initials: string[];
  priceBand: PriceBandKey;
  /** Thresholds from RATING_THRESHOLDS this product meets, as strings (facet values). */
  ratingBands: string[];
}

interface MeiliShop extends ShopDoc {
  pinyin: string[];
  initials: string[];
}

interface MeiliCreator extends CreatorDoc {
  pinyin: string[];
  initials: string[];
}

/** Private-use characters mark highlights, so no title text can be mistaken for a marker. */
const HL_PRE = "\uE000";
const HL_POST = "\uE001";

/** A facet of the contract and the document attribute it counts. */
const FACET_ATTRIBUTE = {
  category: "categorySlugs",
  shop: "shopSlug",
  region: "regionSlug",
  priceBand: "priceBand",
  rating: "ratingBands",
  inStock: "inStock",
} as const satisfies Record<keyof ProductFacets, string>;
type FacetKey = keyof typeof FACET_ATTRIBUTE;
const FACET_KEYS = Object.keys(FACET_ATTRIBUTE) as FacetKey[];

const SORTS: Record<SearchSort, string[]> = {
  relevance: [],
  sales: ["salesCount:desc"],
  price_asc: ["minPriceFen:asc"],
  price_desc: ["minPriceFen:desc"],
  newest: ["publishedAt:desc"],
  rating: ["ratingX100:desc", "ratingCount:desc"],
};

/** Synonym groups as Meilisearch's map: every term of a group lists the others. */
export function meiliSynonyms(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of groups) {
    for (const term of group) {
      const key = term.toLowerCase();
      map[key] ??= new Set();
      for (const other of group) if (other.toLowerCase() !== key) map[key].add(other.toLowerCase());
    }
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v]]));
}

const HAN = /\p{Script=Han}/u;

const COMMON_TYPO_TOLERANCE: Settings["typoTolerance"] = {
  enabled: true,
  // "yogq" (4 letters) should still find "yoga"; two typos from 8 letters.
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  // Initials are abbreviations: a typo in "ssh" is another word entirely.
  disableOnAttributes: ["initials"],
  disableOnNumbers: true,
};

const LOCALIZED: Settings["localizedAttributes"] = [
  { attributePatterns: ["*Zh", "pinyin", "initials"], locales: ["cmn"] },
  { attributePatterns: ["*En"], locales: ["eng"] },
];

function productSettings(): Settings {
  return {
    // Weight order: title first, then what a shopper names goods by, then descriptive text.
    searchableAttributes: [
      "titleZh",
      "titleEn",
      "pinyin",
      "initials",
      "tags",
      "categoryNamesZh",
      "categoryNamesEn",
      "shopNameZh",
      "shopNameEn",
      "regionNameZh",
      "regionNameEn",
      "subtitleZh",
      "subtitleEn",
    ],
    filterableAttributes: ["categorySlugs", "shopSlug", "regionSlug", "priceBand", "ratingBands", "ratingX100", "ratingCount", "inStock", "minPriceFen"],
    sortableAttributes: ["salesCount", "minPriceFen", "maxPriceFen", "publishedAt", "ratingX100", "ratingCount"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "salesCount:desc", "ratingX100:desc"],
    synonyms: meiliSynonyms(),
    // Chinese synonym terms as whole words, so segmentation cannot split them apart.
    dictionary: [...new Set(SYNONYM_GROUPS.flat().filter((t) => HAN.test(t)))],
    typoTolerance: COMMON_TYPO_TOLERANCE,
    localizedAttributes: LOCALIZED,
    // Enough for the deepest page the API allows (page 100 × 60).
    pagination: { maxTotalHits: 10_000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

function shopSettings(): Settings {
  return {
    searchableAttributes: ["nameZh", "nameEn", "pinyin", "initials", "taglineZh", "taglineEn", "regionNameZh", "regionNameEn"],
    sortableAttributes: ["followerCount", "scoreX100"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "followerCount:desc", "scoreX100:desc"],
    synonyms: meiliSynonyms(),
    typoTolerance: COMMON_TYPO_TOLERANCE,
    localizedAttributes: LOCALIZED,
    pagination: { maxTotalHits: 10_000 },
  };
}

function creatorSettings(): Settings {
  return {
    searchableAttributes: ["displayName", "handle", "pinyin", "initials", "tags", "bioZh", "bioEn"],
    sortableAttributes: ["followerCount"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "followerCount:desc"],
    synonyms: meiliSynonyms(),
    typoTolerance: COMMON_TYPO_TOLERANCE,
    localizedAttributes: LOCALIZED,
    pagination: { maxTotalHits: 10_000 },
  };
}

/**
 * Pinyin fields for Chinese text, per word as the shared analysis segments it (便携式 | 不锈钢 |
 * 烧水壶): full pinyin ("shaoshuihu") and initials ("ssh"), plus the whole text's for typing a
 * name from its start. Meilisearch then matches them like any other word, prefixes included.
 */
export function pinyinFields(text: string): { pinyin: string[]; initials: string[] } {
  const pinyin = new Set<string>();
  const initials = new Set<string>();
  const add = (p: { full: string; initials: string }) => {
    if (p.full) pinyin.add(p.full);
    if (p.initials.length > 1) initials.add(p.initials);
  };
  for (const chunk of chunkQuery(normalizeText(text), 64)) {
    if (chunk.kind === "cjk" && chunk.units.some((u) => !isWordUnit(u))) add(textPinyin(chunk.text));
  }
  if (HAN.test(text)) add(textPinyin(text));
  return { pinyin: [...pinyin], initials: [...initials] };
}

function priceBandOf(fen: number): PriceBandKey {
  const band = PRICE_BANDS.find((b) => fen >= b.minFen && (b.maxFen === null || fen < b.maxFen));
  return (band ?? PRICE_BANDS[PRICE_BANDS.length - 1]).key;
}

function toMeiliProduct(doc: ProductDoc): MeiliProduct {
  const { pinyin, initials } = pinyinFields(doc.titleZh);
  return {
    ...doc,
    pinyin,
    initials,
    priceBand: priceBandOf(doc.minPriceFen),
    // Unrated products (no ratings yet) fall under no rating threshold, as in the embedded engine.
    ratingBands: doc.ratingCount > 0 ? RATING_THRESHOLDS.filter((t) => doc.ratingX100 >= t).map(String) : [],
  };
}

/** A Meilisearch filter string literal. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The filter expression for each active facet filter. */
function filterClauses(f: SearchFilters): Partial<Record<FacetKey, string>> {
  const clauses: Partial<Record<FacetKey, string>> = {};
  if (f.category) clauses.category = `categorySlugs = ${quote(f.category)}`;
  if (f.shop) clauses.shop = `shopSlug = ${quote(f.shop)}`;
  if (f.region) clauses.region = `regionSlug = ${quote(f.region)}`;
  if (f.priceBand) clauses.priceBand = `priceBand = ${quote(f.priceBand)}`;
  if (f.minRatingX100 !== undefined && f.minRatingX100 > 0) clauses.rating = `ratingX100 >= ${f.minRatingX100} AND ratingCount > 0`;
  if (f.inStock !== undefined) clauses.inStock = `inStock = ${f.inStock}`;
  return clauses;
}

function orNone(filters: string[]): string[] | undefined {
  return filters.length ? filters : undefined;
}

/** Title text with highlight markers → runs. */
export function parseHighlight(formatted: string | undefined, plain: string): Highlight {
  const text = formatted ?? plain;
  const runs: Highlight = [];
  let hit = false;
  let buffer = "";
  for (const ch of text) {
    if (ch === HL_PRE || ch === HL_POST) {
      if (buffer) runs.push({ text: buffer, hit });
      buffer = "";
      hit = ch === HL_PRE;
    } else {
      buffer += ch;
    }
  }
  if (buffer) runs.push({ text: buffer, hit });
  // Merge neighbours of the same kind (markers can split a run into pieces).
  return runs.reduce<Highlight>((out, run) => {
    const last = out[out.length - 1];
    if (last && last.hit === run.hit) last.text += run.text;
    else out.push({ ...run });
    return out;
  }, []);
}

/** Pages by page number when the offset is a multiple of the limit: Meilisearch then counts exactly. */
function pagination(offset: number, limit: number) {
  if (limit === 0) return { page: 1, hitsPerPage: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit };
  return { offset, limit };
}

function totalOf(res: SearchResponse): number {
  return res.totalHits ?? res.estimatedTotalHits ?? res.hits.length;
}

function facetValues(distribution: Record<string, number> | undefined) {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export interface MeiliEngineOptions {
  host: string;
  apiKey?: string;
  /** Prefix of the three index names (tests use a unique one). */
  indexPrefix?: string;
  /** Longest wait for one task. */
  taskTimeoutMs?: number;
}

export class MeiliSearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly uids: Record<DocType, string>;
  private readonly taskTimeoutMs: number;

  constructor(options: MeiliEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: 30_000 });
    const prefix = options.indexPrefix ?? "mall_";
    this.uids = { product: `${prefix}products`, shop: `${prefix}shops`, creator: `${prefix}creators` };
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  }

  /** Awaits a task; a failed or cancelled task becomes an error naming what was attempted. */
  private async settle(task: EnqueuedTaskPromise, what: string, tolerate: string[] = []): Promise<void> {
    const done = await task.waitTask({ timeout: this.taskTimeoutMs, interval: 25 });
    if (done.status === "succeeded") return;
    if (done.error && tolerate.includes(done.error.code)) return;
    const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
    throw new Error(`Meilisearch ${what} ${done.status} (task ${done.uid}): ${reason}`);
  }

  async init(): Promise<void> {
    const settings: Record<DocType, Settings> = { product: productSettings(), shop: shopSettings(), creator: creatorSettings() };
    for (const type of ["product", "shop", "creator"] as const) {
      const uid = this.uids[type];
      await this.settle(this.client.createIndex(uid, { primaryKey: "id" }), `create index ${uid}`, ["index_already_exists"]);
      await this.settle(this.client.index(uid).updateSettings(settings[type]), `settings of ${uid}`);
    }
  }

  async upsert(docs: SearchDoc[]): Promise<void> {
    const products: MeiliProduct[] = [];
    const shops: MeiliShop[] = [];
    const creators: MeiliCreator[] = [];
    // Documents keep their `type` field: one more stored attribute, never searched.
    for (const doc of docs) {
      if (doc.type === "product") products.push(toMeiliProduct(doc));
      else if (doc.type === "shop") shops.push({ ...doc, ...pinyinFields(doc.nameZh) });
      else creators.push({ ...doc, ...pinyinFields(doc.displayName) });
    }
    if (products.length) await this.settle(this.client.index(this.uids.product).addDocuments(products), "product upsert");
    if (shops.length) await this.settle(this.client.index(this.uids.shop).addDocuments(shops), "shop upsert");
    if (creators.length) await this.settle(this.client.index(this.uids.creator).addDocuments(creators), "creator upsert");
  }

  async remove(type: DocType, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.settle(this.client.index(this.uids[type]).deleteDocuments(ids), `${type} removal`);
  }

  async clear(): Promise<void> {
    for (const type of ["product", "shop", "creator"] as const) {
      await this.settle(this.client.index(this.uids[type]).deleteAllDocuments(), `clearing ${this.uids[type]}`);
    }
  }

  async count(type: DocType): Promise<number> {
    return (await this.client.index(this.uids[type]).getStats()).numberOfDocuments;
  }

  async searchProducts(query: EngineQuery): Promise<EngineResult<EngineProductHit>> {
    const clauses = filterClauses(query.filters);
    const active = FACET_KEYS.filter((k) => clauses[k] !== undefined);
    const allFilters = Object.values(clauses);
    const base = { q: query.q, matchingStrategy: "all" as const };
    const main: MultiSearchQuery = {
      indexUid: this.uids.product,
      ...base,
      filter: orNone(allFilters),
      sort: SORTS[query.sort].length ? SORTS[query.sort] : undefined,
      ...pagination(query.offset, query.limit),
      attributesToRetrieve: ["id", "titleZh", "titleEn"],
      attributesToHighlight: ["titleZh", "titleEn"],
      highlightPreTag: HL_PRE,
      highlightPostTag: HL_POST,
      showRankingScore: true,
      // Facets without an active filter are counted on the main query itself.
      facets: query.facets ? FACET_KEYS.filter((k) => !active.includes(k)).map((k) => FACET_ATTRIBUTE[k]) : undefined,
    };
    // Each active filter's facet is counted with every *other* filter applied.
    const disjunctive: MultiSearchQuery[] = query.facets
      ? active.map((key) => ({
          indexUid: this.uids.product,
          ...base,
          filter: orNone(active.filter((k) => k !== key).map((k) => clauses[k] as string)),
          facets: [FACET_ATTRIBUTE[key]],
          hitsPerPage: 0,
          page: 1,
        }))
      : [];
    const { results } = await this.client.multiSearch({ queries: [main, ...disjunctive] });
    const [mainRes, ...facetRes] = results;

    let facets: ProductFacets | null = null;
    if (query.facets) {
      const distribution: Record<string, Record<string, number> | undefined> = { ...mainRes.facetDistribution };
      active.forEach((key, i) => {
        distribution[FACET_ATTRIBUTE[key]] = facetRes[i]?.facetDistribution?.[FACET_ATTRIBUTE[key]];
      });
      facets = Object.fromEntries(FACET_KEYS.map((k) => [k, facetValues(distribution[FACET_ATTRIBUTE[k]])])) as ProductFacets;
    }

    const hits = (mainRes.hits as Hit<Pick<ProductDoc, "id" | "titleZh" | "titleEn">>[]).map((h) => ({
      id: h.id,
      score: h._rankingScore ?? 0,
      titleZh: parseHighlight(h._formatted?.titleZh, h.titleZh),
      titleEn: parseHighlight(h._formatted?.titleEn, h.titleEn),
    }));
    return { hits, total: totalOf(mainRes), facets };
  }

  private async searchIds(type: "shop" | "creator", query: EngineQuery): Promise<EngineResult<{ id: string; score: number }>> {
    const res = await this.client.index(this.uids[type]).search(query.q, {
      matchingStrategy: "all",
      ...pagination(query.offset, query.limit),
      attributesToRetrieve: ["id"],
      showRankingScore: true,
    });
    return { hits: res.hits.map((h) => ({ id: String(h.id), score: h._rankingScore ?? 0 })), total: totalOf(res), facets: null };
  }

  searchShops(query: EngineQuery) {
    return this.searchIds("shop", query);
  }

  searchCreators(query: EngineQuery) {
    return this.searchIds("creator", query);
  }

  async suggest(prefix: string, limit: number): Promise<string[]> {
    if (!prefix.trim() || limit <= 0) return [];
    const { results } = await this.client.multiSearch({
      queries: [
        { indexUid: this.uids.product, q: prefix, limit, attributesToRetrieve: ["titleZh", "titleEn"], showMatchesPosition: true },
        { indexUid: this.uids.shop, q: prefix, limit: Math.ceil(limit / 2), attributesToRetrieve: ["nameZh", "nameEn"], showMatchesPosition: true },
      ],
    });
    // Show the language that matched: "kett" suggests the English title, "烧水" or "shao" the Chinese.
    const pick = (h: Hit, zh: string, en: string) => String(h._matchesPosition?.[en] && !h._matchesPosition?.[zh] ? h[en] : h[zh]);
    const out: string[] = [];
    for (const h of results[0]?.hits ?? []) out.push(pick(h, "titleZh", "titleEn"));
    for (const h of results[1]?.hits ?? []) out.push(pick(h, "nameZh", "nameEn"));
    return [...new Set(out)].slice(0, limit);
  }
}
