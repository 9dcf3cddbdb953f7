// Input and output of the merchant-centre product editor (tRPC `merchant.*`). Prices arrive as yuan
// text ("12.5", "¥12.50") and become integer fen here, by string arithmetic; errors name the field
// path the editor shows them on ("variants.3.price: must be at least ¥0.01").
import { z } from "zod";

export const MAX_IMAGES = 9;
export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 20;
export const MAX_VARIANTS = 200;
export const MAX_TAGS = 10;
/** ¥9,999,999.99: anything above is not a price (the review check already rejects > ¥1,000,000). */
export const MAX_INPUT_PRICE_FEN = 999_999_999;

/** Fen for a yuan amount with at most two decimals ("12", "12.5", "¥1,299.00"), or null. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "12.50" for 1250. */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

const text = (max: number) => z.string().trim().max(max, { error: `at most ${max} characters` });

/** Yuan (text or number) → fen, or an issue on the field. */
function toFen(v: string | number, ctx: z.RefinementCtx): number {
  const fen = yuanToFen(String(v));
  if (fen === null) {
    ctx.addIssue({ code: "custom", message: "must be an amount in yuan with at most two decimals, e.g. 12.50" });
    return z.NEVER;
  }
  if (fen < 1) {
    ctx.addIssue({ code: "custom", message: "must be at least ¥0.01" });
    return z.NEVER;
  }
  if (fen > MAX_INPUT_PRICE_FEN) {
    ctx.addIssue({ code: "custom", message: "must be at most ¥9,999,999.99" });
    return z.NEVER;
  }
  return fen;
}

/** A price in yuan (text or number) → fen. */
const price = z.union([z.string(), z.number()], { error: "is required" }).transform(toFen);

/** An optional price: blank or null means none. */
const optionalPrice = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx): number | null => (v === null || v === undefined || String(v).trim() === "" ? null : toFen(v, ctx)));

export const editorImage = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: "is required" })
    .max(500, { error: "at most 500 characters" })
    .refine((u) => u.startsWith("/") && !u.startsWith("//"), { error: "must be an uploaded image" }),
  altZh: text(120).default(""),
  altEn: text(120).default(""),
});

export const editorOption = z.object({
  nameZh: text(20).min(1, { error: "is required" }),
  nameEn: text(30).default(""),
  values: z
    .array(z.object({ valueZh: text(30).min(1, { error: "is required" }), valueEn: text(40).default("") }))
    .min(1, { error: "at least one value" })
    .max(MAX_OPTION_VALUES, { error: `at most ${MAX_OPTION_VALUES}` }),
});

export const editorVariant = z.object({
  /** An existing SKU of this product (edit); absent for a new one. */
  id: z.string().trim().min(1).max(64).optional(),
  /** Index of the chosen value in each option, in option order. */
  values: z.array(z.number().int().min(0).max(MAX_OPTION_VALUES - 1)).max(MAX_OPTIONS),
  price,
  compareAtPrice: optionalPrice,
  memberPrice: optionalPrice,
  stock: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(0, { error: "must be at least 0" }).max(10_000_000, { error: "at most 10,000,000" }),
  /**
   * The stock the editor loaded for an existing SKU: the server applies `stock - loadedStock` as an
   * increment, so sales made while the merchant was editing are never overwritten.
   */
  loadedStock: z.number().int().min(0).optional(),
  purchaseLimit: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(9_999, { error: "at most 9,999" })
    .nullable()
    .default(null),
  sku: z
    .string()
    .trim()
    .max(64, { error: "at most 64 characters" })
    .regex(/^[A-Za-z0-9._-]*$/, { error: "letters, digits, dot, dash and underscore only" })
    .default(""),
  isActive: z.boolean().default(true),
});

const productFields = z.object({
  titleZh: text(60).min(1, { error: "is required" }),
  titleEn: text(120).default(""),
  subtitleZh: text(120).default(""),
  subtitleEn: text(200).default(""),
  descriptionZh: text(5_000).default(""),
  descriptionEn: text(8_000).default(""),
  categoryId: z.string().trim().min(1, { error: "choose a category" }).max(64),
  regionId: z.string().trim().max(64).nullable().default(null),
  tags: z.array(text(20).min(1, { error: "is empty" })).max(MAX_TAGS, { error: `at most ${MAX_TAGS}` }).default([]),
  images: z.array(editorImage).max(MAX_IMAGES, { error: `at most ${MAX_IMAGES}` }).default([]),
  options: z.array(editorOption).max(MAX_OPTIONS, { error: `at most ${MAX_OPTIONS}` }).default([]),
  variants: z.array(editorVariant).min(1, { error: "at least one SKU" }).max(MAX_VARIANTS, { error: `at most ${MAX_VARIANTS}` }),
});

type Fields = z.infer<typeof productFields>;

/** Cross-field rules: the SKUs are exactly the cartesian product of the option values. */
function checkMatrix(p: Fields, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  p.options.forEach((o, i) => {
    const seen = new Set<string>();
    o.values.forEach((v, j) => {
      if (seen.has(v.valueZh)) issue(["options", i, "values", j, "valueZh"], `“${v.valueZh}” appears twice`);
      seen.add(v.valueZh);
    });
  });
  const combos = p.options.reduce((n, o) => n * o.values.length, 1);
  if (combos > MAX_VARIANTS) {
    issue(["options"], `${combos} combinations; at most ${MAX_VARIANTS} SKUs`);
    return;
  }
  if (p.variants.length !== combos) {
    issue(["variants"], `expected ${combos} SKUs (one per combination of option values), got ${p.variants.length}`);
    return;
  }
  const seenCombos = new Set<string>();
  const skus = new Map<string, number>();
  const ids = new Set<string>();
  p.variants.forEach((v, i) => {
    if (v.values.length !== p.options.length || v.values.some((vi, oi) => vi >= (p.options[oi]?.values.length ?? 0))) {
      issue(["variants", i, "values"], "does not match the options");
      return;
    }
    const key = v.values.join(",");
    if (seenCombos.has(key)) issue(["variants", i, "values"], "this combination appears twice");
    seenCombos.add(key);
    if (v.compareAtPrice !== null && v.compareAtPrice < v.price) issue(["variants", i, "compareAtPrice"], "must not be below the price");
    if (v.memberPrice !== null && v.memberPrice >= v.price) issue(["variants", i, "memberPrice"], "must be below the price");
    if (v.sku) {
      const first = skus.get(v.sku.toUpperCase());
      if (first !== undefined) issue(["variants", i, "sku"], `same SKU code as SKU ${first + 1}`);
      else skus.set(v.sku.toUpperCase(), i);
    }
    if (v.id) {
      if (ids.has(v.id)) issue(["variants", i, "id"], "appears twice");
      ids.add(v.id);
      if (v.loadedStock === undefined) issue(["variants", i, "loadedStock"], "is required when editing an existing SKU");
    }
  });
  if (!p.variants.some((v) => v.isActive)) issue(["variants"], "at least one SKU must be on sale");
}

export const createProductInput = productFields.extend({ shopId: z.string().trim().min(1, { error: "is required" }).max(64) }).superRefine(checkMatrix);
export type CreateProductInput = z.input<typeof createProductInput>;
export type CreateProductData = z.output<typeof createProductInput>;

export const updateProductInput = productFields.extend({ productId: z.string().trim().min(1, { error: "is required" }).max(64) }).superRefine(checkMatrix);
export type UpdateProductEditorInput = z.input<typeof updateProductInput>;
export type UpdateProductData = z.output<typeof updateProductInput>;

export const productIdInput = z.object({ productId: z.string().trim().min(1, { error: "is required" }).max(64) });

export const productStatus = z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "REJECTED", "DELISTED"]);

export const reviewReason = z.object({ code: z.string(), field: z.string(), message: z.string() });

export const saveResult = z.object({
  id: z.string(),
  slug: z.string(),
  status: productStatus,
  statusReason: z.string().nullable(),
  /** When an active product was edited: the automatic check's reasons, if it failed. */
  reasons: z.array(reviewReason),
});

export const submitResult = z.object({
  id: z.string(),
  slug: z.string(),
  status: productStatus,
  statusReason: z.string().nullable(),
  passed: z.boolean(),
  reasons: z.array(reviewReason),
});

/** The product as the editor loads it (prices as yuan text, SKUs with their value indexes). */
export const editorProduct = z.object({
  id: z.string(),
  shopId: z.string(),
  slug: z.string(),
  status: productStatus,
  statusReason: z.string().nullable(),
  updatedAt: z.date(),
  titleZh: z.string(),
  titleEn: z.string(),
  subtitleZh: z.string(),
  subtitleEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  categoryId: z.string(),
  regionId: z.string().nullable(),
  tags: z.array(z.string()),
  images: z.array(z.object({ url: z.string(), altZh: z.string(), altEn: z.string() })),
  options: z.array(z.object({ nameZh: z.string(), nameEn: z.string(), values: z.array(z.object({ valueZh: z.string(), valueEn: z.string() })) })),
  variants: z.array(
    z.object({
      id: z.string(),
      values: z.array(z.number().int()),
      price: z.string(),
      compareAtPrice: z.string(),
      memberPrice: z.string(),
      stock: z.number().int(),
      purchaseLimit: z.number().int().nullable(),
      sku: z.string(),
      isActive: z.boolean(),
    }),
  ),
});
export type EditorProduct = z.infer<typeof editorProduct>;

export const editorChoices = z.object({
  categories: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), parentZh: z.string().nullable(), parentEn: z.string().nullable() })),
  regions: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
});

export const merchantProductListInput = z.object({
  shopId: z.string().trim().max(64).optional(),
  status: productStatus.optional(),
  q: z.string().trim().max(60, { error: "at most 60 characters" }).optional(),
});

export const merchantProductRow = z.object({
  id: z.string(),
  shopId: z.string(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  status: productStatus,
  statusReason: z.string().nullable(),
  imageUrl: z.string().nullable(),
  minPriceFen: z.number().int(),
  maxPriceFen: z.number().int(),
  totalStock: z.number().int(),
  skuCount: z.number().int(),
  salesCount: z.number().int(),
  updatedAt: z.date(),
});

export const merchantHome = z.object({
  shops: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      status: z.string(),
      productsByStatus: z.record(z.string(), z.number().int()),
      ordersToShip: z.number().int(),
      openAfterSales: z.number().int(),
    }),
  ),
});
