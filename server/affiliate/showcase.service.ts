// A creator's own showcase: add from the selection pool, pitch, reorder, remove. The creator is
// always derived from the signed-in user (never from input), so nobody can touch another
// creator's storefront.
import type { Db, DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { activeRates } from "@/server/affiliate/commission.service";
import { MAX_SHOWCASE_ITEMS, type ShowcaseOutput } from "@/server/affiliate/affiliate.schema";

/** The signed-in user's creator profile, or FORBIDDEN. */
export async function ownCreator(db: DbClient, userId: string): Promise<{ id: string; handle: string }> {
  const creator = await db.creatorProfile.findUnique({ where: { userId }, select: { id: true, handle: true } });
  if (!creator) throw new AppError("FORBIDDEN", "You do not have a creator profile");
  return creator;
}

function notInShowcase(): AppError {
  return new AppError("NOT_FOUND", "productId is not in your showcase", { field: "productId" });
}

export async function getShowcase(db: DbClient, userId: string): Promise<ShowcaseOutput> {
  const creator = await ownCreator(db, userId);
  const rows = await db.showcaseItem.findMany({
    where: { creatorId: creator.id },
    orderBy: [{ position: "asc" }, { addedAt: "asc" }],
    select: {
      position: true,
      pitch: true,
      product: {
        select: {
          id: true,
          slug: true,
          shopId: true,
          titleZh: true,
          titleEn: true,
          minPriceFen: true,
          status: true,
          shop: { select: { status: true } },
          media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 },
        },
      },
    },
  });
  const rates = await activeRates(db, rows.map((r) => ({ id: r.product.id, shopId: r.product.shopId })));
  return {
    handle: creator.handle,
    creatorId: creator.id,
    items: rows.map((r) => ({
      position: r.position,
      pitch: r.pitch,
      isVisible: r.product.status === "ACTIVE" && r.product.shop.status === "ACTIVE",
      rateBp: rates.get(r.product.id) ?? null,
      product: {
        id: r.product.id,
        slug: r.product.slug,
        titleZh: r.product.titleZh,
        titleEn: r.product.titleEn,
        imageUrl: r.product.media[0]?.url ?? null,
        minPriceFen: r.product.minPriceFen,
      },
    })),
  };
}

/** Adds a product open for affiliation (visible, with an active plan) at the end. Adding twice is a no-op. */
export async function addToShowcase(db: Db, userId: string, productId: string): Promise<ShowcaseOutput> {
  const creator = await ownCreator(db, userId);
  const product = await db.product.findFirst({ where: { id: productId, ...VISIBLE_PRODUCT }, select: { id: true, shopId: true } });
  if (!product) throw new AppError("NOT_FOUND", "productId does not refer to a product for sale", { field: "productId" });
  const rates = await activeRates(db, [product]);
  if (!rates.has(product.id)) throw new AppError("BAD_REQUEST", "productId: this product has no commission plan for creators", { field: "productId" });
  await db.$transaction(async (tx) => {
    const count = await tx.showcaseItem.count({ where: { creatorId: creator.id } });
    if (count >= MAX_SHOWCASE_ITEMS) {
      throw new AppError("BAD_REQUEST", `productId: your showcase is full (${MAX_SHOWCASE_ITEMS} products)`, { field: "productId" });
    }
    const last = await tx.showcaseItem.aggregate({ where: { creatorId: creator.id }, _max: { position: true } });
    await tx.showcaseItem.createMany({
      data: [{ creatorId: creator.id, productId: product.id, position: (last._max.position ?? -1) + 1 }],
      skipDuplicates: true,
    });
  });
  return getShowcase(db, userId);
}

export async function removeFromShowcase(db: Db, userId: string, productId: string): Promise<ShowcaseOutput> {
  const creator = await ownCreator(db, userId);
  const removed = await db.showcaseItem.deleteMany({ where: { creatorId: creator.id, productId } });
  if (removed.count === 0) throw notInShowcase();
  return getShowcase(db, userId);
}

export async function setPitch(db: Db, userId: string, productId: string, pitch: string): Promise<ShowcaseOutput> {
  const creator = await ownCreator(db, userId);
  const done = await db.showcaseItem.updateMany({ where: { creatorId: creator.id, productId }, data: { pitch } });
  if (done.count === 0) throw notInShowcase();
  return getShowcase(db, userId);
}

/** Swaps the product with its neighbour and renumbers the showcase 0…n−1 (one transaction). */
export async function moveInShowcase(db: Db, userId: string, productId: string, direction: "up" | "down"): Promise<ShowcaseOutput> {
  const creator = await ownCreator(db, userId);
  await db.$transaction(async (tx) => {
    const rows = await tx.showcaseItem.findMany({
      where: { creatorId: creator.id },
      orderBy: [{ position: "asc" }, { addedAt: "asc" }],
      select: { productId: true, position: true },
    });
    const i = rows.findIndex((r) => r.productId === productId);
    if (i === -1) throw notInShowcase();
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) return;
    [rows[i], rows[j]] = [rows[j], rows[i]];
    for (const [position, r] of rows.entries()) {
      if (r.position !== position) {
        await tx.showcaseItem.update({ where: { creatorId_productId: { creatorId: creator.id, productId: r.productId } }, data: { position } });
      }
    }
  });
  return getShowcase(db, userId);
}
