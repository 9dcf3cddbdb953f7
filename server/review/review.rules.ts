// Pure rating arithmetic shared by the review service, the shop score and the seed. Unit-tested in
// tests/unit/review-rules.test.ts. Ratings are whole stars 1–5; averages are kept ×100 as integers.

/** Number of 1★…5★ ratings, index 0 = 1★. */
export type Histogram = [number, number, number, number, number];

export const EMPTY_HISTOGRAM: Histogram = [0, 0, 0, 0, 0];

export function histogramCount(h: readonly number[]): number {
  return h.reduce((sum, n) => sum + n, 0);
}

/** Σ stars × count. */
export function histogramStars(h: readonly number[]): number {
  return h.reduce((sum, n, i) => sum + n * (i + 1), 0);
}

/**
 * Average ×100, rounded half up, in integers only: ⌊(200·stars + count) / (2·count)⌋ = round(100·stars/count).
 * The SQL in review.service.ts computes exactly this expression, so the database and this agree.
 */
export function averageX100(stars: number, count: number): number {
  return count > 0 ? Math.floor((200 * stars + count) / (2 * count)) : 0;
}

export function ratingX100FromHistogram(h: readonly number[]): number {
  return averageX100(histogramStars(h), histogramCount(h));
}

/** A five-slot histogram from whatever the column holds (missing or negative slots read as 0). */
export function normaliseHistogram(raw: readonly (number | null | undefined)[] | null | undefined): Histogram {
  return [0, 1, 2, 3, 4].map((i) => Math.max(0, Math.trunc(Number(raw?.[i] ?? 0)) || 0)) as Histogram;
}

/** "张**": the first character of a display name, then two stars (buyers' names on public pages). */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}**` : "**";
}

// ───────────────────────────── shop score ─────────────────────────────

/** A shop with no ratings yet scores this (4.80), the schema's default. */
export const SHOP_SCORE_PRIOR_X100 = 480;
/** The prior counts as this many ratings, so a shop's first few reviews move its score gently. */
export const SHOP_SCORE_PRIOR_WEIGHT = 20;
/** Refunds are smoothed as if the shop had this many more orders without one. */
export const SHOP_REFUND_PRIOR_ORDERS = 20;
/** Score points (×100) taken off per whole refund rate: a 10 % refund rate costs 0.30 stars. */
export const SHOP_REFUND_PENALTY_X100 = 300;
/** The refund penalty never exceeds one star. */
export const SHOP_MAX_REFUND_PENALTY_X100 = 100;

export interface ShopScoreInput {
  /** Σ stars over every rating of the shop's products (from their histograms). */
  ratingStars: number;
  /** Number of those ratings. */
  ratingCount: number;
  /** Orders of the shop that were paid. */
  paidOrders: number;
  /** After-sales requests of the shop that ended in a refund. */
  refundedAfterSales: number;
}

/**
 * Shop score ×100, always within 0..500:
 *
 *   rating  = (100·ratingStars + 480·20) / (ratingCount + 20)          product ratings, pulled towards 4.80
 *   refunds = refundedAfterSales / (paidOrders + 20)                    smoothed refund rate
 *   penalty = min(100, 300 · refunds)                                   at most one star
 *   score   = clamp(round(rating − penalty), 0, 500)
 *
 * Ratings come from the products' histograms (every rating, seeded or written); refunds count
 * after-sales that paid money back, whoever decided them (seller or platform arbitration).
 */
export function shopScoreX100(input: ShopScoreInput): number {
  const ratingCount = Math.max(0, input.ratingCount);
  const rating = (100 * Math.max(0, input.ratingStars) + SHOP_SCORE_PRIOR_X100 * SHOP_SCORE_PRIOR_WEIGHT) / (ratingCount + SHOP_SCORE_PRIOR_WEIGHT);
  const refundRate = Math.max(0, input.refundedAfterSales) / (Math.max(0, input.paidOrders) + SHOP_REFUND_PRIOR_ORDERS);
  const penalty = Math.min(SHOP_MAX_REFUND_PENALTY_X100, SHOP_REFUND_PENALTY_X100 * refundRate);
  return Math.max(0, Math.min(500, Math.round(rating - penalty)));
}
