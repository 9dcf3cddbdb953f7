// Demo data for creators and affiliation: commission plans on many seed products (shop-wide for
// some shops, per product for others; 5–30 %), a showcase of 8–16 products with pitches for each
// seed creator, a few upcoming live sessions, and commissions in all three states for the demo
// creator (creator@demo.mall) on orders of the trade seed. Deterministic; ids carry fixed prefixes
// (cp_seed_, live_seed_, cm_seed_) so tests can tell these rows apart.
import type { DbClient } from "@/server/db/client";
import { CREATORS } from "@/prisma/seed/catalog-data";
import { commissionAmount } from "@/server/affiliate/commission.rules";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_CREATOR_ID = "creator_xiaoyu_kitchen";

/** Category slugs each seed creator sells from (their showcase is drawn from these). */
const CREATOR_CATEGORIES: Record<string, string[]> = {
  xiaoyu_kitchen: ["kitchen-appliances", "snack-foods", "rice-grains", "lighting"],
  laozhou_camping: ["camping", "fitness", "sneakers", "t-shirts", "wearables"],
  mimi_beauty: ["makeup", "skincare", "jewelry", "bags"],
  tech_ajie: ["headphones", "phones", "computers", "digital-accessories", "wearables"],
  orchard_xiaomei: ["fruit", "mountain-goods", "honey", "nuts"],
  tea_master_lin: ["tea", "honey", "snack-foods"],
  pet_dad_meng: ["pet-supplies", "toys", "furniture"],
  nuannuan_reads: ["books", "toys", "feeding"],
};

const PITCHES = [
  "自用回购第三次，真心推荐给你们",
  "这个价位里我试过最好用的一款",
  "粉丝问了好多次，链接放这里啦",
  "新手闭眼入，不踩雷",
  "送人自用都合适，包装也好看",
  "对比了五六家，这家做工最扎实",
  "夏天离不开它，家里常备",
  "细节做得很用心，值得这个价",
];

/** A small stable hash for deterministic choices. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** 5 %–30 % in whole percent. */
function rateFor(key: string): number {
  return (5 + (hash(key) % 26)) * 100;
}

export async function seedCreators(db: DbClient, now = new Date()): Promise<{ plans: number; showcaseItems: number; commissions: number }> {
  const products = await db.product.findMany({
    where: { id: { startsWith: "p_" }, status: "ACTIVE" },
    orderBy: { id: "asc" },
    select: { id: true, shopId: true, minPriceFen: true, salesCount: true, category: { select: { slug: true, parent: { select: { slug: true } } } } },
  });
  const shopIds = [...new Set(products.map((p) => p.shopId))].sort();

  // Plans: even shops get one shop-wide plan; odd shops a plan on 4 of every 5 products.
  const plans: Array<{ id: string; shopId: string; productId: string | null; rateBp: number }> = [];
  const shopWide = new Set<string>();
  shopIds.forEach((shopId, i) => {
    if (i % 2 === 0) {
      shopWide.add(shopId);
      plans.push({ id: `cp_seed_${shopId}`, shopId, productId: null, rateBp: rateFor(shopId) });
    }
  });
  const rateOf = new Map<string, number>();
  for (const p of products) {
    if (shopWide.has(p.shopId)) {
      rateOf.set(p.id, rateFor(p.shopId));
    } else if (hash(p.id) % 5 !== 0) {
      const rateBp = rateFor(p.id);
      plans.push({ id: `cp_seed_${p.id}`, shopId: p.shopId, productId: p.id, rateBp });
      rateOf.set(p.id, rateBp);
    }
  }
  await db.commissionPlan.createMany({ data: plans });

  // Showcases: 8–16 products with a plan from the creator's categories, best sellers first.
  const showcase: Array<{ creatorId: string; productId: string; position: number; pitch: string }> = [];
  for (const c of CREATORS) {
    const creatorId = `creator_${c.handle}`;
    const slugs = new Set(CREATOR_CATEGORIES[c.handle] ?? []);
    const wanted = 8 + (hash(c.handle) % 9);
    const picks = products
      .filter((p) => rateOf.has(p.id) && (slugs.has(p.category.slug) || (p.category.parent && slugs.has(p.category.parent.slug))))
      .sort((a, b) => b.salesCount - a.salesCount || a.id.localeCompare(b.id))
      .slice(0, wanted);
    picks.forEach((p, position) => showcase.push({ creatorId, productId: p.id, position, pitch: PITCHES[hash(creatorId + p.id) % PITCHES.length] }));
  }
  await db.showcaseItem.createMany({ data: showcase });

  // Upcoming live sessions (the live room itself is a later issue).
  const live = CREATORS.slice(0, 5).flatMap((c, i) => [
    {
      id: `live_seed_${c.handle}_1`,
      creatorId: `creator_${c.handle}`,
      titleZh: `${c.displayName} 周末专场`,
      titleEn: `${c.handle.replace(/_/g, " ")}: weekend special`,
      scheduledStartAt: new Date(Math.ceil((now.getTime() + (i + 1) * DAY_MS) / 3_600_000) * 3_600_000 + 12 * 3_600_000),
    },
    ...(i < 2
      ? [
          {
            id: `live_seed_${c.handle}_2`,
            creatorId: `creator_${c.handle}`,
            titleZh: `${c.displayName} 好物返场`,
            titleEn: `${c.handle.replace(/_/g, " ")}: encore of favourites`,
            scheduledStartAt: new Date(Math.ceil((now.getTime() + (i + 6) * DAY_MS) / 3_600_000) * 3_600_000),
          },
        ]
      : []),
  ]);
  await db.liveSession.createMany({ data: live });

  const commissions = await seedDemoCommissions(db, rateOf, now);
  return { plans: plans.length, showcaseItems: showcase.length, commissions };
}

/**
 * Credits some trade-seed order items to the demo creator (as storefront sales) with their
 * commission: settled for orders completed before the after-sales window, pending for recent or
 * open ones, reversed for refunded ones.
 */
async function seedDemoCommissions(db: DbClient, rateOf: Map<string, number>, now: Date): Promise<number> {
  const creator = await db.creatorProfile.findUnique({ where: { id: DEMO_CREATOR_ID }, select: { userId: true } });
  if (!creator) return 0;
  const items = await db.orderItem.findMany({
    where: { orderId: { startsWith: "ord_" }, attrCreatorId: null, order: { userId: { not: creator.userId } } },
    orderBy: { id: "asc" },
    select: { id: true, orderId: true, productId: true, lineTotalFen: true, order: { select: { shopId: true, status: true, completedAt: true } } },
  });
  const windowStart = new Date(now.getTime() - 15 * DAY_MS);
  const settled = items.filter((i) => i.order.status === "COMPLETED" && i.order.completedAt && i.order.completedAt < windowStart);
  const pending = items.filter((i) => ["PAID", "DELIVERED"].includes(i.order.status) || (i.order.status === "COMPLETED" && i.order.completedAt && i.order.completedAt >= windowStart));
  const reversed = items.filter((i) => i.order.status === "REFUNDED");
  const chosen = [
    ...settled.filter((i) => rateOf.has(i.productId)).slice(0, 6).map((i) => ({ i, status: "SETTLED" as const })),
    ...pending.filter((i) => rateOf.has(i.productId)).slice(0, 4).map((i) => ({ i, status: "PENDING" as const })),
    ...reversed.filter((i) => rateOf.has(i.productId)).slice(0, 2).map((i) => ({ i, status: "REVERSED" as const })),
  ];
  if (chosen.length === 0) return 0;
  await db.orderItem.updateMany({
    where: { id: { in: chosen.map((c) => c.i.id) } },
    data: { attrField: "CONTENT", attrChannel: "STOREFRONT", attrSourceId: DEMO_CREATOR_ID, attrCreatorId: DEMO_CREATOR_ID },
  });
  const data = chosen.map(({ i, status }) => {
    const rateBp = rateOf.get(i.productId)!;
    const amountFen = commissionAmount(rateBp, i.lineTotalFen);
    return {
      id: `cm_seed_${i.id}`,
      orderItemId: i.id,
      orderId: i.orderId,
      creatorId: DEMO_CREATOR_ID,
      shopId: i.order.shopId,
      productId: i.productId,
      channel: "STOREFRONT" as const,
      rateBp,
      baseFen: i.lineTotalFen,
      amountFen,
      reversedFen: status === "REVERSED" ? amountFen : 0,
      status,
      settledAt: status === "SETTLED" && i.order.completedAt ? new Date(i.order.completedAt.getTime() + 15 * DAY_MS) : null,
      reversedAt: status === "REVERSED" ? now : null,
    };
  });
  await db.commission.createMany({ data });
  return data.length;
}
