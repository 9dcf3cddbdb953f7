// Demo shop decoration (section ids prefixed `shopsec_`): a banner, featured products, a coupon strip,
// a category block and a rich-text story for a handful of seed shops; and member prices (5 % below
// the regular price) for the SKUs of every other product of those shops. Only seed rows are read or
// written, in a fixed order, so the result is deterministic.
import type { DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { shopBannerUrl } from "@/server/media/art";
import { sanitizeHtml } from "@/server/shop/sanitize";
import { SEED_PRODUCT_ID_PREFIX, seedShopId } from "@/prisma/seed/trade";

export const SEED_SECTION_ID_PREFIX = "shopsec_";

interface DecorationSpec {
  slug: string;
  headlineZh: string;
  featuredTitle: string;
  story: string;
}

const SPECS: DecorationSpec[] = [
  {
    slug: "gannan-orchard",
    headlineZh: "赣南脐橙 · 树上熟了才摘",
    featuredTitle: "当季鲜果",
    story:
      "<h2>我们的果园故事</h2><p>果园在赣州信丰的丘陵上，红壤、昼夜温差大，脐橙<strong>甜度常年 13° 以上</strong>。</p>" +
      "<p>我们不催熟、不打蜡，每一颗都在<em>下单后 48 小时内</em>从树上摘下、分拣、发货。</p>" +
      "<ul><li>坏果包赔，拍照即退</li><li>顺丰冷链直达</li><li>产地名片认证果园</li></ul>" +
      "<blockquote>“果子好不好，尝一口就知道。” —— 果农老刘</blockquote>",
  },
  {
    slug: "anxi-tea-growers",
    headlineZh: "安溪铁观音 · 茶农直供",
    featuredTitle: "茶农推荐",
    story:
      "<h2>一片茶叶的旅程</h2><p>安溪西坪的茶园海拔 800 米，我们三代人做茶，春秋两季手工采摘。</p>" +
      "<h3>怎么泡更好喝</h3><ol><li>100°C 沸水温杯</li><li>投茶 7 克，第一泡快出汤</li><li>之后每泡延长 5 秒</li></ol>",
  },
  {
    slug: "nuandao-appliances",
    headlineZh: "暖岛电器 · 两年质保只换不修",
    featuredTitle: "掌柜推荐",
    story:
      "<h2>慈溪产业带的原创品牌</h2><p>暖岛专注厨房小电十余年，从一家代工厂成长为自有品牌。</p>" +
      "<p>所有产品<strong>两年质保，只换不修</strong>；加入店铺会员享会员价和会员专享券。</p>",
  },
  {
    slug: "shiguang-beauty",
    headlineZh: "拾光美妆 · 温和配方",
    featuredTitle: "人气单品",
    story: "<h2>温和，是我们的第一条配方原则</h2><p>每一款产品都经过敏感肌测试，成分表写在商品页第一屏。</p>",
  },
  {
    slug: "shengyu-audio",
    headlineZh: "声屿音频 · 听见细节",
    featuredTitle: "发烧友之选",
    story: "<h2>东莞声学工厂出品</h2><p>从振膜到腔体自主设计，每副耳机出厂前逐一调音。</p>",
  },
];

export async function seedShopDecoration(db: DbClient): Promise<{ sections: number; memberPricedVariants: number }> {
  const sections: Prisma.ShopSectionCreateManyInput[] = [];
  const memberProducts: string[] = [];
  for (const spec of SPECS) {
    const shopId = seedShopId(spec.slug);
    const shop = await db.shop.findUnique({ where: { id: shopId }, select: { id: true } });
    if (!shop) continue;
    const products = await db.product.findMany({
      where: { shopId, id: { startsWith: SEED_PRODUCT_ID_PREFIX }, status: "ACTIVE" },
      orderBy: [{ salesCount: "desc" }, { id: "asc" }],
      select: { id: true, categoryId: true, category: { select: { artKey: true } } },
    });
    if (products.length === 0) continue;
    products.forEach((p, i) => i % 2 === 0 && memberProducts.push(p.id));
    const top = products[0]!;
    const section = (i: number, kind: Prisma.ShopSectionCreateManyInput["kind"], config: Prisma.InputJsonValue) =>
      sections.push({ id: `${SEED_SECTION_ID_PREFIX}${spec.slug}_${i}`, shopId, position: i, kind, config });
    section(0, "BANNER", { imageUrl: shopBannerUrl(spec.slug, top.category.artKey), headline: spec.headlineZh, link: { type: "product", productId: top.id } });
    section(1, "COUPON_STRIP", { title: "" });
    // Featured: the long tail after the best sellers (the category block already shows those).
    const featured = products.length > 8 ? products.slice(6, 12) : products.slice(0, 6);
    section(2, "FEATURED_PRODUCTS", { title: spec.featuredTitle, productIds: featured.map((p) => p.id) });
    section(3, "CATEGORY_BLOCK", { title: "", categoryId: top.categoryId, limit: 6 });
    section(4, "RICH_TEXT", { html: sanitizeHtml(spec.story) });
  }
  if (sections.length) await db.shopSection.createMany({ data: sections, skipDuplicates: true });
  const priced = memberProducts.length
    ? await db.$executeRaw`
        UPDATE "ProductVariant" SET "memberPriceFen" = ("priceFen" * 95) / 100
        WHERE "productId" = ANY(${memberProducts}::text[]) AND "priceFen" >= 100`
    : 0;
  return { sections: sections.length, memberPricedVariants: priced };
}
