import { z } from "zod";
import { productCard } from "@/server/catalog/catalog.schema";
import { ATTRIBUTION_CHANNELS } from "@/server/cart/cart.schema";
import { MAX_RATE_BP, MIN_RATE_BP } from "@/server/affiliate/commission.rules";

const id = (name: string) => z.string().trim().min(1, { error: `${name} is required` }).max(64, { error: `${name} is not a valid id` });

// ───────────────────────────── storefront (public) ─────────────────────────────

export const storefrontInput = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{2,32}$/, { error: "handle must be 2–32 letters, digits or underscores" }),
});
export type StorefrontInput = z.infer<typeof storefrontInput>;

export const storefrontOutput = z.object({
  creator: z.object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    bioZh: z.string(),
    bioEn: z.string(),
    avatarUrl: z.string(),
    tags: z.array(z.string()),
    followerCount: z.number().int(),
    updatedAt: z.date(),
  }),
  isSignedIn: z.boolean(),
  isFollowing: z.boolean(),
  isOwner: z.boolean(),
  items: z.array(z.object({ position: z.number().int(), pitch: z.string(), product: productCard })),
  videos: z.array(
    z.object({ id: z.string(), posterUrl: z.string(), caption: z.string(), viewCount: z.number().int(), durationMs: z.number().int(), publishedAt: z.date() }),
  ),
  live: z.array(z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string(), scheduledStartAt: z.date() })),
});
export type StorefrontOutput = z.infer<typeof storefrontOutput>;

// ───────────────────────────── selection pool ─────────────────────────────

export const POOL_SORTS = ["rate", "commission", "sales"] as const;
export const POOL_PAGE_SIZE = 20;

export const poolInput = z.object({
  q: z.string().trim().max(60, { error: "q must be at most 60 characters" }).optional(),
  categorySlug: z.string().trim().max(80, { error: "categorySlug is not valid" }).optional(),
  /** Minimum commission rate in percent. */
  minRate: z.number({ error: "minRate must be a number" }).int({ error: "minRate must be a whole percent" }).min(0).max(90, { error: "minRate must be at most 90" }).optional(),
  sort: z.enum(POOL_SORTS, { error: "sort must be rate, commission or sales" }).default("rate"),
  page: z.number().int().min(1, { error: "page must be at least 1" }).max(1000).default(1),
});
export type PoolInput = z.infer<typeof poolInput>;

export const poolItem = z.object({
  product: productCard,
  rateBp: z.number().int(),
  /** Commission on one unit at the lowest price. */
  estimatedFen: z.number().int(),
  inShowcase: z.boolean(),
});
export const poolOutput = z.object({
  items: z.array(poolItem),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  categories: z.array(z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
export type PoolOutput = z.infer<typeof poolOutput>;

// ───────────────────────────── showcase ─────────────────────────────

export const MAX_PITCH_LENGTH = 80;
export const MAX_SHOWCASE_ITEMS = 100;

export const showcaseProductInput = z.object({ productId: id("productId") });
export const setPitchInput = z.object({
  productId: id("productId"),
  pitch: z.string().trim().max(MAX_PITCH_LENGTH, { error: `pitch must be at most ${MAX_PITCH_LENGTH} characters` }),
});
export const moveInput = z.object({
  productId: id("productId"),
  direction: z.enum(["up", "down"], { error: "direction must be up or down" }),
});

export const showcaseOutput = z.object({
  handle: z.string(),
  creatorId: z.string(),
  items: z.array(
    z.object({
      position: z.number().int(),
      pitch: z.string(),
      isVisible: z.boolean(),
      rateBp: z.number().int().nullable(),
      product: z.object({ id: z.string(), slug: z.string(), titleZh: z.string(), titleEn: z.string(), imageUrl: z.string().nullable(), minPriceFen: z.number().int() }),
    }),
  ),
});
export type ShowcaseOutput = z.infer<typeof showcaseOutput>;

// ───────────────────────────── earnings ─────────────────────────────

const commissionStatus = z.enum(["PENDING", "SETTLED", "REVERSED"]);
export const earningsInput = z.object({
  status: commissionStatus.optional(),
  page: z.number().int().min(1, { error: "page must be at least 1" }).max(1000).default(1),
});
export const EARNINGS_PAGE_SIZE = 20;

const totals = z.object({ pendingFen: z.number().int(), settledFen: z.number().int(), reversedFen: z.number().int(), count: z.number().int() });
export const earningsOutput = z.object({
  totals,
  byProduct: z.array(totals.extend({ productId: z.string(), titleZh: z.string(), titleEn: z.string() })),
  byChannel: z.array(totals.extend({ channel: z.enum(ATTRIBUTION_CHANNELS) })),
  items: z.array(
    z.object({
      id: z.string(),
      orderNoMasked: z.string(),
      titleZh: z.string(),
      titleEn: z.string(),
      channel: z.enum(ATTRIBUTION_CHANNELS),
      rateBp: z.number().int(),
      baseFen: z.number().int(),
      amountFen: z.number().int(),
      reversedFen: z.number().int(),
      status: commissionStatus,
      createdAt: z.date(),
      settledAt: z.date().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type EarningsOutput = z.infer<typeof earningsOutput>;

// ───────────────────────────── seller commission plans ─────────────────────────────

/** Rate in percent with up to two decimals, stored as basis points (1 %–90 %). */
export const rateBpSchema = z
  .number({ error: "rateBp must be a number" })
  .int({ error: "rateBp must be a whole number of basis points" })
  .min(MIN_RATE_BP, { error: "rateBp must be at least 100 (1 %)" })
  .max(MAX_RATE_BP, { error: "rateBp must be at most 9000 (90 %)" });

export const plansInput = z.object({ shopId: id("shopId").optional() });
export const upsertPlanInput = z.object({
  shopId: id("shopId"),
  /** Absent: the shop-wide plan. */
  productId: id("productId").optional(),
  rateBp: rateBpSchema,
});
export const deactivatePlanInput = z.object({ planId: id("planId") });

const plan = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  rateBp: z.number().int(),
  isActive: z.boolean(),
  updatedAt: z.date(),
});
export const plansOutput = z.object({
  shops: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
  shopId: z.string().nullable(),
  shopPlan: plan.nullable(),
  products: z.array(
    z.object({ id: z.string(), slug: z.string(), titleZh: z.string(), titleEn: z.string(), minPriceFen: z.number().int(), status: z.string(), plan: plan.nullable() }),
  ),
});
export type PlansOutput = z.infer<typeof plansOutput>;
export const planOutput = plan;
