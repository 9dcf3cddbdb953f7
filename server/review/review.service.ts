// Reviews: one per order item, by its buyer, once the order is delivered (or completed). Writing one
// updates, in the same transaction, the product's rating (count, 1–5★ histogram, average recomputed
// from the histogram in one SQL statement, so concurrent reviews never lose an update) and the shop
// score. Photos must be the author's own uploads (server/media/uploads.ts).
import type { Db, DbClient } from "@/server/db/client";
import { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { parseUploadUrl, type UploadStorage } from "@/server/media/uploads";
import { assertShopMember } from "@/server/shop/shop.service";
import { lockShop, recomputeShopScore } from "@/server/shop/shop-score";
import { maskName, normaliseHistogram, ratingX100FromHistogram } from "@/server/review/review.rules";
import type { CreateReviewInput, PublicReview, ReviewPage, ReviewPrepare, ReviewSummary } from "@/server/review/review.schema";

/** Order states in which the buyer has the goods and may review them. */
const REVIEWABLE = ["DELIVERED", "COMPLETED"] as const;

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

const PUBLIC_SELECT = {
  id: true,
  rating: true,
  body: true,
  createdAt: true,
  sellerReply: true,
  sellerRepliedAt: true,
  user: { select: { name: true, avatarUrl: true } },
  orderItem: { select: { variantLabelZh: true, variantLabelEn: true } },
  media: { select: { url: true, width: true, height: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ReviewSelect;

function toPublic(r: Prisma.ReviewGetPayload<{ select: typeof PUBLIC_SELECT }>): PublicReview {
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    buyerName: maskName(r.user.name),
    buyerAvatarUrl: r.user.avatarUrl,
    variantLabelZh: r.orderItem.variantLabelZh,
    variantLabelEn: r.orderItem.variantLabelEn,
    createdAt: r.createdAt,
    media: r.media,
    sellerReply: r.sellerReply,
    sellerRepliedAt: r.sellerRepliedAt,
  };
}

// ───────────────────────────── writing ─────────────────────────────

async function ownItem(db: DbClient, userId: string, orderItemId: string) {
  const item = await db.orderItem.findFirst({
    where: { id: orderItemId, order: { userId } },
    select: {
      id: true,
      productId: true,
      titleZh: true,
      titleEn: true,
      variantLabelZh: true,
      variantLabelEn: true,
      imageUrl: true,
      quantity: true,
      refundedQuantity: true,
      product: { select: { slug: true } },
      order: { select: { id: true, orderNo: true, status: true, shopId: true } },
    },
  });
  if (!item) throw notFound("Order item");
  return item;
}

/** The review form: the item, and whether it can be reviewed (or the review already written). */
export async function prepareReview(db: DbClient, userId: string, orderItemId: string): Promise<ReviewPrepare> {
  const item = await ownItem(db, userId, orderItemId);
  const existing = await db.review.findUnique({ where: { orderItemId }, select: PUBLIC_SELECT });
  const deliverable = (REVIEWABLE as readonly string[]).includes(item.order.status);
  return {
    order: { id: item.order.id, orderNo: item.order.orderNo, status: item.order.status },
    item: {
      id: item.id,
      productId: item.productId,
      productSlug: item.product.slug,
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      variantLabelZh: item.variantLabelZh,
      variantLabelEn: item.variantLabelEn,
      imageUrl: item.imageUrl,
    },
    blocked: existing ? "reviewed" : !deliverable ? "not_delivered" : item.refundedQuantity >= item.quantity ? "refunded" : null,
    review: existing ? toPublic(existing) : null,
  };
}

/**
 * Checks that every photo URL is one this site issued for an upload by `userId` and that the file
 * exists; returns the photos with their pixel size (carried in the upload key).
 */
async function ownUploads(storage: Pick<UploadStorage, "exists">, userId: string, urls: readonly string[]) {
  if (new Set(urls).size !== urls.length) throw new AppError("BAD_REQUEST", "mediaUrls: the same photo is listed twice", { field: "mediaUrls" });
  const media = [];
  for (const [i, url] of urls.entries()) {
    const parsed = parseUploadUrl(url);
    if (!parsed || parsed.ownerId !== userId || !(await storage.exists(parsed.key))) {
      throw new AppError("BAD_REQUEST", `mediaUrls[${i}] is not a photo you uploaded`, { field: "mediaUrls" });
    }
    media.push({ url, width: parsed.width, height: parsed.height, position: i });
  }
  return media;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function createReview(
  db: Db,
  userId: string,
  input: CreateReviewInput,
  storage: Pick<UploadStorage, "exists">,
): Promise<{ id: string }> {
  const item = await ownItem(db, userId, input.orderItemId);
  if (!(REVIEWABLE as readonly string[]).includes(item.order.status)) {
    throw new AppError("CONFLICT", "You can review this item once the order has been delivered");
  }
  if (item.refundedQuantity >= item.quantity) throw new AppError("CONFLICT", "This item was refunded in full, so it cannot be reviewed");
  const media = await ownUploads(storage, userId, input.mediaUrls);
  const shopId = item.order.shopId;
  try {
    return await db.$transaction(async (tx) => {
      // Serialises reviews of one shop, so the score recomputation below sees every committed review.
      await lockShop(tx, shopId);
      const existing = await tx.review.findUnique({ where: { orderItemId: item.id }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", "You have already reviewed this item");
      const review = await tx.review.create({
        data: {
          orderItemId: item.id,
          productId: item.productId,
          shopId,
          userId,
          rating: input.rating,
          body: input.body,
          hasMedia: media.length > 0,
          media: { create: media },
        },
        select: { id: true },
      });
      await addRatingToProduct(tx, item.productId, input.rating);
      await recomputeShopScore(tx, shopId);
      return review;
    }, TX_OPTIONS);
  } catch (err) {
    // Two submissions of one review racing past the check above: the unique orderItemId decides.
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "You have already reviewed this item");
    throw err;
  }
}

/**
 * One statement: the star's histogram slot +1, the count +1 and the average recomputed from the
 * histogram including this rating (all SET expressions read the row as it was before the update, and
 * the row lock makes concurrent reviews apply one after the other on the latest row). The average
 * is round(100 · stars / count) in integers, exactly averageX100() in review.rules.ts.
 */
export async function addRatingToProduct(tx: DbClient, productId: string, rating: number): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new Error(`rating out of range: ${rating}`);
  await tx.$executeRaw`
    UPDATE "Product" SET
      "ratingHistogram"[${rating}::int] = COALESCE("ratingHistogram"[${rating}::int], 0) + 1,
      "ratingCount" = "ratingCount" + 1,
      "ratingX100" = (
        200 * (COALESCE("ratingHistogram"[1], 0) + 2 * COALESCE("ratingHistogram"[2], 0) + 3 * COALESCE("ratingHistogram"[3], 0)
             + 4 * COALESCE("ratingHistogram"[4], 0) + 5 * COALESCE("ratingHistogram"[5], 0) + ${rating}::int)
        + (COALESCE("ratingHistogram"[1], 0) + COALESCE("ratingHistogram"[2], 0) + COALESCE("ratingHistogram"[3], 0)
             + COALESCE("ratingHistogram"[4], 0) + COALESCE("ratingHistogram"[5], 0) + 1)
      ) / (2 * (COALESCE("ratingHistogram"[1], 0) + COALESCE("ratingHistogram"[2], 0) + COALESCE("ratingHistogram"[3], 0)
             + COALESCE("ratingHistogram"[4], 0) + COALESCE("ratingHistogram"[5], 0) + 1)),
      "updatedAt" = now()
    WHERE "id" = ${productId}`;
}

/** The seller's answer to a review: a member of the review's shop, once. */
export async function replyToReview(db: DbClient, userId: string, input: { reviewId: string; body: string }, now = new Date()): Promise<{ id: string }> {
  const review = await db.review.findUnique({ where: { id: input.reviewId }, select: { id: true, shopId: true } });
  if (!review) throw notFound("Review");
  await assertShopMember(db, userId, review.shopId);
  const moved = await db.review.updateMany({ where: { id: review.id, sellerReply: null }, data: { sellerReply: input.body, sellerRepliedAt: now } });
  if (moved.count === 0) throw new AppError("CONFLICT", "This review already has a reply");
  return { id: review.id };
}

// ───────────────────────────── reading ─────────────────────────────

/**
 * A product's reviews: with photos first, then newest first (keyset pagination on that order; the
 * cursor is the last review's id). `filter: "withMedia"` keeps those with photos; `stars` one rating.
 */
export async function listForProduct(
  db: DbClient,
  input: { productId: string; cursor?: string | null; filter: "all" | "withMedia"; stars?: number; limit: number },
): Promise<ReviewPage> {
  const rows = await db.review.findMany({
    where: {
      productId: input.productId,
      ...(input.filter === "withMedia" ? { hasMedia: true } : {}),
      ...(input.stars ? { rating: input.stars } : {}),
    },
    select: PUBLIC_SELECT,
    orderBy: [{ hasMedia: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit).map(toPublic);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

export async function reviewSummary(db: DbClient, productId: string): Promise<ReviewSummary> {
  const product = await db.product.findUnique({ where: { id: productId }, select: { id: true, ratingX100: true, ratingCount: true, ratingHistogram: true } });
  if (!product) throw notFound("Product");
  const [writtenCount, withMediaCount] = [
    await db.review.count({ where: { productId } }),
    await db.review.count({ where: { productId, hasMedia: true } }),
  ];
  const histogram = normaliseHistogram(product.ratingHistogram);
  return {
    productId: product.id,
    // The stored average is authoritative; a product with no histogram yet (never reviewed) falls back on it.
    ratingX100: product.ratingX100 || ratingX100FromHistogram(histogram),
    count: product.ratingCount,
    histogram,
    withMediaCount,
    writtenCount,
  };
}

/** Reviews of the seller's shops, newest first; "unreplied" are the ones waiting for an answer. */
export async function listForSeller(db: DbClient, userId: string, input: { cursor?: string | null; filter: "unreplied" | "all"; limit: number }) {
  const shopIds = (await db.shopMember.findMany({ where: { userId }, select: { shopId: true } })).map((m) => m.shopId);
  const rows = await db.review.findMany({
    where: {
      shopId: { in: shopIds },
      ...(input.filter === "unreplied" ? { sellerReply: null } : {}),
    },
    select: {
      ...PUBLIC_SELECT,
      product: { select: { id: true, slug: true, titleZh: true, titleEn: true, shop: { select: { id: true, nameZh: true, nameEn: true } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit).map(({ product, ...r }) => {
    const { shop, ...p } = product;
    return { ...toPublic(r), product: p, shop };
  });
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}
