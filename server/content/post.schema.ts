import { z } from "zod";

export const MAX_CAPTION_LENGTH = 500;
export const MAX_HASHTAGS = 10;
export const MAX_HASHTAG_LENGTH = 30;
export const MAX_POST_PRODUCTS = 6;
export const FEED_PAGE_MAX = 10;
export const FEED_SEEN_MAX = 200;

const id = (field: string) => z.string().trim().min(1, { error: `${field} is required` }).max(64, { error: `${field} is too long` });
const url = (field: string) => z.string().trim().min(1, { error: `${field} is required` }).max(300, { error: `${field} is too long` });

/** What a creator (or a shop's seller) writes; media URLs come from POST /api/uploads. */
export const createPostInput = z
  .object({
    caption: z.string().trim().max(MAX_CAPTION_LENGTH, { error: `caption: at most ${MAX_CAPTION_LENGTH} characters` }).default(""),
    hashtags: z
      .array(
        z
          .string()
          .trim()
          .transform((s) => s.replace(/^#+/, "").trim())
          .pipe(
            z
              .string()
              .min(1, { error: "hashtags: a hashtag is empty" })
              .max(MAX_HASHTAG_LENGTH, { error: `hashtags: at most ${MAX_HASHTAG_LENGTH} characters each` })
              .regex(/^[^\s#<>]+$/u, { error: "hashtags: no spaces, '#', '<' or '>' inside a hashtag" }),
          ),
      )
      .max(MAX_HASHTAGS, { error: `hashtags: at most ${MAX_HASHTAGS}` })
      .default([]),
    videoUrl: url("videoUrl"),
    posterUrl: url("posterUrl"),
    durationMs: z.number().int().min(500, { error: "durationMs: the video is too short" }).max(10 * 60_000, { error: "durationMs: at most 10 minutes" }),
    width: z.number().int().min(16).max(4096).default(720),
    height: z.number().int().min(16).max(4096).default(1280),
    productIds: z
      .array(id("productIds"))
      .max(MAX_POST_PRODUCTS, { error: `productIds: at most ${MAX_POST_PRODUCTS} products` })
      .refine((ids) => new Set(ids).size === ids.length, { error: "productIds: a product is listed twice" })
      .default([]),
  })
  .strict();
export type CreatePostInput = z.infer<typeof createPostInput>;

/** A seller posts in the name of one of their shops. */
export const createShopPostInput = createPostInput.extend({ shopId: id("shopId") }).strict();
export type CreateShopPostInput = z.infer<typeof createShopPostInput>;

export const postIdInput = z.object({ postId: id("postId") });

export const feedProduct = z.object({
  id: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  imageUrl: z.string().nullable(),
  priceFen: z.number().int(),
  categoryId: z.string(),
});
export type FeedProduct = z.infer<typeof feedProduct>;

export const postAuthor = z.object({
  kind: z.enum(["creator", "shop"]),
  /** CreatorProfile id or Shop id. */
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** creator handle or shop slug */
  slug: z.string(),
  avatarUrl: z.string(),
  followerCount: z.number().int(),
  isFollowing: z.boolean(),
});
export type PostAuthor = z.infer<typeof postAuthor>;

export const feedPost = z.object({
  id: z.string(),
  kind: z.enum(["VIDEO", "IMAGE"]),
  caption: z.string(),
  hashtags: z.array(z.string()),
  videoUrl: z.string().nullable(),
  /** Playable sources for <video>, best first (demo clips also come as WebM). */
  videoSources: z.array(z.object({ url: z.string(), type: z.string() })),
  posterUrl: z.string(),
  imageUrls: z.array(z.string()),
  durationMs: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  categoryId: z.string().nullable(),
  likeCount: z.number().int(),
  shareCount: z.number().int(),
  viewCount: z.number().int(),
  publishedAt: z.date(),
  isLiked: z.boolean(),
  /** The creator whose sale it is (creator posts), for attribution links. */
  creatorId: z.string().nullable(),
  author: postAuthor,
  products: z.array(feedProduct),
});
export type FeedPost = z.infer<typeof feedPost>;

export const likeState = z.object({ isLiked: z.boolean(), likeCount: z.number().int().min(0) });
export type LikeState = z.infer<typeof likeState>;

export const shareState = z.object({ shareCount: z.number().int().min(0), counted: z.boolean() });

export const myPostRow = z.object({
  id: z.string(),
  status: z.enum(["PUBLISHED", "HIDDEN", "REMOVED"]),
  caption: z.string(),
  posterUrl: z.string(),
  productCount: z.number().int(),
  likeCount: z.number().int(),
  viewCount: z.number().int(),
  shareCount: z.number().int(),
  publishedAt: z.date(),
  author: z.object({ kind: z.enum(["creator", "shop"]), name: z.string() }),
});
export type MyPostRow = z.infer<typeof myPostRow>;

export const authorPostsInput = z.union([
  z.object({ creatorId: id("creatorId"), excludePostId: z.string().max(64).optional(), limit: z.number().int().min(1).max(24).default(8) }).strict(),
  z.object({ shopId: id("shopId"), excludePostId: z.string().max(64).optional(), limit: z.number().int().min(1).max(24).default(8) }).strict(),
]);

export const productPostsInput = z.object({ productId: id("productId"), limit: z.number().int().min(1).max(24).default(8) });

export const postThumb = z.object({
  id: z.string(),
  caption: z.string(),
  posterUrl: z.string(),
  likeCount: z.number().int(),
  viewCount: z.number().int(),
  durationMs: z.number().int(),
  authorName: z.string(),
});
export type PostThumb = z.infer<typeof postThumb>;

export const feedPageInput = z.object({
  cursor: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(FEED_PAGE_MAX, { error: `limit: at most ${FEED_PAGE_MAX}` }).default(5),
  seenIds: z.array(z.string().max(64)).max(FEED_SEEN_MAX, { error: `seenIds: at most ${FEED_SEEN_MAX}` }).default([]),
});
export type FeedPageInput = z.infer<typeof feedPageInput>;

export const feedPage = z.object({ items: z.array(feedPost), nextCursor: z.number().int().nullable() });
export type FeedPage = z.infer<typeof feedPage>;
