// Reviews through the tRPC router on a real database: who may review, the product's rating and
// histogram under concurrency, photos from the upload store, seller replies and the public list.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { createCompletedOrder, createDeliveredOrder, createPaidOrder, createShippedOrder } from "@/tests/factories/trade";

// Uploads go to a private directory (env is read when the modules below are first imported).
const uploadsDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/mall-review-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

const { createCaller } = await import("@/server/api/root");
const { storeImageUpload, uploadStorage } = await import("@/server/media/uploads");
const { ratingX100FromHistogram, shopScoreX100 } = await import("@/server/review/review.rules");

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

const shopper = (id: string): SessionUser => ({ id, roles: ["SHOPPER"] });
const seller = (id: string): SessionUser => ({ id, roles: ["SHOPPER", "SELLER"] });
const as = (user: SessionUser) => createCaller({ db, user });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function photo(ownerId: string): Promise<string> {
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
  return (await storeImageUpload(uploadStorage(), ownerId, png)).url;
}

async function product(productId: string) {
  return db.product.findUniqueOrThrow({ where: { id: productId }, select: { ratingCount: true, ratingX100: true, ratingHistogram: true, shopId: true } });
}

async function expectedShopScore(shopId: string): Promise<number> {
  const products = await db.product.findMany({ where: { shopId }, select: { ratingHistogram: true } });
  const stars = products.reduce((s, p) => s + p.ratingHistogram.reduce((a, n, i) => a + n * (i + 1), 0), 0);
  const count = products.reduce((s, p) => s + p.ratingHistogram.reduce((a, n) => a + n, 0), 0);
  return shopScoreX100({
    ratingStars: stars,
    ratingCount: count,
    paidOrders: await db.order.count({ where: { shopId, paidAt: { not: null } } }),
    refundedAfterSales: await db.afterSale.count({ where: { status: "REFUNDED", order: { shopId } } }),
  });
}

describe("writing a review", () => {
  it("the buyer reviews a delivered item: rating, histogram, shop score; a second review is a CONFLICT", async () => {
    const delivered = await createDeliveredOrder(db);
    const item = delivered.items[0];
    const me = as(shopper(delivered.buyerId));
    expect((await me.review.prepare({ orderItemId: item.id })).blocked).toBeNull();

    const { id } = await me.review.create({ orderItemId: item.id, rating: 4, body: "做工不错，物流很快" });
    expect(await product(item.productId)).toMatchObject({ ratingCount: 1, ratingX100: 400, ratingHistogram: [0, 0, 0, 1, 0] });
    const shop = await db.shop.findUniqueOrThrow({ where: { id: delivered.shopId } });
    expect(shop.scoreX100).toBe(await expectedShopScore(delivered.shopId));
    expect(shop.scoreX100).toBe(Math.round((400 + 480 * 20) / 21));

    const again = await failure(me.review.create({ orderItemId: item.id, rating: 5 }));
    expect(again.code).toBe("CONFLICT");
    expect(await product(item.productId)).toMatchObject({ ratingCount: 1 });
    const prepared = await me.review.prepare({ orderItemId: item.id });
    expect(prepared.blocked).toBe("reviewed");
    expect(prepared.review?.id).toBe(id);
  });

  it("refuses a non-buyer (NOT_FOUND) and an undelivered order (CONFLICT)", async () => {
    const delivered = await createDeliveredOrder(db);
    const stranger = as(shopper((await createUser(db)).id));
    expect((await failure(stranger.review.create({ orderItemId: delivered.items[0].id, rating: 1, body: "刷差评" }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.review.prepare({ orderItemId: delivered.items[0].id }))).code).toBe("NOT_FOUND");

    for (const order of [await createPaidOrder(db), await createShippedOrder(db)]) {
      const err = await failure(as(shopper(order.buyerId)).review.create({ orderItemId: order.items[0].id, rating: 5 }));
      expect(err.code).toBe("CONFLICT");
      expect((await as(shopper(order.buyerId)).review.prepare({ orderItemId: order.items[0].id })).blocked).toBe("not_delivered");
    }
    expect(await db.review.count({ where: { orderItemId: delivered.items[0].id } })).toBe(0);
  });

  it("validates rating and body length, naming the field", async () => {
    const done = await createCompletedOrder(db);
    const me = as(shopper(done.buyerId));
    expect((await failure(me.review.create({ orderItemId: done.items[0].id, rating: 6 }))).message).toMatch(/^rating/);
    expect((await failure(me.review.create({ orderItemId: done.items[0].id, rating: 0 }))).message).toMatch(/^rating/);
    expect((await failure(me.review.create({ orderItemId: done.items[0].id, rating: 5, body: "好".repeat(501) }))).message).toMatch(/^body/);
  });

  it("stores markup as plain text", async () => {
    const delivered = await createDeliveredOrder(db);
    const body = `<script>alert("x")</script><img src=x onerror=alert(1)> 好评`;
    await as(shopper(delivered.buyerId)).review.create({ orderItemId: delivered.items[0].id, rating: 5, body });
    const page = await as(shopper(delivered.buyerId)).review.listForProduct({ productId: delivered.items[0].productId });
    expect(page.items[0].body).toBe(body);
  });
});

describe("photos", () => {
  it("accepts the author's own uploads, refuses other people's and foreign URLs", async () => {
    const delivered = await createDeliveredOrder(db);
    const me = as(shopper(delivered.buyerId));
    const itemId = delivered.items[0].id;
    const someoneElse = await photo((await createUser(db)).id);
    const mine = [await photo(delivered.buyerId), await photo(delivered.buyerId)];

    for (const bad of [[someoneElse], ["https://evil.example/x.jpg"], ["/media/art/product/kettle/p1-1.svg"], [mine[0].replace(/[a-f0-9]{24}/, "0".repeat(24))], [mine[0], mine[0]]]) {
      const err = await failure(me.review.create({ orderItemId: itemId, rating: 5, mediaUrls: bad }));
      expect(err.code, bad.join()).toBe("BAD_REQUEST");
      expect(err.message).toContain("mediaUrls");
    }
    const seven = await failure(me.review.create({ orderItemId: itemId, rating: 5, mediaUrls: Array.from({ length: 7 }, (_, i) => `${mine[0]}?${i}`) }));
    expect(seven.message).toContain("mediaUrls");
    expect(await db.review.count({ where: { orderItemId: itemId } })).toBe(0);

    await me.review.create({ orderItemId: itemId, rating: 5, body: "有图有真相", mediaUrls: mine });
    const page = await me.review.listForProduct({ productId: delivered.items[0].productId, filter: "withMedia" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].media).toEqual(mine.map((url) => ({ url, width: 300, height: 200 })));
  });
});

describe("ratings under concurrency", () => {
  it("20 parallel reviews of one product: count, histogram and average exact", async () => {
    const first = await createDeliveredOrder(db, { stock: 100 });
    const variantId = first.product!.variants[0].id;
    const orders = [first];
    for (let i = 1; i < 20; i++) {
      orders.push(await createDeliveredOrder(db, { shopId: first.shopId, sellerId: first.sellerId!, lines: [{ variantId, quantity: 1 }] }));
    }
    const ratings = orders.map((_, i) => (i % 5) + 1).map((r, i) => (i < 8 ? 5 : r));
    const results = await Promise.allSettled(
      orders.map((o, i) => as(shopper(o.buyerId)).review.create({ orderItemId: o.items[0].id, rating: ratings[i], body: `第 ${i} 条` })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const histogram = [1, 2, 3, 4, 5].map((s) => ratings.filter((r) => r === s).length);
    const p = await product(first.items[0].productId);
    expect(p.ratingHistogram).toEqual(histogram);
    expect(p.ratingCount).toBe(20);
    expect(p.ratingX100).toBe(ratingX100FromHistogram(histogram));
    expect(p.ratingX100).toBe(Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / 20));
    expect((await db.shop.findUniqueOrThrow({ where: { id: first.shopId } })).scoreX100).toBe(await expectedShopScore(first.shopId));

    const summary = await as(shopper(first.buyerId)).review.summary({ productId: first.items[0].productId });
    expect(summary).toMatchObject({ count: 20, histogram, writtenCount: 20, withMediaCount: 0 });
  });
});

describe("seller replies and the public list", () => {
  it("a member of the shop replies once; another shop's seller is FORBIDDEN", async () => {
    const delivered = await createDeliveredOrder(db);
    const me = as(shopper(delivered.buyerId));
    const { id } = await me.review.create({ orderItemId: delivered.items[0].id, rating: 2, body: "有点小" });
    const other = await createPaidOrder(db);
    expect((await failure(as(seller(other.sellerId!)).review.reply({ reviewId: id, body: "抢答" }))).code).toBe("FORBIDDEN");
    expect((await failure(me.review.reply({ reviewId: id, body: "自问自答" }))).code).toBe("FORBIDDEN");
    expect((await db.review.findUniqueOrThrow({ where: { id } })).sellerReply).toBeNull();

    const shop = as(seller(delivered.sellerId!));
    expect((await shop.review.listForSeller({ filter: "unreplied" })).items.map((r) => r.id)).toContain(id);
    await shop.review.reply({ reviewId: id, body: "亲，可以换大一号哦" });
    expect((await failure(shop.review.reply({ reviewId: id, body: "再说一次" }))).code).toBe("CONFLICT");
    expect((await shop.review.listForSeller({ filter: "unreplied" })).items.map((r) => r.id)).not.toContain(id);

    const page = await as(shopper(other.buyerId)).review.listForProduct({ productId: delivered.items[0].productId });
    expect(page.items[0]).toMatchObject({ id, sellerReply: "亲，可以换大一号哦", rating: 2 });
  });

  it("lists photos first, masks names, filters by stars and pages without repeats", async () => {
    const first = await createDeliveredOrder(db, { stock: 100 });
    const variantId = first.product!.variants[0].id;
    const productId = first.items[0].productId;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const buyer = await createUser(db, { name: `王小${i}` });
      const o =
        i === 0 ? first : await createDeliveredOrder(db, { buyerId: buyer.id, shopId: first.shopId, sellerId: first.sellerId!, lines: [{ variantId, quantity: 1 }] });
      const mediaUrls = i === 2 ? [await photo(o.buyerId)] : [];
      ids.push((await as(shopper(o.buyerId)).review.create({ orderItemId: o.items[0].id, rating: i % 2 ? 3 : 5, mediaUrls })).id);
    }
    const anon = createCaller({ db, user: null });
    const firstPage = await anon.review.listForProduct({ productId, limit: 3 });
    expect(firstPage.items[0].id).toBe(ids[2]);
    expect(firstPage.items[1].id).toBe(ids[6]);
    expect(firstPage.items[1].buyerName).toBe("王**");
    const seen = [...firstPage.items.map((r) => r.id)];
    let cursor = firstPage.nextCursor;
    while (cursor) {
      const next = await anon.review.listForProduct({ productId, limit: 3, cursor });
      seen.push(...next.items.map((r) => r.id));
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    const threes = await anon.review.listForProduct({ productId, stars: 3 });
    expect(threes.items.map((r) => r.rating)).toEqual([3, 3, 3]);
  });
});
