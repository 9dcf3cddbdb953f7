import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { refundToPayer, setSandboxDelivery } from "@/server/payment/payment.service";
import { buildSandboxCallback, type SandboxCallback } from "@/server/payment/providers/sandbox";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { createPaidOrder, createPendingOrder } from "@/tests/factories/trade";

// The callback route is exercised through its real handler: app/api/payments/[provider]/callback/route.ts,
// with getDb() pointing at this file's database.
const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/db", () => ({ getDb: () => holder.db }));
const { POST } = await import("@/app/api/payments/[provider]/callback/route");

let db: Db;
let close: () => Promise<void>;

async function post(cb: SandboxCallback, provider = "sandbox"): Promise<Response> {
  const req = new Request(`http://mall.test/api/payments/${provider}/callback`, { method: "POST", headers: cb.headers, body: cb.rawBody });
  return POST(req, { params: Promise.resolve({ provider }) });
}

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  holder.db = db;
  // The sandbox's Pay button delivers its signed callback through the HTTP route handler.
  setSandboxDelivery(async (_db, cb) => (await post(cb)).status);
});
afterAll(async () => {
  await close();
});

function as(userId: string): ReturnType<typeof createCaller> {
  const user: SessionUser = { id: userId, roles: ["SHOPPER"] };
  return createCaller({ db, user });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError || err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function salesOf(productId: string) {
  return (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { salesCount: true } })).salesCount;
}

async function stockOf(variantId: string) {
  return (await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

/** Two shops' pending orders in one checkout, and a started payment for them. */
async function startedCheckout() {
  const first = await createPendingOrder(db, { priceFen: 3000, quantity: 2, shippingFeeFen: 800 });
  const second = await createPendingOrder(db, { buyerId: first.buyerId, checkoutId: first.order.checkoutId, priceFen: 1250 });
  const started = await as(first.buyerId).payment.start({ checkoutId: first.order.checkoutId });
  const payment = await db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
  return { first, second, started, payment, buyerId: first.buyerId };
}

function successFor(payment: { id: string; providerRef: string | null; amountFen: number }, options: Parameters<typeof buildSandboxCallback>[1] = {}) {
  return buildSandboxCallback({ paymentId: payment.id, providerRef: payment.providerRef!, amountFen: payment.amountFen, type: "payment.succeeded" }, options);
}

describe("payment.start", () => {
  it("charges the server-computed total of the checkout's pending orders and links them", async () => {
    const { first, second, started, payment } = await startedCheckout();
    expect(payment.amountFen).toBe(3000 * 2 + 800 + 1250);
    expect(payment.status).toBe("PENDING");
    expect(payment.provider).toBe("sandbox");
    expect(started.redirectUrl).toBe(`/sandbox-pay/${payment.id}`);
    const linked = await db.order.findMany({ where: { paymentId: payment.id }, select: { id: true } });
    expect(linked.map((o) => o.id).sort()).toEqual([first.order.id, second.order.id].sort());
  });

  it("skips orders past their pay-by time and refuses when nothing is left", async () => {
    const live = await createPendingOrder(db, { priceFen: 1000 });
    await createPendingOrder(db, { buyerId: live.buyerId, checkoutId: live.order.checkoutId, priceFen: 9999, payBy: new Date(Date.now() - 1000) });
    const started = await as(live.buyerId).payment.start({ checkoutId: live.order.checkoutId });
    expect((await db.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).amountFen).toBe(1000);

    const expired = await createPendingOrder(db, { payBy: new Date(Date.now() - 1000) });
    expect(await codeOf(as(expired.buyerId).payment.start({ checkoutId: expired.order.checkoutId }))).toBe("CONFLICT");
    expect(await codeOf(as(expired.buyerId).payment.start({ orderId: expired.order.id }))).toBe("CONFLICT");
  });

  it("lets only the owner pay: another user's checkout or order is NOT_FOUND and creates no payment", async () => {
    const mine = await createPendingOrder(db);
    const other = await createUser(db);
    expect(await codeOf(as(other.id).payment.start({ checkoutId: mine.order.checkoutId }))).toBe("NOT_FOUND");
    expect(await codeOf(as(other.id).payment.start({ orderId: mine.order.id }))).toBe("NOT_FOUND");
    expect(await db.payment.count({ where: { checkoutId: mine.order.checkoutId } })).toBe(0);
    expect(await codeOf(as(other.id).payment.cashier({ checkoutId: mine.order.checkoutId }))).toBe("NOT_FOUND");
    const started = await as(mine.buyerId).payment.start({ orderId: mine.order.id });
    expect(await codeOf(as(other.id).payment.sandboxPayment({ paymentId: started.paymentId }))).toBe("NOT_FOUND");
    expect(await codeOf(as(other.id).payment.sandboxDecide({ paymentId: started.paymentId, outcome: "succeed" }))).toBe("NOT_FOUND");
    expect((await db.order.findUniqueOrThrow({ where: { id: mine.order.id } })).status).toBe("PENDING_PAYMENT");
  });

  it("rejects input naming neither or both of checkoutId and orderId", async () => {
    const mine = await createPendingOrder(db);
    await expect(as(mine.buyerId).payment.start({})).rejects.toThrow(/checkoutId/);
    await expect(as(mine.buyerId).payment.start({ checkoutId: mine.order.checkoutId, orderId: mine.order.id })).rejects.toThrow(/checkoutId/);
  });
});

describe("sandbox Pay / Fail through the signed callback route", () => {
  it("Pay: payment succeeds, every order becomes PAID by the PROVIDER, sales recorded, cashier shows paid", async () => {
    const { first, second, started, buyerId } = await startedCheckout();
    const page = await as(buyerId).payment.sandboxPayment({ paymentId: started.paymentId });
    expect(page.merchantName).toBe("Interest Mall");
    expect(page.amountFen).toBe(3000 * 2 + 800 + 1250);
    const stockBefore = await stockOf(first.items[0].variantId);

    const result = await as(buyerId).payment.sandboxDecide({ paymentId: started.paymentId, outcome: "succeed" });
    expect(result).toEqual({ status: "SUCCEEDED", checkoutId: first.order.checkoutId });

    for (const o of [first, second]) {
      const order = await db.order.findUniqueOrThrow({ where: { id: o.order.id }, include: { events: true } });
      expect(order.status).toBe("PAID");
      expect(order.paidAt).not.toBeNull();
      const paidEvent = order.events.find((e) => e.toStatus === "PAID");
      expect(paidEvent).toMatchObject({ fromStatus: "PENDING_PAYMENT", actorType: "PROVIDER" });
    }
    expect(await salesOf(first.product!.id)).toBe(2);
    expect(await salesOf(second.product!.id)).toBe(1);
    expect(await stockOf(first.items[0].variantId)).toBe(stockBefore); // the reservation became the sale

    const cashier = await as(buyerId).payment.cashier({ checkoutId: first.order.checkoutId });
    expect(cashier.state).toBe("paid");
    expect(cashier.amountDueFen).toBe(0);
    expect(cashier.lastPayment?.status).toBe("SUCCEEDED");
    expect(await codeOf(as(buyerId).payment.sandboxDecide({ paymentId: started.paymentId, outcome: "succeed" }))).toBe("CONFLICT");
  });

  it("Fail: payment FAILED with a reason, orders stay pending, and a new attempt can pay them", async () => {
    const { first, started, buyerId } = await startedCheckout();
    const failed = await as(buyerId).payment.sandboxDecide({ paymentId: started.paymentId, outcome: "fail" });
    expect(failed.status).toBe("FAILED");
    const payment = await db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
    expect(payment.failureReason).toMatch(/Declined/);
    expect((await db.order.findUniqueOrThrow({ where: { id: first.order.id } })).status).toBe("PENDING_PAYMENT");
    const cashier = await as(buyerId).payment.cashier({ checkoutId: first.order.checkoutId });
    expect(cashier).toMatchObject({ state: "due", lastPayment: { status: "FAILED" } });

    const retry = await as(buyerId).payment.start({ checkoutId: first.order.checkoutId });
    await as(buyerId).payment.sandboxDecide({ paymentId: retry.paymentId, outcome: "succeed" });
    expect((await db.order.findUniqueOrThrow({ where: { id: first.order.id } })).status).toBe("PAID");
    expect(await salesOf(first.product!.id)).toBe(2);
  });
});

describe("callback security and idempotency", () => {
  it("a callback replayed 5 times in a row pays once", async () => {
    const { first, second, payment } = await startedCheckout();
    const cb = successFor(payment);
    for (let i = 0; i < 5; i++) {
      const res = await post(cb);
      expect(res.status).toBe(200);
    }
    expect(await db.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await db.orderEvent.count({ where: { orderId: { in: [first.order.id, second.order.id] }, toStatus: "PAID" } })).toBe(2);
    expect(await salesOf(first.product!.id)).toBe(2);
    expect(await salesOf(second.product!.id)).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("SUCCEEDED");
  });

  it("a callback replayed 5 times in parallel pays once", async () => {
    const { first, second, payment } = await startedCheckout();
    const cb = successFor(payment);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post(cb).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await db.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await db.orderEvent.count({ where: { orderId: { in: [first.order.id, second.order.id] }, toStatus: "PAID" } })).toBe(2);
    expect(await salesOf(first.product!.id)).toBe(2);
    expect(await salesOf(second.product!.id)).toBe(1);
  });

  it("a second success event (new event id) for a paid payment changes nothing", async () => {
    const { first, payment } = await startedCheckout();
    expect((await post(successFor(payment))).status).toBe(200);
    expect((await post(successFor(payment))).status).toBe(200);
    expect(await salesOf(first.product!.id)).toBe(2);
    expect(await db.orderEvent.count({ where: { orderId: first.order.id, toStatus: "PAID" } })).toBe(1);
  });

  async function expectNothingWritten(paymentId: string, orderId: string) {
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");
    expect(await db.paymentEvent.count({ where: { paymentId } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING_PAYMENT");
  }

  it("refuses a stale timestamp (older than 5 minutes) with 400 and writes nothing", async () => {
    const { first, payment } = await startedCheckout();
    const res = await post(successFor(payment, { now: new Date(Date.now() - 6 * 60_000) }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: expect.stringMatching(/stale/i) });
    await expectNothingWritten(payment.id, first.order.id);
    // Within the window is fine.
    expect((await post(successFor(payment, { now: new Date(Date.now() - 4 * 60_000) }))).status).toBe(200);
  });

  it("refuses a bad signature with 401 and writes nothing: wrong secret, tampered body, missing headers", async () => {
    const { first, payment } = await startedCheckout();
    expect((await post(successFor(payment, { secret: "not-the-real-secret-at-all" }))).status).toBe(401);
    const genuine = successFor(payment);
    const tampered = { ...genuine, rawBody: genuine.rawBody.replace(`"amountFen":${payment.amountFen}`, `"amountFen":${payment.amountFen + 1}`) };
    expect(tampered.rawBody).not.toBe(genuine.rawBody);
    expect((await post(tampered)).status).toBe(401);
    const unsigned = { ...genuine, headers: { "content-type": "application/json" } };
    expect((await post(unsigned)).status).toBe(400);
    await expectNothingWritten(payment.id, first.order.id);
  });

  it("refuses an amount that differs from the payment (even when correctly signed)", async () => {
    const { first, payment } = await startedCheckout();
    const res = await post(successFor({ ...payment, amountFen: payment.amountFen - 1 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/amountFen/) });
    await expectNothingWritten(payment.id, first.order.id);
  });

  it("refuses an unknown provider or payment", async () => {
    const { payment } = await startedCheckout();
    expect((await post(successFor(payment), "paypal")).status).toBe(404);
    expect((await post(successFor({ ...payment, id: "no-such-payment" }))).status).toBe(404);
  });
});

describe("money that arrives for an order that is no longer waiting", () => {
  it("a payment for a cancelled order refunds that order and does not revive it", async () => {
    const { first, second, payment, buyerId } = await startedCheckout();
    const variantId = first.items[0].variantId;
    const stockBefore = await stockOf(variantId);
    await as(buyerId).order.cancel({ id: first.order.id, reason: "Changed my mind" });
    expect(await stockOf(variantId)).toBe(stockBefore + 2);

    expect((await post(successFor(payment))).status).toBe(200);
    const cancelled = await db.order.findUniqueOrThrow({ where: { id: first.order.id } });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.paidAt).toBeNull();
    expect(cancelled.refundedFen).toBe(cancelled.totalFen);
    expect(await salesOf(first.product!.id)).toBe(0);
    expect(await stockOf(variantId)).toBe(stockBefore + 2);
    const refunds = await db.paymentEvent.findMany({ where: { paymentId: payment.id, type: "refund.succeeded" } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0].payload).toMatchObject({ orderId: first.order.id, amountFen: cancelled.totalFen });
    // The other order of the checkout is paid normally.
    expect((await db.order.findUniqueOrThrow({ where: { id: second.order.id } })).status).toBe("PAID");
  });

  it("an older payment paid after a newer one for the same orders is refunded in full", async () => {
    const pending = await createPendingOrder(db, { priceFen: 4200 });
    const older = await as(pending.buyerId).payment.start({ orderId: pending.order.id });
    const newer = await as(pending.buyerId).payment.start({ orderId: pending.order.id });
    await as(pending.buyerId).payment.sandboxDecide({ paymentId: newer.paymentId, outcome: "succeed" });
    await as(pending.buyerId).payment.sandboxDecide({ paymentId: older.paymentId, outcome: "succeed" });
    const refunds = await db.paymentEvent.findMany({ where: { paymentId: older.paymentId, type: "refund.succeeded" } });
    expect(refunds.map((r) => (r.payload as { amountFen: number }).amountFen)).toEqual([4200]);
    const order = await db.order.findUniqueOrThrow({ where: { id: pending.order.id } });
    expect(order).toMatchObject({ status: "PAID", paymentId: newer.paymentId, refundedFen: 0 });
    expect(await salesOf(pending.product!.id)).toBe(1);
  });
});

describe("refundToPayer", () => {
  it("refunds through the provider, records the event and adds to refundedFen, never above the total", async () => {
    const { order } = await createPaidOrder(db, { priceFen: 5000 });
    const result = await db.$transaction((tx) => refundToPayer(tx, { orderId: order.id, amountFen: 2000, reason: "Damaged", actor: { type: "SELLER" } }));
    expect(result.providerRefundId).toMatch(/^sbx_rf_/);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedFen).toBe(2000);
    const event = await db.paymentEvent.findFirstOrThrow({ where: { eventId: result.providerRefundId } });
    expect(event).toMatchObject({ type: "refund.succeeded", provider: "sandbox" });

    const over = db.$transaction((tx) => refundToPayer(tx, { orderId: order.id, amountFen: 3001, reason: "x", actor: { type: "SYSTEM" } }));
    await expect(over).rejects.toMatchObject({ code: "BAD_REQUEST", field: "amountFen" });
    for (const amountFen of [0, -5, 1.5]) {
      const bad = db.$transaction((tx) => refundToPayer(tx, { orderId: order.id, amountFen, reason: "x", actor: { type: "SYSTEM" } }));
      await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST", field: "amountFen" });
    }
    await db.$transaction((tx) => refundToPayer(tx, { orderId: order.id, amountFen: 3000, reason: "Rest", actor: { type: "SYSTEM" } }));
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.refundedFen).toBe(5000);
    expect(after.status).toBe("PAID"); // status is the caller's business
    expect(await db.paymentEvent.count({ where: { paymentId: after.paymentId!, type: "refund.succeeded" } })).toBe(2);
  });

  it("refuses an unpaid order", async () => {
    const { order } = await createPendingOrder(db);
    const p = db.$transaction((tx) => refundToPayer(tx, { orderId: order.id, amountFen: 100, reason: "x", actor: { type: "SYSTEM" } }));
    await expect(p).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
