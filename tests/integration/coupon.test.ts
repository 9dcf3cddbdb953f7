// Coupons end to end through the routers: claiming (limits, members only, parallel claims),
// redemption at checkout (best combination, exact allocation, one-use under parallel checkouts),
// cancellation freeing coupons, and who may manage which coupons. On PostgreSQL (DATABASE_URL) the
// parallel calls really run in parallel over a 20-connection pool; every assertion is scoped to
// rows this file created.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { createPgDb, type Db } from "@/server/db/client";
import { env } from "@/server/env";
import type { Prisma } from "@/server/generated/prisma/client";
import { cancelUnpaidOrder } from "@/server/order/cancel";
import { createTestDb } from "@/tests/factories/db";
import { createShop, createUser } from "@/tests/factories/catalog";
import { callerFor, createAddressFor, createSkus } from "@/tests/factories/shopping";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  if (env.DATABASE_URL) {
    const pg = createPgDb(env.DATABASE_URL, { poolMax: 20 });
    db = pg;
    close = () => pg.$disconnect();
  } else {
    ({ db, close } = await createTestDb());
  }
});
afterAll(async () => {
  await close();
});

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const DAY = 86_400_000;
const key = () => crypto.randomUUID();

async function coupon(data: Partial<Prisma.CouponUncheckedCreateInput> & Pick<Prisma.CouponUncheckedCreateInput, "kind">) {
  return db.coupon.create({
    data: {
      scope: data.shopId ? "SHOP" : "PLATFORM",
      titleZh: "测试券",
      titleEn: "Test coupon",
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + 10 * DAY),
      totalQuantity: 100,
      ...data,
    },
  });
}

async function shopper() {
  const user = await createUser(db);
  const address = await createAddressFor(db, user.id);
  return { user, address, me: callerFor(db, { userId: user.id }) };
}

function seller(userId: string) {
  return createCaller({ db, user: { id: userId, roles: ["SHOPPER", "SELLER"] } });
}

describe("claiming", () => {
  it("claims into the wallet, marks it claimed, and refuses past the per-user limit", async () => {
    const { shop } = await createSkus(db);
    const c = await coupon({ shopId: shop.id, kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900, perUserLimit: 2 });
    const { me } = await shopper();
    const before = await me.coupon.claimable({ shopId: shop.id });
    expect(before.coupons.find((x) => x.id === c.id)).toMatchObject({ claimedByMe: 0, isSoldOut: false, thresholdFen: 19900 });
    await me.coupon.claim({ couponId: c.id });
    expect(await me.coupon.claim({ couponId: c.id })).toMatchObject({ claimedByMe: 2 });
    const err = await failure(me.coupon.claim({ couponId: c.id }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/^couponId: you already have it/);
    const wallet = await me.coupon.wallet({ status: "AVAILABLE" });
    expect(wallet.items.filter((i) => i.coupon.id === c.id)).toHaveLength(2);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: c.id } })).claimedCount).toBe(2);
  });

  it("20 parallel claims of a 5-quantity coupon by different users: exactly 5 succeed", async () => {
    const { shop } = await createSkus(db);
    const c = await coupon({ shopId: shop.id, kind: "FIXED", amountFen: 500, totalQuantity: 5 });
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser(db)));
    const results = await Promise.allSettled(users.map((u) => callerFor(db, { userId: u.id }).coupon.claim({ couponId: c.id })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(5);
    for (const f of failed) expect((f.reason as TRPCError).message).toBe("couponId: this coupon has run out");
    expect(await db.userCoupon.count({ where: { couponId: c.id } })).toBe(5);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: c.id } })).claimedCount).toBe(5);
  });

  it("parallel claims by one user never pass the per-user limit", async () => {
    const { shop } = await createSkus(db);
    const c = await coupon({ shopId: shop.id, kind: "FIXED", amountFen: 500, perUserLimit: 2 });
    const { user, me } = await shopper();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => me.coupon.claim({ couponId: c.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await db.userCoupon.count({ where: { couponId: c.id, userId: user.id } })).toBe(2);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: c.id } })).claimedCount).toBe(2);
  });

  it("members-only coupons need the shop's membership", async () => {
    const { shop } = await createSkus(db);
    const c = await coupon({ shopId: shop.id, kind: "FIXED", amountFen: 500, memberOnly: true });
    const { user, me } = await shopper();
    const err = await failure(me.coupon.claim({ couponId: c.id }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe("couponId: members only — join the shop's membership first");
    expect(await db.userCoupon.count({ where: { couponId: c.id } })).toBe(0);
    await db.shopMembership.create({ data: { shopId: shop.id, userId: user.id } });
    await expect(me.coupon.claim({ couponId: c.id })).resolves.toMatchObject({ claimedByMe: 1 });
  });

  it("refuses coupons outside their window or deactivated, and bad input names the field", async () => {
    const { shop } = await createSkus(db);
    const ended = await coupon({ shopId: shop.id, kind: "FIXED", amountFen: 500, endsAt: new Date(Date.now() - 1000) });
    const off = await coupon({ shopId: shop.id, kind: "FIXED", amountFen: 500, isActive: false });
    const { me } = await shopper();
    expect((await failure(me.coupon.claim({ couponId: ended.id }))).message).toBe("couponId: this coupon cannot be claimed now");
    expect((await failure(me.coupon.claim({ couponId: off.id }))).code).toBe("BAD_REQUEST");
    const bad = await failure(me.coupon.claim({ couponId: "" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^couponId: /);
    expect((await failure(me.coupon.claim({ couponId: "nope" }))).code).toBe("NOT_FOUND");
    expect((await failure(callerFor(db, {}).coupon.claim({ couponId: ended.id }))).code).toBe("UNAUTHORIZED");
    expect(await db.userCoupon.count({ where: { couponId: { in: [ended.id, off.id] } } })).toBe(0);
  });
});

describe("redemption at checkout", () => {
  it("suggests the best combination, places with it, and allocates the discounts exactly", async () => {
    // Shop A: two lines, ¥120 + ¥99 = ¥219 (free shipping ≥ ¥99). Shop B: ¥33.33 × 3 = ¥99.99, ¥8 shipping under ¥199.
    const a = await createSkus(db, { shop: { freeShippingThresholdFen: 9900, shippingFeeFen: 800 }, variants: [{ priceFen: 12000, stock: 10 }, { priceFen: 9900, stock: 10 }] });
    const b = await createSkus(db, { shop: { freeShippingThresholdFen: 19900, shippingFeeFen: 800 }, variants: [{ priceFen: 3333, stock: 10 }] });
    const man = await coupon({ shopId: a.shop.id, kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900 });
    const small = await coupon({ shopId: a.shop.id, kind: "FIXED", amountFen: 1000 });
    const pct = await coupon({ kind: "PERCENT", percentOff: 10, maxDiscountFen: 5000 });
    const { user, address, me } = await shopper();
    for (const c of [man, small, pct]) await me.coupon.claim({ couponId: c.id });
    await me.cart.add({ variantId: a.variants[0].id, quantity: 1 });
    await me.cart.add({ variantId: a.variants[1].id, quantity: 1 });
    await me.cart.add({ variantId: b.variants[0].id, quantity: 3 });

    const preview = await me.checkout.preview({ source: { cart: true } });
    const wallet = await db.userCoupon.findMany({ where: { userId: user.id }, select: { id: true, couponId: true } });
    const uc = (couponId: string) => wallet.find((w) => w.couponId === couponId)!.id;
    expect(new Set(preview.coupons.selectedIds)).toEqual(new Set([uc(man.id), uc(pct.id)]));
    expect(preview.coupons.bestIds.sort()).toEqual(preview.coupons.selectedIds.sort());
    // Shop A ¥30; platform 10 % of (21900 + 9999 − 3000) = 2889.
    expect(preview.coupons).toMatchObject({ shopDiscountFen: { [a.shop.id]: 3000 }, platformDiscountFen: 2889, bestDiscountFen: 5889 });
    expect(preview).toMatchObject({ subtotalFen: 31899, shippingFeeFen: 800, discountFen: 5889, totalFen: 31899 + 800 - 5889 });
    expect(preview.coupons.options.map((o) => o.userCouponId).sort()).toEqual(wallet.map((w) => w.id).sort());

    // The shopper picks the smaller shop coupon instead: the server recomputes.
    const alt = await me.checkout.preview({ source: { cart: true }, couponIds: [uc(small.id)] });
    expect(alt).toMatchObject({ discountFen: 1000, coupons: { selectedIds: [uc(small.id)], bestDiscountFen: 5889, error: null } });

    const placed = await me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { cart: true }, couponIds: preview.coupons.selectedIds, totalFen: 1 } as never);
    expect(placed.totalFen).toBe(31899 + 800 - 5889);
    const orders = await db.order.findMany({ where: { checkoutId: placed.checkoutId }, include: { items: true } });
    let discount = 0;
    for (const o of orders) {
      // Totals consistent per order and per item.
      expect(o.totalFen).toBe(o.subtotalFen + o.shippingFeeFen - o.discountFen);
      expect(o.items.reduce((s, i) => s + i.discountFen, 0)).toBe(o.discountFen);
      for (const i of o.items) {
        expect(i.lineTotalFen).toBe(i.unitPriceFen * i.quantity - i.discountFen);
        expect(i.discountFen).toBeGreaterThanOrEqual(0);
        expect(i.lineTotalFen).toBeGreaterThan(0);
      }
      discount += o.discountFen;
    }
    expect(discount).toBe(5889);
    expect(orders.reduce((s, o) => s + o.totalFen, 0)).toBe(placed.totalFen);
    const used = await db.userCoupon.findMany({ where: { userId: user.id, status: "USED" } });
    expect(used.map((u) => u.id).sort()).toEqual(preview.coupons.selectedIds.sort());
    expect(used.every((u) => u.checkoutId === placed.checkoutId && u.usedAt)).toBe(true);
    // The same key again returns the first result and uses nothing more.
    const again = await me.checkout.place({ idempotencyKey: (await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } })).idempotencyKey, addressId: address.id, source: { cart: true }, couponIds: [uc(small.id)] });
    expect(again.checkoutId).toBe(placed.checkoutId);
    expect(await db.userCoupon.count({ where: { userId: user.id, status: "AVAILABLE" } })).toBe(1);
  });

  it("refuses coupons that are not the shopper's or do not apply, naming couponIds, and writes nothing", async () => {
    const a = await createSkus(db, { variants: [{ priceFen: 5000, stock: 10 }] });
    const c = await coupon({ shopId: a.shop.id, kind: "THRESHOLD", amountFen: 1000, thresholdFen: 9900 });
    const { address, me } = await shopper();
    const other = await shopper();
    const { userCouponId } = await other.me.coupon.claim({ couponId: c.id });
    const mine = await me.coupon.claim({ couponId: c.id });
    const source = { buyNow: { variantId: a.variants[0].id, quantity: 1 } };
    const notMine = await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source, couponIds: [userCouponId] }));
    expect(notMine.code).toBe("BAD_REQUEST");
    expect(notMine.message).toMatch(/^couponIds: /);
    const unmet = await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source, couponIds: [mine.userCouponId] }));
    expect(unmet.message).toBe("couponIds: a chosen coupon's threshold is not reached by this order");
    expect((await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source, couponIds: "best" as never }))).message).toMatch(/couponIds/);
    expect(await db.order.count({ where: { userId: (await db.userCoupon.findUniqueOrThrow({ where: { id: mine.userCouponId } })).userId } })).toBe(0);
    expect(await db.userCoupon.count({ where: { id: { in: [mine.userCouponId, userCouponId] }, status: "USED" } })).toBe(0);
  });

  it("a one-use coupon in 4 simultaneous checkouts: exactly one succeeds, the others get 409 and write nothing", async () => {
    const a = await createSkus(db, { variants: [{ priceFen: 20000, stock: 50 }] });
    const c = await coupon({ shopId: a.shop.id, kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900 });
    const { user, address, me } = await shopper();
    const { userCouponId } = await me.coupon.claim({ couponId: c.id });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { buyNow: { variantId: a.variants[0].id, quantity: 1 } }, couponIds: [userCouponId] }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    for (const f of failed) {
      const err = f.reason as TRPCError;
      // 409 when it lost the race inside the transaction; 400 when it read the wallet after the winner committed.
      expect(["CONFLICT", "BAD_REQUEST"]).toContain(err.code);
      expect(err.message).toMatch(/^couponIds: /);
    }
    expect(failed.some((f) => (f.reason as TRPCError).code === "CONFLICT") || !env.DATABASE_URL).toBe(true);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    expect((await db.productVariant.findUniqueOrThrow({ where: { id: a.variants[0].id } })).stock).toBe(49);
    expect(await db.userCoupon.findUniqueOrThrow({ where: { id: userCouponId } })).toMatchObject({ status: "USED" });
  });

  it("cancelling an unpaid checkout frees its coupons once no order of it is alive; payment timeouts too", async () => {
    const a = await createSkus(db, { variants: [{ priceFen: 10000, stock: 10 }] });
    const b = await createSkus(db, { variants: [{ priceFen: 10000, stock: 10 }] });
    const pc = await coupon({ kind: "FIXED", amountFen: 1500 });
    const { user, address, me } = await shopper();
    const { userCouponId } = await me.coupon.claim({ couponId: pc.id });
    await me.cart.add({ variantId: a.variants[0].id, quantity: 1 });
    await me.cart.add({ variantId: b.variants[0].id, quantity: 1 });
    const placed = await me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { cart: true }, couponIds: "auto" });
    expect(placed.orderIds).toHaveLength(2);
    expect(placed.totalFen).toBe(20000 - 1500);
    await me.order.cancel({ id: placed.orderIds[0]!, reason: "changed my mind" });
    // The other order of the checkout is still alive: the coupon stays used.
    expect(await db.userCoupon.findUniqueOrThrow({ where: { id: userCouponId } })).toMatchObject({ status: "USED", checkoutId: placed.checkoutId });
    // The second one times out (what the payment-timeout job does for each expired order).
    expect(await db.$transaction((tx) => cancelUnpaidOrder(tx, placed.orderIds[1]!, { type: "SYSTEM" }, "Payment not received in time"))).toBe(true);
    expect(await db.order.count({ where: { checkoutId: placed.checkoutId, status: "CANCELLED" } })).toBe(2);
    expect(await db.userCoupon.findUniqueOrThrow({ where: { id: userCouponId } })).toMatchObject({ status: "AVAILABLE", checkoutId: null, usedAt: null });
    // …and can be used again.
    const again = await me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { buyNow: { variantId: a.variants[0].id, quantity: 1 } }, couponIds: [userCouponId] });
    expect(again.totalFen).toBe(10000 - 1500);
    expect(await db.userCoupon.count({ where: { userId: user.id, status: "USED" } })).toBe(1);
  });
});

describe("management", () => {
  const fields = {
    titleZh: "满199减30",
    kind: "THRESHOLD" as const,
    amountFen: 3000,
    thresholdFen: 19900,
    startsAt: new Date(Date.now() - DAY),
    endsAt: new Date(Date.now() + 30 * DAY),
    totalQuantity: 100,
  };

  it("a seller creates, lists and deactivates their shop's coupons; another shop's seller cannot", async () => {
    const owner = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const stranger = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const shop = await createShop(db, { ownerId: owner.id });
    await createShop(db, { ownerId: stranger.id });
    const created = await seller(owner.id).coupon.seller.create({ shopId: shop.id, coupon: fields });
    expect(created).toMatchObject({ scope: "SHOP", shopId: shop.id, kind: "THRESHOLD", claimedCount: 0, usedCount: 0, isActive: true });

    const denied = await failure(seller(stranger.id).coupon.seller.create({ shopId: shop.id, coupon: { ...fields, titleZh: "偷偷建的" } }));
    expect(denied.code).toBe("FORBIDDEN");
    expect(await db.coupon.count({ where: { shopId: shop.id } })).toBe(1);
    expect((await failure(seller(stranger.id).coupon.seller.deactivate({ couponId: created.id }))).code).toBe("FORBIDDEN");
    expect((await failure(seller(stranger.id).coupon.seller.list({ shopId: shop.id }))).code).toBe("FORBIDDEN");
    expect((await db.coupon.findUniqueOrThrow({ where: { id: created.id } })).isActive).toBe(true);
    // A shopper without the seller role is refused before anything else.
    expect((await failure(callerFor(db, { userId: stranger.id }).coupon.seller.create({ shopId: shop.id, coupon: fields }))).code).toBe("FORBIDDEN");

    expect((await seller(owner.id).coupon.seller.list({ shopId: shop.id })).map((c) => c.id)).toEqual([created.id]);
    expect(await seller(owner.id).coupon.seller.deactivate({ couponId: created.id })).toMatchObject({ isActive: false });
  });

  it("bad input is a 400 naming the field, and nothing is written", async () => {
    const owner = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const shop = await createShop(db, { ownerId: owner.id });
    const me = seller(owner.id);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ amountFen: 0 }, /amountFen/],
      [{ thresholdFen: 2000 }, /thresholdFen/],
      [{ endsAt: new Date(Date.now() - 2 * DAY) }, /endsAt/],
      [{ totalQuantity: 0 }, /totalQuantity/],
      [{ kind: "BOGUS" }, /kind/],
      [{ kind: "PERCENT", percentOff: 100 }, /percentOff/],
      [{ titleZh: " " }, /titleZh/],
    ];
    for (const [patch, field] of cases) {
      const err = await failure(me.coupon.seller.create({ shopId: shop.id, coupon: { ...fields, ...patch } as never }));
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toMatch(field);
    }
    expect(await db.coupon.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("admins manage platform coupons; sellers cannot", async () => {
    const admin = await createUser(db, { roles: ["ADMIN"] });
    const asAdmin = createCaller({ db, user: { id: admin.id, roles: ["ADMIN"] } });
    const created = await asAdmin.coupon.admin.create({ coupon: { ...fields, titleZh: `平台测试 ${admin.id}` } });
    expect(created).toMatchObject({ scope: "PLATFORM", shopId: null });
    const sellerUser = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    expect((await failure(seller(sellerUser.id).coupon.admin.create({ coupon: fields }))).code).toBe("FORBIDDEN");
    expect((await failure(seller(sellerUser.id).coupon.admin.deactivate({ couponId: created.id }))).code).toBe("FORBIDDEN");
    expect((await asAdmin.coupon.admin.list()).some((c) => c.id === created.id)).toBe(true);
    expect((await asAdmin.coupon.admin.deactivate({ couponId: created.id })).isActive).toBe(false);
  });
});
