// The selection pool (精选联盟): visible products with an active commission plan (their own, else
// their shop's), with rate and estimated commission per sale, filtered and sorted for creators.
// Rates depend on two plan levels, so candidates are ranked in memory (a few columns per product);
// only the page's cards are loaded in full.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { CARD_INCLUDE, toCard, VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { activeRates } from "@/server/affiliate/commission.service";
import { commissionAmount } from "@/server/affiliate/commission.rules";
import { ownCreator } from "@/server/affiliate/showcase.service";
import { POOL_PAGE_SIZE, type PoolInput, type PoolOutput } from "@/server/affiliate/affiliate.schema";

export async function listPool(db: DbClient, userId: string, input: PoolInput): Promise<PoolOutput> {
  const creator = await ownCreator(db, userId);
  const q = input.q?.trim();
  const where: Prisma.ProductWhereInput = {
    ...VISIBLE_PRODUCT,
    OR: [{ commissionPlans: { some: { isActive: true } } }, { shop: { commissionPlans: { some: { productId: null, isActive: true } } } }],
    AND: [
      ...(q ? [{ OR: [{ titleZh: { contains: q, mode: "insensitive" as const } }, { titleEn: { contains: q, mode: "insensitive" as const } }] }] : []),
      ...(input.categorySlug
        ? [
            {
              OR: [
                { category: { slug: input.categorySlug } },
                { category: { parent: { slug: input.categorySlug } } },
                { category: { parent: { parent: { slug: input.categorySlug } } } },
              ],
            },
          ]
        : []),
    ],
  };
  const [candidates, categories] = await Promise.all([
    db.product.findMany({ where, select: { id: true, shopId: true, minPriceFen: true, salesCount: true } }),
    db.category.findMany({ where: { parentId: null }, orderBy: { slug: "asc" }, select: { slug: true, nameZh: true, nameEn: true } }),
  ]);
  const rates = await activeRates(db, candidates);
  const minBp = (input.minRate ?? 0) * 100;
  const ranked = candidates
    .map((c) => {
      const rateBp = rates.get(c.id) ?? 0;
      return { ...c, rateBp, estimatedFen: commissionAmount(rateBp, c.minPriceFen) };
    })
    .filter((c) => c.rateBp > 0 && c.rateBp >= minBp);
  const key = { rate: "rateBp", commission: "estimatedFen", sales: "salesCount" } as const;
  const k = key[input.sort];
  ranked.sort((a, b) => b[k] - a[k] || b.salesCount - a.salesCount || a.id.localeCompare(b.id));
  const total = ranked.length;
  const pageCount = Math.max(1, Math.ceil(total / POOL_PAGE_SIZE));
  const slice = ranked.slice((input.page - 1) * POOL_PAGE_SIZE, input.page * POOL_PAGE_SIZE);
  const ids = slice.map((s) => s.id);
  const [cards, shown] = await Promise.all([
    db.product.findMany({ where: { id: { in: ids } }, include: CARD_INCLUDE }),
    db.showcaseItem.findMany({ where: { creatorId: creator.id, productId: { in: ids } }, select: { productId: true } }),
  ]);
  const cardById = new Map(cards.map((c) => [c.id, toCard(c)]));
  const inShowcase = new Set(shown.map((s) => s.productId));
  return {
    items: slice.flatMap((s) => {
      const product = cardById.get(s.id);
      return product ? [{ product, rateBp: s.rateBp, estimatedFen: s.estimatedFen, inShowcase: inShowcase.has(s.id) }] : [];
    }),
    total,
    page: input.page,
    pageCount,
    categories,
  };
}
