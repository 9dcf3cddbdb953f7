import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { createCompletedOrder, createDeliveredOrder, createPaidOrder, createPendingOrder, createShippedOrder } from "@/tests/factories/trade";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

function as(userId: string) {
  return createCaller({ db, user: { id: userId, roles: ["SHOPPER"] } });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const DAY = 24 * 60 * 60 * 1000;

describe("order.list and counts", () => {
  it("lists only the shopper's own orders, newest first, by tab, with cursor pages", async () => {
    const buyer = await createUser(db);
    const t0 = Date.now() - 60 * 60_000;
    const pending = await createPendingOrder(db, { buyerId: buyer.id, now: new Date(t0), payBy: new Date(Date.now() + 15 * 60_000) });
    const paid = await createPaidOrder(db, { buyerId: buyer.id, now: new Date(t0 + 60_000) });
    const shipped = await createShippedOrder(db, { buyerId: buyer.id, now: new Date(t0 + 120_000) });
    const delivered = await createDeliveredOrder(db, { buyerId: buyer.id, now: new Date(t0 + 180_000) });
    const completed = await createCompletedOrder(db, { buyerId: buyer.id, now: new Date(t0 + 240_000) });
    await createPaidOrder(db); // someone else's

    const all = await as(buyer.id).order.list({});
    expect(all.items.map((o) => o.id)).toEqual([completed, delivered, shipped, paid, pending].map((o) => o.order.id));
    const card = all.items[4];
    expect(card).toMatchObject({ status: "PENDING_PAYMENT", totalFen: 5000, actions: { canPay: true, canCancel: true, canConfirmReceipt: false } });
    expect(card.items[0]).toMatchObject({ quantity: 1, unitPriceFen: 5000, productSlug: pending.product!.slug });
    expect(card.shop.id).toBe(pending.shopId);

    const tab = async (t: "to_pay" | "to_ship" | "to_receive" | "completed" | "after_sales") =>
      (await as(buyer.id).order.list({ tab: t })).items.map((o) => o.id);
    expect(await tab("to_pay")).toEqual([pending.order.id]);
    expect(await tab("to_ship")).toEqual([paid.order.id]);
    expect(await tab("to_receive")).toEqual([delivered.order.id, shipped.order.id]);
    expect(await tab("completed")).toEqual([completed.order.id]);
    expect(await tab("after_sales")).toEqual([]);
    expect(await as(buyer.id).order.counts()).toEqual({ to_pay: 1, to_ship: 1, to_receive: 2, after_sales: 0 });

    const page1 = await as(buyer.id).order.list({ limit: 2 });
    const page2 = await as(buyer.id).order.list({ limit: 2, cursor: page1.nextCursor });
    const page3 = await as(buyer.id).order.list({ limit: 2, cursor: page2.nextCursor });
    expect([...page1.items, ...page2.items, ...page3.items].map((o) => o.id)).toEqual(all.items.map((o) => o.id));
    expect(page3.nextCursor).toBeNull();
  });
});

describe("order.get", () => {
  it("shows the breakdown, address snapshot, timeline, tracking and payment; someone else gets NOT_FOUND", async () => {
    const { order, buyerId } = await createShippedOrder(db, { priceFen: 2500, quantity: 2, shippingFeeFen: 800 });
    const detail = await as(buyerId).order.get({ id: order.id });
    expect(detail).toMatchObject({ subtotalFen: 5000, shippingFeeFen: 800, totalFen: 5800, status: "SHIPPED", carrier: "SF" });
    expect(detail.address).toMatchObject({ recipient: "张三", city: "杭州市" });
    expect(detail.events.map((e) => [e.toStatus, e.actorType])).toEqual([
      ["PENDING_PAYMENT", "SHOPPER"],
      ["PAID", "PROVIDER"],
      ["SHIPPED", "SELLER"],
    ]);
    expect(detail.tracking.map((t) => t.code)).toEqual(["shipped"]);
    expect(detail.payment).toMatchObject({ status: "SUCCEEDED", provider: "sandbox" });
    expect(detail.actions).toMatchObject({ canPay: false, canCancel: false, canConfirmReceipt: true });
    expect(detail.items[0]).toMatchObject({ canAfterSale: true, refundableQuantity: 2, canReview: false });

    const other = await createUser(db);
    expect(await codeOf(as(other.id).order.get({ id: order.id }))).toBe("NOT_FOUND");
  });

  it("computes after-sale and review eligibility per item, with the after-sales window on completed orders", async () => {
    const delivered = await createDeliveredOrder(db, { quantity: 3 });
    let item = (await as(delivered.buyerId).order.get({ id: delivered.order.id })).items[0];
    expect(item).toMatchObject({ canAfterSale: true, canReview: true, hasReview: false, refundableQuantity: 3 });

    // An open after-sale claims its units; a review removes the review action.
    const orderItem = delivered.items[0];
    await db.afterSale.create({
      data: { orderId: delivered.order.id, orderItemId: orderItem.id, userId: delivered.buyerId, kind: "REFUND_ONLY", quantity: 3, amountFen: 15000, reason: "Wrong size" },
    });
    await db.review.create({
      data: { orderItemId: orderItem.id, productId: orderItem.productId, shopId: delivered.shopId, userId: delivered.buyerId, rating: 5, body: "Great" },
    });
    const after = await as(delivered.buyerId).order.get({ id: delivered.order.id });
    item = after.items[0];
    expect(item).toMatchObject({ canAfterSale: false, refundableQuantity: 0, canReview: false, hasReview: true });
    expect(after.afterSales).toEqual([expect.objectContaining({ orderItemId: orderItem.id, status: "REQUESTED", amountFen: 15000 })]);
    expect((await as(delivered.buyerId).order.list({ tab: "after_sales" })).items.map((o) => o.id)).toEqual([delivered.order.id]);

    const recent = await createCompletedOrder(db, { completedAt: new Date(Date.now() - 14 * DAY) });
    const recentDetail = await as(recent.buyerId).order.get({ id: recent.order.id });
    expect(recentDetail.items[0].canAfterSale).toBe(true);
    expect(recentDetail.actions.afterSaleUntil).toEqual(new Date(recent.order.completedAt!.getTime() + 15 * DAY));
    const old = await createCompletedOrder(db, { completedAt: new Date(Date.now() - 16 * DAY) });
    expect((await as(old.buyerId).order.get({ id: old.order.id })).items[0]).toMatchObject({ canAfterSale: false, canReview: true });
  });
});

describe("order.cancel", () => {
  it("cancels an unpaid order and puts its stock back; someone else cannot", async () => {
    const { order, buyerId, product } = await createPendingOrder(db, { quantity: 3, stock: 10 });
    const variantId = product!.variants[0].id;
    const stockOf = async () => (await db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;
    expect(await stockOf()).toBe(7);

    const other = await createUser(db);
    expect(await codeOf(as(other.id).order.cancel({ id: order.id, reason: "mine now" }))).toBe("NOT_FOUND");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING_PAYMENT");
    expect(await stockOf()).toBe(7);

    expect(await as(buyerId).order.cancel({ id: order.id, reason: "Found it cheaper" })).toEqual({ id: order.id, status: "CANCELLED" });
    expect(await stockOf()).toBe(10);
    const cancelled = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(cancelled.cancelReason).toBe("Found it cheaper");
    expect(cancelled.events.find((e) => e.toStatus === "CANCELLED")).toMatchObject({ actorType: "SHOPPER", actorId: buyerId });

    // Twice: refused, and stock is not released again.
    expect(await codeOf(as(buyerId).order.cancel({ id: order.id, reason: "again" }))).toBe("CONFLICT");
    expect(await stockOf()).toBe(10);
  });

  it("refuses to cancel a paid order, and needs a reason", async () => {
    const { order, buyerId } = await createPaidOrder(db);
    expect(await codeOf(as(buyerId).order.cancel({ id: order.id, reason: "too late" }))).toBe("CONFLICT");
    await expect(as(buyerId).order.cancel({ id: order.id, reason: " " })).rejects.toThrow(/reason/);
  });
});

describe("order.confirmReceipt", () => {
  it("from SHIPPED records DELIVERED then COMPLETED by the shopper; someone else cannot", async () => {
    const { order, buyerId } = await createShippedOrder(db);
    const other = await createUser(db);
    expect(await codeOf(as(other.id).order.confirmReceipt({ id: order.id }))).toBe("NOT_FOUND");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("SHIPPED");

    expect(await as(buyerId).order.confirmReceipt({ id: order.id })).toEqual({ id: order.id, status: "COMPLETED" });
    const done = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    expect(done.deliveredAt).not.toBeNull();
    expect(done.completedAt).not.toBeNull();
    expect(done.events.slice(-2).map((e) => [e.fromStatus, e.toStatus, e.actorType, e.actorId])).toEqual([
      ["SHIPPED", "DELIVERED", "SHOPPER", buyerId],
      ["DELIVERED", "COMPLETED", "SHOPPER", buyerId],
    ]);
    expect(await codeOf(as(buyerId).order.confirmReceipt({ id: order.id }))).toBe("CONFLICT");
  });

  it("from DELIVERED completes; a paid (unshipped) order cannot be confirmed", async () => {
    const delivered = await createDeliveredOrder(db);
    expect((await as(delivered.buyerId).order.confirmReceipt({ id: delivered.order.id })).status).toBe("COMPLETED");
    const paid = await createPaidOrder(db);
    expect(await codeOf(as(paid.buyerId).order.confirmReceipt({ id: paid.order.id }))).toBe("CONFLICT");
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.order.id } })).status).toBe("PAID");
  });
});

describe("signed-out callers", () => {
  it("are refused", async () => {
    const anon = createCaller({ db, user: null });
    expect(await codeOf(anon.order.list({}))).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.payment.start({ checkoutId: "x" }))).toBe("UNAUTHORIZED");
  });
});
