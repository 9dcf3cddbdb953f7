// `npm run bench:search [-- --products 100000 --queries 1000 --baseline-queries N]`
//
// Benchmarks the embedded search engine against a PostgreSQL ILIKE/trigram baseline on the same
// documents and the same queries, in one run:
// 1. generates N product documents in memory from the seed's catalog tables (same shops, templates,
//    editions, model numbers, price, sales and rating shapes as prisma/seed/seed.ts — no database);
// 2. builds the embedded index (timed; heap and RSS measured after a forced GC, with the generated
//    documents already dropped, so the delta is the index itself);
// 3. runs a mixed query set: broad Chinese (耳机, 水壶, 茶叶), English, prefixes ("kett"), typos
//    ("ketle", "yogq mat"), pinyin ("shaoshuihu", "ssh", "erji") and filtered + faceted + sorted
//    combinations, every product query with facet counts;
// 4. loads the same documents into PostgreSQL (DATABASE_URL) or an in-memory PGlite with pg_trgm,
//    and answers the same queries there: ILIKE on a trigram-indexed text column with the same
//    filters, a count, the page and disjunctive facet GROUP BYs in one statement per query;
// 5. with `--http <base URL>` (a running app, e.g. `npm start` after
//    `npm run db:seed -- --products 100000 --reset`), sends the same queries to the search procedure
//    over HTTP (GET /api/trpc/search.query, one client, sequentially): router, service, engine and
//    the database read of the result cards, as a browser would see it;
// 6. with `--service` (DATABASE_URL pointing at such a seeded catalog), builds the engine from that
//    database and runs the same queries through search.service in-process: engine, result cards
//    and facet labels read from the database, and the search event written — what a page pays;
// 7. prints p50/p95/p99 for each and ends with one key=value summary line.
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { CATEGORIES, EDITIONS, REGIONS, SHOPS, TEMPLATES, type ShopSpec } from "@/prisma/seed/catalog-data";
import { Random } from "@/server/lib/random";
import { shelfPrice } from "@/prisma/seed/seed";
import { env } from "@/server/env";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { PRICE_BANDS, type EngineQuery, type ProductDoc, type SearchSort } from "@/server/search/search.schema";

// ───────────────────────────── arguments ─────────────────────────────

function intFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer, got ${process.argv[i + 1]}`);
  return value;
}

const PRODUCTS = intFlag("products", 100_000);
const QUERIES = intFlag("queries", 1_000);
const BASELINE_QUERIES = Math.min(QUERIES, intFlag("baseline-queries", QUERIES));
const WARMUP = Math.min(100, QUERIES);

function stringFlag(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return null;
  const value = process.argv[i + 1];
  if (!value || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  return value;
}

/** Run the queries through search.service against the catalog in DATABASE_URL. */
const SERVICE = process.argv.includes("--service");

/** Base URL of a running app to query over HTTP, e.g. http://localhost:3000. */
const HTTP_BASE = (() => {
  const raw = stringFlag("http");
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`--http needs a URL such as http://localhost:3000, got ${raw}`);
  }
})();

// ───────────────────────────── measuring ─────────────────────────────

let gc: (() => void) | null = null;

function heapAfterGc(): { heap: number; rss: number } {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

function progress(label: string, done: number, total: number, state: { next: number }): void {
  const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
  if (pct >= state.next || done === total) {
    console.log(`  ${label} ${String(pct).padStart(3)}% (${done.toLocaleString("en")}/${total.toLocaleString("en")})`);
    state.next = Math.floor(pct / 10) * 10 + 10;
  }
}

// ───────────────────────────── documents ─────────────────────────────

const TEMPLATE_BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));
const REGION_BY_SLUG = new Map(REGIONS.map((r) => [r.slug, r]));
const LEAF_ROOT = new Map(CATEGORIES.flatMap((root) => (root.children ?? []).map((leaf) => [leaf.slug, { leaf, root }] as const)));
const KIND_TAGS: Record<ShopSpec["kind"], string> = {
  BRAND_FLAGSHIP: "品牌旗舰",
  FARM_GOODS: "产地直发",
  INDUSTRIAL_BELT: "产业带好货",
  INDEPENDENT: "小众好店",
};
const SEED_EPOCH = Date.UTC(2026, 9, 1);
const DAY_MS = 86_400_000;

/** Same split as the seed: shops by weight, each cycling through its templates, then shuffled. */
function planProducts(total: number): Array<{ shop: number; template: string; round: number }> {
  const weightSum = SHOPS.reduce((sum, s) => sum + s.weight, 0);
  const exact = SHOPS.map((s) => (total * s.weight) / weightSum);
  const quotas = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - quotas.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) quotas[byRemainder[k].i]++;
  const plan: Array<{ shop: number; template: string; round: number }> = [];
  SHOPS.forEach((shop, s) => {
    for (let j = 0; j < quotas[s]; j++) plan.push({ shop: s, template: shop.templates[j % shop.templates.length], round: Math.floor(j / shop.templates.length) });
  });
  return new Random("catalog-plan").shuffle(plan);
}


/** One visible product document, deterministic in `n` (the seed's title, tag, price and sales rules). */
function productDoc(n: number, planned: { shop: number; template: string; round: number }): ProductDoc {
  const rng = new Random(`product:${n}`);
  const shop = SHOPS[planned.shop];
  const template = TEMPLATE_BY_KEY.get(planned.template)!;
  const { leaf, root } = LEAF_ROOT.get(template.category)!;
  const region = shop.region ? REGION_BY_SLUG.get(shop.region) : undefined;
  const editions = EDITIONS[template.line];
  const edition = editions[planned.round % editions.length];
  const series = Math.floor(planned.round / editions.length);
  const model = series > 0 ? `${shop.code}-${100 + series}` : "";
  const titleZh = [shop.brandZh, template.titleZh, edition.zh, model].filter(Boolean).join(" ");
  const titleEn = [shop.brandEn, template.titleEn].filter(Boolean).join(" ") + (edition.en ? ` — ${edition.en}` : "") + (model ? ` (${model})` : "");
  const base = rng.range(template.priceFen[0], template.priceFen[1]) * (edition.factor ?? 1);
  const skuPrices = Array.from({ length: rng.int(2, 6) }, () => shelfPrice(base * rng.range(0.85, 1.4)));
  const minPriceFen = Math.min(...skuPrices);
  const pareto = 3 * Math.pow(1 - rng.next(), -1.6) - 3;
  const priceScale = Math.min(2.5, Math.max(0.1, Math.pow(5000 / minPriceFen, 0.4)));
  const salesCount = Math.floor(250_000 * (1 - Math.exp((-pareto * priceScale) / 250_000)));
  const ratingCount = Math.floor(salesCount * rng.range(0.08, 0.35));
  const ratingX100 = ratingCount > 0 ? 500 - Math.floor(Math.pow(rng.next(), 2) * 80) : 0;
  return {
    id: `p_${String(n).padStart(6, "0")}`,
    slug: `bench-${template.key}-${n}`,
    titleZh,
    titleEn,
    subtitleZh: template.subtitleZh,
    subtitleEn: template.subtitleEn,
    tags: [...new Set([...template.tags, leaf.nameZh, ...(region ? [region.nameZh] : []), KIND_TAGS[shop.kind], ...(edition.zh ? [edition.zh] : [])])],
    categorySlugs: [root.slug, leaf.slug],
    categoryNamesZh: [root.nameZh, leaf.nameZh],
    categoryNamesEn: [root.nameEn, leaf.nameEn],
    shopSlug: shop.slug,
    shopNameZh: shop.nameZh,
    shopNameEn: shop.nameEn,
    regionSlug: region?.slug ?? null,
    regionNameZh: region?.nameZh ?? null,
    regionNameEn: region?.nameEn ?? null,
    minPriceFen,
    maxPriceFen: Math.max(...skuPrices),
    salesCount,
    ratingX100,
    ratingCount,
    inStock: rng.next() > 0.04,
    publishedAt: SEED_EPOCH - rng.int(0, 540) * DAY_MS - rng.int(0, 86_399) * 1000,
    imageUrl: null,
  };
}

export function* docBatches(total: number, batchSize: number): Generator<ProductDoc[]> {
  const plan = planProducts(total);
  for (let start = 0; start < total; start += batchSize) {
    yield plan.slice(start, start + batchSize).map((planned, i) => productDoc(start + i + 1, planned));
  }
}

// ───────────────────────────── queries ─────────────────────────────

const BROAD_ZH = ["耳机", "水壶", "茶叶", "手机", "零食", "口红", "水果", "蓝牙耳机", "烧水壶", "T恤", "瑜伽垫", "充电宝", "台灯", "坚果", "大米", "运动鞋", "猫粮", "积木", "便携", "降噪耳机", "长白山", "礼盒装"];
const ENGLISH = ["kettle", "headphones", "earbuds", "yoga mat", "t-shirt", "power bank", "tea", "lipstick", "sofa", "running shoes", "honey", "walnuts", "tent", "smartwatch"];
const PREFIXES = ["kett", "head", "earb", "yog", "lips", "sof", "pow", "sm", "t-sh", "wal", "dumb", "ora"];
const TYPOS = ["ketle", "yogq mat", "hedphones", "lipstik", "earbudz", "powr bank", "sneakres", "smartwach", "chesnuts", "tenr"];
const PINYIN = ["shaoshuihu", "ssh", "erji", "shouji", "chaye", "yujiadian", "lanya erji", "dianreshuihu", "shao shui hu", "kouhong", "shaoshui", "ej", "tieguanyin", "qiche"];
const SORTS: SearchSort[] = ["relevance", "sales", "price_asc", "price_desc", "newest", "rating"];
const LEAF_SLUGS = [...LEAF_ROOT.keys()];
const ROOT_SLUGS = CATEGORIES.map((c) => c.slug);

interface BenchQuery {
  kind: string;
  query: EngineQuery;
}

export function makeQueries(count: number): BenchQuery[] {
  const rng = new Random("bench-queries");
  const out: BenchQuery[] = [];
  const plain = (q: string): EngineQuery => ({ q, filters: {}, sort: "relevance", offset: 0, limit: 24, facets: true });
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    let kind: string;
    let query: EngineQuery;
    if (roll < 0.25) {
      kind = "broad_zh";
      query = plain(rng.pick(BROAD_ZH));
    } else if (roll < 0.35) {
      kind = "english";
      query = plain(rng.pick(ENGLISH));
    } else if (roll < 0.45) {
      kind = "prefix";
      query = plain(rng.pick(PREFIXES));
    } else if (roll < 0.55) {
      kind = "typo";
      query = plain(rng.pick(TYPOS));
    } else if (roll < 0.65) {
      kind = "pinyin";
      query = plain(rng.pick(PINYIN));
    } else if (roll < 0.7) {
      kind = "browse";
      query = { ...plain(""), filters: { category: rng.pick(ROOT_SLUGS) }, sort: rng.pick(SORTS) };
    } else {
      kind = "combo";
      const filters: EngineQuery["filters"] = {};
      if (rng.chance(0.5)) filters.category = rng.chance(0.5) ? rng.pick(LEAF_SLUGS) : rng.pick(ROOT_SLUGS);
      if (rng.chance(0.3)) filters.region = rng.pick(REGIONS).slug;
      if (rng.chance(0.2)) filters.shop = rng.pick(SHOPS).slug;
      if (rng.chance(0.4)) filters.priceBand = rng.pick(PRICE_BANDS).key;
      if (rng.chance(0.3)) filters.minRatingX100 = rng.pick([300, 400, 450]);
      if (rng.chance(0.3)) filters.inStock = true;
      const q = rng.chance(0.85) ? rng.pick([...BROAD_ZH, ...ENGLISH, ...PINYIN.slice(0, 4)]) : "";
      query = { q, filters, sort: rng.pick(SORTS), offset: rng.chance(0.2) ? 24 * rng.int(1, 4) : 0, limit: 24, facets: true };
    }
    out.push({ kind, query });
  }
  return out;
}

// ───────────────────────────── PostgreSQL baseline ─────────────────────────────

interface SqlRunner {
  label: string;
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function openBaseline(): Promise<SqlRunner> {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
    return {
      label: "postgresql",
      query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = new PGlite({ extensions: { pg_trgm } });
  await db.waitReady;
  return {
    label: "pglite",
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows,
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}

const TABLE = "bench_search_products";

async function loadBaseline(db: SqlRunner, total: number): Promise<number> {
  await db.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.exec(`CREATE ${db.label === "postgresql" ? "TEMPORARY " : ""}TABLE ${TABLE} (
    id text PRIMARY KEY, search_text text NOT NULL, category_slugs text[] NOT NULL, shop_slug text NOT NULL,
    region_slug text, min_price_fen integer NOT NULL, sales integer NOT NULL, rating integer NOT NULL,
    rating_count integer NOT NULL, in_stock boolean NOT NULL, published_at bigint NOT NULL)`);
  const started = performance.now();
  const state = { next: 10 };
  let done = 0;
  for (const batch of docBatches(total, 2_000)) {
    const text = (d: ProductDoc) =>
      [d.titleZh, d.titleEn, d.tags.join(" "), d.categoryNamesZh.join(" "), d.categoryNamesEn.join(" "), d.shopNameZh, d.shopNameEn, d.regionNameZh ?? "", d.regionNameEn ?? "", d.subtitleZh, d.subtitleEn]
        .join(" ")
        .toLowerCase();
    await db.query(
      `INSERT INTO ${TABLE}
       SELECT id, search_text, string_to_array(cats, ','), shop_slug, region_slug, min_price_fen, sales, rating, rating_count, in_stock, published_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::bool[], $11::bigint[])
         AS t(id, search_text, cats, shop_slug, region_slug, min_price_fen, sales, rating, rating_count, in_stock, published_at)`,
      [
        batch.map((d) => d.id),
        batch.map(text),
        batch.map((d) => d.categorySlugs.join(",")),
        batch.map((d) => d.shopSlug),
        batch.map((d) => d.regionSlug),
        batch.map((d) => d.minPriceFen),
        batch.map((d) => d.salesCount),
        batch.map((d) => d.ratingX100),
        batch.map((d) => d.ratingCount),
        batch.map((d) => d.inStock),
        batch.map((d) => d.publishedAt),
      ],
    );
    done += batch.length;
    progress("baseline load", done, total, state);
  }
  console.log("  baseline: building the trigram index …");
  await db.exec(`CREATE INDEX ${TABLE}_trgm ON ${TABLE} USING gin (search_text gin_trgm_ops)`);
  await db.exec(`ANALYZE ${TABLE}`);
  return (performance.now() - started) / 1000;
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One statement: text match (ILIKE per word), filters, count, page and disjunctive facets. */
function baselineSql(query: EngineQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const textWhere = words.length ? words.map((w) => `search_text ILIKE ${p(likePattern(w))}`).join(" AND ") : "true";
  const f = query.filters;
  const conds: Record<string, string> = {};
  if (f.category) conds.category = `${p(f.category)} = ANY(category_slugs)`;
  if (f.shop) conds.shop = `shop_slug = ${p(f.shop)}`;
  if (f.region) conds.region = `region_slug = ${p(f.region)}`;
  if (f.priceBand) {
    const band = PRICE_BANDS.find((b) => b.key === f.priceBand)!;
    conds.priceBand = `min_price_fen >= ${p(band.minFen)}` + (band.maxFen === null ? "" : ` AND min_price_fen < ${p(band.maxFen)}`);
  }
  if (f.minRatingX100) conds.rating = `rating_count > 0 AND rating >= ${p(f.minRatingX100)}`;
  if (f.inStock !== undefined) conds.inStock = `in_stock = ${p(f.inStock)}`;
  const where = (except?: string) => {
    const parts = Object.entries(conds)
      .filter(([k]) => k !== except)
      .map(([, v]) => `(${v})`);
    return parts.length ? parts.join(" AND ") : "true";
  };
  const order = {
    relevance: "sales DESC",
    sales: "sales DESC",
    price_asc: "min_price_fen ASC",
    price_desc: "min_price_fen DESC",
    newest: "published_at DESC",
    rating: "rating DESC, rating_count DESC",
  }[query.sort];
  const bandCase = `CASE ${PRICE_BANDS.map((b) => `WHEN min_price_fen < ${b.maxFen ?? 2147483647} THEN '${b.key}'`).join(" ")} END`;
  const sql = `WITH t AS MATERIALIZED (SELECT id, category_slugs, shop_slug, region_slug, min_price_fen, sales, rating, rating_count, in_stock, published_at FROM ${TABLE} WHERE ${textWhere})
SELECT
  (SELECT count(*) FROM t WHERE ${where()}) AS total,
  (SELECT json_agg(id) FROM (SELECT id FROM t WHERE ${where()} ORDER BY ${order}, id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}) x) AS hits,
  (SELECT json_object_agg(k, c) FROM (SELECT unnest(category_slugs) AS k, count(*) AS c FROM t WHERE ${where("category")} GROUP BY 1) x) AS category,
  (SELECT json_object_agg(k, c) FROM (SELECT shop_slug AS k, count(*) AS c FROM t WHERE ${where("shop")} GROUP BY 1) x) AS shop,
  (SELECT json_object_agg(k, c) FROM (SELECT region_slug AS k, count(*) AS c FROM t WHERE ${where("region")} AND region_slug IS NOT NULL GROUP BY 1) x) AS region,
  (SELECT json_object_agg(k, c) FROM (SELECT ${bandCase} AS k, count(*) AS c FROM t WHERE ${where("priceBand")} GROUP BY 1) x) AS price_band,
  (SELECT json_build_array(count(*) FILTER (WHERE rating >= 450), count(*) FILTER (WHERE rating >= 400), count(*) FILTER (WHERE rating >= 300)) FROM t WHERE ${where("rating")} AND rating_count > 0) AS rating,
  (SELECT json_object_agg(k, c) FROM (SELECT in_stock AS k, count(*) AS c FROM t WHERE ${where("inStock")} GROUP BY 1) x) AS in_stock`;
  return { sql, params };
}

// ───────────────────────────── HTTP ─────────────────────────────

/** The search procedure's input for an engine query (what the /search page sends). */
function httpInput(query: EngineQuery) {
  return {
    q: query.q,
    tab: "products",
    filters: query.filters,
    sort: query.sort,
    page: Math.floor(query.offset / query.limit) + 1,
    pageSize: query.limit,
  };
}

async function httpSearch(base: string, query: EngineQuery): Promise<{ ms: number; ok: boolean; total: number }> {
  const url = `${base}/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: httpInput(query) }))}`;
  const t0 = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as { result?: { data?: { json?: { products?: { total?: number } } } } };
  const ms = performance.now() - t0;
  return { ms, ok: res.ok, total: body.result?.data?.json?.products?.total ?? 0 };
}

interface HttpLeg {
  stats: ReturnType<typeof stats>;
  errors: number;
  byKind: Map<string, number[]>;
}

async function runHttpLeg(base: string, queries: BenchQuery[]): Promise<HttpLeg> {
  // Reachable, and the server's index is built (the first search waits for it).
  for (const q of makeQueries(WARMUP)) await httpSearch(base, q.query);
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let errors = 0;
  const state = { next: 10 };
  for (const [i, { kind, query }] of queries.entries()) {
    const r = await httpSearch(base, query);
    if (!r.ok) errors++;
    times.push(r.ms);
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(r.ms);
    progress("http queries", i + 1, queries.length, state);
  }
  return { stats: stats(times), errors, byKind };
}

// ───────────────────────────── service ─────────────────────────────

interface ServiceLeg {
  stats: ReturnType<typeof stats>;
  indexS: number;
  docs: number;
}

/** The queries through search.service on the seeded catalog in DATABASE_URL (engine built from it). */
async function runServiceLeg(queries: BenchQuery[]): Promise<ServiceLeg> {
  if (!env.DATABASE_URL) throw new Error("--service needs DATABASE_URL pointing at a seeded catalog (npm run db:seed -- --products 100000)");
  const [{ createPgDb }, { docBatches: dbDocBatches }, { search }] = await Promise.all([
    import("@/server/db/client"),
    import("@/server/search/documents"),
    import("@/server/search/search.service"),
  ]);
  const db = createPgDb(env.DATABASE_URL, { poolMax: 10 });
  try {
    // Read-only: the documents straight from the database, nothing marked in its search outbox.
    const engine = new EmbeddedSearchEngine();
    const t0 = performance.now();
    let docs = 0;
    for (const type of ["product", "shop", "creator"] as const) {
      for await (const batch of dbDocBatches(db, type)) {
        await engine.upsert(batch);
        docs += batch.length;
      }
    }
    const indexS = (performance.now() - t0) / 1000;
    console.log(`  engine built from the database: ${docs.toLocaleString("en")} documents in ${indexS.toFixed(1)} s`);
    const input = (q: EngineQuery) => ({ ...httpInput(q), tab: "products" as const });
    const viewer = { userId: null, visitorId: null };
    for (const { query } of makeQueries(WARMUP)) await search(db, engine, input(query), viewer);
    const times: number[] = [];
    const state = { next: 10 };
    for (const [i, { query }] of queries.entries()) {
      const t1 = performance.now();
      await search(db, engine, input(query), viewer);
      times.push(performance.now() - t1);
      progress("service queries", i + 1, queries.length, state);
    }
    return { stats: stats(times), indexS, docs };
  } finally {
    await db.$disconnect();
  }
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<void> {
  const load = os.loadavg();
  console.log(`bench:search — ${PRODUCTS.toLocaleString("en")} products, ${QUERIES} queries (+${WARMUP} warm-up), baseline on ${BASELINE_QUERIES}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${mb(os.totalmem())} MB RAM, node ${process.version}, load avg ${load.map((l) => l.toFixed(2)).join(" ")}`);

  // 1–2. Build the index from generated documents, batch by batch (as a reindex would).
  console.log("\n[1/3] embedded index");
  const before = heapAfterGc();
  const engine = new EmbeddedSearchEngine();
  let buildMs = 0;
  let genMs = 0;
  let done = 0;
  const state = { next: 10 };
  let t = performance.now();
  for (const batch of docBatches(PRODUCTS, 1_000)) {
    const t1 = performance.now();
    genMs += t1 - t;
    await engine.upsert(batch.map((d) => ({ type: "product" as const, ...d })));
    t = performance.now();
    buildMs += t - t1;
    done += batch.length;
    progress("indexing", done, PRODUCTS, state);
  }
  // The first suggest call builds the completion keys: count it as part of the build.
  const t2 = performance.now();
  await engine.suggest("耳", 5);
  buildMs += performance.now() - t2;
  const after = heapAfterGc();
  const indexStats = engine.stats();
  const heapMb = mb(after.heap - before.heap);
  const rssMb = mb(after.rss - before.rss);
  console.log(`  built in ${(buildMs / 1000).toFixed(2)} s (+${(genMs / 1000).toFixed(2)} s generating documents)`);
  console.log(`  memory: heap+buffers +${heapMb} MB, RSS +${rssMb} MB (total RSS ${mb(after.rss)} MB); ${indexStats.units.toLocaleString("en")} units, ${indexStats.postings.toLocaleString("en")} postings`);

  // 3. Queries through the engine.
  console.log("\n[2/3] queries through the embedded engine");
  const queries = makeQueries(QUERIES);
  for (const q of makeQueries(WARMUP)) await engine.searchProducts(q.query);
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const totals = new Map<string, number[]>();
  for (const { kind, query } of queries) {
    const t0 = performance.now();
    const result = await engine.searchProducts(query);
    const ms = performance.now() - t0;
    times.push(ms);
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms);
    (totals.get(kind) ?? totals.set(kind, []).get(kind)!).push(result.total);
  }
  const suggestTimes: number[] = [];
  for (const prefix of ["耳", "烧水", "shaoshui", "ssh", "kett", "ye", "茶", "lan"]) {
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now();
      await engine.suggest(prefix, 8);
      suggestTimes.push(performance.now() - t0);
    }
  }
  const engineStats = stats(times);
  console.log(`  all ${times.length}: p50 ${fmt(engineStats.p50)} ms, p95 ${fmt(engineStats.p95)} ms, p99 ${fmt(engineStats.p99)} ms, max ${fmt(engineStats.max)} ms`);
  for (const [kind, list] of byKind) {
    const s = stats(list);
    const hitCounts = totals.get(kind)!;
    console.log(
      `  ${kind.padEnd(9)} n=${String(list.length).padStart(4)}  p50 ${fmt(s.p50).padStart(6)} ms  p95 ${fmt(s.p95).padStart(6)} ms  p99 ${fmt(s.p99).padStart(6)} ms  mean total ${Math.round(hitCounts.reduce((a, b) => a + b, 0) / hitCounts.length).toLocaleString("en")}`,
    );
  }
  const sug = stats(suggestTimes);
  console.log(`  suggest   n=${String(suggestTimes.length).padStart(4)}  p50 ${fmt(sug.p50).padStart(6)} ms  p95 ${fmt(sug.p95).padStart(6)} ms`);

  // 3a. The same queries through search.service on a seeded database.
  let service: ServiceLeg | null = null;
  if (SERVICE) {
    console.log(`\n[service] the same ${queries.length} queries through search.service on DATABASE_URL`);
    service = await runServiceLeg(queries);
    console.log(`  all ${queries.length}: p50 ${fmt(service.stats.p50)} ms, p95 ${fmt(service.stats.p95)} ms, p99 ${fmt(service.stats.p99)} ms`);
  }

  // 3b. The same queries over HTTP, against a running app.
  let http: HttpLeg | null = null;
  if (HTTP_BASE) {
    console.log(`\n[http] the same ${queries.length} queries through ${HTTP_BASE}/api/trpc/search.query`);
    http = await runHttpLeg(HTTP_BASE, queries);
    console.log(`  all ${queries.length}: p50 ${fmt(http.stats.p50)} ms, p95 ${fmt(http.stats.p95)} ms, p99 ${fmt(http.stats.p99)} ms, errors ${http.errors}`);
    for (const [kind, list] of http.byKind) {
      const s = stats(list);
      console.log(`  ${kind.padEnd(9)} n=${String(list.length).padStart(4)}  p50 ${fmt(s.p50).padStart(6)} ms  p95 ${fmt(s.p95).padStart(6)} ms`);
    }
  } else {
    console.log("  http: skipped (pass --http http://localhost:3000 with the app running on a seeded catalog)");
  }

  // 4. The PostgreSQL baseline on the same documents and queries.
  console.log(`\n[3/3] baseline: ILIKE + pg_trgm on the same documents`);
  let baseline = { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  let loadS = 0;
  let label = "none";
  if (BASELINE_QUERIES > 0) {
    const db = await openBaseline();
    label = db.label;
    try {
      loadS = await loadBaseline(db, PRODUCTS);
      console.log(`  ${db.label}: loaded and indexed in ${loadS.toFixed(1)} s`);
      for (const { query } of queries.slice(0, Math.min(5, BASELINE_QUERIES))) {
        const { sql, params } = baselineSql(query);
        await db.query(sql, params);
      }
      const baseTimes: number[] = [];
      const bstate = { next: 10 };
      for (const [i, { query }] of queries.slice(0, BASELINE_QUERIES).entries()) {
        const { sql, params } = baselineSql(query);
        const t0 = performance.now();
        await db.query(sql, params);
        baseTimes.push(performance.now() - t0);
        progress("baseline queries", i + 1, BASELINE_QUERIES, bstate);
      }
      baseline = stats(baseTimes);
      const sameSlice = stats(times.slice(0, BASELINE_QUERIES));
      console.log(`  ${db.label} ${baseTimes.length}: p50 ${fmt(baseline.p50)} ms, p95 ${fmt(baseline.p95)} ms, p99 ${fmt(baseline.p99)} ms`);
      console.log(`  embedded on the same ${BASELINE_QUERIES}: p50 ${fmt(sameSlice.p50)} ms, p95 ${fmt(sameSlice.p95)} ms`);
    } finally {
      await db.close();
    }
  }

  const ratio = engineStats.p95 > 0 && baseline.p95 > 0 ? baseline.p95 / engineStats.p95 : 0;
  const endLoad = os.loadavg()[0];
  console.log(
    "\n" +
      [
        `docs=${PRODUCTS}`,
        `queries=${QUERIES}`,
        `build_s=${(buildMs / 1000).toFixed(2)}`,
        `heap_mb=${heapMb}`,
        `rss_mb=${rssMb}`,
        `p50_ms=${fmt(engineStats.p50)}`,
        `p95_ms=${fmt(engineStats.p95)}`,
        `p99_ms=${fmt(engineStats.p99)}`,
        `max_ms=${fmt(engineStats.max)}`,
        `suggest_p95_ms=${fmt(sug.p95)}`,
        `baseline=${label}`,
        `baseline_queries=${BASELINE_QUERIES}`,
        `baseline_load_s=${loadS.toFixed(1)}`,
        `baseline_p50_ms=${fmt(baseline.p50)}`,
        `baseline_p95_ms=${fmt(baseline.p95)}`,
        `ratio=${ratio.toFixed(1)}`,
        ...(service
          ? [`service_p50_ms=${fmt(service.stats.p50)}`, `service_p95_ms=${fmt(service.stats.p95)}`, `service_p99_ms=${fmt(service.stats.p99)}`, `service_index_s=${service.indexS.toFixed(1)}`]
          : [`service=skipped`]),
        ...(http
          ? [`http_p50_ms=${fmt(http.stats.p50)}`, `http_p95_ms=${fmt(http.stats.p95)}`, `http_p99_ms=${fmt(http.stats.p99)}`, `http_errors=${http.errors}`]
          : [`http=skipped`]),
        `cpus=${os.cpus().length}`,
        `load1=${endLoad.toFixed(2)}`,
      ].join(" "),
  );
}

// Runs when executed (`npm run bench:search`), not when imported for its document generator.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
