// The transactional outbox and the sync worker: changes reach the engine, nothing is lost when the
// worker dies mid-batch, replays are harmless. Each test compares the engine with the database for
// its own shop (on PostgreSQL the outbox is shared with other test files; their rows are drained too,
// which is harmless).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/client";
import { VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { enqueueSearchSync, requestFullRebuild } from "@/server/search/outbox";
import { drainOutbox, startSyncWorker, syncEntities, type DrainOptions } from "@/server/search/sync";
import type { SearchDoc, SearchEngine } from "@/server/search/search.schema";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

/** Drains until nothing is pending (fails the test on an engine failure). */
async function drainAll(engine: SearchEngine, options: DrainOptions = {}) {
  for (let round = 0; round < 1_000; round++) {
    const r = await drainOutbox(db, engine, { batchSize: 200, ...options });
    if (r.failed) throw new Error(`drain failed: ${r.error}`);
    if (r.claimed === 0) return;
  }
  throw new Error("outbox did not drain");
}

const text = (runs: { text: string }[]) => runs.map((r) => r.text).join("");

/** What the engine holds for a shop: id → titles, and the ids in price order. */
async function engineView(engine: SearchEngine, shopSlug: string) {
  const res = await engine.searchProducts({ q: "", filters: { shop: shopSlug }, sort: "price_asc", offset: 0, limit: 100, facets: false });
  return {
    titles: new Map(res.hits.map((h) => [h.id, `${text(h.titleZh)} | ${text(h.titleEn)}`])),
    byPrice: res.hits.map((h) => h.id),
    total: res.total,
  };
}

/** What the database says the engine should hold for a shop. */
async function dbView(shopId: string) {
  const rows = await db.product.findMany({ where: { ...VISIBLE_PRODUCT, shopId }, orderBy: [{ minPriceFen: "asc" }] });
  return { titles: new Map(rows.map((p) => [p.id, `${p.titleZh} | ${p.titleEn}`])), byPrice: rows.map((p) => p.id), total: rows.length };
}

async function expectConverged(engine: SearchEngine, shop: { id: string; slug: string }) {
  const [inEngine, inDb] = await Promise.all([engineView(engine, shop.slug), dbView(shop.id)]);
  expect(inEngine.titles).toEqual(inDb.titles);
  expect(inEngine.byPrice).toEqual(inDb.byPrice);
  expect(inEngine.total).toBe(inDb.total);
}

/** A shop with `n` products at distinct prices, indexed. */
async function shopWithProducts(engine: SearchEngine, n: number) {
  const category = await createCategory(db);
  const shop = await createShop(db);
  const products = [];
  for (let i = 0; i < n; i++) {
    products.push(
      await createProduct(db, {
        shopId: shop.id,
        categoryId: category.id,
        titleZh: `同步商品 ${i}`,
        titleEn: `Sync item ${i}`,
        variants: [{ priceFen: 1_000 + i * 100, stock: 5 }],
      }),
    );
  }
  await syncEntities(db, engine, "product", products.map((p) => p.id));
  return { shop, products };
}

/** Changes every product's title and price and delists some, each change with its outbox row. */
async function changeAll(products: { id: string }[], round: string, delist: number[] = []) {
  for (const [i, p] of products.entries()) {
    await db.$transaction(async (tx) => {
      await tx.product.update({
        where: { id: p.id },
        data: {
          titleZh: `改后 ${round} ${i}`,
          titleEn: `Changed ${round} ${i}`,
          minPriceFen: 50_000 - i * 100,
          maxPriceFen: 50_000 - i * 100,
          status: delist.includes(i) ? "DELISTED" : undefined,
        },
      });
      await tx.productVariant.updateMany({ where: { productId: p.id }, data: { priceFen: 50_000 - i * 100 } });
      await enqueueSearchSync(tx, "product", [p.id]);
    });
  }
}

async function outboxRows(productIds: string[]) {
  return db.searchOutbox.findMany({ where: { entityId: { in: productIds } }, orderBy: { id: "asc" } });
}

/** Passes everything through to a real engine, except what a test makes it do. */
class ProxyEngine implements SearchEngine {
  readonly name = "embedded" as const;
  constructor(protected readonly inner: SearchEngine) {}
  init() {
    return this.inner.init();
  }
  upsert(docs: SearchDoc[]) {
    return this.inner.upsert(docs);
  }
  remove(type: SearchDoc["type"], ids: string[]) {
    return this.inner.remove(type, ids);
  }
  clear() {
    return this.inner.clear();
  }
  count(type: SearchDoc["type"]) {
    return this.inner.count(type);
  }
  searchProducts(...args: Parameters<SearchEngine["searchProducts"]>) {
    return this.inner.searchProducts(...args);
  }
  searchShops(...args: Parameters<SearchEngine["searchShops"]>) {
    return this.inner.searchShops(...args);
  }
  searchCreators(...args: Parameters<SearchEngine["searchCreators"]>) {
    return this.inner.searchCreators(...args);
  }
  suggest(prefix: string, limit: number) {
    return this.inner.suggest(prefix, limit);
  }
}

/** Writes half of each upsert, then dies. */
class CrashingEngine extends ProxyEngine {
  override async upsert(docs: SearchDoc[]) {
    await this.inner.upsert(docs.slice(0, Math.ceil(docs.length / 2)));
    throw new Error("engine crashed mid-batch");
  }
}

/** Writes half of the first upsert, then waits for the test before returning. */
class StallingEngine extends ProxyEngine {
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  entered!: () => void;
  readonly reached = new Promise<void>((resolve) => (this.entered = resolve));
  override async upsert(docs: SearchDoc[]) {
    await this.inner.upsert(docs.slice(0, Math.ceil(docs.length / 2)));
    this.entered();
    await this.gate;
  }
  open() {
    this.release();
  }
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe("outbox", () => {
  it("records a seller's change in the same transaction, and a drain brings it to search", async () => {
    const engine = new EmbeddedSearchEngine();
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const category = await createCategory(db);
    const shop = await createShop(db, { ownerId: seller.id });
    const product = await createProduct(db, { shopId: shop.id, categoryId: category.id, titleZh: "旧的标题", variants: [{ priceFen: 5_000, stock: 3 }] });
    const other = await createProduct(db, { shopId: (await createShop(db)).id, categoryId: category.id });
    const otherVariant = await db.productVariant.findFirstOrThrow({ where: { productId: other.id } });
    await syncEntities(db, engine, "product", [product.id]);
    const caller = createCaller({ db, user: { id: seller.id, roles: seller.roles } });

    // A failed update writes nothing, outbox row included: it is part of the same transaction.
    await expect(caller.catalog.update({ productId: product.id, titleZh: "不该保存", variants: [{ id: otherVariant.id, stock: 1 }] })).rejects.toThrow();
    expect(await outboxRows([product.id])).toHaveLength(0);

    const newTitle = `新标题 ${uniqueSuffix()}`;
    await caller.catalog.update({ productId: product.id, titleZh: newTitle });
    const [row] = await outboxRows([product.id]);
    expect(row).toMatchObject({ entityType: "product", entityId: product.id, processedAt: null, attempts: 0 });
    expect((await engineView(engine, shop.slug)).titles.get(product.id)).toContain("旧的标题");

    await drainAll(engine);
    expect((await engineView(engine, shop.slug)).titles.get(product.id)).toContain(newTitle);
    expect((await outboxRows([product.id]))[0].processedAt).not.toBeNull();
    await expectConverged(engine, shop);
  });

  it("a seller's delisting, a platform rejection and a shop suspension leave search after a drain; reinstating brings them back", async () => {
    const engine = new EmbeddedSearchEngine();
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const admin = await createUser(db, { roles: ["SHOPPER", "ADMIN"] });
    const category = await createCategory(db);
    const shop = await createShop(db, { ownerId: seller.id });
    const products = [];
    for (let i = 0; i < 3; i++) {
      products.push(await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen: 1_000 + i * 100, stock: 5 }] }));
    }
    await syncEntities(db, engine, "product", products.map((p) => p.id));
    const asSeller = createCaller({ db, user: { id: seller.id, roles: seller.roles } });
    const asAdmin = createCaller({ db, user: { id: admin.id, roles: admin.roles } });

    expect(await asSeller.catalog.delist({ productId: products[0].id })).toMatchObject({ status: "DELISTED" });
    await drainAll(engine);
    expect((await engineView(engine, shop.slug)).titles.has(products[0].id)).toBe(false);

    const rejected = await asAdmin.catalog.moderate({ productId: products[1].id, status: "REJECTED", reason: "虚假宣传" });
    expect(rejected).toMatchObject({ status: "REJECTED", statusReason: "虚假宣传" });
    await drainAll(engine);
    expect([...(await engineView(engine, shop.slug)).titles.keys()]).toEqual([products[2].id]);
    await expectConverged(engine, shop);

    await asAdmin.shop.setStatus({ shopId: shop.id, status: "SUSPENDED", reason: "售假投诉核实" });
    await drainAll(engine);
    expect((await engineView(engine, shop.slug)).total).toBe(0);

    await asAdmin.shop.setStatus({ shopId: shop.id, status: "ACTIVE" });
    await asAdmin.catalog.moderate({ productId: products[1].id, status: "ACTIVE" });
    await drainAll(engine);
    expect(new Set((await engineView(engine, shop.slug)).titles.keys())).toEqual(new Set([products[1].id, products[2].id]));
    await expectConverged(engine, shop);
  });

  it("only the shop's seller may delist, only an admin may moderate or suspend, and a verdict without a reason is refused", async () => {
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const otherSeller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const admin = await createUser(db, { roles: ["SHOPPER", "ADMIN"] });
    const shop = await createShop(db, { ownerId: seller.id });
    const product = await createProduct(db, { shopId: shop.id, categoryId: (await createCategory(db)).id });
    const asOther = createCaller({ db, user: { id: otherSeller.id, roles: otherSeller.roles } });
    const asSeller = createCaller({ db, user: { id: seller.id, roles: seller.roles } });
    const asAdmin = createCaller({ db, user: { id: admin.id, roles: admin.roles } });

    await expect(asOther.catalog.delist({ productId: product.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asSeller.catalog.moderate({ productId: product.id, status: "DELISTED", reason: "自己下架" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asSeller.shop.setStatus({ shopId: shop.id, status: "SUSPENDED", reason: "x".repeat(5) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAdmin.catalog.moderate({ productId: product.id, status: "REJECTED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("reason"),
    });
    await expect(asAdmin.shop.setStatus({ shopId: shop.id, status: "SUSPENDED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("reason"),
    });
    // Nothing changed, and nothing was queued for search.
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect(await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect(await outboxRows([product.id, shop.id])).toHaveLength(0);
  });

  it("replaying rows that were already processed changes nothing", async () => {
    const engine = new EmbeddedSearchEngine();
    const { shop, products } = await shopWithProducts(engine, 4);
    await changeAll(products, "replay", [1]);
    await drainAll(engine);
    const first = await engineView(engine, shop.slug);
    await expectConverged(engine, shop);

    const rows = await outboxRows(products.map((p) => p.id));
    expect(rows.every((r) => r.processedAt !== null)).toBe(true);
    await db.searchOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { processedAt: null } });
    await drainAll(engine);
    await drainAll(engine);
    expect(await engineView(engine, shop.slug)).toEqual(first);
    await expectConverged(engine, shop);
  });

  it("a full-rebuild request rebuilds the index from the database", async () => {
    const engine = new EmbeddedSearchEngine();
    const { shop, products } = await shopWithProducts(engine, 2);
    // Something the database does not have (say, left over from a bug): the rebuild drops it.
    const ghostId = `ghost-${uniqueSuffix()}`;
    const [doc] = await (await import("@/server/search/documents")).loadProductDocs(db, [products[0].id]);
    await engine.upsert([{ ...doc, id: ghostId }]);
    expect((await engineView(engine, shop.slug)).titles.has(ghostId)).toBe(true);

    await requestFullRebuild(db);
    const r = await drainOutbox(db, engine, { batchSize: 10_000 });
    expect(r.rebuilt).toBe(true);
    expect((await engineView(engine, shop.slug)).titles.has(ghostId)).toBe(false);
    await expectConverged(engine, shop);
    expect(await db.searchOutbox.count({ where: { entityId: "*", processedAt: null } })).toBe(0);
  });
});

describe("failures", () => {
  it("an engine that fails mid-batch leaves the rows pending; the next drain converges", async () => {
    const engine = new EmbeddedSearchEngine();
    const { shop, products } = await shopWithProducts(engine, 6);
    await changeAll(products, "crash", [2, 4]);

    const r = await drainOutbox(db, new CrashingEngine(engine), { batchSize: 10_000 });
    expect(r.failed).toBeGreaterThanOrEqual(products.length);
    const rows = await outboxRows(products.map((p) => p.id));
    expect(rows.every((row) => row.processedAt === null && row.attempts === 1 && row.lastError?.includes("engine crashed"))).toBe(true);
    // Half written: the index now disagrees with the database.
    const partial = await engineView(engine, shop.slug);
    expect(partial.titles).not.toEqual((await dbView(shop.id)).titles);

    await drainAll(engine);
    await expectConverged(engine, shop);
    expect((await outboxRows(products.map((p) => p.id))).every((row) => row.processedAt !== null)).toBe(true);
  });

  it("a worker stopped between claim and mark loses nothing: a restarted worker converges", async () => {
    const engine = new EmbeddedSearchEngine();
    const { shop, products } = await shopWithProducts(engine, 6);
    await changeAll(products, "kill", [0, 5]);

    const stalling = new StallingEngine(engine);
    const worker = startSyncWorker(db, stalling, { intervalMs: 20 });
    await stalling.reached; // the batch is claimed and half written
    const stopping = worker.stop();
    stalling.open();
    await stopping;

    // As after a crash: the claim rolled back, no attempt was counted, the index is half written.
    const rows = await outboxRows(products.map((p) => p.id));
    expect(rows.every((row) => row.processedAt === null && row.attempts === 0)).toBe(true);
    expect((await engineView(engine, shop.slug)).titles).not.toEqual((await dbView(shop.id)).titles);

    const restarted = startSyncWorker(db, engine, { intervalMs: 20 });
    try {
      await until(async () => (await outboxRows(products.map((p) => p.id))).every((row) => row.processedAt !== null));
    } finally {
      await restarted.stop();
    }
    await expectConverged(engine, shop);
  });

  it("gives up on a row after maxAttempts but keeps it, with its error, for operators", async () => {
    const engine = new EmbeddedSearchEngine();
    const { products } = await shopWithProducts(engine, 1);
    await changeAll(products, "poison");
    const failing = new CrashingEngine(engine);
    await drainOutbox(db, failing, { batchSize: 10_000, maxAttempts: 2 });
    await drainOutbox(db, failing, { batchSize: 10_000, maxAttempts: 2 });
    await drainOutbox(db, engine, { batchSize: 10_000, maxAttempts: 2 });
    const [row] = await outboxRows([products[0].id]);
    expect(row).toMatchObject({ attempts: 2, processedAt: null });
    expect(row.lastError).toContain("engine crashed");
  });
});

describe("worker", () => {
  it("brings a change to search within about a second", async () => {
    const engine = new EmbeddedSearchEngine();
    const { shop, products } = await shopWithProducts(engine, 2);
    const worker = startSyncWorker(db, engine);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const admin = await createUser(db, { roles: ["SHOPPER", "ADMIN"] });
      await createCaller({ db, user: { id: admin.id, roles: admin.roles } }).catalog.moderate({ productId: products[1].id, status: "REJECTED", reason: "图文不符" });
      const waited = await until(async () => !(await engineView(engine, shop.slug)).titles.has(products[1].id));
      expect(waited).toBeLessThan(3_000);
    } finally {
      await worker.stop();
    }
    await expectConverged(engine, shop);
  });
});
