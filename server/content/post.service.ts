// Shoppable posts (挂车短视频): creation by a creator or a shop's seller, public reads for the feed and
// the /v/[id] page, likes (signed-in users and anonymous visitors) and share counts.
// Media: only files the author uploaded (the owner id is part of the upload key) or the seed's
// committed demo clips may be attached. Products: any visible (ACTIVE, in an ACTIVE shop) product.
import type { Db, DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { parseUploadUrl, parseVideoUrl, type UploadStorage } from "@/server/media/uploads";
import { assertShopMember } from "@/server/shop/shop.service";
import { followedIds } from "@/server/social/follow.service";
import { VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { createMemoryRateLimiter, type RateLimiter } from "@/server/cache/rate-limit";
import { actorKey, type Actor } from "@/server/reco/actor";
import { recordServerEvent } from "@/server/reco/events.service";
import { demoWebmAlternative, isDemoMediaUrl } from "@/prisma/seed/demo-videos";
import { dominantCategory } from "@/server/content/post.rules";
import { recommendPosts } from "@/server/reco/recommender";
import type { CreatePostInput, FeedPage, FeedPageInput, FeedPost, LikeState, MyPostRow, PostThumb } from "@/server/content/post.schema";

export type PostAuthorChoice = { kind: "creator" } | { kind: "shop"; shopId: string };

async function assertOwnMedia(storage: UploadStorage, userId: string, input: CreatePostInput): Promise<void> {
  if (!isDemoMediaUrl(input.videoUrl) || !input.videoUrl.endsWith(".mp4")) {
    const video = parseVideoUrl(input.videoUrl);
    if (!video || video.ownerId !== userId || !(await storage.exists(video.key))) {
      throw new AppError("FORBIDDEN", "videoUrl: this is not a video you uploaded", { field: "videoUrl" });
    }
  }
  if (!isDemoMediaUrl(input.posterUrl) || !input.posterUrl.endsWith(".jpg")) {
    const poster = parseUploadUrl(input.posterUrl);
    if (!poster || poster.ownerId !== userId || !(await storage.exists(poster.key))) {
      throw new AppError("FORBIDDEN", "posterUrl: this is not a picture you uploaded", { field: "posterUrl" });
    }
  }
}

/**
 * Publishes a post as the caller's creator profile or as one of the caller's shops. Checks, in
 * order: the author (FORBIDDEN), the media ownership (FORBIDDEN), the products (BAD_REQUEST naming
 * productIds); nothing is written unless all pass.
 */
export async function createPost(
  db: Db,
  userId: string,
  as: PostAuthorChoice,
  input: CreatePostInput,
  storage: UploadStorage,
): Promise<{ id: string }> {
  let creatorId: string | null = null;
  let shopId: string | null = null;
  if (as.kind === "creator") {
    const profile = await db.creatorProfile.findUnique({ where: { userId }, select: { id: true } });
    if (!profile) throw new AppError("FORBIDDEN", "You have no creator profile yet");
    creatorId = profile.id;
  } else {
    await assertShopMember(db, userId, as.shopId);
    shopId = as.shopId;
  }
  await assertOwnMedia(storage, userId, input);

  const products = input.productIds.length
    ? await db.product.findMany({ where: { id: { in: input.productIds }, ...VISIBLE_PRODUCT }, select: { id: true, categoryId: true } })
    : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const missing = input.productIds.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    throw new AppError("BAD_REQUEST", `productIds[${missing}]: no such product on sale`, { field: "productIds" });
  }
  const hashtags = [...new Set(input.hashtags)];
  const categoryId = dominantCategory(input.productIds.map((id) => byId.get(id)!.categoryId));

  const post = await db.post.create({
    data: {
      kind: "VIDEO",
      authorUserId: userId,
      creatorId,
      shopId,
      caption: input.caption,
      hashtags,
      videoUrl: input.videoUrl,
      posterUrl: input.posterUrl,
      durationMs: input.durationMs,
      width: input.width,
      height: input.height,
      categoryId,
      products: { create: input.productIds.map((productId, position) => ({ productId, position })) },
    },
    select: { id: true },
  });
  return post;
}

/** The caller's own posts (as creator and as any shop member), newest first. */
export async function listMyPosts(db: DbClient, userId: string): Promise<MyPostRow[]> {
  const rows = await db.post.findMany({
    where: { authorUserId: userId },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      caption: true,
      posterUrl: true,
      likeCount: true,
      viewCount: true,
      shareCount: true,
      publishedAt: true,
      _count: { select: { products: true } },
      creator: { select: { displayName: true } },
      shop: { select: { nameZh: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    caption: r.caption,
    posterUrl: r.posterUrl,
    productCount: r._count.products,
    likeCount: r.likeCount,
    viewCount: r.viewCount,
    shareCount: r.shareCount,
    publishedAt: r.publishedAt,
    author: r.creator ? { kind: "creator" as const, name: r.creator.displayName } : { kind: "shop" as const, name: r.shop?.nameZh ?? "" },
  }));
}

const FEED_SELECT = {
  id: true,
  kind: true,
  caption: true,
  hashtags: true,
  videoUrl: true,
  posterUrl: true,
  imageUrls: true,
  durationMs: true,
  width: true,
  height: true,
  categoryId: true,
  likeCount: true,
  shareCount: true,
  viewCount: true,
  publishedAt: true,
  creatorId: true,
  shopId: true,
  creator: { select: { id: true, handle: true, displayName: true, avatarUrl: true, followerCount: true } },
  shop: { select: { id: true, slug: true, nameZh: true, nameEn: true, logoUrl: true, followerCount: true, status: true } },
  products: {
    orderBy: { position: "asc" },
    where: { product: VISIBLE_PRODUCT },
    select: {
      product: {
        select: {
          id: true,
          slug: true,
          titleZh: true,
          titleEn: true,
          minPriceFen: true,
          categoryId: true,
          media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 },
        },
      },
    },
  },
} satisfies Prisma.PostSelect;

type FeedRow = Prisma.PostGetPayload<{ select: typeof FEED_SELECT }>;

/**
 * Feed cards for these post ids, in the given order; ids that are not PUBLISHED (or whose shop is
 * not active) drop out. One query for posts + products + authors, one for likes, one for follows.
 */
export async function loadFeedPosts(db: DbClient, actor: Actor, ids: readonly string[]): Promise<FeedPost[]> {
  if (ids.length === 0) return [];
  const key = actorKey(actor);
  const [rows, liked, follows] = await Promise.all([
    db.post.findMany({ where: { id: { in: [...ids] }, status: "PUBLISHED" }, select: FEED_SELECT }),
    key ? db.postLike.findMany({ where: { actorKey: key, postId: { in: [...ids] } }, select: { postId: true } }) : [],
    actor.userId ? followedIds(db, actor.userId) : { creatorIds: [], shopIds: [] },
  ]);
  const likedIds = new Set(liked.map((l) => l.postId));
  const followedCreators = new Set(follows.creatorIds);
  const followedShops = new Set(follows.shopIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: FeedPost[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    const card = toFeedPost(r, likedIds.has(r.id), followedCreators, followedShops);
    if (card) out.push(card);
  }
  return out;
}

function videoSources(url: string | null): Array<{ url: string; type: string }> {
  if (!url) return [];
  const sources = [{ url, type: url.endsWith(".webm") ? "video/webm" : "video/mp4" }];
  const webm = demoWebmAlternative(url);
  if (webm) sources.push({ url: webm, type: "video/webm" });
  return sources;
}

function toFeedPost(r: FeedRow, isLiked: boolean, followedCreators: Set<string>, followedShops: Set<string>): FeedPost | null {
  let author: FeedPost["author"];
  if (r.creator) {
    author = {
      kind: "creator",
      id: r.creator.id,
      name: r.creator.displayName,
      nameEn: r.creator.displayName,
      slug: r.creator.handle,
      avatarUrl: r.creator.avatarUrl,
      followerCount: r.creator.followerCount,
      isFollowing: followedCreators.has(r.creator.id),
    };
  } else if (r.shop && r.shop.status === "ACTIVE") {
    author = {
      kind: "shop",
      id: r.shop.id,
      name: r.shop.nameZh,
      nameEn: r.shop.nameEn,
      slug: r.shop.slug,
      avatarUrl: r.shop.logoUrl,
      followerCount: r.shop.followerCount,
      isFollowing: followedShops.has(r.shop.id),
    };
  } else {
    return null;
  }
  return {
    id: r.id,
    kind: r.kind,
    caption: r.caption,
    hashtags: r.hashtags,
    videoUrl: r.videoUrl,
    videoSources: videoSources(r.videoUrl),
    posterUrl: r.posterUrl,
    imageUrls: r.imageUrls,
    durationMs: r.durationMs,
    width: r.width,
    height: r.height,
    categoryId: r.categoryId,
    likeCount: r.likeCount,
    shareCount: r.shareCount,
    viewCount: r.viewCount,
    publishedAt: r.publishedAt,
    isLiked,
    creatorId: r.creatorId,
    author,
    products: r.products.map(({ product: p }) => ({
      id: p.id,
      slug: p.slug,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      imageUrl: p.media[0]?.url ?? null,
      priceFen: p.minPriceFen,
      categoryId: p.categoryId,
    })),
  };
}

/** One published post (anything else: NOT_FOUND). */
export async function getPost(db: DbClient, actor: Actor, postId: string): Promise<FeedPost> {
  const [post] = await loadFeedPosts(db, actor, [postId]);
  if (!post) throw notFound("Post");
  return post;
}

function requireActorKey(actor: Actor): string {
  const key = actorKey(actor);
  if (!key) throw new AppError("BAD_REQUEST", "Cookies are needed to like a video; please enable them and reload");
  return key;
}

async function likeCountOf(db: DbClient, postId: string): Promise<number> {
  const post = await db.post.findFirst({ where: { id: postId, status: "PUBLISHED" }, select: { likeCount: true } });
  if (!post) throw notFound("Post");
  return post.likeCount;
}

/** Likes a published post once per actor; the count moves only when a like row was really added. */
export async function likePost(db: Db, actor: Actor, postId: string): Promise<LikeState> {
  const key = requireActorKey(actor);
  await likeCountOf(db, postId);
  const state = await db.$transaction(async (tx) => {
    const inserted = await tx.postLike.createMany({ data: [{ postId, actorKey: key }], skipDuplicates: true });
    if (inserted.count > 0) await tx.post.update({ where: { id: postId }, data: { likeCount: { increment: 1 } } });
    return { isLiked: true, likeCount: await likeCountOf(tx, postId), changed: inserted.count > 0 };
  });
  if (state.changed) await recordServerEvent(db, actor, { kind: "LIKE", postId });
  return { isLiked: state.isLiked, likeCount: state.likeCount };
}

/** Removes the actor's like (a no-op when there is none). */
export async function unlikePost(db: Db, actor: Actor, postId: string): Promise<LikeState> {
  const key = requireActorKey(actor);
  await likeCountOf(db, postId);
  const state = await db.$transaction(async (tx) => {
    const removed = await tx.postLike.deleteMany({ where: { postId, actorKey: key } });
    if (removed.count > 0) await tx.post.update({ where: { id: postId }, data: { likeCount: { decrement: removed.count } } });
    return { isLiked: false, likeCount: Math.max(0, await likeCountOf(tx, postId)), changed: removed.count > 0 };
  });
  if (state.changed) await recordServerEvent(db, actor, { kind: "UNLIKE", postId });
  return { isLiked: state.isLiked, likeCount: state.likeCount };
}

/** Per actor (or address) and post: a few counted shares per 10 minutes; more are accepted but not counted. */
const shareLimiter = createMemoryRateLimiter(3, 10 * 60_000);

/** Counts a share (the client copied the link). Rate limited per actor and post so it cannot be pumped. */
export async function sharePost(
  db: DbClient,
  actor: Actor,
  ip: string | undefined,
  postId: string,
  limiter: RateLimiter = shareLimiter,
): Promise<{ shareCount: number; counted: boolean }> {
  const post = await db.post.findFirst({ where: { id: postId, status: "PUBLISHED" }, select: { shareCount: true } });
  if (!post) throw notFound("Post");
  const who = actorKey(actor) ?? `ip:${ip ?? "unknown"}`;
  if (!(await limiter.hit(`${who}|${postId}`)).allowed) return { shareCount: post.shareCount, counted: false };
  const updated = await db.post.update({ where: { id: postId }, data: { shareCount: { increment: 1 } }, select: { shareCount: true } });
  return { shareCount: updated.shareCount, counted: true };
}

const THUMB_SELECT = {
  id: true,
  caption: true,
  posterUrl: true,
  likeCount: true,
  viewCount: true,
  durationMs: true,
  creator: { select: { displayName: true } },
  shop: { select: { nameZh: true } },
} satisfies Prisma.PostSelect;

function toThumb(r: Prisma.PostGetPayload<{ select: typeof THUMB_SELECT }>): PostThumb {
  return {
    id: r.id,
    caption: r.caption,
    posterUrl: r.posterUrl,
    likeCount: r.likeCount,
    viewCount: r.viewCount,
    durationMs: r.durationMs,
    authorName: r.creator?.displayName ?? r.shop?.nameZh ?? "",
  };
}

/** "More from this author": the creator's or shop's latest published posts. */
export async function listAuthorPosts(
  db: DbClient,
  input: ({ creatorId: string } | { shopId: string }) & { excludePostId?: string; limit: number },
): Promise<PostThumb[]> {
  const rows = await db.post.findMany({
    where: {
      status: "PUBLISHED",
      ...("creatorId" in input ? { creatorId: input.creatorId } : { shopId: input.shopId }),
      ...(input.excludePostId ? { id: { not: input.excludePostId } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: input.limit,
    select: THUMB_SELECT,
  });
  return rows.map(toThumb);
}

/** Published videos featuring a product (product page strip), most liked first. */
export async function listProductPosts(db: DbClient, productId: string, limit: number): Promise<PostThumb[]> {
  const rows = await db.post.findMany({
    where: { status: "PUBLISHED", products: { some: { productId } } },
    orderBy: [{ likeCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: THUMB_SELECT,
  });
  return rows.map(toThumb);
}

/**
 * One page of the interest feed: the recommender picks and orders post ids (never the ones in
 * `seenIds`), then the cards are loaded in that order. `nextCursor` is null when nothing came back.
 */
export async function feedPageFor(db: DbClient, actor: Actor, input: FeedPageInput): Promise<FeedPage> {
  const ids = await recommendPosts(db, actor, { limit: input.limit, excludePostIds: input.seenIds });
  const items = await loadFeedPosts(db, actor, ids);
  return { items, nextCursor: ids.length > 0 ? input.cursor + 1 : null };
}
