import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORIES, REGIONS, SHOPS, TEMPLATES } from "@/prisma/seed/catalog-data";
import { Random } from "@/server/lib/random";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import {
  PRICE_BANDS,
  type CreatorDoc,
  type EngineQuery,
  type ProductDoc,
  type ProductFacets,
  type SearchFilters,
  type SearchSort,
  type ShopDoc,
} from "@/server/search/search.schema";

// ───────────── fixture ─────────────

const LEAVES = new Map(CATEGORIES.flatMap((root) => (root.children ?? []).map((leaf) => [leaf.slug, { root, leaf }] as const)));

function product(id: string, overrides: Partial<ProductDoc>): ProductDoc {
  return {
    id,
    slug: id,
    titleZh: "",
    titleEn: "",
    subtitleZh: "",
    subtitleEn: "",
    tags: [],
    categorySlugs: ["home-appliances", "kitchen-appliances"],
    categoryNamesZh: ["家用电器", "厨房小电"],
    categoryNamesEn: ["Home Appliances", "Kitchen Appliances"],
    shopSlug: "test-shop",
    shopNameZh: "测试小店",
    shopNameEn: "Test Shop",
    regionSlug: null,
    regionNameZh: null,
    regionNameEn: null,
    minPriceFen: 9_900,
    maxPriceFen: 12_900,
    salesCount: 10,
    ratingX100: 480,
    ratingCount: 3,
    inStock: true,
    publishedAt: Date.UTC(2026, 0, 1),
    imageUrl: null,
    ...overrides,
  };
}

/** Hand-written documents, one per behaviour under test. */
const NAMED: ProductDoc[] = [
  product("kettle", {
    titleZh: "暖岛 电热水壶 1.7L 304不锈钢 家用烧水壶",
    titleEn: "Nuandao Electric Kettle 1.7 L, 304 Stainless Steel",
    tags: ["电热水壶", "烧水壶", "不锈钢"],
    shopNameZh: "暖岛电器官方旗舰店",
    shopNameEn: "Nuandao Appliances Official Flagship",
    shopSlug: "nuandao-appliances",
  }),
  // Only 电热水壶 in Chinese and no "kettle" anywhere: found by "kettle" through synonyms alone.
  product("boiler", { titleZh: "小满 电热水壶 简约款", titleEn: "Xiaoman Water Boiler, Minimal", categoryNamesEn: ["Home", "Kitchen"] }),
  // Only 电水壶: 热水壶 is not a substring, so "热水壶" finds it through synonyms alone.
  product("electric-pot", { titleZh: "恒温电水壶 冲奶调奶器", titleEn: "Constant-Temperature Water Heater for Formula" }),
  // 水果 and 茶壶, never 水壶: must not match "水壶".
  product("fruit-teapot", {
    titleZh: "新鲜水果 陶瓷茶壶 礼盒",
    titleEn: "Fresh Fruit and Ceramic Teapot Gift Box",
    categorySlugs: ["fresh-food", "fruit"],
    categoryNamesZh: ["食品生鲜", "水果"],
    categoryNamesEn: ["Fresh Food", "Fruit"],
  }),
  product("juicer", { titleZh: "便携式榨汁杯 无线充电", titleEn: "Portable Juicer Cup, Wireless Charging" }),
  // 榨汁 and 汁杯 (both bigrams of 榨汁杯) but never 榨汁杯 itself; 松鼠 (s s) and 水壶 (s h), never s-s-h.
  product("juicer-parts", { titleZh: "榨汁机 配果汁杯", titleEn: "Juicer with Cup" }),
  product("squirrel", { titleZh: "松鼠 水壶", titleEn: "Squirrel Bottle" }),
  product("yoga-mat", {
    titleZh: "加厚瑜伽垫 防滑 健身垫",
    titleEn: "Extra-Thick Non-Slip Yoga Mat",
    categorySlugs: ["sports-outdoors", "fitness"],
    categoryNamesZh: ["运动户外", "健身"],
    categoryNamesEn: ["Sports & Outdoors", "Fitness"],
  }),
  product("headphones", {
    titleZh: "头戴式主动降噪蓝牙耳机",
    titleEn: "Over-Ear Active Noise-Cancelling Headphones",
    categorySlugs: ["digital", "headphones"],
    categoryNamesZh: ["数码", "耳机"],
    categoryNamesEn: ["Digital", "Headphones"],
  }),
  product("tshirt", {
    titleZh: "纯棉短袖T恤 宽松百搭",
    titleEn: "Relaxed Cotton T-Shirt",
    categorySlugs: ["apparel", "t-shirts"],
    categoryNamesZh: ["服饰鞋包", "T恤"],
    categoryNamesEn: ["Apparel", "T-Shirts"],
  }),
];

/** A few hundred believable documents from the seed's tables, with varied filters and sort keys. */
function generated(count: number): ProductDoc[] {
  const rng = new Random("embedded-engine-test");
  const templates = TEMPLATES.filter((t) => !["electric-kettle-1-7l", "constant-temperature-kettle"].includes(t.key));
  return Array.from({ length: count }, (_, n) => {
    const template = rng.pick(templates);
    const { root, leaf } = LEAVES.get(template.category)!;
    const shop = rng.pick(SHOPS);
    const region = rng.chance(0.7) ? rng.pick(REGIONS) : null;
    const ratingCount = rng.chance(0.2) ? 0 : rng.int(1, 500);
    const price = rng.pick([990, 4_990, 5_000, 9_999, 10_000, 29_900, 30_000, 99_900, 100_000, 250_000]);
    return product(`g${n}`, {
      titleZh: `${shop.brandZh} ${template.titleZh}`.trim(),
      titleEn: `${shop.brandEn} ${template.titleEn}`.trim(),
      subtitleZh: template.subtitleZh,
      subtitleEn: template.subtitleEn,
      tags: template.tags,
      categorySlugs: [root.slug, leaf.slug],
      categoryNamesZh: [root.nameZh, leaf.nameZh],
      categoryNamesEn: [root.nameEn, leaf.nameEn],
      shopSlug: shop.slug,
      shopNameZh: shop.nameZh,
      shopNameEn: shop.nameEn,
      regionSlug: region?.slug ?? null,
      regionNameZh: region?.nameZh ?? null,
      regionNameEn: region?.nameEn ?? null,
      minPriceFen: price,
      maxPriceFen: price + 1_000,
      salesCount: rng.int(0, 5) === 0 ? 0 : rng.int(1, 200_000),
      ratingX100: ratingCount > 0 ? rng.int(280, 500) : 0,
      ratingCount,
      inStock: rng.chance(0.85),
      publishedAt: Date.UTC(2025, 0, 1) + rng.int(0, 600) * 86_400_000,
    });
  });
}

const GENERATED = generated(400);
const ALL = [...NAMED, ...GENERATED];
const BY_ID = new Map(ALL.map((d) => [d.id, d]));

const SHOP_DOCS: ShopDoc[] = SHOPS.slice(0, 6).map((s) => ({
  id: `shop_${s.slug}`,
  slug: s.slug,
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  taglineZh: s.taglineZh,
  taglineEn: s.taglineEn,
  kind: s.kind,
  regionNameZh: null,
  regionNameEn: null,
  logoUrl: "",
  scoreX100: s.scoreX100,
  followerCount: s.followerCount,
  productCount: 10,
}));

const CREATOR_DOCS: CreatorDoc[] = [
  { id: "c1", handle: "xiaoyu-kitchen", displayName: "小雨的厨房", bioZh: "家常菜和厨房好物", bioEn: "Home cooking", tags: ["厨房", "美食"], avatarUrl: "", followerCount: 1000 },
  { id: "c2", handle: "laozhou-camping", displayName: "老周去露营", bioZh: "周末露营", bioEn: "Weekend camping", tags: ["露营", "户外"], avatarUrl: "", followerCount: 2000 },
];

let engine: EmbeddedSearchEngine;

beforeAll(async () => {
  engine = new EmbeddedSearchEngine();
  await engine.init();
  await engine.upsert([
    ...ALL.map((d) => ({ type: "product" as const, ...d })),
    ...SHOP_DOCS.map((d) => ({ type: "shop" as const, ...d })),
    ...CREATOR_DOCS.map((d) => ({ type: "creator" as const, ...d })),
  ]);
});

function query(q: string, extra: Partial<EngineQuery> = {}): EngineQuery {
  return { q, filters: {}, sort: "relevance", offset: 0, limit: 1_000, facets: false, ...extra };
}

async function ids(q: string, extra: Partial<EngineQuery> = {}): Promise<string[]> {
  return (await engine.searchProducts(query(q, extra))).hits.map((h) => h.id);
}

// ───────────── text matching ─────────────

describe("Chinese", () => {
  it("finds words inside titles whatever the segmenter made of them", async () => {
    expect(await ids("降噪")).toContain("headphones");
    expect(await ids("蓝牙耳机")).toContain("headphones");
    expect(await ids("蓝牙降噪耳机")).toContain("headphones");
    expect(await ids("榨汁杯")).toContain("juicer");
    expect(await ids("不锈钢")).toContain("kettle");
  });

  it("finds 便携式, which Intl.Segmenter splits into single characters", async () => {
    expect(await ids("便携式")).toContain("juicer");
    expect(await ids("便携")).toContain("juicer");
  });

  it("never matches 水壶 on a title that only has 水果 and 茶壶", async () => {
    const hits = await ids("水壶");
    expect(hits).toContain("kettle");
    expect(hits).not.toContain("fruit-teapot");
    // …while each word alone does find it, so the document is indexed.
    expect(await ids("水果")).toContain("fruit-teapot");
    expect(await ids("茶壶")).toContain("fruit-teapot");
  });

  it("requires three or more characters to be contiguous, not just their bigrams", async () => {
    const hits = await ids("榨汁杯");
    expect(hits).toContain("juicer");
    expect(hits).not.toContain("juicer-parts");
    expect(await ids("果汁杯")).toContain("juicer-parts");
  });

  it("requires every chunk of the query (AND), not any", async () => {
    expect(await ids("降噪 榨汁杯")).toEqual([]);
  });
});

describe("pinyin", () => {
  it("finds 烧水壶 by full pinyin, spaced pinyin, initials and a pinyin prefix", async () => {
    for (const q of ["shaoshuihu", "shao shui hu", "ssh", "shaoshui", "shaoshuih"]) expect(await ids(q), q).toContain("kettle");
  });

  it("needs the syllables on consecutive characters of one field", async () => {
    expect(await ids("songshu")).toContain("squirrel");
    expect(await ids("ssh")).not.toContain("squirrel");
  });

  it("finds 耳机 by erji and never returns unrelated goods for it", async () => {
    const hits = await ids("erji");
    expect(hits).toContain("headphones");
    for (const id of hits) {
      const doc = BY_ID.get(id)!;
      expect([doc.titleZh, ...doc.tags, ...doc.categoryNamesZh, doc.shopNameZh].join(" ")).toMatch(/耳机|二级|儿季|耳鸡/);
    }
  });
});

describe("English", () => {
  it("tolerates typos: ketle and yogq mat", async () => {
    expect(await ids("ketle")).toContain("kettle");
    expect(await ids("yogq mat")).toContain("yoga-mat");
    expect(await ids("hedphones")).toContain("headphones");
  });

  it("does not fuzz short words", async () => {
    expect(await ids("mar")).not.toContain("yoga-mat");
  });

  it("matches the last word as a prefix while typing", async () => {
    expect(await ids("kett")).toContain("kettle");
    expect(await ids("yoga m")).toContain("yoga-mat");
    // …but not a word in the middle of the query.
    expect(await ids("kett steel")).toEqual([]);
  });

  it("stems plurals and folds case and width", async () => {
    expect(await ids("KETTLES")).toContain("kettle");
    expect(await ids("ｋｅｔｔｌｅ")).toContain("kettle");
  });
});

describe("synonyms", () => {
  it("kettle finds a listing that says 电热水壶 and never kettle", async () => {
    expect(await ids("kettle")).toContain("boiler");
  });

  it("热水壶 finds a listing that only says 电水壶", async () => {
    expect(await ids("热水壶")).toContain("electric-pot");
  });

  it("水壶 finds a listing that only says 烧水壶 or 电热水壶", async () => {
    expect(await ids("水壶")).toEqual(expect.arrayContaining(["kettle", "boiler", "electric-pot"]));
  });

  it("multi-word synonyms: yoga mat ↔ 瑜伽垫, t-shirt ↔ T恤", async () => {
    expect(await ids("瑜伽垫")).toContain("yoga-mat");
    expect(await ids("tee")).toContain("tshirt");
    expect(await ids("t-shirt")).toContain("tshirt");
  });

  it("ranks the query's own words above synonyms", async () => {
    const hits = await engine.searchProducts(query("烧水壶"));
    const score = (id: string) => hits.hits.find((h) => h.id === id)?.score ?? -1;
    expect(score("kettle")).toBeGreaterThan(score("boiler"));
  });
});

describe("ranking", () => {
  it("weights the title above tags, category, shop name and subtitle", async () => {
    const e = new EmbeddedSearchEngine();
    const doc = (id: string, o: Partial<ProductDoc>) => ({ type: "product" as const, ...product(id, { titleZh: "普通商品", titleEn: "Plain item", ...o }) });
    await e.upsert([
      doc("in-subtitle", { subtitleZh: "附赠珍珠" }),
      doc("in-title", { titleZh: "珍珠项链" }),
      doc("in-shop", { shopNameZh: "珍珠工坊" }),
      doc("in-tags", { tags: ["珍珠"] }),
      doc("in-category", { categoryNamesZh: ["首饰", "珍珠"] }),
    ]);
    const result = await e.searchProducts(query("珍珠"));
    expect(result.hits.map((h) => h.id)).toEqual(["in-title", "in-tags", "in-category", "in-shop", "in-subtitle"]);
  });

  it("breaks ties in text by sales and rating", async () => {
    const e = new EmbeddedSearchEngine();
    await e.upsert([
      { type: "product", ...product("slow", { titleZh: "核桃", salesCount: 3 }) },
      { type: "product", ...product("fast", { titleZh: "核桃", salesCount: 90_000 }) },
    ]);
    expect((await e.searchProducts(query("核桃"))).hits.map((h) => h.id)).toEqual(["fast", "slow"]);
  });
});

// ───────────── filters, facets, sort, pages ─────────────

interface RefFilters {
  category?: string;
  shop?: string;
  region?: string;
  priceBand?: string;
  minRatingX100?: number;
  inStock?: boolean;
}

const PASSES: Record<keyof RefFilters, (d: ProductDoc, f: RefFilters) => boolean> = {
  category: (d, f) => d.categorySlugs.includes(f.category!),
  shop: (d, f) => d.shopSlug === f.shop,
  region: (d, f) => d.regionSlug === f.region,
  priceBand: (d, f) => {
    const band = PRICE_BANDS.find((b) => b.key === f.priceBand)!;
    return d.minPriceFen >= band.minFen && (band.maxFen === null || d.minPriceFen < band.maxFen);
  },
  minRatingX100: (d, f) => d.ratingCount > 0 && d.ratingX100 >= f.minRatingX100!,
  inStock: (d, f) => d.inStock === f.inStock,
};

function passes(d: ProductDoc, f: RefFilters, except?: keyof RefFilters): boolean {
  return (Object.keys(f) as Array<keyof RefFilters>).every((k) => k === except || f[k] === undefined || PASSES[k](d, f));
}

function counted(values: string[]): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

const bySortedValue = (list: Array<{ value: string; count: number }>) => [...list].sort((a, b) => (a.value < b.value ? -1 : 1));

/** Brute-force facets over documents, each facet ignoring its own filter. */
function referenceFacets(docs: ProductDoc[], f: RefFilters): ProductFacets {
  const others = (k: keyof RefFilters) => docs.filter((d) => passes(d, f, k));
  return {
    category: counted(others("category").flatMap((d) => d.categorySlugs)),
    shop: counted(others("shop").map((d) => d.shopSlug)),
    region: counted(others("region").flatMap((d) => (d.regionSlug ? [d.regionSlug] : []))),
    priceBand: counted(
      others("priceBand").map((d) => PRICE_BANDS.find((b) => d.minPriceFen >= b.minFen && (b.maxFen === null || d.minPriceFen < b.maxFen))!.key),
    ),
    rating: counted(others("minRatingX100").flatMap((d) => (d.ratingCount > 0 ? ["450", "400", "300"].filter((v) => d.ratingX100 >= Number(v)) : []))),
    inStock: counted(others("inStock").map((d) => String(d.inStock))),
  };
}

function expectFacetsEqual(actual: ProductFacets | null, expected: ProductFacets, label: string): void {
  expect(actual, label).not.toBeNull();
  for (const key of Object.keys(expected) as Array<keyof ProductFacets>) {
    expect(bySortedValue(actual![key]), `${label}: ${key}`).toEqual(bySortedValue(expected[key]));
  }
}

const FILTER_CASES: RefFilters[] = [
  {},
  { category: "digital" },
  { category: "headphones" },
  { region: "dongguan" },
  { shop: SHOPS[1].slug },
  { priceBand: "50-100" },
  { priceBand: "1000+" },
  { minRatingX100: 450 },
  { inStock: false },
  { category: "fresh-food", priceBand: "0-50", inStock: true },
  { category: "digital", region: "dongguan", minRatingX100: 400, priceBand: "100-300" },
  { shop: SHOPS[2].slug, inStock: true, minRatingX100: 300 },
];

describe("filters and facets", () => {
  it("browsing (empty q): totals, hits and facet counts equal a brute-force count", async () => {
    for (const f of FILTER_CASES) {
      const label = JSON.stringify(f);
      const result = await engine.searchProducts(query("", { filters: f as SearchFilters, facets: true }));
      const expected = ALL.filter((d) => passes(d, f));
      expect(result.total, label).toBe(expected.length);
      expect(new Set(result.hits.map((h) => h.id)), label).toEqual(new Set(expected.map((d) => d.id)));
      expectFacetsEqual(result.facets, referenceFacets(ALL, f), label);
    }
  });

  it("with a query: facets equal a brute-force count over the query's matches", async () => {
    for (const q of ["耳机", "茶", "kettle", "shouji"]) {
      const matched = (await ids(q)).map((id) => BY_ID.get(id)!);
      expect(matched.length, q).toBeGreaterThan(0);
      for (const f of FILTER_CASES) {
        const label = `${q} ${JSON.stringify(f)}`;
        const result = await engine.searchProducts(query(q, { filters: f as SearchFilters, facets: true }));
        expect(result.total, label).toBe(matched.filter((d) => passes(d, f)).length);
        expectFacetsEqual(result.facets, referenceFacets(matched, f), label);
      }
    }
  });

  it("an unknown filter value matches nothing (and says so in the facets too)", async () => {
    const result = await engine.searchProducts(query("", { filters: { category: "no-such-category" }, facets: true }));
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
    expect(result.facets?.category.length).toBeGreaterThan(0); // other categories still offered
    expect(result.facets?.shop).toEqual([]);
  });

  it("facets are null unless asked for", async () => {
    expect((await engine.searchProducts(query("耳机"))).facets).toBeNull();
  });
});

describe("sort and pagination", () => {
  const keyOf: Record<Exclude<SearchSort, "relevance">, (d: ProductDoc) => number> = {
    sales: (d) => -d.salesCount,
    price_asc: (d) => d.minPriceFen,
    price_desc: (d) => -d.minPriceFen,
    newest: (d) => -d.publishedAt,
    rating: (d) => -(d.ratingCount > 0 ? d.ratingX100 : -1),
  };

  it("every sort order is monotonic, with or without a query", async () => {
    for (const q of ["", "茶", "kettle"]) {
      for (const sort of Object.keys(keyOf) as Array<keyof typeof keyOf>) {
        const hits = await ids(q, { sort });
        expect(hits.length, `${q} ${sort}`).toBeGreaterThan(1);
        const keys = hits.map((id) => keyOf[sort](BY_ID.get(id)!));
        for (let i = 1; i < keys.length; i++) expect(keys[i], `${q} ${sort} #${i}`).toBeGreaterThanOrEqual(keys[i - 1]);
      }
    }
  });

  it("relevance scores never increase down the list", async () => {
    const result = await engine.searchProducts(query("耳机"));
    for (let i = 1; i < result.hits.length; i++) expect(result.hits[i].score).toBeLessThanOrEqual(result.hits[i - 1].score);
  });

  it("pages continue each other without gaps or repeats, for every sort", async () => {
    for (const sort of ["relevance", "sales", "price_asc", "newest"] as const) {
      const all = await ids("", { sort, limit: 60 });
      const pages = [
        ...(await ids("", { sort, offset: 0, limit: 20 })),
        ...(await ids("", { sort, offset: 20, limit: 20 })),
        ...(await ids("", { sort, offset: 40, limit: 20 })),
      ];
      expect(pages, sort).toEqual(all);
    }
    const total = (await engine.searchProducts(query(""))).total;
    expect(await ids("", { offset: total, limit: 10 })).toEqual([]);
  });
});

// ───────────── highlight, upsert, remove ─────────────

describe("highlight", () => {
  it("splits titles into runs that concatenate back to the title and mark the match", async () => {
    for (const q of ["烧水壶", "kettle", "ketle", "ssh", "Ｔ恤", "水壶", "yogq mat"]) {
      const result = await engine.searchProducts(query(q, { limit: 20 }));
      expect(result.hits.length, q).toBeGreaterThan(0);
      for (const hit of result.hits) {
        const doc = BY_ID.get(hit.id)!;
        expect(hit.titleZh.map((r) => r.text).join("")).toBe(doc.titleZh);
        expect(hit.titleEn.map((r) => r.text).join("")).toBe(doc.titleEn);
      }
      expect(
        result.hits.some((h) => [...h.titleZh, ...h.titleEn].some((r) => r.hit)),
        q,
      ).toBe(true);
    }
    const kettle = (await engine.searchProducts(query("ssh"))).hits.find((h) => h.id === "kettle")!;
    expect(kettle.titleZh.filter((r) => r.hit).map((r) => r.text)).toContain("烧水壶");
    const typo = (await engine.searchProducts(query("ketle"))).hits.find((h) => h.id === "kettle")!;
    expect(typo.titleEn.filter((r) => r.hit).map((r) => r.text)).toEqual(["Kettle"]);
  });

  it("browsing marks nothing", async () => {
    const result = await engine.searchProducts(query("", { limit: 5 }));
    for (const hit of result.hits) expect(hit.titleZh.every((r) => !r.hit)).toBe(true);
  });
});

describe("upsert and remove", () => {
  it("upserting the same document twice leaves one, and an update replaces the old text", async () => {
    const e = new EmbeddedSearchEngine();
    const doc = product("p1", { titleZh: "古树普洱生茶", titleEn: "Old-Tree Raw Pu'er" });
    await e.upsert([{ type: "product", ...doc }]);
    await e.upsert([{ type: "product", ...doc }]);
    expect(await e.count("product")).toBe(1);
    expect((await e.searchProducts(query("普洱"))).hits.map((h) => h.id)).toEqual(["p1"]);

    await e.upsert([{ type: "product", ...doc, titleZh: "安溪铁观音", titleEn: "Anxi Tieguanyin", salesCount: 7 }]);
    expect(await e.count("product")).toBe(1);
    expect((await e.searchProducts(query("普洱"))).total).toBe(0);
    expect((await e.searchProducts(query("铁观音"))).hits.map((h) => h.id)).toEqual(["p1"]);
    expect((await e.searchProducts(query("", { sort: "sales", facets: true }))).facets?.category).toEqual([
      { value: "home-appliances", count: 1 },
      { value: "kitchen-appliances", count: 1 },
    ]);
  });

  it("remove drops documents from results, counts and facets; unknown ids are ignored", async () => {
    const e = new EmbeddedSearchEngine();
    await e.upsert(GENERATED.slice(0, 50).map((d) => ({ type: "product" as const, ...d })));
    const victim = GENERATED[3];
    await e.remove("product", [victim.id, "no-such-id"]);
    expect(await e.count("product")).toBe(49);
    const all = await e.searchProducts(query("", { limit: 100, facets: true }));
    expect(all.hits.map((h) => h.id)).not.toContain(victim.id);
    expect(all.facets?.shop.reduce((n, f) => n + f.count, 0)).toBe(49);
    expect((await e.searchProducts(query(victim.titleZh, { limit: 100 }))).hits.map((h) => h.id)).not.toContain(victim.id);
    // A removed slot is reused cleanly.
    await e.upsert([{ type: "product", ...product("new", { titleZh: "全新商品 珍珠耳钉" }) }]);
    expect((await e.searchProducts(query("珍珠耳钉"))).hits.map((h) => h.id)).toContain("new");
    await e.clear();
    expect(await e.count("product")).toBe(0);
  });
});

// ───────────── shops, creators, suggestions ─────────────

describe("shops and creators", () => {
  it("finds shops by name, English name and pinyin", async () => {
    const shop = SHOP_DOCS[0]; // 暖岛电器官方旗舰店
    for (const q of ["暖岛", "nuandao", "nuan dao"]) expect((await engine.searchShops(query(q))).hits.map((h) => h.id), q).toContain(shop.id);
    expect(await engine.count("shop")).toBe(SHOP_DOCS.length);
  });

  it("finds creators by name and tags", async () => {
    expect((await engine.searchCreators(query("露营"))).hits.map((h) => h.id)).toEqual(["c2"]);
    expect((await engine.searchCreators(query(""))).total).toBe(2);
  });
});

describe("suggest", () => {
  it("completes Chinese, pinyin and initials prefixes", async () => {
    expect(await engine.suggest("烧水", 8)).toContain("烧水壶");
    expect(await engine.suggest("shaoshui", 8)).toContain("烧水壶");
    expect(await engine.suggest("ssh", 8)).toContain("烧水壶");
  });

  it("completes English prefixes inside phrases and shop names", async () => {
    expect((await engine.suggest("kett", 8)).some((s) => /kettle/i.test(s))).toBe(true);
    expect(await engine.suggest("暖岛", 8)).toContain("暖岛电器官方旗舰店");
  });

  it("completes from inside short Chinese phrases", async () => {
    expect(await engine.suggest("榨汁", 8)).toContain("便携式榨汁杯");
  });

  it("follows upserts and removals", async () => {
    const e = new EmbeddedSearchEngine();
    await e.upsert([{ type: "product", ...product("s1", { titleZh: "手工皂 天然", tags: ["手工皂"] }) }]);
    expect(await e.suggest("手工", 5)).toContain("手工皂");
    await e.upsert([{ type: "product", ...product("s2", { titleZh: "蜂蜡蜡烛", tags: ["香薰蜡烛"] }) }]);
    expect(await e.suggest("香薰", 5)).toContain("香薰蜡烛");
    expect(await e.suggest("xiangxun", 5)).toContain("香薰蜡烛");
    await e.remove("product", ["s1"]);
    expect(await e.suggest("手工", 5)).toEqual([]);
  });

  it("respects the limit and returns nothing for an empty prefix", async () => {
    expect((await engine.suggest("s", 3)).length).toBeLessThanOrEqual(3);
    expect(await engine.suggest("", 5)).toEqual([]);
  });
});

// ───────────── odd input ─────────────

describe("odd input never throws", () => {
  const ODD = ["x".repeat(1_000), "水壶".repeat(500), "\u0000\u0007\u001b[31m", "%_\\", "😀🛒🔥", "' OR 1=1 --", "\uD800", "ℌ𝔢𝔩𝔩𝔬", "   ", "a b c d e f g h i j k l m n o p q r s t u v w x y z".repeat(5)];

  it("answers every odd query with a result, empty when nothing matches", async () => {
    for (const q of ODD) {
      const result = await engine.searchProducts(query(q, { facets: true }));
      expect(Array.isArray(result.hits), q).toBe(true);
      expect(result.total).toBeGreaterThanOrEqual(0);
      await expect(engine.searchShops(query(q))).resolves.toBeDefined();
      await expect(engine.searchCreators(query(q))).resolves.toBeDefined();
      await expect(engine.suggest(q, 5)).resolves.toBeDefined();
    }
    expect((await engine.searchProducts(query("%_\\"))).total).toBe(0);
    expect((await engine.searchProducts(query("😀🛒🔥"))).total).toBe(0);
  });

  it("treats odd paging and filters as empty, not as errors", async () => {
    const weird = { q: "耳机", filters: { priceBand: "nope" } as unknown as SearchFilters, sort: "bogus" as SearchSort, offset: -5, limit: Number.NaN, facets: true };
    await expect(engine.searchProducts(weird)).resolves.toMatchObject({ hits: [] });
  });

  it("ignores malformed documents on upsert", async () => {
    const e = new EmbeddedSearchEngine();
    await e.upsert([null, {}, { type: "product", id: 42 }, { type: "product", id: "ok", titleZh: null, tags: "x" }] as never);
    expect(await e.count("product")).toBe(1);
    await expect(e.searchProducts(query(""))).resolves.toMatchObject({ total: 1 });
  });
});
