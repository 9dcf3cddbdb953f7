import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import type { SetShopStatusInput, ShopDetail, ShopScoreDetail, ShopSummary } from "@/server/shop/shop.schema";
import { loadShopScoreFigures } from "@/server/shop/shop-score";
import { enqueueSearchSync } from "@/server/search/outbox";

const ACTIVE_PRODUCTS = { where: { status: "ACTIVE" as const } };

export async function getShop(db: DbClient, slug: string): Promise<ShopDetail> {
  const shop = await db.shop.findFirst({
    where: { slug, status: "ACTIVE" },
    include: { region: { select: { slug: true, nameZh: true, nameEn: true } }, _count: { select: { products: ACTIVE_PRODUCTS } } },
  });
  if (!shop) throw notFound("Shop");
  return {
    id: shop.id,
    slug: shop.slug,
    nameZh: shop.nameZh,
    nameEn: shop.nameEn,
    kind: shop.kind,
    taglineZh: shop.taglineZh,
    taglineEn: shop.taglineEn,
    descriptionZh: shop.descriptionZh,
    descriptionEn: shop.descriptionEn,
    logoUrl: shop.logoUrl,
    bannerUrl: shop.bannerUrl,
    themeColor: shop.themeColor,
    scoreX100: shop.scoreX100,
    qualityScoreX100: shop.qualityScoreX100,
    serviceScoreX100: shop.serviceScoreX100,
    logisticsScoreX100: shop.logisticsScoreX100,
    followerCount: shop.followerCount,
    freeShippingThresholdFen: shop.freeShippingThresholdFen,
    shippingFeeFen: shop.shippingFeeFen,
    productCount: shop._count.products,
    updatedAt: shop.updatedAt,
    region: shop.region,
  };
}

const SUMMARY_SELECT = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  kind: true,
  taglineZh: true,
  taglineEn: true,
  logoUrl: true,
  bannerUrl: true,
  themeColor: true,
  scoreX100: true,
  followerCount: true,
  _count: { select: { products: ACTIVE_PRODUCTS } },
} satisfies Prisma.ShopSelect;

function toSummary({ _count, ...shop }: Prisma.ShopGetPayload<{ select: typeof SUMMARY_SELECT }>): ShopSummary {
  return { ...shop, productCount: _count.products };
}

/** Shops for the home page: a mix of kinds (flagships, farm goods, industrial belts, independents), best score first. */
export async function listFeaturedShops(db: DbClient, limit = 8): Promise<ShopSummary[]> {
  const shops = await db.shop.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ scoreX100: "desc" }, { followerCount: "desc" }, { id: "asc" }],
    take: limit * 3,
    select: SUMMARY_SELECT,
  });
  // Round-robin across kinds so the long tail (farm goods, small makers) is always on show.
  const byKind = new Map<string, typeof shops>();
  for (const s of shops) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const mixed: typeof shops = [];
  while (mixed.length < limit && [...byKind.values()].some((l) => l.length)) {
    for (const list of byKind.values()) {
      const next = list.shift();
      if (next && mixed.length < limit) mixed.push(next);
    }
  }
  return mixed.map(toSummary);
}

/** Active shops by id, in the order of `ids` (search results); unknown or inactive ids are skipped. */
export async function listShopSummaries(db: DbClient, ids: readonly string[]): Promise<ShopSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.shop.findMany({ where: { id: { in: [...ids] }, status: "ACTIVE" }, select: SUMMARY_SELECT });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listShopSlugs(db: DbClient) {
  return db.shop.findMany({ where: { status: "ACTIVE" }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
}

/** Throws FORBIDDEN unless the user is a member of the shop. */
export async function assertShopMember(db: DbClient, userId: string, shopId: string): Promise<void> {
  const member = await db.shopMember.findUnique({ where: { shopId_userId: { shopId, userId } }, select: { role: true } });
  if (!member) throw new AppError("FORBIDDEN", "You are not a member of this shop");
}

/**
 * Suspends, closes or reinstates a shop. The shop's search-outbox row is written in the same
 * transaction; the sync worker then re-syncs the shop and every product of it, so a suspended
 * shop's goods leave search within seconds (and come back on reinstatement).
 */
export async function setShopStatus(tx: Prisma.TransactionClient, input: SetShopStatusInput) {
  const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
  if (!shop) throw notFound("Shop");
  const updated = await tx.shop.update({
    where: { id: input.shopId },
    data: { status: input.status, statusReason: input.status === "ACTIVE" ? null : input.reason },
    select: { id: true, status: true, statusReason: true },
  });
  await enqueueSearchSync(tx, "shop", [input.shopId]);
  return updated;
}

/** The stored score parts of an active shop and the live figures behind them (shop page). */
export async function getShopScoreDetail(db: DbClient, shopId: string): Promise<ShopScoreDetail> {
  const shop = await db.shop.findFirst({
    where: { id: shopId, status: "ACTIVE" },
    select: { scoreX100: true, qualityScoreX100: true, serviceScoreX100: true, logisticsScoreX100: true },
  });
  if (!shop) throw notFound("Shop");
  const f = (await loadShopScoreFigures(db, [shopId])).get(shopId)!;
  return {
    overallX100: shop.scoreX100,
    qualityX100: shop.qualityScoreX100,
    serviceX100: shop.serviceScoreX100,
    logisticsX100: shop.logisticsScoreX100,
    ratingCount: f.ratingCount,
    ratingAvgX100: f.ratingCount > 0 ? Math.round((100 * f.ratingStars) / f.ratingCount) : null,
    paidOrders: f.paidOrders,
    refundedAfterSales: f.refundedAfterSales,
    refundRateBp: f.paidOrders > 0 ? Math.round((10_000 * f.refundedAfterSales) / f.paidOrders) : 0,
    medianHandlingHours: f.medianHandlingHours === null ? null : Math.round(f.medianHandlingHours * 10) / 10,
    medianShipHours: f.medianShipHours === null ? null : Math.round(f.medianShipHours * 10) / 10,
    shippedOrders: f.shippedOrders,
  };
}
