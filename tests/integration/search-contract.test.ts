// The search contract, run against every engine: the embedded engine always, Meilisearch when
// MEILI_HOST is set. Documents come from the database (documents.ts), results through the service
// (search.service.ts), so what is tested is what the pages get.
//
// Every test makes its own shop(s) and a unique query token, so the tests share one index (and, on
// PostgreSQL, one database with other files) without seeing each other's products.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Meilisearch } from "meilisearch";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { env } from "@/server/env";
import { VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { MeiliSearchEngine } from "@/server/search/meili-engine";
import { search, type SearchViewer } from "@/server/search/search.service";
import { syncEntities } from "@/server/search/sync";
import { PRICE_BANDS, type SearchEngine, type SearchFilters, type SearchSort } from "@/server/search/search.schema";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, uniqueSuffix, type ProductInput } from "@/tests/factories/catalog";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const viewer: SearchViewer = { userId: null, visitorId: null };

/** A letters-only token no other test uses (digits would make it two words for some analysers). */
function token(): string {
  return `zq${uniqueSuffix().replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)])}`;
}

interface EngineCase {
  make(): Promise<SearchEngine>;
  dispose(): Promise<void>;
}

function contractSuite(engineCase: EngineCase) {
  let engine: SearchEngine;

  beforeAll(async () => {
    engine = await engineCase.make();
    await engine.init();
  });
  afterAll(async () => {
    await engineCase.dispose();
  });

  async function product(input: ProductInput) {
    return createProduct(db, input);
  }

  /** Loads the documents of these products from the database and writes them (or removes them). */
  async function index(ids: string[]) {
    await syncEntities(db, engine, "product", ids);
  }

  async function ids(q: string, filters: SearchFilters = {}, sort: SearchSort = "relevance") {
    const out = await search(db, engine, { q, filters, sort, pageSize: 60 }, viewer);
    return out.fallback === null ? out.products.map((p) => p.id) : [];
  }

  describe("Chinese", () => {
    it("finds a segmented word inside a title, and never a word made of characters from other words", async () => {
      const category = await createCategory(db);
      const shop = await createShop(db);
      const kettle = await product({
        shopId: shop.id,
        categoryId: category.id,
        titleZh: "便携式不锈钢烧水壶 1.7L 家用",
        titleEn: "Portable Stainless Steel Electric Kettle 1.7L",
      });
      const fruitAndTeapot = await product({
        shopId: shop.id,
        categoryId: category.id,
        titleZh: "新鲜水果 紫砂茶壶 礼盒",
        titleEn: "Fresh Fruit and Clay Teapot Gift Set",
      });
      await index([kettle.id, fruitAndTeapot.id]);
      const inShop = { shop: shop.slug };

      for (const word of ["烧水壶", "不锈钢", "便携式", "水壶"]) {
        expect(await ids(word, inShop), word).toContain(kettle.id);
      }
      // 水壶 must not match 水果 + 茶壶.
      expect(await ids("水壶", inShop)).not.toContain(fruitAndTeapot.id);
      expect(await ids("茶壶", inShop)).toEqual([fruitAndTeapot.id]);
    });

    it("finds 烧水壶 by full pinyin and by initials", async () => {
      const category = await createCategory(db);
      const shop = await createShop(db);
      const kettle = await product({ shopId: shop.id, categoryId: category.id, titleZh: "家用烧水壶 1.5L", titleEn: "Home Kettle 1.5L" });
      const other = await product({ shopId: shop.id, categoryId: category.id, titleZh: "陶瓷马克杯", titleEn: "Ceramic Mug" });
      await index([kettle.id, other.id]);
      for (const q of ["shaoshuihu", "ssh"]) {
        const found = await ids(q, { shop: shop.slug });
        expect(found, q).toContain(kettle.id);
        expect(found, q).not.toContain(other.id);
      }
    });
  });

  describe("English", () => {
    it("tolerates typos: ketle finds the kettle, yogq mat finds the yoga mat", async () => {
      const category = await createCategory(db);
      const shop = await createShop(db);
      const kettle = await product({ shopId: shop.id, categoryId: category.id, titleZh: "电水壶", titleEn: "Glass Kettle 1.8L" });
      const mat = await product({ shopId: shop.id, categoryId: category.id, titleZh: "防滑瑜伽垫 6mm", titleEn: "Non-slip Yoga Mat 6mm" });
      await index([kettle.id, mat.id]);
      expect(await ids("ketle", { shop: shop.slug })).toEqual([kettle.id]);
      expect(await ids("yogq mat", { shop: shop.slug })).toEqual([mat.id]);
    });
  });

  describe("synonyms", () => {
    it("finds 电热水壶 for kettle and for 烧水壶, though neither word is in the listing", async () => {
      const category = await createCategory(db);
      const shop = await createShop(db);
      const boiler = await product({ shopId: shop.id, categoryId: category.id, titleZh: "电热水壶 大容量", titleEn: "Large Water Boiler" });
      const mug = await product({ shopId: shop.id, categoryId: category.id, titleZh: "保温杯", titleEn: "Thermos Cup" });
      await index([boiler.id, mug.id]);
      for (const q of ["kettle", "烧水壶"]) expect(await ids(q, { shop: shop.slug }), q).toEqual([boiler.id]);
    });
  });

  describe("facets", () => {
    it("counts what the database counts for the same query and filters, each facet ignoring its own filter", async () => {
      const tok = token();
      const root = await createCategory(db);
      const childA = await createCategory(db, { parentId: root.id });
      const childB = await createCategory(db, { parentId: root.id });
      const region = await db.region.create({
        data: { slug: `region-${uniqueSuffix()}`, nameZh: "测试产地", nameEn: "Test Origin", provinceZh: "测试省", provinceEn: "Test Province" },
      });
      const shopA = await createShop(db);
      const shopB = await createShop(db);
      const suspended = await createShop(db, { status: "SUSPENDED" });
      const specs: Array<{ shopId: string; categoryId: string; price: number; stock: number; rating: number; ratingCount?: number; region?: boolean; status?: ProductInput["status"] }> = [
        { shopId: shopA.id, categoryId: childA.id, price: 3_000, stock: 5, rating: 470, region: true },
        { shopId: shopA.id, categoryId: childA.id, price: 8_000, stock: 0, rating: 420 },
        { shopId: shopA.id, categoryId: childB.id, price: 15_000, stock: 3, rating: 300 },
        { shopId: shopB.id, categoryId: childB.id, price: 8_000, stock: 9, rating: 480, region: true },
        { shopId: shopB.id, categoryId: childA.id, price: 120_000, stock: 1, rating: 0, ratingCount: 0 },
        { shopId: shopB.id, categoryId: root.id, price: 4_000, stock: 0, rating: 455, region: true },
        { shopId: shopA.id, categoryId: childA.id, price: 5_000, stock: 4, rating: 490, status: "DRAFT" },
        { shopId: shopB.id, categoryId: childB.id, price: 5_000, stock: 4, rating: 490, status: "DELISTED" },
        { shopId: suspended.id, categoryId: childA.id, price: 5_000, stock: 4, rating: 490 },
      ];
      const created: { id: string }[] = [];
      for (const [i, s] of specs.entries()) {
        created.push(
          await product({
            shopId: s.shopId,
            categoryId: s.categoryId,
            status: s.status,
            regionId: s.region ? region.id : undefined,
            titleZh: `测试 ${tok} ${i}`,
            titleEn: `Item ${tok} ${i}`,
            ratingX100: s.rating,
            ratingCount: s.ratingCount ?? (s.rating > 0 ? 10 : 0),
            variants: [{ priceFen: s.price, stock: s.stock }],
          }),
        );
      }
      const allIds = created.map((p) => p.id);
      await index(allIds);

      const subtree = async (categoryId: string) => [categoryId, ...(await db.category.findMany({ where: { parentId: categoryId } })).map((c) => c.id)];
      /** The database's count of visible products among ours that pass `filters`. */
      async function dbCount(filters: SearchFilters): Promise<number> {
        const and: Prisma.ProductWhereInput[] = [VISIBLE_PRODUCT, { id: { in: allIds } }];
        if (filters.category) {
          const cat = await db.category.findUniqueOrThrow({ where: { slug: filters.category } });
          and.push({ categoryId: { in: await subtree(cat.id) } });
        }
        if (filters.shop) and.push({ shop: { slug: filters.shop } });
        if (filters.region) and.push({ region: { slug: filters.region } });
        if (filters.priceBand) {
          const band = PRICE_BANDS.find((b) => b.key === filters.priceBand)!;
          and.push({ minPriceFen: { gte: band.minFen, ...(band.maxFen === null ? {} : { lt: band.maxFen }) } });
        }
        if (filters.minRatingX100) and.push({ ratingCount: { gt: 0 }, ratingX100: { gte: filters.minRatingX100 } });
        if (filters.inStock !== undefined) {
          const inStock = { variants: { some: { isActive: true, stock: { gt: 0 } } } };
          and.push(filters.inStock ? inStock : { NOT: inStock });
        }
        return db.product.count({ where: { AND: and } });
      }

      const filterSets: SearchFilters[] = [
        {},
        { shop: shopA.slug },
        { shop: shopA.slug, priceBand: "50-100" },
        { category: childA.slug, inStock: true },
        { category: root.slug, minRatingX100: 400, region: region.slug },
        { shop: shopB.slug, inStock: false },
      ];
      for (const filters of filterSets) {
        const out = await search(db, engine, { q: tok, filters, pageSize: 60 }, viewer);
        const label = JSON.stringify(filters);
        expect(out.fallback, label).toBeNull();
        expect(out.total, label).toBe(await dbCount(filters));
        const facets = out.facets!;
        // Each facet value's count = the database's count with that value chosen in place of the facet's own filter.
        const without = (key: keyof SearchFilters) => {
          const rest = { ...filters };
          delete rest[key];
          return rest;
        };
        const expected = async (key: keyof SearchFilters, values: Array<[string, SearchFilters[keyof SearchFilters]]>) => {
          const out: Record<string, number> = {};
          for (const [label, value] of values) {
            const n = await dbCount({ ...without(key), [key]: value });
            if (n > 0) out[label] = n;
          }
          return out;
        };
        const actual = (values: { value: string; count: number }[], keep: (v: string) => boolean = () => true) =>
          Object.fromEntries(values.filter((v) => keep(v.value)).map((v) => [v.value, v.count]));

        const ourCategories = [root.slug, childA.slug, childB.slug];
        expect(actual(facets.category, (v) => ourCategories.includes(v)), `${label} category`).toEqual(
          await expected("category", ourCategories.map((s) => [s, s])),
        );
        expect(actual(facets.shop), `${label} shop`).toEqual(await expected("shop", [shopA.slug, shopB.slug, suspended.slug].map((s) => [s, s])));
        expect(actual(facets.region), `${label} region`).toEqual(await expected("region", [[region.slug, region.slug]]));
        expect(actual(facets.priceBand), `${label} priceBand`).toEqual(await expected("priceBand", PRICE_BANDS.map((b) => [b.key, b.key])));
        expect(actual(facets.rating), `${label} rating`).toEqual(await expected("minRatingX100", [450, 400, 300].map((t) => [String(t), t])));
        expect(actual(facets.inStock), `${label} inStock`).toEqual(
          await expected("inStock", [
            ["true", true],
            ["false", false],
          ]),
        );
      }

      // Labels are for people: names in both languages, price bands and ratings spelled out.
      const labelled = (await search(db, engine, { q: tok }, viewer)).facets!;
      expect(labelled.category.find((c) => c.value === childA.slug)).toMatchObject({ labelZh: childA.nameZh, labelEn: childA.nameEn });
      expect(labelled.region).toEqual([{ value: region.slug, count: 3, labelZh: "测试产地", labelEn: "Test Origin" }]);
      expect(labelled.priceBand.map((b) => b.labelEn)).toEqual(["¥0–50", "¥50–100", "¥100–300", "¥1000+"]);
      expect(labelled.rating.map((r) => r.labelEn)).toEqual(["4.5★+", "4.0★+", "3.0★+"]);
    });
  });

  describe("sort", () => {
    it("orders by sales, price both ways, newest and rating", async () => {
      const tok = token();
      const category = await createCategory(db);
      const shop = await createShop(db);
      const rows = [
        { sales: 50, price: 2_000, rating: 410, day: 3 },
        { sales: 900, price: 9_000, rating: 380, day: 1 },
        { sales: 5, price: 500, rating: 495, day: 4 },
        { sales: 300, price: 30_000, rating: 460, day: 2 },
      ];
      const products: { id: string }[] = [];
      for (const [i, r] of rows.entries()) {
        products.push(
          await product({
            shopId: shop.id,
            categoryId: category.id,
            titleZh: `排序 ${tok} ${i}`,
            titleEn: `Sorted ${tok} ${i}`,
            salesCount: r.sales,
            ratingX100: r.rating,
            ratingCount: 20,
            publishedAt: new Date(Date.UTC(2026, 0, r.day)),
            variants: [{ priceFen: r.price, stock: 10 }],
          }),
        );
      }
      await index(products.map((p) => p.id));
      const byKey = (key: (r: (typeof rows)[number]) => number, dir: 1 | -1) =>
        rows
          .map((r, i) => ({ id: products[i].id, k: key(r) }))
          .sort((a, b) => dir * (a.k - b.k))
          .map((r) => r.id);

      expect(await ids(tok, {}, "sales")).toEqual(byKey((r) => r.sales, -1));
      expect(await ids(tok, {}, "price_asc")).toEqual(byKey((r) => r.price, 1));
      expect(await ids(tok, {}, "price_desc")).toEqual(byKey((r) => r.price, -1));
      expect(await ids(tok, {}, "newest")).toEqual(byKey((r) => r.day, -1));
      expect(await ids(tok, {}, "rating")).toEqual(byKey((r) => r.rating, -1));
      expect(new Set(await ids(tok, {}, "relevance"))).toEqual(new Set(products.map((p) => p.id)));
    });
  });

  describe("visibility", () => {
    it("never returns unapproved or delisted products, or products of suspended shops", async () => {
      const tok = token();
      const category = await createCategory(db);
      const shop = await createShop(db);
      const otherShop = await createShop(db);
      const make = (status: ProductInput["status"], shopId = shop.id) =>
        product({ shopId, categoryId: category.id, status, titleZh: `可见性 ${tok} ${status}`, titleEn: `Visibility ${tok} ${status}` });
      const visible = await make("ACTIVE");
      const hidden = [await make("DRAFT"), await make("IN_REVIEW"), await make("REJECTED"), await make("DELISTED")];
      const inOtherShop = await make("ACTIVE", otherShop.id);
      await db.shop.update({ where: { id: otherShop.id }, data: { status: "SUSPENDED" } });
      const all = [visible, ...hidden, inOtherShop].map((p) => p.id);
      await index(all);

      const engineIds = async () =>
        (await engine.searchProducts({ q: tok, filters: {}, sort: "relevance", offset: 0, limit: 50, facets: false })).hits.map((h) => h.id);
      expect(await engineIds()).toEqual([visible.id]);
      expect(await ids(tok)).toEqual([visible.id]);

      // A product that is delisted later, or whose shop is suspended later, disappears once synced.
      await db.product.update({ where: { id: visible.id }, data: { status: "DELISTED" } });
      await index([visible.id]);
      expect(await engineIds()).toEqual([]);
      const out = await search(db, engine, { q: tok }, viewer);
      expect(out.products.map((p) => p.id)).not.toContain(visible.id);

      const shop2 = await createShop(db);
      const p2 = await product({ shopId: shop2.id, categoryId: category.id, titleZh: `店铺 ${tok}`, titleEn: `Shop ${tok}` });
      await index([p2.id]);
      expect(await engineIds()).toEqual([p2.id]);
      await db.shop.update({ where: { id: shop2.id }, data: { status: "SUSPENDED" } });
      await syncEntities(db, engine, "shop", [shop2.id]);
      expect(await engineIds()).toEqual([]);
    });
  });
}

describe("search contract: embedded engine", () => {
  contractSuite({ make: async () => new EmbeddedSearchEngine(), dispose: async () => {} });
});

if (env.MEILI_HOST) {
  const host = env.MEILI_HOST;
  const prefix = `test_${uniqueSuffix()}_`;
  describe("search contract: Meilisearch", () => {
    contractSuite({
      make: async () => new MeiliSearchEngine({ host, apiKey: env.MEILI_API_KEY, indexPrefix: prefix }),
      dispose: async () => {
        const client = new Meilisearch({ host, apiKey: env.MEILI_API_KEY });
        for (const name of ["products", "shops", "creators"]) await client.deleteIndexIfExists(`${prefix}${name}`);
      },
    });
  });
} else {
  console.info("search contract: the Meilisearch suite is skipped because MEILI_HOST is not set");
  describe.skip("search contract: Meilisearch (skipped: MEILI_HOST not set)", () => {
    contractSuite({ make: async () => new EmbeddedSearchEngine(), dispose: async () => {} });
  });
}
