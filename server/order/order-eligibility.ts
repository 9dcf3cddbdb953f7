// What a shopper may do with an order and with each of its items right now. Pure functions over
// plain values, so the order pages, the services and unit tests agree.
import type { AfterSaleStatus, OrderStatus } from "@/server/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Order states in which after-sales may be requested (COMPLETED only within the window). */
export const AFTER_SALE_ORDER_STATUSES: readonly OrderStatus[] = ["PAID", "SHIPPED", "DELIVERED", "COMPLETED"];
export const REVIEW_ORDER_STATUSES: readonly OrderStatus[] = ["DELIVERED", "COMPLETED"];
/** After-sales that still claim their units (a REFUNDED one is counted in refundedQuantity instead). */
export const PENDING_AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = ["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "ESCALATED"];

export interface OrderFacts {
  status: OrderStatus;
  payBy: Date;
  completedAt: Date | null;
}

export function orderActions(order: OrderFacts, now: Date) {
  return {
    canPay: order.status === "PENDING_PAYMENT" && order.payBy > now,
    canCancel: order.status === "PENDING_PAYMENT",
    canConfirmReceipt: order.status === "SHIPPED" || order.status === "DELIVERED",
  };
}

/** The end of the after-sales window of a completed order, or null when there is none yet. */
export function afterSaleDeadline(order: Pick<OrderFacts, "status" | "completedAt">, afterSalesDays: number): Date | null {
  return order.status === "COMPLETED" && order.completedAt ? new Date(order.completedAt.getTime() + afterSalesDays * DAY_MS) : null;
}

export interface ItemFacts {
  quantity: number;
  refundedQuantity: number;
  hasReview: boolean;
  /** Status and quantity of every after-sale on this item. */
  afterSales: readonly { status: AfterSaleStatus; quantity: number }[];
}

export function refundableQuantity(item: ItemFacts): number {
  const claimed = item.afterSales.filter((a) => PENDING_AFTER_SALE_STATUSES.includes(a.status)).reduce((s, a) => s + a.quantity, 0);
  return Math.max(0, item.quantity - item.refundedQuantity - claimed);
}

export function itemActions(order: OrderFacts, item: ItemFacts, now: Date, afterSalesDays: number) {
  const refundable = refundableQuantity(item);
  const deadline = afterSaleDeadline(order, afterSalesDays);
  const inWindow = order.status !== "COMPLETED" || (deadline !== null && now <= deadline);
  return {
    refundableQuantity: refundable,
    canAfterSale: AFTER_SALE_ORDER_STATUSES.includes(order.status) && refundable > 0 && inWindow,
    canReview: REVIEW_ORDER_STATUSES.includes(order.status) && !item.hasReview && item.refundedQuantity < item.quantity,
  };
}
