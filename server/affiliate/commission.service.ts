// Creator commissions: written with the order (checkout), reversed when the order is cancelled or an
// item refunded, settled by a job once the after-sales window has closed. Amounts come from the
// database rows (lineTotalFen is after discounts), never from the client.
import type { Db, DbClient } from "@/server/db/client";
import { env } from "@/server/env";
import { PENDING_AFTER_SALE_STATUSES } from "@/server/order/order-eligibility";
import { commissionAmount, isFullyReversed, reversalFor } from "@/server/affiliate/commission.rules";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The active plan for each product: its own plan first, else its shop's shop-wide plan.
 * Returns productId → rateBp (products without a plan are absent).
 */
export async function activeRates(db: DbClient, products: Array<{ id: string; shopId: string }>): Promise<Map<string, number>> {
  if (products.length === 0) return new Map();
  const plans = await db.commissionPlan.findMany({
    where: {
      isActive: true,
      OR: [{ productId: { in: products.map((p) => p.id) } }, { productId: null, shopId: { in: [...new Set(products.map((p) => p.shopId))] } }],
    },
    select: { shopId: true, productId: true, rateBp: true },
  });
  const byProduct = new Map<string, number>();
  const byShop = new Map<string, number>();
  for (const p of plans) {
    if (p.productId) byProduct.set(p.productId, p.rateBp);
    else byShop.set(p.shopId, p.rateBp);
  }
  const rates = new Map<string, number>();
  for (const p of products) {
    const rate = byProduct.get(p.id) ?? byShop.get(p.shopId);
    if (rate !== undefined) rates.set(p.id, rate);
  }
  return rates;
}

/**
 * PENDING commissions for the creator-attributed items of freshly written orders. Call inside the
 * checkout transaction, after the items (and their discounts) are written. No plan → no commission;
 * a creator never earns on their own purchase. Returns how many were written.
 */
export async function recordCommissions(tx: DbClient, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const items = await tx.orderItem.findMany({
    where: { orderId: { in: orderIds }, attrCreatorId: { not: null } },
    select: {
      id: true,
      orderId: true,
      productId: true,
      lineTotalFen: true,
      attrChannel: true,
      attrCreatorId: true,
      order: { select: { shopId: true, userId: true } },
    },
  });
  if (items.length === 0) return 0;
  const creators = await tx.creatorProfile.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.attrCreatorId!))] } },
    select: { id: true, userId: true },
  });
  const creatorUser = new Map(creators.map((c) => [c.id, c.userId]));
  const rates = await activeRates(tx, items.map((i) => ({ id: i.productId, shopId: i.order.shopId })));
  const data = items.flatMap((i) => {
    const creatorId = i.attrCreatorId!;
    const owner = creatorUser.get(creatorId);
    const rateBp = rates.get(i.productId);
    if (!owner || owner === i.order.userId || rateBp === undefined) return [];
    const amountFen = commissionAmount(rateBp, i.lineTotalFen);
    if (amountFen <= 0) return [];
    return [
      {
        orderItemId: i.id,
        orderId: i.orderId,
        creatorId,
        shopId: i.order.shopId,
        productId: i.productId,
        channel: i.attrChannel,
        rateBp,
        baseFen: i.lineTotalFen,
        amountFen,
      },
    ];
  });
  if (data.length === 0) return 0;
  const written = await tx.commission.createMany({ data, skipDuplicates: true });
  return written.count;
}

/** A cancelled (unpaid) order: every commission on it is reversed whole. Call inside the cancel transaction. */
export async function reverseOrderCommissions(tx: DbClient, orderId: string, now = new Date()): Promise<number> {
  const rows = await tx.commission.findMany({ where: { orderId, status: "PENDING" }, select: { id: true, amountFen: true } });
  let n = 0;
  for (const r of rows) {
    const done = await tx.commission.updateMany({
      where: { id: r.id, status: "PENDING" },
      data: { status: "REVERSED", reversedFen: r.amountFen, reversedAt: now },
    });
    n += done.count;
  }
  return n;
}

/**
 * A refund of `itemFen` on one order item takes back floor(amount × itemFen / lineTotal) of its
 * commission (capped at what is left); fully reversed → REVERSED. A settled commission is final.
 * Call inside the refund transaction.
 */
export async function reverseForRefund(tx: DbClient, refund: { orderItemId: string; itemFen: number }, now = new Date()): Promise<number> {
  const c = await tx.commission.findUnique({
    where: { orderItemId: refund.orderItemId },
    select: { id: true, status: true, amountFen: true, reversedFen: true, baseFen: true, updatedAt: true },
  });
  if (!c || c.status !== "PENDING") return 0;
  const more = reversalFor(c, refund.itemFen, c.baseFen);
  if (more === 0) return 0;
  const reversedFen = c.reversedFen + more;
  const full = isFullyReversed({ amountFen: c.amountFen, reversedFen });
  // Conditional on the value read: two refunds of one item at once never both apply to the same base.
  const done = await tx.commission.updateMany({
    where: { id: c.id, status: "PENDING", reversedFen: c.reversedFen },
    data: { reversedFen, ...(full ? { status: "REVERSED" as const, reversedAt: now } : {}) },
  });
  if (done.count === 0) return reverseForRefund(tx, refund, now);
  return more;
}

/**
 * Settles pending commissions whose order is COMPLETED, whose after-sales window
 * (completedAt + MALL_AFTER_SALES_DAYS) has closed and whose item has no open after-sale request.
 * Each row moves with a conditional update, so parallel runs settle it once. Returns how many settled.
 */
export async function settleCommissions(db: Db, now: Date, options: { afterSalesDays?: number; limit?: number; creatorId?: string } = {}): Promise<number> {
  const days = options.afterSalesDays ?? env.MALL_AFTER_SALES_DAYS;
  const closedBefore = new Date(now.getTime() - days * DAY_MS);
  const eligible = {
    status: "PENDING" as const,
    ...(options.creatorId ? { creatorId: options.creatorId } : {}),
    orderItem: {
      order: { status: "COMPLETED" as const, completedAt: { lte: closedBefore } },
      afterSales: { none: { status: { in: [...PENDING_AFTER_SALE_STATUSES] } } },
    },
  };
  const due = await db.commission.findMany({
    where: eligible,
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 500,
  });
  if (due.length === 0) return 0;
  const done = await db.commission.updateMany({
    // The conditions again: a request opened meanwhile keeps its commission pending.
    where: { ...eligible, id: { in: due.map((d) => d.id) } },
    data: { status: "SETTLED", settledAt: now },
  });
  return done.count;
}
