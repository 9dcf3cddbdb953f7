// Campaigns (营销场): platform activities with a time window and enrolled SKUs at a campaign price,
// including origin (产地名片) and regional-goods (山货) channels that showcase a region's producers.
// The campaign price itself is applied by server/marketing/price.ts wherever prices are read; this
// module lists, shows, creates and enrols.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import { bannerUrl } from "@/server/media/art";
import { assertShopMember } from "@/server/shop/shop.service";
import { effectivePrices } from "@/server/marketing/price";
import {
  campaignPhase,
  canEnrol,
  canWithdraw,
  discountPercent,
  enrolPriceProblem,
  priceChangeProblem,
  regionProblem,
  windowProblem,
  yuanToFen,
} from "@/server/marketing/campaign.rules";
import type {
  AdminCampaign,
  CampaignDetail,
  CampaignLists,
  CampaignProduct,
  CampaignSort,
  CampaignSummary,
  CampaignWriteInput,
  ProductCampaignPrices,
  SellerCampaign,
  SellerSku,
} from "@/server/marketing/campaign.schema";

/** How long an ended campaign stays on the /campaigns list. */
const RECENTLY_ENDED_DAYS = 30;
const MAX_CAMPAIGN_PRODUCTS = 240;

const SUMMARY_SELECT = {
  id: true,
  slug: true,
  kind: true,
  titleZh: true,
  titleEn: true,
  subtitleZh: true,
  subtitleEn: true,
  bannerUrl: true,
  themeColor: true,
  startsAt: true,
  endsAt: true,
  enrolOpen: true,
  minDiscountBp: true,
  region: { select: { slug: true, nameZh: true, nameEn: true, provinceZh: true, provinceEn: true } },
  _count: { select: { items: true } },
} satisfies Prisma.CampaignSelect;

type SummaryRow = Prisma.CampaignGetPayload<{ select: typeof SUMMARY_SELECT }>;

function toSummary(c: SummaryRow, at: Date): CampaignSummary {
  return {
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    subtitleZh: c.subtitleZh,
    subtitleEn: c.subtitleEn,
    bannerUrl: c.bannerUrl,
    themeColor: c.themeColor,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    phase: campaignPhase(c, at),
    itemCount: c._count.items,
    region: c.region,
  };
}

// ───────────────────────────── public ─────────────────────────────

/** Running (ending soonest first), upcoming (starting soonest first) and recently ended campaigns. */
export async function listCampaigns(db: DbClient, at: Date = new Date()): Promise<CampaignLists> {
  const since = new Date(at.getTime() - RECENTLY_ENDED_DAYS * 86_400_000);
  const rows = await db.campaign.findMany({ where: { endsAt: { gt: since } }, select: SUMMARY_SELECT, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: 100 });
  const all = rows.map((r) => toSummary(r, at));
  return {
    running: all.filter((c) => c.phase === "RUNNING").sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime()),
    upcoming: all.filter((c) => c.phase === "UPCOMING"),
    ended: all.filter((c) => c.phase === "ENDED").sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime()),
  };
}

/** A campaign's page: texts, window, the enrolled products (one card per product) and, for origin kinds, the region. */
export async function getCampaign(db: DbClient, slug: string, sort: CampaignSort = "discount", at: Date = new Date()): Promise<CampaignDetail> {
  const c = await db.campaign.findUnique({
    where: { slug },
    select: { ...SUMMARY_SELECT, descriptionZh: true, descriptionEn: true, regionId: true, region: { select: { ...SUMMARY_SELECT.region.select, descriptionZh: true, descriptionEn: true } } },
  });
  if (!c) throw notFound("Campaign");

  const items = await db.campaignItem.findMany({
    where: { campaignId: c.id, variant: { isActive: true }, product: { status: "ACTIVE", shop: { status: "ACTIVE" } } },
    select: {
      campaignPriceFen: true,
      variant: { select: { priceFen: true, stock: true } },
      product: {
        select: {
          id: true,
          slug: true,
          titleZh: true,
          titleEn: true,
          salesCount: true,
          media: { select: { url: true }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1 },
          shop: { select: { slug: true, nameZh: true, nameEn: true } },
        },
      },
    },
    orderBy: { id: "asc" },
    take: MAX_CAMPAIGN_PRODUCTS * 4,
  });
  const byProduct = new Map<string, CampaignProduct>();
  for (const it of items) {
    const p = it.product;
    const current = byProduct.get(p.id);
    // Sold out only when every enrolled SKU of the product is.
    const isSoldOut = it.variant.stock <= 0 && (current?.isSoldOut ?? true);
    if (!current || it.campaignPriceFen < current.campaignPriceFen) {
      byProduct.set(p.id, {
        productId: p.id,
        slug: p.slug,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        imageUrl: p.media[0]?.url ?? null,
        campaignPriceFen: it.campaignPriceFen,
        regularPriceFen: it.variant.priceFen,
        discountPercent: discountPercent(it.campaignPriceFen, it.variant.priceFen),
        salesCount: p.salesCount,
        isSoldOut,
        shop: p.shop,
      });
    } else {
      current.isSoldOut = isSoldOut;
    }
  }
  const products = [...byProduct.values()]
    .sort((a, b) =>
      sort === "sales"
        ? b.salesCount - a.salesCount || b.discountPercent - a.discountPercent || a.productId.localeCompare(b.productId)
        : b.discountPercent - a.discountPercent || b.salesCount - a.salesCount || a.productId.localeCompare(b.productId),
    )
    .slice(0, MAX_CAMPAIGN_PRODUCTS);

  const producers =
    c.kind !== "PROMOTION" && c.regionId
      ? await db.shop.findMany({
          where: { regionId: c.regionId, status: "ACTIVE" },
          select: { id: true, slug: true, nameZh: true, nameEn: true, logoUrl: true, taglineZh: true, taglineEn: true },
          orderBy: [{ followerCount: "desc" }, { id: "asc" }],
          take: 12,
        })
      : [];

  const { region, descriptionZh, descriptionEn } = c;
  return {
    ...toSummary({ ...c, region: region ? { slug: region.slug, nameZh: region.nameZh, nameEn: region.nameEn, provinceZh: region.provinceZh, provinceEn: region.provinceEn } : null }, at),
    descriptionZh,
    descriptionEn,
    regionStory: c.kind !== "PROMOTION" && region ? { descriptionZh: region.descriptionZh, descriptionEn: region.descriptionEn } : null,
    products,
    producers,
  };
}

/**
 * The product page's campaign band: every active SKU's effective price for this shopper now, and
 * the campaign whose price applies (null when no SKU is at a campaign price).
 */
export async function productCampaignPrices(db: DbClient, productId: string, userId: string | null, at: Date = new Date()): Promise<ProductCampaignPrices> {
  const variants = await db.productVariant.findMany({
    where: { productId, isActive: true },
    select: { id: true, priceFen: true, memberPriceFen: true, product: { select: { shopId: true } } },
  });
  if (variants.length === 0) return null;
  const prices = await effectivePrices(
    db,
    variants.map((v) => ({ id: v.id, priceFen: v.priceFen, memberPriceFen: v.memberPriceFen, shopId: v.product.shopId })),
    userId,
    at,
  );
  let best: { campaignId: string; priceFen: number } | null = null;
  for (const p of prices.values()) {
    if (p.kind === "CAMPAIGN" && p.campaignId && (!best || p.priceFen < best.priceFen)) best = { campaignId: p.campaignId, priceFen: p.priceFen };
  }
  if (!best) return null;
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: best.campaignId }, select: { id: true, slug: true, titleZh: true, titleEn: true, endsAt: true } });
  return {
    campaign,
    variants: variants.map((v) => {
      const p = prices.get(v.id)!;
      return { variantId: v.id, priceFen: p.priceFen, regularPriceFen: p.regularPriceFen, isCampaign: p.kind === "CAMPAIGN" };
    }),
  };
}

/** Slugs for the sitemap: campaigns not ended more than RECENTLY_ENDED_DAYS ago. */
export async function campaignSlugs(db: DbClient, at: Date = new Date()) {
  const since = new Date(at.getTime() - RECENTLY_ENDED_DAYS * 86_400_000);
  return db.campaign.findMany({ where: { endsAt: { gt: since } }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
}

// ───────────────────────────── admin ─────────────────────────────

async function adminRow(db: DbClient, where: Prisma.CampaignWhereInput, at: Date) {
  const rows = await db.campaign.findMany({
    where,
    select: { ...SUMMARY_SELECT, descriptionZh: true, descriptionEn: true, regionId: true },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const shops = rows.length
    ? await db.campaignItem.groupBy({ by: ["campaignId", "shopId"], where: { campaignId: { in: rows.map((r) => r.id) } } })
    : [];
  return rows.map(
    (r): AdminCampaign => ({
      ...toSummary(r, at),
      enrolOpen: r.enrolOpen,
      minDiscountBp: r.minDiscountBp,
      shopCount: shops.filter((s) => s.campaignId === r.id).length,
      descriptionZh: r.descriptionZh,
      descriptionEn: r.descriptionEn,
      regionId: r.regionId,
    }),
  );
}

export function adminListCampaigns(db: DbClient, at: Date = new Date()) {
  return adminRow(db, {}, at);
}

export async function adminGetCampaign(db: DbClient, id: string, at: Date = new Date()): Promise<AdminCampaign> {
  const [row] = await adminRow(db, { id }, at);
  if (!row) throw notFound("Campaign");
  return row;
}

export function listRegions(db: DbClient) {
  return db.region.findMany({ select: { id: true, nameZh: true, nameEn: true, provinceZh: true, provinceEn: true }, orderBy: { id: "asc" } });
}

async function checkWrite(db: DbClient, input: CampaignWriteInput, exceptId: string | null): Promise<void> {
  const problem = windowProblem(input);
  if (problem) throw new AppError("BAD_REQUEST", problem.message, { field: problem.field });
  if (input.regionId) {
    const region = await db.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
    if (!region) throw new AppError("BAD_REQUEST", "regionId: no such region", { field: "regionId" });
  }
  const taken = await db.campaign.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new AppError("CONFLICT", "slug: another campaign already uses this slug", { field: "slug" });
}

function writeData(input: CampaignWriteInput) {
  return {
    slug: input.slug,
    kind: input.kind,
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    subtitleZh: input.subtitleZh,
    subtitleEn: input.subtitleEn,
    descriptionZh: input.descriptionZh,
    descriptionEn: input.descriptionEn,
    themeColor: input.themeColor,
    regionId: input.regionId ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    enrolOpen: input.enrolOpen,
    minDiscountBp: input.minDiscountBp,
  };
}

export async function createCampaign(db: DbClient, input: CampaignWriteInput): Promise<{ id: string; slug: string }> {
  await checkWrite(db, input, null);
  // Generated banner art keyed by the slug (the art route draws shapes only, nothing from the key).
  const created = await db.campaign.create({ data: { ...writeData(input), bannerUrl: bannerUrl(`campaign-${input.slug}`.slice(0, 48)) }, select: { id: true, slug: true } });
  return created;
}

export async function updateCampaign(db: DbClient, id: string, input: CampaignWriteInput): Promise<{ id: string; slug: string }> {
  const existing = await db.campaign.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound("Campaign");
  await checkWrite(db, input, id);
  return db.campaign.update({ where: { id }, data: writeData(input), select: { id: true, slug: true } });
}

// ───────────────────────────── seller ─────────────────────────────

const VARIANT_LABEL_SELECT = { optionValues: { select: { valueZh: true, valueEn: true, option: { select: { position: true } } } } } as const;

function variantLabels(values: Array<{ valueZh: string; valueEn: string; option: { position: number } }>) {
  const sorted = [...values].sort((a, b) => a.option.position - b.option.position);
  return { variantLabelZh: sorted.map((v) => v.valueZh).join(" / "), variantLabelEn: sorted.map((v) => v.valueEn || v.valueZh).join(" / ") };
}

async function myShopIds(db: DbClient, userId: string): Promise<string[]> {
  return (await db.shopMember.findMany({ where: { userId }, select: { shopId: true } })).map((m) => m.shopId);
}

/** Campaigns a seller can see in the centre (not ended), with the seller's own enrolled SKUs, and the SKUs they may enrol. */
export async function sellerCampaigns(db: DbClient, userId: string, at: Date = new Date()): Promise<{ campaigns: SellerCampaign[]; skus: SellerSku[] }> {
  const shopIds = await myShopIds(db, userId);
  const rows = await db.campaign.findMany({
    where: { endsAt: { gt: at } },
    select: { ...SUMMARY_SELECT, regionId: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 50,
  });
  const items = rows.length && shopIds.length
    ? await db.campaignItem.findMany({
        where: { campaignId: { in: rows.map((r) => r.id) }, shopId: { in: shopIds } },
        select: {
          campaignId: true,
          campaignPriceFen: true,
          variant: { select: { id: true, priceFen: true, ...VARIANT_LABEL_SELECT } },
          product: { select: { id: true, slug: true, titleZh: true, titleEn: true } },
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const campaigns = rows.map(
    (r): SellerCampaign => ({
      ...toSummary(r, at),
      enrolOpen: r.enrolOpen,
      minDiscountBp: r.minDiscountBp,
      regionId: r.kind === "PROMOTION" ? null : r.regionId,
      canEnrol: canEnrol(r, at),
      canWithdraw: canWithdraw(r, at),
      enrolled: items
        .filter((i) => i.campaignId === r.id)
        .map((i) => ({
          variantId: i.variant.id,
          productId: i.product.id,
          productSlug: i.product.slug,
          titleZh: i.product.titleZh,
          titleEn: i.product.titleEn,
          ...variantLabels(i.variant.optionValues),
          regularPriceFen: i.variant.priceFen,
          campaignPriceFen: i.campaignPriceFen,
        })),
    }),
  );
  const variants = shopIds.length
    ? await db.productVariant.findMany({
        where: { isActive: true, product: { shopId: { in: shopIds }, status: "ACTIVE" } },
        select: {
          id: true,
          priceFen: true,
          ...VARIANT_LABEL_SELECT,
          product: { select: { id: true, titleZh: true, titleEn: true, regionId: true, shop: { select: { regionId: true } } } },
        },
        orderBy: [{ productId: "asc" }, { id: "asc" }],
        take: 500,
      })
    : [];
  const skus = variants.map((v) => ({
    variantId: v.id,
    productId: v.product.id,
    titleZh: v.product.titleZh,
    titleEn: v.product.titleEn,
    ...variantLabels(v.optionValues),
    priceFen: v.priceFen,
    regionId: v.product.regionId ?? v.product.shop.regionId,
  }));
  return { campaigns, skus };
}

/**
 * Enrols one SKU of the seller's own ACTIVE product at a campaign price (yuan as typed), or re-prices
 * an enrolled one (downwards only once the campaign runs). Another shop's SKU: FORBIDDEN.
 */
export async function enrol(
  db: DbClient,
  userId: string,
  input: { campaignId: string; variantId: string; price: string },
  at: Date = new Date(),
): Promise<{ campaignId: string; variantId: string; campaignPriceFen: number }> {
  const priceFen = yuanToFen(input.price);
  if (priceFen === null) throw new AppError("BAD_REQUEST", "price: enter an amount in yuan, e.g. 79.90", { field: "price" });
  const [campaign, variant] = await Promise.all([
    db.campaign.findUnique({
      where: { id: input.campaignId },
      select: { id: true, kind: true, regionId: true, startsAt: true, endsAt: true, enrolOpen: true, minDiscountBp: true },
    }),
    db.productVariant.findUnique({
      where: { id: input.variantId },
      select: { id: true, priceFen: true, isActive: true, product: { select: { id: true, shopId: true, status: true, regionId: true, shop: { select: { regionId: true } } } } },
    }),
  ]);
  if (!campaign) throw notFound("Campaign");
  if (!variant) throw notFound("SKU");
  await assertShopMember(db, userId, variant.product.shopId);
  if (variant.product.status !== "ACTIVE" || !variant.isActive) {
    throw new AppError("BAD_REQUEST", "variantId: only SKUs of active products can be enrolled", { field: "variantId" });
  }
  const wrongRegion = regionProblem(campaign, { regionId: variant.product.regionId, shopRegionId: variant.product.shop.regionId });
  if (wrongRegion) throw new AppError("BAD_REQUEST", wrongRegion, { field: "variantId" });
  const priceProblem = enrolPriceProblem(variant.priceFen, priceFen, campaign.minDiscountBp);
  if (priceProblem) throw new AppError("BAD_REQUEST", priceProblem, { field: "price" });

  const existing = await db.campaignItem.findUnique({
    where: { campaignId_variantId: { campaignId: campaign.id, variantId: variant.id } },
    select: { id: true, campaignPriceFen: true },
  });
  if (existing) {
    const change = priceChangeProblem(campaign, at, existing.campaignPriceFen, priceFen);
    if (change) throw new AppError("CONFLICT", change, { field: change.split(":")[0] });
    await db.campaignItem.update({ where: { id: existing.id }, data: { campaignPriceFen: priceFen } });
  } else {
    if (!canEnrol(campaign, at)) throw new AppError("CONFLICT", "campaignId: enrolment in this campaign is closed", { field: "campaignId" });
    await db.campaignItem.create({
      data: { campaignId: campaign.id, variantId: variant.id, productId: variant.product.id, shopId: variant.product.shopId, campaignPriceFen: priceFen },
    });
  }
  return { campaignId: campaign.id, variantId: variant.id, campaignPriceFen: priceFen };
}

/** Takes the seller's SKU out of a campaign that has not started. Another shop's SKU: FORBIDDEN. */
export async function withdraw(db: DbClient, userId: string, input: { campaignId: string; variantId: string }, at: Date = new Date()): Promise<{ ok: true }> {
  const item = await db.campaignItem.findUnique({
    where: { campaignId_variantId: { campaignId: input.campaignId, variantId: input.variantId } },
    select: { id: true, shopId: true, campaign: { select: { startsAt: true, endsAt: true } } },
  });
  if (!item) throw notFound("Enrolment");
  await assertShopMember(db, userId, item.shopId);
  if (!canWithdraw(item.campaign, at)) throw new AppError("CONFLICT", "campaignId: the campaign has started; its goods stay until it ends", { field: "campaignId" });
  await db.campaignItem.delete({ where: { id: item.id } });
  return { ok: true };
}
