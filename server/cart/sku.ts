// One way to read SKUs with everything the cart and checkout show and price: product titles, the
// variant label in both languages, first image, the shop's shipping rule, and whether it is for sale.
// (A few small single-table queries: a one-statement join over the seven tables involved costs the
// database more to plan than these cost to run.)
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { effectivePrices, type PriceKind } from "@/server/marketing/price";

export interface SkuShop {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  shippingFeeFen: number;
  freeShippingThresholdFen: number;
}

export interface Sku {
  id: string;
  sku: string;
  productId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  /** Option values in option order, e.g. "黑色 / 大号" and "Black / L"; "" for a product without options. */
  variantLabelZh: string;
  variantLabelEn: string;
  imageUrl: string | null;
  /** What this shopper pays per unit now (server/marketing/price.ts): regular, member or campaign price. */
  priceFen: number;
  /** The SKU's regular price; above priceFen when a member or campaign price applies. */
  regularPriceFen: number;
  priceKind: PriceKind;
  /** The running campaign whose price applies, if any. */
  campaignId: string | null;
  stock: number;
  purchaseLimit: number | null;
  /** The SKU is active, its product approved and active, and its shop active. */
  isForSale: boolean;
  shopId: string;
  shop: SkuShop;
}

const SKU_INCLUDE = {
  optionValues: { select: { valueZh: true, valueEn: true, option: { select: { position: true } } } },
  product: {
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      status: true,
      media: { select: { url: true }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1 },
      shop: { select: { id: true, slug: true, nameZh: true, nameEn: true, status: true, shippingFeeFen: true, freeShippingThresholdFen: true } },
    },
  },
} satisfies Prisma.ProductVariantInclude;

type SkuRow = Prisma.ProductVariantGetPayload<{ include: typeof SKU_INCLUDE }>;

/** "黑色 / 大号": option values in option order. */
function label(values: SkuRow["optionValues"], pick: (v: SkuRow["optionValues"][number]) => string): string {
  return [...values]
    .sort((a, b) => a.option.position - b.option.position)
    .map(pick)
    .join(" / ");
}

function toSku(v: SkuRow, price: { priceFen: number; regularPriceFen: number; kind: PriceKind; campaignId: string | null }): Sku {
  const { shop, ...product } = v.product;
  return {
    id: v.id,
    sku: v.sku,
    productId: product.id,
    productSlug: product.slug,
    titleZh: product.titleZh,
    titleEn: product.titleEn,
    variantLabelZh: label(v.optionValues, (o) => o.valueZh),
    variantLabelEn: label(v.optionValues, (o) => o.valueEn || o.valueZh),
    imageUrl: product.media[0]?.url ?? null,
    priceFen: price.priceFen,
    regularPriceFen: price.regularPriceFen,
    priceKind: price.kind,
    campaignId: price.campaignId,
    stock: v.stock,
    purchaseLimit: v.purchaseLimit,
    isForSale: v.isActive && product.status === "ACTIVE" && shop.status === "ACTIVE",
    shopId: shop.id,
    shop: {
      id: shop.id,
      slug: shop.slug,
      nameZh: shop.nameZh,
      nameEn: shop.nameEn,
      shippingFeeFen: shop.shippingFeeFen,
      freeShippingThresholdFen: shop.freeShippingThresholdFen,
    },
  };
}

/**
 * SKUs by id, priced for this shopper (null: signed out) at this moment; ids that name no SKU are
 * simply absent from the map.
 */
export async function loadSkus(db: DbClient, ids: readonly string[], userId: string | null = null, at: Date = new Date()): Promise<Map<string, Sku>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.productVariant.findMany({ where: { id: { in: unique } }, include: SKU_INCLUDE });
  const prices = await effectivePrices(
    db,
    rows.map((r) => ({ id: r.id, priceFen: r.priceFen, memberPriceFen: r.memberPriceFen, shopId: r.product.shop.id })),
    userId,
    at,
  );
  return new Map(rows.map((r) => [r.id, toSku(r, prices.get(r.id)!)]));
}

/** One SKU priced for this shopper, or null. */
export async function loadSku(db: DbClient, id: string, userId: string | null = null): Promise<Sku | null> {
  return (await loadSkus(db, [id], userId)).get(id) ?? null;
}
