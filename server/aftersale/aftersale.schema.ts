import { z } from "zod";
import { orderItemSummary } from "@/server/order/order.schema";

const id = (name: string) => z.string({ error: `${name} is required` }).trim().min(1, { error: `${name} is required` }).max(64, { error: `${name} is too long` });

export const afterSaleKind = z.enum(["REFUND_ONLY", "RETURN_AND_REFUND"], { error: "kind must be REFUND_ONLY or RETURN_AND_REFUND" });
export const afterSaleStatus = z.enum(["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "REJECTED", "ESCALATED", "REFUNDED", "CLOSED"]);
export const orderStatus = z.enum(["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDING", "REFUNDED"]);
export const actorType = z.enum(["SHOPPER", "SELLER", "ADMIN", "SYSTEM", "PROVIDER"]);

/** Why the shopper asks; the UI shows each code in the shopper's language. */
export const AFTER_SALE_REASONS = [
  "not_received",
  "damaged",
  "quality_issue",
  "not_as_described",
  "wrong_item",
  "missing_parts",
  "no_longer_needed",
  "other",
] as const;
export const afterSaleReason = z.enum(AFTER_SALE_REASONS, { error: "reason must be one of the listed reasons" });
export type AfterSaleReason = z.infer<typeof afterSaleReason>;

const note = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(min, { error: min > 1 ? `${name} must be at least ${min} characters` : `${name} is required` })
    .max(max, { error: `${name} must be at most ${max} characters` });

const cursor = z.string().trim().min(1).max(64).nullish();
const limit = z.number().int().min(1).max(50).default(20);

export const requestAfterSaleInput = z.object({
  orderItemId: id("orderItemId"),
  kind: afterSaleKind,
  quantity: z.number({ error: "quantity must be a number" }).int({ error: "quantity must be a whole number" }).min(1, { error: "quantity must be at least 1" }).max(9999, { error: "quantity is too large" }),
  amountFen: z
    .number({ error: "amountFen must be a number" })
    .int({ error: "amountFen must be a whole number of fen" })
    .min(1, { error: "amountFen must be at least 1 fen" })
    .max(100_000_000, { error: "amountFen is unreasonably large" }),
  reason: afterSaleReason,
  description: z.string().trim().max(500, { error: "description must be at most 500 characters" }).default(""),
});
export type RequestAfterSaleInput = z.infer<typeof requestAfterSaleInput>;

export const quoteInput = z.object({ orderItemId: id("orderItemId") });
export const idInput = z.object({ id: id("id") });
export const afterSaleViewer = z.enum(["buyer", "seller", "admin"]);
export type AfterSaleViewer = z.infer<typeof afterSaleViewer>;
/** `as` picks the side a page shows (a seller may also be a buyer); without it the first that applies. */
export const getInput = z.object({ id: id("id"), as: afterSaleViewer.optional() });
export const rejectInput = z.object({ id: id("id"), reason: note("reason", 2, 300) });
export const escalateInput = z.object({ id: id("id"), note: note("note", 2, 500) });
export const submitReturnInput = z.object({
  id: id("id"),
  carrier: z.string({ error: "carrier is required" }).trim().min(1, { error: "carrier is required" }).max(40, { error: "carrier is too long" }),
  trackingNo: z
    .string({ error: "trackingNo is required" })
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, { error: "trackingNo must be 6–40 letters, digits or dashes" }),
});
export const arbitrateInput = z.object({
  id: id("id"),
  decision: z.enum(["refund", "close"], { error: "decision must be refund or close" }),
  note: note("note", 2, 500),
});

export const listMineInput = z.object({ cursor, limit });
export const sellerListFilter = z.enum(["todo", "open", "all"]);
export const listForSellerInput = z.object({ cursor, limit, filter: sellerListFilter.default("todo") });
export const adminListFilter = z.enum(["escalated", "all"]);
export const listForAdminInput = z.object({ cursor, limit, filter: adminListFilter.default("escalated") });

// ───────────────────────────── outputs ─────────────────────────────

const itemSnapshot = orderItemSummary.extend({ refundedFen: z.number().int() });

export const quoteOutput = z.object({
  order: z.object({
    id: z.string(),
    orderNo: z.string(),
    /** The status the order is (or will return to, while REFUNDING for another item). */
    status: orderStatus,
    isShipped: z.boolean(),
    shippingFeeFen: z.number().int(),
  }),
  item: itemSnapshot,
  remainingQuantity: z.number().int(),
  /** The most a request may ask for 1, 2, … units (index q − 1), shipping included when it applies. */
  maxAmountFenByQuantity: z.array(z.number().int()),
  kinds: z.array(afterSaleKind),
  /** Why no request can be made now; null when one can. */
  blocked: z.enum(["order_status", "window_closed", "open_request", "nothing_left"]).nullable(),
  openAfterSaleId: z.string().nullable(),
  /** For a completed order: the last moment a request is accepted. */
  windowEndsAt: z.date().nullable(),
});
export type AfterSaleQuote = z.infer<typeof quoteOutput>;

export const afterSaleEvent = z.object({
  id: z.string(),
  fromStatus: afterSaleStatus.nullable(),
  toStatus: afterSaleStatus,
  actorType: actorType,
  note: z.string(),
  createdAt: z.date(),
});

export const afterSaleRow = z.object({
  id: z.string(),
  kind: afterSaleKind,
  status: afterSaleStatus,
  quantity: z.number().int(),
  amountFen: z.number().int(),
  reason: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  order: z.object({ id: z.string(), orderNo: z.string(), status: orderStatus }),
  item: itemSnapshot.pick({ id: true, productSlug: true, titleZh: true, titleEn: true, variantLabelZh: true, variantLabelEn: true, imageUrl: true }),
  shop: z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
});
export type AfterSaleRow = z.infer<typeof afterSaleRow>;

export const afterSalePage = z.object({ items: z.array(afterSaleRow), nextCursor: z.string().nullable() });

export const afterSaleDetail = afterSaleRow.extend({
  description: z.string(),
  returnCarrier: z.string().nullable(),
  returnTrackingNo: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  /** A rejected request may be escalated until then. */
  escalateBy: z.date().nullable(),
  item: itemSnapshot,
  order: z.object({
    id: z.string(),
    orderNo: z.string(),
    status: orderStatus,
    totalFen: z.number().int(),
    refundedFen: z.number().int(),
    shippingFeeFen: z.number().int(),
    isShipped: z.boolean(),
  }),
  /** Masked for the seller ("张**"), in full for the buyer and the platform. */
  buyerName: z.string(),
  events: z.array(afterSaleEvent),
  viewer: afterSaleViewer,
  can: z.object({
    withdraw: z.boolean(),
    escalate: z.boolean(),
    submitReturn: z.boolean(),
    approve: z.boolean(),
    reject: z.boolean(),
    confirmReceipt: z.boolean(),
    arbitrate: z.boolean(),
  }),
});
export type AfterSaleDetail = z.infer<typeof afterSaleDetail>;

export const afterSaleResult = z.object({ id: z.string(), status: afterSaleStatus, orderStatus: orderStatus });
export type AfterSaleResult = z.infer<typeof afterSaleResult>;
