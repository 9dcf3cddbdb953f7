// The recommender used by the feed, the home page's "for you" grid and the product page's "you may
// also like". Per request: the actor's profile (1 row), their recent positive events (co-engagement
// seeds, ≤ 20 rows by the actorKey index), follows, then ranking over the in-memory item index
// (server/reco/rank.ts — candidates, blend, diversity), a final visibility check of the chosen ids
// against the database, and the shown ids appended to the profile's recent lists (no repeats).
import type { Db, DbClient } from "@/server/db/client";
import { Random } from "@/server/lib/random";
import { followedIds } from "@/server/social/follow.service";
import { actorKey, type Actor } from "@/server/reco/actor";
import { ensureMerged } from "@/server/reco/events.service";
import { getItemIndex, type IndexKind } from "@/server/reco/item-index";
import { decayProfile, emptyProfile, RECENT_MAX, type ProfileState } from "@/server/reco/profile";
import { loadProfile } from "@/server/reco/profile-store";
import { rankItems, type IndexItem } from "@/server/reco/rank";

export type { Actor } from "@/server/reco/actor";

const POSITIVE = ["LIKE", "COMPLETE", "SHARE", "PRODUCT_CLICK", "ADD_TO_CART", "PURCHASE"] as const;
/** When everything unseen is used up, only the newest this many shown ids stay excluded. */
const HARD_RECENT = 30;

interface Context {
  key: string | null;
  profile: ProfileState;
  engaged: string[];
  followed: Set<string>;
}

async function loadContext(db: DbClient, actor: Actor, kind: IndexKind, now: number): Promise<Context> {
  const key = actorKey(actor);
  if (actor.userId && actor.visitorId && "$transaction" in db) await ensureMerged(db as Db, actor);
  const [stored, events, follows] = await Promise.all([
    key ? loadProfile(db, key) : null,
    key
      ? db.interestEvent.findMany({
          where: { actorKey: key, kind: { in: [...POSITIVE] }, ...(kind === "post" ? { postId: { not: null } } : { productId: { not: null } }) },
          orderBy: { createdAt: "desc" },
          take: 20,
          select: { postId: true, productId: true },
        })
      : [],
    actor.userId ? followedIds(db, actor.userId) : { creatorIds: [], shopIds: [] },
  ]);
  return {
    key,
    profile: decayProfile(stored ?? emptyProfile(now), now),
    engaged: [...new Set(events.flatMap((e) => ((kind === "post" ? e.postId : e.productId) ?? [])))],
    followed: new Set([...follows.creatorIds.map((id) => `r:${id}`), ...follows.shopIds.map((id) => `s:${id}`)]),
  };
}

/** A per-request random source: varied between requests, yet reproducible for one actor and minute. */
function rngFor(key: string | null, now: number, salt: string): Random {
  return new Random(`${key ?? "anon"}|${Math.floor(now / 60_000)}|${salt}`);
}

async function rememberShown(db: DbClient, key: string | null, kind: IndexKind, ids: string[]): Promise<void> {
  if (!key || ids.length === 0) return;
  try {
    // One statement, no read-modify-write: newest first, capped at RECENT_MAX.
    const shown = [...ids].reverse();
    const userId = key.startsWith("u:") ? key.slice(2) : null;
    if (kind === "post") {
      await db.$executeRaw`
        INSERT INTO "InterestProfile" ("actorKey", "userId", "recentPostIds", "updatedAt") VALUES (${key}, ${userId}, ${shown}, now())
        ON CONFLICT ("actorKey") DO UPDATE SET "recentPostIds" = (EXCLUDED."recentPostIds" || "InterestProfile"."recentPostIds")[1:${RECENT_MAX}]`;
    } else {
      await db.$executeRaw`
        INSERT INTO "InterestProfile" ("actorKey", "userId", "recentProductIds", "updatedAt") VALUES (${key}, ${userId}, ${shown}, now())
        ON CONFLICT ("actorKey") DO UPDATE SET "recentProductIds" = (EXCLUDED."recentProductIds" || "InterestProfile"."recentProductIds")[1:${RECENT_MAX}]`;
    }
  } catch (err) {
    console.error("[reco] could not remember shown items", err);
  }
}

async function visiblePosts(db: DbClient, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.post.findMany({ where: { id: { in: ids }, status: "PUBLISHED" }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

async function visibleProducts(db: DbClient, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.product.findMany({ where: { id: { in: ids }, status: "ACTIVE", shop: { status: "ACTIVE" } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

async function recommend(
  db: DbClient,
  actor: Actor,
  kind: IndexKind,
  opts: { limit: number; exclude: string[]; contextId?: string },
): Promise<string[]> {
  const limit = Math.max(0, Math.min(100, Math.floor(opts.limit)));
  if (limit === 0) return [];
  const now = Date.now();
  const [index, ctx] = await Promise.all([getItemIndex(db, kind), loadContext(db, actor, kind, now)]);
  const recent = kind === "post" ? ctx.profile.recentPostIds : ctx.profile.recentProductIds;
  const context = opts.contextId !== undefined ? (index.items[index.byId.get(opts.contextId) ?? -1] ?? null) : null;
  const run = (exclude: Set<string>, salt: string) =>
    rankItems(index, ctx.profile, {
      limit: limit + 4, // a few spare in case the visibility check drops some
      exclude,
      now,
      rng: rngFor(ctx.key, now, salt),
      engagedIds: ctx.engaged,
      followed: ctx.followed,
      context,
    }).map((r) => r.item);
  const explicit = new Set([...opts.exclude, ...(opts.contextId ? [opts.contextId] : [])]);
  let picked: IndexItem[] = run(new Set([...explicit, ...recent]), "a");
  if (picked.length < limit) {
    // Ran out of unseen items: allow older shown ones again (never the newest HARD_RECENT).
    const more = run(new Set([...explicit, ...recent.slice(0, HARD_RECENT), ...picked.map((p) => p.id)]), "b");
    picked = [...picked, ...more];
  }
  const ids = picked.map((p) => p.id);
  const visible = await (kind === "post" ? visiblePosts(db, ids) : visibleProducts(db, ids));
  const out = ids.filter((id) => visible.has(id)).slice(0, limit);
  // "You may also like" on a product page does not count as browsing: the grids stay independent.
  if (!context) await rememberShown(db, ctx.key, kind, out);
  return out;
}

/** Post ids for the feed, best first; never the actor's recently shown posts nor `excludePostIds`. */
export async function recommendPosts(db: DbClient, actor: Actor, opts: { limit: number; excludePostIds?: string[] }): Promise<string[]> {
  return recommend(db, actor, "post", { limit: opts.limit, exclude: opts.excludePostIds ?? [] });
}

/**
 * Product ids ("for you", "you may also like"), best first. With `contextProductId`, items similar
 * to that product (same category, shop, tags) are blended with the actor's interests.
 */
export async function recommendProducts(
  db: DbClient,
  actor: Actor,
  opts: { limit: number; excludeProductIds?: string[]; contextProductId?: string },
): Promise<string[]> {
  return recommend(db, actor, "product", { limit: opts.limit, exclude: opts.excludeProductIds ?? [], contextId: opts.contextProductId });
}
