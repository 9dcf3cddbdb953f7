// After-sales (售后): refund only, return and refund, partial refunds; the seller decides, the shopper
// may escalate a rejection to the platform, an operator arbitrates. The pure rules (amounts, the
// request state machine, where the order ends up) are in aftersale.rules.ts; this file applies them
// in transactions.
//
// Concurrency: every mutation runs in one transaction that first locks the order row
// (SELECT … FOR UPDATE), so requests and decisions on one order run one at a time, and then moves the
// request with a conditional update on its current status — of two racing decisions (approve and
// reject) exactly one wins and the other gets CONFLICT. Lock order: Order → Shop → Product/variants
// (see server/shop/shop-score.ts), the same as reviews, so the two never deadlock.
//
// The order: a request moves it to REFUNDING (remembering where it was in orderStatusBefore); when
// the last open request of the order ends it returns there, or becomes REFUNDED when nothing is left
// to refund (aftersale.rules.ts planRefund).
import type { Db, DbClient } from "@/server/db/client";
import { reverseForRefund } from "@/server/affiliate/commission.service";
import type { AfterSaleStatus, OrderStatus, Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/api/trpc";
import { AppError, notFound } from "@/server/errors";
import { env } from "@/server/env";
import { afterSaleDeadline } from "@/server/order/order-eligibility";
import { transitionOrder, type Actor } from "@/server/order/order-state";
import { releaseStock } from "@/server/order/stock";
import { refundToPayer } from "@/server/payment/payment.service";
import { assertShopMember } from "@/server/shop/shop.service";
import { lockShop, recomputeShopScore } from "@/server/shop/shop-score";
import { maskName } from "@/server/review/review.rules";
import {
  ACTION_FROM,
  canAct,
  escalationDeadline,
  isRequestable,
  maxRefundableByQuantity,
  maxRefundableFen,
  OPEN_STATUSES,
  planRefund,
  remainingQuantity,
  statusFromMilestones,
  type AfterSaleAction,
  type OrderMoney,
  type RequestableOrderStatus,
} from "@/server/aftersale/aftersale.rules";
import type {
  AfterSaleDetail,
  AfterSaleQuote,
  AfterSaleResult,
  AfterSaleRow,
  AfterSaleViewer,
  RequestAfterSaleInput,
} from "@/server/aftersale/aftersale.schema";

/** Decisions wait for the order's row lock; allow for a queue of them. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

const OPEN = [...OPEN_STATUSES];

const ORDER_SELECT = {
  id: true,
  orderNo: true,
  userId: true,
  shopId: true,
  status: true,
  totalFen: true,
  refundedFen: true,
  shippingFeeFen: true,
  shippedAt: true,
  deliveredAt: true,
  completedAt: true,
  items: {
    select: { id: true, productId: true, variantId: true, quantity: true, refundedQuantity: true, lineTotalFen: true, refundedFen: true },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.OrderSelect;
type OrderRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SELECT }>;

const ITEM_SNAPSHOT = {
  id: true,
  productId: true,
  titleZh: true,
  titleEn: true,
  variantLabelZh: true,
  variantLabelEn: true,
  imageUrl: true,
  unitPriceFen: true,
  quantity: true,
  lineTotalFen: true,
  refundedQuantity: true,
  refundedFen: true,
  product: { select: { slug: true } },
} satisfies Prisma.OrderItemSelect;

function snapshot({ product, ...item }: Prisma.OrderItemGetPayload<{ select: typeof ITEM_SNAPSHOT }>) {
  return { ...item, productSlug: product.slug };
}

function money(order: OrderRow): OrderMoney {
  return {
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    shippingFeeFen: order.shippingFeeFen,
    isShipped: order.shippedAt !== null,
    items: order.items,
  };
}

function statusLabel(status: string): string {
  return status.toLowerCase().replace(/_/g, " ");
}

async function lockOrder(tx: DbClient, orderId: string): Promise<OrderRow> {
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, select: ORDER_SELECT });
}

/**
 * Where the order stands for after-sales purposes: its status, or — while it is REFUNDING for some
 * request — the status it will return to.
 */
async function effectiveStatus(tx: DbClient, order: OrderRow): Promise<OrderStatus> {
  if (order.status !== "REFUNDING") return order.status;
  const open = await tx.afterSale.findFirst({
    where: { orderId: order.id, status: { in: OPEN }, orderStatusBefore: { not: null } },
    select: { orderStatusBefore: true },
  });
  return open?.orderStatusBefore ?? statusFromMilestones(order);
}

/** Moves the order to REFUNDING (unless another request already did) and returns where it was. */
async function enterRefunding(tx: DbClient, order: OrderRow, actor: Actor, note: string): Promise<RequestableOrderStatus> {
  const before = await effectiveStatus(tx, order);
  if (!isRequestable(before)) {
    throw new AppError("CONFLICT", `This order is ${statusLabel(order.status)}; after-sales are not available for it`);
  }
  if (order.status !== "REFUNDING") await transitionOrder(tx, order.id, "REFUNDING", actor, { from: [order.status], note });
  return before;
}

/**
 * After a request ends (refunded, rejected, closed): the order becomes REFUNDED when nothing is left
 * to refund; otherwise, once no other request of the order is open, it returns to where it was.
 */
async function settleOrder(
  tx: DbClient,
  orderId: string,
  endedId: string,
  before: OrderStatus | null,
  actor: Actor,
  fullyRefunded: boolean,
): Promise<OrderStatus> {
  const others = await tx.afterSale.findMany({ where: { orderId, id: { not: endedId }, status: { in: OPEN } }, select: { id: true, status: true } });
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, shippedAt: true, deliveredAt: true, completedAt: true } });
  if (fullyRefunded) {
    // Nothing is left for any other open request of this order to refund.
    for (const other of others) await closeBySystem(tx, other.id, other.status);
    if (order.status !== "REFUNDED") await transitionOrder(tx, orderId, "REFUNDED", actor, { from: ["REFUNDING"] });
    return "REFUNDED";
  }
  if (others.length > 0 || order.status !== "REFUNDING") return order.status;
  const target = before && isRequestable(before) ? before : statusFromMilestones(order);
  await transitionOrder(tx, orderId, target, actor, { from: ["REFUNDING"] });
  return target;
}

async function closeBySystem(tx: DbClient, id: string, from: AfterSaleStatus): Promise<void> {
  const moved = await tx.afterSale.updateMany({ where: { id, status: from }, data: { status: "CLOSED", resolvedAt: new Date() } });
  if (moved.count > 0) {
    await tx.afterSaleEvent.create({ data: { afterSaleId: id, fromStatus: from, toStatus: "CLOSED", actorType: "SYSTEM" } });
  }
}

/**
 * Moves a request from one of the states `action` may leave from to `to`, conditionally (a racing
 * decision that got there first makes this one a CONFLICT), and records the step.
 */
async function moveRequest(
  tx: DbClient,
  id: string,
  action: AfterSaleAction,
  to: AfterSaleStatus,
  actor: Actor,
  note = "",
  data: Prisma.AfterSaleUpdateManyMutationInput = {},
): Promise<AfterSaleStatus> {
  const current = await tx.afterSale.findUniqueOrThrow({ where: { id }, select: { status: true } });
  const refused = () => new AppError("CONFLICT", `This request is ${statusLabel(current.status)}, so it cannot be ${ACTION_VERBS[action]} now`);
  if (!ACTION_FROM[action].includes(current.status)) throw refused();
  const moved = await tx.afterSale.updateMany({ where: { id, status: current.status }, data: { ...data, status: to } });
  if (moved.count === 0) throw refused();
  await tx.afterSaleEvent.create({
    data: { afterSaleId: id, fromStatus: current.status, toStatus: to, actorType: actor.type, actorId: actor.id ?? null, note },
  });
  return current.status;
}

const ACTION_VERBS: Record<AfterSaleAction, string> = {
  approve: "approved",
  reject: "rejected",
  submitReturn: "given a return shipment",
  confirmReceipt: "confirmed as received",
  withdraw: "withdrawn",
  escalate: "escalated",
  arbitrateRefund: "arbitrated",
  arbitrateClose: "arbitrated",
};

// ───────────────────────────── creator commissions: hook point ─────────────────────────────

export interface ItemRefund {
  orderId: string;
  orderItemId: string;
  quantity: number;
  /** The item's share of the refund (shipping excluded). */
  itemFen: number;
}

/**
 * Called inside the refund transaction once an order item's refund is recorded: the creator's
 * commission on the item is reversed in proportion to the refunded money (server/affiliate).
 */
export async function onOrderItemRefunded(tx: DbClient, refund: ItemRefund): Promise<void> {
  await reverseForRefund(tx, refund);
}

// ───────────────────────────── refunds ─────────────────────────────

interface RequestRow {
  id: string;
  orderId: string;
  orderItemId: string;
  kind: "REFUND_ONLY" | "RETURN_AND_REFUND";
  quantity: number;
  amountFen: number;
  returnTrackingNo: string | null;
  orderStatusBefore: OrderStatus | null;
}

/**
 * Pays the request back and books it: refundToPayer (Order.refundedFen), the item's refunded units
 * and money, stock and sales when the goods are back in the seller's hands (never shipped, or
 * returned), the commission hook and the shop score. The request must already be REFUNDED.
 */
async function executeRefund(tx: DbClient, request: RequestRow, order: OrderRow, actor: Actor): Promise<boolean> {
  const item = order.items.find((i) => i.id === request.orderItemId)!;
  await lockShop(tx, order.shopId);
  const plan = planRefund(money(order), request);
  if (plan.totalFen <= 0) throw new AppError("CONFLICT", "Nothing is left to refund on this item");
  await refundToPayer(tx, { orderId: order.id, amountFen: plan.totalFen, reason: `After-sales request ${request.id}`, actor });
  const booked = await tx.$executeRaw`
    UPDATE "OrderItem"
    SET "refundedQuantity" = "refundedQuantity" + ${request.quantity}, "refundedFen" = "refundedFen" + ${plan.itemFen}
    WHERE "id" = ${item.id} AND "refundedQuantity" + ${request.quantity} <= "quantity" AND "refundedFen" + ${plan.itemFen} <= "lineTotalFen"`;
  if (booked === 0) throw new AppError("CONFLICT", "This item was refunded meanwhile");
  // The amount actually paid (a shipping fee may have joined it, a stale shipping share may have left it).
  if (plan.totalFen !== request.amountFen) await tx.afterSale.update({ where: { id: request.id }, data: { amountFen: plan.totalFen } });

  const goodsBack = order.shippedAt === null || (request.kind === "RETURN_AND_REFUND" && request.returnTrackingNo !== null);
  if (goodsBack) {
    // The units are sellable again and were not a sale after all.
    await releaseStock(tx, [{ variantId: item.variantId, quantity: request.quantity }]);
    await tx.$executeRaw`UPDATE "Product" SET "salesCount" = GREATEST("salesCount" - ${request.quantity}, 0) WHERE "id" = ${item.productId}`;
  }
  await onOrderItemRefunded(tx, { orderId: order.id, orderItemId: item.id, quantity: request.quantity, itemFen: plan.itemFen });
  await recomputeShopScore(tx, order.shopId);
  return plan.orderFullyRefunded;
}

const REQUEST_SELECT = {
  id: true,
  orderId: true,
  orderItemId: true,
  userId: true,
  kind: true,
  status: true,
  quantity: true,
  amountFen: true,
  returnTrackingNo: true,
  orderStatusBefore: true,
  resolvedAt: true,
  order: { select: { shopId: true } },
} satisfies Prisma.AfterSaleSelect;

async function loadRequest(tx: DbClient, id: string) {
  return tx.afterSale.findUnique({ where: { id }, select: REQUEST_SELECT });
}

async function result(tx: DbClient, id: string): Promise<AfterSaleResult> {
  const row = await tx.afterSale.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, order: { select: { status: true } } } });
  return { id: row.id, status: row.status, orderStatus: row.order.status };
}

// ───────────────────────────── shopper ─────────────────────────────

async function ownItem(db: DbClient, userId: string, orderItemId: string) {
  const item = await db.orderItem.findFirst({ where: { id: orderItemId, order: { userId } }, select: { id: true, orderId: true } });
  if (!item) throw notFound("Order item");
  return item;
}

type Blocked = AfterSaleQuote["blocked"];

/** Whether the order item can take a new request now, and why not. */
async function checkRequestable(tx: DbClient, order: OrderRow, orderItemId: string, now: Date) {
  const status = await effectiveStatus(tx, order);
  const item = order.items.find((i) => i.id === orderItemId)!;
  const open = await tx.afterSale.findFirst({ where: { orderItemId, status: { in: OPEN } }, select: { id: true } });
  const windowEndsAt = afterSaleDeadline({ status, completedAt: order.completedAt }, env.MALL_AFTER_SALES_DAYS);
  let blocked: Blocked = null;
  if (!isRequestable(status)) blocked = "order_status";
  else if (windowEndsAt && windowEndsAt <= now) blocked = "window_closed";
  else if (open) blocked = "open_request";
  else if (remainingQuantity(item) <= 0) blocked = "nothing_left";
  return { status, blocked, openAfterSaleId: open?.id ?? null, windowEndsAt };
}

/** What the request form needs: the item, what may be asked for it, or why nothing can be. */
export async function quoteAfterSale(db: Db, userId: string, orderItemId: string, now = new Date()): Promise<AfterSaleQuote> {
  const { orderId } = await ownItem(db, userId, orderItemId);
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: ORDER_SELECT });
  const item = snapshot(await db.orderItem.findUniqueOrThrow({ where: { id: orderItemId }, select: ITEM_SNAPSHOT }));
  const check = await checkRequestable(db, order, orderItemId, now);
  const isShipped = order.shippedAt !== null;
  return {
    order: { id: order.id, orderNo: order.orderNo, status: check.status, isShipped, shippingFeeFen: order.shippingFeeFen },
    item,
    remainingQuantity: item.quantity - item.refundedQuantity,
    maxAmountFenByQuantity: check.blocked ? [] : maxRefundableByQuantity(money(order), orderItemId),
    kinds: isShipped ? ["REFUND_ONLY", "RETURN_AND_REFUND"] : ["REFUND_ONLY"],
    blocked: check.blocked,
    openAfterSaleId: check.openAfterSaleId,
    windowEndsAt: check.windowEndsAt,
  };
}

const BLOCKED_MESSAGES: Record<NonNullable<Blocked>, string> = {
  order_status: "After-sales are not available for this order in its current state",
  window_closed: "The after-sales period for this order has ended",
  open_request: "This item already has an open after-sales request",
  nothing_left: "Every unit of this item has already been refunded",
};

/** A shopper asks for a refund (or a return and refund) of some units of one item of their order. */
export async function requestAfterSale(db: Db, userId: string, input: RequestAfterSaleInput, now = new Date()): Promise<AfterSaleResult> {
  const { orderId } = await ownItem(db, userId, input.orderItemId);
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const item = order.items.find((i) => i.id === input.orderItemId)!;
    const check = await checkRequestable(tx, order, item.id, now);
    if (check.blocked) throw new AppError("CONFLICT", BLOCKED_MESSAGES[check.blocked]);
    if (input.kind === "RETURN_AND_REFUND" && order.shippedAt === null) {
      throw new AppError("BAD_REQUEST", "kind: return and refund is only possible once the order has shipped; ask for a refund instead", { field: "kind" });
    }
    const units = remainingQuantity(item);
    if (input.quantity > units) {
      throw new AppError("BAD_REQUEST", `quantity must be at most ${units}, the units not yet refunded`, { field: "quantity" });
    }
    const max = maxRefundableFen(money(order), item.id, input.quantity);
    if (input.amountFen > max) {
      throw new AppError("BAD_REQUEST", `amountFen must be at most ${max} fen, the refundable amount for ${input.quantity} unit(s)`, { field: "amountFen" });
    }
    const actor: Actor = { type: "SHOPPER", id: userId };
    const before = await enterRefunding(tx, order, actor, "After-sales requested");
    const created = await tx.afterSale.create({
      data: {
        orderId: order.id,
        orderItemId: item.id,
        userId,
        kind: input.kind,
        quantity: input.quantity,
        amountFen: input.amountFen,
        reason: input.reason,
        description: input.description,
        orderStatusBefore: before,
        events: { create: { toStatus: "REQUESTED", actorType: "SHOPPER", actorId: userId, note: input.description } },
      },
      select: { id: true },
    });
    return result(tx, created.id);
  }, TX_OPTIONS);
}

async function ownRequest(tx: DbClient, userId: string, id: string) {
  const request = await loadRequest(tx, id);
  if (!request || request.userId !== userId) throw notFound("After-sales request");
  return request;
}

/** The shopper withdraws an open request (REQUESTED, AWAITING_RETURN or ESCALATED): CLOSED. */
export async function withdrawAfterSale(db: Db, userId: string, id: string): Promise<AfterSaleResult> {
  const { orderId } = await ownRequest(db, userId, id);
  return db.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const request = await ownRequest(tx, userId, id);
    const actor: Actor = { type: "SHOPPER", id: userId };
    await moveRequest(tx, id, "withdraw", "CLOSED", actor, "", { resolvedAt: new Date() });
    await settleOrder(tx, orderId, id, request.orderStatusBefore, actor, false);
    return result(tx, id);
  }, TX_OPTIONS);
}

/** After an approved return: the shopper sends the goods back and gives the carrier and tracking number. */
export async function submitReturn(db: Db, userId: string, input: { id: string; carrier: string; trackingNo: string }): Promise<AfterSaleResult> {
  const { orderId } = await ownRequest(db, userId, input.id);
  return db.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    await moveRequest(tx, input.id, "submitReturn", "RETURN_SHIPPED", { type: "SHOPPER", id: userId }, `${input.carrier} ${input.trackingNo}`, {
      returnCarrier: input.carrier,
      returnTrackingNo: input.trackingNo,
    });
    return result(tx, input.id);
  }, TX_OPTIONS);
}

/** A rejected request goes to the platform (within 7 days of the rejection); the order is REFUNDING again. */
export async function escalateAfterSale(db: Db, userId: string, input: { id: string; note: string }, now = new Date()): Promise<AfterSaleResult> {
  const { orderId } = await ownRequest(db, userId, input.id);
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const request = await ownRequest(tx, userId, input.id);
    if (request.status === "REJECTED" && request.resolvedAt && escalationDeadline(request.resolvedAt) <= now) {
      throw new AppError("CONFLICT", `A rejection can be escalated within 7 days; this one was rejected on ${request.resolvedAt.toISOString().slice(0, 10)}`);
    }
    const item = order.items.find((i) => i.id === request.orderItemId)!;
    const open = await tx.afterSale.findFirst({ where: { orderItemId: item.id, status: { in: OPEN } }, select: { id: true } });
    if (open) throw new AppError("CONFLICT", BLOCKED_MESSAGES.open_request);
    if (remainingQuantity(item) < request.quantity) throw new AppError("CONFLICT", "These units have been refunded since; there is nothing to escalate");
    const actor: Actor = { type: "SHOPPER", id: userId };
    // The order may have moved on since the rejection (shipped, delivered): remember where it is now.
    const before = await enterRefunding(tx, order, actor, "After-sales escalated to the platform");
    await moveRequest(tx, input.id, "escalate", "ESCALATED", actor, input.note, { resolvedAt: null, orderStatusBefore: before });
    return result(tx, input.id);
  }, TX_OPTIONS);
}

// ───────────────────────────── seller ─────────────────────────────

async function sellerRequest(tx: DbClient, userId: string, id: string) {
  const request = await loadRequest(tx, id);
  if (!request) throw notFound("After-sales request");
  await assertShopMember(tx, userId, request.order.shopId);
  return request;
}

/**
 * The seller agrees. Refund only: the money goes back now. Return and refund: the shopper is asked
 * to send the goods back (AWAITING_RETURN); the refund follows the seller's confirmation of receipt.
 */
export async function approveAfterSale(db: Db, userId: string, id: string): Promise<AfterSaleResult> {
  const { orderId } = await sellerRequest(db, userId, id);
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const request = await sellerRequest(tx, userId, id);
    const actor: Actor = { type: "SELLER", id: userId };
    if (request.kind === "RETURN_AND_REFUND") {
      await moveRequest(tx, id, "approve", "AWAITING_RETURN", actor);
      return result(tx, id);
    }
    await moveRequest(tx, id, "approve", "REFUNDED", actor, "", { resolvedAt: new Date() });
    const full = await executeRefund(tx, request, order, actor);
    await settleOrder(tx, orderId, id, request.orderStatusBefore, actor, full);
    return result(tx, id);
  }, TX_OPTIONS);
}

/** The seller refuses, with a reason the shopper sees; the order returns to where it was. */
export async function rejectAfterSale(db: Db, userId: string, input: { id: string; reason: string }): Promise<AfterSaleResult> {
  const { orderId } = await sellerRequest(db, userId, input.id);
  return db.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const request = await sellerRequest(tx, userId, input.id);
    const actor: Actor = { type: "SELLER", id: userId };
    await moveRequest(tx, input.id, "reject", "REJECTED", actor, input.reason, { resolvedAt: new Date() });
    await settleOrder(tx, orderId, input.id, request.orderStatusBefore, actor, false);
    return result(tx, input.id);
  }, TX_OPTIONS);
}

/** The returned goods arrived: refund now, and the units go back to stock. */
export async function confirmReturnReceived(db: Db, userId: string, id: string): Promise<AfterSaleResult> {
  const { orderId } = await sellerRequest(db, userId, id);
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const request = await sellerRequest(tx, userId, id);
    const actor: Actor = { type: "SELLER", id: userId };
    await moveRequest(tx, id, "confirmReceipt", "REFUNDED", actor, "", { resolvedAt: new Date() });
    const full = await executeRefund(tx, request, order, actor);
    await settleOrder(tx, orderId, id, request.orderStatusBefore, actor, full);
    return result(tx, id);
  }, TX_OPTIONS);
}

// ───────────────────────────── platform ─────────────────────────────

/**
 * An operator decides an escalated request. "refund" is the seller's approval given by the platform:
 * refund only, or a return whose goods already went back, is refunded now; a return whose goods were
 * never sent goes on to AWAITING_RETURN. "close" sides with the seller: CLOSED, order restored.
 */
export async function arbitrateAfterSale(
  db: Db,
  adminId: string,
  input: { id: string; decision: "refund" | "close"; note: string },
): Promise<AfterSaleResult> {
  const existing = await loadRequest(db, input.id);
  if (!existing) throw notFound("After-sales request");
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, existing.orderId);
    const request = (await loadRequest(tx, input.id))!;
    const actor: Actor = { type: "ADMIN", id: adminId };
    if (input.decision === "close") {
      await moveRequest(tx, input.id, "arbitrateClose", "CLOSED", actor, input.note, { resolvedAt: new Date() });
      await settleOrder(tx, order.id, input.id, request.orderStatusBefore, actor, false);
      return result(tx, input.id);
    }
    if (request.kind === "RETURN_AND_REFUND" && request.returnTrackingNo === null) {
      await moveRequest(tx, input.id, "arbitrateRefund", "AWAITING_RETURN", actor, input.note);
      return result(tx, input.id);
    }
    await moveRequest(tx, input.id, "arbitrateRefund", "REFUNDED", actor, input.note, { resolvedAt: new Date() });
    const full = await executeRefund(tx, request, order, actor);
    await settleOrder(tx, order.id, input.id, request.orderStatusBefore, actor, full);
    return result(tx, input.id);
  }, TX_OPTIONS);
}

// ───────────────────────────── reading ─────────────────────────────

const ROW_SELECT = {
  id: true,
  kind: true,
  status: true,
  quantity: true,
  amountFen: true,
  reason: true,
  createdAt: true,
  updatedAt: true,
  order: { select: { id: true, orderNo: true, status: true, shop: { select: { id: true, slug: true, nameZh: true, nameEn: true } } } },
  orderItem: {
    select: { id: true, titleZh: true, titleEn: true, variantLabelZh: true, variantLabelEn: true, imageUrl: true, product: { select: { slug: true } } },
  },
} satisfies Prisma.AfterSaleSelect;

function toRow(a: Prisma.AfterSaleGetPayload<{ select: typeof ROW_SELECT }>): AfterSaleRow {
  const { shop, ...order } = a.order;
  const { product, ...item } = a.orderItem;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    quantity: a.quantity,
    amountFen: a.amountFen,
    reason: a.reason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    order,
    item: { ...item, productSlug: product.slug },
    shop,
  };
}

async function page(db: DbClient, where: Prisma.AfterSaleWhereInput, cursor: string | null | undefined, limit: number) {
  const rows = await db.afterSale.findMany({
    where,
    select: ROW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const more = rows.length > limit;
  const items = rows.slice(0, limit).map(toRow);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

/** The shopper's own requests, newest first. */
export function listMine(db: DbClient, userId: string, input: { cursor?: string | null; limit: number }) {
  return page(db, { userId }, input.cursor, input.limit);
}

/** Requests on orders of the shops the seller belongs to: "todo" needs the seller's decision. */
export function listForSeller(db: DbClient, userId: string, input: { cursor?: string | null; limit: number; filter: "todo" | "open" | "all" }) {
  const status =
    input.filter === "todo" ? { in: ["REQUESTED", "RETURN_SHIPPED"] as AfterSaleStatus[] } : input.filter === "open" ? { in: OPEN } : undefined;
  return page(db, { order: { shop: { members: { some: { userId } } } }, ...(status ? { status } : {}) }, input.cursor, input.limit);
}

/** The arbitration queue (escalated requests, oldest concerns first by creation) or every request. */
export function listForAdmin(db: DbClient, input: { cursor?: string | null; limit: number; filter: "escalated" | "all" }) {
  return page(db, input.filter === "escalated" ? { status: "ESCALATED" } : {}, input.cursor, input.limit);
}

/**
 * One request with its timeline, for its buyer, a member of the order's shop, or an operator;
 * anyone else gets NOT_FOUND. `as` picks the side when the user is several (a seller buying from
 * their own shop); `can` says which actions that side may take now.
 */
export async function getAfterSale(db: DbClient, user: SessionUser, id: string, as?: AfterSaleViewer, now = new Date()): Promise<AfterSaleDetail> {
  const a = await db.afterSale.findUnique({
    where: { id },
    select: {
      ...ROW_SELECT,
      userId: true,
      description: true,
      returnCarrier: true,
      returnTrackingNo: true,
      resolvedAt: true,
      orderItemId: true,
      order: {
        select: {
          id: true,
          orderNo: true,
          status: true,
          totalFen: true,
          refundedFen: true,
          shippingFeeFen: true,
          shippedAt: true,
          shop: { select: { id: true, slug: true, nameZh: true, nameEn: true } },
        },
      },
      orderItem: { select: ITEM_SNAPSHOT },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fromStatus: true, toStatus: true, actorType: true, note: true, createdAt: true } },
    },
  });
  if (!a) throw notFound("After-sales request");

  const sides: AfterSaleViewer[] = [];
  if (a.userId === user.id) sides.push("buyer");
  if (user.roles.includes("SELLER")) {
    const member = await db.shopMember.findUnique({ where: { shopId_userId: { shopId: a.order.shop.id, userId: user.id } }, select: { role: true } });
    if (member) sides.push("seller");
  }
  if (user.roles.includes("ADMIN")) sides.push("admin");
  const viewer = as ? (sides.includes(as) ? as : null) : (sides[0] ?? null);
  if (!viewer) throw notFound("After-sales request");

  let canEscalate = false;
  const escalateBy = a.status === "REJECTED" && a.resolvedAt ? escalationDeadline(a.resolvedAt) : null;
  if (viewer === "buyer" && escalateBy && escalateBy > now) {
    const open = await db.afterSale.findFirst({ where: { orderItemId: a.orderItemId, status: { in: OPEN } }, select: { id: true } });
    canEscalate = !open && a.orderItem.quantity - a.orderItem.refundedQuantity >= a.quantity;
  }
  const buyer = await db.user.findUnique({ where: { id: a.userId }, select: { name: true } });
  const { shop, shippedAt, ...order } = a.order;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    quantity: a.quantity,
    amountFen: a.amountFen,
    reason: a.reason,
    description: a.description,
    returnCarrier: a.returnCarrier,
    returnTrackingNo: a.returnTrackingNo,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    resolvedAt: a.resolvedAt,
    escalateBy: escalateBy && escalateBy > now ? escalateBy : null,
    order: { ...order, isShipped: shippedAt !== null },
    item: snapshot(a.orderItem),
    shop,
    buyerName: viewer === "seller" ? maskName(buyer?.name ?? "") : (buyer?.name ?? ""),
    events: a.events,
    viewer,
    can: {
      withdraw: viewer === "buyer" && canAct("withdraw", a.status),
      escalate: canEscalate,
      submitReturn: viewer === "buyer" && canAct("submitReturn", a.status),
      approve: viewer === "seller" && canAct("approve", a.status),
      reject: viewer === "seller" && canAct("reject", a.status),
      confirmReceipt: viewer === "seller" && canAct("confirmReceipt", a.status),
      arbitrate: viewer === "admin" && canAct("arbitrateRefund", a.status),
    },
  };
}
