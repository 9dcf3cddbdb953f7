// Shop score (Shop.scoreX100), derived from the ratings of the shop's products and its refunded
// after-sales; the formula is shopScoreX100() in server/review/review.rules.ts. Recomputed in the
// transaction of every review and every after-sales refund.
//
// Lock order, to keep concurrent transactions deadlock-free: Order row → Shop row → Product /
// ProductVariant rows. Review and after-sales writes call lockShop() before they touch a product of
// the shop, so two of them on one shop run one after the other and each recomputation sees the
// other's committed product counts (no lost update of the score).
import type { DbClient } from "@/server/db/client";
import { shopScoreX100 } from "@/server/review/review.rules";

export async function lockShop(tx: DbClient, shopId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Shop" WHERE "id" = ${shopId} FOR UPDATE`;
}

interface ScoreRow {
  stars: bigint | number | null;
  count: bigint | number | null;
}

/** Reads the shop's rating and refund figures, writes the new score and returns it. */
export async function recomputeShopScore(tx: DbClient, shopId: string): Promise<number> {
  const [ratings] = await tx.$queryRaw<ScoreRow[]>`
    SELECT
      COALESCE(SUM(COALESCE(h[1], 0) + 2 * COALESCE(h[2], 0) + 3 * COALESCE(h[3], 0) + 4 * COALESCE(h[4], 0) + 5 * COALESCE(h[5], 0)), 0)::bigint AS "stars",
      COALESCE(SUM(COALESCE(h[1], 0) + COALESCE(h[2], 0) + COALESCE(h[3], 0) + COALESCE(h[4], 0) + COALESCE(h[5], 0)), 0)::bigint AS "count"
    FROM (SELECT "ratingHistogram" AS h FROM "Product" WHERE "shopId" = ${shopId}) AS p`;
  // Sequential on purpose: inside a transaction every query shares one connection anyway.
  const paidOrders = await tx.order.count({ where: { shopId, paidAt: { not: null } } });
  const refundedAfterSales = await tx.afterSale.count({ where: { status: "REFUNDED", order: { shopId } } });
  const score = shopScoreX100({
    ratingStars: Number(ratings?.stars ?? 0),
    ratingCount: Number(ratings?.count ?? 0),
    paidOrders,
    refundedAfterSales,
  });
  await tx.shop.update({ where: { id: shopId }, data: { scoreX100: score } });
  return score;
}

interface ShopFigures {
  shopId: string;
  value: bigint | number | null;
}

/**
 * Many shops' scores at once (the seed): one grouped query per figure and one UPDATE. Only the shops
 * given are written, so a seed on a shared database never locks anyone else's shop rows.
 */
export async function recomputeShopScores(db: DbClient, shopIds: readonly string[]): Promise<void> {
  const stars = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", SUM(COALESCE(h[1], 0) + 2 * COALESCE(h[2], 0) + 3 * COALESCE(h[3], 0) + 4 * COALESCE(h[4], 0) + 5 * COALESCE(h[5], 0))::bigint AS "value"
    FROM (SELECT "shopId", "ratingHistogram" AS h FROM "Product") AS p GROUP BY "shopId"`;
  const counts = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", SUM(COALESCE(h[1], 0) + COALESCE(h[2], 0) + COALESCE(h[3], 0) + COALESCE(h[4], 0) + COALESCE(h[5], 0))::bigint AS "value"
    FROM (SELECT "shopId", "ratingHistogram" AS h FROM "Product") AS p GROUP BY "shopId"`;
  const orders = await db.$queryRaw<ShopFigures[]>`
    SELECT "shopId", COUNT(*)::bigint AS "value" FROM "Order" WHERE "paidAt" IS NOT NULL GROUP BY "shopId"`;
  const refunds = await db.$queryRaw<ShopFigures[]>`
    SELECT o."shopId", COUNT(*)::bigint AS "value" FROM "AfterSale" a JOIN "Order" o ON o."id" = a."orderId" WHERE a."status" = 'REFUNDED' GROUP BY o."shopId"`;
  const figure = (rows: ShopFigures[]) => new Map(rows.map((r) => [r.shopId, Number(r.value ?? 0)]));
  const [s, c, o, r] = [figure(stars), figure(counts), figure(orders), figure(refunds)];
  const shops = await db.shop.findMany({ where: { id: { in: [...shopIds] } }, select: { id: true } });
  const scores = shops.map(({ id }) =>
    shopScoreX100({ ratingStars: s.get(id) ?? 0, ratingCount: c.get(id) ?? 0, paidOrders: o.get(id) ?? 0, refundedAfterSales: r.get(id) ?? 0 }),
  );
  await db.$executeRaw`
    UPDATE "Shop" AS s SET "scoreX100" = t.score
    FROM unnest(${shops.map((x) => x.id)}::text[], ${scores}::int[]) AS t(id, score)
    WHERE s."id" = t.id`;
}
