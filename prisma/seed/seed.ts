// The deterministic demo catalog: regions, a two-level category tree, shops of all four kinds with
// their owners, creators, demo accounts and N products with options, SKUs and generated art.
// Ids, slugs and every random choice derive from fixed seeds, so two runs write the same catalog.
// Products are written in batches of precomputed rows (INSERT … SELECT FROM unnest), so 100,000 of them
// stay fast and memory stays flat.
import type { DbClient } from "@/server/db/client";
import type { Prisma, ProductStatus, Role, ShopKind } from "@/server/generated/prisma/client";
import { hashPassword } from "@/server/account/password";
import { avatarUrl, productArtUrl, shopBannerUrl, shopLogoUrl, shopThemeColor, type ArtKey } from "@/server/media/art";
import {
  CATEGORIES,
  CREATORS,
  EDITIONS,
  REGIONS,
  SHOPS,
  TEMPLATES,
  type CategorySpec,
  type OptionSpec,
  type ProductTemplate,
  type RegionSpec,
  type ShopSpec,
  type ValueSpec,
} from "@/prisma/seed/catalog-data";
import { Random } from "@/server/lib/random";
import { seedCreators } from "@/prisma/seed/creators";
import { SEED_PRODUCT_ID_PREFIX, seedShopId, seedTrade } from "@/prisma/seed/trade";
import { seedShopDecoration } from "@/prisma/seed/shop-decoration";
import { seedContent } from "@/prisma/seed/content";
import { seedCampaigns } from "@/prisma/seed/campaigns";
import { seedCoupons } from "@/prisma/seed/coupons";

export const DEFAULT_PRODUCT_COUNT = 320;
export const DEMO_PASSWORD = "demo1234";

/** The accounts documented in the README; every seeded user signs in with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = {
  shopper: "shopper@demo.mall",
  seller: "seller@demo.mall",
  seller2: "seller2@demo.mall",
  creator: "creator@demo.mall",
  admin: "admin@demo.mall",
} as const;

export interface SeedOptions {
  /** How many products to generate (default 320). */
  products?: number;
  /** Called after each batch of products with how many are written so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedCounts {
  regions: number;
  categories: number;
  shops: number;
  creators: number;
  users: number;
  products: number;
  activeProducts: number;
  variants: number;
  media: number;
}

/** Products per round trip: large enough to amortise latency, small enough for bind-parameter limits. */
const BATCH_SIZE = 1000;
/** "Now" for the catalog: publication dates count back from here so reruns match exactly. */
const SEED_EPOCH = Date.UTC(2026, 9, 1);
const DAY_MS = 86_400_000;

// ───────────────────────────── lookups and validation ─────────────────────────────

const TEMPLATE_BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));
const REGION_BY_SLUG = new Map(REGIONS.map((r) => [r.slug, r]));
const LEAVES = new Map(CATEGORIES.flatMap((root) => (root.children ?? []).map((leaf) => [leaf.slug, leaf] as const)));

/**
 * Throws if the data tables disagree (a shop selling an unknown template, a template in a category
 * that is not a leaf, duplicate keys). Cheap, and turns a typo into a clear message instead of a
 * foreign-key error halfway through a seed.
 */
export function assertCatalogConsistent(): void {
  const problems: string[] = [];
  const unique = (label: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${label}: ${v}`);
      seen.add(v);
    }
  };
  unique("template key", TEMPLATES.map((t) => t.key));
  unique("shop slug", SHOPS.map((s) => s.slug));
  unique("shop code", SHOPS.map((s) => s.code));
  unique("category slug", CATEGORIES.flatMap((c) => [c.slug, ...(c.children ?? []).map((l) => l.slug)]));
  unique("creator handle", CREATORS.map((c) => c.handle));
  for (const t of TEMPLATES) {
    if (!LEAVES.has(t.category)) problems.push(`template ${t.key}: ${t.category} is not a leaf category`);
    if (t.options.length < 1 || t.options.length > 2) problems.push(`template ${t.key}: needs one or two options`);
    if (t.options.some((o) => o.values.length < 2)) problems.push(`template ${t.key}: every option needs two values`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.key)) problems.push(`template ${t.key}: key must be ASCII kebab-case`);
  }
  for (const s of SHOPS) {
    if (s.region && !REGION_BY_SLUG.has(s.region)) problems.push(`shop ${s.slug}: unknown region ${s.region}`);
    for (const key of s.templates) if (!TEMPLATE_BY_KEY.has(key)) problems.push(`shop ${s.slug}: unknown template ${key}`);
  }
  const sold = new Set(SHOPS.flatMap((s) => s.templates));
  for (const t of TEMPLATES) if (!sold.has(t.key)) problems.push(`template ${t.key}: no shop sells it`);
  if (problems.length) throw new Error(`Seed catalog data is inconsistent:\n  ${problems.join("\n  ")}`);
}

// ───────────────────────────── ids, slugs, prices ─────────────────────────────

function pad(n: number): string {
  return String(n).padStart(6, "0");
}

export function productId(n: number): string {
  return `${SEED_PRODUCT_ID_PREFIX}${pad(n)}`;
}

function kebab(...parts: string[]): string {
  return parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Rounds to a price a shop would actually set: ¥9.9 / ¥59.9 below ¥100, ¥129 / ¥899 below ¥1,000,
 * ¥1,299 / ¥4,999 above. Never returns less than ¥0.9.
 */
export function shelfPrice(fen: number): number {
  const yuan = fen / 100;
  let price: number;
  if (yuan < 20) price = Math.round(yuan) * 100 - 10;
  else if (yuan < 100) price = Math.round(yuan / 10) * 1000 - 10;
  else if (yuan < 1000) price = Math.round(yuan / 10) * 1000 - 100;
  else price = Math.round(yuan / 100) * 10000 - 100;
  return Math.max(90, price);
}

const SALES_CEILING = 250_000;

/**
 * Long tail: most listings sell a handful, a few sell a great many. A Pareto draw, scaled so cheap
 * goods outsell expensive ones, then eased towards a ceiling (rather than clipped, so the
 * bestsellers don't all tie at one suspicious round number).
 */
function salesFor(rng: Random, priceFen: number): number {
  const pareto = 3 * Math.pow(1 - rng.next(), -1.6) - 3;
  const priceScale = Math.min(2.5, Math.max(0.1, Math.pow(5000 / priceFen, 0.4)));
  return Math.floor(SALES_CEILING * (1 - Math.exp((-pareto * priceScale) / SALES_CEILING)));
}

// ───────────────────────────── shared rows ─────────────────────────────

const regionId = (slug: string) => `region_${slug}`;
const categoryId = (slug: string) => `cat_${slug}`;
const shopId = seedShopId;

function artKeyOf(template: ProductTemplate): ArtKey {
  return template.artKey ?? LEAVES.get(template.category)!.artKey;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  avatarSeed: string;
}

function demoUsers(): { users: UserRow[]; owners: Map<string, string>; creatorOwners: Map<string, string> } {
  const users: UserRow[] = [
    { id: "user_shopper", email: DEMO_ACCOUNTS.shopper, name: "演示买家", roles: ["SHOPPER"], avatarSeed: "u-shopper" },
    { id: "user_seller", email: DEMO_ACCOUNTS.seller, name: `${SHOPS[0].brandZh}店长`, roles: ["SHOPPER", "SELLER"], avatarSeed: "u-seller" },
    { id: "user_seller2", email: DEMO_ACCOUNTS.seller2, name: `${SHOPS[1].brandZh}店长`, roles: ["SHOPPER", "SELLER"], avatarSeed: "u-seller2" },
    { id: "user_creator", email: DEMO_ACCOUNTS.creator, name: CREATORS[0].displayName, roles: ["SHOPPER", "CREATOR"], avatarSeed: CREATORS[0].handle },
    { id: "user_admin", email: DEMO_ACCOUNTS.admin, name: "平台运营", roles: ["ADMIN", "SHOPPER"], avatarSeed: "u-admin" },
  ];
  const owners = new Map<string, string>([
    [SHOPS[0].slug, "user_seller"],
    [SHOPS[1].slug, "user_seller2"],
  ]);
  for (const shop of SHOPS.slice(2)) {
    const id = `user_owner_${shop.slug}`;
    users.push({ id, email: `owner-${shop.slug}@demo.mall`, name: `${shop.nameZh} 店主`, roles: ["SHOPPER", "SELLER"], avatarSeed: `u-${shop.slug}` });
    owners.set(shop.slug, id);
  }
  const creatorOwners = new Map<string, string>([[CREATORS[0].handle, "user_creator"]]);
  for (const creator of CREATORS.slice(1)) {
    const id = `user_creator_${creator.handle}`;
    users.push({ id, email: `creator-${creator.handle}@demo.mall`, name: creator.displayName, roles: ["SHOPPER", "CREATOR"], avatarSeed: creator.handle });
    creatorOwners.set(creator.handle, id);
  }
  return { users, owners, creatorOwners };
}

async function seedReferenceData(db: DbClient): Promise<{ users: number }> {
  await db.region.createMany({
    data: REGIONS.map((r) => ({ id: regionId(r.slug), ...r })),
  });

  const categoryRow = (c: CategorySpec, position: number, parentSlug: string | null) => ({
    id: categoryId(c.slug),
    slug: c.slug,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    artKey: c.artKey,
    position,
    parentId: parentSlug ? categoryId(parentSlug) : null,
  });
  // Roots first: children reference them.
  await db.category.createMany({ data: CATEGORIES.map((c, i) => categoryRow(c, i, null)) });
  await db.category.createMany({
    data: CATEGORIES.flatMap((root) => (root.children ?? []).map((leaf, i) => categoryRow(leaf, i, root.slug))),
  });

  const { users, owners, creatorOwners } = demoUsers();
  // argon2 is slow on purpose; every demo account shares one password, so hash it once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.createMany({
    data: users.map((u) => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, passwordHash, avatarUrl: avatarUrl(u.avatarSeed) })),
  });

  await db.shop.createMany({
    data: SHOPS.map((s) => ({
      id: shopId(s.slug),
      slug: s.slug,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      kind: s.kind,
      taglineZh: s.taglineZh,
      taglineEn: s.taglineEn,
      descriptionZh: s.descriptionZh,
      descriptionEn: s.descriptionEn,
      logoUrl: shopLogoUrl(s.slug),
      bannerUrl: shopBannerUrl(s.slug, artKeyOf(TEMPLATE_BY_KEY.get(s.templates[0])!)),
      themeColor: shopThemeColor(s.slug),
      regionId: s.region ? regionId(s.region) : null,
      scoreX100: s.scoreX100,
      followerCount: s.followerCount,
      freeShippingThresholdFen: s.freeShippingThresholdFen,
      shippingFeeFen: s.shippingFeeFen,
    })),
  });
  await db.shopMember.createMany({
    data: SHOPS.map((s) => ({ shopId: shopId(s.slug), userId: owners.get(s.slug)!, role: "OWNER" as const })),
  });

  await db.creatorProfile.createMany({
    data: CREATORS.map((c) => ({
      id: `creator_${c.handle}`,
      userId: creatorOwners.get(c.handle)!,
      handle: c.handle,
      displayName: c.displayName,
      bioZh: c.bioZh,
      bioEn: c.bioEn,
      avatarUrl: avatarUrl(c.handle),
      tags: c.tags,
      followerCount: c.followerCount,
    })),
  });
  return { users: users.length };
}

// ───────────────────────────── product plan ─────────────────────────────

interface PlannedProduct {
  shop: number;
  template: string;
  /** How many times this shop has listed this template before: picks the edition and model number. */
  round: number;
}

/**
 * Splits `total` products over the shops by weight (largest remainder), cycles each shop through
 * its templates, then interleaves shops with a seeded shuffle so product numbers mix them.
 */
function planProducts(total: number): PlannedProduct[] {
  const weightSum = SHOPS.reduce((sum, s) => sum + s.weight, 0);
  const exact = SHOPS.map((s) => (total * s.weight) / weightSum);
  const quotas = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - quotas.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) quotas[byRemainder[k].i]++;

  const plan: PlannedProduct[] = [];
  SHOPS.forEach((shop, s) => {
    for (let j = 0; j < quotas[s]; j++) {
      plan.push({ shop: s, template: shop.templates[j % shop.templates.length], round: Math.floor(j / shop.templates.length) });
    }
  });
  return new Random("catalog-plan").shuffle(plan);
}

// ───────────────────────────── product generation ─────────────────────────────

// Row shapes written by bulkInsert. Each is checked against Prisma's create input where it is built
// (`satisfies`), so a renamed or retyped column fails to compile rather than at run time.

interface ProductRow {
  id: string;
  slug: string;
  shopId: string;
  categoryId: string;
  regionId: string | null;
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  tags: string[];
  status: ProductStatus;
  statusReason: string | null;
  minPriceFen: number;
  maxPriceFen: number;
  salesCount: number;
  ratingX100: number;
  ratingCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface OptionRow {
  id: string;
  productId: string;
  position: number;
  nameZh: string;
  nameEn: string;
}

interface OptionValueRow {
  id: string;
  optionId: string;
  position: number;
  valueZh: string;
  valueEn: string;
}

interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  priceFen: number;
  compareAtPriceFen: number | null;
  stock: number;
  purchaseLimit: number | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The implicit many-to-many table: "A" is the option value, "B" the variant (models in alphabetical order). */
interface VariantValueLinkRow {
  A: string;
  B: string;
}

interface MediaRow {
  id: string;
  productId: string;
  url: string;
  altZh: string;
  altEn: string;
  width: number;
  height: number;
  position: number;
}

interface ProductRows {
  product: ProductRow;
  options: OptionRow[];
  values: OptionValueRow[];
  variants: VariantRow[];
  links: VariantValueLinkRow[];
  media: MediaRow[];
}

/** Most products are ACTIVE; one in twenty is in another state, cycling through all four, so listings can be tested to hide them. */
const NON_ACTIVE: ProductStatus[] = ["DRAFT", "IN_REVIEW", "REJECTED", "DELISTED"];
const STATUS_REASONS: Partial<Record<ProductStatus, string>> = {
  REJECTED: "主图与商品描述不符，请修改后重新提交审核。",
  DELISTED: "商家主动下架。",
};

function statusFor(n: number): ProductStatus {
  return n % 20 === 7 ? NON_ACTIVE[Math.floor(n / 20) % NON_ACTIVE.length] : "ACTIVE";
}

const KIND_TAGS: Record<ShopKind, string> = {
  BRAND_FLAGSHIP: "品牌旗舰",
  FARM_GOODS: "产地直发",
  INDUSTRIAL_BELT: "产业带好货",
  INDEPENDENT: "小众好店",
};

function originSentence(shop: ShopSpec, region: RegionSpec | undefined): { zh: string; en: string } {
  switch (shop.kind) {
    case "BRAND_FLAGSHIP":
      return { zh: `${shop.nameZh}官方正品，全国联保。`, en: `Genuine product from ${shop.nameEn}, with a nationwide warranty.` };
    case "FARM_GOODS":
      return region
        ? { zh: `产自${region.provinceZh}${region.nameZh}，由${shop.nameZh}从产地直接发货。`, en: `From ${region.nameEn}, ${region.provinceEn}, shipped straight from the source by ${shop.nameEn}.` }
        : { zh: `由${shop.nameZh}从产地直接发货。`, en: `Shipped straight from the source by ${shop.nameEn}.` };
    case "INDUSTRIAL_BELT":
      return region
        ? { zh: `来自${region.nameZh}产业带的源头工厂，${shop.nameZh}直供。`, en: `Made by a source factory in the ${region.nameEn} industrial belt and sold direct by ${shop.nameEn}.` }
        : { zh: `源头工厂直供。`, en: `Sold direct by the factory.` };
    case "INDEPENDENT":
      return { zh: `由${shop.nameZh}精选，店主亲自试用。`, en: `Chosen and tried by the owner of ${shop.nameEn}.` };
  }
}

/** Three gallery images per product: the hero shot, a detail and one in use. */
const GALLERY_ALT_SUFFIXES: Array<[string, string]> = [
  ["", ""],
  ["（细节）", " (detail)"],
  ["（场景）", " (in use)"],
];

/** Which values of an option this product offers. */
function chooseValues(rng: Random, option: OptionSpec, max: number): ValueSpec[] {
  const count = rng.int(2, Math.min(max, option.values.length));
  if (option.contiguous) {
    const start = rng.int(0, option.values.length - count);
    return option.values.slice(start, start + count);
  }
  return rng.sample(option.values, count);
}

/** Every combination of one value index per option, first option varying slowest. */
function combinations(sizes: number[]): number[][] {
  return sizes.reduce<number[][]>((combos, size) => combos.flatMap((c) => Array.from({ length: size }, (_, i) => [...c, i])), [[]]);
}

function buildProduct(n: number, planned: PlannedProduct, usedSlugs: Set<string>): ProductRows {
  const rng = new Random(`product:${n}`);
  const shop = SHOPS[planned.shop];
  const template = TEMPLATE_BY_KEY.get(planned.template)!;
  const category = LEAVES.get(template.category)!;
  const region = shop.region ? REGION_BY_SLUG.get(shop.region) : undefined;
  const editions = EDITIONS[template.line];
  const edition = editions[planned.round % editions.length];
  // Past the named editions, large catalogs continue with model numbers: "暖岛 … 升级款 ND-137".
  const series = Math.floor(planned.round / editions.length);
  const model = series > 0 ? `${shop.code}-${100 + series}` : "";

  const id = productId(n);
  const status = statusFor(n);
  const titleZh = [shop.brandZh, template.titleZh, edition.zh, model].filter(Boolean).join(" ");
  const titleEn = [shop.brandEn, template.titleEn].filter(Boolean).join(" ") + (edition.en ? ` — ${edition.en}` : "") + (model ? ` (${model})` : "");

  let slug = kebab(shop.brandEn, template.key, edition.slug, model);
  if (usedSlugs.has(slug)) slug = kebab(slug, shop.code);
  if (usedSlugs.has(slug)) slug = kebab(slug, String(n));
  usedSlugs.add(slug);

  // Options: both axes most of the time (4–9 SKUs), sometimes only the first (2–5 SKUs).
  const specs = template.options.length === 2 && rng.chance(0.25) ? template.options.slice(0, 1) : template.options;
  const chosen = specs.map((spec) => chooseValues(rng, spec, specs.length === 1 ? 5 : 3));
  const options: ProductRows["options"] = [];
  const values: ProductRows["values"] = [];
  specs.forEach((spec, o) => {
    const optionId = `${id}_o${o + 1}`;
    options.push({ id: optionId, productId: id, position: o, nameZh: spec.nameZh, nameEn: spec.nameEn } satisfies Prisma.ProductOptionCreateManyInput);
    chosen[o].forEach((value, v) =>
      values.push({ id: `${optionId}_v${v + 1}`, optionId, position: v, valueZh: value.zh, valueEn: value.en } satisfies Prisma.ProductOptionValueCreateManyInput),
    );
  });

  const isListed = status === "ACTIVE" || status === "DELISTED";
  const publishedAt = isListed ? new Date(SEED_EPOCH - rng.int(0, 540) * DAY_MS - rng.int(0, 86_399) * 1000) : null;
  const createdAt = new Date((publishedAt?.getTime() ?? SEED_EPOCH - rng.int(0, 60) * DAY_MS) - rng.int(1, 14) * DAY_MS);
  const updatedAt = publishedAt ?? createdAt;

  const basePriceFen = rng.range(template.priceFen[0], template.priceFen[1]) * (edition.factor ?? 1);
  const discount = rng.chance(0.35) ? rng.range(1.15, 1.6) : null;
  const purchaseLimit = rng.chance(0.05) ? rng.int(2, 5) : null;
  const variants: ProductRows["variants"] = [];
  const links: ProductRows["links"] = [];
  combinations(chosen.map((c) => c.length)).forEach((combo, k) => {
    const picked = combo.map((v, o) => chosen[o][v]);
    const factor = picked.reduce((f, v) => f * (v.factor ?? 1), 1);
    const delta = picked.reduce((d, v) => d + (v.deltaFen ?? 0), 0);
    const priceFen = shelfPrice(basePriceFen * factor + delta);
    const compareAt = discount ? shelfPrice(priceFen * discount) : null;
    const roll = rng.next();
    const stock = roll < 0.04 ? 0 : roll < 0.12 ? rng.int(1, 9) : rng.int(10, 500);
    const variantId = `${id}_v${k + 1}`;
    variants.push({
      id: variantId,
      productId: id,
      sku: `${shop.code}-${pad(n)}-${k + 1}`,
      priceFen,
      compareAtPriceFen: compareAt && compareAt > priceFen ? compareAt : null,
      stock,
      purchaseLimit,
      position: k,
      createdAt,
      updatedAt,
    } satisfies Prisma.ProductVariantCreateManyInput);
    combo.forEach((v, o) => links.push({ A: `${id}_o${o + 1}_v${v + 1}`, B: variantId }));
  });
  const prices = variants.map((v) => v.priceFen);

  const salesCount = isListed ? salesFor(rng, Math.min(...prices)) : 0;
  const ratingCount = Math.floor(salesCount * rng.range(0.08, 0.35));
  const ratingX100 = ratingCount > 0 ? 500 - Math.floor(Math.pow(rng.next(), 2) * 80) : 0;
  const origin = originSentence(shop, region);

  const artKey = artKeyOf(template);
  const media: ProductRows["media"] = GALLERY_ALT_SUFFIXES.map(
    ([zh, en], k) =>
      ({
        id: `${id}_m${k + 1}`,
        productId: id,
        url: productArtUrl(artKey, `p${n}-${k + 1}`),
        altZh: `${titleZh}${zh}`,
        altEn: `${titleEn}${en}`,
        width: 800,
        height: 800,
        position: k,
      }) satisfies Prisma.ProductMediaCreateManyInput,
  );

  return {
    product: {
      id,
      slug,
      shopId: shopId(shop.slug),
      categoryId: categoryId(category.slug),
      regionId: region ? regionId(region.slug) : null,
      titleZh,
      titleEn,
      subtitleZh: template.subtitleZh,
      subtitleEn: template.subtitleEn,
      descriptionZh: `${template.descriptionZh}${origin.zh}`,
      descriptionEn: `${template.descriptionEn} ${origin.en}`,
      tags: [...new Set([...template.tags, category.nameZh, ...(region ? [region.nameZh] : []), KIND_TAGS[shop.kind], ...(edition.zh ? [edition.zh] : [])])],
      status,
      statusReason: STATUS_REASONS[status] ?? null,
      minPriceFen: Math.min(...prices),
      maxPriceFen: Math.max(...prices),
      salesCount,
      ratingX100,
      ratingCount,
      publishedAt,
      createdAt,
      updatedAt,
    } satisfies Prisma.ProductCreateManyInput,
    options,
    values,
    variants,
    links,
    media,
  };
}

// ───────────────────────────── bulk insert ─────────────────────────────

/** Column types as Postgres spells them; `text[]` columns travel as JSON text (see bulkInsert). */
type SqlType = "text" | "integer" | "timestamp(3)" | "text[]" | '"ProductStatus"';
/** One SQL type per field of the row: the compiler insists every field is mapped. */
type Columns<Row> = { [K in keyof Row]-?: SqlType };

const PRODUCT_COLUMNS: Columns<ProductRow> = {
  id: "text",
  slug: "text",
  shopId: "text",
  categoryId: "text",
  regionId: "text",
  titleZh: "text",
  titleEn: "text",
  subtitleZh: "text",
  subtitleEn: "text",
  descriptionZh: "text",
  descriptionEn: "text",
  tags: "text[]",
  status: '"ProductStatus"',
  statusReason: "text",
  minPriceFen: "integer",
  maxPriceFen: "integer",
  salesCount: "integer",
  ratingX100: "integer",
  ratingCount: "integer",
  publishedAt: "timestamp(3)",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
};
const OPTION_COLUMNS: Columns<OptionRow> = { id: "text", productId: "text", position: "integer", nameZh: "text", nameEn: "text" };
const OPTION_VALUE_COLUMNS: Columns<OptionValueRow> = { id: "text", optionId: "text", position: "integer", valueZh: "text", valueEn: "text" };
const VARIANT_COLUMNS: Columns<VariantRow> = {
  id: "text",
  productId: "text",
  sku: "text",
  priceFen: "integer",
  compareAtPriceFen: "integer",
  stock: "integer",
  purchaseLimit: "integer",
  position: "integer",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
};
const LINK_COLUMNS: Columns<VariantValueLinkRow> = { A: "text", B: "text" };
const MEDIA_COLUMNS: Columns<MediaRow> = {
  id: "text",
  productId: "text",
  url: "text",
  altZh: "text",
  altEn: "text",
  width: "integer",
  height: "integer",
  position: "integer",
};

type SqlValue = string | number | null;

function toSqlValue(value: unknown, type: SqlType): SqlValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === "text[]") return JSON.stringify(value);
  if (typeof value === "string" || typeof value === "number") return value;
  throw new Error(`cannot bulk-insert ${typeof value} as ${type}`);
}

/**
 * INSERT … SELECT FROM unnest($1::text[], $2::integer[], …): one bind parameter per column instead
 * of one per cell (what createMany sends), which makes large seeds several times faster. Only ever
 * called with the fixed table and column names above; values always travel as parameters.
 */
async function bulkInsert<Row extends object>(db: DbClient, table: string, columns: Columns<Row>, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const entries = Object.entries(columns) as Array<[keyof Row & string, SqlType]>;
  const params = entries.map(([name, type]) => rows.map((row) => toSqlValue(row[name], type)));
  // unnest would flatten a two-dimensional array, so array columns arrive as JSON and are rebuilt per row.
  const select = entries.map(([, type], i) => (type === "text[]" ? `ARRAY(SELECT json_array_elements_text(c${i}::json))` : `c${i}`));
  const unnest = entries.map(([, type], i) => `$${i + 1}::${type === "text[]" ? "text" : type}[]`);
  const sql =
    `INSERT INTO "${table}" (${entries.map(([name]) => `"${name}"`).join(", ")}) ` +
    `SELECT ${select.join(", ")} FROM unnest(${unnest.join(", ")}) AS t(${entries.map((_, i) => `c${i}`).join(", ")})`;
  await db.$executeRawUnsafe(sql, ...params);
}

async function insertBatch(db: DbClient, batch: ProductRows[]): Promise<void> {
  // Parents before children: products, options, values, variants, then the links and media.
  await bulkInsert(db, "Product", PRODUCT_COLUMNS, batch.map((b) => b.product));
  await bulkInsert(db, "ProductOption", OPTION_COLUMNS, batch.flatMap((b) => b.options));
  await bulkInsert(db, "ProductOptionValue", OPTION_VALUE_COLUMNS, batch.flatMap((b) => b.values));
  await bulkInsert(db, "ProductVariant", VARIANT_COLUMNS, batch.flatMap((b) => b.variants));
  await bulkInsert(db, "_ProductOptionValueToProductVariant", LINK_COLUMNS, batch.flatMap((b) => b.links));
  await bulkInsert(db, "ProductMedia", MEDIA_COLUMNS, batch.flatMap((b) => b.media));
}

// ───────────────────────────── entry point ─────────────────────────────

/**
 * Writes the demo catalog into an empty database (see prisma/seed.ts for `--reset`). Accepts a
 * client or an open transaction, so tests can seed inside a transaction and roll it back.
 */
export async function seedDatabase(db: DbClient, options: SeedOptions = {}): Promise<SeedCounts> {
  const total = options.products ?? DEFAULT_PRODUCT_COUNT;
  if (!Number.isInteger(total) || total < 0) throw new Error(`products must be a non-negative integer, got ${total}`);
  assertCatalogConsistent();

  const { users } = await seedReferenceData(db);

  const plan = planProducts(total);
  const usedSlugs = new Set<string>();
  let products = 0;
  let variants = 0;
  let media = 0;
  let activeProducts = 0;
  options.onProgress?.(0, total);
  for (let start = 0; start < total; start += BATCH_SIZE) {
    const batch = plan.slice(start, start + BATCH_SIZE).map((planned, i) => buildProduct(start + i + 1, planned, usedSlugs));
    await insertBatch(db, batch);
    for (const rows of batch) {
      products++;
      variants += rows.variants.length;
      media += rows.media.length;
      if (rows.product.status === "ACTIVE") activeProducts++;
    }
    options.onProgress?.(Math.min(start + BATCH_SIZE, total), total);
  }
  const trade = await seedTrade(db);
  await seedShopDecoration(db);
  await seedCreators(db);
  await seedContent(db);
  await seedCampaigns(db);
  await seedCoupons(db);

  return {
    regions: REGIONS.length,
    categories: CATEGORIES.reduce((count, root) => count + 1 + (root.children?.length ?? 0), 0),
    shops: SHOPS.length,
    creators: CREATORS.length,
    users: users + trade.users,
    products,
    activeProducts,
    variants,
    media,
  };
}
