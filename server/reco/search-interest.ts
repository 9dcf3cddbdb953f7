// Feed behaviour personalises search: the viewer's interest profile expressed the way the search
// re-ranker reads it (affinity 0–1 per category slug, shop slug and tag; server/search/search.service.ts
// rerankByInterests boosts a result by at most +20 %, so exact relevance is never buried).
import type { DbClient } from "@/server/db/client";
import { actorKey, type Actor } from "@/server/reco/actor";
import { decayProfile, topFeatures } from "@/server/reco/profile";
import { loadProfile } from "@/server/reco/profile-store";

export interface SlugInterests {
  categories: Record<string, number>;
  shops: Record<string, number>;
  tags: Record<string, number>;
}

/** null when the viewer has no profile or no positive interest. */
export async function searchInterests(db: DbClient, actor: Actor): Promise<SlugInterests | null> {
  const key = actorKey(actor);
  if (!key) return null;
  const stored = await loadProfile(db, key);
  if (!stored) return null;
  const top = topFeatures(decayProfile(stored, Date.now()), 32);
  if (top.length === 0) return null;
  const max = top[0][1];
  const ids = (prefix: string) => top.filter(([f]) => f.startsWith(prefix)).map(([f]) => f.slice(2));
  const [cats, shops] = await Promise.all([
    db.category.findMany({ where: { id: { in: ids("c:") } }, select: { id: true, slug: true } }),
    db.shop.findMany({ where: { id: { in: ids("s:") } }, select: { id: true, slug: true } }),
  ]);
  const catSlug = new Map(cats.map((c) => [c.id, c.slug]));
  const shopSlug = new Map(shops.map((s) => [s.id, s.slug]));
  const out: SlugInterests = { categories: {}, shops: {}, tags: {} };
  for (const [f, w] of top) {
    const v = Math.min(1, w / max);
    const id = f.slice(2);
    if (f.startsWith("c:") && catSlug.has(id)) out.categories[catSlug.get(id)!] = v;
    else if (f.startsWith("s:") && shopSlug.has(id)) out.shops[shopSlug.get(id)!] = v;
    else if (f.startsWith("t:")) out.tags[id] = v;
  }
  return out;
}
