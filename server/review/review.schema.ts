import { z } from "zod";

const id = (name: string) => z.string({ error: `${name} is required` }).trim().min(1, { error: `${name} is required` }).max(64, { error: `${name} is too long` });
const cursor = z.string().trim().min(1).max(64).nullish();

export const MAX_REVIEW_MEDIA = 6;
export const MAX_REVIEW_BODY = 500;

export const createReviewInput = z.object({
  orderItemId: id("orderItemId"),
  rating: z.number({ error: "rating must be a number" }).int({ error: "rating must be a whole number of stars" }).min(1, { error: "rating must be 1 to 5 stars" }).max(5, { error: "rating must be 1 to 5 stars" }),
  body: z.string().trim().max(MAX_REVIEW_BODY, { error: `body must be at most ${MAX_REVIEW_BODY} characters` }).default(""),
  mediaUrls: z
    .array(z.string().trim().min(1).max(300, { error: "mediaUrls: a URL is too long" }))
    .max(MAX_REVIEW_MEDIA, { error: `mediaUrls: at most ${MAX_REVIEW_MEDIA} photos` })
    .default([]),
});
export type CreateReviewInput = z.infer<typeof createReviewInput>;

export const orderItemInput = z.object({ orderItemId: id("orderItemId") });
export const productIdInput = z.object({ productId: id("productId") });

export const reviewFilter = z.enum(["all", "withMedia"]);
export const listForProductInput = z.object({
  productId: id("productId"),
  cursor,
  filter: reviewFilter.default("all"),
  /** Only reviews with this many stars. */
  stars: z.number().int().min(1).max(5).optional(),
  limit: z.number().int().min(1).max(30).default(10),
});
export type ListForProductInput = z.input<typeof listForProductInput>;

export const replyInput = z.object({
  reviewId: id("reviewId"),
  body: z.string({ error: "body is required" }).trim().min(1, { error: "body is required" }).max(300, { error: "body must be at most 300 characters" }),
});

export const listForSellerInput = z.object({
  cursor,
  filter: z.enum(["unreplied", "all"]).default("unreplied"),
  limit: z.number().int().min(1).max(50).default(20),
});

// ───────────────────────────── outputs ─────────────────────────────

export const reviewMedia = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });

export const publicReview = z.object({
  id: z.string(),
  rating: z.number().int(),
  /** Plain text: render as text, never as HTML. */
  body: z.string(),
  /** "张**" */
  buyerName: z.string(),
  buyerAvatarUrl: z.string().nullable(),
  variantLabelZh: z.string(),
  variantLabelEn: z.string(),
  createdAt: z.date(),
  media: z.array(reviewMedia),
  sellerReply: z.string().nullable(),
  sellerRepliedAt: z.date().nullable(),
});
export type PublicReview = z.infer<typeof publicReview>;

export const reviewPage = z.object({ items: z.array(publicReview), nextCursor: z.string().nullable() });
export type ReviewPage = z.infer<typeof reviewPage>;

export const reviewSummary = z.object({
  productId: z.string(),
  ratingX100: z.number().int(),
  count: z.number().int(),
  /** 1★…5★ counts, index 0 = 1★. */
  histogram: z.array(z.number().int()).length(5),
  /** Written reviews with photos (the "with photos" filter). */
  withMediaCount: z.number().int(),
  /** Written reviews (ratings without a written review are counted in `count` only). */
  writtenCount: z.number().int(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

export const reviewPrepare = z.object({
  order: z.object({ id: z.string(), orderNo: z.string(), status: z.string() }),
  item: z.object({
    id: z.string(),
    productId: z.string(),
    productSlug: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    variantLabelZh: z.string(),
    variantLabelEn: z.string(),
    imageUrl: z.string().nullable(),
  }),
  /** Why the item cannot be reviewed now; null when it can. */
  blocked: z.enum(["not_delivered", "refunded", "reviewed"]).nullable(),
  review: publicReview.nullable(),
});
export type ReviewPrepare = z.infer<typeof reviewPrepare>;

export const sellerReviewRow = publicReview.extend({
  product: z.object({ id: z.string(), slug: z.string(), titleZh: z.string(), titleEn: z.string() }),
  shop: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
});
export const sellerReviewPage = z.object({ items: z.array(sellerReviewRow), nextCursor: z.string().nullable() });
