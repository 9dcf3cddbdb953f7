import { z } from "zod";

export const shopKind = z.enum(["BRAND_FLAGSHIP", "FARM_GOODS", "INDUSTRIAL_BELT", "INDEPENDENT"]);

export const shopDetail = z.object({
  id: z.string(),
  slug: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: shopKind,
  taglineZh: z.string(),
  taglineEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  logoUrl: z.string(),
  bannerUrl: z.string(),
  themeColor: z.string(),
  scoreX100: z.number().int(),
  qualityScoreX100: z.number().int(),
  serviceScoreX100: z.number().int(),
  logisticsScoreX100: z.number().int(),
  followerCount: z.number().int(),
  freeShippingThresholdFen: z.number().int(),
  shippingFeeFen: z.number().int(),
  productCount: z.number().int(),
  updatedAt: z.date(),
  region: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
});
export type ShopDetail = z.infer<typeof shopDetail>;

export const shopSummary = shopDetail.pick({
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  kind: true,
  taglineZh: true,
  taglineEn: true,
  logoUrl: true,
  bannerUrl: true,
  themeColor: true,
  scoreX100: true,
  followerCount: true,
  productCount: true,
});
export type ShopSummary = z.infer<typeof shopSummary>;

/** The platform suspends a shop (all its products leave pages and search) or reinstates it. */
export const setShopStatusInput = z
  .object({
    shopId: z.string().min(1, { error: "shopId is required" }),
    status: z.enum(["ACTIVE", "SUSPENDED", "CLOSED"], { error: "status must be ACTIVE, SUSPENDED or CLOSED" }),
    reason: z.string().trim().max(500, { error: "reason must be at most 500 characters" }).optional(),
  })
  .refine((v) => v.status === "ACTIVE" || (v.reason ?? "").length >= 2, {
    path: ["reason"],
    error: "reason is required when suspending or closing a shop",
  });
export type SetShopStatusInput = z.infer<typeof setShopStatusInput>;

export const shopStatusResult = z.object({
  id: z.string(),
  status: z.enum(["ACTIVE", "SUSPENDED", "CLOSED"]),
  statusReason: z.string().nullable(),
});

/** The shop score's three parts with the figures behind them (the shop page explains each). */
export const shopScoreDetail = z.object({
  overallX100: z.number().int(),
  qualityX100: z.number().int(),
  serviceX100: z.number().int(),
  logisticsX100: z.number().int(),
  ratingCount: z.number().int(),
  /** Plain average of the ratings ×100 (null: none yet). */
  ratingAvgX100: z.number().int().nullable(),
  paidOrders: z.number().int(),
  refundedAfterSales: z.number().int(),
  /** Refunded after-sales per paid order, in basis points (120 = 1.2 %). */
  refundRateBp: z.number().int(),
  medianHandlingHours: z.number().nullable(),
  medianShipHours: z.number().nullable(),
  shippedOrders: z.number().int(),
});
export type ShopScoreDetail = z.infer<typeof shopScoreDetail>;
