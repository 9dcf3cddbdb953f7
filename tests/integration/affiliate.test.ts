// Creators and affiliation through the tRPC router on a real database: the storefront, showcase
// editing (own showcase only), sellers' commission plans (own shop only), cookie attribution,
// commissions written at checkout, settled after the after-sales window, reversed on refund and
// on cancellation.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createUser, uniqueSuffix } from "@/tests/factories/catalog";
import { createAddressFor, createSkus } from "@/tests/factories/shopping";
import { transitionOrder } from "@/server/order/order-state";
import { settleCommissions } from "@/server/affiliate/commission.service";
import type { AffiliateRef } from "@/server/affiliate/affiliate-cookie";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const DAY = 24 * 60 * 60 * 1000;
const as = (user: SessionUser, extra: { affiliate?: AffiliateRef | null } = {}) => createCaller({ db, user, ...extra });
const anonymous = () => createCaller({ db, user: null });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function createCreator() {
  const user = await createUser(db, { roles: ["SHOPPER", "CREATOR"] });
  const handle = `t_${uniqueSuffix()}`;
  const creator = await db.creatorProfile.create({
    data: { userId: user.id, handle, displayName: `达人 ${handle}`, bioZh: "简介", bioEn: "Bio", avatarUrl: "/media/art/avatar/test.svg", tags: ["测试"] },
  });
  return { user: { id: user.id, roles: ["SHOPPER", "CREATOR"] } as SessionUser, creator };
}

async function createSeller() {
  const user = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  return { id: user.id, roles: ["SHOPPER", "SELLER"] } as SessionUser;
}

/** A shop owned by a new seller with `n` products at the given prices; optional shop-wide plan. */
async function shopWithProducts(prices: number[], shopRateBp?: number) {
  const seller = await createSeller();
  const first = await createSkus(db, { shop: { slug: `shop-${uniqueSuffix()}` }, variants: [{ priceFen: prices[0], stock: 50 }] });
  await db.shopMember.create({ data: { shopId: first.shop.id, userId: seller.id, role: "OWNER" } });
  const products = [first];
  for (const price of prices.slice(1)) products.push(await createSkus(db, { shopId: first.shop.id, variants: [{ priceFen: price, stock: 50 }] }));
  if (shopRateBp) await db.commissionPlan.create({ data: { shopId: first.shop.id, rateBp: shopRateBp } });
  return { seller, shop: first.shop, products: products.map((p) => ({ product: p.product, variant: p.variants[0] })) };
}

async function shopper() {
  const user = await createUser(db);
  const address = await createAddressFor(db, user.id);
  return { user: { id: user.id, roles: ["SHOPPER"] } as SessionUser, address };
}

async function buyNow(buyer: { user: SessionUser; address: { id: string } }, variantId: string, quantity: number, extra: Parameters<typeof as>[1] = {}, creatorId?: string) {
  return as(buyer.user, extra).checkout.place({
    idempotencyKey: crypto.randomUUID(),
    addressId: buyer.address.id,
    source: {
      buyNow: {
        variantId,
        quantity,
        ...(creatorId ? { attribution: { field: "CONTENT" as const, channel: "STOREFRONT" as const, sourceId: creatorId, creatorId } } : {}),
      },
    },
  });
}

/** Marks an order paid with a sandbox payment, as the payment callback would. */
async function pay(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: { checkoutId: order.checkoutId, userId: order.userId, provider: "sandbox", amountFen: order.totalFen, status: "SUCCEEDED", providerRef: `sbx_${uniqueSuffix()}`, paidAt: new Date() },
    });
    await tx.order.update({ where: { id: orderId }, data: { paymentId: payment.id } });
    await transitionOrder(tx, orderId, "PAID", { type: "PROVIDER", id: "sandbox" }, { from: ["PENDING_PAYMENT"], data: { paidAt: new Date() } });
  });
}

async function complete(orderId: string, completedAt: Date) {
  await db.$transaction(async (tx) => {
    await transitionOrder(tx, orderId, "SHIPPED", { type: "SYSTEM" }, { from: ["PAID"], data: { shippedAt: completedAt, carrier: "SF", trackingNo: `SF${uniqueSuffix()}` } });
    await transitionOrder(tx, orderId, "DELIVERED", { type: "SYSTEM" }, { from: ["SHIPPED"], data: { deliveredAt: completedAt } });
    await transitionOrder(tx, orderId, "COMPLETED", { type: "SYSTEM" }, { from: ["DELIVERED"], data: { completedAt } });
  });
}

const commissionOf = (orderId: string) => db.commission.findFirst({ where: { orderId } });

describe("storefront", () => {
  it("shows visible showcase products in the creator's order with pitches, published videos and upcoming live sessions", async () => {
    const { user, creator } = await createCreator();
    const { products } = await shopWithProducts([1000, 2000, 3000], 1000);
    for (const p of products) await as(user).affiliate.showcase.add({ productId: p.product.id });
    await as(user).affiliate.showcase.move({ productId: products[2].product.id, direction: "up" });
    await as(user).affiliate.showcase.setPitch({ productId: products[0].product.id, pitch: "  好用  " });
    await db.product.update({ where: { id: products[1].product.id }, data: { status: "DELISTED" } });
    await db.post.createMany({
      data: [
        { authorUserId: user.id, creatorId: creator.id, caption: "published", posterUrl: "/p.jpg" },
        { authorUserId: user.id, creatorId: creator.id, caption: "hidden", posterUrl: "/p.jpg", status: "HIDDEN" },
      ],
    });
    await db.liveSession.createMany({
      data: [
        { creatorId: creator.id, titleZh: "明天", titleEn: "Tomorrow", scheduledStartAt: new Date(Date.now() + DAY) },
        { creatorId: creator.id, titleZh: "昨天", titleEn: "Yesterday", scheduledStartAt: new Date(Date.now() - DAY) },
      ],
    });

    const sf = await anonymous().affiliate.storefront({ handle: creator.handle.toUpperCase() });
    expect(sf.creator).toMatchObject({ id: creator.id, handle: creator.handle, tags: ["测试"], followerCount: 0 });
    expect(sf.items.map((i) => [i.product.id, i.pitch])).toEqual([
      [products[0].product.id, "好用"],
      [products[2].product.id, ""],
    ]);
    expect(sf.videos.map((v) => v.caption)).toEqual(["published"]);
    expect(sf.live.map((l) => l.titleEn)).toEqual(["Tomorrow"]);
    expect(sf).toMatchObject({ isSignedIn: false, isFollowing: false, isOwner: false });
    expect((await as(user).affiliate.storefront({ handle: creator.handle })).isOwner).toBe(true);
    expect((await failure(anonymous().affiliate.storefront({ handle: "no_such_creator_x" }))).code).toBe("NOT_FOUND");
    expect(await failure(anonymous().affiliate.storefront({ handle: "<script>" }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("handle") });
  });
});

describe("showcase", () => {
  it("adds (once), reorders, edits pitches and removes; only products open for affiliation", async () => {
    const { user, creator } = await createCreator();
    const { products } = await shopWithProducts([1000, 2000, 3000], 1500);
    const ids = products.map((p) => p.product.id);
    for (const id of ids) await as(user).affiliate.showcase.add({ productId: id });
    const again = await as(user).affiliate.showcase.add({ productId: ids[0] });
    expect(again.items.map((i) => i.product.id)).toEqual(ids);
    expect(again.items.every((i) => i.rateBp === 1500)).toBe(true);

    const moved = await as(user).affiliate.showcase.move({ productId: ids[2], direction: "up" });
    expect(moved.items.map((i) => i.product.id)).toEqual([ids[0], ids[2], ids[1]]);
    const top = await as(user).affiliate.showcase.move({ productId: ids[0], direction: "up" });
    expect(top.items.map((i) => i.product.id)).toEqual([ids[0], ids[2], ids[1]]);
    const removed = await as(user).affiliate.showcase.remove({ productId: ids[2] });
    expect(removed.items.map((i) => i.product.id)).toEqual([ids[0], ids[1]]);

    const tooLong = await failure(as(user).affiliate.showcase.setPitch({ productId: ids[0], pitch: "好".repeat(81) }));
    expect(tooLong).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("pitch") });
    expect((await db.showcaseItem.findUniqueOrThrow({ where: { creatorId_productId: { creatorId: creator.id, productId: ids[0] } } })).pitch).toBe("");

    const noPlan = await shopWithProducts([5000]);
    const err = await failure(as(user).affiliate.showcase.add({ productId: noPlan.products[0].product.id }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("productId") });
    const hidden = await shopWithProducts([5000], 1000);
    await db.product.update({ where: { id: hidden.products[0].product.id }, data: { status: "DRAFT" } });
    expect((await failure(as(user).affiliate.showcase.add({ productId: hidden.products[0].product.id }))).code).toBe("NOT_FOUND");
    expect(await db.showcaseItem.count({ where: { creatorId: creator.id } })).toBe(2);
  });

  it("a creator can never change another creator's showcase; non-creators are refused", async () => {
    const a = await createCreator();
    const b = await createCreator();
    const { products } = await shopWithProducts([1000, 2000], 1000);
    await as(a.user).affiliate.showcase.add({ productId: products[0].product.id });
    await as(a.user).affiliate.showcase.add({ productId: products[1].product.id });
    const before = await db.showcaseItem.findMany({ where: { creatorId: a.creator.id }, orderBy: { position: "asc" } });

    expect((await failure(as(b.user).affiliate.showcase.remove({ productId: products[0].product.id }))).code).toBe("NOT_FOUND");
    expect((await failure(as(b.user).affiliate.showcase.move({ productId: products[1].product.id, direction: "up" }))).code).toBe("NOT_FOUND");
    expect((await failure(as(b.user).affiliate.showcase.setPitch({ productId: products[0].product.id, pitch: "hacked" }))).code).toBe("NOT_FOUND");
    // Extra keys naming another creator are stripped: B only ever edits B's own showcase.
    await as(b.user).affiliate.showcase.add({ productId: products[0].product.id, creatorId: a.creator.id } as { productId: string });
    expect(await db.showcaseItem.count({ where: { creatorId: b.creator.id } })).toBe(1);

    const shopperUser = await createUser(db);
    expect((await failure(as({ id: shopperUser.id, roles: ["SHOPPER"] }).affiliate.showcase.add({ productId: products[0].product.id }))).code).toBe("FORBIDDEN");
    expect((await failure(anonymous().affiliate.showcase.get())).code).toBe("UNAUTHORIZED");
    expect(await db.showcaseItem.findMany({ where: { creatorId: a.creator.id }, orderBy: { position: "asc" } })).toEqual(before);
  });
});

describe("selection pool", () => {
  it("lists products with an active plan, their rate and estimated commission, filtered and sorted", async () => {
    const { user } = await createCreator();
    const tag = `池${uniqueSuffix()}`;
    const { shop, products } = await shopWithProducts([10000, 20000, 30000], 1000);
    for (const [i, p] of products.entries()) await db.product.update({ where: { id: p.product.id }, data: { titleZh: `${tag} ${i}`, salesCount: i } });
    await db.commissionPlan.create({ data: { shopId: shop.id, productId: products[0].product.id, rateBp: 3000 } });
    await db.commissionPlan.create({ data: { shopId: shop.id, productId: products[1].product.id, rateBp: 500, isActive: false } });

    const byRate = await as(user).affiliate.pool({ q: tag, sort: "rate" });
    expect(byRate.items.map((i) => [i.product.id, i.rateBp, i.estimatedFen])).toEqual([
      [products[0].product.id, 3000, 3000],
      [products[2].product.id, 1000, 3000],
      [products[1].product.id, 1000, 2000],
    ]);
    const bySales = await as(user).affiliate.pool({ q: tag, sort: "sales" });
    expect(bySales.items.map((i) => i.product.id)).toEqual([products[2].product.id, products[1].product.id, products[0].product.id]);
    const min = await as(user).affiliate.pool({ q: tag, minRate: 20 });
    expect(min.items.map((i) => i.product.id)).toEqual([products[0].product.id]);
    expect(await failure(as(user).affiliate.pool({ minRate: 95 }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("minRate") });
  });
});

describe("seller commission plans", () => {
  it("the shop's seller sets shop-wide and product plans; another shop's seller cannot touch them", async () => {
    const a = await shopWithProducts([1000]);
    const b = await shopWithProducts([2000]);
    const shopPlan = await as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, rateBp: 1200 });
    const productPlan = await as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, productId: a.products[0].product.id, rateBp: 2500 });
    expect((await as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, rateBp: 1300 })).id).toBe(shopPlan.id);
    const list = await as(a.seller).affiliate.plans.list({ shopId: a.shop.id });
    expect(list.shopPlan).toMatchObject({ rateBp: 1300, isActive: true });
    expect(list.products[0].plan).toMatchObject({ id: productPlan.id, rateBp: 2500 });

    const plansBefore = await db.commissionPlan.findMany({ where: { shopId: { in: [a.shop.id, b.shop.id] } }, orderBy: { id: "asc" } });
    expect((await failure(as(b.seller).affiliate.plans.upsert({ shopId: a.shop.id, rateBp: 9000 }))).code).toBe("FORBIDDEN");
    expect((await failure(as(b.seller).affiliate.plans.upsert({ shopId: a.shop.id, productId: a.products[0].product.id, rateBp: 9000 }))).code).toBe("FORBIDDEN");
    expect((await failure(as(b.seller).affiliate.plans.deactivate({ planId: shopPlan.id }))).code).toBe("FORBIDDEN");
    expect((await failure(as(b.seller).affiliate.plans.list({ shopId: a.shop.id }))).code).toBe("FORBIDDEN");
    // A product of shop B under shop A's id is not A's product.
    expect((await failure(as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, productId: b.products[0].product.id, rateBp: 1000 }))).code).toBe("NOT_FOUND");
    expect(await failure(as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, rateBp: 9500 }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("rateBp") });
    expect(await failure(as(a.seller).affiliate.plans.upsert({ shopId: a.shop.id, rateBp: 50 }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("rateBp") });
    expect(await db.commissionPlan.findMany({ where: { shopId: { in: [a.shop.id, b.shop.id] } }, orderBy: { id: "asc" } })).toEqual(plansBefore);

    expect(await as(a.seller).affiliate.plans.deactivate({ planId: productPlan.id })).toMatchObject({ isActive: false });
  });
});

describe("attribution and commissions", () => {
  it("the affiliate cookie credits a showcase product added without a creator in its link; a link's creator wins", async () => {
    const a = await createCreator();
    const b = await createCreator();
    const { products } = await shopWithProducts([1000, 2000], 1000);
    await as(a.user).affiliate.showcase.add({ productId: products[0].product.id });
    const buyer = await shopper();
    const cookie: AffiliateRef = { kind: "handle", handle: a.creator.handle, at: Date.now() - 3 * DAY };

    const cart = await as(buyer.user, { affiliate: cookie }).cart.add({ variantId: products[0].variant.id, quantity: 1 });
    expect(cart.shops[0].items[0].attribution).toEqual({ field: "CONTENT", channel: "STOREFRONT", sourceId: a.creator.id, creatorId: a.creator.id });
    // Not in the creator's showcase: no credit.
    const other = await as(buyer.user, { affiliate: cookie }).cart.add({ variantId: products[1].variant.id, quantity: 1 });
    const line = other.shops[0].items.find((i) => i.variantId === products[1].variant.id)!;
    expect(line.attribution.creatorId).toBeNull();

    // Older than 7 days: no credit. A link naming creator B beats A's cookie.
    const stale = await buyNow(buyer, products[0].variant.id, 1, { affiliate: { ...cookie, at: Date.now() - 8 * DAY } });
    expect((await db.orderItem.findFirstOrThrow({ where: { orderId: stale.orderIds[0] } })).attrCreatorId).toBeNull();
    await as(b.user).affiliate.showcase.add({ productId: products[0].product.id });
    const linked = await buyNow(buyer, products[0].variant.id, 1, { affiliate: cookie }, b.creator.id);
    expect((await db.orderItem.findFirstOrThrow({ where: { orderId: linked.orderIds[0] } })).attrCreatorId).toBe(b.creator.id);
    const cookieOnly = await buyNow(buyer, products[0].variant.id, 2, { affiliate: { kind: "creator", creatorId: a.creator.id, at: Date.now() } });
    expect(await db.orderItem.findFirstOrThrow({ where: { orderId: cookieOnly.orderIds[0] } })).toMatchObject({ attrCreatorId: a.creator.id, attrChannel: "STOREFRONT", attrField: "CONTENT" });
    expect(await commissionOf(cookieOnly.orderIds[0])).toMatchObject({ creatorId: a.creator.id, rateBp: 1000, baseFen: 2000, amountFen: 200, status: "PENDING" });
  });

  it("checkout writes floor(rate × line total) with the product plan over the shop plan; none without a plan or on one's own purchase", async () => {
    const { user, creator } = await createCreator();
    const { shop, products } = await shopWithProducts([3333, 5000], 1000);
    await db.commissionPlan.create({ data: { shopId: shop.id, productId: products[0].product.id, rateBp: 1550 } });
    const buyer = await shopper();
    const placed = await buyNow(buyer, products[0].variant.id, 3, {}, creator.id);
    // 15.5 % of 99.99 yuan = 15.49845 yuan → 1549 fen.
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ rateBp: 1550, baseFen: 9999, amountFen: 1549, status: "PENDING", channel: "STOREFRONT", shopId: shop.id });
    const shopRate = await buyNow(buyer, products[1].variant.id, 1, {}, creator.id);
    expect(await commissionOf(shopRate.orderIds[0])).toMatchObject({ rateBp: 1000, amountFen: 500 });

    const noPlan = await shopWithProducts([4000]);
    const none = await buyNow(buyer, noPlan.products[0].variant.id, 1, {}, creator.id);
    expect(await commissionOf(none.orderIds[0])).toBeNull();
    const ownAddress = await createAddressFor(db, user.id);
    const own = await buyNow({ user, address: ownAddress }, products[1].variant.id, 1, {}, creator.id);
    expect(await commissionOf(own.orderIds[0])).toBeNull();
  });

  it("settles only after the after-sales window of a completed order, once, and not while an after-sale is open", async () => {
    const { user, creator } = await createCreator();
    const { products } = await shopWithProducts([10000, 10000], 2000);
    const buyer = await shopper();
    const first = await buyNow(buyer, products[0].variant.id, 1, {}, creator.id);
    const second = await buyNow(buyer, products[1].variant.id, 1, {}, creator.id);
    for (const o of [first, second]) await pay(o.orderIds[0]);
    const completedAt = new Date(Date.now() - DAY);
    await complete(first.orderIds[0], completedAt);
    await complete(second.orderIds[0], completedAt);
    const secondItem = await db.orderItem.findFirstOrThrow({ where: { orderId: second.orderIds[0] } });
    await as(buyer.user).afterSale.request({ orderItemId: secondItem.id, kind: "REFUND_ONLY", quantity: 1, amountFen: 10000, reason: "quality_issue", description: "坏了" });

    expect(await settleCommissions(db, new Date(), { afterSalesDays: 15, creatorId: creator.id })).toBe(0);
    const later = new Date(completedAt.getTime() + 15 * DAY + 1000);
    const runs = await Promise.all([1, 2, 3].map(() => settleCommissions(db, later, { afterSalesDays: 15, creatorId: creator.id })));
    expect(runs.reduce((s, n) => s + n, 0)).toBe(1);
    expect(await commissionOf(first.orderIds[0])).toMatchObject({ status: "SETTLED", amountFen: 2000, settledAt: later });
    expect(await commissionOf(second.orderIds[0])).toMatchObject({ status: "PENDING" });

    const earnings = await as(user).affiliate.earnings({});
    expect(earnings.totals).toEqual({ pendingFen: 2000, settledFen: 2000, reversedFen: 0, count: 2 });
    expect(earnings.byChannel).toEqual([{ channel: "STOREFRONT", pendingFen: 2000, settledFen: 2000, reversedFen: 0, count: 2 }]);
    expect(earnings.items[0].orderNoMasked).toContain("*");
  });

  it("a refund reverses the commission in proportion; a full refund reverses it all", async () => {
    const { creator } = await createCreator();
    const { seller, products } = await shopWithProducts([10000], 1000);
    const buyer = await shopper();
    const placed = await buyNow(buyer, products[0].variant.id, 3, {}, creator.id);
    await pay(placed.orderIds[0]);
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: placed.orderIds[0] } });
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ amountFen: 3000, reversedFen: 0 });

    const one = await as(buyer.user).afterSale.request({ orderItemId: item.id, kind: "REFUND_ONLY", quantity: 1, amountFen: 10000, reason: "no_longer_needed", description: "" });
    await as(seller).afterSale.approve({ id: one.id });
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ status: "PENDING", reversedFen: 1000 });

    const rest = await as(buyer.user).afterSale.request({ orderItemId: item.id, kind: "REFUND_ONLY", quantity: 2, amountFen: 20000, reason: "no_longer_needed", description: "" });
    await as(seller).afterSale.approve({ id: rest.id });
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ status: "REVERSED", reversedFen: 3000, reversedAt: expect.any(Date) });
  });

  it("cancelling an unpaid order reverses its commission whole", async () => {
    const { creator } = await createCreator();
    const { products } = await shopWithProducts([8800], 1000);
    const buyer = await shopper();
    const placed = await buyNow(buyer, products[0].variant.id, 1, {}, creator.id);
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ status: "PENDING", amountFen: 880 });
    await as(buyer.user).order.cancel({ id: placed.orderIds[0], reason: "不想要了" });
    expect(await commissionOf(placed.orderIds[0])).toMatchObject({ status: "REVERSED", reversedFen: 880 });
  });
});
