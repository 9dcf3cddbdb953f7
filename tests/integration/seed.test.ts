// The demo seed on a real database: counts, catalog invariants, demo accounts and determinism.
// Seeding runs inside a transaction that is rolled back, so the fixed demo ids and emails never
// collide with other test files when DATABASE_URL points at a shared PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/factories/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { verifyPassword } from "@/server/account/password";
import { ART_BASE_PATH, isArtKey, renderArtSvg } from "@/server/media/art";
import { DEFAULT_PRODUCT_COUNT, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase, type SeedCounts } from "@/prisma/seed/seed";
import { ratingX100FromHistogram, shopScoreX100 } from "@/server/review/review.rules";

class Rollback extends Error {}

async function inRolledBackTransaction<T>(testDb: TestDb, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await testDb.db.$transaction(
      async (tx) => {
        result = { value: await fn(tx) };
        throw new Rollback();
      },
      { timeout: 120_000, maxWait: 30_000, isolationLevel: "RepeatableRead" },
    );
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  if (!result) throw new Error("transaction callback did not finish");
  return result.value;
}

/**
 * Seeds, then reads back only the rows the seed wrote: on a shared PostgreSQL other test files'
 * rows are visible too, so everything that existed before is excluded by id. The transaction runs
 * at REPEATABLE READ, so rows other files commit meanwhile stay invisible.
 */
async function seedAndRead(tx: Prisma.TransactionClient) {
  const ids = async (rows: Promise<Array<{ id: string }>>) => ({ notIn: (await rows).map((r) => r.id) });
  const [shopIds, creatorIds, categoryIds, regionIds, productIds, userIds] = await Promise.all([
    ids(tx.shop.findMany({ select: { id: true } })),
    ids(tx.creatorProfile.findMany({ select: { id: true } })),
    ids(tx.category.findMany({ select: { id: true } })),
    ids(tx.region.findMany({ select: { id: true } })),
    ids(tx.product.findMany({ select: { id: true } })),
    ids(tx.user.findMany({ select: { id: true } })),
  ]);
  const progress: Array<[number, number]> = [];
  const counts = await seedDatabase(tx, { onProgress: (done, total) => progress.push([done, total]) });
  const [shops, creators, categories, regions, products, users] = await Promise.all([
    tx.shop.findMany({ where: { id: shopIds }, include: { members: true }, orderBy: { id: "asc" } }),
    tx.creatorProfile.findMany({ where: { id: creatorIds }, orderBy: { handle: "asc" } }),
    tx.category.findMany({ where: { id: categoryIds }, include: { _count: { select: { products: true, children: true } } } }),
    tx.region.findMany({ where: { id: regionIds } }),
    tx.product.findMany({
      where: { id: productIds },
      include: {
        variants: { include: { optionValues: { select: { id: true, optionId: true } } }, orderBy: { position: "asc" } },
        options: { include: { values: true } },
        media: { orderBy: { position: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    tx.user.findMany({ where: { id: userIds }, include: { shopMemberships: true, creatorProfile: true } }),
  ]);
  const linkCount = await tx.$queryRawUnsafe<Array<{ count: bigint }>>(
    `SELECT count(*) AS count FROM "_ProductOptionValueToProductVariant" l JOIN "ProductVariant" v ON v.id = l."B" WHERE v."productId" = ANY($1)`,
    products.map((p) => p.id),
  );
  const seededUserIds = users.map((u) => u.id);
  const [orders, reviews] = await Promise.all([
    tx.order.findMany({
      where: { userId: { in: seededUserIds } },
      include: {
        items: { include: { review: true } },
        events: { orderBy: { createdAt: "asc" } },
        trackingEvents: true,
        afterSales: { include: { events: { orderBy: { createdAt: "asc" } } } },
        payment: true,
      },
      orderBy: { id: "asc" },
    }),
    tx.review.findMany({ where: { productId: { in: products.map((p) => p.id) } }, include: { media: true }, orderBy: { id: "asc" } }),
  ]);
  const addresses = await tx.address.findMany({ where: { userId: { in: seededUserIds } } });
  return { counts, progress, shops, creators, categories, regions, products, users, linkCount: Number(linkCount[0].count), orders, reviews, addresses };
}

type Seeded = Awaited<ReturnType<typeof seedAndRead>>;

/** What must not change between two runs of the seed. */
function fingerprint(seeded: Seeded) {
  return seeded.products.map((p) => ({
    id: p.id,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    status: p.status,
    salesCount: p.salesCount,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    media: p.media.map((m) => m.url),
    variants: p.variants.map((v) => [v.sku, v.priceFen, v.compareAtPriceFen, v.stock]),
    ratingHistogram: p.ratingHistogram,
  }));
}

/** The trade data, without the dates (they count back from the moment of seeding). */
function tradeFingerprint(seeded: Seeded) {
  return {
    orders: seeded.orders.map((o) => [o.id, o.status, o.totalFen, o.refundedFen, o.items.map((i) => [i.variantId, i.quantity])]),
    reviews: seeded.reviews.map((r) => [r.id, r.userId, r.rating, r.body, r.media.map((m) => m.url)]),
    scores: seeded.shops.map((s) => [s.id, s.scoreX100]),
  };
}

describe("seedDatabase", () => {
  let testDb: TestDb;
  let seeded: Seeded;

  beforeAll(async () => {
    testDb = await createTestDb();
    seeded = await inRolledBackTransaction(testDb, seedAndRead);
  });

  afterAll(async () => {
    await testDb?.close();
  });

  it("reports counts that match what it wrote", () => {
    const { counts, shops, creators, categories, regions, products } = seeded;
    expect(counts).toEqual<SeedCounts>({
      regions: regions.length,
      categories: categories.length,
      shops: shops.length,
      creators: creators.length,
      users: seeded.users.length,
      products: products.length,
      activeProducts: products.filter((p) => p.status === "ACTIVE").length,
      variants: products.reduce((sum, p) => sum + p.variants.length, 0),
      media: products.reduce((sum, p) => sum + p.media.length, 0),
    });
    expect(seeded.progress.at(0)).toEqual([0, DEFAULT_PRODUCT_COUNT]);
    expect(seeded.progress.at(-1)).toEqual([DEFAULT_PRODUCT_COUNT, DEFAULT_PRODUCT_COUNT]);
  });

  it("creates shops of all four kinds with art, owners and sane shipping terms", () => {
    const { shops } = seeded;
    expect(shops.length).toBeGreaterThanOrEqual(12);
    expect(new Set(shops.map((s) => s.kind))).toEqual(new Set(["BRAND_FLAGSHIP", "FARM_GOODS", "INDUSTRIAL_BELT", "INDEPENDENT"]));
    for (const shop of shops) {
      expect(shop.members.filter((m) => m.role === "OWNER")).toHaveLength(1);
      expect(shop.themeColor).toMatch(/^#[0-9a-f]{6}$/);
      // Derived from the seeded ratings and after-sales (shopScoreX100; checked exactly below).
      expect(shop.scoreX100).toBeGreaterThanOrEqual(400);
      expect(shop.scoreX100).toBeLessThanOrEqual(500);
      expect(shop.shippingFeeFen).toBeGreaterThanOrEqual(0);
      for (const url of [shop.logoUrl, shop.bannerUrl]) expect(renderArtSvg(url.slice(ART_BASE_PATH.length + 1)), url).not.toBeNull();
    }
    expect(shops.filter((s) => s.kind === "FARM_GOODS").every((s) => s.regionId !== null)).toBe(true);
  });

  it("creates 8 creators with ASCII handles and bilingual bios", () => {
    expect(seeded.creators).toHaveLength(8);
    for (const c of seeded.creators) {
      expect(c.handle).toMatch(/^[a-z0-9_]+$/);
      expect(c.bioZh).not.toBe("");
      expect(c.bioEn).not.toBe("");
      expect(c.tags.length).toBeGreaterThan(0);
    }
  });

  it("builds a two-level category tree whose leaves all have products", () => {
    const { categories } = seeded;
    expect(categories.length).toBeGreaterThanOrEqual(15);
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const c of categories) {
      expect(isArtKey(c.artKey), c.slug).toBe(true);
      if (c.parentId) {
        expect(byId.get(c.parentId)?.parentId, `${c.slug} is at most two levels deep`).toBeNull();
        expect(c._count.products, `${c.slug} has products`).toBeGreaterThan(0);
      } else {
        expect(c._count.children, `${c.slug} has children`).toBeGreaterThan(0);
        expect(c._count.products, `root ${c.slug} holds no products directly`).toBe(0);
      }
    }
    expect(seeded.regions.length).toBeGreaterThanOrEqual(10);
  });

  it("lists at least 300 products, mostly active, with every non-active status present", () => {
    const { products } = seeded;
    expect(products).toHaveLength(DEFAULT_PRODUCT_COUNT);
    expect(products.length).toBeGreaterThanOrEqual(300);
    const active = products.filter((p) => p.status === "ACTIVE");
    expect(active.length / products.length).toBeGreaterThanOrEqual(0.9);
    expect(active.length).toBeLessThan(products.length);
    for (const status of ["DRAFT", "IN_REVIEW", "REJECTED", "DELISTED"]) {
      expect(products.some((p) => p.status === status), status).toBe(true);
    }
    for (const p of products) {
      expect(p.publishedAt === null, `${p.slug} publishedAt`).toBe(p.status !== "ACTIVE" && p.status !== "DELISTED");
    }
  });

  it("gives every active product variants, three media images and a price range matching its variants", () => {
    for (const p of seeded.products.filter((p) => p.status === "ACTIVE")) {
      expect(p.variants.length, p.slug).toBeGreaterThanOrEqual(1);
      expect(p.media, p.slug).toHaveLength(3);
      for (const m of p.media) expect(renderArtSvg(m.url.slice(ART_BASE_PATH.length + 1)), m.url).not.toBeNull();
      const prices = p.variants.map((v) => v.priceFen);
      expect(p.minPriceFen, p.slug).toBe(Math.min(...prices));
      expect(p.maxPriceFen, p.slug).toBe(Math.max(...prices));
    }
  });

  it("keeps money and stock sane: integer fen, discounts above price, no negative stock, some sold-out SKUs", () => {
    const variants = seeded.products.flatMap((p) => p.variants);
    for (const v of variants) {
      expect(Number.isInteger(v.priceFen) && v.priceFen > 0, v.sku).toBe(true);
      expect(v.stock, v.sku).toBeGreaterThanOrEqual(0);
      expect(v.stock, v.sku).toBeLessThanOrEqual(500);
      if (v.compareAtPriceFen !== null) expect(v.compareAtPriceFen, v.sku).toBeGreaterThan(v.priceFen);
    }
    expect(variants.some((v) => v.stock === 0)).toBe(true);
    expect(variants.some((v) => v.stock > 0 && v.stock < 10)).toBe(true);
    expect(variants.some((v) => v.compareAtPriceFen !== null)).toBe(true);
  });

  it("links every SKU to exactly one value of each of its product's options, each combination once", () => {
    let links = 0;
    for (const p of seeded.products) {
      expect(p.options.length, p.slug).toBeGreaterThanOrEqual(1);
      expect(p.options.length, p.slug).toBeLessThanOrEqual(2);
      const expectedSkus = p.options.reduce((n, o) => n * o.values.length, 1);
      expect(p.variants.length, p.slug).toBe(expectedSkus);
      expect(expectedSkus, p.slug).toBeGreaterThanOrEqual(2);
      expect(expectedSkus, p.slug).toBeLessThanOrEqual(9);
      const combos = new Set<string>();
      for (const v of p.variants) {
        expect(v.optionValues.map((ov) => ov.optionId).sort(), v.sku).toEqual(p.options.map((o) => o.id).sort());
        combos.add(v.optionValues.map((ov) => ov.id).sort().join("+"));
        links += v.optionValues.length;
      }
      expect(combos.size, p.slug).toBe(p.variants.length);
    }
    expect(seeded.linkCount).toBe(links);
  });

  it("uses unique ASCII kebab-case slugs and unique SKUs", () => {
    const slugs = seeded.products.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const skus = seeded.products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("writes believable listings: bilingual text, search tags, long-tail sales and ratings in range", () => {
    const active = seeded.products.filter((p) => p.status === "ACTIVE");
    for (const p of active) {
      expect(p.titleZh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.titleEn).toMatch(/^[\x20-\x7e\u2013\u2014]+$/);
      expect(p.descriptionZh.length).toBeGreaterThan(20);
      expect(p.descriptionEn.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
      expect(p.tags.length).toBeGreaterThanOrEqual(3);
      if (p.ratingCount > 0) {
        expect(p.ratingX100).toBeGreaterThanOrEqual(420);
        expect(p.ratingX100).toBeLessThanOrEqual(500);
      }
    }
    const sales = active.map((p) => p.salesCount).sort((a, b) => b - a);
    const median = sales[Math.floor(sales.length / 2)];
    expect(sales[0]).toBeGreaterThan(median * 20);
  });

  it("creates the demo accounts with the documented roles and ownerships", async () => {
    const byEmail = new Map(seeded.users.map((u) => [u.email, u]));
    const roles = (email: string) => [...(byEmail.get(email)?.roles ?? [])].sort();
    expect(roles(DEMO_ACCOUNTS.shopper)).toEqual(["SHOPPER"]);
    expect(roles(DEMO_ACCOUNTS.seller)).toEqual(["SELLER", "SHOPPER"]);
    expect(roles(DEMO_ACCOUNTS.seller2)).toEqual(["SELLER", "SHOPPER"]);
    expect(roles(DEMO_ACCOUNTS.creator)).toEqual(["CREATOR", "SHOPPER"]);
    expect(roles(DEMO_ACCOUNTS.admin)).toEqual(["ADMIN", "SHOPPER"]);

    const ownedShopSlug = (email: string) => {
      const membership = byEmail.get(email)?.shopMemberships.find((m) => m.role === "OWNER");
      return seeded.shops.find((s) => s.id === membership?.shopId)?.slug;
    };
    expect(ownedShopSlug(DEMO_ACCOUNTS.seller)).toBe("nuandao-appliances");
    expect(ownedShopSlug(DEMO_ACCOUNTS.seller2)).toBe("shengyu-audio");
    expect(byEmail.get(DEMO_ACCOUNTS.creator)?.creatorProfile?.handle).toBe("xiaoyu_kitchen");
    expect(byEmail.get(DEMO_ACCOUNTS.shopper)?.shopMemberships).toEqual([]);

    const shopper = byEmail.get(DEMO_ACCOUNTS.shopper)!;
    expect(await verifyPassword(shopper.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(shopper.passwordHash, "wrong-password")).toBe(false);
  });

  it("fills every product's 1–5★ histogram consistently with its rating count and average", () => {
    let rated = 0;
    for (const p of seeded.products) {
      const h = p.ratingHistogram;
      expect(h, p.slug).toHaveLength(5);
      expect(h.every((n) => Number.isInteger(n) && n >= 0), p.slug).toBe(true);
      expect(h.reduce((a, b) => a + b, 0), p.slug).toBe(p.ratingCount);
      if (p.ratingCount > 0) {
        rated++;
        // The histogram's star total is the rounded count × average, so its average is within half a star / count.
        expect(Math.abs(ratingX100FromHistogram(h) - p.ratingX100), p.slug).toBeLessThanOrEqual(Math.ceil(50 / p.ratingCount) + 1);
      }
    }
    expect(rated).toBeGreaterThan(100);
  });

  it("writes reviews by several buyers that fit each product's ratings, some with photos", () => {
    const { reviews, products } = seeded;
    const byProduct = new Map<string, typeof reviews>();
    for (const r of reviews) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
    expect(byProduct.size).toBeGreaterThan(100);
    expect([...byProduct.values()].filter((list) => list.length >= 3).length).toBeGreaterThan(30);
    for (const p of products) {
      const list = byProduct.get(p.id) ?? [];
      for (let star = 1; star <= 5; star++) {
        expect(list.filter((r) => r.rating === star).length, `${p.slug} ${star}★`).toBeLessThanOrEqual(p.ratingHistogram[star - 1]);
      }
      if (list.length) expect(p.status, p.slug).toBe("ACTIVE");
    }
    expect(new Set(reviews.map((r) => r.userId)).size).toBeGreaterThanOrEqual(6);
    const withPhotos = reviews.filter((r) => r.hasMedia);
    expect(withPhotos.length).toBeGreaterThan(20);
    for (const r of withPhotos) {
      expect(r.media.length).toBeGreaterThan(0);
      for (const m of r.media) expect(renderArtSvg(m.url.slice(ART_BASE_PATH.length + 1)), m.url).not.toBeNull();
    }
    expect(reviews.every((r) => !r.hasMedia === (r.media.length === 0))).toBe(true);
    expect(reviews.some((r) => r.sellerReply)).toBe(true);
    // Every review belongs to a completed order item of its author.
    const items = new Map(seeded.orders.flatMap((o) => o.items.map((i) => [i.id, { ...i, order: o }] as const)));
    for (const r of reviews) {
      const item = items.get(r.orderItemId);
      expect(item?.order.userId, r.id).toBe(r.userId);
      expect(item?.order.status, r.id).toBe("COMPLETED");
      expect(item?.productId).toBe(r.productId);
    }
  });

  it("gives the demo shopper orders in every state and the demo seller orders to ship and a request to decide", () => {
    const byEmail = new Map(seeded.users.map((u) => [u.email, u]));
    const shopper = byEmail.get(DEMO_ACCOUNTS.shopper)!;
    const mine = seeded.orders.filter((o) => o.userId === shopper.id);
    expect(new Set(mine.map((o) => o.status))).toEqual(new Set(["PAID", "SHIPPED", "DELIVERED", "COMPLETED", "REFUNDING", "REFUNDED"]));
    expect(mine.some((o) => o.status === "COMPLETED" && o.items.some((i) => i.review?.hasMedia))).toBe(true);
    expect(mine.some((o) => o.status === "DELIVERED" && o.items.every((i) => !i.review))).toBe(true);
    expect(seeded.addresses.filter((a) => a.userId === shopper.id && a.isDefault)).toHaveLength(1);

    const sellerShop = seeded.shops.find((s) => s.slug === "nuandao-appliances")!;
    expect(seeded.orders.filter((o) => o.shopId === sellerShop.id && o.status === "PAID").length).toBeGreaterThanOrEqual(2);
    const open = seeded.orders.flatMap((o) => o.afterSales.map((a) => ({ a, o })));
    expect(open.some(({ a, o }) => a.status === "REQUESTED" && o.shopId === sellerShop.id && o.userId === shopper.id && o.status === "REFUNDING")).toBe(true);
    expect(open.some(({ a, o }) => a.status === "ESCALATED" && o.status === "REFUNDING")).toBe(true);
    for (const { a, o } of open) {
      expect(a.events[0].toStatus, a.id).toBe("REQUESTED");
      if (a.status !== "REFUNDED" && a.status !== "CLOSED") expect(a.orderStatusBefore, a.id).toBe(o.events.find((e) => e.toStatus === "REFUNDING")?.fromStatus);
    }

    for (const o of seeded.orders) {
      const lines = o.items.reduce((sum, i) => sum + i.lineTotalFen, 0);
      expect(o.totalFen, o.id).toBe(lines + o.shippingFeeFen - o.discountFen);
      expect(o.payment?.status, o.id).toBe("SUCCEEDED");
      expect(o.payment?.amountFen, o.id).toBe(o.totalFen);
      for (const i of o.items) expect(i.lineTotalFen, i.id).toBe(i.unitPriceFen * i.quantity - i.discountFen);
      expect(o.events[0].toStatus, o.id).toBe("PENDING_PAYMENT");
      expect(o.events.at(-1)?.toStatus, o.id).toBe(o.status);
      if (o.shippedAt) {
        expect(o.carrier && o.trackingNo, o.id).toBeTruthy();
        expect(o.trackingEvents.length, o.id).toBeGreaterThanOrEqual(3);
      } else {
        expect(o.trackingEvents, o.id).toEqual([]);
      }
      if (o.status === "REFUNDED") expect(o.refundedFen, o.id).toBe(o.totalFen);
      else if (o.status !== "REFUNDING") expect(o.refundedFen, o.id).toBe(0);
      if (o.status === "DELIVERED" || o.status === "SHIPPED") expect(o.autoConfirmAt!.getTime(), o.id).toBeGreaterThan(Date.now());
    }
  });

  it("derives every shop's score from its products' ratings and its refunds", () => {
    for (const shop of seeded.shops) {
      const products = seeded.products.filter((p) => p.shopId === shop.id);
      const stars = products.reduce((sum, p) => sum + p.ratingHistogram.reduce((a, n, i) => a + n * (i + 1), 0), 0);
      const count = products.reduce((sum, p) => sum + p.ratingCount, 0);
      const orders = seeded.orders.filter((o) => o.shopId === shop.id);
      const refunded = orders.flatMap((o) => o.afterSales).filter((a) => a.status === "REFUNDED").length;
      expect(shop.scoreX100, shop.slug).toBe(shopScoreX100({ ratingStars: stars, ratingCount: count, paidOrders: orders.length, refundedAfterSales: refunded }));
    }
  });

  it("is deterministic: a second run writes the same catalog", async () => {
    const again = await inRolledBackTransaction(testDb, seedAndRead);
    expect(fingerprint(again)).toEqual(fingerprint(seeded));
    expect(tradeFingerprint(again)).toEqual(tradeFingerprint(seeded));
  });
});
