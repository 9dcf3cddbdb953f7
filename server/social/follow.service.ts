// Following creators and shops. A follow is one row (unique per user and target) and the target's
// followerCount moves in the same transaction, only when a row was really added or removed, so
// double clicks and parallel requests never count twice.
import type { Db, DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordServerEvent } from "@/server/reco/events.service";
import type { FollowState, FollowTarget } from "@/server/social/follow.schema";

async function followerCount(db: DbClient, target: FollowTarget): Promise<number> {
  if ("creatorId" in target) {
    const c = await db.creatorProfile.findUnique({ where: { id: target.creatorId }, select: { followerCount: true } });
    if (!c) throw new AppError("NOT_FOUND", "creatorId does not refer to a creator", { field: "creatorId" });
    return c.followerCount;
  }
  const s = await db.shop.findUnique({ where: { id: target.shopId }, select: { followerCount: true, status: true } });
  if (!s || s.status === "CLOSED") throw new AppError("NOT_FOUND", "shopId does not refer to an open shop", { field: "shopId" });
  return s.followerCount;
}

async function bump(tx: DbClient, target: FollowTarget, by: 1 | -1): Promise<void> {
  if ("creatorId" in target) {
    await tx.creatorProfile.update({ where: { id: target.creatorId }, data: { followerCount: { increment: by } } });
  } else {
    await tx.shop.update({ where: { id: target.shopId }, data: { followerCount: { increment: by } } });
  }
}

function targetWhere(userId: string, target: FollowTarget) {
  return "creatorId" in target ? { userId, creatorId: target.creatorId } : { userId, shopId: target.shopId };
}

/** Follows the target (a no-op if already following). A creator cannot follow their own profile. */
export async function follow(db: Db, userId: string, target: FollowTarget): Promise<FollowState> {
  await followerCount(db, target);
  if ("creatorId" in target) {
    const own = await db.creatorProfile.findFirst({ where: { id: target.creatorId, userId }, select: { id: true } });
    if (own) throw new AppError("BAD_REQUEST", "creatorId: you cannot follow yourself", { field: "creatorId" });
  }
  const state = await db.$transaction(async (tx) => {
    const inserted = await tx.follow.createMany({ data: [targetWhere(userId, target)], skipDuplicates: true });
    if (inserted.count > 0) await bump(tx, target, 1);
    return { following: true, followerCount: await followerCount(tx, target) };
  });
  await recordServerEvent(db, { userId, visitorId: null }, { kind: "FOLLOW", ...target });
  return state;
}

/** Stops following (a no-op if not following). */
export async function unfollow(db: Db, userId: string, target: FollowTarget): Promise<FollowState> {
  await followerCount(db, target);
  return db.$transaction(async (tx) => {
    const removed = await tx.follow.deleteMany({ where: targetWhere(userId, target) });
    if (removed.count > 0) await bump(tx, target, -1);
    return { following: false, followerCount: await followerCount(tx, target) };
  });
}

/** Whether this user (null: signed out) follows the target, and its follower count. */
export async function followStateOf(db: DbClient, userId: string | null, target: FollowTarget): Promise<FollowState> {
  const [count, row] = await Promise.all([
    followerCount(db, target),
    userId ? db.follow.findFirst({ where: targetWhere(userId, target), select: { id: true } }) : null,
  ]);
  return { following: row !== null, followerCount: count };
}

/** Ids of the creators and shops this user follows (for the feed's "follows" candidates). */
export async function followedIds(db: DbClient, userId: string): Promise<{ creatorIds: string[]; shopIds: string[] }> {
  const rows = await db.follow.findMany({ where: { userId }, select: { creatorId: true, shopId: true } });
  return {
    creatorIds: rows.flatMap((r) => (r.creatorId ? [r.creatorId] : [])),
    shopIds: rows.flatMap((r) => (r.shopId ? [r.shopId] : [])),
  };
}
