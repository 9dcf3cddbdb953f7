// Candidate generation, blending and diversity over an in-memory item index: PURE (the random source
// and the clock are passed in), shared by the production recommender and the offline evaluation.
//
// Candidates (each tagged with where it came from):
//   interest  — for the profile's top 8 features, the items carrying them (the index lists each
//               feature's items by popularity; we take the head plus a random sample of the rest,
//               so niche items are reachable);
//   follow    — items of followed shops / creators;
//   co        — items co-engaged with what the actor engaged with recently (item→item counts
//               precomputed in the background, see item-index.ts);
//   trending  — the most engaged items of the recent window;
//   explore   — a random sample of the long tail (bottom half by sales).
// Score:  s = 1.0·interest + 0.6·co/maxCo + 0.3·trend/maxTrend + 0.5·followed
//             + 0.15·longTail·(interest > 0 or cold) + jitter ∈ [0, 0.05)
// (interest from profile.ts: instant interests weigh 1.5× long-term ones, purchases satisfy).
// Cold start (no positive feature): trending + the head of a random spread of categories, with every
// third slot (a quarter of the page) given to the best-scored long-tail items.
// Then diversity (no more than MAX_RUN in a row from one shop or one category) and never anything in
// `exclude` (recently shown + caller's ids).
import type { Random } from "@/server/lib/random";
import {
  featureShares,
  interestScore,
  profileNorms,
  topFeatures,
  type ItemFeatures,
  type ProfileState,
} from "@/server/reco/profile";

export interface IndexItem extends ItemFeatures {
  id: string;
  /** For products: the product id (satisfaction); for posts: the first attached product, if any. */
  productId: string | null;
  /** Sales (products) or engagement (posts): what the popularity baseline sorts by. */
  popularity: number;
  /** Bottom half by sales. */
  isLongTail: boolean;
}

export interface ItemIndex {
  items: IndexItem[];
  byId: Map<string, number>;
  /** feature → item positions, most popular first. */
  byFeature: Map<string, number[]>;
  /** positions, most popular first. */
  popular: number[];
  longTail: number[];
  /** item position → recent engagement count. */
  trend: Map<number, number>;
  /** positions, most trending first (top 500). */
  trending: number[];
  /** item id → co-engaged item ids with counts. */
  co: Map<string, [string, number][]>;
  /** "c:<categoryId>" features (leaf and parent), for the cold-start spread. */
  categories: string[];
  builtAt: number;
}

export function buildIndex(
  items: IndexItem[],
  trendCounts: Map<string, number> = new Map(),
  co: Map<string, [string, number][]> = new Map(),
  builtAt = 0,
): ItemIndex {
  const byId = new Map<string, number>();
  items.forEach((it, i) => byId.set(it.id, i));
  const popular = items.map((_, i) => i).sort((a, b) => items[b].popularity - items[a].popularity || a - b);
  const byFeature = new Map<string, number[]>();
  for (const i of popular) {
    for (const [f] of featureShares(items[i])) {
      let list = byFeature.get(f);
      if (!list) byFeature.set(f, (list = []));
      list.push(i);
    }
  }
  const trend = new Map<number, number>();
  for (const [id, n] of trendCounts) {
    const i = byId.get(id);
    if (i !== undefined) trend.set(i, n);
  }
  const trending = [...trend.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 500).map(([i]) => i);
  const categories = [...byFeature.keys()].filter((f) => f.startsWith("c:"));
  return { items, byId, byFeature, popular, longTail: popular.filter((i) => items[i].isLongTail), trend, trending, co, categories, builtAt };
}

/** Marks the bottom half by popularity as long tail (ties broken by id), in place. */
export function markLongTail(items: IndexItem[]): void {
  const order = items.map((_, i) => i).sort((a, b) => items[a].popularity - items[b].popularity || (items[a].id < items[b].id ? -1 : 1));
  const half = Math.floor(order.length / 2);
  order.forEach((i, rank) => (items[i].isLongTail = rank < half));
}

export const MAX_RUN = 2;

/**
 * Greedy re-ordering so that no more than `maxRun` consecutive items share a shop or a category:
 * takes the best remaining item that does not extend a run past the limit; when none qualifies,
 * takes the best remaining one (better a run than an empty slot). Pure; keeps scores' order otherwise.
 */
export function diversify<T extends { shopId: string | null; categoryId: string | null }>(ranked: readonly T[], limit: number, maxRun = MAX_RUN): T[] {
  const rest = [...ranked];
  const out: T[] = [];
  const runOf = (key: "shopId" | "categoryId", value: string | null) => {
    if (value === null) return 0;
    let n = 0;
    for (let i = out.length - 1; i >= 0 && out[i][key] === value; i--) n++;
    return n;
  };
  while (out.length < limit && rest.length > 0) {
    let pick = rest.findIndex((it) => runOf("shopId", it.shopId) < maxRun && runOf("categoryId", it.categoryId) < maxRun);
    if (pick === -1) pick = 0;
    out.push(rest.splice(pick, 1)[0]);
  }
  return out;
}

export interface RankOptions {
  limit: number;
  exclude: ReadonlySet<string>;
  now: number;
  rng: Random;
  /** Item ids the actor engaged with recently (co-engagement seeds), newest first. */
  engagedIds?: readonly string[];
  /** "s:<shopId>" / "r:<creatorId>" the actor follows. */
  followed?: ReadonlySet<string>;
  /** Product page: the product being looked at (similar items come first). */
  context?: IndexItem | null;
  /** Candidate ids to leave out (e.g. not visible) — same as exclude, kept separate for clarity. */
}

export interface Ranked {
  item: IndexItem;
  score: number;
  source: "interest" | "follow" | "co" | "trending" | "explore" | "context";
}

export const WEIGHTS = { interest: 1, co: 0.6, trend: 0.3, follow: 0.5, explore: 0.15, context: 1.2 };

export function isCold(p: ProfileState, opts: Pick<RankOptions, "followed" | "context">): boolean {
  return !opts.context && (opts.followed?.size ?? 0) === 0 && topFeatures(p, 1).length === 0;
}

/** The ranked, diversified page: at most `limit` items, none excluded. */
export function rankItems(index: ItemIndex, profile: ProfileState, opts: RankOptions): Ranked[] {
  const { rng, exclude } = opts;
  const cand = new Map<number, Ranked["source"]>();
  const add = (i: number, source: Ranked["source"]) => {
    if (!cand.has(i) && !exclude.has(index.items[i].id)) cand.set(i, source);
  };
  const sampleFrom = (list: readonly number[], head: number, extra: number, source: Ranked["source"]) => {
    for (let k = 0; k < Math.min(head, list.length); k++) add(list[k], source);
    if (list.length > head) for (let k = 0; k < extra; k++) add(list[head + Math.floor(rng.next() * (list.length - head))], source);
  };

  const cold = isCold(profile, opts);
  const pool = Math.max(opts.limit * 4, 60);
  const ctxFeatures = opts.context ? featureShares(opts.context).map(([f]) => f) : [];
  for (const f of ctxFeatures) sampleFrom(index.byFeature.get(f) ?? [], 30, 30, "context");
  // The 8 strongest features, plus the 3 strongest categories (tags and shops of the favourite
  // category must not crowd out a second interest).
  const all = topFeatures(profile, 64);
  const top = new Set([...all.slice(0, 8), ...all.filter(([f]) => f.startsWith("c:")).slice(0, 3)].map(([f]) => f));
  for (const f of top) sampleFrom(index.byFeature.get(f) ?? [], Math.ceil(pool / 4), Math.ceil(pool / 4), "interest");
  for (const f of opts.followed ?? []) sampleFrom(index.byFeature.get(f) ?? [], 20, 10, "follow");
  const coScore = new Map<string, number>();
  for (const id of (opts.engagedIds ?? []).slice(0, 20)) {
    for (const [other, n] of index.co.get(id) ?? []) coScore.set(other, (coScore.get(other) ?? 0) + n);
  }
  for (const id of coScore.keys()) {
    const i = index.byId.get(id);
    if (i !== undefined) add(i, "co");
  }
  sampleFrom(index.trending, cold ? pool : 40, 0, "trending");
  if (cold) {
    // A spread of categories: the most popular items of each leaf category, round-robin.
    for (const f of rng.shuffle([...index.categories]).slice(0, 40)) sampleFrom(index.byFeature.get(f) ?? [], 2, 1, "trending");
    sampleFrom(index.popular, Math.min(pool, 40), 0, "trending");
  }
  sampleFrom(index.longTail, 0, cold ? pool : Math.ceil(pool / 2), "explore");

  const norms = profileNorms(profile);
  let maxCo = 1;
  for (const v of coScore.values()) maxCo = Math.max(maxCo, v);
  let maxTrend = 1;
  for (const i of index.trending.slice(0, 1)) maxTrend = Math.max(maxTrend, index.trend.get(i) ?? 1);
  const ctxSet = new Set(ctxFeatures);

  const scored: Ranked[] = [];
  for (const [i, source] of cand) {
    const item = index.items[i];
    const interest = interestScore(profile, item, opts.now, norms);
    let s = WEIGHTS.interest * interest;
    s += (WEIGHTS.co * (coScore.get(item.id) ?? 0)) / maxCo;
    s += (WEIGHTS.trend * (index.trend.get(i) ?? 0)) / maxTrend;
    if (opts.followed && ((item.shopId && opts.followed.has(`s:${item.shopId}`)) || (item.creatorId && opts.followed.has(`r:${item.creatorId}`)))) {
      s += WEIGHTS.follow;
    }
    if (ctxSet.size) {
      let sim = 0;
      for (const [f, share] of featureShares(item)) if (ctxSet.has(f)) sim += share;
      s += (WEIGHTS.context * sim) / 2.5;
    }
    if (item.isLongTail && (interest > 0 || cold)) s += WEIGHTS.explore;
    s += rng.next() * 0.05;
    scored.push({ item, score: s, source });
  }
  scored.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : 1));
  if (cold) {
    // Cold start: a quarter of the page goes to the long tail, the rest to trending / spread items.
    const quota = Math.ceil(opts.limit / 4);
    const tail = scored.filter((r) => r.item.isLongTail).slice(0, quota);
    const head = scored.filter((r) => !r.item.isLongTail).slice(0, opts.limit * 2);
    const mixed: Ranked[] = [];
    for (let k = 0; mixed.length < head.length + tail.length; k++) {
      if (k < head.length) mixed.push(head[k]);
      if (k % 3 === 2 && tail.length) mixed.push(tail.shift()!);
      if (k >= head.length && tail.length) mixed.push(tail.shift()!);
    }
    scored.splice(0, scored.length, ...mixed);
  }
  return diversify(
    scored.map((r) => ({ ...r, shopId: r.item.shopId, categoryId: r.item.categoryId })),
    opts.limit,
  ).map(({ item, score, source }) => ({ item, score, source }));
}

/** The popularity baseline: most popular not excluded (for the offline evaluation). */
export function rankPopular(index: ItemIndex, exclude: ReadonlySet<string>, limit: number): IndexItem[] {
  const out: IndexItem[] = [];
  for (const i of index.popular) {
    if (out.length >= limit) break;
    if (!exclude.has(index.items[i].id)) out.push(index.items[i]);
  }
  return out;
}
