// Pure after-sales rules: what a request may ask for, what a refund pays, where the order ends up,
// and which request states each action may leave from. No database here, so all of it is unit-tested
// (tests/unit/aftersale-rules.test.ts); aftersale.service.ts applies it inside transactions.
import type { AfterSaleStatus, OrderStatus } from "@/server/generated/prisma/client";

/** Requests still being worked on: while one exists the order stays REFUNDING. */
export const OPEN_STATUSES = ["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "ESCALATED"] as const satisfies readonly AfterSaleStatus[];

export function isOpen(status: AfterSaleStatus): boolean {
  return (OPEN_STATUSES as readonly AfterSaleStatus[]).includes(status);
}

/** Order states from which a shopper may ask for after-sales (COMPLETED only inside the window). */
export const REQUESTABLE_ORDER_STATUSES = ["PAID", "SHIPPED", "DELIVERED", "COMPLETED"] as const satisfies readonly OrderStatus[];
export type RequestableOrderStatus = (typeof REQUESTABLE_ORDER_STATUSES)[number];

export function isRequestable(status: OrderStatus): status is RequestableOrderStatus {
  return (REQUESTABLE_ORDER_STATUSES as readonly OrderStatus[]).includes(status);
}

/** A rejected request may be taken to the platform for this many days after the rejection. */
export const ESCALATION_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export function escalationDeadline(rejectedAt: Date): Date {
  return new Date(rejectedAt.getTime() + ESCALATION_WINDOW_DAYS * DAY_MS);
}

// ───────────────────────────── actions and the states they leave from ─────────────────────────────

export type AfterSaleAction =
  | "approve"
  | "reject"
  | "submitReturn"
  | "confirmReceipt"
  | "withdraw"
  | "escalate"
  | "arbitrateRefund"
  | "arbitrateClose";

/**
 *   REQUESTED ─approve (refund only)─────────────────────────────────▶ REFUNDED
 *       │     ─approve (return and refund)─▶ AWAITING_RETURN ─submitReturn─▶ RETURN_SHIPPED ─confirmReceipt─▶ REFUNDED
 *       │                                                                     │
 *       └─reject─▶ REJECTED ◀──────────────────────────reject (goods not as sent)┘
 *                      │ escalate (≤ 7 days)
 *                      ▼
 *                  ESCALATED ─arbitrateRefund─▶ REFUNDED (or AWAITING_RETURN when goods must still come back)
 *                            ─arbitrateClose──▶ CLOSED
 * withdraw (shopper): REQUESTED, AWAITING_RETURN or ESCALATED ─▶ CLOSED
 */
export const ACTION_FROM: Record<AfterSaleAction, readonly AfterSaleStatus[]> = {
  approve: ["REQUESTED"],
  reject: ["REQUESTED", "RETURN_SHIPPED"],
  submitReturn: ["AWAITING_RETURN"],
  confirmReceipt: ["RETURN_SHIPPED"],
  withdraw: ["REQUESTED", "AWAITING_RETURN", "ESCALATED"],
  escalate: ["REJECTED"],
  arbitrateRefund: ["ESCALATED"],
  arbitrateClose: ["ESCALATED"],
};

export function canAct(action: AfterSaleAction, status: AfterSaleStatus): boolean {
  return ACTION_FROM[action].includes(status);
}

// ───────────────────────────── money ─────────────────────────────

export interface ItemMoney {
  id: string;
  quantity: number;
  refundedQuantity: number;
  lineTotalFen: number;
  refundedFen: number;
}

export interface OrderMoney {
  totalFen: number;
  refundedFen: number;
  shippingFeeFen: number;
  /** The seller handed the parcel to a carrier (shippedAt is set). */
  isShipped: boolean;
  items: readonly ItemMoney[];
}

export function remainingQuantity(item: ItemMoney): number {
  return item.quantity - item.refundedQuantity;
}

export function remainingFen(item: ItemMoney): number {
  return item.lineTotalFen - item.refundedFen;
}

/** Shipping already given back: what the order refunded beyond its items' refunds. */
export function shippingRefundedFen(order: OrderMoney): number {
  const items = order.items.reduce((sum, i) => sum + i.refundedFen, 0);
  return Math.min(order.shippingFeeFen, Math.max(0, order.refundedFen - items));
}

function itemOf(order: OrderMoney, itemId: string): ItemMoney {
  const item = order.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`item ${itemId} is not in this order`);
  return item;
}

/**
 * The item part of a refund of `quantity` units: the rest of the line for the last units, otherwise
 * a proportional share rounded down (so refunding units one by one never totals more than the line).
 */
export function itemRefundableFen(item: ItemMoney, quantity: number): number {
  const units = remainingQuantity(item);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > units) return 0;
  const fen = remainingFen(item);
  return quantity === units ? fen : Math.floor((fen * quantity) / units);
}

/**
 * Shipping is refundable only when the order never shipped and this refund takes the last
 * unrefunded units of the whole order: the request covers the rest of its item and every other item
 * is already refunded in full by quantity. Once a parcel has left, the carrier was paid for real, so
 * the fee stays with the seller (as on the major Chinese platforms without shipping insurance).
 */
export function shippingRefundableFen(order: OrderMoney, itemId: string, quantity: number): number {
  if (order.isShipped) return 0;
  const item = itemOf(order, itemId);
  if (quantity !== remainingQuantity(item)) return 0;
  const othersDone = order.items.every((i) => i.id === itemId || remainingQuantity(i) === 0);
  return othersDone ? order.shippingFeeFen - shippingRefundedFen(order) : 0;
}

/** The most a request for `quantity` units of the item may ask: item part plus any shipping. */
export function maxRefundableFen(order: OrderMoney, itemId: string, quantity: number): number {
  const item = itemOf(order, itemId);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > remainingQuantity(item)) return 0;
  return itemRefundableFen(item, quantity) + shippingRefundableFen(order, itemId, quantity);
}

/** Maximum refundable amount for 1, 2, … remaining units (index q − 1), for the request form. */
export function maxRefundableByQuantity(order: OrderMoney, itemId: string): number[] {
  const units = remainingQuantity(itemOf(order, itemId));
  return Array.from({ length: Math.max(0, units) }, (_, i) => maxRefundableFen(order, itemId, i + 1));
}

export interface RefundPlan {
  /** Goes to the item's refundedFen. */
  itemFen: number;
  /** Goes to the order only (shipping fee). */
  shippingFen: number;
  /** itemFen + shippingFen: what refundToPayer sends back. */
  totalFen: number;
  /** After this refund nothing is left to deliver or to pay back: the order becomes REFUNDED. */
  orderFullyRefunded: boolean;
}

/**
 * What a refund of an approved request pays, against the order as it is now:
 * - the requested amount, capped at what is refundable now (a request rejected, then escalated after
 *   the order shipped, loses its shipping share);
 * - plus the rest of the shipping fee when this refund leaves an unshipped order with no unit
 *   unrefunded (two items refunded by concurrent requests: the last one carries the fee).
 * The order is fully refunded when its refundedFen reaches totalFen, when every line's money came
 * back, or when it never shipped and every unit is refunded (nothing left to send).
 */
export function planRefund(order: OrderMoney, request: { orderItemId: string; quantity: number; amountFen: number }): RefundPlan {
  const item = itemOf(order, request.orderItemId);
  const cap = maxRefundableFen(order, item.id, request.quantity);
  const amount = Math.max(0, Math.min(request.amountFen, cap));
  const itemFen = Math.min(amount, remainingFen(item));
  let shippingFen = amount - itemFen;

  const after = order.items.map((i) =>
    i.id === item.id ? { ...i, refundedQuantity: i.refundedQuantity + request.quantity, refundedFen: i.refundedFen + itemFen } : i,
  );
  const allUnitsRefunded = after.every((i) => remainingQuantity(i) === 0);
  if (!order.isShipped && allUnitsRefunded) {
    shippingFen = order.shippingFeeFen - shippingRefundedFen(order);
  }
  const totalFen = itemFen + shippingFen;
  const refundedAfter = order.refundedFen + totalFen;
  const orderFullyRefunded =
    refundedAfter >= order.totalFen || after.every((i) => remainingFen(i) === 0) || (!order.isShipped && allUnitsRefunded);
  return { itemFen, shippingFen, totalFen, orderFullyRefunded };
}

/**
 * The order state to restore when a request ends without a full refund, for an order that is
 * REFUNDING with no request remembering where it came from: the furthest milestone it reached.
 */
export function statusFromMilestones(order: { completedAt: Date | null; deliveredAt: Date | null; shippedAt: Date | null }): RequestableOrderStatus {
  if (order.completedAt) return "COMPLETED";
  if (order.deliveredAt) return "DELIVERED";
  if (order.shippedAt) return "SHIPPED";
  return "PAID";
}
