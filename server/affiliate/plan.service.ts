// Sellers' commission plans for creators: one shop-wide plan and per-product plans (a product's own
// active plan wins over the shop-wide one). Every call checks the seller is a member of the shop.
import type { Db, DbClient } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import { assertShopMember } from "@/server/shop/shop.service";
import { listSellerShops } from "@/server/order/seller-order.service";
import type { PlansOutput } from "@/server/affiliate/affiliate.schema";

const PLAN_SELECT = { id: true, productId: true, rateBp: true, isActive: true, updatedAt: true } as const;
const MAX_PRODUCTS = 500;

export async function listPlans(db: DbClient, userId: string, input: { shopId?: string }): Promise<PlansOutput> {
  const shops = await listSellerShops(db, userId);
  const shopId = input.shopId ?? shops[0]?.id ?? null;
  if (!shopId) return { shops: [], shopId: null, shopPlan: null, products: [] };
  await assertShopMember(db, userId, shopId);
  const [shopPlan, products] = await Promise.all([
    db.commissionPlan.findFirst({ where: { shopId, productId: null }, select: PLAN_SELECT }),
    db.product.findMany({
      where: { shopId },
      orderBy: [{ salesCount: "desc" }, { id: "asc" }],
      take: MAX_PRODUCTS,
      select: { id: true, slug: true, titleZh: true, titleEn: true, minPriceFen: true, status: true, commissionPlans: { select: PLAN_SELECT, take: 1 } },
    }),
  ]);
  return {
    shops: shops.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    shopId,
    shopPlan,
    products: products.map(({ commissionPlans, ...p }) => ({ ...p, plan: commissionPlans[0] ?? null })),
  };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

/** Creates or updates (and re-activates) the shop-wide plan, or a product's plan. */
export async function upsertPlan(db: Db, userId: string, input: { shopId: string; productId?: string; rateBp: number }) {
  await assertShopMember(db, userId, input.shopId);
  const productId = input.productId ?? null;
  if (productId) {
    const product = await db.product.findFirst({ where: { id: productId, shopId: input.shopId }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "productId does not refer to a product of this shop", { field: "productId" });
  }
  for (let attempt = 0; ; attempt++) {
    const existing = await db.commissionPlan.findFirst({ where: { shopId: input.shopId, productId }, select: { id: true } });
    try {
      return existing
        ? await db.commissionPlan.update({ where: { id: existing.id }, data: { rateBp: input.rateBp, isActive: true }, select: PLAN_SELECT })
        : await db.commissionPlan.create({ data: { shopId: input.shopId, productId, rateBp: input.rateBp }, select: PLAN_SELECT });
    } catch (err) {
      // Two saves racing to create the same plan: the loser updates the winner's row.
      if (!isUniqueViolation(err) || attempt >= 2) throw err;
    }
  }
}

/** Stops a plan: new orders earn nothing from it (commissions already written keep their rate). */
export async function deactivatePlan(db: Db, userId: string, planId: string) {
  const plan = await db.commissionPlan.findUnique({ where: { id: planId }, select: { shopId: true } });
  if (!plan) throw notFound("Plan");
  await assertShopMember(db, userId, plan.shopId);
  return db.commissionPlan.update({ where: { id: planId }, data: { isActive: false }, select: PLAN_SELECT });
}
