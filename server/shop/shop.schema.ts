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
