// Merchant-centre product editor: create and edit a shop's products with options, the SKU matrix,
// prices, stock and images; submit them to the automatic first check (review-check.ts).
//
// Rules (see docs/bulk-import.md, "Product lifecycle"):
//  - A new product is a DRAFT. Saving a DRAFT, REJECTED or DELISTED product keeps it off sale
//    (REJECTED becomes DRAFT again; the last reasons stay in statusReason until the next check).
//  - Submitting runs the automatic check in the same transaction: pass → ACTIVE (publishedAt set,
//    search-outbox row written, so the product becomes searchable once the sync worker drains);
//    fail → REJECTED with the reasons in statusReason.
//  - Saving an ACTIVE product re-runs the check on the new content: it stays ACTIVE if it passes,
//    otherwise it becomes REJECTED (and leaves search). Either way an outbox row is written.
//  - Stock of an existing SKU changes by increment (stock − loadedStock) with a conditional update,
//    so units sold while the merchant was editing are never overwritten and stock never goes below 0.
//  - SKUs that disappear from the matrix are deleted, or deactivated when orders refer to them.
import crypto from "node:crypto";
import { pinyin } from "pinyin-pro";
import type { DbClient } from "@/server/db/client";
import type { Prisma, ProductStatus } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { assertShopMember } from "@/server/shop/shop.service";
import { enqueueSearchSync } from "@/server/search/outbox";
import { parseUploadUrl } from "@/server/media/uploads";
import { ART_BASE_PATH } from "@/server/media/art";
import { formatReasons, reviewCheck, type ReviewReason } from "@/server/catalog/review-check";
import {
  fenToYuan,
  type CreateProductData,
  type EditorProduct,
  type UpdateProductData,
} from "@/server/catalog/product-editor.schema";

type Tx = Prisma.TransactionClient;
type ProductFieldsData = Omit<CreateProductData, "shopId">;

const bad = (field: string, message: string) => new AppError("BAD_REQUEST", `${field}: ${message}`, { field });

/** The product, loaded for a member of its shop; anyone else gets NOT_FOUND (drafts are private). */
async function loadOwned(db: DbClient, userId: string, productId: string) {
  const product = await db.product.findUnique({ where: { id: productId }, select: { id: true, shopId: true, status: true, slug: true, publishedAt: true } });
  if (!product) throw notFound("Product");
  const member = await db.shopMember.findUnique({ where: { shopId_userId: { shopId: product.shopId, userId } }, select: { role: true } });
  if (!member) throw notFound("Product");
  return product;
}

/** Leaf categories (with their parent's name) and regions, for the editor's pickers. */
export async function listEditorChoices(db: DbClient) {
  const [categories, regions] = await Promise.all([
    db.category.findMany({
      where: { children: { none: {} } },
      select: { id: true, nameZh: true, nameEn: true, parent: { select: { nameZh: true, nameEn: true } } },
      orderBy: [{ parentId: "asc" }, { position: "asc" }, { slug: "asc" }],
    }),
    db.region.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: { slug: "asc" } }),
  ]);
  return {
    categories: categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, parentZh: c.parent?.nameZh ?? null, parentEn: c.parent?.nameEn ?? null })),
    regions,
  };
}

/** Checks references (leaf category, region, images, SKU codes) before anything is written. */
async function checkReferences(tx: Tx, userId: string, data: ProductFieldsData, productId: string | null) {
  const category = await tx.category.findUnique({ where: { id: data.categoryId }, select: { _count: { select: { children: true } } } });
  if (!category) throw bad("categoryId", "no such category");
  if (category._count.children > 0) throw bad("categoryId", "choose a leaf category (one without sub-categories)");
  if (data.regionId) {
    const region = await tx.region.findUnique({ where: { id: data.regionId }, select: { id: true } });
    if (!region) throw bad("regionId", "no such region");
  }
  const existingUrls = productId
    ? new Set((await tx.productMedia.findMany({ where: { productId }, select: { url: true } })).map((m) => m.url))
    : new Set<string>();
  data.images.forEach((img, i) => {
    if (existingUrls.has(img.url) || img.url.startsWith(`${ART_BASE_PATH}/`)) return;
    const upload = parseUploadUrl(img.url);
    if (!upload || upload.ownerId !== userId) throw bad(`images.${i}.url`, "must be an image you uploaded");
  });
  const codes = data.variants.map((v) => v.sku).filter((s) => s.length > 0);
  if (codes.length > 0) {
    const taken = await tx.productVariant.findMany({
      where: { sku: { in: codes, mode: "insensitive" }, ...(productId ? { productId: { not: productId } } : {}) },
      select: { sku: true },
    });
    if (taken.length > 0) {
      const takenSet = new Set(taken.map((t) => t.sku.toUpperCase()));
      const i = data.variants.findIndex((v) => takenSet.has(v.sku.toUpperCase()));
      throw bad(`variants.${i}.sku`, `“${data.variants[i]?.sku}” is already used by another product`);
    }
  }
}

/** ascii slug from the title (pinyin for Chinese) plus a random tail: unique without a lookup loop. */
export function makeSlug(titleZh: string, titleEn: string): string {
  const source = titleEn.trim() || pinyin(titleZh, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ");
  const base = source
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  const tail = crypto.randomBytes(4).toString("hex");
  return base ? `${base}-${tail}` : `p-${tail}`;
}

function newSku(): string {
  return `SKU-${crypto.randomBytes(5).toString("hex").toUpperCase()}`;
}

function productText(data: ProductFieldsData) {
  return {
    titleZh: data.titleZh,
    // English falls back to the Chinese text: pages always have something to show.
    titleEn: data.titleEn || data.titleZh,
    subtitleZh: data.subtitleZh,
    subtitleEn: data.subtitleEn || data.subtitleZh,
    descriptionZh: data.descriptionZh,
    descriptionEn: data.descriptionEn || data.descriptionZh,
    categoryId: data.categoryId,
    regionId: data.regionId,
    tags: [...new Set(data.tags)],
  };
}

function priceRange(data: ProductFieldsData) {
  const prices = data.variants.filter((v) => v.isActive).map((v) => v.price);
  return { minPriceFen: Math.min(...prices), maxPriceFen: Math.max(...prices) };
}

/** Options, values and media are rewritten; variants are matched by id and linked to their values. */
async function writeChildren(tx: Tx, productId: string, data: ProductFieldsData, isNew: boolean) {
  if (!isNew) {
    await tx.productOption.deleteMany({ where: { productId } });
    await tx.productMedia.deleteMany({ where: { productId } });
  }
  const valueIds: string[][] = [];
  for (const [position, o] of data.options.entries()) {
    const option = await tx.productOption.create({
      data: {
        productId,
        position,
        nameZh: o.nameZh,
        nameEn: o.nameEn || o.nameZh,
        values: { create: o.values.map((v, j) => ({ position: j, valueZh: v.valueZh, valueEn: v.valueEn || v.valueZh })) },
      },
      select: { values: { select: { id: true }, orderBy: { position: "asc" } } },
    });
    valueIds.push(option.values.map((v) => v.id));
  }
  if (data.images.length > 0) {
    await tx.productMedia.createMany({
      data: data.images.map((img, position) => {
        const upload = parseUploadUrl(img.url);
        return {
          productId,
          url: img.url,
          altZh: img.altZh,
          altEn: img.altEn || img.altZh,
          position,
          ...(upload ? { width: upload.width, height: upload.height } : {}),
        };
      }),
    });
  }

  const existing = isNew
    ? []
    : await tx.productVariant.findMany({ where: { productId }, select: { id: true, _count: { select: { orderItems: true } } } });
  const kept = new Set(data.variants.map((v) => v.id).filter(Boolean));
  for (const [i, id] of data.variants.map((v) => v.id).entries()) {
    if (id && !existing.some((e) => e.id === id)) throw bad(`variants.${i}.id`, "no such SKU on this product");
  }
  // SKUs no longer in the matrix: gone, unless an order refers to them (then kept, off sale).
  const dropped = existing.filter((e) => !kept.has(e.id));
  const deletable = dropped.filter((e) => e._count.orderItems === 0).map((e) => e.id);
  const retired = dropped.filter((e) => e._count.orderItems > 0).map((e) => e.id);
  if (deletable.length > 0) await tx.productVariant.deleteMany({ where: { id: { in: deletable } } });
  if (retired.length > 0) await tx.productVariant.updateMany({ where: { id: { in: retired } }, data: { isActive: false } });

  for (const [i, v] of data.variants.entries()) {
    const optionValues = v.values.map((vi, oi) => ({ id: valueIds[oi]![vi]! }));
    const fields = {
      priceFen: v.price,
      compareAtPriceFen: v.compareAtPrice,
      memberPriceFen: v.memberPrice,
      purchaseLimit: v.purchaseLimit,
      position: i,
      isActive: v.isActive,
    };
    if (v.id) {
      const delta = v.stock - (v.loadedStock ?? v.stock);
      if (delta !== 0) {
        // Conditional increment: never overwrites concurrent sales, never goes below zero.
        const moved = await tx.productVariant.updateMany({ where: { id: v.id, productId, stock: { gte: -delta } }, data: { stock: { increment: delta } } });
        if (moved.count === 0) throw new AppError("CONFLICT", `variants.${i}.stock: stock changed while you were editing; reload and try again`, { field: `variants.${i}.stock` });
      }
      await tx.productVariant.update({
        where: { id: v.id },
        data: { ...fields, ...(v.sku ? { sku: v.sku } : {}), optionValues: { set: optionValues } },
      });
    } else {
      await tx.productVariant.create({
        data: { ...fields, productId, sku: v.sku || newSku(), stock: v.stock, optionValues: { connect: optionValues } },
      });
    }
  }
}

/** The check's input for a product as the editor sees it. */
function checkInput(data: ProductFieldsData) {
  const text = productText(data);
  return {
    ...text,
    options: data.options,
    imageCount: data.images.length,
    variants: data.variants.map((v) => ({ priceFen: v.price, compareAtPriceFen: v.compareAtPrice, memberPriceFen: v.memberPrice, stock: v.stock, isActive: v.isActive })),
  };
}

/**
 * Writes a new product of a shop (membership already checked). Used by the editor and bulk import.
 * With `submit`, the automatic check runs at once (pass → ACTIVE, fail → REJECTED).
 */
export async function insertProduct(
  tx: Tx,
  userId: string,
  shopId: string,
  data: ProductFieldsData,
  options: { submit?: boolean; referencesChecked?: boolean } = {},
) {
  if (!options.referencesChecked) await checkReferences(tx, userId, data, null);
  const check = options.submit ? reviewCheck(checkInput(data)) : null;
  const status: ProductStatus = check ? (check.passed ? "ACTIVE" : "REJECTED") : "DRAFT";
  const product = await tx.product.create({
    data: {
      ...productText(data),
      ...priceRange(data),
      shopId,
      slug: makeSlug(data.titleZh, data.titleEn),
      status,
      statusReason: check && !check.passed ? formatReasons(check.reasons) : null,
      publishedAt: status === "ACTIVE" ? new Date() : null,
    },
    select: { id: true, slug: true, status: true, statusReason: true },
  });
  await writeChildren(tx, product.id, data, true);
  if (status === "ACTIVE") await enqueueSearchSync(tx, "product", [product.id]);
  return { ...product, reasons: check?.reasons ?? [] };
}

export async function createEditorProduct(tx: Tx, userId: string, input: CreateProductData) {
  const { shopId, ...data } = input;
  await assertShopMember(tx, userId, shopId);
  return insertProduct(tx, userId, shopId, data);
}

export async function updateEditorProduct(tx: Tx, userId: string, input: UpdateProductData) {
  const { productId, ...data } = input;
  const product = await loadOwned(tx, userId, productId);
  await checkReferences(tx, userId, data, productId);
  let status: ProductStatus = product.status === "REJECTED" || product.status === "IN_REVIEW" ? "DRAFT" : product.status;
  let reasons: ReviewReason[] = [];
  let statusReason: string | null | undefined = undefined;
  if (product.status === "ACTIVE") {
    const check = reviewCheck(checkInput(data));
    reasons = check.reasons;
    status = check.passed ? "ACTIVE" : "REJECTED";
    statusReason = check.passed ? null : formatReasons(check.reasons);
  }
  await writeChildren(tx, productId, data, false);
  const updated = await tx.product.update({
    where: { id: productId },
    data: { ...productText(data), ...priceRange(data), status, statusReason },
    select: { id: true, slug: true, status: true, statusReason: true },
  });
  // Same transaction: the index learns of the change (new text, prices, or leaving search) on commit.
  await enqueueSearchSync(tx, "product", [productId]);
  return { ...updated, reasons };
}

const FULL_INCLUDE = {
  media: { orderBy: { position: "asc" } },
  options: { orderBy: { position: "asc" }, include: { values: { orderBy: { position: "asc" } } } },
  variants: { orderBy: [{ position: "asc" }, { sku: "asc" }], include: { optionValues: { select: { id: true } } } },
} satisfies Prisma.ProductInclude;

type FullProduct = Prisma.ProductGetPayload<{ include: typeof FULL_INCLUDE }>;

/** Index of each variant's value in each option (-1 when a retired SKU lost its value). */
function variantValueIndexes(p: FullProduct, v: FullProduct["variants"][number]): number[] {
  const ids = new Set(v.optionValues.map((o) => o.id));
  return p.options.map((o) => o.values.findIndex((val) => ids.has(val.id)));
}

export async function getEditorProduct(db: DbClient, userId: string, productId: string): Promise<EditorProduct> {
  await loadOwned(db, userId, productId);
  const p = await db.product.findUniqueOrThrow({ where: { id: productId }, include: FULL_INCLUDE });
  return {
    id: p.id,
    shopId: p.shopId,
    slug: p.slug,
    status: p.status,
    statusReason: p.statusReason,
    updatedAt: p.updatedAt,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    subtitleZh: p.subtitleZh,
    subtitleEn: p.subtitleEn,
    descriptionZh: p.descriptionZh,
    descriptionEn: p.descriptionEn,
    categoryId: p.categoryId,
    regionId: p.regionId,
    tags: p.tags,
    images: p.media.map((m) => ({ url: m.url, altZh: m.altZh, altEn: m.altEn })),
    options: p.options.map((o) => ({ nameZh: o.nameZh, nameEn: o.nameEn, values: o.values.map((v) => ({ valueZh: v.valueZh, valueEn: v.valueEn })) })),
    // Retired SKUs (off the matrix, kept for old orders) are not edited.
    variants: p.variants
      .map((v) => ({ v, values: variantValueIndexes(p, v) }))
      .filter(({ values }) => values.every((i) => i >= 0))
      .map(({ v, values }) => ({
        id: v.id,
        values,
        price: fenToYuan(v.priceFen),
        compareAtPrice: v.compareAtPriceFen === null ? "" : fenToYuan(v.compareAtPriceFen),
        memberPrice: v.memberPriceFen === null ? "" : fenToYuan(v.memberPriceFen),
        stock: v.stock,
        purchaseLimit: v.purchaseLimit,
        sku: v.sku,
        isActive: v.isActive,
      })),
  };
}

/** Runs the automatic first check on the stored product: ACTIVE (searchable after the drain) or REJECTED. */
export async function submitProduct(tx: Tx, userId: string, productId: string) {
  const owned = await loadOwned(tx, userId, productId);
  if (owned.status === "ACTIVE") throw new AppError("CONFLICT", "This product is already on sale");
  const p = await tx.product.findUniqueOrThrow({ where: { id: productId }, include: FULL_INCLUDE });
  const check = reviewCheck({
    ...p,
    options: p.options.map((o) => ({ nameZh: o.nameZh, nameEn: o.nameEn, values: o.values })),
    imageCount: p.media.length,
    variants: p.variants.map((v) => ({ priceFen: v.priceFen, compareAtPriceFen: v.compareAtPriceFen, memberPriceFen: v.memberPriceFen, stock: v.stock, isActive: v.isActive })),
  });
  const updated = await tx.product.update({
    where: { id: productId },
    data: check.passed
      ? { status: "ACTIVE", statusReason: null, publishedAt: p.publishedAt ?? new Date() }
      : { status: "REJECTED", statusReason: formatReasons(check.reasons) },
    select: { id: true, slug: true, status: true, statusReason: true },
  });
  await enqueueSearchSync(tx, "product", [productId]);
  return { ...updated, passed: check.passed, reasons: check.reasons };
}

async function memberShopIds(db: DbClient, userId: string): Promise<string[]> {
  const rows = await db.shopMember.findMany({ where: { userId }, select: { shopId: true } });
  return rows.map((r) => r.shopId);
}

/** The seller's products (all their shops, or one they are a member of), newest edit first. */
export async function listMerchantProducts(db: DbClient, userId: string, input: { shopId?: string; status?: ProductStatus; q?: string }) {
  const shopIds = await memberShopIds(db, userId);
  if (input.shopId && !shopIds.includes(input.shopId)) throw new AppError("FORBIDDEN", "You are not a member of this shop");
  const where: Prisma.ProductWhereInput = { shopId: { in: input.shopId ? [input.shopId] : shopIds } };
  if (input.status) where.status = input.status;
  if (input.q) where.OR = [{ titleZh: { contains: input.q, mode: "insensitive" } }, { titleEn: { contains: input.q, mode: "insensitive" } }];
  const rows = await db.product.findMany({
    where,
    include: { media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 }, variants: { select: { stock: true, isActive: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((p) => ({
    id: p.id,
    shopId: p.shopId,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    status: p.status,
    statusReason: p.statusReason,
    imageUrl: p.media[0]?.url ?? null,
    minPriceFen: p.minPriceFen,
    maxPriceFen: p.maxPriceFen,
    totalStock: p.variants.filter((v) => v.isActive).reduce((sum, v) => sum + v.stock, 0),
    skuCount: p.variants.filter((v) => v.isActive).length,
    salesCount: p.salesCount,
    updatedAt: p.updatedAt,
  }));
}

/** The merchant centre home: each shop with real counts. */
export async function getMerchantHome(db: DbClient, userId: string) {
  const shopIds = await memberShopIds(db, userId);
  const [shops, byStatus, toShip, afterSales] = await Promise.all([
    db.shop.findMany({ where: { id: { in: shopIds } }, select: { id: true, slug: true, nameZh: true, nameEn: true, status: true }, orderBy: { createdAt: "asc" } }),
    db.product.groupBy({ by: ["shopId", "status"], where: { shopId: { in: shopIds } }, _count: { _all: true } }),
    db.order.groupBy({ by: ["shopId"], where: { shopId: { in: shopIds }, status: "PAID" }, _count: { _all: true } }),
    db.afterSale.findMany({
      where: { order: { shopId: { in: shopIds } }, status: { in: ["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "ESCALATED"] } },
      select: { order: { select: { shopId: true } } },
    }),
  ]);
  return {
    shops: shops.map((s) => ({
      ...s,
      productsByStatus: Object.fromEntries(byStatus.filter((r) => r.shopId === s.id).map((r) => [r.status, r._count._all])),
      ordersToShip: toShip.find((r) => r.shopId === s.id)?._count._all ?? 0,
      openAfterSales: afterSales.filter((a) => a.order.shopId === s.id).length,
    })),
  };
}
