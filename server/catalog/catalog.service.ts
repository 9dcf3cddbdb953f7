import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { assertShopMember } from "@/server/shop/shop.service";
import { enqueueSearchSync } from "@/server/search/outbox";
import {
  listProductsInput,
  type CategoryDetail,
  type CategoryTree,
  type ListProductsInput,
  type ProductCard,
  type ProductDetail,
  type ProductPage,
  type ProductSort,
  type UpdateProductInput,
  type ModerateProductInput,
} from "@/server/catalog/catalog.schema";

/** A product is public only when it is approved and active and its shop is active. */
export const VISIBLE_PRODUCT = { status: "ACTIVE", shop: { status: "ACTIVE" } } satisfies Prisma.ProductWhereInput;

const CATEGORY_FIELDS = { id: true, slug: true, nameZh: true, nameEn: true, artKey: true, parentId: true } as const;

export const CARD_INCLUDE = {
  shop: { select: { id: true, slug: true, nameZh: true, nameEn: true, logoUrl: true } },
  region: { select: { nameZh: true, nameEn: true } },
  media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 },
  variants: { select: { stock: true }, where: { isActive: true } },
  // The category tree is at most three levels deep; ranking uses the path.
  category: { select: { slug: true, parent: { select: { slug: true, parent: { select: { slug: true } } } } } },
} satisfies Prisma.ProductInclude;

type CardRow = Prisma.ProductGetPayload<{ include: typeof CARD_INCLUDE }>;

export function toCard(p: CardRow): ProductCard {
  return {
    id: p.id,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    imageUrl: p.media[0]?.url ?? null,
    minPriceFen: p.minPriceFen,
    maxPriceFen: p.maxPriceFen,
    salesCount: p.salesCount,
    ratingX100: p.ratingX100,
    ratingCount: p.ratingCount,
    isSoldOut: !p.variants.some((v) => v.stock > 0),
    shop: p.shop,
    region: p.region,
  };
}

/** A card plus what ranking needs: the category path (root first) and tags. */
export interface RankableCard {
  card: ProductCard;
  categorySlugs: string[];
  shopSlug: string;
  tags: string[];
}

interface CardSqlRow {
  id: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  imageUrl: string | null;
  minPriceFen: number;
  maxPriceFen: number;
  salesCount: number;
  ratingX100: number;
  ratingCount: number;
  inStock: boolean;
  tags: string[];
  shopId: string;
  shopSlug: string;
  shopNameZh: string;
  shopNameEn: string;
  shopLogoUrl: string;
  regionNameZh: string | null;
  regionNameEn: string | null;
  cat1: string;
  cat2: string | null;
  cat3: string | null;
}

/**
 * Visible products by id (order not kept): a stale search-index entry never reaches a page.
 * One statement (search result pages call this on every query; Prisma's includes would take seven
 * round trips): joins for shop, region and the category path, a lateral lookup of the first image,
 * and an EXISTS for stock.
 */
export async function loadProductCards(db: DbClient, ids: readonly string[]): Promise<Map<string, RankableCard>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<CardSqlRow[]>`
    SELECT p."id", p."slug", p."titleZh", p."titleEn", m."url" AS "imageUrl",
           p."minPriceFen", p."maxPriceFen", p."salesCount", p."ratingX100", p."ratingCount", p."tags",
           EXISTS (SELECT 1 FROM "ProductVariant" v WHERE v."productId" = p."id" AND v."isActive" AND v."stock" > 0) AS "inStock",
           s."id" AS "shopId", s."slug" AS "shopSlug", s."nameZh" AS "shopNameZh", s."nameEn" AS "shopNameEn", s."logoUrl" AS "shopLogoUrl",
           r."nameZh" AS "regionNameZh", r."nameEn" AS "regionNameEn",
           c1."slug" AS "cat1", c2."slug" AS "cat2", c3."slug" AS "cat3"
    FROM "Product" p
    JOIN "Shop" s ON s."id" = p."shopId" AND s."status" = 'ACTIVE'
    LEFT JOIN "Region" r ON r."id" = p."regionId"
    JOIN "Category" c1 ON c1."id" = p."categoryId"
    LEFT JOIN "Category" c2 ON c2."id" = c1."parentId"
    LEFT JOIN "Category" c3 ON c3."id" = c2."parentId"
    LEFT JOIN LATERAL (
      SELECT pm."url" FROM "ProductMedia" pm WHERE pm."productId" = p."id" ORDER BY pm."position" ASC LIMIT 1
    ) m ON TRUE
    WHERE p."id" = ANY(${[...ids]}::text[]) AND p."status" = 'ACTIVE'`;
  return new Map(
    rows.map((p) => {
      const card: ProductCard = {
        id: p.id,
        slug: p.slug,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        imageUrl: p.imageUrl,
        minPriceFen: p.minPriceFen,
        maxPriceFen: p.maxPriceFen,
        salesCount: p.salesCount,
        ratingX100: p.ratingX100,
        ratingCount: p.ratingCount,
        isSoldOut: !p.inStock,
        shop: { id: p.shopId, slug: p.shopSlug, nameZh: p.shopNameZh, nameEn: p.shopNameEn, logoUrl: p.shopLogoUrl },
        region: p.regionNameZh !== null && p.regionNameEn !== null ? { nameZh: p.regionNameZh, nameEn: p.regionNameEn } : null,
      };
      // Root first: the product's own category is the deepest.
      const categorySlugs = [p.cat3, p.cat2, p.cat1].filter((slug): slug is string => slug !== null);
      return [p.id, { card, categorySlugs, shopSlug: p.shopSlug, tags: p.tags }];
    }),
  );
}

const SORTS: Record<ProductSort, Prisma.ProductOrderByWithRelationInput[]> = {
  popular: [{ salesCount: "desc" }, { id: "asc" }],
  newest: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  price_asc: [{ minPriceFen: "asc" }, { id: "asc" }],
  price_desc: [{ minPriceFen: "desc" }, { id: "asc" }],
  rating: [{ ratingX100: "desc" }, { ratingCount: "desc" }, { id: "asc" }],
};

export async function listCategoryTree(db: DbClient): Promise<CategoryTree> {
  const all = await db.category.findMany({ select: CATEGORY_FIELDS, orderBy: [{ position: "asc" }, { slug: "asc" }] });
  return all
    .filter((c) => c.parentId === null)
    .map((root) => ({ ...root, children: all.filter((c) => c.parentId === root.id) }));
}

/** The category with its ancestors (for breadcrumbs) and children; product count spans descendants. */
export async function getCategory(db: DbClient, slug: string): Promise<CategoryDetail> {
  const category = await db.category.findUnique({ where: { slug }, select: CATEGORY_FIELDS });
  if (!category) throw notFound("Category");
  const [path, children] = await Promise.all([
    categoryPath(db, category.parentId),
    db.category.findMany({ where: { parentId: category.id }, select: CATEGORY_FIELDS, orderBy: [{ position: "asc" }, { slug: "asc" }] }),
  ]);
  const productCount = await db.product.count({
    where: { ...VISIBLE_PRODUCT, categoryId: { in: [category.id, ...children.map((c) => c.id)] } },
  });
  return { ...category, path, children, productCount };
}

async function categoryPath(db: DbClient, parentId: string | null) {
  const path = [];
  let next = parentId;
  // The tree is shallow (two or three levels); walk up to the root.
  for (let depth = 0; next && depth < 8; depth++) {
    const parent = await db.category.findUnique({ where: { id: next }, select: CATEGORY_FIELDS });
    if (!parent) break;
    path.unshift(parent);
    next = parent.parentId;
  }
  return path;
}

export async function listProducts(db: DbClient, raw: ListProductsInput): Promise<ProductPage> {
  const input = listProductsInput.parse(raw);
  const page = input.cursor ?? input.page;
  const where: Prisma.ProductWhereInput = { ...VISIBLE_PRODUCT };
  if (input.categorySlug) {
    const category = await db.category.findUnique({
      where: { slug: input.categorySlug },
      select: { id: true, children: { select: { id: true } } },
    });
    if (!category) throw notFound("Category");
    where.categoryId = { in: [category.id, ...category.children.map((c) => c.id)] };
  }
  if (input.shopSlug) where.shop = { ...VISIBLE_PRODUCT.shop, slug: input.shopSlug };
  if (input.minPriceFen !== undefined || input.maxPriceFen !== undefined) {
    where.minPriceFen = { gte: input.minPriceFen, lte: input.maxPriceFen };
  }
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      include: CARD_INCLUDE,
      orderBy: SORTS[input.sort],
      skip: (page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { items: rows.map(toCard), total, page, pageCount: Math.max(1, Math.ceil(total / input.pageSize)) };
}

export async function getProduct(db: DbClient, slug: string): Promise<ProductDetail> {
  const p = await db.product.findFirst({
    where: { slug, ...VISIBLE_PRODUCT },
    include: {
      media: { orderBy: { position: "asc" } },
      options: { orderBy: { position: "asc" }, include: { values: { orderBy: { position: "asc" } } } },
      variants: {
        where: { isActive: true },
        orderBy: [{ position: "asc" }, { sku: "asc" }],
        include: { optionValues: { select: { id: true } } },
      },
      category: { select: CATEGORY_FIELDS },
      region: { select: { slug: true, nameZh: true, nameEn: true, provinceZh: true, provinceEn: true } },
      shop: { include: { _count: { select: { products: { where: { status: "ACTIVE" } } } } } },
    },
  });
  if (!p) throw notFound("Product");
  const path = await categoryPath(db, p.category.parentId);
  return {
    id: p.id,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    subtitleZh: p.subtitleZh,
    subtitleEn: p.subtitleEn,
    descriptionZh: p.descriptionZh,
    descriptionEn: p.descriptionEn,
    tags: p.tags,
    minPriceFen: p.minPriceFen,
    maxPriceFen: p.maxPriceFen,
    salesCount: p.salesCount,
    ratingX100: p.ratingX100,
    ratingCount: p.ratingCount,
    updatedAt: p.updatedAt,
    media: p.media.map((m) => ({ id: m.id, url: m.url, altZh: m.altZh, altEn: m.altEn, width: m.width, height: m.height })),
    options: p.options.map((o) => ({
      id: o.id,
      nameZh: o.nameZh,
      nameEn: o.nameEn,
      values: o.values.map((v) => ({ id: v.id, valueZh: v.valueZh, valueEn: v.valueEn })),
    })),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      priceFen: v.priceFen,
      compareAtPriceFen: v.compareAtPriceFen,
      stock: v.stock,
      purchaseLimit: v.purchaseLimit,
      optionValueIds: v.optionValues.map((o) => o.id),
    })),
    categoryPath: [...path, p.category],
    region: p.region,
    shop: {
      id: p.shop.id,
      slug: p.shop.slug,
      nameZh: p.shop.nameZh,
      nameEn: p.shop.nameEn,
      logoUrl: p.shop.logoUrl,
      kind: p.shop.kind,
      taglineZh: p.shop.taglineZh,
      taglineEn: p.shop.taglineEn,
      scoreX100: p.shop.scoreX100,
      followerCount: p.shop.followerCount,
      productCount: p.shop._count.products,
      themeColor: p.shop.themeColor,
    },
  };
}

/** Other visible products from the same category, best sellers first. */
export async function listRelatedProducts(db: DbClient, productId: string, limit = 8): Promise<ProductCard[]> {
  const product = await db.product.findUnique({ where: { id: productId }, select: { categoryId: true } });
  if (!product) return [];
  const rows = await db.product.findMany({
    where: { ...VISIBLE_PRODUCT, categoryId: product.categoryId, id: { not: productId } },
    include: CARD_INCLUDE,
    orderBy: SORTS.popular,
    take: limit,
  });
  return rows.map(toCard);
}

export async function listSellerProducts(db: DbClient, userId: string, shopId: string) {
  await assertShopMember(db, userId, shopId);
  const rows = await db.product.findMany({
    where: { shopId },
    include: { media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 }, variants: { select: { stock: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    status: p.status,
    imageUrl: p.media[0]?.url ?? null,
    minPriceFen: p.minPriceFen,
    maxPriceFen: p.maxPriceFen,
    totalStock: p.variants.reduce((sum, v) => sum + v.stock, 0),
    updatedAt: p.updatedAt,
  }));
}

/**
 * A shop member edits a product: text fields and per-variant price and stock. Runs in one
 * transaction; the listing price range is recomputed from the variants.
 */
export async function updateProduct(db: Prisma.TransactionClient, userId: string, input: UpdateProductInput) {
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, shopId: true, variants: { select: { id: true, priceFen: true, compareAtPriceFen: true } } },
  });
  if (!product) throw notFound("Product");
  await assertShopMember(db, userId, product.shopId);

  const current = new Map(product.variants.map((v) => [v.id, v]));
  for (const [i, v] of (input.variants ?? []).entries()) {
    const existing = current.get(v.id);
    if (!existing) throw new AppError("BAD_REQUEST", `variants[${i}].id: no such variant on this product`, { field: `variants.${i}.id` });
    const price = v.priceFen ?? existing.priceFen;
    const compareAt = v.compareAtPriceFen === undefined ? existing.compareAtPriceFen : v.compareAtPriceFen;
    if (compareAt !== null && compareAt <= price) {
      throw new AppError("BAD_REQUEST", `variants[${i}].compareAtPriceFen: must be above the price`, {
        field: `variants.${i}.compareAtPriceFen`,
      });
    }
  }

  const { productId, variants, ...text } = input;
  for (const v of variants ?? []) {
    await db.productVariant.update({
      where: { id: v.id },
      data: { priceFen: v.priceFen, compareAtPriceFen: v.compareAtPriceFen, stock: v.stock },
    });
  }
  const range = await db.productVariant.aggregate({
    where: { productId, isActive: true },
    _min: { priceFen: true },
    _max: { priceFen: true },
  });
  const updated = await db.product.update({
    where: { id: productId },
    data: { ...text, minPriceFen: range._min.priceFen ?? 0, maxPriceFen: range._max.priceFen ?? 0 },
    select: { id: true, slug: true, minPriceFen: true, maxPriceFen: true, updatedAt: true },
  });
  // Same transaction: the search index learns of the change exactly when it commits.
  await enqueueSearchSync(db, "product", [productId]);
  return updated;
}

export async function countVisibleProducts(db: DbClient) {
  return db.product.count({ where: VISIBLE_PRODUCT });
}

export async function listProductSlugs(db: DbClient, offset: number, limit: number) {
  return db.product.findMany({
    where: VISIBLE_PRODUCT,
    select: { slug: true, updatedAt: true },
    orderBy: { id: "asc" },
    skip: offset,
    take: limit,
  });
}

export async function listCategorySlugs(db: DbClient) {
  return db.category.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
}

/** Basic text match over visible products: titles, subtitles and tags, in both languages. */
export async function searchProducts(db: DbClient, q: string, page = 1, pageSize = 24): Promise<ProductPage> {
  const term = q.trim().slice(0, 100);
  if (!term) return { items: [], total: 0, page: 1, pageCount: 1 };
  const words = term.split(/\s+/).filter(Boolean).slice(0, 6);
  const where: Prisma.ProductWhereInput = {
    ...VISIBLE_PRODUCT,
    AND: words.map((w) => ({
      OR: [
        { titleZh: { contains: w, mode: "insensitive" } },
        { titleEn: { contains: w, mode: "insensitive" } },
        { subtitleZh: { contains: w, mode: "insensitive" } },
        { subtitleEn: { contains: w, mode: "insensitive" } },
        { tags: { has: w } },
      ],
    })),
  };
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, include: CARD_INCLUDE, orderBy: SORTS.popular, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { items: rows.map(toCard), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

// ───────────── listing status (seller delist, platform moderation) ─────────────
// Every status change writes a search-outbox row in the same transaction: a delisted or rejected
// product leaves search results as soon as the sync worker drains it (about a second).

const STATUS_RESULT = { id: true, status: true, statusReason: true } as const;

export async function delistProduct(tx: Prisma.TransactionClient, userId: string, productId: string) {
  const product = await tx.product.findUnique({ where: { id: productId }, select: { shopId: true, status: true } });
  if (!product) throw notFound("Product");
  await assertShopMember(tx, userId, product.shopId);
  if (product.status !== "ACTIVE") throw new AppError("CONFLICT", `Only a product on sale can be delisted; this one is ${product.status.toLowerCase().replace(/_/g, " ")}`);
  const updated = await tx.product.update({
    where: { id: productId },
    data: { status: "DELISTED", statusReason: "Delisted by the seller" },
    select: STATUS_RESULT,
  });
  await enqueueSearchSync(tx, "product", [productId]);
  return updated;
}

export async function moderateProduct(tx: Prisma.TransactionClient, input: ModerateProductInput) {
  const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, publishedAt: true } });
  if (!product) throw notFound("Product");
  const approved = input.status === "ACTIVE";
  const updated = await tx.product.update({
    where: { id: input.productId },
    data: {
      status: input.status,
      statusReason: approved ? null : input.reason,
      publishedAt: approved ? (product.publishedAt ?? new Date()) : undefined,
    },
    select: STATUS_RESULT,
  });
  await enqueueSearchSync(tx, "product", [input.productId]);
  return updated;
}
