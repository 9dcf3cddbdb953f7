import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { callerFor, createSkus, newVisitorId } from "@/tests/factories/shopping";

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

describe("guest cart", () => {
  it("keeps a guest's items under the visitor id and refuses a guest without cookies", async () => {
    const { variants } = await createSkus(db);
    const visitorId = newVisitorId();
    const guest = callerFor(db, { visitorId });
    const cart = await guest.cart.add({ variantId: variants[0].id, quantity: 2 });
    expect(cart.itemCount).toBe(1);
    expect(cart.shops[0].items[0].quantity).toBe(2);
    expect((await guest.cart.count()).count).toBe(1);
    // Another visitor sees an empty cart.
    expect((await callerFor(db, { visitorId: newVisitorId() }).cart.get()).itemCount).toBe(0);

    const noCookie = await failure(callerFor(db, {}).cart.add({ variantId: variants[0].id, quantity: 1 }));
    expect(noCookie.code).toBe("BAD_REQUEST");
    expect(noCookie.message).toMatch(/cookies/i);
  });

  it("merges the guest cart into the user's on the first signed-in call, summing capped quantities and keeping attribution", async () => {
    const { variants: [a] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 4 }] });
    const { variants: [b] } = await createSkus(db, { variants: [{ priceFen: 2000, stock: 10 }] });
    const { variants: [c] } = await createSkus(db, { variants: [{ priceFen: 3000, stock: 10 }] });
    const user = await createUser(db);
    const visitorId = newVisitorId();

    // Signed in earlier, on another device: A ×3 (no attribution) and C ×1 (from a live room).
    const me = callerFor(db, { userId: user.id });
    await me.cart.add({ variantId: a.id, quantity: 3 });
    await me.cart.add({ variantId: c.id, quantity: 1, attribution: { field: "CONTENT", channel: "LIVE", sourceId: "live-1" } });

    // As a guest: A ×3 from search, B ×2, C ×1 from search.
    const guest = callerFor(db, { visitorId });
    await guest.cart.add({ variantId: a.id, quantity: 3, attribution: { field: "CENTER", channel: "SEARCH", sourceId: "耳机" } });
    await guest.cart.add({ variantId: b.id, quantity: 2 });
    await guest.cart.add({ variantId: c.id, quantity: 1, attribution: { field: "CENTER", channel: "SEARCH", sourceId: "杯子" } });

    // Signs in: the browser still carries the visitor cookie.
    const merged = await callerFor(db, { userId: user.id, visitorId }).cart.get();
    const byVariant = new Map(merged.shops.flatMap((s) => s.items).map((i) => [i.variantId, i]));
    expect(merged.itemCount).toBe(3);
    expect(byVariant.get(a.id)?.quantity).toBe(4); // 3 + 3 capped by the 4 in stock
    expect(byVariant.get(a.id)?.attribution).toMatchObject({ field: "CENTER", channel: "SEARCH", sourceId: "耳机" });
    expect(byVariant.get(b.id)?.quantity).toBe(2);
    expect(byVariant.get(c.id)?.quantity).toBe(2);
    // The user's own attribution wins over the guest's.
    expect(byVariant.get(c.id)?.attribution).toMatchObject({ field: "CONTENT", channel: "LIVE", sourceId: "live-1" });

    // The guest cart is gone; merging again changes nothing.
    expect(await db.cart.findUnique({ where: { visitorId } })).toBeNull();
    const again = await callerFor(db, { userId: user.id, visitorId }).cart.get();
    expect(again.shops.flatMap((s) => s.items).map((i) => i.quantity).sort()).toEqual([2, 2, 4]);
    expect((await callerFor(db, { visitorId }).cart.get()).itemCount).toBe(0);
  });

  it("creates one cart when a new visitor's first adds arrive at once", async () => {
    const { variants } = await createSkus(db, {
      variants: [
        { priceFen: 1000, stock: 50 },
        { priceFen: 1000, stock: 50 },
        { priceFen: 1000, stock: 50 },
      ],
    });
    const visitorId = newVisitorId();
    const guest = callerFor(db, { visitorId });
    await Promise.all([
      ...variants.map((v) => guest.cart.add({ variantId: v.id, quantity: 1 })),
      guest.cart.add({ variantId: variants[0].id, quantity: 2 }),
    ]);
    const carts = await db.cart.findMany({ where: { visitorId }, include: { items: true } });
    expect(carts).toHaveLength(1);
    expect(carts[0].items).toHaveLength(3);
    expect(carts[0].items.find((i) => i.variantId === variants[0].id)?.quantity).toBe(3);
  });

  it("merges when the user had no cart yet, also through cart.count", async () => {
    const { variants: [a] } = await createSkus(db);
    const user = await createUser(db);
    const visitorId = newVisitorId();
    await callerFor(db, { visitorId }).cart.add({ variantId: a.id, quantity: 2 });
    expect((await callerFor(db, { userId: user.id, visitorId }).cart.count()).count).toBe(1);
    const mine = await callerFor(db, { userId: user.id }).cart.get();
    expect(mine.shops[0].items[0]).toMatchObject({ variantId: a.id, quantity: 2 });
  });
});

describe("quantities", () => {
  it("refuses quantities beyond stock, the purchase limit or 1..99, naming quantity and the maximum", async () => {
    const { variants: [limited] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 5, purchaseLimit: 3 }] });
    const { variants: [scarce] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 2 }] });
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });

    for (const quantity of [0, -1, 1000, 1.5]) {
      const err = await failure(me.cart.add({ variantId: limited.id, quantity }));
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toMatch(/quantity/);
    }
    const overLimit = await failure(me.cart.add({ variantId: limited.id, quantity: 4 }));
    expect(overLimit.code).toBe("BAD_REQUEST");
    expect(overLimit.message).toMatch(/quantity must be at most 3/);

    const overStock = await failure(me.cart.add({ variantId: scarce.id, quantity: 3 }));
    expect(overStock.message).toMatch(/quantity must be at most 2/);

    // Adding to an existing line counts what is already there.
    const cart = await me.cart.add({ variantId: limited.id, quantity: 2 });
    const err = await failure(me.cart.add({ variantId: limited.id, quantity: 2 }));
    expect(err.message).toMatch(/at most 3.*2 already in your cart/);

    const itemId = cart.shops[0].items[0].id;
    expect((await failure(me.cart.setQuantity({ itemId, quantity: 4 }))).message).toMatch(/quantity must be at most 3/);
    expect((await failure(me.cart.setQuantity({ itemId, quantity: 0 }))).message).toMatch(/quantity/);
    const set = await me.cart.setQuantity({ itemId, quantity: 3 });
    expect(set.shops[0].items[0]).toMatchObject({ quantity: 3, maxQuantity: 3 });
    expect(set.totalFen).toBe(3000 + 800); // below the default ¥99 free-shipping threshold
  });

  it("names variantId for unknown, inactive or unlisted SKUs", async () => {
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    const unknown = await failure(me.cart.add({ variantId: "no-such-variant", quantity: 1 }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/variantId/);

    const { variants: [inactive] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 5, isActive: false }] });
    expect((await failure(me.cart.add({ variantId: inactive.id, quantity: 1 }))).message).toMatch(/variantId/);
    const { variants: [draft] } = await createSkus(db, { status: "DRAFT" });
    expect((await failure(me.cart.add({ variantId: draft.id, quantity: 1 }))).message).toMatch(/variantId/);
    expect((await me.cart.get()).itemCount).toBe(0);
  });
});

describe("ownership", () => {
  it("never lets another user or a guest change or remove my items", async () => {
    const { variants: [a] } = await createSkus(db);
    const owner = await createUser(db);
    const other = await createUser(db);
    const mine = await callerFor(db, { userId: owner.id }).cart.add({ variantId: a.id, quantity: 2 });
    const itemId = mine.shops[0].items[0].id;

    for (const intruder of [callerFor(db, { userId: other.id }), callerFor(db, { visitorId: newVisitorId() })]) {
      expect((await failure(intruder.cart.setQuantity({ itemId, quantity: 1 }))).code).toBe("NOT_FOUND");
      expect((await failure(intruder.cart.setSelected({ itemId, selected: false }))).code).toBe("NOT_FOUND");
      expect((await failure(intruder.cart.remove({ itemIds: [itemId] }))).code).toBe("NOT_FOUND");
      // "Deselect all" only touches the caller's own cart.
      await intruder.cart.setSelected({ selected: false }).catch(() => null);
    }
    const after = await db.cartItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(after).toMatchObject({ quantity: 2, selected: true });

    // Removing a mix of my item and a foreign one removes nothing.
    const otherCart = await callerFor(db, { userId: other.id }).cart.add({ variantId: a.id, quantity: 1 });
    const foreign = otherCart.shops[0].items[0].id;
    expect((await failure(callerFor(db, { userId: owner.id }).cart.remove({ itemIds: [itemId, foreign] }))).code).toBe("NOT_FOUND");
    expect(await db.cartItem.count({ where: { id: { in: [itemId, foreign] } } })).toBe(2);
  });
});

describe("cart view", () => {
  it("groups by shop with shipping per shop, flags price changes and stock problems, and totals the selected lines", async () => {
    // Shop 1: free shipping from ¥100, else ¥8. Shop 2: free from ¥50, else ¥6.
    const s1 = await createSkus(db, {
      shop: { freeShippingThresholdFen: 10000, shippingFeeFen: 800 },
      variants: [
        { priceFen: 3000, stock: 10 },
        { priceFen: 4000, stock: 10 },
      ],
      options: [{ nameZh: "颜色", nameEn: "Colour", values: [{ valueZh: "黑色", valueEn: "Black" }, { valueZh: "白色", valueEn: "White" }] }],
    });
    const s2 = await createSkus(db, { shop: { freeShippingThresholdFen: 5000, shippingFeeFen: 600 }, variants: [{ priceFen: 6000, stock: 3 }] });
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    await me.cart.add({ variantId: s1.variants[0].id, quantity: 2 }); // ¥60
    await me.cart.add({ variantId: s1.variants[1].id, quantity: 1 }); // ¥40 → ¥100: free
    await me.cart.add({ variantId: s2.variants[0].id, quantity: 2 }); // ¥120: free

    let cart = await me.cart.get();
    expect(cart.shops.map((s) => s.shop.id)).toEqual([s2.shop.id, s1.shop.id]); // newest first
    const shop1 = cart.shops.find((s) => s.shop.id === s1.shop.id)!;
    expect(shop1).toMatchObject({ subtotalFen: 10000, shippingFeeFen: 0, totalFen: 10000 });
    expect(shop1.items.find((i) => i.variantId === s1.variants[0].id)).toMatchObject({ variantLabelZh: "黑色", variantLabelEn: "Black" });
    expect(cart.totalFen).toBe(22000);

    // The seller raises one price and stock drops below what is in the cart.
    await db.productVariant.update({ where: { id: s1.variants[0].id }, data: { priceFen: 3500 } });
    await db.productVariant.update({ where: { id: s2.variants[0].id }, data: { stock: 1 } });
    cart = await me.cart.get();
    const raised = cart.shops.flatMap((s) => s.items).find((i) => i.variantId === s1.variants[0].id)!;
    expect(raised).toMatchObject({ isPriceChanged: true, priceChange: "UP", addedPriceFen: 3000, unitPriceFen: 3500, lineTotalFen: 7000 });
    const short = cart.shops.flatMap((s) => s.items).find((i) => i.variantId === s2.variants[0].id)!;
    expect(short).toMatchObject({ isInsufficient: true, isSoldOut: false, maxQuantity: 1 });
    // The short line is left out of the totals until it is fixed.
    expect(cart.shops.find((s) => s.shop.id === s2.shop.id)).toMatchObject({ subtotalFen: 0, shippingFeeFen: 0 });
    expect(cart.totalFen).toBe(11000);
    // Every line that can be bought is ticked.
    expect(cart.isAllSelected).toBe(true);

    // Lowering to what is left is allowed and counts again (¥60 ≥ ¥50: free shipping).
    cart = await me.cart.setQuantity({ itemId: short.id, quantity: 1 });
    expect(cart.shops.find((s) => s.shop.id === s2.shop.id)).toMatchObject({ subtotalFen: 6000, shippingFeeFen: 0 });

    // Sold out, then unticking one line of shop 1 brings it under its threshold.
    await db.productVariant.update({ where: { id: s2.variants[0].id }, data: { stock: 0 } });
    cart = await me.cart.setSelected({ itemId: raised.id, selected: false });
    expect(cart.shops.flatMap((s) => s.items).find((i) => i.variantId === s2.variants[0].id)?.isSoldOut).toBe(true);
    expect(cart.shops.find((s) => s.shop.id === s1.shop.id)).toMatchObject({ subtotalFen: 4000, shippingFeeFen: 800, totalFen: 4800 });
    expect(cart).toMatchObject({ totalFen: 4800, selectedCount: 1, selectedQuantity: 1 });

    // A shop's box ticks that shop's lines only.
    cart = await me.cart.setSelected({ shopId: s1.shop.id, selected: true });
    expect(cart.shops.find((s) => s.shop.id === s1.shop.id)?.items.every((i) => i.isSelected)).toBe(true);
    expect(cart).toMatchObject({ totalFen: 11000, selectedCount: 2 });
    cart = await me.cart.setSelected({ selected: false });
    expect(cart).toMatchObject({ totalFen: 0, selectedCount: 0 });
    cart = await me.cart.remove({ itemIds: [raised.id] });
    expect(cart.itemCount).toBe(2);
    expect((await me.cart.count()).count).toBe(2);
  });
});

describe("attribution", () => {
  it("defaults to the mall, checks field against channel and drops unknown creators", async () => {
    const { variants } = await createSkus(db, {
      variants: [
        { priceFen: 1000, stock: 5 },
        { priceFen: 1000, stock: 5 },
      ],
    });
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    let cart = await me.cart.add({ variantId: variants[0].id, quantity: 1 });
    expect(cart.shops[0].items[0].attribution).toEqual({ field: "CENTER", channel: "MALL", sourceId: null, creatorId: null });

    const mismatch = await failure(me.cart.add({ variantId: variants[1].id, quantity: 1, attribution: { field: "CENTER", channel: "VIDEO" } }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(mismatch.message).toMatch(/field must be CONTENT for the VIDEO channel/);
    const junk = await failure(me.cart.add({ variantId: variants[1].id, quantity: 1, attribution: { field: "CENTER", channel: "TV" as "MALL" } }));
    expect(junk.message).toMatch(/channel/);

    cart = await me.cart.add({
      variantId: variants[1].id,
      quantity: 1,
      attribution: { field: "CONTENT", channel: "STOREFRONT", sourceId: "showcase", creatorId: "no-such-creator" },
    });
    const item = cart.shops[0].items.find((i) => i.variantId === variants[1].id)!;
    expect(item.attribution).toEqual({ field: "CONTENT", channel: "STOREFRONT", sourceId: "showcase", creatorId: null });
  });
});
