import { z } from "zod";
import { CARRIERS } from "@/server/order/logistics";

const ORDER_STATUSES = ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDING", "REFUNDED"] as const;
const orderStatus = z.enum(ORDER_STATUSES);
const actorType = z.enum(["SHOPPER", "SELLER", "ADMIN", "SYSTEM", "PROVIDER"]);

const id = (name: string) => z.string({ error: `${name} is required` }).trim().min(1, `${name} is required`).max(64, `${name} is too long`);

// ───────────────────────────── shopper ─────────────────────────────

export const ORDER_TABS = ["all", "to_pay", "to_ship", "to_receive", "completed", "after_sales"] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export const orderListInput = z.object({
  tab: z.enum(ORDER_TABS).default("all"),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type OrderListInput = z.infer<typeof orderListInput>;

export const orderIdInput = z.object({ id: id("id") });

export const cancelOrderInput = z.object({
  id: id("id"),
  reason: z.string().trim().min(1, "reason is required").max(200, "reason must be at most 200 characters"),
});

const shopRef = z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string(), logoUrl: z.string() });

/** An order line as both sides see it (the after-sales schema extends it). */
export const orderItemSummary = z.object({
  id: z.string(),
  productId: z.string(),
  productSlug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  imageUrl: z.string().nullable(),
  unitPriceFen: z.number().int(),
  quantity: z.number().int(),
  lineTotalFen: z.number().int(),
  refundedQuantity: z.number().int(),
});

const orderActions = z.object({
  canPay: z.boolean(),
  canCancel: z.boolean(),
  canConfirmReceipt: z.boolean(),
});

export const orderCard = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: orderStatus,
  createdAt: z.date(),
  payBy: z.date(),
  checkoutId: z.string(),
  shop: shopRef,
  items: z.array(orderItemSummary),
  itemCount: z.number().int(),
  totalFen: z.number().int(),
  refundedFen: z.number().int(),
  hasAfterSale: z.boolean(),
  actions: orderActions,
});
export type OrderCard = z.infer<typeof orderCard>;

export const orderListOutput = z.object({ items: z.array(orderCard), nextCursor: z.string().nullable() });

export const orderCountsOutput = z.object({
  to_pay: z.number().int(),
  to_ship: z.number().int(),
  to_receive: z.number().int(),
  after_sales: z.number().int(),
});

const orderEvent = z.object({
  id: z.string(),
  fromStatus: orderStatus.nullable(),
  toStatus: orderStatus,
  actorType,
  note: z.string(),
  createdAt: z.date(),
});

const trackingEvent = z.object({
  id: z.string(),
  code: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  location: z.string(),
  occurredAt: z.date(),
});

const afterSaleSummary = z.object({
  id: z.string(),
  orderItemId: z.string(),
  kind: z.enum(["REFUND_ONLY", "RETURN_AND_REFUND"]),
  status: z.enum(["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "REJECTED", "ESCALATED", "REFUNDED", "CLOSED"]),
  quantity: z.number().int(),
  amountFen: z.number().int(),
  reason: z.string(),
  createdAt: z.date(),
});

const shippingAddress = z.object({
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  postalCode: z.string().nullable(),
});

const orderDetailBase = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: orderStatus,
  checkoutId: z.string(),
  createdAt: z.date(),
  payBy: z.date(),
  paidAt: z.date().nullable(),
  shippedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  autoConfirmAt: z.date().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  note: z.string(),
  shop: shopRef,
  address: shippingAddress,
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  shippingFeeFen: z.number().int(),
  totalFen: z.number().int(),
  refundedFen: z.number().int(),
  events: z.array(orderEvent),
  tracking: z.array(trackingEvent),
  afterSales: z.array(afterSaleSummary),
});

export const orderDetail = orderDetailBase.extend({
  items: z.array(
    orderItemSummary.extend({
      discountFen: z.number().int(),
      /** Units that may still be the subject of a new after-sale request. */
      refundableQuantity: z.number().int(),
      canAfterSale: z.boolean(),
      canReview: z.boolean(),
      hasReview: z.boolean(),
      /** Where the sale came from (field, channel, source id such as a post id, creator). */
      attribution: z.object({ field: z.string(), channel: z.string(), sourceId: z.string().nullable(), creatorId: z.string().nullable() }),
    }),
  ),
  payment: z
    .object({ id: z.string(), status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]), provider: z.string(), paidAt: z.date().nullable(), failureReason: z.string().nullable() })
    .nullable(),
  actions: orderActions.extend({
    /** Last day the shopper may ask for after-sales on a completed order. */
    afterSaleUntil: z.date().nullable(),
  }),
});
export type OrderDetail = z.infer<typeof orderDetail>;

// ───────────────────────────── seller ─────────────────────────────

const isoDate = (name: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date like 2026-01-31`).refine((v) => !Number.isNaN(Date.parse(v)), `${name} is not a valid date`);

export const sellerOrderListInput = z
  .object({
    shopId: id("shopId").optional(),
    status: orderStatus.optional(),
    /** Inclusive calendar days in China time (UTC+8). */
    from: isoDate("from").optional(),
    to: isoDate("to").optional(),
    /** Order number, recipient name or phone. */
    q: z.string().trim().max(60, "q must be at most 60 characters").optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "to must not be before from", path: ["to"] });
export type SellerOrderListInput = z.infer<typeof sellerOrderListInput>;

export const sellerOrderRow = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: orderStatus,
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  shop: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  recipient: z.string(),
  city: z.string(),
  items: z.array(orderItemSummary),
  itemCount: z.number().int(),
  totalFen: z.number().int(),
  canShip: z.boolean(),
});

export const sellerOrderListOutput = z.object({
  items: z.array(sellerOrderRow),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});

export const sellerShopsOutput = z.array(z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() }));

export const sellerOrderDetail = orderDetailBase.extend({
  items: z.array(orderItemSummary.extend({ discountFen: z.number().int(), sku: z.string() })),
  canShip: z.boolean(),
  buyerName: z.string(),
});

export const shipOrderInput = z.object({
  orderId: id("orderId"),
  carrier: z.enum(CARRIERS, { error: `carrier must be one of ${CARRIERS.join(", ")}` }),
  trackingNo: z
    .string({ error: "trackingNo is required" })
    .trim()
    .regex(/^[A-Za-z0-9]{8,30}$/, "trackingNo must be 8–30 letters or digits"),
});
export type ShipOrderInput = z.infer<typeof shipOrderInput>;

export const shipOrderOutput = z.object({ id: z.string(), status: orderStatus, shippedAt: z.date().nullable(), autoConfirmAt: z.date().nullable() });
