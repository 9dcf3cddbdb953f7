import { z } from "zod";

export const campaignKind = z.enum(["PROMOTION", "ORIGIN", "REGIONAL_GOODS"]);
export type CampaignKind = z.infer<typeof campaignKind>;
export const campaignPhaseSchema = z.enum(["UPCOMING", "RUNNING", "ENDED"]);

const slug = z
  .string()
  .trim()
  .min(2, { error: "slug must be at least 2 characters" })
  .max(80, { error: "slug must be at most 80 characters" })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "slug may contain a–z, 0–9 and -" });
const id = z.string().min(1, { error: "id is required" }).max(64);

// ───────────────────────────── public ─────────────────────────────

export const campaignSlugInput = z.object({ slug: z.string().trim().min(1).max(80) });
export const campaignSort = z.enum(["discount", "sales"]);
export type CampaignSort = z.infer<typeof campaignSort>;
export const campaignGetInput = campaignSlugInput.extend({ sort: campaignSort.default("discount") });

export const campaignSummary = z.object({
  id: z.string(),
  slug: z.string(),
  kind: campaignKind,
  titleZh: z.string(),
  titleEn: z.string(),
  subtitleZh: z.string(),
  subtitleEn: z.string(),
  bannerUrl: z.string(),
  themeColor: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  phase: campaignPhaseSchema,
  itemCount: z.number().int(),
  region: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string(), provinceZh: z.string(), provinceEn: z.string() }).nullable(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignLists = z.object({
  running: z.array(campaignSummary),
  upcoming: z.array(campaignSummary),
  ended: z.array(campaignSummary),
});
export type CampaignLists = z.infer<typeof campaignLists>;

export const campaignProduct = z.object({
  productId: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  imageUrl: z.string().nullable(),
  /** The lowest campaign price among the product's enrolled SKUs, and that SKU's regular price. */
  campaignPriceFen: z.number().int(),
  regularPriceFen: z.number().int(),
  discountPercent: z.number().int(),
  salesCount: z.number().int(),
  isSoldOut: z.boolean(),
  shop: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
});
export type CampaignProduct = z.infer<typeof campaignProduct>;

export const campaignDetail = campaignSummary.extend({
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  regionStory: z.object({ descriptionZh: z.string(), descriptionEn: z.string() }).nullable(),
  products: z.array(campaignProduct),
  /** ORIGIN / REGIONAL_GOODS: the region's active shops. */
  producers: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      logoUrl: z.string(),
      taglineZh: z.string(),
      taglineEn: z.string(),
    }),
  ),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const productIdInput = z.object({ productId: id });

/** The product page's campaign band: per-SKU prices for this shopper now, and the campaign shown. */
export const productCampaignPrices = z
  .object({
    campaign: z.object({ id: z.string(), slug: z.string(), titleZh: z.string(), titleEn: z.string(), endsAt: z.date() }),
    variants: z.array(z.object({ variantId: z.string(), priceFen: z.number().int(), regularPriceFen: z.number().int(), isCampaign: z.boolean() })),
  })
  .nullable();
export type ProductCampaignPrices = z.infer<typeof productCampaignPrices>;

// ───────────────────────────── admin ─────────────────────────────

const text = (field: string, max: number) => z.string().trim().max(max, { error: `${field} must be at most ${max} characters` });

export const campaignWriteInput = z
  .object({
    slug,
    kind: campaignKind,
    titleZh: text("titleZh", 60).min(2, { error: "titleZh must be at least 2 characters" }),
    titleEn: text("titleEn", 100).min(2, { error: "titleEn must be at least 2 characters" }),
    subtitleZh: text("subtitleZh", 120).default(""),
    subtitleEn: text("subtitleEn", 160).default(""),
    descriptionZh: text("descriptionZh", 2000).default(""),
    descriptionEn: text("descriptionEn", 3000).default(""),
    themeColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: "themeColor must look like #fe2c55" })
      .default("#fe2c55"),
    regionId: z.string().min(1).max(64).nullish(),
    startsAt: z.coerce.date({ error: "startsAt must be a date" }),
    endsAt: z.coerce.date({ error: "endsAt must be a date" }),
    enrolOpen: z.boolean().default(true),
    minDiscountBp: z
      .number({ error: "minDiscountBp must be a number" })
      .int({ error: "minDiscountBp must be a whole number" })
      .min(0, { error: "minDiscountBp must not be negative" })
      .max(9000, { error: "minDiscountBp must be at most 9000 (90 %)" }),
  })
  .refine((v) => v.kind === "PROMOTION" || Boolean(v.regionId), { error: "regionId is required for origin and regional-goods campaigns", path: ["regionId"] });
export type CampaignWriteInput = z.infer<typeof campaignWriteInput>;

export const campaignCreateInput = campaignWriteInput;
export const campaignUpdateInput = z.object({ id }).and(campaignWriteInput);
export const campaignIdInput = z.object({ id });

export const adminCampaignRow = campaignSummary.extend({
  enrolOpen: z.boolean(),
  minDiscountBp: z.number().int(),
  shopCount: z.number().int(),
});
export const adminCampaign = adminCampaignRow.extend({
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  regionId: z.string().nullable(),
});
export type AdminCampaign = z.infer<typeof adminCampaign>;

export const regionOption = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), provinceZh: z.string(), provinceEn: z.string() });

// ───────────────────────────── seller ─────────────────────────────

export const enrolInput = z.object({
  campaignId: id,
  variantId: id,
  /** Yuan as typed ("79", "79.9"); converted to fen on the server. */
  price: z.string().trim().min(1, { error: "price is required" }).max(14, { error: "price is too long" }),
});
export const withdrawInput = z.object({ campaignId: id, variantId: id });

export const sellerEnrolled = z.object({
  variantId: z.string(),
  productId: z.string(),
  productSlug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  regularPriceFen: z.number().int(),
  campaignPriceFen: z.number().int(),
});

export const sellerCampaign = campaignSummary.extend({
  enrolOpen: z.boolean(),
  minDiscountBp: z.number().int(),
  /** Origin / regional-goods campaigns: only SKUs of this region may enrol. */
  regionId: z.string().nullable(),
  canEnrol: z.boolean(),
  canWithdraw: z.boolean(),
  enrolled: z.array(sellerEnrolled),
});
export type SellerCampaign = z.infer<typeof sellerCampaign>;

export const sellerSku = z.object({
  variantId: z.string(),
  productId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  priceFen: z.number().int(),
  regionId: z.string().nullable(),
});
export type SellerSku = z.infer<typeof sellerSku>;

export const sellerCampaignsOutput = z.object({ campaigns: z.array(sellerCampaign), skus: z.array(sellerSku) });
