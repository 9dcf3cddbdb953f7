// Demo posts (挂车短视频): 120 short videos by the seed creators and shops, each with its own caption,
// hashtags, 1–3 attached products, author and poster, spread over every category so interest
// shifting is visible in the feed. The clips are the committed files under public/demo/videos/
// (prisma/seed/demo-videos.ts): one per illustration family, reused across posts of that family.
// Ids: `post_0001`…; only rows with that prefix are written.
import type { DbClient } from "@/server/db/client";
import { Random } from "@/server/lib/random";
import { CREATORS } from "@/prisma/seed/catalog-data";
import { DEMO_CLIP_KEYS, demoClip, type DemoClipKey } from "@/prisma/seed/demo-videos";
import { dominantCategory } from "@/server/content/post.rules";

export const SEED_POST_COUNT = 120;
export const SEED_POST_ID_PREFIX = "post_";

const OPENERS = [
  "今天开箱这个，真的没想到",
  "用了一个月的真实感受：",
  "宿舍/出租屋也能用的好物",
  "闭眼入系列：",
  "三十秒看懂怎么选",
  "家里人都说好的",
  "被问了八百遍链接的",
  "平价替代，效果不输大牌",
  "产地直发，新鲜看得见",
  "周末一起来试试这个",
];
const CLOSERS = ["链接挂在下面了", "喜欢的话点个赞", "评论区告诉我你的用法", "买前先看这条", "建议收藏", "有问题评论区见"];
const TAG_POOL = ["好物推荐", "开箱", "真实测评", "生活小技巧", "宝藏好物", "居家", "新品", "产地好货"];

interface ProductRow {
  id: string;
  titleZh: string;
  categoryId: string;
  shopId: string;
  tags: string[];
  artKey: string | null;
  categoryNameZh: string;
}

function artKeyOf(url: string | undefined): string | null {
  const m = url ? /\/media\/art\/product\/([a-z0-9-]+)\//.exec(url) : null;
  return m ? m[1] : null;
}

export async function seedContent(db: DbClient): Promise<{ posts: number }> {
  const rows = await db.product.findMany({
    where: { status: "ACTIVE", shop: { status: "ACTIVE" } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      titleZh: true,
      categoryId: true,
      shopId: true,
      tags: true,
      category: { select: { nameZh: true } },
      media: { select: { url: true }, orderBy: { position: "asc" }, take: 1 },
    },
  });
  if (rows.length === 0) return { posts: 0 };
  const products: ProductRow[] = rows.map((r) => ({
    id: r.id,
    titleZh: r.titleZh,
    categoryId: r.categoryId,
    shopId: r.shopId,
    tags: r.tags,
    artKey: artKeyOf(r.media[0]?.url),
    categoryNameZh: r.category.nameZh,
  }));
  const byArt = new Map<DemoClipKey, ProductRow[]>();
  for (const key of DEMO_CLIP_KEYS) byArt.set(key, []);
  for (const p of products) if (p.artKey && byArt.has(p.artKey as DemoClipKey)) byArt.get(p.artKey as DemoClipKey)!.push(p);
  const themes = DEMO_CLIP_KEYS.filter((k) => byArt.get(k)!.length > 0);
  // Products of the box family (or none matching) still get videos: the fallback clip is picked by hash.
  const fallback = products.filter((p) => !p.artKey || !byArt.has(p.artKey as DemoClipKey));

  const creators = await db.creatorProfile.findMany({
    where: { id: { in: CREATORS.map((c) => `creator_${c.handle}`) } },
    orderBy: { id: "asc" },
    select: { id: true, userId: true },
  });
  const owners = new Map(
    (await db.shopMember.findMany({ where: { role: "OWNER" }, orderBy: { userId: "asc" }, select: { shopId: true, userId: true } })).map((m) => [m.shopId, m.userId]),
  );

  const rng = new Random("seed-content");
  const now = Date.now();
  const posts = [];
  const links: { postId: string; productId: string; position: number }[] = [];
  for (let i = 0; i < SEED_POST_COUNT; i++) {
    const id = `${SEED_POST_ID_PREFIX}${String(i + 1).padStart(4, "0")}`;
    let clipKey: DemoClipKey;
    let pool: ProductRow[];
    if (themes.length > 0 && (fallback.length === 0 || i % 10 !== 9)) {
      clipKey = themes[i % themes.length];
      pool = byArt.get(clipKey)!;
    } else {
      clipKey = rng.pick(DEMO_CLIP_KEYS);
      pool = fallback.length ? fallback : products;
    }
    const lead = pool[Math.floor(i / Math.max(themes.length, 1)) % pool.length] ?? rng.pick(pool);
    const attached = [lead];
    const extra = rng.int(0, 2);
    const siblings = pool.filter((p) => p.id !== lead.id);
    for (let k = 0; k < extra && siblings.length > 0; k++) {
      const p = siblings.splice(rng.int(0, siblings.length - 1), 1)[0];
      attached.push(p);
    }

    // Alternate voices: two posts in three by creators (affiliates), one by the lead product's shop.
    const byShop = i % 3 === 2 || creators.length === 0;
    const shopOwner = owners.get(lead.shopId);
    const creator = creators[i % Math.max(creators.length, 1)];
    const asShop = byShop && !!shopOwner;
    if (!asShop && !creator) continue;

    const title = lead.titleZh.length > 24 ? `${lead.titleZh.slice(0, 24)}…` : lead.titleZh;
    const caption = `${rng.pick(OPENERS)}${title}。${rng.pick(CLOSERS)}`;
    const hashtags = [...new Set([lead.categoryNameZh, ...(lead.tags.slice(0, 2)), rng.pick(TAG_POOL)].map((t) => t.replace(/[\s#<>]/g, "")).filter(Boolean))].slice(0, 5);
    const clip = demoClip(clipKey);
    const views = rng.int(200, 60_000);
    posts.push({
      id,
      kind: "VIDEO" as const,
      status: "PUBLISHED" as const,
      authorUserId: asShop ? shopOwner! : creator.userId,
      creatorId: asShop ? null : creator.id,
      shopId: asShop ? lead.shopId : null,
      caption,
      hashtags,
      videoUrl: clip.videoUrl,
      posterUrl: clip.posterUrl,
      durationMs: clip.durationMs,
      width: clip.width,
      height: clip.height,
      categoryId: dominantCategory(attached.map((p) => p.categoryId)),
      viewCount: views,
      completionCount: Math.floor(views * rng.range(0.2, 0.6)),
      likeCount: Math.floor(views * rng.range(0.01, 0.08)),
      shareCount: Math.floor(views * rng.range(0.001, 0.01)),
      // Newest first is post_0001; spread over the last ~30 days.
      publishedAt: new Date(now - i * 6 * 3600_000 - rng.int(0, 3600_000)),
    });
    attached.forEach((p, position) => links.push({ postId: id, productId: p.id, position }));
  }
  await db.post.createMany({ data: posts });
  await db.postProduct.createMany({ data: links });
  return { posts: posts.length };
}
