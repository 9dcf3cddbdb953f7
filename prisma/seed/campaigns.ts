// Demo campaigns (ids prefixed `campaign_`): a promotion running now, one upcoming, one recently
// ended, an origin programme (产地名片 · 赣南) and a regional-goods channel (山货 · 长白山), with seed
// SKUs enrolled at 10–30 % off. Windows are computed from the time the seed runs, so the demo always
// has something running; everything else is deterministic (products picked by id order).
import type { DbClient } from "@/server/db/client";
import type { CampaignKind } from "@/server/generated/prisma/client";
import { bannerUrl } from "@/server/media/art";
import { SEED_PRODUCT_ID_PREFIX } from "@/prisma/seed/trade";

export const SEED_CAMPAIGN_ID_PREFIX = "campaign_";
const DAY = 86_400_000;

interface CampaignSpec {
  key: string;
  kind: CampaignKind;
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  themeColor: string;
  region?: string;
  /** Window relative to the seed time, in days. */
  fromDays: number;
  toDays: number;
  minDiscountBp: number;
  /** How many products to enrol (their first active SKU). */
  products: number;
}

const SPECS: CampaignSpec[] = [
  {
    key: "double11-encore",
    kind: "PROMOTION",
    titleZh: "双11返场 · 好价再续",
    titleEn: "Singles' Day Encore",
    subtitleZh: "错过双11？精选好物返场价，限时一周",
    subtitleEn: "Missed Singles' Day? Encore prices on picked goods, one week only",
    descriptionZh: "双11热卖好物限时返场：参与商品直接按活动价结算，无需领券，数量有限，售完即止。",
    descriptionEn: "Singles' Day best-sellers are back for a week: enrolled goods check out at the campaign price, no coupon needed, while stocks last.",
    themeColor: "#fe2c55",
    fromDays: -1,
    toDays: 7,
    minDiscountBp: 1000,
    products: 24,
  },
  {
    key: "winter-warmth",
    kind: "PROMOTION",
    titleZh: "暖冬焕新节",
    titleEn: "Winter Warmth Festival",
    subtitleZh: "围巾、暖饮、家居好物，入冬焕新",
    subtitleEn: "Scarves, warm drinks and home comforts for the cold season",
    descriptionZh: "入冬焕新季即将开启，商家正在报名，敬请期待。",
    descriptionEn: "The winter refresh is coming soon; merchants are enrolling their goods now.",
    themeColor: "#2563eb",
    fromDays: 10,
    toDays: 17,
    minDiscountBp: 1000,
    products: 8,
  },
  {
    key: "golden-autumn",
    kind: "PROMOTION",
    titleZh: "金秋上新季",
    titleEn: "Golden Autumn New Arrivals",
    subtitleZh: "秋季新品尝鲜价",
    subtitleEn: "Launch prices on autumn arrivals",
    descriptionZh: "金秋上新季已结束，感谢参与。商品已恢复日常价格。",
    descriptionEn: "The autumn arrivals campaign has ended; thank you. Goods are back at their regular prices.",
    themeColor: "#d97706",
    fromDays: -20,
    toDays: -6,
    minDiscountBp: 500,
    products: 8,
  },
  {
    key: "origin-gannan",
    kind: "ORIGIN",
    titleZh: "产地名片 · 赣南脐橙",
    titleEn: "Origin Showcase · Gannan Navel Oranges",
    subtitleZh: "从果园直达餐桌，产地直发",
    subtitleEn: "From the orchard to your table, shipped from the source",
    descriptionZh: "走进赣南：红壤丘陵上的脐橙果园，现摘现发。认识产地的生产者，买到地道的原产好货。",
    descriptionEn: "Visit Gannan: navel-orange orchards on red-soil hills, picked and shipped the same day. Meet the growers and buy the real thing.",
    themeColor: "#ea580c",
    region: "gannan",
    fromDays: -3,
    toDays: 30,
    minDiscountBp: 1000,
    products: 12,
  },
  {
    key: "shanhuo-changbai",
    kind: "REGIONAL_GOODS",
    titleZh: "长白山山货节",
    titleEn: "Changbai Mountain Forest Goods",
    subtitleZh: "椴木香菇、秋木耳、松子、椴树蜜",
    subtitleEn: "Log-grown shiitake, autumn fungus, pine nuts and linden honey",
    descriptionZh: "来自东北林区的山货：林下采集、自然晾晒，由长白山本地商家直供。",
    descriptionEn: "Forest goods from the northeast: gathered under the trees, sun-dried, sold direct by local Changbai Mountain shops.",
    themeColor: "#15803d",
    region: "changbai-mountain",
    fromDays: -2,
    toDays: 14,
    minDiscountBp: 1000,
    products: 12,
  },
];

export const seedCampaignId = (key: string) => `${SEED_CAMPAIGN_ID_PREFIX}${key}`;

/** 10–30 % off, spread deterministically over the enrolled SKUs. */
export function seedDiscountPercent(index: number): number {
  return 10 + ((index * 13) % 21);
}

export async function seedCampaigns(db: DbClient, now: Date = new Date()): Promise<{ campaigns: number; items: number }> {
  // Whole hours, so the windows read nicely ("ends 23 Nov 20:00") and re-seeding minutes apart agrees.
  const base = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await db.campaign.createMany({
    data: SPECS.map((s) => ({
      id: seedCampaignId(s.key),
      slug: s.key,
      kind: s.kind,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      subtitleZh: s.subtitleZh,
      subtitleEn: s.subtitleEn,
      descriptionZh: s.descriptionZh,
      descriptionEn: s.descriptionEn,
      bannerUrl: bannerUrl(`campaign-${s.key}`),
      themeColor: s.themeColor,
      regionId: s.region ? `region_${s.region}` : null,
      startsAt: new Date(base.getTime() + s.fromDays * DAY),
      endsAt: new Date(base.getTime() + s.toDays * DAY),
      enrolOpen: s.toDays > 0,
      minDiscountBp: s.minDiscountBp,
    })),
  });

  // First active SKU of each active seed product, in id order.
  const variants = await db.productVariant.findMany({
    where: { isActive: true, productId: { startsWith: SEED_PRODUCT_ID_PREFIX }, product: { status: "ACTIVE" } },
    select: { id: true, productId: true, priceFen: true, product: { select: { shopId: true, regionId: true } } },
    orderBy: { id: "asc" },
  });
  const firstOfProduct = new Map<string, (typeof variants)[number]>();
  for (const v of variants) if (!firstOfProduct.has(v.productId)) firstOfProduct.set(v.productId, v);
  const skus = [...firstOfProduct.values()].sort((a, b) => a.productId.localeCompare(b.productId, "en", { numeric: true }));

  const origin = new Set(SPECS.filter((s) => s.region).map((s) => `region_${s.region}`));
  const general = skus.filter((v) => !v.product.regionId || !origin.has(v.product.regionId));
  const items: Array<{ id: string; campaignId: string; productId: string; variantId: string; shopId: string; campaignPriceFen: number }> = [];
  let generalOffset = 0;
  let n = 0;
  for (const s of SPECS) {
    let picked: typeof skus;
    if (s.region) {
      picked = skus.filter((v) => v.product.regionId === `region_${s.region}`).slice(0, s.products);
    } else {
      // Spread over the catalog (every 3rd product), each promotion on its own products.
      picked = general.filter((_, i) => i % 3 === 0).slice(generalOffset, generalOffset + s.products);
      generalOffset += s.products;
    }
    for (const v of picked) {
      const pct = seedDiscountPercent(n++);
      const price = Math.floor((v.priceFen * (100 - pct)) / 100);
      if (price <= 0) continue;
      items.push({
        id: `${seedCampaignId(s.key)}_${v.id}`,
        campaignId: seedCampaignId(s.key),
        productId: v.productId,
        variantId: v.id,
        shopId: v.product.shopId,
        campaignPriceFen: price,
      });
    }
  }
  if (items.length) await db.campaignItem.createMany({ data: items });
  return { campaigns: SPECS.length, items: items.length };
}
