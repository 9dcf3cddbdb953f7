import { z } from "zod";
import { MAX_LINE_QUANTITY } from "@/server/cart/pricing";

// ───────────────────────────── attribution ─────────────────────────────

export const ATTRIBUTION_FIELDS = ["CONTENT", "CENTER", "MARKETING"] as const;
export const ATTRIBUTION_CHANNELS = ["VIDEO", "LIVE", "SEARCH", "MALL", "SHOP", "STOREFRONT", "CAMPAIGN"] as const;
export type AttributionFieldName = (typeof ATTRIBUTION_FIELDS)[number];
export type AttributionChannelName = (typeof ATTRIBUTION_CHANNELS)[number];

/** Which field each channel belongs to: content = goods find people, center = people find goods, marketing = campaigns. */
export const CHANNEL_FIELD: Record<AttributionChannelName, AttributionFieldName> = {
  VIDEO: "CONTENT",
  LIVE: "CONTENT",
  STOREFRONT: "CONTENT",
  SEARCH: "CENTER",
  MALL: "CENTER",
  SHOP: "CENTER",
  CAMPAIGN: "MARKETING",
};

/** Where a cart item came from. Without one, an item is credited to the mall (CENTER / MALL). */
export const attributionInput = z
  .object({
    field: z.enum(ATTRIBUTION_FIELDS, { error: "field must be CONTENT, CENTER or MARKETING" }),
    channel: z.enum(ATTRIBUTION_CHANNELS, { error: "channel must be VIDEO, LIVE, SEARCH, MALL, SHOP, STOREFRONT or CAMPAIGN" }),
    /** The search query, video, live room or campaign that led here. */
    sourceId: z.string().trim().min(1, { error: "sourceId must not be empty" }).max(200, { error: "sourceId must be at most 200 characters" }).optional(),
    /** CreatorProfile.id of the creator to credit. */
    creatorId: z.string().trim().min(1, { error: "creatorId must not be empty" }).max(64, { error: "creatorId must be at most 64 characters" }).optional(),
  })
  .refine((a) => CHANNEL_FIELD[a.channel] === a.field, {
    error: (issue) => {
      const a = issue.input as { channel: AttributionChannelName };
      return `field must be ${CHANNEL_FIELD[a.channel]} for the ${a.channel} channel`;
    },
    path: ["field"],
  });
export type AttributionInput = z.infer<typeof attributionInput>;

export const DEFAULT_ATTRIBUTION = { field: "CENTER", channel: "MALL" } as const satisfies AttributionInput;

export const attributionOutput = z.object({
  field: z.enum(ATTRIBUTION_FIELDS),
  channel: z.enum(ATTRIBUTION_CHANNELS),
  sourceId: z.string().nullable(),
  creatorId: z.string().nullable(),
});

// ───────────────────────────── inputs ─────────────────────────────

const id = (name: string) => z.string().trim().min(1, { error: `${name} is required` }).max(64, { error: `${name} is not a valid id` });

export const quantitySchema = z
  .number({ error: "quantity must be a number" })
  .int({ error: "quantity must be a whole number" })
  .min(1, { error: "quantity must be at least 1" })
  .max(MAX_LINE_QUANTITY, { error: `quantity must be at most ${MAX_LINE_QUANTITY}` });

export const addToCartInput = z.object({
  variantId: id("variantId"),
  quantity: quantitySchema.default(1),
  attribution: attributionInput.optional(),
});
export type AddToCartInput = z.infer<typeof addToCartInput>;

export const setQuantityInput = z.object({ itemId: id("itemId"), quantity: quantitySchema });
export type SetQuantityInput = z.infer<typeof setQuantityInput>;

/** Ticks one item (itemId), one shop's items (shopId) or, with neither, every item in the cart. */
export const setSelectedInput = z
  .object({ itemId: id("itemId").optional(), shopId: id("shopId").optional(), selected: z.boolean({ error: "selected must be true or false" }) })
  .refine((v) => !(v.itemId && v.shopId), { error: "give itemId or shopId, not both", path: ["itemId"] });
export type SetSelectedInput = z.infer<typeof setSelectedInput>;

export const removeInput = z.object({
  itemIds: z.array(id("itemIds")).min(1, { error: "itemIds must name at least one item" }).max(200, { error: "itemIds may name at most 200 items" }),
});
export type RemoveInput = z.infer<typeof removeInput>;

// ───────────────────────────── outputs ─────────────────────────────

export const priceChangeSchema = z.enum(["UP", "DOWN"]).nullable();

export const cartItemOutput = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  productSlug: z.string(),
  sku: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  imageUrl: z.string().nullable(),
  /** Current unit price. */
  unitPriceFen: z.number().int(),
  /** Unit price when the item was added. */
  addedPriceFen: z.number().int(),
  isPriceChanged: z.boolean(),
  priceChange: priceChangeSchema,
  quantity: z.number().int(),
  stock: z.number().int(),
  purchaseLimit: z.number().int().nullable(),
  /** min(stock, purchaseLimit, 99). */
  maxQuantity: z.number().int(),
  /** The product or SKU is no longer for sale. */
  isUnavailable: z.boolean(),
  isSoldOut: z.boolean(),
  /** In stock, but fewer units than the quantity in the cart (or above the purchase limit). */
  isInsufficient: z.boolean(),
  isSelected: z.boolean(),
  lineTotalFen: z.number().int(),
  attribution: attributionOutput,
});
export type CartItemOutput = z.infer<typeof cartItemOutput>;

/** Money of a group of lines (a shop, or everything): cart and checkout show the same figures. */
export const totals = {
  /** In the cart: of the selected, purchasable items only. */
  subtotalFen: z.number().int(),
  shippingFeeFen: z.number().int(),
  discountFen: z.number().int(),
  totalFen: z.number().int(),
};

export const cartShopOutput = z.object({
  shop: z.object({
    id: z.string(),
    slug: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    freeShippingThresholdFen: z.number().int(),
    shippingFeeFen: z.number().int(),
  }),
  items: z.array(cartItemOutput),
  ...totals,
});
export type CartShopOutput = z.infer<typeof cartShopOutput>;

export const cartOutput = z.object({
  shops: z.array(cartShopOutput),
  /** Number of lines in the cart (the header badge). */
  itemCount: z.number().int(),
  /** Units over the selected, purchasable lines. */
  selectedQuantity: z.number().int(),
  selectedCount: z.number().int(),
  /** Every purchasable line is selected (the "select all" box). */
  isAllSelected: z.boolean(),
  ...totals,
});
export type CartOutput = z.infer<typeof cartOutput>;
