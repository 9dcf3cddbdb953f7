import { z } from "zod";

const slug = z.string().trim().min(1, { error: "slug is required" }).max(120).regex(/^[a-z0-9-]+$/, { error: "slug may contain a–z, 0–9 and -" });
const fen = z.number().int({ error: "must be a whole number of fen" }).min(0, { error: "must not be negative" }).max(100_000_000, { error: "is unreasonably large" });

export const productSort = z.enum(["popular", "newest", "price_asc", "price_desc", "rating"]);
export type ProductSort = z.infer<typeof productSort>;

export const PAGE_SIZE = 24;

export const listProductsInput = z
  .object({
    categorySlug: slug.optional(),
    shopSlug: slug.optional(),
    sort: productSort.default("popular"),
    minPriceFen: fen.optional(),
    maxPriceFen: fen.optional(),
    page: z.number().int().min(1).max(1000).default(1),
    /** The page number again, under the name infinite lists (useInfiniteQuery) pass; wins over `page`. */
    cursor: z.number().int().min(1).max(1000).nullish(),
    pageSize: z.number().int().min(1).max(60).default(PAGE_SIZE),
  })
  .refine((v) => v.minPriceFen === undefined || v.maxPriceFen === undefined || v.minPriceFen <= v.maxPriceFen, {
    error: "minPriceFen must not exceed maxPriceFen",
    path: ["minPriceFen"],
  });
export type ListProductsInput = z.input<typeof listProductsInput>;

export const bilingual = { nameZh: z.string(), nameEn: z.string() };

export const shopRef = z.object({ id: z.string(), slug: z.string(), ...bilingual, logoUrl: z.string() });

export const productCard = z.object({
  id: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  imageUrl: z.string().nullable(),
  minPriceFen: z.number().int(),
  maxPriceFen: z.number().int(),
  salesCount: z.number().int(),
  ratingX100: z.number().int(),
  ratingCount: z.number().int(),
  isSoldOut: z.boolean(),
  shop: shopRef,
  region: z.object(bilingual).nullable(),
});
export type ProductCard = z.infer<typeof productCard>;

export const productPage = z.object({
  items: z.array(productCard),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type ProductPage = z.infer<typeof productPage>;

export const categoryNode = z.object({
  id: z.string(),
  slug: z.string(),
  ...bilingual,
  artKey: z.string(),
  parentId: z.string().nullable(),
});
export const categoryTree = z.array(categoryNode.extend({ children: z.array(categoryNode) }));
export type CategoryTree = z.infer<typeof categoryTree>;

export const categoryDetail = categoryNode.extend({
  path: z.array(categoryNode),
  children: z.array(categoryNode),
  productCount: z.number().int(),
});
export type CategoryDetail = z.infer<typeof categoryDetail>;

export const variantOutput = z.object({
  id: z.string(),
  sku: z.string(),
  priceFen: z.number().int(),
  compareAtPriceFen: z.number().int().nullable(),
  stock: z.number().int(),
  purchaseLimit: z.number().int().nullable(),
  optionValueIds: z.array(z.string()),
});

export const productDetail = z.object({
  id: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  subtitleZh: z.string(),
  subtitleEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  tags: z.array(z.string()),
  minPriceFen: z.number().int(),
  maxPriceFen: z.number().int(),
  salesCount: z.number().int(),
  ratingX100: z.number().int(),
  ratingCount: z.number().int(),
  updatedAt: z.date(),
  media: z.array(z.object({ id: z.string(), url: z.string(), altZh: z.string(), altEn: z.string(), width: z.number(), height: z.number() })),
  options: z.array(
    z.object({
      id: z.string(),
      ...bilingual,
      values: z.array(z.object({ id: z.string(), valueZh: z.string(), valueEn: z.string() })),
    }),
  ),
  variants: z.array(variantOutput),
  categoryPath: z.array(categoryNode),
  region: z.object({ slug: z.string(), ...bilingual, provinceZh: z.string(), provinceEn: z.string() }).nullable(),
  shop: shopRef.extend({
    kind: z.enum(["BRAND_FLAGSHIP", "FARM_GOODS", "INDUSTRIAL_BELT", "INDEPENDENT"]),
    taglineZh: z.string(),
    taglineEn: z.string(),
    scoreX100: z.number().int(),
    followerCount: z.number().int(),
    productCount: z.number().int(),
    themeColor: z.string(),
  }),
});
export type ProductDetail = z.infer<typeof productDetail>;

/** What a seller may change on a product; prices and stock are per variant. */
export const updateProductInput = z.object({
  productId: z.string().min(1, { error: "productId is required" }),
  titleZh: z.string().trim().min(2, { error: "titleZh must be at least 2 characters" }).max(120).optional(),
  titleEn: z.string().trim().min(2, { error: "titleEn must be at least 2 characters" }).max(160).optional(),
  subtitleZh: z.string().trim().max(200).optional(),
  subtitleEn: z.string().trim().max(200).optional(),
  descriptionZh: z.string().max(5000).optional(),
  descriptionEn: z.string().max(5000).optional(),
  variants: z
    .array(
      z.object({
        id: z.string().min(1),
        priceFen: fen.refine((v) => v > 0, { error: "priceFen must be greater than 0" }).optional(),
        compareAtPriceFen: fen.nullable().optional(),
        stock: z.number().int({ error: "stock must be a whole number" }).min(0, { error: "stock must not be negative" }).max(1_000_000).optional(),
      }),
    )
    .max(200)
    .optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const sellerProductRow = z.object({
  id: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  status: z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "REJECTED", "DELISTED"]),
  imageUrl: z.string().nullable(),
  minPriceFen: z.number().int(),
  maxPriceFen: z.number().int(),
  totalStock: z.number().int(),
  updatedAt: z.date(),
});

export const sitemapEntry = z.object({ slug: z.string(), updatedAt: z.date() });

const reason = z.string().trim().max(500, { error: "reason must be at most 500 characters" });

/** A seller takes their own product off sale (it leaves pages and search within seconds). */
export const delistProductInput = z.object({
  productId: z.string().min(1, { error: "productId is required" }),
});

/** The platform's verdict on a product: approve, reject (with a reason) or delist (with a reason). */
export const moderateProductInput = z
  .object({
    productId: z.string().min(1, { error: "productId is required" }),
    status: z.enum(["ACTIVE", "REJECTED", "DELISTED"], { error: "status must be ACTIVE, REJECTED or DELISTED" }),
    reason: reason.optional(),
  })
  .refine((v) => v.status === "ACTIVE" || (v.reason ?? "").length >= 2, {
    path: ["reason"],
    error: "reason is required when rejecting or delisting",
  });
export type ModerateProductInput = z.infer<typeof moderateProductInput>;

export const productStatusResult = z.object({
  id: z.string(),
  status: z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "REJECTED", "DELISTED"]),
  statusReason: z.string().nullable(),
});
