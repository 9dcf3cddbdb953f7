// Shop decoration: the merchant's sections on the shop page (banner, featured products, coupon strip,
// category block, rich text). Validation is a discriminated union by kind, so an error names the
// section and the field ("sections.2.config.productIds: ..."). resolveSections() is pure and runs on
// the server (public page) and in the browser (editor preview) over the same data, so the preview is
// exactly what will be published.
import { z } from "zod";
import { productCard, type ProductCard } from "@/server/catalog/catalog.schema";
import { sanitizeHtml } from "@/server/shop/sanitize";

export const MAX_SECTIONS = 20;
export const MAX_FEATURED = 12;
export const MAX_CATEGORY_PRODUCTS = 12;
/** Rich text limit, in UTF-8 bytes of the merchant's HTML. */
export const MAX_RICH_TEXT_BYTES = 20 * 1024;

export const sectionKind = z.enum(["BANNER", "FEATURED_PRODUCTS", "COUPON_STRIP", "CATEGORY_BLOCK", "RICH_TEXT"]);
export type SectionKind = z.infer<typeof sectionKind>;

const id = z.string().trim().min(1, { error: "is required" }).max(64, { error: "is too long" });
const title = z.string().trim().max(40, { error: "must be at most 40 characters" }).default("");

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

export const bannerConfig = z.strictObject({
  imageUrl: z.string().trim().min(1, { error: "choose or upload an image" }).max(300, { error: "is too long" }),
  headline: z.string().trim().max(60, { error: "must be at most 60 characters" }).default(""),
  /** Internal links only: one of the shop's products or one of its categories. */
  link: z
    .discriminatedUnion("type", [z.strictObject({ type: z.literal("product"), productId: id }), z.strictObject({ type: z.literal("category"), categoryId: id })], {
      error: "must be a product or a category of this shop",
    })
    .nullable()
    .default(null),
});

export const featuredConfig = z.strictObject({
  title,
  productIds: z
    .array(id)
    .min(1, { error: "pick at least one product" })
    .max(MAX_FEATURED, { error: `pick at most ${MAX_FEATURED} products` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "a product is picked twice" }),
});

export const couponStripConfig = z.strictObject({ title });

export const categoryBlockConfig = z.strictObject({
  title,
  categoryId: id,
  limit: z.number().int().min(1, { error: "must be 1 to 12" }).max(MAX_CATEGORY_PRODUCTS, { error: "must be 1 to 12" }).default(6),
});

export const richTextConfig = z.strictObject({
  html: z
    .string()
    .min(1, { error: "write some text" })
    .refine((s) => utf8Bytes(s) <= MAX_RICH_TEXT_BYTES, { error: "must be at most 20 KB" }),
});

export const sectionInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("BANNER"), config: bannerConfig }),
    z.strictObject({ kind: z.literal("FEATURED_PRODUCTS"), config: featuredConfig }),
    z.strictObject({ kind: z.literal("COUPON_STRIP"), config: couponStripConfig }),
    z.strictObject({ kind: z.literal("CATEGORY_BLOCK"), config: categoryBlockConfig }),
    z.strictObject({ kind: z.literal("RICH_TEXT"), config: richTextConfig }),
  ],
  { error: "kind must be BANNER, FEATURED_PRODUCTS, COUPON_STRIP, CATEGORY_BLOCK or RICH_TEXT" },
);
export type SectionInput = z.infer<typeof sectionInput>;
/** A section as the editor holds it (before defaults are applied). */
export type SectionDraft = z.input<typeof sectionInput>;

export const shopIdInput = z.object({ shopId: id });

export const publishDecorationInput = z.object({
  shopId: id,
  sections: z.array(sectionInput).max(MAX_SECTIONS, { error: `at most ${MAX_SECTIONS} sections` }),
});
export type PublishDecorationInput = z.infer<typeof publishDecorationInput>;

// ───────────────────────────── rendering model ─────────────────────────────

const categoryRef = z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() });
export type CategoryRef = z.infer<typeof categoryRef>;

export const sectionView = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BANNER"), imageUrl: z.string(), headline: z.string(), href: z.string().nullable() }),
  z.object({ kind: z.literal("FEATURED_PRODUCTS"), title: z.string(), products: z.array(productCard) }),
  z.object({ kind: z.literal("COUPON_STRIP"), title: z.string() }),
  z.object({ kind: z.literal("CATEGORY_BLOCK"), title: z.string(), category: categoryRef, products: z.array(productCard) }),
  z.object({ kind: z.literal("RICH_TEXT"), html: z.string() }),
]);
export type SectionView = z.infer<typeof sectionView>;

/** What resolving needs: the shop's visible products and its categories (with product ids, best first). */
export interface DecorationCatalogue {
  products: Record<string, ProductCard>;
  categories: Record<string, CategoryRef & { productIds: string[] }>;
}

export const decorationCatalogue = z.object({
  products: z.record(z.string(), productCard),
  categories: z.record(z.string(), categoryRef.extend({ productIds: z.array(z.string()) })),
});

/**
 * Turns saved (or draft) sections into what the page shows. Anything that no longer resolves (a
 * product delisted, a category emptied, an unsafe image) is left out rather than shown broken;
 * rich text is sanitised again on render.
 */
export function resolveSections(sections: readonly SectionInput[], catalogue: DecorationCatalogue, isImageAllowed: (url: string) => boolean): SectionView[] {
  const views: SectionView[] = [];
  for (const s of sections) {
    switch (s.kind) {
      case "BANNER": {
        if (!isImageAllowed(s.config.imageUrl)) break;
        let href: string | null = null;
        const link = s.config.link;
        if (link?.type === "product") {
          const p = catalogue.products[link.productId];
          href = p ? `/p/${p.slug}` : null;
        } else if (link?.type === "category") {
          const c = catalogue.categories[link.categoryId];
          href = c ? `/category/${c.slug}` : null;
        }
        views.push({ kind: "BANNER", imageUrl: s.config.imageUrl, headline: s.config.headline, href });
        break;
      }
      case "FEATURED_PRODUCTS": {
        const products = s.config.productIds.flatMap((pid) => catalogue.products[pid] ?? []);
        if (products.length) views.push({ kind: "FEATURED_PRODUCTS", title: s.config.title, products });
        break;
      }
      case "COUPON_STRIP":
        views.push({ kind: "COUPON_STRIP", title: s.config.title });
        break;
      case "CATEGORY_BLOCK": {
        const c = catalogue.categories[s.config.categoryId];
        if (!c) break;
        const products = c.productIds.flatMap((pid) => catalogue.products[pid] ?? []).slice(0, s.config.limit);
        if (products.length) views.push({ kind: "CATEGORY_BLOCK", title: s.config.title, category: { id: c.id, slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn }, products });
        break;
      }
      case "RICH_TEXT": {
        const html = sanitizeHtml(s.config.html);
        if (html.trim()) views.push({ kind: "RICH_TEXT", html });
        break;
      }
    }
  }
  return views;
}

/** Images a banner may show: our uploads and generated art (the service also checks whose upload it is). */
export function isBannerImageShape(url: string): boolean {
  return /^\/media\/(uploads|art)\/[A-Za-z0-9._~\-/]+$/.test(url) && !url.includes("..");
}

// ───────────────────────────── editor ─────────────────────────────

export const decorationEditor = z.object({
  shop: z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string(), bannerUrl: z.string(), logoUrl: z.string() }),
  sections: z.array(sectionInput),
  catalogue: decorationCatalogue,
  /** Generated art the merchant may pick for a banner without uploading. */
  artUrls: z.array(z.string()),
});
export type DecorationEditor = z.infer<typeof decorationEditor>;

export const sellerShop = z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() });

// ───────────────────────────── membership ─────────────────────────────

export const membershipState = z.object({ isMember: z.boolean(), memberCount: z.number().int().min(0) });
export type MembershipState = z.infer<typeof membershipState>;

export const shopViewer = z.object({
  signedIn: z.boolean(),
  following: z.boolean(),
  isMember: z.boolean(),
  memberCount: z.number().int().min(0),
});
export type ShopViewer = z.infer<typeof shopViewer>;

export const memberPricesInput = z.object({ productIds: z.array(id).max(60, { error: "at most 60 products" }) });
export const memberPrices = z.array(z.object({ productId: z.string(), memberPriceFen: z.number().int() }));

export const productMemberPrices = z.object({
  shopId: z.string(),
  shopSlug: z.string(),
  signedIn: z.boolean(),
  isMember: z.boolean(),
  prices: z.array(z.object({ variantId: z.string(), memberPriceFen: z.number().int() })),
});
export type ProductMemberPrices = z.infer<typeof productMemberPrices>;
