import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { cancelExpiredOrders } from "@/server/order/cancel";
import type { PlaceInput } from "@/server/checkout/checkout.schema";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { callerFor, createAddressFor, createSkus, stockOf } from "@/tests/factories/shopping";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
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

const key = () => crypto.randomUUID();

/** A shopper with a default address. */
async function shopper() {
  const user = await createUser(db);
  const address = await createAddressFor(db, user.id);
  return { user, address, me: callerFor(db, { userId: user.id }) };
}

describe("checkout", () => {
  it("splits the cart into one order per shop with each shop's shipping rule, snapshots and attribution", async () => {
    // Shop A: free shipping from ¥99 (subtotal ¥120 → free). Shop B: ¥6 under ¥99 (subtotal ¥50 → ¥6).
    const a = await createSkus(db, {
      shop: { freeShippingThresholdFen: 9900, shippingFeeFen: 800 },
      variants: [
        { priceFen: 4000, stock: 10 },
        { priceFen: 6000, stock: 10 },
      ],
      options: [{ nameZh: "尺码", nameEn: "Size", values: [{ valueZh: "小号", valueEn: "S" }, { valueZh: "大号", valueEn: "L" }] }],
    });
    const b = await createSkus(db, { shop: { freeShippingThresholdFen: 9900, shippingFeeFen: 600 }, variants: [{ priceFen: 2500, stock: 10 }] });
    const { user, address, me } = await shopper();
    await me.cart.add({ variantId: a.variants[0].id, quantity: 3, attribution: { field: "CENTER", channel: "SEARCH", sourceId: "水杯" } });
    await me.cart.add({ variantId: b.variants[0].id, quantity: 2 });
    // In the cart but not ticked: stays there and is not ordered.
    const left = await me.cart.add({ variantId: a.variants[1].id, quantity: 1 });
    const unticked = left.shops.flatMap((s) => s.items).find((i) => i.variantId === a.variants[1].id)!;
    await me.cart.setSelected({ itemId: unticked.id, selected: false });

    const preview = await me.checkout.preview({ source: { cart: true } });
    expect(preview.address?.id).toBe(address.id);
    expect(preview.canPlace).toBe(true);
    expect(preview.groups.map((g) => [g.shop.id, g.subtotalFen, g.shippingFeeFen, g.totalFen])).toEqual(
      expect.arrayContaining([
        [a.shop.id, 12000, 0, 12000],
        [b.shop.id, 5000, 600, 5600],
      ]),
    );
    expect(preview).toMatchObject({ subtotalFen: 17000, shippingFeeFen: 600, discountFen: 0, totalFen: 17600, itemCount: 5 });

    const before = Date.now();
    const placed = await me.checkout.place({
      idempotencyKey: key(),
      addressId: address.id,
      source: { cart: true },
      notes: { [b.shop.id]: "请用纸箱包装" },
    });
    expect(placed.orderIds).toHaveLength(2);
    expect(placed.totalFen).toBe(17600);

    const checkout = await db.checkout.findUniqueOrThrow({ where: { id: placed.checkoutId } });
    expect(checkout).toMatchObject({ userId: user.id, totalFen: 17600 });
    const orders = await db.order.findMany({ where: { checkoutId: placed.checkoutId }, include: { items: true, events: true } });
    const orderA = orders.find((o) => o.shopId === a.shop.id)!;
    const orderB = orders.find((o) => o.shopId === b.shop.id)!;
    expect(orderA).toMatchObject({ status: "PENDING_PAYMENT", subtotalFen: 12000, shippingFeeFen: 0, discountFen: 0, totalFen: 12000, note: "" });
    expect(orderB).toMatchObject({ subtotalFen: 5000, shippingFeeFen: 600, totalFen: 5600, note: "请用纸箱包装" });
    expect(orderA).toMatchObject({ shipRecipient: "张三", shipPhone: "13800138000", shipProvince: "浙江省", shipStreet: address.street, shipPostalCode: "310000" });
    expect(orderA.orderNo).toMatch(/^\d{8}-[0-9A-Z]{8}$/);
    expect(orderA.orderNo).not.toBe(orderB.orderNo);
    // Payment deadline: 15 minutes by default.
    const payIn = orderA.payBy.getTime() - before;
    expect(payIn).toBeGreaterThan(14 * 60_000);
    expect(payIn).toBeLessThan(16 * 60_000);

    expect(orderA.items).toHaveLength(1);
    expect(orderA.items[0]).toMatchObject({
      variantId: a.variants[0].id,
      productId: a.product.id,
      sku: a.variants[0].sku,
      titleZh: a.product.titleZh,
      titleEn: a.product.titleEn,
      variantLabelZh: "小号",
      variantLabelEn: "S",
      unitPriceFen: 4000,
      quantity: 3,
      lineTotalFen: 12000,
      attrField: "CENTER",
      attrChannel: "SEARCH",
      attrSourceId: "水杯",
    });
    expect(orderB.items[0]).toMatchObject({ attrField: "CENTER", attrChannel: "MALL", attrSourceId: null });
    for (const o of orders) {
      expect(o.events.map((e) => [e.fromStatus, e.toStatus, e.actorType, e.actorId])).toEqual([[null, "PENDING_PAYMENT", "SHOPPER", user.id]]);
    }

    // Stock reserved; ordered lines left the cart, the unticked one stayed.
    expect(await stockOf(db, a.variants[0].id)).toBe(7);
    expect(await stockOf(db, b.variants[0].id)).toBe(8);
    expect(await stockOf(db, a.variants[1].id)).toBe(10);
    const cart = await me.cart.get();
    expect(cart.shops.flatMap((s) => s.items).map((i) => i.variantId)).toEqual([a.variants[1].id]);
  });

  it("prices on the server: price and total fields sent by the client are ignored", async () => {
    const { variants: [v] } = await createSkus(db, { shop: { freeShippingThresholdFen: 100_00, shippingFeeFen: 800 }, variants: [{ priceFen: 12900, stock: 5 }] });
    const { address, me } = await shopper();
    const tampered = {
      idempotencyKey: key(),
      addressId: address.id,
      totalFen: 1,
      subtotalFen: 1,
      shippingFeeFen: 0,
      source: { buyNow: { variantId: v.id, quantity: 2, priceFen: 1, unitPriceFen: 1 } },
    } as unknown as PlaceInput;
    const placed = await me.checkout.place(tampered);
    expect(placed.totalFen).toBe(25800);
    const order = await db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId }, include: { items: true } });
    expect(order).toMatchObject({ subtotalFen: 25800, shippingFeeFen: 0, totalFen: 25800 });
    expect(order.items[0]).toMatchObject({ unitPriceFen: 12900, quantity: 2, lineTotalFen: 25800 });
  });

  it("buys now without touching the cart, and enforces the purchase limit", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 4000, stock: 10, purchaseLimit: 2 }] });
    const { address, me } = await shopper();
    await me.cart.add({ variantId: v.id, quantity: 1 });

    const tooMany = await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { buyNow: { variantId: v.id, quantity: 3 } } }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    expect(tooMany.message).toMatch(/quantity must be at most 2/);
    const preview = await me.checkout.preview({ source: { buyNow: { variantId: v.id, quantity: 3 } } });
    expect(preview.canPlace).toBe(false);
    expect(preview.problems.map((p) => p.kind)).toEqual(["OVER_LIMIT"]);

    const placed = await me.checkout.place({
      idempotencyKey: key(),
      addressId: address.id,
      source: { buyNow: { variantId: v.id, quantity: 2, attribution: { field: "CONTENT", channel: "VIDEO", sourceId: "video-9" } } },
    });
    expect(placed.totalFen).toBe(8000 + 800); // under the default ¥99 threshold
    const item = await db.orderItem.findFirstOrThrow({ where: { order: { checkoutId: placed.checkoutId } } });
    expect(item).toMatchObject({ quantity: 2, attrField: "CONTENT", attrChannel: "VIDEO", attrSourceId: "video-9" });
    expect((await me.cart.get()).itemCount).toBe(1);
    expect(await stockOf(db, v.id)).toBe(8);
  });

  it("refuses someone else's address with a 400 naming addressId and writes nothing", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 5 }] });
    const { user, me } = await shopper();
    const stranger = await shopper();
    await me.cart.add({ variantId: v.id, quantity: 1 });

    const err = await failure(me.checkout.place({ idempotencyKey: key(), addressId: stranger.address.id, source: { cart: true } }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/addressId/);
    expect((await failure(me.checkout.preview({ source: { cart: true }, addressId: stranger.address.id }))).message).toMatch(/addressId/);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await stockOf(db, v.id)).toBe(5);
    expect((await me.cart.get()).itemCount).toBe(1);
  });

  it("fails the whole checkout when one line is short, naming the product, and writes nothing", async () => {
    const plenty = await createSkus(db, { variants: [{ priceFen: 1000, stock: 50 }] });
    const scarce = await createSkus(db, { variants: [{ priceFen: 2000, stock: 5 }] });
    const { user, address, me } = await shopper();
    await me.cart.add({ variantId: plenty.variants[0].id, quantity: 2 });
    await me.cart.add({ variantId: scarce.variants[0].id, quantity: 4 });
    // Someone else buys most of the scarce SKU meanwhile.
    await db.productVariant.update({ where: { id: scarce.variants[0].id }, data: { stock: 3 } });

    const preview = await me.checkout.preview({ source: { cart: true } });
    expect(preview.canPlace).toBe(false);
    expect(preview.problems).toEqual([expect.objectContaining({ kind: "INSUFFICIENT_STOCK", variantId: scarce.variants[0].id, stock: 3 })]);

    const err = await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { cart: true } }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain(scarce.product.titleEn);
    expect(err.message).toMatch(/only 3 left/);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await stockOf(db, plenty.variants[0].id)).toBe(50);
    expect(await stockOf(db, scarce.variants[0].id)).toBe(3);
    expect((await me.cart.get()).itemCount).toBe(2);
  });

  it("reports price changes and sold-out lines in the preview", async () => {
    const { variants: [v, w] } = await createSkus(db, {
      variants: [
        { priceFen: 3000, stock: 5 },
        { priceFen: 3000, stock: 5 },
      ],
    });
    const { me } = await shopper();
    await me.cart.add({ variantId: v.id, quantity: 1 });
    await me.cart.add({ variantId: w.id, quantity: 1 });
    await db.productVariant.update({ where: { id: v.id }, data: { priceFen: 2500 } });
    await db.productVariant.update({ where: { id: w.id }, data: { stock: 0 } });
    const preview = await me.checkout.preview({ source: { cart: true } });
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "PRICE_CHANGED", variantId: v.id, fromPriceFen: 3000, toPriceFen: 2500 }),
        expect.objectContaining({ kind: "SOLD_OUT", variantId: w.id }),
      ]),
    );
    expect(preview.canPlace).toBe(false);
    expect(preview.groups[0].lines.find((l) => l.variantId === v.id)).toMatchObject({ unitPriceFen: 2500, priceChange: "DOWN", problem: null });
  });

  it("needs a signed-in shopper and something to order", async () => {
    const { variants: [v] } = await createSkus(db);
    const guest = callerFor(db, { visitorId: null });
    expect((await failure(guest.checkout.preview({ source: { cart: true } }))).code).toBe("UNAUTHORIZED");
    const { address, me } = await shopper();
    const empty = await failure(me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { cart: true } }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toMatch(/source/);
    const both = await failure(me.checkout.preview({ source: { cart: true, buyNow: { variantId: v.id, quantity: 1 } } }));
    expect(both.message).toMatch(/source/);
    const badKey = await failure(me.checkout.place({ idempotencyKey: "not-a-uuid", addressId: address.id, source: { cart: true } }));
    expect(badKey.message).toMatch(/idempotencyKey/);
    const unknown = await failure(me.checkout.preview({ source: { buyNow: { variantId: "nope", quantity: 1 } } }));
    expect(unknown.message).toMatch(/variantId/);
  });

  it("returns the first result for a retried key and never places a second checkout", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 10 }] });
    const { user, address, me } = await shopper();
    const input = { idempotencyKey: key(), addressId: address.id, source: { buyNow: { variantId: v.id, quantity: 1 } } };
    const first = await me.checkout.place(input);
    const again = await me.checkout.place(input);
    expect(again).toEqual(first);
    // The same key from another user is another checkout.
    const other = await shopper();
    const theirs = await other.me.checkout.place({ ...input, addressId: other.address.id });
    expect(theirs.checkoutId).not.toBe(first.checkoutId);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(1);
    expect(await stockOf(db, v.id)).toBe(8);
  });

  it("cancels an unpaid order past its deadline and returns its stock", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 6 }] });
    const { address, me } = await shopper();
    const placed = await me.checkout.place({ idempotencyKey: key(), addressId: address.id, source: { buyNow: { variantId: v.id, quantity: 4 } } });
    expect(await stockOf(db, v.id)).toBe(2);
    // Backdate the deadline far enough that only this test's order is due at the chosen "now".
    const deadline = new Date("2001-01-01T00:00:00Z");
    await db.order.updateMany({ where: { checkoutId: placed.checkoutId }, data: { payBy: deadline } });
    const cancelled = await cancelExpiredOrders(db, new Date(deadline.getTime() + 1000));
    expect(cancelled).toBeGreaterThanOrEqual(1);
    const order = await db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(order.status).toBe("CANCELLED");
    expect(order.events.map((e) => e.toStatus)).toEqual(["PENDING_PAYMENT", "CANCELLED"]);
    expect(await stockOf(db, v.id)).toBe(6);
  });
});
