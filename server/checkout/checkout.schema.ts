import { z } from "zod";
import { attributionInput, attributionOutput, priceChangeSchema, quantitySchema, totals } from "@/server/cart/cart.schema";
import { addressOutput } from "@/server/address/address.schema";
import { couponView } from "@/server/marketing/coupon.schema";

const id = (name: string) => z.string().trim().min(1, { error: `${name} is required` }).max(64, { error: `${name} is not a valid id` });

export const buyNowInput = z.object({
  variantId: id("variantId"),
  quantity: quantitySchema,
  attribution: attributionInput.optional(),
});
export type BuyNowInput = z.infer<typeof buyNowInput>;

/** What to check out: the selected items of the cart, or one SKU bought directly from its page. */
export const checkoutSource = z
  .object({
    cart: z.literal(true, { error: "cart must be true" }).optional(),
    buyNow: buyNowInput.optional(),
  })
  .refine((s) => (s.cart ? 1 : 0) + (s.buyNow ? 1 : 0) === 1, {
    error: "source must be either { cart: true } or { buyNow: { variantId, quantity } }",
  });
export type CheckoutSource = z.infer<typeof checkoutSource>;

/** Coupons to apply: "auto" (the best combination) or these UserCoupon ids ([] = none). */
export const couponIdsInput = z.union([z.literal("auto"), z.array(id("couponIds")).max(20, { error: "couponIds: at most 20 coupons" })], {
  error: 'couponIds must be "auto" or a list of coupon ids',
});

export const previewInput = z.object({
  source: checkoutSource,
  /** The address to ship to; default: the shopper's default address. */
  addressId: id("addressId").optional(),
  /** Default: the best combination of the shopper's coupons. */
  couponIds: couponIdsInput.default("auto"),
});
/** z.input: callers of the service may leave couponIds out ("auto"). */
export type PreviewInput = z.input<typeof previewInput>;

export const MAX_NOTE_LENGTH = 200;

// Prices and totals are never taken from the client: unknown keys (priceFen, totalFen…) are stripped.
export const placeInput = z.object({
  /** Generated once per checkout page view; a retry with the same key returns the first result. */
  idempotencyKey: z.uuid({ error: "idempotencyKey must be a UUID" }),
  addressId: id("addressId"),
  source: checkoutSource,
  /** A note to each shop's seller, keyed by shop id. */
  notes: z
    .record(
      z.string().max(64, { error: "notes: shop id is not valid" }),
      z.string().trim().max(MAX_NOTE_LENGTH, { error: `notes must be at most ${MAX_NOTE_LENGTH} characters per shop` }),
    )
    .refine((n) => Object.keys(n).length <= 50, { error: "notes may address at most 50 shops" })
    .optional(),
  /** The shopper's coupons to redeem (recomputed on the server); default none. */
  couponIds: couponIdsInput.default([]),
});
/** z.input: callers of the service may leave couponIds out (none). */
export type PlaceInput = z.input<typeof placeInput>;

export const PROBLEM_KINDS = ["UNAVAILABLE", "SOLD_OUT", "INSUFFICIENT_STOCK", "OVER_LIMIT", "PRICE_CHANGED"] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
/** Problems that stop the order from being placed (a changed price is only a notice). */
export const BLOCKING_PROBLEMS: readonly ProblemKind[] = ["UNAVAILABLE", "SOLD_OUT", "INSUFFICIENT_STOCK", "OVER_LIMIT"];

export const checkoutLineOutput = z.object({
  variantId: z.string(),
  productId: z.string(),
  productSlug: z.string(),
  sku: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  imageUrl: z.string().nullable(),
  unitPriceFen: z.number().int(),
  /** Price when it went into the cart (cart checkouts only). */
  addedPriceFen: z.number().int().nullable(),
  priceChange: priceChangeSchema,
  quantity: z.number().int(),
  /** unitPriceFen × quantity, before coupons. */
  lineTotalFen: z.number().int(),
  /** This line's share of the coupon discounts. */
  discountFen: z.number().int(),
  stock: z.number().int(),
  purchaseLimit: z.number().int().nullable(),
  maxQuantity: z.number().int(),
  /** What stops this line from being ordered, if anything. */
  problem: z.enum(["UNAVAILABLE", "SOLD_OUT", "INSUFFICIENT_STOCK", "OVER_LIMIT"]).nullable(),
  attribution: attributionOutput,
});
export type CheckoutLineOutput = z.infer<typeof checkoutLineOutput>;

export const checkoutGroupOutput = z.object({
  shop: z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string(), freeShippingThresholdFen: z.number().int() }),
  lines: z.array(checkoutLineOutput),
  itemCount: z.number().int(),
  ...totals,
});

export const checkoutProblemOutput = z.object({
  kind: z.enum(PROBLEM_KINDS),
  variantId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  stock: z.number().int(),
  maxQuantity: z.number().int(),
  fromPriceFen: z.number().int().nullable(),
  toPriceFen: z.number().int(),
});

export const previewOutput = z.object({
  groups: z.array(checkoutGroupOutput),
  itemCount: z.number().int(),
  ...totals,
  problems: z.array(checkoutProblemOutput),
  /** Lines exist and none has a blocking problem. */
  canPlace: z.boolean(),
  /** The address the orders would ship to (the chosen one, else the default), if any. */
  address: addressOutput.nullable(),
  coupons: z.object({
    /** The shopper's available, in-window coupons for these shops and the platform. */
    options: z.array(
      z.object({
        userCouponId: z.string(),
        coupon: couponView,
        /** What it would take off alone (a platform coupon: after the selected shop coupons). */
        discountFen: z.number().int(),
        isApplicable: z.boolean(),
      }),
    ),
    /** Applied now (the request, else the best combination). */
    selectedIds: z.array(z.string()),
    /** The combination with the largest total discount. */
    bestIds: z.array(z.string()),
    bestDiscountFen: z.number().int(),
    shopDiscountFen: z.record(z.string(), z.number().int()),
    platformDiscountFen: z.number().int(),
    /** Why the requested coupons were not applied (the best combination is shown instead). */
    error: z.string().nullable(),
  }),
});
export type PreviewOutput = z.infer<typeof previewOutput>;

export const placeOutput = z.object({
  checkoutId: z.string(),
  orderIds: z.array(z.string()),
  totalFen: z.number().int(),
});
export type PlaceOutput = z.infer<typeof placeOutput>;
