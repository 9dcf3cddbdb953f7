// The recommender's in-memory item index: visible posts / products with their features, trending
// counts and item→item co-engagement, built from the database in the background and refreshed every
// REFRESH_MS (stale-while-revalidate), so a feed request never scans tables. At 100k products the
// build takes about a second and a few tens of MB; requests then only touch the index.
import type { DbClient } from "@/server/db/client";
import { buildIndex, markLongTail, type IndexItem, type ItemIndex } from "@/server/reco/rank";

export type IndexKind = "post" | "product";

const REFRESH_MS = 5 * 60_000;
/** Trending window and co-engagement window. */
const TREND_WINDOW_MS = 3 * 24 * 3600_000;
const CO_EVENTS = 50_000;
const CO_PER_ACTOR = 30;
const CO_TOP = 20;
const POSITIVE = ["COMPLETE", "LIKE", "SHARE", "PRODUCT_CLICK", "ADD_TO_CART", "PURCHASE"] as const;

interface Slot {
  index: ItemIndex | null;
  building: Promise<ItemIndex> | null;
  generation: number;
}
const g = globalThis as unknown as { __recoIndex?: Record<IndexKind, Slot> };
const slots = (g.__recoIndex ??= {
  post: { index: null, building: null, generation: 0 },
  product: { index: null, building: null, generation: 0 },
});

async function categoryParents(db: DbClient): Promise<Map<string, string | null>> {
  const rows = await db.category.findMany({ select: { id: true, parentId: true } });
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

async function loadPostItems(db: DbClient): Promise<IndexItem[]> {
  const [parents, rows] = await Promise.all([
    categoryParents(db),
    db.post.findMany({
      where: { status: "PUBLISHED" },
      select: {
        id: true,
        categoryId: true,
        hashtags: true,
        shopId: true,
        creatorId: true,
        viewCount: true,
        likeCount: true,
        completionCount: true,
        products: { select: { productId: true, product: { select: { shopId: true, salesCount: true } } }, orderBy: { position: "asc" }, take: 1 },
      },
    }),
  ]);
  const items = rows.map<IndexItem>((r) => ({
    id: r.id,
    productId: r.products[0]?.productId ?? null,
    categoryId: r.categoryId,
    parentCategoryId: r.categoryId ? (parents.get(r.categoryId) ?? null) : null,
    tags: r.hashtags,
    shopId: r.shopId ?? r.products[0]?.product.shopId ?? null,
    creatorId: r.creatorId,
    // Long tail of posts follows the sales of the goods they show.
    popularity: r.products[0]?.product.salesCount ?? 0,
    isLongTail: false,
  }));
  markLongTail(items);
  return items;
}

async function loadProductItems(db: DbClient): Promise<IndexItem[]> {
  const [parents, rows] = await Promise.all([
    categoryParents(db),
    db.product.findMany({
      where: { status: "ACTIVE", shop: { status: "ACTIVE" } },
      select: { id: true, categoryId: true, tags: true, shopId: true, salesCount: true },
    }),
  ]);
  const items = rows.map<IndexItem>((r) => ({
    id: r.id,
    productId: r.id,
    categoryId: r.categoryId,
    parentCategoryId: parents.get(r.categoryId) ?? null,
    tags: r.tags,
    shopId: r.shopId,
    creatorId: null,
    popularity: r.salesCount,
    isLongTail: false,
  }));
  markLongTail(items);
  return items;
}

async function loadTrend(db: DbClient, kind: IndexKind, now: number): Promise<Map<string, number>> {
  const since = new Date(now - TREND_WINDOW_MS);
  const rows =
    kind === "post"
      ? await db.interestEvent.groupBy({ by: ["postId"], where: { createdAt: { gte: since }, postId: { not: null }, kind: { not: "IMPRESSION" } }, _count: { _all: true } })
      : await db.interestEvent.groupBy({ by: ["productId"], where: { createdAt: { gte: since }, productId: { not: null }, kind: { not: "IMPRESSION" } }, _count: { _all: true } });
  const out = new Map<string, number>();
  for (const r of rows as { postId?: string | null; productId?: string | null; _count: { _all: number } }[]) {
    const id = kind === "post" ? r.postId : r.productId;
    if (id) out.set(id, r._count._all);
  }
  return out;
}

/** item → items engaged by the same actors among the latest CO_EVENTS positive events (top CO_TOP). */
async function loadCo(db: DbClient, kind: IndexKind): Promise<Map<string, [string, number][]>> {
  const rows = await db.interestEvent.findMany({
    where: { kind: { in: [...POSITIVE] }, ...(kind === "post" ? { postId: { not: null } } : { productId: { not: null } }) },
    orderBy: { createdAt: "desc" },
    take: CO_EVENTS,
    select: { actorKey: true, postId: true, productId: true },
  });
  const byActor = new Map<string, Set<string>>();
  for (const r of rows) {
    const id = kind === "post" ? r.postId : r.productId;
    if (!id) continue;
    let set = byActor.get(r.actorKey);
    if (!set) byActor.set(r.actorKey, (set = new Set()));
    if (set.size < CO_PER_ACTOR) set.add(id);
  }
  return coOccurrence(byActor.values(), CO_TOP);
}

/** Pure: pair counts within each actor's item set, top `top` per item. */
export function coOccurrence(sets: Iterable<Set<string>>, top: number): Map<string, [string, number][]> {
  const counts = new Map<string, Map<string, number>>();
  for (const set of sets) {
    const ids = [...set];
    for (const a of ids) {
      let m = counts.get(a);
      if (!m) counts.set(a, (m = new Map()));
      for (const b of ids) if (a !== b) m.set(b, (m.get(b) ?? 0) + 1);
    }
  }
  const out = new Map<string, [string, number][]>();
  for (const [a, m] of counts) out.set(a, [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, top));
  return out;
}

async function build(db: DbClient, kind: IndexKind): Promise<ItemIndex> {
  const now = Date.now();
  const [items, trend, co] = await Promise.all([
    kind === "post" ? loadPostItems(db) : loadProductItems(db),
    loadTrend(db, kind, now),
    loadCo(db, kind),
  ]);
  return buildIndex(items, trend, co, now);
}

/** The index, building it on first use; a stale one is returned while a fresh one builds. */
export async function getItemIndex(db: DbClient, kind: IndexKind): Promise<ItemIndex> {
  const slot = slots[kind];
  const refresh = () => {
    if (slot.building) return slot.building;
    const generation = slot.generation;
    slot.building = build(db, kind)
      .then((index) => {
        if (slot.generation === generation) slot.index = index;
        return index;
      })
      .finally(() => {
        slot.building = null;
      });
    return slot.building;
  };
  if (!slot.index) return refresh();
  if (Date.now() - slot.index.builtAt > REFRESH_MS) {
    refresh().catch((err) => console.error("[reco] index refresh failed", kind, err));
  }
  return slot.index;
}

/** Drops the cached indexes (tests, and after a bulk change). */
export function invalidateItemIndex(): void {
  for (const slot of Object.values(slots)) {
    slot.index = null;
    slot.building = null;
    slot.generation++;
  }
}
