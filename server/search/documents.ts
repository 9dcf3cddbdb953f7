// Search documents built from the database: what the engines index. Only visible products become
// documents (VISIBLE_PRODUCT: approved and active, in an active shop); any product id asked for that
// does not come back must be removed from the index — that is how delisting, rejection and shop
// suspension reach search. Reads are batched by id (chunks of 1,000) with relations loaded per chunk,
// never one query per product.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import type { CreatorDoc, ProductDoc, SearchDoc, ShopDoc } from "@/server/search/search.schema";

export const DOC_CHUNK_SIZE = 1_000;

export type ProductSearchDoc = Extract<SearchDoc, { type: "product" }>;
export type ShopSearchDoc = Extract<SearchDoc, { type: "shop" }>;
export type CreatorSearchDoc = Extract<SearchDoc, { type: "creator" }>;

export function chunk<T>(items: readonly T[], size = DOC_CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ───────────── products ─────────────

const PRODUCT_DOC_SELECT = {
  id: true,
  slug: true,
  titleZh: true,
  titleEn: true,
  subtitleZh: true,
  subtitleEn: true,
  tags: true,
  categoryId: true,
  minPriceFen: true,
  maxPriceFen: true,
  salesCount: true,
  ratingX100: true,
  ratingCount: true,
  publishedAt: true,
  shop: { select: { slug: true, nameZh: true, nameEn: true } },
  region: { select: { slug: true, nameZh: true, nameEn: true } },
  media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 },
  variants: { select: { priceFen: true, stock: true }, where: { isActive: true } },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof PRODUCT_DOC_SELECT }>;

interface CategoryNode {
  slug: string;
  nameZh: string;
  nameEn: string;
  parentId: string | null;
}

/** Category id → its path (root first). The category table is small; it is read once per load. */
async function categoryPaths(db: DbClient): Promise<(categoryId: string) => CategoryNode[]> {
  const rows = await db.category.findMany({ select: { id: true, slug: true, nameZh: true, nameEn: true, parentId: true } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  const memo = new Map<string, CategoryNode[]>();
  return (categoryId) => {
    const cached = memo.get(categoryId);
    if (cached) return cached;
    const path: CategoryNode[] = [];
    const seen = new Set<string>();
    // Walk up to the root; `seen` guards against a cycle in bad data.
    for (let node = byId.get(categoryId); node && !seen.has(node.id); node = node.parentId ? byId.get(node.parentId) : undefined) {
      seen.add(node.id);
      path.unshift(node);
    }
    memo.set(categoryId, path);
    return path;
  };
}

function toProductDoc(p: ProductRow, pathOf: (categoryId: string) => CategoryNode[]): ProductSearchDoc {
  const path = pathOf(p.categoryId);
  const prices = p.variants.map((v) => v.priceFen);
  const doc: ProductDoc = {
    id: p.id,
    slug: p.slug,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    subtitleZh: p.subtitleZh,
    subtitleEn: p.subtitleEn,
    tags: p.tags,
    categorySlugs: path.map((c) => c.slug),
    categoryNamesZh: path.map((c) => c.nameZh),
    categoryNamesEn: path.map((c) => c.nameEn),
    shopSlug: p.shop.slug,
    shopNameZh: p.shop.nameZh,
    shopNameEn: p.shop.nameEn,
    regionSlug: p.region?.slug ?? null,
    regionNameZh: p.region?.nameZh ?? null,
    regionNameEn: p.region?.nameEn ?? null,
    // The price range over active SKUs; a product without any falls back to its stored range.
    minPriceFen: prices.length ? Math.min(...prices) : p.minPriceFen,
    maxPriceFen: prices.length ? Math.max(...prices) : p.maxPriceFen,
    salesCount: p.salesCount,
    ratingX100: p.ratingX100,
    ratingCount: p.ratingCount,
    inStock: p.variants.some((v) => v.stock > 0),
    publishedAt: p.publishedAt?.getTime() ?? 0,
    imageUrl: p.media[0]?.url ?? null,
  };
  return { type: "product", ...doc };
}

/**
 * Documents for the visible products among `ids` (every visible product when `ids` is omitted).
 * Ids that are not returned are not visible (or do not exist) and must be removed from the index.
 */
export async function loadProductDocs(db: DbClient, ids?: readonly string[]): Promise<ProductSearchDoc[]> {
  if (!ids) return collect(productDocBatches(db));
  const pathOf = await categoryPaths(db);
  const docs: ProductSearchDoc[] = [];
  for (const part of chunk([...new Set(ids)])) {
    const rows = await db.product.findMany({ where: { ...VISIBLE_PRODUCT, id: { in: part } }, select: PRODUCT_DOC_SELECT });
    for (const row of rows) docs.push(toProductDoc(row, pathOf));
  }
  return docs;
}

/** Ids of every product of these shops, whatever their status: a shop change can show or hide them all. */
export async function productIdsOfShops(db: DbClient, shopIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunk([...new Set(shopIds)])) {
    const rows = await db.product.findMany({ where: { shopId: { in: part } }, select: { id: true } });
    for (const r of rows) out.push(r.id);
  }
  return out;
}

// ───────────── shops ─────────────

const VISIBLE_SHOP = { status: "ACTIVE" } satisfies Prisma.ShopWhereInput;

const SHOP_DOC_SELECT = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  taglineZh: true,
  taglineEn: true,
  kind: true,
  logoUrl: true,
  scoreX100: true,
  followerCount: true,
  region: { select: { nameZh: true, nameEn: true } },
  // A shop is only listed while ACTIVE, so its ACTIVE products are exactly its visible ones.
  _count: { select: { products: { where: { status: "ACTIVE" } } } },
} satisfies Prisma.ShopSelect;

type ShopRow = Prisma.ShopGetPayload<{ select: typeof SHOP_DOC_SELECT }>;

function toShopDoc(s: ShopRow): ShopSearchDoc {
  const doc: ShopDoc = {
    id: s.id,
    slug: s.slug,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    taglineZh: s.taglineZh,
    taglineEn: s.taglineEn,
    kind: s.kind,
    regionNameZh: s.region?.nameZh ?? null,
    regionNameEn: s.region?.nameEn ?? null,
    logoUrl: s.logoUrl,
    scoreX100: s.scoreX100,
    followerCount: s.followerCount,
    productCount: s._count.products,
  };
  return { type: "shop", ...doc };
}

/** Documents for the active shops among `ids` (every active shop when omitted). */
export async function loadShopDocs(db: DbClient, ids?: readonly string[]): Promise<ShopSearchDoc[]> {
  if (!ids) return collect(shopDocBatches(db));
  const docs: ShopSearchDoc[] = [];
  for (const part of chunk([...new Set(ids)])) {
    const rows = await db.shop.findMany({ where: { ...VISIBLE_SHOP, id: { in: part } }, select: SHOP_DOC_SELECT });
    for (const row of rows) docs.push(toShopDoc(row));
  }
  return docs;
}

// ───────────── creators ─────────────

const CREATOR_DOC_SELECT = {
  id: true,
  handle: true,
  displayName: true,
  bioZh: true,
  bioEn: true,
  tags: true,
  avatarUrl: true,
  followerCount: true,
} satisfies Prisma.CreatorProfileSelect;

type CreatorRow = Prisma.CreatorProfileGetPayload<{ select: typeof CREATOR_DOC_SELECT }>;

function toCreatorDoc(c: CreatorRow): CreatorSearchDoc {
  const doc: CreatorDoc = { ...c };
  return { type: "creator", ...doc };
}

/** Documents for the creators among `ids` (every creator when omitted). Creators have no status yet. */
export async function loadCreatorDocs(db: DbClient, ids?: readonly string[]): Promise<CreatorSearchDoc[]> {
  if (!ids) return collect(creatorDocBatches(db));
  const docs: CreatorSearchDoc[] = [];
  for (const part of chunk([...new Set(ids)])) {
    const rows = await db.creatorProfile.findMany({ where: { id: { in: part } }, select: CREATOR_DOC_SELECT });
    for (const row of rows) docs.push(toCreatorDoc(row));
  }
  return docs;
}

// ───────────── all documents, in batches ─────────────

/**
 * Keyset pagination by id over a table, `batchSize` rows at a time, mapped to documents: a full
 * rebuild never holds the whole catalog's rows at once.
 */
async function* pagedById<Row extends { id: string }, Doc>(
  page: (after: string | undefined, take: number) => Promise<Row[]>,
  toDoc: (row: Row) => Doc,
  batchSize: number,
): AsyncGenerator<Doc[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await page(after, batchSize);
    if (rows.length === 0) return;
    yield rows.map(toDoc);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}

function afterId(after: string | undefined) {
  return after ? { id: { gt: after } } : {};
}

export async function* productDocBatches(db: DbClient, batchSize = DOC_CHUNK_SIZE): AsyncGenerator<ProductSearchDoc[]> {
  const pathOf = await categoryPaths(db);
  yield* pagedById(
    (after, take) =>
      db.product.findMany({ where: { ...VISIBLE_PRODUCT, ...afterId(after) }, select: PRODUCT_DOC_SELECT, orderBy: { id: "asc" }, take }),
    (row) => toProductDoc(row, pathOf),
    batchSize,
  );
}

export function shopDocBatches(db: DbClient, batchSize = DOC_CHUNK_SIZE): AsyncGenerator<ShopSearchDoc[]> {
  return pagedById(
    (after, take) => db.shop.findMany({ where: { ...VISIBLE_SHOP, ...afterId(after) }, select: SHOP_DOC_SELECT, orderBy: { id: "asc" }, take }),
    toShopDoc,
    batchSize,
  );
}

export function creatorDocBatches(db: DbClient, batchSize = DOC_CHUNK_SIZE): AsyncGenerator<CreatorSearchDoc[]> {
  return pagedById(
    (after, take) => db.creatorProfile.findMany({ where: afterId(after), select: CREATOR_DOC_SELECT, orderBy: { id: "asc" }, take }),
    toCreatorDoc,
    batchSize,
  );
}

/** Every document of a type, in batches, for full rebuilds. */
export function docBatches(db: DbClient, type: SearchDoc["type"], batchSize = DOC_CHUNK_SIZE): AsyncGenerator<SearchDoc[]> {
  if (type === "product") return productDocBatches(db, batchSize);
  if (type === "shop") return shopDocBatches(db, batchSize);
  return creatorDocBatches(db, batchSize);
}

async function collect<Doc>(batches: AsyncGenerator<Doc[]>): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const batch of batches) docs.push(...batch);
  return docs;
}

/** How many documents a full rebuild writes, for progress. */
export async function countAllDocs(db: DbClient): Promise<number> {
  const [products, shops, creators] = await Promise.all([
    db.product.count({ where: VISIBLE_PRODUCT }),
    db.shop.count({ where: VISIBLE_SHOP }),
    db.creatorProfile.count(),
  ]);
  return products + shops + creators;
}

/** Loads the current documents of one type for these ids (only the ones that should be indexed). */
export async function loadDocs(db: DbClient, type: SearchDoc["type"], ids: readonly string[]): Promise<SearchDoc[]> {
  if (type === "product") return loadProductDocs(db, ids);
  if (type === "shop") return loadShopDocs(db, ids);
  return loadCreatorDocs(db, ids);
}
