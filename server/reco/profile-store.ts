// Reading and writing InterestProfile rows, and the item features events are folded with.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { emptyProfile, type ItemFeatures, type ProfileState, type Weights } from "@/server/reco/profile";

function weights(json: unknown): Weights {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const out: Weights = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

function times(json: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const t = typeof v === "string" ? Date.parse(v) : typeof v === "number" ? v : NaN;
    if (Number.isFinite(t)) out[k] = t;
  }
  return out;
}

export async function loadProfile(db: DbClient, key: string, now = Date.now()): Promise<ProfileState | null> {
  const row = await db.interestProfile.findUnique({ where: { actorKey: key } });
  if (!row) return null;
  void now;
  return {
    longTerm: weights(row.longTerm),
    longUpdatedAt: row.longUpdatedAt.getTime(),
    instant: weights(row.instant),
    instantUpdatedAt: row.instantUpdatedAt.getTime(),
    satisfied: times(row.satisfied),
    recentPostIds: row.recentPostIds,
    recentProductIds: row.recentProductIds,
    eventCount: row.eventCount,
  };
}

/** Locks the actor's profile row for the rest of the transaction (creating it when missing). */
export async function lockProfile(tx: DbClient, key: string, userId: string | null): Promise<ProfileState> {
  await tx.interestProfile.upsert({ where: { actorKey: key }, create: { actorKey: key, userId }, update: {} });
  await tx.$queryRaw`SELECT 1 FROM "InterestProfile" WHERE "actorKey" = ${key} FOR UPDATE`;
  return (await loadProfile(tx, key)) ?? emptyProfile(Date.now());
}

function round(w: Weights): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));
}

export async function saveProfile(db: DbClient, key: string, userId: string | null, p: ProfileState): Promise<void> {
  const data = {
    longTerm: round(p.longTerm),
    longUpdatedAt: new Date(p.longUpdatedAt),
    instant: round(p.instant),
    instantUpdatedAt: new Date(p.instantUpdatedAt),
    satisfied: Object.fromEntries(Object.entries(p.satisfied).map(([k, t]) => [k, new Date(t).toISOString()])),
    recentPostIds: p.recentPostIds,
    recentProductIds: p.recentProductIds,
    eventCount: p.eventCount,
  };
  await db.interestProfile.upsert({ where: { actorKey: key }, create: { actorKey: key, userId, ...data }, update: data });
}

export interface PostInfo extends ItemFeatures {
  durationMs: number;
  productId: string | null;
}

/** Features of posts and products by id (unknown ids are absent from the maps). */
export async function loadItemFeatures(
  db: DbClient,
  postIds: readonly string[],
  productIds: readonly string[],
): Promise<{ posts: Map<string, PostInfo>; products: Map<string, ItemFeatures> }> {
  const [posts, products] = await Promise.all([
    postIds.length
      ? db.post.findMany({
          where: { id: { in: [...new Set(postIds)] } },
          select: {
            id: true,
            categoryId: true,
            category: { select: { parentId: true } },
            hashtags: true,
            shopId: true,
            creatorId: true,
            durationMs: true,
            products: { select: { productId: true }, orderBy: { position: "asc" }, take: 1 },
          },
        })
      : [],
    productIds.length
      ? db.product.findMany({
          where: { id: { in: [...new Set(productIds)] } },
          select: { id: true, categoryId: true, category: { select: { parentId: true } }, tags: true, shopId: true },
        })
      : [],
  ]);
  return {
    posts: new Map(
      posts.map((p) => [
        p.id,
        {
          categoryId: p.categoryId,
          parentCategoryId: p.category?.parentId ?? null,
          tags: p.hashtags,
          shopId: p.shopId,
          creatorId: p.creatorId,
          durationMs: p.durationMs,
          productId: p.products[0]?.productId ?? null,
        },
      ]),
    ),
    products: new Map(
      products.map((p) => [
        p.id,
        { categoryId: p.categoryId, parentCategoryId: p.category.parentId, tags: p.tags, shopId: p.shopId, creatorId: null },
      ]),
    ),
  };
}
