// Shop loyalty membership (店铺会员): a shopper joins a shop to unlock its member prices (applied in
// cart and checkout by server/marketing/price.ts). Join and leave are idempotent: one row per
// (shop, user), created with skipDuplicates and removed with deleteMany.
import type { DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { followStateOf } from "@/server/social/follow.service";
import type { MembershipState, ProductMemberPrices, ShopViewer } from "@/server/shop/decoration.schema";

async function assertOpenShop(db: DbClient, shopId: string): Promise<void> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { status: true } });
  if (!shop || shop.status !== "ACTIVE") throw new AppError("NOT_FOUND", "shopId does not refer to an open shop", { field: "shopId" });
}

export async function memberCount(db: DbClient, shopId: string): Promise<number> {
  return db.shopMembership.count({ where: { shopId } });
}

export async function isShopMember(db: DbClient, userId: string | null, shopId: string): Promise<boolean> {
  if (!userId) return false;
  const row = await db.shopMembership.findUnique({ where: { shopId_userId: { shopId, userId } }, select: { shopId: true } });
  return row !== null;
}

export async function joinMembership(db: DbClient, userId: string, shopId: string): Promise<MembershipState> {
  await assertOpenShop(db, shopId);
  await db.shopMembership.createMany({ data: [{ shopId, userId }], skipDuplicates: true });
  return { isMember: true, memberCount: await memberCount(db, shopId) };
}

export async function leaveMembership(db: DbClient, userId: string, shopId: string): Promise<MembershipState> {
  await assertOpenShop(db, shopId);
  await db.shopMembership.deleteMany({ where: { shopId, userId } });
  return { isMember: false, memberCount: await memberCount(db, shopId) };
}

/** What the shop page shows the current visitor (null: signed out): follow and membership state. */
export async function shopViewer(db: DbClient, userId: string | null, shopId: string): Promise<ShopViewer> {
  await assertOpenShop(db, shopId);
  const follow = await followStateOf(db, userId, { shopId });
  return {
    signedIn: userId !== null,
    following: follow.following,
    isMember: await isShopMember(db, userId, shopId),
    memberCount: await memberCount(db, shopId),
  };
}

/** The lowest member price of each product's active SKUs, for products that have one (visible products only). */
export async function listMemberPrices(db: DbClient, productIds: readonly string[]): Promise<Array<{ productId: string; memberPriceFen: number }>> {
  if (productIds.length === 0) return [];
  const rows = await db.productVariant.groupBy({
    by: ["productId"],
    where: { productId: { in: [...productIds] }, isActive: true, memberPriceFen: { not: null }, product: { status: "ACTIVE", shop: { status: "ACTIVE" } } },
    _min: { memberPriceFen: true },
  });
  return rows.flatMap((r) => (r._min.memberPriceFen !== null ? [{ productId: r.productId, memberPriceFen: r._min.memberPriceFen }] : []));
}

/** The member prices of one visible product's active SKUs and whether this visitor is a member (product page). */
export async function productMemberPrices(db: DbClient, userId: string | null, productId: string): Promise<ProductMemberPrices> {
  const product = await db.product.findFirst({
    where: { id: productId, status: "ACTIVE", shop: { status: "ACTIVE" } },
    select: { shopId: true, shop: { select: { slug: true } }, variants: { where: { isActive: true, memberPriceFen: { not: null } }, select: { id: true, priceFen: true, memberPriceFen: true } } },
  });
  if (!product) throw new AppError("NOT_FOUND", "productId does not refer to a product on sale", { field: "productId" });
  return {
    shopId: product.shopId,
    shopSlug: product.shop.slug,
    signedIn: userId !== null,
    isMember: await isShopMember(db, userId, product.shopId),
    prices: product.variants.flatMap((v) => (v.memberPriceFen !== null && v.memberPriceFen < v.priceFen ? [{ variantId: v.id, memberPriceFen: v.memberPriceFen }] : [])),
  };
}
