// Cancelling an unpaid order (by the shopper, or by the payment-timeout job): the order moves to
// CANCELLED and its reserved stock returns, in one transaction. A paid order is never cancelled
// here: once money moved, only after-sales (a refund) can undo it.
import type { Db, DbClient } from "@/server/db/client";
import { releaseStock } from "@/server/order/stock";
import { reverseOrderCommissions } from "@/server/affiliate/commission.service";
import { tryTransitionOrder, type Actor } from "@/server/order/order-state";
import { releaseCheckoutCoupons } from "@/server/marketing/coupon.service";

/**
 * Cancels the order if it is still awaiting payment and releases its stock. Returns false when it
 * was not (already paid, cancelled by someone else first): nothing is released twice, because only
 * the caller whose conditional transition succeeded releases.
 * Call it inside a transaction.
 */
export async function cancelUnpaidOrder(tx: DbClient, orderId: string, actor: Actor, reason: string): Promise<boolean> {
  const now = new Date();
  const from = await tryTransitionOrder(tx, orderId, "CANCELLED", actor, {
    from: ["PENDING_PAYMENT"],
    note: reason,
    data: { cancelledAt: now, cancelReason: reason },
  });
  if (from === null) return false;
  const items = await tx.orderItem.findMany({ where: { orderId }, select: { variantId: true, quantity: true } });
  await releaseStock(tx, items);
  await reverseOrderCommissions(tx, orderId, now);
  // Coupons return to the wallet once no order of the checkout is alive (refunds never return them).
  await releaseCheckoutCoupons(tx, orderId, now);
  return true;
}

/**
 * Orders whose payment deadline passed: cancelled by the system, stock released, one transaction per
 * order (a failure leaves the others done). Safe to run in several processes at once: the
 * conditional transition lets exactly one of them cancel each order. Returns how many it cancelled.
 */
export async function cancelExpiredOrders(db: Db, now: Date, limit = 200): Promise<number> {
  const due = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", payBy: { lte: now } },
    select: { id: true },
    orderBy: { payBy: "asc" },
    take: limit,
  });
  let cancelled = 0;
  for (const { id } of due) {
    const done = await db.$transaction((tx) => cancelUnpaidOrder(tx, id, { type: "SYSTEM" }, "Payment not received in time"));
    if (done) cancelled++;
  }
  return cancelled;
}
