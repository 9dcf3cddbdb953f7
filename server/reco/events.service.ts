// Behaviour events: stored as InterestEvent rows and folded into the actor's InterestProfile (same
// transaction), with post counters (viewCount on VIEW, completionCount on COMPLETE).
import type { Db, DbClient } from "@/server/db/client";
import type { InterestEventKind, Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { actorKey, type Actor } from "@/server/reco/actor";
import { applyEvent, mergeProfiles, emptyProfile, type ItemFeatures, type ProfileEvent, type ProfileState } from "@/server/reco/profile";
import { loadItemFeatures, loadProfile, lockProfile, saveProfile } from "@/server/reco/profile-store";
import { eventBatchSchema, MAX_BATCH_BYTES, type ClientEvent } from "@/server/reco/events.schema";
import { createMemoryRateLimiter, type RateLimiter } from "@/server/cache/rate-limit";

/** Runs `fn` in a transaction, or directly when `db` already is one. */
async function inTransaction<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction((tx) => fn(tx)) : fn(db);
}

interface Resolved {
  kind: InterestEventKind;
  postId: string | null;
  productId: string | null;
  item: ItemFeatures | null;
  dwellMs: number | null;
  expectedMs: number | null;
  query: string | null;
  at: number;
  spread?: ItemFeatures[];
}

async function store(tx: DbClient, actor: Actor, key: string, events: Resolved[]): Promise<void> {
  if (events.length === 0) return;
  await tx.interestEvent.createMany({
    data: events.map<Prisma.InterestEventCreateManyInput>((e) => ({
      actorKey: key,
      userId: actor.userId,
      visitorId: actor.visitorId,
      kind: e.kind,
      postId: e.postId,
      productId: e.productId,
      creatorId: e.item?.creatorId ?? null,
      shopId: e.item?.shopId ?? null,
      categoryId: e.item?.categoryId ?? null,
      dwellMs: e.dwellMs,
      query: e.query,
      createdAt: new Date(e.at),
    })),
  });
  const views = new Map<string, number>();
  const completes = new Map<string, number>();
  for (const e of events) {
    if (!e.postId) continue;
    if (e.kind === "VIEW") views.set(e.postId, (views.get(e.postId) ?? 0) + 1);
    if (e.kind === "COMPLETE") completes.set(e.postId, (completes.get(e.postId) ?? 0) + 1);
  }
  for (const [id, n] of views) await tx.post.update({ where: { id }, data: { viewCount: { increment: n } } });
  for (const [id, n] of completes) await tx.post.update({ where: { id }, data: { completionCount: { increment: n } } });
  let profile = await lockProfile(tx, key, actor.userId);
  for (const e of events) profile = applyEvent(profile, toProfileEvent(e));
  await saveProfile(tx, key, actor.userId, profile);
}

function toProfileEvent(e: Resolved): ProfileEvent {
  return { kind: e.kind, at: e.at, item: e.item, postId: e.postId, productId: e.productId, dwellMs: e.dwellMs, expectedMs: e.expectedMs, spread: e.spread };
}

/**
 * Records one event written by the server (cart, purchase, search, follow). Fills creator / shop /
 * category from the post or product. Never throws on its own problems (logs instead), so it is safe
 * to call inside another service's transaction.
 */
export async function recordServerEvent(
  db: DbClient,
  actor: Actor,
  e: { kind: InterestEventKind; postId?: string; productId?: string; query?: string; creatorId?: string; shopId?: string },
): Promise<void> {
  const key = actorKey(actor);
  if (!key) return;
  try {
    const { posts, products } = await loadItemFeatures(db, e.postId ? [e.postId] : [], e.productId ? [e.productId] : []);
    let item: ItemFeatures | null = (e.postId && posts.get(e.postId)) || (e.productId && products.get(e.productId)) || null;
    if (!item && (e.creatorId || e.shopId)) {
      item = { categoryId: null, parentCategoryId: null, tags: [], shopId: e.shopId ?? null, creatorId: e.creatorId ?? null };
    }
    await inTransaction(db, (tx) =>
      store(tx, actor, key, [
        { kind: e.kind, postId: e.postId ?? null, productId: e.productId ?? null, item, dwellMs: null, expectedMs: null, query: e.query ?? null, at: Date.now() },
      ]),
    );
  } catch (err) {
    console.error("[reco] recordServerEvent failed", e.kind, err);
  }
}

/**
 * SEARCH: stores the query and shifts the actor's interests toward the features of the top results
 * (the event weight is spread over them; instant interests move most). Never throws.
 */
export async function recordSearchEvent(db: DbClient, actor: Actor, query: string, topProductIds: readonly string[]): Promise<void> {
  const key = actorKey(actor);
  if (!key || !query) return;
  try {
    const { products } = await loadItemFeatures(db, [], topProductIds.slice(0, 5));
    const spread = topProductIds.slice(0, 5).flatMap((id) => products.get(id) ?? []);
    await inTransaction(db, (tx) =>
      store(tx, actor, key, [
        { kind: "SEARCH", postId: null, productId: null, item: null, dwellMs: null, expectedMs: null, query: query.slice(0, 200), at: Date.now(), spread },
      ]),
    );
  } catch (err) {
    console.error("[reco] recordSearchEvent failed", err);
  }
}

/**
 * A batch from the browser (already schema-checked: kinds, id formats, dwell range, timestamps).
 * Every post / product id must exist: an unknown id rejects the whole batch with 400 naming the
 * field (events.N.postId), nothing stored — a beacon only ever names items the page showed, so an
 * unknown id means a forged or stale client. Returns how many events were stored.
 */
export async function ingestEvents(db: Db, actor: Actor, events: readonly ClientEvent[], now = Date.now()): Promise<number> {
  const key = actorKey(actor);
  if (!key) throw new AppError("BAD_REQUEST", "visitor: no visitor cookie", { field: "visitor" });
  await ensureMerged(db, actor);
  const { posts, products } = await loadItemFeatures(
    db,
    events.flatMap((e) => (e.postId ? [e.postId] : [])),
    events.flatMap((e) => (e.productId ? [e.productId] : [])),
  );
  const resolved: Resolved[] = events.map((e, i) => {
    const post = e.postId ? posts.get(e.postId) : undefined;
    if (e.postId && !post) throw new AppError("BAD_REQUEST", `events.${i}.postId: no such post`, { field: `events.${i}.postId` });
    const product = e.productId ? products.get(e.productId) : undefined;
    if (e.productId && !product) throw new AppError("BAD_REQUEST", `events.${i}.productId: no such product`, { field: `events.${i}.productId` });
    return {
      kind: e.kind,
      postId: e.postId ?? null,
      productId: e.productId ?? null,
      // A product click inside a post counts toward the product's features.
      item: product ?? post ?? null,
      dwellMs: e.dwellMs ?? null,
      expectedMs: post?.durationMs ?? null,
      query: null,
      at: Math.min(now, e.at ?? now),
    };
  });
  resolved.sort((a, b) => a.at - b.at);
  await db.$transaction((tx) => store(tx, actor, key, resolved));
  return resolved.length;
}

/**
 * Sign-in: re-keys the visitor's InterestEvent and PostLike rows to "u:<userId>" and merges the
 * visitor's profile into the user's (decayed weights summed), then deletes the visitor profile.
 * Idempotent: a second call finds nothing left to move.
 */
export async function mergeVisitorIntoUser(db: Db, userId: string, visitorId: string): Promise<boolean> {
  const vKey = `v:${visitorId}`;
  const uKey = `u:${userId}`;
  const [hasProfile, hasEvent, hasLike] = await Promise.all([
    db.interestProfile.findUnique({ where: { actorKey: vKey }, select: { actorKey: true } }),
    db.interestEvent.findFirst({ where: { actorKey: vKey }, select: { id: true } }),
    db.postLike.findFirst({ where: { actorKey: vKey }, select: { postId: true } }),
  ]);
  if (!hasProfile && !hasEvent && !hasLike) return false;
  await db.$transaction(async (tx) => {
    await tx.interestEvent.updateMany({ where: { actorKey: vKey }, data: { actorKey: uKey, userId } });
    // Likes: a post liked both as visitor and as user keeps one like (and its count is corrected).
    const likes = await tx.postLike.findMany({ where: { actorKey: vKey }, select: { postId: true } });
    if (likes.length) {
      const dup = await tx.postLike.findMany({ where: { actorKey: uKey, postId: { in: likes.map((l) => l.postId) } }, select: { postId: true } });
      const dupIds = dup.map((d) => d.postId);
      if (dupIds.length) {
        await tx.postLike.deleteMany({ where: { actorKey: vKey, postId: { in: dupIds } } });
        for (const id of dupIds) await tx.post.update({ where: { id }, data: { likeCount: { decrement: 1 } } });
      }
      await tx.postLike.updateMany({ where: { actorKey: vKey }, data: { actorKey: uKey } });
    }
    const visitor = await loadProfile(tx, vKey);
    if (visitor) {
      const user = await lockProfile(tx, uKey, userId);
      const merged: ProfileState = mergeProfiles(user.eventCount ? user : emptyProfile(Date.now()), visitor, Date.now());
      await saveProfile(tx, uKey, userId, merged);
      await tx.interestProfile.delete({ where: { actorKey: vKey } });
    }
  });
  return true;
}

const merged = new Set<string>();

/** Merges the visitor into the user once per (user, visitor) pair seen by this process. */
export async function ensureMerged(db: Db, actor: Actor): Promise<void> {
  if (!actor.userId || !actor.visitorId) return;
  const pair = `${actor.userId}|${actor.visitorId}`;
  if (merged.has(pair)) return;
  try {
    await mergeVisitorIntoUser(db, actor.userId, actor.visitorId);
    if (merged.size > 50_000) merged.clear();
    merged.add(pair);
  } catch (err) {
    console.error("[reco] visitor merge failed", err);
  }
}

/** Per visitor (or user) and per IP: a feed page sends a batch every few seconds at most. */
export const eventLimiter = createMemoryRateLimiter(120, 60_000);
export const eventIpLimiter = createMemoryRateLimiter(600, 60_000);

export interface BatchResult {
  status: number;
  body: { accepted?: number; error?: string; field?: string; code?: string };
}

/**
 * POST /api/events as a plain function (the route only gathers actor, IP and body): size cap, rate
 * limits, strict schema, existence of ids, then one transaction. Never throws for bad input: every
 * refusal is a 4xx with the field named; nothing is stored unless the whole batch is accepted.
 */
export async function acceptEventBatch(
  db: Db,
  req: { actor: Actor; ip: string; body: string },
  limiters: { actor: RateLimiter; ip: RateLimiter } = { actor: eventLimiter, ip: eventIpLimiter },
  now = Date.now(),
): Promise<BatchResult> {
  const key = actorKey(req.actor);
  if (!key) return { status: 400, body: { error: "visitor: no visitor cookie (mall_vid)", field: "visitor", code: "bad_request" } };
  if (new TextEncoder().encode(req.body).byteLength > MAX_BATCH_BYTES) {
    return { status: 400, body: { error: `body: larger than ${MAX_BATCH_BYTES} bytes`, field: "body", code: "too_large" } };
  }
  const [byActor, byIp] = await Promise.all([limiters.actor.hit(key), limiters.ip.hit(req.ip)]);
  if (!byActor.allowed || !byIp.allowed) return { status: 429, body: { error: "Too many events; slow down", code: "rate_limited" } };
  let json: unknown;
  try {
    json = JSON.parse(req.body);
  } catch {
    return { status: 400, body: { error: "body: not valid JSON", field: "body", code: "bad_request" } };
  }
  const parsed = eventBatchSchema(now).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join(".") || "body";
    return { status: 400, body: { error: `${field}: ${issue.message}`, field, code: "bad_request" } };
  }
  try {
    const accepted = await ingestEvents(db, req.actor, parsed.data.events, now);
    return { status: 202, body: { accepted } };
  } catch (err) {
    if (err instanceof AppError) return { status: 400, body: { error: err.message, field: err.field, code: "bad_request" } };
    throw err;
  }
}

/** PURCHASE events, one per item of a just-paid order (satisfies those interests). Never throws. */
export async function recordOrderPaid(db: DbClient, orderId: string): Promise<void> {
  try {
    const order = await db.order.findUnique({ where: { id: orderId }, select: { userId: true, items: { select: { productId: true } } } });
    if (!order) return;
    const actor: Actor = { userId: order.userId, visitorId: null };
    const key = actorKey(actor)!;
    const ids = order.items.map((i) => i.productId);
    const { products } = await loadItemFeatures(db, [], ids);
    const at = Date.now();
    await inTransaction(db, (tx) =>
      store(
        tx,
        actor,
        key,
        ids.map((productId) => ({ kind: "PURCHASE", postId: null, productId, item: products.get(productId) ?? null, dwellMs: null, expectedMs: null, query: null, at })),
      ),
    );
  } catch (err) {
    console.error("[reco] recordOrderPaid failed", orderId, err);
  }
}
