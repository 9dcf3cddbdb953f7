// The shopper's side of orders: list by tab, detail with what may be done next, cancel an unpaid
// order, confirm receipt. Someone else's order is NOT_FOUND, never a hint that it exists.
import type { Db, DbClient } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError, notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { cancelUnpaidOrder } from "@/server/order/cancel";
import { afterSaleDeadline, itemActions, orderActions } from "@/server/order/order-eligibility";
import { transitionOrder, tryTransitionOrder } from "@/server/order/order-state";
import type { OrderCard, OrderDetail, OrderListInput, OrderTab } from "@/server/order/order.schema";

export function tabFilter(tab: OrderTab): Prisma.OrderWhereInput {
  switch (tab) {
    case "all":
      return {};
    case "to_pay":
      return { status: "PENDING_PAYMENT" };
    case "to_ship":
      return { status: "PAID" };
    case "to_receive":
      return { status: { in: ["SHIPPED", "DELIVERED"] } };
    case "completed":
      return { status: "COMPLETED" };
    case "after_sales":
      return { OR: [{ status: { in: ["REFUNDING", "REFUNDED"] } }, { afterSales: { some: {} } }] };
  }
}

export const shopRefSelect = { id: true, slug: true, nameZh: true, nameEn: true, logoUrl: true } as const;

export const itemSummarySelect = {
  id: true,
  productId: true,
  product: { select: { slug: true } },
  titleZh: true,
  titleEn: true,
  variantLabelZh: true,
  variantLabelEn: true,
  imageUrl: true,
  unitPriceFen: true,
  quantity: true,
  lineTotalFen: true,
  refundedQuantity: true,
} as const;

export function toItemSummary(i: Prisma.OrderItemGetPayload<{ select: typeof itemSummarySelect }>) {
  const { product, ...rest } = i;
  return { ...rest, productSlug: product.slug };
}

export async function listOrders(db: DbClient, userId: string, input: OrderListInput, now = new Date()) {
  const rows = await db.order.findMany({
    where: { userId, ...tabFilter(input.tab) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      orderNo: true,
      status: true,
      createdAt: true,
      payBy: true,
      completedAt: true,
      checkoutId: true,
      totalFen: true,
      refundedFen: true,
      shop: { select: shopRefSelect },
      items: { select: itemSummarySelect, orderBy: { id: "asc" } },
      _count: { select: { afterSales: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const items: OrderCard[] = page.map((o) => ({
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    createdAt: o.createdAt,
    payBy: o.payBy,
    checkoutId: o.checkoutId,
    shop: o.shop,
    items: o.items.map(toItemSummary),
    itemCount: o.items.reduce((s, i) => s + i.quantity, 0),
    totalFen: o.totalFen,
    refundedFen: o.refundedFen,
    hasAfterSale: o._count.afterSales > 0,
    actions: orderActions(o, now),
  }));
  return { items, nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
}

/** Badge numbers for the tabs that ask for attention. */
export async function orderCounts(db: DbClient, userId: string) {
  const [byStatus, afterSales] = await Promise.all([
    db.order.groupBy({ by: ["status"], where: { userId, status: { in: ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED"] } }, _count: { _all: true } }),
    db.order.count({ where: { userId, ...tabFilter("after_sales") } }),
  ]);
  const n = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  return { to_pay: n("PENDING_PAYMENT"), to_ship: n("PAID"), to_receive: n("SHIPPED") + n("DELIVERED"), after_sales: afterSales };
}

export const orderDetailSelect = {
  id: true,
  orderNo: true,
  status: true,
  checkoutId: true,
  userId: true,
  shopId: true,
  createdAt: true,
  payBy: true,
  paidAt: true,
  shippedAt: true,
  deliveredAt: true,
  completedAt: true,
  cancelledAt: true,
  cancelReason: true,
  autoConfirmAt: true,
  carrier: true,
  trackingNo: true,
  note: true,
  shipRecipient: true,
  shipPhone: true,
  shipProvince: true,
  shipCity: true,
  shipDistrict: true,
  shipStreet: true,
  shipPostalCode: true,
  subtotalFen: true,
  discountFen: true,
  shippingFeeFen: true,
  totalFen: true,
  refundedFen: true,
  shop: { select: shopRefSelect },
  user: { select: { name: true, email: true } },
  payment: { select: { id: true, status: true, provider: true, paidAt: true, failureReason: true } },
  items: {
    orderBy: { id: "asc" },
    select: {
      ...itemSummarySelect,
      sku: true,
      discountFen: true,
      attrField: true,
      attrChannel: true,
      attrSourceId: true,
      attrCreatorId: true,
      review: { select: { id: true } },
      afterSales: { select: { status: true, quantity: true } },
    },
  },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fromStatus: true, toStatus: true, actorType: true, note: true, createdAt: true } },
  trackingEvents: {
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { id: true, code: true, descriptionZh: true, descriptionEn: true, location: true, occurredAt: true },
  },
  afterSales: {
    orderBy: { createdAt: "desc" },
    select: { id: true, orderItemId: true, kind: true, status: true, quantity: true, amountFen: true, reason: true, createdAt: true },
  },
} as const satisfies Prisma.OrderSelect;

export type OrderDetailRow = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

/** The parts of the detail both the shopper and the seller see. */
export function baseDetail(o: OrderDetailRow) {
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    checkoutId: o.checkoutId,
    createdAt: o.createdAt,
    payBy: o.payBy,
    paidAt: o.paidAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    autoConfirmAt: o.autoConfirmAt,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    note: o.note,
    shop: o.shop,
    address: {
      recipient: o.shipRecipient,
      phone: o.shipPhone,
      province: o.shipProvince,
      city: o.shipCity,
      district: o.shipDistrict,
      street: o.shipStreet,
      postalCode: o.shipPostalCode,
    },
    subtotalFen: o.subtotalFen,
    discountFen: o.discountFen,
    shippingFeeFen: o.shippingFeeFen,
    totalFen: o.totalFen,
    refundedFen: o.refundedFen,
    events: o.events,
    tracking: o.trackingEvents,
    afterSales: o.afterSales,
  };
}

export async function getOrder(db: DbClient, userId: string, id: string, now = new Date()): Promise<OrderDetail> {
  const o = await db.order.findFirst({ where: { id, userId }, select: orderDetailSelect });
  if (!o) throw notFound("Order");
  const days = env.MALL_AFTER_SALES_DAYS;
  return {
    ...baseDetail(o),
    items: o.items.map((i) => ({
      ...toItemSummary(i),
      discountFen: i.discountFen,
      hasReview: i.review !== null,
      attribution: { field: i.attrField, channel: i.attrChannel, sourceId: i.attrSourceId, creatorId: i.attrCreatorId },
      ...itemActions(o, { quantity: i.quantity, refundedQuantity: i.refundedQuantity, hasReview: i.review !== null, afterSales: i.afterSales }, now, days),
    })),
    payment: o.payment,
    actions: { ...orderActions(o, now), afterSaleUntil: afterSaleDeadline(o, days) },
  };
}

async function ownOrderId(tx: DbClient, userId: string, id: string): Promise<string> {
  const o = await tx.order.findFirst({ where: { id, userId }, select: { id: true } });
  if (!o) throw notFound("Order");
  return o.id;
}

/** The shopper cancels an unpaid order: CANCELLED, reserved stock back on sale. */
export async function cancelOrder(db: Db, userId: string, input: { id: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const id = await ownOrderId(tx, userId, input.id);
    const done = await cancelUnpaidOrder(tx, id, { type: "SHOPPER", id: userId }, input.reason);
    if (!done) throw new AppError("CONFLICT", "Only an order waiting for payment can be cancelled; for a paid order, request after-sales");
    return tx.order.findUniqueOrThrow({ where: { id }, select: { id: true, status: true } });
  });
}

/** The shopper confirms receipt: SHIPPED (recorded as delivered first) or DELIVERED → COMPLETED. */
export async function confirmReceipt(db: Db, userId: string, input: { id: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const id = await ownOrderId(tx, userId, input.id);
    const actor = { type: "SHOPPER" as const, id: userId };
    await tryTransitionOrder(tx, id, "DELIVERED", actor, { from: ["SHIPPED"], note: "Receipt confirmed by the shopper", data: { deliveredAt: now } });
    await transitionOrder(tx, id, "COMPLETED", actor, { from: ["DELIVERED"], note: "Receipt confirmed by the shopper", data: { completedAt: now } });
    return tx.order.findUniqueOrThrow({ where: { id }, select: { id: true, status: true } });
  });
}
