// After-sales through the tRPC router on a real database: money, stock, sales and order states at
// every step, who may do what, and racing decisions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createUser } from "@/tests/factories/catalog";
import { createCompletedOrder, createDeliveredOrder, createPaidOrder, createShippedOrder } from "@/tests/factories/trade";

let db: Db;
let close: () => Promise<void>;
let admin: SessionUser;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  admin = { id: (await createUser(db, { roles: ["ADMIN", "SHOPPER"] })).id, roles: ["ADMIN", "SHOPPER"] };
});
afterAll(async () => {
  await close();
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

async function state(orderId: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { items: { orderBy: { id: "asc" }, include: { variant: { select: { stock: true } }, product: { select: { salesCount: true } } } } },
  });
  return {
    status: order.status,
    refundedFen: order.refundedFen,
    totalFen: order.totalFen,
    items: order.items.map((i) => ({ refundedQuantity: i.refundedQuantity, refundedFen: i.refundedFen, stock: i.variant.stock, sales: i.product.salesCount })),
  };
}

async function refundEvents(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentId: true } });
  return db.paymentEvent.findMany({ where: { paymentId: order.paymentId!, type: "refund.succeeded" } });
}

describe("refund only before shipping", () => {
  it("refunds the whole order with shipping: REFUNDED, stock and sales back, a timeline on both sides", async () => {
    const paid = await createPaidOrder(db, { priceFen: 4500, quantity: 2, stock: 10, shippingFeeFen: 800 });
    const item = paid.items[0];
    expect(await state(paid.order.id)).toMatchObject({ status: "PAID", items: [{ stock: 8, sales: 2 }] });

    const quote = await as(shopper(paid.buyerId)).afterSale.quote({ orderItemId: item.id });
    expect(quote.blocked).toBeNull();
    expect(quote.kinds).toEqual(["REFUND_ONLY"]);
    expect(quote.maxAmountFenByQuantity).toEqual([4500, 9000 + 800]);

    const requested = await as(shopper(paid.buyerId)).afterSale.request({
      orderItemId: item.id,
      kind: "REFUND_ONLY",
      quantity: 2,
      amountFen: 9800,
      reason: "no_longer_needed",
      description: "买多了",
    });
    expect(requested).toMatchObject({ status: "REQUESTED", orderStatus: "REFUNDING" });

    const approved = await as(seller(paid.sellerId!)).afterSale.approve({ id: requested.id });
    expect(approved).toMatchObject({ status: "REFUNDED", orderStatus: "REFUNDED" });
    expect(await state(paid.order.id)).toEqual({
      status: "REFUNDED",
      refundedFen: 9800,
      totalFen: 9800,
      items: [{ refundedQuantity: 2, refundedFen: 9000, stock: 10, sales: 0 }],
    });
    expect((await refundEvents(paid.order.id)).map((e) => (e.payload as { amountFen: number }).amountFen)).toEqual([9800]);

    for (const [user, side] of [
      [shopper(paid.buyerId), "buyer"],
      [seller(paid.sellerId!), "seller"],
      [admin, "admin"],
    ] as const) {
      const detail = await as(user).afterSale.get({ id: requested.id });
      expect(detail.viewer).toBe(side);
      expect(detail.events.map((e) => [e.toStatus, e.actorType])).toEqual([
        ["REQUESTED", "SHOPPER"],
        ["REFUNDED", "SELLER"],
      ]);
      expect(detail.events[0].note).toBe("买多了");
    }
    const orderEvents = await db.orderEvent.findMany({ where: { orderId: paid.order.id }, orderBy: { createdAt: "asc" } });
    expect(orderEvents.slice(-2).map((e) => e.toStatus)).toEqual(["REFUNDING", "REFUNDED"]);
    // Nothing left to ask for.
    expect((await as(shopper(paid.buyerId)).afterSale.quote({ orderItemId: item.id })).blocked).toBe("order_status");
  });

  it("refunds two items requested at once; the last refund carries the shipping fee", async () => {
    const first = await createPaidOrder(db, { priceFen: 1000, quantity: 1, shippingFeeFen: 600 });
    const category = await createCategory(db);
    const other = await createProduct(db, { shopId: first.shopId, categoryId: category.id, variants: [{ priceFen: 2000, stock: 5 }] });
    const paid = await createPaidOrder(db, {
      buyerId: first.buyerId,
      shopId: first.shopId,
      sellerId: first.sellerId!,
      shippingFeeFen: 600,
      lines: [
        { variantId: first.product!.variants[0].id, quantity: 1 },
        { variantId: other.variants[0].id, quantity: 1 },
      ],
    });
    const me = as(shopper(paid.buyerId));
    const [a, b] = paid.items;
    const ra = await me.afterSale.request({ orderItemId: a.id, kind: "REFUND_ONLY", quantity: 1, amountFen: a.lineTotalFen, reason: "other" });
    const rb = await me.afterSale.request({ orderItemId: b.id, kind: "REFUND_ONLY", quantity: 1, amountFen: b.lineTotalFen, reason: "other" });
    expect(rb.orderStatus).toBe("REFUNDING");
    expect((await as(seller(paid.sellerId!)).afterSale.approve({ id: ra.id })).orderStatus).toBe("REFUNDING");
    expect((await as(seller(paid.sellerId!)).afterSale.approve({ id: rb.id })).orderStatus).toBe("REFUNDED");
    const after = await state(paid.order.id);
    expect(after.refundedFen).toBe(after.totalFen);
    expect(after.totalFen).toBe(1000 + 2000 + 600);
  });
});

describe("partial refund", () => {
  it("refunds part of a shipped line and returns the order to SHIPPED; stock stays (goods are out)", async () => {
    const shipped = await createShippedOrder(db, { priceFen: 3000, quantity: 2, stock: 10, shippingFeeFen: 500 });
    const item = shipped.items[0];
    const before = await state(shipped.order.id);
    const quote = await as(shopper(shipped.buyerId)).afterSale.quote({ orderItemId: item.id });
    expect(quote.kinds).toEqual(["REFUND_ONLY", "RETURN_AND_REFUND"]);
    expect(quote.maxAmountFenByQuantity).toEqual([3000, 6000]);

    const r = await as(shopper(shipped.buyerId)).afterSale.request({ orderItemId: item.id, kind: "REFUND_ONLY", quantity: 1, amountFen: 1200, reason: "damaged" });
    expect(r.orderStatus).toBe("REFUNDING");
    const done = await as(seller(shipped.sellerId!)).afterSale.approve({ id: r.id });
    expect(done).toMatchObject({ status: "REFUNDED", orderStatus: "SHIPPED" });
    expect(await state(shipped.order.id)).toEqual({
      ...before,
      status: "SHIPPED",
      refundedFen: 1200,
      items: [{ ...before.items[0], refundedQuantity: 1, refundedFen: 1200 }],
    });
    // The other unit can still be refunded, up to what is left of the line.
    const next = await as(shopper(shipped.buyerId)).afterSale.quote({ orderItemId: item.id });
    expect(next.maxAmountFenByQuantity).toEqual([4800]);
  });
});

describe("return and refund", () => {
  it("approve → goods sent back → receipt confirmed → refund and stock back; order returns to DELIVERED", async () => {
    const delivered = await createDeliveredOrder(db, { priceFen: 2500, quantity: 2, stock: 5 });
    const me = as(shopper(delivered.buyerId));
    const shop = as(seller(delivered.sellerId!));
    const item = delivered.items[0];
    const r = await me.afterSale.request({ orderItemId: item.id, kind: "RETURN_AND_REFUND", quantity: 1, amountFen: 2500, reason: "quality_issue", description: "开裂" });

    expect(await shop.afterSale.approve({ id: r.id })).toMatchObject({ status: "AWAITING_RETURN", orderStatus: "REFUNDING" });
    expect((await state(delivered.order.id)).refundedFen).toBe(0);
    // The seller cannot confirm receipt before anything was sent.
    expect((await failure(shop.afterSale.confirmReceipt({ id: r.id }))).code).toBe("CONFLICT");
    expect((await me.afterSale.get({ id: r.id })).can).toMatchObject({ submitReturn: true, withdraw: true });

    const bad = await failure(me.afterSale.submitReturn({ id: r.id, carrier: "SF", trackingNo: "x" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("trackingNo");
    expect(await me.afterSale.submitReturn({ id: r.id, carrier: "SF", trackingNo: "SF1234567890" })).toMatchObject({ status: "RETURN_SHIPPED" });
    expect((await shop.afterSale.get({ id: r.id })).can).toMatchObject({ confirmReceipt: true, reject: true, approve: false });

    const stockBefore = (await state(delivered.order.id)).items[0];
    expect(await shop.afterSale.confirmReceipt({ id: r.id })).toMatchObject({ status: "REFUNDED", orderStatus: "DELIVERED" });
    const after = await state(delivered.order.id);
    expect(after.refundedFen).toBe(2500);
    expect(after.items[0]).toEqual({ refundedQuantity: 1, refundedFen: 2500, stock: stockBefore.stock + 1, sales: stockBefore.sales - 1 });
    const detail = await me.afterSale.get({ id: r.id });
    expect(detail.returnTrackingNo).toBe("SF1234567890");
    expect(detail.events.map((e) => e.toStatus)).toEqual(["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "REFUNDED"]);
  });

  it("is only possible once the order has shipped (the error names kind)", async () => {
    const paid = await createPaidOrder(db);
    const err = await failure(
      as(shopper(paid.buyerId)).afterSale.request({ orderItemId: paid.items[0].id, kind: "RETURN_AND_REFUND", quantity: 1, amountFen: 100, reason: "other" }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/^kind/);
  });
});

describe("rejection, escalation and arbitration", () => {
  it("seller rejects → order back to PAID; shopper escalates → REFUNDING; admin refunds → REFUNDED with stock back", async () => {
    const paid = await createPaidOrder(db, { priceFen: 8800, quantity: 1, stock: 3, shippingFeeFen: 0 });
    const me = as(shopper(paid.buyerId));
    const item = paid.items[0];
    const r = await me.afterSale.request({ orderItemId: item.id, kind: "REFUND_ONLY", quantity: 1, amountFen: 8800, reason: "not_as_described" });

    const emptyReason = await failure(as(seller(paid.sellerId!)).afterSale.reject({ id: r.id, reason: " " }));
    expect(emptyReason.code).toBe("BAD_REQUEST");
    expect(emptyReason.message).toContain("reason");
    expect(await as(seller(paid.sellerId!)).afterSale.reject({ id: r.id, reason: "商品与描述一致" })).toMatchObject({ status: "REJECTED", orderStatus: "PAID" });
    expect(await state(paid.order.id)).toMatchObject({ status: "PAID", refundedFen: 0, items: [{ stock: 2, sales: 1, refundedQuantity: 0 }] });

    const detail = await me.afterSale.get({ id: r.id });
    expect(detail.can.escalate).toBe(true);
    expect(detail.escalateBy).not.toBeNull();
    expect(await me.afterSale.escalate({ id: r.id, note: "描述写的是纯棉" })).toMatchObject({ status: "ESCALATED", orderStatus: "REFUNDING" });
    expect(await state(paid.order.id)).toMatchObject({ status: "REFUNDING", refundedFen: 0, items: [{ stock: 2 }] });

    // Not an operator: the seller and the shopper cannot arbitrate.
    expect((await failure(as(seller(paid.sellerId!)).afterSale.arbitrate({ id: r.id, decision: "close", note: "我说了算" }))).code).toBe("FORBIDDEN");
    expect((await failure(me.afterSale.arbitrate({ id: r.id, decision: "refund", note: "please" }))).code).toBe("FORBIDDEN");
    expect((await as(admin).afterSale.listForAdmin({ filter: "escalated", limit: 50 })).items.map((i) => i.id)).toContain(r.id);

    expect(await as(admin).afterSale.arbitrate({ id: r.id, decision: "refund", note: "以商品页描述为准" })).toMatchObject({ status: "REFUNDED", orderStatus: "REFUNDED" });
    expect(await state(paid.order.id)).toEqual({ status: "REFUNDED", refundedFen: 8800, totalFen: 8800, items: [{ refundedQuantity: 1, refundedFen: 8800, stock: 3, sales: 0 }] });
    const events = (await me.afterSale.get({ id: r.id })).events;
    expect(events.map((e) => [e.toStatus, e.actorType, e.note])).toEqual([
      ["REQUESTED", "SHOPPER", ""],
      ["REJECTED", "SELLER", "商品与描述一致"],
      ["ESCALATED", "SHOPPER", "描述写的是纯棉"],
      ["REFUNDED", "ADMIN", "以商品页描述为准"],
    ]);
  });

  it("admin closes an escalation: CLOSED and the order returns to where it was", async () => {
    const delivered = await createDeliveredOrder(db);
    const r = await as(shopper(delivered.buyerId)).afterSale.request({ orderItemId: delivered.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "other" });
    await as(seller(delivered.sellerId!)).afterSale.reject({ id: r.id, reason: "不支持" });
    await as(shopper(delivered.buyerId)).afterSale.escalate({ id: r.id, note: "请平台介入" });
    expect(await as(admin).afterSale.arbitrate({ id: r.id, decision: "close", note: "证据不足" })).toMatchObject({ status: "CLOSED", orderStatus: "DELIVERED" });
    expect((await state(delivered.order.id)).refundedFen).toBe(0);
  });

  it("refuses an escalation more than 7 days after the rejection", async () => {
    const paid = await createPaidOrder(db);
    const r = await as(shopper(paid.buyerId)).afterSale.request({ orderItemId: paid.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "other" });
    await as(seller(paid.sellerId!)).afterSale.reject({ id: r.id, reason: "已发货在途" });
    await db.afterSale.update({ where: { id: r.id }, data: { resolvedAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect((await as(shopper(paid.buyerId)).afterSale.get({ id: r.id })).can.escalate).toBe(false);
    expect((await failure(as(shopper(paid.buyerId)).afterSale.escalate({ id: r.id, note: "too late?" }))).code).toBe("CONFLICT");
    expect((await state(paid.order.id)).status).toBe("PAID");
  });
});

describe("withdrawing and limits", () => {
  it("withdraw closes the request and restores the order; a new request is then possible", async () => {
    const shipped = await createShippedOrder(db);
    const me = as(shopper(shipped.buyerId));
    const r = await me.afterSale.request({ orderItemId: shipped.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "not_received" });
    const dup = await failure(me.afterSale.request({ orderItemId: shipped.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "not_received" }));
    expect(dup.code).toBe("CONFLICT");
    expect(await me.afterSale.withdraw({ id: r.id })).toMatchObject({ status: "CLOSED", orderStatus: "SHIPPED" });
    expect((await me.afterSale.quote({ orderItemId: shipped.items[0].id })).blocked).toBeNull();
    expect((await me.afterSale.listMine({ limit: 10 })).items.map((i) => [i.id, i.status])).toEqual([[r.id, "CLOSED"]]);
  });

  it("rejects amounts and quantities beyond what is refundable, naming the field", async () => {
    const paid = await createPaidOrder(db, { priceFen: 5000, quantity: 2, shippingFeeFen: 0 });
    const me = as(shopper(paid.buyerId));
    const base = { orderItemId: paid.items[0].id, kind: "REFUND_ONLY" as const, reason: "other" as const };
    const tooMuch = await failure(me.afterSale.request({ ...base, quantity: 1, amountFen: 5001 }));
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(tooMuch.message).toMatch(/^amountFen/);
    const tooMany = await failure(me.afterSale.request({ ...base, quantity: 3, amountFen: 100 }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    expect(tooMany.message).toMatch(/^quantity/);
    const zero = await failure(me.afterSale.request({ ...base, quantity: 1, amountFen: 0 }));
    expect(zero.message).toContain("amountFen");
    const reason = await failure(me.afterSale.request({ ...base, quantity: 1, amountFen: 100, reason: "because" as never }));
    expect(reason.message).toContain("reason");
    expect((await state(paid.order.id)).status).toBe("PAID");
    expect(await db.afterSale.count({ where: { orderId: paid.order.id } })).toBe(0);
  });

  it("accepts requests on a completed order only within the after-sales window", async () => {
    const recent = await createCompletedOrder(db, { completedAt: new Date(Date.now() - 3 * 86_400_000) });
    expect(
      await as(shopper(recent.buyerId)).afterSale.request({ orderItemId: recent.items[0].id, kind: "RETURN_AND_REFUND", quantity: 1, amountFen: 100, reason: "quality_issue" }),
    ).toMatchObject({ orderStatus: "REFUNDING" });

    const old = await createCompletedOrder(db, { completedAt: new Date(Date.now() - 30 * 86_400_000) });
    const quote = await as(shopper(old.buyerId)).afterSale.quote({ orderItemId: old.items[0].id });
    expect(quote.blocked).toBe("window_closed");
    const err = await failure(as(shopper(old.buyerId)).afterSale.request({ orderItemId: old.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "other" }));
    expect(err.code).toBe("CONFLICT");
    expect((await state(old.order.id)).status).toBe("COMPLETED");
  });
});

describe("who may do what", () => {
  it("another shopper can neither see nor touch my order item or request (NOT_FOUND)", async () => {
    const paid = await createPaidOrder(db);
    const r = await as(shopper(paid.buyerId)).afterSale.request({ orderItemId: paid.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "other" });
    const stranger = as(shopper((await createUser(db)).id));
    expect((await failure(stranger.afterSale.get({ id: r.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.afterSale.withdraw({ id: r.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.afterSale.escalate({ id: r.id, note: "mine now" }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.afterSale.quote({ orderItemId: paid.items[0].id }))).code).toBe("NOT_FOUND");
    expect(
      (await failure(stranger.afterSale.request({ orderItemId: paid.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 1, reason: "other" }))).code,
    ).toBe("NOT_FOUND");
    expect((await stranger.afterSale.listMine({ limit: 50 })).items).toEqual([]);
    // A seller asking to see it as the buyer is refused too.
    expect((await failure(as(seller(paid.sellerId!)).afterSale.get({ id: r.id, as: "buyer" }))).code).toBe("NOT_FOUND");
    expect((await db.afterSale.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("REQUESTED");
  });

  it("a seller of another shop cannot decide (FORBIDDEN) and nothing changes", async () => {
    const paid = await createPaidOrder(db, { priceFen: 1500, stock: 4 });
    const r = await as(shopper(paid.buyerId)).afterSale.request({ orderItemId: paid.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 1500, reason: "other" });
    const other = await createPaidOrder(db);
    const intruder = as(seller(other.sellerId!));
    const before = await state(paid.order.id);
    expect((await failure(intruder.afterSale.approve({ id: r.id }))).code).toBe("FORBIDDEN");
    expect((await failure(intruder.afterSale.reject({ id: r.id, reason: "no way" }))).code).toBe("FORBIDDEN");
    expect((await failure(intruder.afterSale.confirmReceipt({ id: r.id }))).code).toBe("FORBIDDEN");
    expect((await failure(intruder.afterSale.get({ id: r.id }))).code).toBe("NOT_FOUND");
    expect((await intruder.afterSale.listForSeller({ filter: "all", limit: 50 })).items.map((i) => i.id)).not.toContain(r.id);
    expect(await state(paid.order.id)).toEqual(before);
    expect((await db.afterSale.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("REQUESTED");
    // A shopper without the seller role cannot call seller procedures at all.
    expect((await failure(as(shopper(paid.buyerId)).afterSale.approve({ id: r.id }))).code).toBe("FORBIDDEN");
    // The right seller sees it in the to-do list.
    expect((await as(seller(paid.sellerId!)).afterSale.listForSeller({ filter: "todo", limit: 50 })).items.map((i) => i.id)).toContain(r.id);
  });
});

describe("racing decisions", () => {
  it("approve and reject at once: exactly one wins, money moves at most once", async () => {
    for (let round = 0; round < 3; round++) {
      const paid = await createPaidOrder(db, { priceFen: 2000, stock: 5 });
      const r = await as(shopper(paid.buyerId)).afterSale.request({ orderItemId: paid.items[0].id, kind: "REFUND_ONLY", quantity: 1, amountFen: 2000, reason: "other" });
      const shop = as(seller(paid.sellerId!));
      const outcomes = await Promise.allSettled([shop.afterSale.approve({ id: r.id }), shop.afterSale.reject({ id: r.id, reason: "并发拒绝" })]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      expect(won).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect((lost.reason as TRPCError).code).toBe("CONFLICT");
      const final = await db.afterSale.findUniqueOrThrow({ where: { id: r.id }, include: { events: true } });
      const after = await state(paid.order.id);
      if (final.status === "REFUNDED") {
        expect(after).toMatchObject({ status: "REFUNDED", refundedFen: 2000, items: [{ stock: 5 }] });
        expect(await refundEvents(paid.order.id)).toHaveLength(1);
      } else {
        expect(final.status).toBe("REJECTED");
        expect(after).toMatchObject({ status: "PAID", refundedFen: 0, items: [{ stock: 4 }] });
        expect(await refundEvents(paid.order.id)).toHaveLength(0);
      }
      expect(final.events).toHaveLength(2);
    }
  });
});
