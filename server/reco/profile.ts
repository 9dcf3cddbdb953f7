// Interest profiles: PURE functions (no database, no clock of their own — `now` is passed in), so the
// production recommender and the offline evaluation (server/cli/eval-reco.ts) share the same maths.
//
// A profile holds two weight maps over item features:
//   c:<categoryId>  (the item's leaf category AND its parent category, the parent at a quarter weight)
//   t:<tag>         (product tags / post hashtags)
//   s:<shopId>      r:<creatorId>
// - longTerm: stable interests, to be SATISFIED. Half-life H_long = 14 days.
// - instant:  what the person is into right now, to be SPARKED. Half-life H_inst = 30 minutes.
// Decay: w(t) = w(t0) · 2^(−(t − t0) / H). Weights are stored decayed to `longUpdatedAt` /
// `instantUpdatedAt`; every update first decays the whole map to `now`, then adds the event.
//
// An event of kind k on an item with features F adds, for each feature f ∈ F:
//   Δw_f = eventWeight(k, dwell) · featureShare(f)
// with featureShare = 1 for c:leaf, 0.25 for c:parent, 0.6 for t:* (split over at most 5 tags), 0.5 for
// s:*, 0.5 for r:*. Instant interests get Δ·2 (a few events dominate the last half hour).
// eventWeight (see EVENT_WEIGHTS below):
//   IMPRESSION 0 (seen is not liked; it only feeds "recently shown")
//   VIEW       quick skip (dwell < 1.5 s): −0.3; else 0.2 + 0.8 · min(1, dwell / expected), expected
//              = the video's duration, or 15 s when unknown
//   COMPLETE 1.2 · LIKE 2 · UNLIKE −2 · SHARE 2.5 · FOLLOW 2 · PRODUCT_CLICK 1.5 · ADD_TO_CART 3
//   PURCHASE 4 · SEARCH 1.5 (applied to the features of the top search results, spread over them)
// Weights are clamped at ≥ −2 per feature (a skipped category can come back) and the maps keep the
// top N_MAX = 64 features by |w| (plus nothing below |w| < 0.01).
//
// Satisfaction (purchases): `satisfied` maps "p:<productId>" and "c:<leafCategoryId>" to the time of
// the last purchase. When scoring, a bought product is multiplied by 0.1 (for 30 days) and its leaf
// category by damp(Δt) = 1 − 0.6 · 2^(−Δt / 2 days) (×0.4 right after buying, fading back to ×1 over
// about a week): a long-term interest that was just satisfied is pushed less for a while.

export const LONG_HALF_LIFE_MS = 14 * 24 * 3600_000;
export const INSTANT_HALF_LIFE_MS = 30 * 60_000;
export const QUICK_SKIP_MS = 1500;
export const DEFAULT_EXPECTED_DWELL_MS = 15_000;
export const MAX_FEATURES = 64;
export const MIN_WEIGHT = -2;
export const INSTANT_GAIN = 2;
export const RECENT_MAX = 200;
export const SATISFIED_PRODUCT_FACTOR = 0.1;
export const SATISFIED_PRODUCT_MS = 30 * 24 * 3600_000;
export const SATISFIED_CATEGORY_DAMP = 0.6;
export const SATISFIED_CATEGORY_HALF_LIFE_MS = 2 * 24 * 3600_000;
/** Entries of `satisfied` older than this are forgotten. */
const SATISFIED_KEEP_MS = 30 * 24 * 3600_000;

export type EventKind =
  | "IMPRESSION"
  | "VIEW"
  | "COMPLETE"
  | "LIKE"
  | "UNLIKE"
  | "SHARE"
  | "FOLLOW"
  | "PRODUCT_CLICK"
  | "ADD_TO_CART"
  | "PURCHASE"
  | "SEARCH";

export const EVENT_WEIGHTS: Record<EventKind, number> = {
  IMPRESSION: 0,
  VIEW: 1, // scaled by dwell, see eventWeight
  COMPLETE: 1.2,
  LIKE: 2,
  UNLIKE: -2,
  SHARE: 2.5,
  FOLLOW: 2,
  PRODUCT_CLICK: 1.5,
  ADD_TO_CART: 3,
  PURCHASE: 4,
  SEARCH: 1.5,
};

export type Weights = Record<string, number>;

export interface ProfileState {
  longTerm: Weights;
  longUpdatedAt: number;
  instant: Weights;
  instantUpdatedAt: number;
  /** "p:<productId>" | "c:<categoryId>" → epoch ms of the last purchase. */
  satisfied: Record<string, number>;
  recentPostIds: string[];
  recentProductIds: string[];
  eventCount: number;
}

/** What the profile knows about an item. */
export interface ItemFeatures {
  categoryId: string | null;
  parentCategoryId: string | null;
  tags: readonly string[];
  shopId: string | null;
  creatorId: string | null;
}

export function emptyProfile(now: number): ProfileState {
  return {
    longTerm: {},
    longUpdatedAt: now,
    instant: {},
    instantUpdatedAt: now,
    satisfied: {},
    recentPostIds: [],
    recentProductIds: [],
    eventCount: 0,
  };
}

/** 2^(−Δt/H); 1 for Δt ≤ 0. */
export function decayFactor(elapsedMs: number, halfLifeMs: number): number {
  if (!(elapsedMs > 0)) return 1;
  return Math.pow(2, -elapsedMs / halfLifeMs);
}

/** Every weight multiplied by the decay factor; weights that become negligible are dropped. */
export function decayWeights(w: Weights, elapsedMs: number, halfLifeMs: number): Weights {
  const f = decayFactor(elapsedMs, halfLifeMs);
  if (f === 1) return { ...w };
  const out: Weights = {};
  for (const [k, v] of Object.entries(w)) {
    const d = v * f;
    if (Math.abs(d) >= 0.01) out[k] = d;
  }
  return out;
}

/** The profile with both maps decayed to `now` (pure: returns a new object). */
export function decayProfile(p: ProfileState, now: number): ProfileState {
  return {
    ...p,
    longTerm: decayWeights(p.longTerm, now - p.longUpdatedAt, LONG_HALF_LIFE_MS),
    longUpdatedAt: Math.max(now, p.longUpdatedAt),
    instant: decayWeights(p.instant, now - p.instantUpdatedAt, INSTANT_HALF_LIFE_MS),
    instantUpdatedAt: Math.max(now, p.instantUpdatedAt),
  };
}

/** The weight of one event, before feature shares (formula in the header comment). */
export function eventWeight(kind: EventKind, dwellMs?: number | null, expectedMs?: number | null): number {
  if (kind === "VIEW") {
    if (dwellMs === undefined || dwellMs === null) return 0.2;
    if (dwellMs < QUICK_SKIP_MS) return -0.3;
    const expected = expectedMs && expectedMs > 0 ? expectedMs : DEFAULT_EXPECTED_DWELL_MS;
    return 0.2 + 0.8 * Math.min(1, dwellMs / expected);
  }
  return EVENT_WEIGHTS[kind];
}

/** Feature keys of an item with their share of an event's weight. */
export function featureShares(item: ItemFeatures): [string, number][] {
  const out: [string, number][] = [];
  if (item.categoryId) out.push([`c:${item.categoryId}`, 1]);
  if (item.parentCategoryId && item.parentCategoryId !== item.categoryId) out.push([`c:${item.parentCategoryId}`, 0.25]);
  const tags = [...new Set(item.tags)].slice(0, 5);
  for (const t of tags) out.push([`t:${t}`, 0.6 / Math.max(1, tags.length / 2)]);
  if (item.shopId) out.push([`s:${item.shopId}`, 0.5]);
  if (item.creatorId) out.push([`r:${item.creatorId}`, 0.5]);
  return out;
}

/** Keeps the `max` features of largest |w|, clamps at MIN_WEIGHT. */
export function capWeights(w: Weights, max = MAX_FEATURES): Weights {
  const entries = Object.entries(w)
    .map(([k, v]) => [k, Math.max(MIN_WEIGHT, v)] as [string, number])
    .filter(([, v]) => Math.abs(v) >= 0.01);
  if (entries.length > max) entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries.slice(0, max));
}

export interface ProfileEvent {
  kind: EventKind;
  at: number;
  /** The item the event is about (null for SEARCH, whose features come in `spread`). */
  item?: ItemFeatures | null;
  productId?: string | null;
  postId?: string | null;
  dwellMs?: number | null;
  expectedMs?: number | null;
  /** SEARCH: the features of the top results; the event weight is spread evenly over them. */
  spread?: ItemFeatures[];
}

/**
 * Folds one event into the profile: decay to the event's time, then add Δw (header comment) to the
 * long-term map and INSTANT_GAIN·Δw to the instant map; PURCHASE also marks the product and its leaf
 * category satisfied; IMPRESSION/VIEW remember the post/product as recently shown.
 */
export function applyEvent(p: ProfileState, e: ProfileEvent): ProfileState {
  const now = Math.max(e.at, p.longUpdatedAt, p.instantUpdatedAt);
  const next = decayProfile(p, now);
  const longTerm = { ...next.longTerm };
  const instant = { ...next.instant };
  const add = (item: ItemFeatures, weight: number) => {
    if (weight === 0) return;
    for (const [f, share] of featureShares(item)) {
      longTerm[f] = (longTerm[f] ?? 0) + weight * share;
      instant[f] = (instant[f] ?? 0) + INSTANT_GAIN * weight * share;
    }
  };
  const w = eventWeight(e.kind, e.dwellMs, e.expectedMs);
  if (e.kind === "SEARCH" && e.spread?.length) {
    for (const it of e.spread) add(it, w / e.spread.length);
  } else if (e.item) {
    add(e.item, w);
  }
  let satisfied = next.satisfied;
  if (e.kind === "PURCHASE") {
    satisfied = { ...satisfied };
    if (e.productId) satisfied[`p:${e.productId}`] = now;
    if (e.item?.categoryId) satisfied[`c:${e.item.categoryId}`] = now;
    for (const [k, t] of Object.entries(satisfied)) if (now - t > SATISFIED_KEEP_MS) delete satisfied[k];
  }
  let { recentPostIds, recentProductIds } = next;
  if (e.kind === "IMPRESSION" || e.kind === "VIEW") {
    if (e.postId) recentPostIds = pushRecent(recentPostIds, [e.postId]);
    if (e.productId && !e.postId) recentProductIds = pushRecent(recentProductIds, [e.productId]);
  }
  return {
    ...next,
    longTerm: capWeights(longTerm),
    instant: capWeights(instant),
    satisfied,
    recentPostIds,
    recentProductIds,
    eventCount: next.eventCount + 1,
  };
}

/** Newest first, no duplicates, at most RECENT_MAX. */
export function pushRecent(recent: readonly string[], shown: readonly string[], max = RECENT_MAX): string[] {
  const fresh = [...shown].reverse();
  const set = new Set(fresh);
  return [...fresh, ...recent.filter((id) => !set.has(id))].slice(0, max);
}

/**
 * Merges a visitor's profile into a user's (sign-in): both decayed to `now`, weights summed, the
 * later satisfaction time kept, recent ids interleaved (user's first), event counts added.
 */
export function mergeProfiles(user: ProfileState, visitor: ProfileState, now: number): ProfileState {
  const a = decayProfile(user, now);
  const b = decayProfile(visitor, now);
  const sum = (x: Weights, y: Weights) => {
    const out: Weights = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return capWeights(out);
  };
  const satisfied = { ...a.satisfied };
  for (const [k, t] of Object.entries(b.satisfied)) satisfied[k] = Math.max(satisfied[k] ?? 0, t);
  return {
    longTerm: sum(a.longTerm, b.longTerm),
    longUpdatedAt: now,
    instant: sum(a.instant, b.instant),
    instantUpdatedAt: now,
    satisfied,
    recentPostIds: pushRecent(b.recentPostIds.slice().reverse(), a.recentPostIds.slice().reverse()),
    recentProductIds: pushRecent(b.recentProductIds.slice().reverse(), a.recentProductIds.slice().reverse()),
    eventCount: a.eventCount + b.eventCount,
  };
}

/** Multiplier for an item from purchases: ×0.1 for a bought product, damp(Δt) for its leaf category. */
export function satisfactionFactor(p: ProfileState, item: { productId?: string | null; categoryId: string | null }, now: number): number {
  let f = 1;
  if (item.productId) {
    const t = p.satisfied[`p:${item.productId}`];
    if (t !== undefined && now - t < SATISFIED_PRODUCT_MS) f *= SATISFIED_PRODUCT_FACTOR;
  }
  if (item.categoryId) {
    const t = p.satisfied[`c:${item.categoryId}`];
    if (t !== undefined) f *= 1 - SATISFIED_CATEGORY_DAMP * decayFactor(now - t, SATISFIED_CATEGORY_HALF_LIFE_MS);
  }
  return f;
}

/**
 * Interest of a profile (already decayed to now) in an item:
 *   interest = Σ_f share_f · (long_f / L + 1.5 · inst_f / I)
 * where L and I are the largest positive weights of each map (so each map contributes on a 0–1
 * scale; instant counts 1.5× — "sparking"), times the satisfaction factor.
 */
export function interestScore(p: ProfileState, item: ItemFeatures & { productId?: string | null }, now: number, norms?: { long: number; inst: number }): number {
  const n = norms ?? profileNorms(p);
  let s = 0;
  for (const [f, share] of featureShares(item)) {
    s += share * ((p.longTerm[f] ?? 0) / n.long + (1.5 * (p.instant[f] ?? 0)) / n.inst);
  }
  return s * (s > 0 ? satisfactionFactor(p, item, now) : 1);
}

export function profileNorms(p: ProfileState): { long: number; inst: number } {
  let long = 1;
  let inst = 1;
  for (const v of Object.values(p.longTerm)) long = Math.max(long, v);
  for (const v of Object.values(p.instant)) inst = Math.max(inst, v);
  return { long, inst };
}

/** The strongest positive features, blending both maps (instant ×1.5), for candidate generation. */
export function topFeatures(p: ProfileState, n: number): [string, number][] {
  const norms = profileNorms(p);
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(p.longTerm)) m.set(k, (m.get(k) ?? 0) + v / norms.long);
  for (const [k, v] of Object.entries(p.instant)) m.set(k, (m.get(k) ?? 0) + (1.5 * v) / norms.inst);
  return [...m.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n);
}
