// Shop score (Shop.scoreX100), derived from the ratings of the shop's products and its refunded
// after-sales; the formula is shopScoreX100() in server/review/review.rules.ts. Recomputed in the
// transaction of every review and every after-sales refund.
//
// Its three explained parts (quality / service / logistics, ×100, 0–500) are computed here too, by
// the pure shopSubScoresX100() below, from figures the shop page also shows.
//
// Lock order, to keep concurrent transactions deadlock-free: Order row → Shop row → Product /
// ProductVariant rows. Review and after-sales writes call lockShop() before they touch a product of
// the shop, so two of them on one shop run one after the other and each recomputation sees the
// other's committed product counts (no lost update of the score).
import type { DbClient } from "@/server/db/client";
import { SHOP_REFUND_PRIOR_ORDERS, SHOP_SCORE_PRIOR_WEIGHT, SHOP_SCORE_PRIOR_X100, shopScoreX100 } from "@/server/review/review.rules";

export async function lockShop(tx: DbClient, shopId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Shop" WHERE "id" = ${shopId} FOR UPDATE`;
}

// ───────────────────────────── pure rules ─────────────────────────────

/** Shipping speed is judged on the shop's most recent shipped orders, this many at most. */
export const RECENT_SHIPMENTS = 200;
/** Logistics is pulled towards the prior as if the shop had this many more shipments at 4.80. */
export const LOGISTICS_PRIOR_WEIGHT = 5;
/** Service: points (×100) off per whole refund rate (5 % refunds cost 0.50), at most 2 stars. */
export const SERVICE_REFUND_PENALTY_X100 = 1000;
export const SERVICE_MAX_REFUND_PENALTY_X100 = 200;
/** Service: after-sales handled within a day cost nothing; slower handling costs up to one star at a week. */
export const SERVICE_FREE_HANDLING_HOURS = 24;
export const SERVICE_SLOW_HANDLING_HOURS = 168;

export interface ShopScoreFigures {
  /** Σ stars and number of ratings of the shop's products. */
  ratingStars: number;
  ratingCount: number;
  paidOrders: number;
  refundedAfterSales: number;
  /** Median hours from an after-sales request to its resolution (null: none resolved yet). */
  medianHandlingHours: number | null;
  /** Median hours from payment to shipping over the recent shipped orders (null: none shipped). */
  medianShipHours: number | null;
  shippedOrders: number;
}

export interface ShopSubScores {
  qualityX100: number;
  serviceX100: number;
  logisticsX100: number;
}

const clamp500 = (x: number) => Math.max(0, Math.min(500, Math.round(x)));

/** 5.00 within a day, 4.00 at three days, 2.50 at a week, falling to 1.00 at two weeks and beyond. */
export function shipHoursToX100(hours: number): number {
  const h = Math.max(0, hours);
  if (h <= 24) return 500;
  if (h <= 72) return 500 - ((h - 24) * 100) / 48;
  if (h <= 168) return 400 - ((h - 72) * 150) / 96;
  return Math.max(100, 250 - ((h - 168) * 150) / 168);
}

/**
 * The three parts of the shop score, each ×100 within 0..500:
 *
 *   quality   = (100·ratingStars + 480·20) / (ratingCount + 20)             ratings, pulled towards 4.80
 *   service   = 500 − min(200, 1000 · refunded/(paidOrders + 20))
 *                   − min(100, 100 · max(0, handlingHours − 24) / 144)       refunds and after-sales speed
 *   logistics = (ship(medianShipHours) · n + 480 · 5) / (n + 5)              n = shipped orders (≤ 200 recent)
 */
export function shopSubScoresX100(f: ShopScoreFigures): ShopSubScores {
  const ratingCount = Math.max(0, f.ratingCount);
  const quality = (100 * Math.max(0, f.ratingStars) + SHOP_SCORE_PRIOR_X100 * SHOP_SCORE_PRIOR_WEIGHT) / (ratingCount + SHOP_SCORE_PRIOR_WEIGHT);
  const refundRate = Math.max(0, f.refundedAfterSales) / (Math.max(0, f.paidOrders) + SHOP_REFUND_PRIOR_ORDERS);
  const refundPenalty = Math.min(SERVICE_MAX_REFUND_PENALTY_X100, SERVICE_REFUND_PENALTY_X100 * refundRate);
  const handlingPenalty =
    f.medianHandlingHours === null
      ? 0
      : Math.min(100, (100 * Math.max(0, f.medianHandlingHours - SERVICE_FREE_HANDLING_HOURS)) / (SERVICE_SLOW_HANDLING_HOURS - SERVICE_FREE_HANDLING_HOURS));
  const n = f.medianShipHours === null ? 0 : Math.max(0, Math.min(RECENT_SHIPMENTS, f.shippedOrders));
  const logistics = n === 0 ? SHOP_SCORE_PRIOR_X100 : (shipHoursToX100(f.medianShipHours!) * n + SHOP_SCORE_PRIOR_X100 * LOGISTICS_PRIOR_WEIGHT) / (n + LOGISTICS_PRIOR_WEIGHT);
  return { qualityX100: clamp500(quality), serviceX100: clamp500(500 - refundPenalty - handlingPenalty), logisticsX100: clamp500(logistics) };
}

// ───────────────────────────── figures from the database ─────────────────────────────

interface ShopFigures {
  shopId: string;
  value: bigint | number | null;
}

const num = (v: bigint | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * Every figure of the given shops, one grouped query each. Used for one shop (in the review /
 * after-sales transaction and by the shop page) and for many (the seed).
 */
export async function loadShopScoreFigures(db: DbClient, shopIds: readonly string[]): Promise<Map<string, ShopScoreFigures>> {
  const ids = [...shopIds];
  const stars = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", SUM(COALESCE(h[1], 0) + 2 * COALESCE(h[2], 0) + 3 * COALESCE(h[3], 0) + 4 * COALESCE(h[4], 0) + 5 * COALESCE(h[5], 0))::bigint AS "value"
    FROM (SELECT "shopId", "ratingHistogram" AS h FROM "Product" WHERE "shopId" = ANY(${ids}::text[])) AS p GROUP BY "shopId"`;
  const counts = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", SUM(COALESCE(h[1], 0) + COALESCE(h[2], 0) + COALESCE(h[3], 0) + COALESCE(h[4], 0) + COALESCE(h[5], 0))::bigint AS "value"
    FROM (SELECT "shopId", "ratingHistogram" AS h FROM "Product" WHERE "shopId" = ANY(${ids}::text[])) AS p GROUP BY "shopId"`;
  const orders = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", COUNT(*)::bigint AS "value" FROM "Order" WHERE "paidAt" IS NOT NULL AND "shopId" = ANY(${ids}::text[]) GROUP BY "shopId"`;
  const refunds = await db.$queryRaw<ShopFigures[]>`
    SELECT o."shopId", COUNT(*)::bigint AS "value" FROM "AfterSale" a JOIN "Order" o ON o."id" = a."orderId"
    WHERE a."status" = 'REFUNDED' AND o."shopId" = ANY(${ids}::text[]) GROUP BY o."shopId"`;
  const handling = await db.$queryRaw<ShopFigures[]>`
    SELECT o."shopId", percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."resolvedAt" - a."createdAt")) / 3600.0)::float8 AS "value"
    FROM "AfterSale" a JOIN "Order" o ON o."id" = a."orderId"
    WHERE a."resolvedAt" IS NOT NULL AND o."shopId" = ANY(${ids}::text[]) GROUP BY o."shopId"`;
  const shipping = await db.$queryRaw<Array<{ shopId: string; median: number | null; n: bigint | number }>>`
    SELECT "shopId", percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)::float8 AS "median", COUNT(*)::bigint AS "n"
    FROM (
      SELECT "shopId", EXTRACT(EPOCH FROM ("shippedAt" - "paidAt")) / 3600.0 AS hours,
             row_number() OVER (PARTITION BY "shopId" ORDER BY "paidAt" DESC, "id" DESC) AS rn
      FROM "Order" WHERE "paidAt" IS NOT NULL AND "shippedAt" IS NOT NULL AND "shopId" = ANY(${ids}::text[])
    ) AS recent WHERE rn <= ${RECENT_SHIPMENTS} GROUP BY "shopId"`;
  const figure = (rows: ShopFigures[]) => new Map(rows.map((r) => [r.shopId, num(r.value)]));
  const [s, c, o, r, h] = [figure(stars), figure(counts), figure(orders), figure(refunds), figure(handling)];
  const ship = new Map(shipping.map((x) => [x.shopId, x]));
  return new Map(
    ids.map((id) => [
      id,
      {
        ratingStars: s.get(id) ?? 0,
        ratingCount: c.get(id) ?? 0,
        paidOrders: o.get(id) ?? 0,
        refundedAfterSales: r.get(id) ?? 0,
        medianHandlingHours: h.get(id) ?? null,
        medianShipHours: num(ship.get(id)?.median),
        shippedOrders: num(ship.get(id)?.n) ?? 0,
      },
    ]),
  );
}

function overall(f: ShopScoreFigures): number {
  return shopScoreX100({ ratingStars: f.ratingStars, ratingCount: f.ratingCount, paidOrders: f.paidOrders, refundedAfterSales: f.refundedAfterSales });
}

/** Reads the shop's rating, refund and shipping figures, writes the new scores and returns the overall one. */
export async function recomputeShopScore(tx: DbClient, shopId: string): Promise<number> {
  // Sequential on purpose: inside a transaction every query shares one connection anyway.
  const figures = (await loadShopScoreFigures(tx, [shopId])).get(shopId)!;
  const score = overall(figures);
  const sub = shopSubScoresX100(figures);
  await tx.shop.update({
    where: { id: shopId },
    data: { scoreX100: score, qualityScoreX100: sub.qualityX100, serviceScoreX100: sub.serviceX100, logisticsScoreX100: sub.logisticsX100 },
  });
  return score;
}

/**
 * Many shops' scores at once (the seed): one grouped query per figure and one UPDATE. Only the shops
 * given are written, so a seed on a shared database never locks anyone else's shop rows.
 */
export async function recomputeShopScores(db: DbClient, shopIds: readonly string[]): Promise<void> {
  const shops = await db.shop.findMany({ where: { id: { in: [...shopIds] } }, select: { id: true } });
  const ids = shops.map((x) => x.id);
  const figures = await loadShopScoreFigures(db, ids);
  const scores = ids.map((id) => overall(figures.get(id)!));
  const subs = ids.map((id) => shopSubScoresX100(figures.get(id)!));
  await db.$executeRaw`
    UPDATE "Shop" AS s SET "scoreX100" = t.score, "qualityScoreX100" = t.q, "serviceScoreX100" = t.sv, "logisticsScoreX100" = t.l
    FROM unnest(${ids}::text[], ${scores}::int[], ${subs.map((x) => x.qualityX100)}::int[], ${subs.map((x) => x.serviceX100)}::int[], ${subs.map((x) => x.logisticsX100)}::int[])
      AS t(id, score, q, sv, l)
    WHERE s."id" = t.id`;
}
