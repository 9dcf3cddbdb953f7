// Payments: starting one for a shopper's pending orders, applying the provider's signed callbacks
// (idempotent on the provider's event id), and refunds back to the payer.
//
// Money flow rules:
// - The amount is the sum of the linked orders' totalFen, computed here, never sent by a client.
// - A success callback pays each linked order still PENDING_PAYMENT (PAID, actor PROVIDER, sales
//   recorded). An order cancelled or timed out meanwhile is not revived: its amount is refunded.
//   Money that matches no order of this payment any more (the shopper started a newer payment for
//   the same orders and paid that one too) is refunded as well, so no fen is ever kept by mistake.
import type { Db, DbClient } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import { tryTransitionOrder, type Actor } from "@/server/order/order-state";
import { recordSales } from "@/server/order/stock";
import { recordOrderPaid } from "@/server/reco/events.service";
import type { PaymentProvider, VerifiedPaymentEvent } from "@/server/payment/provider";
import type { StartPaymentInput } from "@/server/payment/payment.schema";
import {
  buildSandboxCallback,
  SANDBOX_MERCHANT_NAME,
  SANDBOX_PROVIDER,
  sandboxProvider,
  type SandboxCallback,
} from "@/server/payment/providers/sandbox";
import { siteUrl } from "@/server/env";

const PROVIDERS: Record<string, PaymentProvider> = { [SANDBOX_PROVIDER]: sandboxProvider };

export function getProvider(name: string): PaymentProvider | null {
  return Object.hasOwn(PROVIDERS, name) ? PROVIDERS[name] : null;
}

function providerOf(name: string): PaymentProvider {
  const provider = getProvider(name);
  if (!provider) throw new AppError("CONFLICT", `Unknown payment provider ${name}`);
  return provider;
}

// ───────────────────────────── refunds ─────────────────────────────

/**
 * Gives `amountFen` of an order back to whoever paid it, through the order's payment provider, and
 * adds it to Order.refundedFen (never above totalFen: a conditional update, so concurrent refunds
 * cannot overshoot). Records a "refund.succeeded" PaymentEvent. It does not change the order's
 * status or stock: the caller (after-sales, or a late payment for a cancelled order) does that.
 * Call it inside a transaction: a provider refusal rolls the whole thing back.
 */
export async function refundToPayer(
  tx: DbClient,
  input: { orderId: string; amountFen: number; reason: string; actor: Actor },
): Promise<{ providerRefundId: string }> {
  const { orderId, amountFen, reason, actor } = input;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw new AppError("BAD_REQUEST", "amountFen must be a whole number of fen above zero", { field: "amountFen" });
  }
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, totalFen: true, refundedFen: true, payment: { select: { id: true, provider: true, providerRef: true, status: true } } },
  });
  if (!order) throw notFound("Order");
  const payment = order.payment;
  if (!payment || payment.status !== "SUCCEEDED") {
    throw new AppError("CONFLICT", "This order has not been paid, so there is nothing to refund");
  }
  const moved = await tx.$executeRaw`
    UPDATE "Order" SET "refundedFen" = "refundedFen" + ${amountFen}, "updatedAt" = now()
    WHERE "id" = ${orderId} AND "refundedFen" + ${amountFen} <= "totalFen"`;
  if (moved === 0) {
    const left = order.totalFen - order.refundedFen;
    throw new AppError("BAD_REQUEST", `amountFen is more than the ${left} fen still refundable on this order`, { field: "amountFen" });
  }
  const { providerRefundId } = await providerOf(payment.provider).refund({
    paymentId: payment.id,
    providerRef: payment.providerRef,
    amountFen,
    reason,
  });
  await tx.paymentEvent.create({
    data: {
      provider: payment.provider,
      eventId: providerRefundId,
      paymentId: payment.id,
      type: "refund.succeeded",
      payload: { orderId, amountFen, reason, actorType: actor.type, actorId: actor.id ?? null },
    },
  });
  return { providerRefundId };
}

// ───────────────────────────── starting a payment ─────────────────────────────

/**
 * Creates a payment for the signed-in shopper's pending orders (every live one of a checkout, or
 * one order) and returns where to send the browser. Someone else's checkout or order: NOT_FOUND.
 */
export async function startPayment(
  db: Db,
  userId: string,
  input: StartPaymentInput,
  now = new Date(),
): Promise<{ paymentId: string; redirectUrl: string }> {
  let checkoutId: string;
  let orders: { id: string; orderNo: string; totalFen: number }[];
  const pendingLive = { status: "PENDING_PAYMENT" as const, payBy: { gt: now } };
  if (input.orderId) {
    const order = await db.order.findFirst({ where: { id: input.orderId, userId }, select: { id: true, checkoutId: true, status: true, payBy: true } });
    if (!order) throw notFound("Order");
    if (order.status !== "PENDING_PAYMENT" || order.payBy <= now) {
      throw new AppError("CONFLICT", "This order is no longer waiting for payment");
    }
    checkoutId = order.checkoutId;
    orders = await db.order.findMany({ where: { id: order.id, ...pendingLive }, select: { id: true, orderNo: true, totalFen: true } });
  } else {
    const checkout = await db.checkout.findFirst({ where: { id: input.checkoutId, userId }, select: { id: true } });
    if (!checkout) throw notFound("Checkout");
    checkoutId = checkout.id;
    orders = await db.order.findMany({
      where: { checkoutId, userId, ...pendingLive },
      select: { id: true, orderNo: true, totalFen: true },
      orderBy: { createdAt: "asc" },
    });
  }
  if (orders.length === 0) throw new AppError("CONFLICT", "There is nothing left to pay here: the orders are paid, cancelled or expired");
  const amountFen = orders.reduce((sum, o) => sum + o.totalFen, 0);
  const provider = sandboxProvider;
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.create({ data: { checkoutId, userId, provider: provider.name, amountFen } });
    const created = await provider.createPayment({
      paymentId: payment.id,
      amountFen,
      description: `${SANDBOX_MERCHANT_NAME} ${orders.map((o) => o.orderNo).join(", ")}`,
    });
    await tx.payment.update({ where: { id: payment.id }, data: { providerRef: created.providerRef } });
    // Conditional: an order cancelled between the read above and here is not linked (and a
    // mismatch aborts, so the amount always equals the linked orders' total).
    const linked = await tx.order.updateMany({
      where: { id: { in: orders.map((o) => o.id) }, userId, status: "PENDING_PAYMENT" },
      data: { paymentId: payment.id },
    });
    if (linked.count !== orders.length) throw new AppError("CONFLICT", "Your orders changed meanwhile; please try again");
    return { paymentId: payment.id, redirectUrl: created.redirectUrl };
  });
}

// ───────────────────────────── the cashier (收银台) ─────────────────────────────

export async function getCashier(db: Db, userId: string, checkoutId: string, now = new Date()) {
  const checkout = await db.checkout.findFirst({
    where: { id: checkoutId, userId },
    select: {
      id: true,
      orders: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          orderNo: true,
          status: true,
          totalFen: true,
          payBy: true,
          shop: { select: { nameZh: true, nameEn: true } },
          _count: { select: { items: true } },
        },
      },
      payments: { where: { userId }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, failureReason: true } },
    },
  });
  if (!checkout) throw notFound("Checkout");
  const due = checkout.orders.filter((o) => o.status === "PENDING_PAYMENT" && o.payBy > now);
  const anyPaid = checkout.orders.some((o) => o.status !== "PENDING_PAYMENT" && o.status !== "CANCELLED");
  const payBy = due.length ? new Date(Math.min(...due.map((o) => o.payBy.getTime()))) : null;
  return {
    checkoutId: checkout.id,
    amountDueFen: due.reduce((s, o) => s + o.totalFen, 0),
    payBy,
    state: due.length ? ("due" as const) : anyPaid ? ("paid" as const) : ("expired" as const),
    orders: checkout.orders.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      shopNameZh: o.shop.nameZh,
      shopNameEn: o.shop.nameEn,
      totalFen: o.totalFen,
      itemCount: o._count.items,
      payBy: o.payBy,
    })),
    lastPayment: checkout.payments[0] ?? null,
  };
}

// ───────────────────────────── the sandbox provider's hosted page ─────────────────────────────

async function ownSandboxPayment(db: DbClient, userId: string, paymentId: string) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, userId, provider: SANDBOX_PROVIDER },
    select: {
      id: true,
      providerRef: true,
      amountFen: true,
      status: true,
      checkoutId: true,
      createdAt: true,
      orders: { select: { orderNo: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!payment || !payment.providerRef) throw notFound("Payment");
  return { ...payment, providerRef: payment.providerRef };
}

/** What the sandbox pay page shows. Only the payer may open it. */
export async function getSandboxPayment(db: Db, userId: string, paymentId: string) {
  const p = await ownSandboxPayment(db, userId, paymentId);
  return {
    paymentId: p.id,
    providerRef: p.providerRef,
    merchantName: SANDBOX_MERCHANT_NAME,
    amountFen: p.amountFen,
    status: p.status,
    checkoutId: p.checkoutId,
    orderNos: p.orders.map((o) => o.orderNo),
    createdAt: p.createdAt,
  };
}

/** How the sandbox "provider" delivers its signed callback; answers the HTTP status it got. */
export type SandboxDelivery = (db: Db, callback: SandboxCallback) => Promise<number>;

/** In this process, through the same verification the HTTP route runs. */
export const deliverInProcess: SandboxDelivery = async (db, callback) => {
  const res = await handlePaymentCallback(db, SANDBOX_PROVIDER, callback.rawBody, new Headers(callback.headers));
  return res.status;
};

/**
 * Over HTTP to this site's own callback route, like a real provider. When the site's origin is not
 * reachable from the server itself (e.g. SITE_URL is a public name behind a proxy), the same signed
 * bytes are processed in-process instead: verification and idempotency are identical either way.
 */
export const deliverOverHttp: SandboxDelivery = async (db, callback) => {
  try {
    const res = await fetch(`${siteUrl()}/api/payments/${SANDBOX_PROVIDER}/callback`, {
      method: "POST",
      headers: callback.headers,
      body: callback.rawBody,
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
    });
    if (res.ok) return res.status;
    console.warn(`[payment] sandbox callback over HTTP answered ${res.status}; processing it in-process`);
  } catch (err) {
    console.warn(`[payment] sandbox callback over HTTP failed (${String(err)}); processing it in-process`);
  }
  return deliverInProcess(db, callback);
};

let sandboxDelivery: SandboxDelivery = deliverOverHttp;

/** Tests swap the transport (they have no web server listening). */
export function setSandboxDelivery(delivery: SandboxDelivery): void {
  sandboxDelivery = delivery;
}

/**
 * The payer pressed Pay or Fail on the sandbox page: the sandbox "provider" signs the outcome and
 * notifies the mall, exactly as a real provider would. Returns the payment's state afterwards.
 */
export async function decideSandboxPayment(
  db: Db,
  userId: string,
  input: { paymentId: string; outcome: "succeed" | "fail" },
): Promise<{ status: "PENDING" | "SUCCEEDED" | "FAILED"; checkoutId: string }> {
  const payment = await ownSandboxPayment(db, userId, input.paymentId);
  if (payment.status !== "PENDING") {
    throw new AppError("CONFLICT", payment.status === "SUCCEEDED" ? "This payment is already complete" : "This payment failed; start a new one from the cashier");
  }
  const callback = buildSandboxCallback({
    paymentId: payment.id,
    providerRef: payment.providerRef,
    amountFen: payment.amountFen,
    type: input.outcome === "succeed" ? "payment.succeeded" : "payment.failed",
    failureReason: input.outcome === "fail" ? "Declined by the payer in Sandbox Pay" : undefined,
  });
  const status = await sandboxDelivery(db, callback);
  if (status < 200 || status >= 300) throw new Error(`Sandbox callback was refused with HTTP ${status}`);
  const after = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true, checkoutId: true } });
  return after;
}

// ───────────────────────────── provider callbacks ─────────────────────────────

export interface CallbackResult {
  status: number;
  body: { ok: boolean; replay?: boolean; error?: string };
}

/**
 * Applies one provider callback. Signature and timestamp are checked by the provider adapter; then,
 * in one transaction: the PaymentEvent row is inserted with ON CONFLICT DO NOTHING on (provider,
 * eventId) — a replay finds it there and changes nothing — and the payment and its orders move.
 * Refused callbacks write nothing.
 */
export async function handlePaymentCallback(
  db: Db,
  providerName: string,
  rawBody: string,
  headers: Headers,
  now = new Date(),
): Promise<CallbackResult> {
  const provider = getProvider(providerName);
  if (!provider) return { status: 404, body: { ok: false, error: "Unknown provider" } };
  const verified = provider.verifyCallback(rawBody, headers, now);
  if (!verified.ok) return { status: verified.status, body: { ok: false, error: verified.reason } };
  const event = verified.event;
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({
      where: { id: event.paymentId },
      select: { id: true, provider: true, providerRef: true, amountFen: true, status: true },
    });
    if (!payment || payment.provider !== provider.name) return { status: 404, body: { ok: false, error: "Unknown payment" } };
    if (payment.providerRef !== event.providerRef) return { status: 400, body: { ok: false, error: "providerRef does not match" } };
    if (event.amountFen !== payment.amountFen) return { status: 400, body: { ok: false, error: "amountFen does not match the payment" } };
    const inserted = await tx.paymentEvent.createMany({
      data: [{ provider: provider.name, eventId: event.eventId, paymentId: payment.id, type: event.type, payload: event.payload as object }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { status: 200, body: { ok: true, replay: true } };
    if (event.type === "payment.succeeded") await applySuccess(tx, payment.id, payment.amountFen, provider, event, now);
    else await applyFailure(tx, payment.id, event);
    return { status: 200, body: { ok: true } };
  });
}

async function applyFailure(tx: DbClient, paymentId: string, event: VerifiedPaymentEvent) {
  const reason = typeof event.payload.failureReason === "string" ? event.payload.failureReason : "Payment failed";
  // Only a pending payment can fail; its orders stay pending and can be paid again until payBy.
  await tx.payment.updateMany({ where: { id: paymentId, status: "PENDING" }, data: { status: "FAILED", failureReason: reason } });
}

async function applySuccess(
  tx: DbClient,
  paymentId: string,
  amountFen: number,
  provider: PaymentProvider,
  event: VerifiedPaymentEvent,
  now: Date,
) {
  // A provider may report success after an earlier failure of the same payment (the payer retried
  // on its page): money moved, so it counts. A second success (another event id) changes nothing.
  const moved = await tx.payment.updateMany({
    where: { id: paymentId, status: { in: ["PENDING", "FAILED"] } },
    data: { status: "SUCCEEDED", paidAt: now, failureReason: null },
  });
  if (moved.count === 0) return;
  const orders = await tx.order.findMany({
    where: { paymentId },
    orderBy: { id: "asc" },
    select: { id: true, totalFen: true, items: { select: { productId: true, variantId: true, quantity: true } } },
  });
  let settledFen = 0;
  for (const order of orders) {
    const from = await tryTransitionOrder(tx, order.id, "PAID", { type: "PROVIDER", id: provider.name }, {
      from: ["PENDING_PAYMENT"],
      note: `Paid via ${provider.name} (event ${event.eventId})`,
      data: { paidAt: now },
    });
    if (from !== null) {
      await recordSales(tx, order.items);
      await recordOrderPaid(tx, order.id);
    } else {
      // Cancelled or timed out before the money arrived: not revived; the money goes back.
      await refundToPayer(tx, {
        orderId: order.id,
        amountFen: order.totalFen,
        reason: "Payment arrived after the order was cancelled",
        actor: { type: "SYSTEM" },
      });
    }
    settledFen += order.totalFen;
  }
  const unmatched = amountFen - settledFen;
  if (unmatched > 0) {
    // The orders moved on to a newer payment of the same shopper: refund what matches nothing.
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { providerRef: true } });
    const { providerRefundId } = await provider.refund({
      paymentId,
      providerRef: payment.providerRef,
      amountFen: unmatched,
      reason: "Orders were paid by another payment",
    });
    await tx.paymentEvent.create({
      data: {
        provider: provider.name,
        eventId: providerRefundId,
        paymentId,
        type: "refund.succeeded",
        payload: { amountFen: unmatched, reason: "Orders were paid by another payment" },
      },
    });
  }
}
