// Product cards for the recommendation surfaces (home "for you", product page "you may also like").
import type { DbClient } from "@/server/db/client";
import { loadProductCards } from "@/server/catalog/catalog.service";
import type { Actor } from "@/server/reco/actor";
import { recommendProducts } from "@/server/reco/recommender";
import type { ForYouInput } from "@/server/reco/reco.schema";

async function cards(db: DbClient, ids: string[]) {
  const map = await loadProductCards(db, ids);
  return ids.flatMap((id) => map.get(id)?.card ?? []);
}

/**
 * One page of the "for you" grid. Each page is a fresh recommendation; the profile remembers what
 * was shown, so later pages (and later visits) bring new items.
 */
export async function forYou(db: DbClient, actor: Actor, input: ForYouInput) {
  const page = input.cursor ?? 1;
  const ids = await recommendProducts(db, actor, { limit: input.pageSize, excludeProductIds: input.seenIds });
  const [list, rows] = await Promise.all([cards(db, ids), db.product.findMany({ where: { id: { in: ids } }, select: { id: true, categoryId: true } })]);
  const categoryOf = new Map(rows.map((r) => [r.id, r.categoryId]));
  const items = list.map((c) => ({ ...c, categoryId: categoryOf.get(c.id) ?? "" }));
  return { items, page, nextCursor: page < 20 && ids.length === input.pageSize ? page + 1 : null };
}

/** "You may also like": similar items blended with the viewer's interests. */
export async function alsoLike(db: DbClient, actor: Actor, productId: string, limit: number) {
  return cards(db, await recommendProducts(db, actor, { limit, contextProductId: productId }));
}
