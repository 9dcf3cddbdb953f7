// The public creator storefront (橱窗): profile, curated products in the creator's order with their
// pitch (visible products only), published videos and upcoming live sessions.
import type { DbClient } from "@/server/db/client";
import { notFound } from "@/server/errors";
import { CARD_INCLUDE, toCard, VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import type { StorefrontOutput } from "@/server/affiliate/affiliate.schema";

const MAX_VIDEOS = 12;
const MAX_LIVE = 5;

export async function getStorefront(db: DbClient, viewerId: string | null, handle: string, now = new Date()): Promise<StorefrontOutput> {
  const creator = await db.creatorProfile.findUnique({
    where: { handle },
    select: {
      id: true,
      userId: true,
      handle: true,
      displayName: true,
      bioZh: true,
      bioEn: true,
      avatarUrl: true,
      tags: true,
      followerCount: true,
      updatedAt: true,
    },
  });
  if (!creator) throw notFound("Creator");
  const [items, videos, live, follow] = await Promise.all([
    db.showcaseItem.findMany({
      where: { creatorId: creator.id, product: VISIBLE_PRODUCT },
      orderBy: [{ position: "asc" }, { addedAt: "asc" }],
      select: { position: true, pitch: true, product: { include: CARD_INCLUDE } },
    }),
    db.post.findMany({
      where: { creatorId: creator.id, status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      take: MAX_VIDEOS,
      select: { id: true, posterUrl: true, caption: true, viewCount: true, durationMs: true, publishedAt: true },
    }),
    db.liveSession.findMany({
      where: { creatorId: creator.id, status: "SCHEDULED", scheduledStartAt: { gt: now } },
      orderBy: { scheduledStartAt: "asc" },
      take: MAX_LIVE,
      select: { id: true, titleZh: true, titleEn: true, scheduledStartAt: true },
    }),
    viewerId ? db.follow.findUnique({ where: { userId_creatorId: { userId: viewerId, creatorId: creator.id } }, select: { id: true } }) : null,
  ]);
  const { userId, ...profile } = creator;
  return {
    creator: profile,
    isSignedIn: viewerId !== null,
    isFollowing: follow !== null,
    isOwner: viewerId !== null && viewerId === userId,
    items: items.map((i) => ({ position: i.position, pitch: i.pitch, product: toCard(i.product) })),
    videos,
    live,
  };
}
