// Shop decoration: reading the sections for the public page, the editor's data, and publishing.
// Publishing replaces the whole set in one transaction, after checking that the user is a member of
// the shop and that every product, category and image a section refers to belongs to that shop.
import type { Db, DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { loadProductCards, VISIBLE_PRODUCT } from "@/server/catalog/catalog.service";
import { parseUploadUrl } from "@/server/media/uploads";
import { shopBannerUrl } from "@/server/media/art";
import { assertShopMember } from "@/server/shop/shop.service";
import { sanitizeHtml } from "@/server/shop/sanitize";
import {
  isBannerImageShape,
  resolveSections,
  sectionInput,
  type CategoryRef,
  type DecorationCatalogue,
  type DecorationEditor,
  type PublishDecorationInput,
  type SectionInput,
  type SectionView,
} from "@/server/shop/decoration.schema";
import type { ProductCard } from "@/server/catalog/catalog.schema";

/** The editor offers at most this many products to pick from (best sellers first). */
const EDITOR_PRODUCT_LIMIT = 300;

interface ShopProductIndex {
  /** Visible product ids of the shop, best sellers first. */
  productIds: string[];
  /** Every category on the path of a visible product (leaf and ancestors), with its product ids. */
  categories: Map<string, CategoryRef & { productIds: string[] }>;
}

async function indexShopProducts(db: DbClient, shopId: string): Promise<ShopProductIndex> {
  const rows = await db.product.findMany({
    where: { shopId, ...VISIBLE_PRODUCT },
    orderBy: [{ salesCount: "desc" }, { id: "asc" }],
    select: { id: true, categoryId: true, category: { select: { parentId: true, parent: { select: { parentId: true } } } } },
  });
  const byCategory = new Map<string, string[]>();
  for (const r of rows) {
    const path = [r.categoryId, r.category.parentId, r.category.parent?.parentId].filter((c): c is string => !!c);
    for (const c of path) byCategory.set(c, [...(byCategory.get(c) ?? []), r.id]);
  }
  const cats = await db.category.findMany({
    where: { id: { in: [...byCategory.keys()] } },
    select: { id: true, slug: true, nameZh: true, nameEn: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return {
    productIds: rows.map((r) => r.id),
    categories: new Map(cats.map((c) => [c.id, { ...c, productIds: byCategory.get(c.id) ?? [] }])),
  };
}

async function cardsById(db: DbClient, ids: readonly string[]): Promise<Record<string, ProductCard>> {
  const cards = await loadProductCards(db, ids);
  return Object.fromEntries([...cards].map(([pid, c]) => [pid, c.card]));
}

/** Saved rows → inputs; rows that no longer pass validation (e.g. written by hand) are skipped. */
function parseRows(rows: Array<{ kind: string; config: Prisma.JsonValue }>): SectionInput[] {
  return rows.flatMap((r) => {
    const parsed = sectionInput.safeParse({ kind: r.kind, config: r.config });
    return parsed.success ? [parsed.data] : [];
  });
}

async function savedSections(db: DbClient, shopId: string): Promise<SectionInput[]> {
  const rows = await db.shopSection.findMany({ where: { shopId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { kind: true, config: true } });
  return parseRows(rows);
}

/** The sections of an active shop, resolved for the public page (empty when it has none). */
export async function listShopSections(db: DbClient, shopId: string): Promise<SectionView[]> {
  const shop = await db.shop.findFirst({ where: { id: shopId, status: "ACTIVE" }, select: { id: true } });
  if (!shop) throw notFound("Shop");
  const sections = await savedSections(db, shopId);
  if (sections.length === 0) return [];
  const index = await indexShopProducts(db, shopId);
  const wanted = new Set<string>();
  const categories: DecorationCatalogue["categories"] = {};
  const shopProducts = new Set(index.productIds);
  for (const s of sections) {
    if (s.kind === "FEATURED_PRODUCTS") s.config.productIds.filter((p) => shopProducts.has(p)).forEach((p) => wanted.add(p));
    if (s.kind === "BANNER" && s.config.link?.type === "product" && shopProducts.has(s.config.link.productId)) wanted.add(s.config.link.productId);
    const catId = s.kind === "CATEGORY_BLOCK" ? s.config.categoryId : s.kind === "BANNER" && s.config.link?.type === "category" ? s.config.link.categoryId : null;
    const cat = catId ? index.categories.get(catId) : undefined;
    if (cat) {
      const take = s.kind === "CATEGORY_BLOCK" ? s.config.limit : 0;
      categories[cat.id] = { ...cat, productIds: cat.productIds.slice(0, Math.max(take, categories[cat.id]?.productIds.length ?? 0)) };
      categories[cat.id]!.productIds.forEach((p) => wanted.add(p));
    }
  }
  const products = await cardsById(db, [...wanted]);
  return resolveSections(sections, { products, categories }, isBannerImageShape);
}

/** Generated banners the merchant may use without uploading: the current one and one per category motif. */
function artChoices(shop: { slug: string; bannerUrl: string }, artKeys: readonly string[]): string[] {
  return [...new Set([shop.bannerUrl, shopBannerUrl(shop.slug), ...artKeys.map((k) => shopBannerUrl(shop.slug, k))])];
}

async function shopArtKeys(db: DbClient, categoryIds: readonly string[]): Promise<string[]> {
  const rows = await db.category.findMany({ where: { id: { in: [...categoryIds] } }, select: { artKey: true }, distinct: ["artKey"] });
  return rows.map((r) => r.artKey).sort();
}

/** Everything the decoration editor needs (members of the shop only). */
export async function getDecorationEditor(db: DbClient, userId: string, shopId: string): Promise<DecorationEditor> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { id: true, slug: true, nameZh: true, nameEn: true, bannerUrl: true, logoUrl: true } });
  if (!shop) throw notFound("Shop");
  await assertShopMember(db, userId, shopId);
  const index = await indexShopProducts(db, shopId);
  const offered = index.productIds.slice(0, EDITOR_PRODUCT_LIMIT);
  const sections = await savedSections(db, shopId);
  // Keep already-featured products pickable even past the limit.
  const featured = sections.flatMap((s) => (s.kind === "FEATURED_PRODUCTS" ? s.config.productIds : []));
  const products = await cardsById(db, [...new Set([...offered, ...featured])]);
  const categories: DecorationCatalogue["categories"] = Object.fromEntries([...index.categories].map(([cid, c]) => [cid, c]));
  return {
    shop,
    sections,
    catalogue: { products, categories },
    artUrls: artChoices(shop, await shopArtKeys(db, [...index.categories.keys()])),
  };
}

/** Shops this user works for (the editor's shop picker). */
export async function listSellerShops(db: DbClient, userId: string) {
  const rows = await db.shopMember.findMany({
    where: { userId },
    select: { shop: { select: { id: true, slug: true, nameZh: true, nameEn: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.shop);
}

function bad(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", `${field}: ${message}`, { field });
}

/**
 * Replaces the shop's sections with `input.sections` (in that order), in one transaction.
 * FORBIDDEN unless the user is a member of the shop; BAD_REQUEST naming "sections.<i>.config.<field>"
 * when a section refers to something that is not the shop's. Rich text is stored sanitised.
 */
export async function publishDecoration(db: Db, userId: string, input: PublishDecorationInput): Promise<{ count: number }> {
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true, slug: true, bannerUrl: true } });
  if (!shop) throw notFound("Shop");
  await assertShopMember(db, userId, input.shopId);

  const index = await indexShopProducts(db, input.shopId);
  const products = new Set(index.productIds);
  const members = new Set((await db.shopMember.findMany({ where: { shopId: shop.id }, select: { userId: true } })).map((m) => m.userId));
  const art = new Set(artChoices(shop, await shopArtKeys(db, [...index.categories.keys()])));

  const rows = input.sections.map((s, i) => {
    const at = `sections.${i}.config`;
    switch (s.kind) {
      case "BANNER": {
        const url = s.config.imageUrl;
        const upload = parseUploadUrl(url);
        if (!art.has(url) && !(upload && members.has(upload.ownerId))) throw bad(`${at}.imageUrl`, "must be an image uploaded by this shop or one of its generated banners");
        const link = s.config.link;
        if (link?.type === "product" && !products.has(link.productId)) throw bad(`${at}.link.productId`, "is not a listed product of this shop");
        if (link?.type === "category" && !index.categories.has(link.categoryId)) throw bad(`${at}.link.categoryId`, "is not a category of this shop's products");
        break;
      }
      case "FEATURED_PRODUCTS": {
        const j = s.config.productIds.findIndex((p) => !products.has(p));
        if (j !== -1) throw bad(`${at}.productIds.${j}`, "is not a listed product of this shop");
        break;
      }
      case "CATEGORY_BLOCK":
        if (!index.categories.has(s.config.categoryId)) throw bad(`${at}.categoryId`, "is not a category of this shop's products");
        break;
      case "RICH_TEXT": {
        const html = sanitizeHtml(s.config.html);
        if (!html.trim()) throw bad(`${at}.html`, "has no text left after removing unsupported markup");
        return { kind: s.kind, config: { html }, position: i };
      }
      case "COUPON_STRIP":
        break;
    }
    return { kind: s.kind, config: s.config as Prisma.InputJsonValue, position: i };
  });

  await db.$transaction(async (tx) => {
    await tx.shopSection.deleteMany({ where: { shopId: shop.id } });
    if (rows.length) await tx.shopSection.createMany({ data: rows.map((r) => ({ shopId: shop.id, kind: r.kind, position: r.position, config: r.config })) });
  });
  return { count: rows.length };
}
