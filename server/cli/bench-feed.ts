// `npm run bench:feed` — feed request latency on PostgreSQL at catalog scale.
//
// DATABASE_URL must point at a database with a large catalog (e.g. mall_bench: 100k products, seeded
// with `npm run db:seed -- --products 100000 --reset`) and the migrations applied. The script:
// 1. adds one video post per product for 20 000 active products ("bp_<productId>", idempotent);
// 2. generates synthetic InterestEvents up to EVENTS (default 1 000 000) from 20 000 visitors
//    ("v:bench<n>"), skewed toward popular items, over the last 7 days (in chunks, with progress;
//    skipped when already there);
// 3. builds interest profiles for the 200 measured visitors from their own events (production
//    profile functions), skipped when present;
// 4. times the in-memory index build, then REQUESTS feed requests (recommendPosts, 10 posts) and
//    "for you" requests (recommendProducts, 24 products) for those visitors and for new visitors
//    (cold start), sequentially, and prints p50/p95/p99 with one summary line.
import { env } from "@/server/env";
import { createPgDb } from "@/server/db/client";
import { progressBar } from "@/server/cli/progress";
import { getItemIndex, invalidateItemIndex } from "@/server/reco/item-index";
import { recommendPosts, recommendProducts } from "@/server/reco/recommender";
import { applyEvent, emptyProfile, type EventKind } from "@/server/reco/profile";
import { saveProfile } from "@/server/reco/profile-store";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const POSTS = 20_000;
const VISITORS = 20_000;
const MEASURED = 200;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CHUNK = 100_000;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL (e.g. postgresql://mall:mall@localhost/mall_bench)");
  const db = createPgDb(env.DATABASE_URL, { poolMax: 4 });
  const products = await db.product.count({ where: { status: "ACTIVE" } });
  console.log(`bench:feed on ${env.DATABASE_URL.replace(/:[^:@/]*@/, ":***@")}: ${products} active products`);

  // 1. posts
  const havePosts = await db.post.count({ where: { id: { startsWith: "bp_" } } });
  if (havePosts < POSTS) {
    const author = await db.user.findFirst({ select: { id: true }, orderBy: { createdAt: "asc" } });
    if (!author) throw new Error("The database has no user to author the bench posts");
    process.stderr.write(`  creating ${POSTS} posts …\n`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Post" ("id", "kind", "status", "authorUserId", "shopId", "caption", "hashtags", "posterUrl",
                          "durationMs", "categoryId", "publishedAt", "createdAt", "updatedAt")
      SELECT 'bp_' || p."id", 'VIDEO', 'PUBLISHED', '${author.id}', p."shopId", p."titleZh", p."tags"[1:3], '/icon.svg',
             15000, p."categoryId", now() - (random() * interval '30 days'), now(), now()
      FROM (SELECT * FROM "Product" WHERE "status" = 'ACTIVE' ORDER BY md5("id") LIMIT ${POSTS}) p
      ON CONFLICT ("id") DO NOTHING`);
    await db.$executeRawUnsafe(`
      INSERT INTO "PostProduct" ("postId", "productId", "position")
      SELECT p."id", substr(p."id", 4), 0 FROM "Post" p WHERE p."id" LIKE 'bp\\_%'
      ON CONFLICT DO NOTHING`);
  }
  console.log(`  posts: ${await db.post.count({ where: { status: "PUBLISHED" } })} published`);

  // 2. events
  let have = await db.interestEvent.count({ where: { visitorId: "bench" } });
  if (have < EVENTS) {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_items`);
    await db.$executeRawUnsafe(`
      CREATE UNLOGGED TABLE bench_items AS
      SELECT row_number() OVER (ORDER BY pr."salesCount" DESC, p."id") AS n, p."id" AS post_id, pp."productId" AS product_id,
             pr."shopId" AS shop_id, pr."categoryId" AS category_id
      FROM "Post" p JOIN "PostProduct" pp ON pp."postId" = p."id" JOIN "Product" pr ON pr."id" = pp."productId"
      WHERE p."id" LIKE 'bp\\_%'`);
    await db.$executeRawUnsafe(`CREATE UNIQUE INDEX ON bench_items (n)`);
    const items = Number((await db.$queryRawUnsafe<{ c: bigint }[]>(`SELECT count(*) AS c FROM bench_items`))[0].c);
    const bar = progressBar("events");
    while (have < EVENTS) {
      const n = Math.min(CHUNK, EVENTS - have);
      // Items skewed toward the popular head (random()^3); kinds by share; 7 days of history.
      await db.$executeRawUnsafe(`
        INSERT INTO "InterestEvent" ("actorKey", "visitorId", "kind", "postId", "productId", "shopId", "categoryId", "dwellMs", "createdAt")
        SELECT 'v:bench' || s.v, 'bench', s.kind::"InterestEventKind", b.post_id, b.product_id, b.shop_id, b.category_id,
               CASE WHEN s.kind = 'VIEW' THEN (random() * 20000)::int END, now() - random() * interval '7 days'
        FROM (
          SELECT g, floor(random() * ${VISITORS})::int AS v, 1 + floor(${items} * power(random(), 3))::int AS r,
                 (ARRAY['VIEW','VIEW','VIEW','VIEW','VIEW','VIEW','COMPLETE','COMPLETE','LIKE','PRODUCT_CLICK','PRODUCT_CLICK','ADD_TO_CART','PURCHASE'])[1 + floor(random() * 13)::int] AS kind
          FROM generate_series(1, ${n}) g
        ) s JOIN bench_items b ON b.n = s.r`);
      have += n;
      bar(have, EVENTS);
    }
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_items`);
    await db.$executeRawUnsafe(`ANALYZE "InterestEvent"`);
  }
  const totalEvents = await db.interestEvent.count();
  console.log(`  events: ${totalEvents} InterestEvent rows`);

  // 3. profiles of the measured visitors, from their own events
  const haveProfiles = await db.interestProfile.count({ where: { actorKey: { startsWith: "v:bench" } } });
  if (haveProfiles < MEASURED) {
    const bar = progressBar("profiles");
    const parents = new Map((await db.category.findMany({ select: { id: true, parentId: true } })).map((c) => [c.id, c.parentId]));
    for (let v = 0; v < MEASURED; v++) {
      const key = `v:bench${v}`;
      const events = await db.interestEvent.findMany({
        where: { actorKey: key },
        orderBy: { createdAt: "asc" },
        select: { kind: true, postId: true, productId: true, shopId: true, categoryId: true, dwellMs: true, createdAt: true },
      });
      let p = emptyProfile(events[0]?.createdAt.getTime() ?? Date.now());
      for (const e of events) {
        p = applyEvent(p, {
          kind: e.kind as EventKind,
          at: e.createdAt.getTime(),
          postId: e.postId,
          productId: e.productId,
          dwellMs: e.dwellMs,
          expectedMs: 15000,
          item: { categoryId: e.categoryId, parentCategoryId: e.categoryId ? (parents.get(e.categoryId) ?? null) : null, tags: [], shopId: e.shopId, creatorId: null },
        });
      }
      await saveProfile(db, key, null, p);
      bar(v + 1, MEASURED);
    }
  }

  // 4. measure
  invalidateItemIndex();
  let t = performance.now();
  const postIndex = await getItemIndex(db, "post");
  const postBuild = performance.now() - t;
  t = performance.now();
  const productIndex = await getItemIndex(db, "product");
  const productBuild = performance.now() - t;
  console.log(`  index build: posts ${postIndex.items.length} in ${postBuild.toFixed(0)} ms, products ${productIndex.items.length} in ${productBuild.toFixed(0)} ms (background, every few minutes)`);

  const actorFor = (i: number) =>
    i % 5 === 4 ? { userId: null, visitorId: `benchnew${String(i).padStart(14, "0")}` } : { userId: null, visitorId: `bench${i % MEASURED}` };
  // Warm-up (connections, JIT).
  for (let i = 0; i < 20; i++) await recommendPosts(db, actorFor(i), { limit: 10 });
  const feed: number[] = [];
  const forYou: number[] = [];
  const bar = progressBar("requests");
  let empty = 0;
  for (let i = 0; i < REQUESTS; i++) {
    t = performance.now();
    const ids = await recommendPosts(db, actorFor(i), { limit: 10 });
    feed.push(performance.now() - t);
    if (ids.length < 10) empty++;
    t = performance.now();
    await recommendProducts(db, actorFor(i), { limit: 24 });
    forYou.push(performance.now() - t);
    bar(i + 1, REQUESTS);
  }
  feed.sort((a, b) => a - b);
  forYou.sort((a, b) => a - b);
  const f = (xs: number[]) => `p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms  p99=${pct(xs, 99).toFixed(1)} ms`;
  console.log(`  feed (recommendPosts, 10):       ${f(feed)}`);
  console.log(`  for you (recommendProducts, 24): ${f(forYou)}`);
  if (empty) console.log(`  ${empty} feed requests returned fewer than 10 posts`);
  console.log(
    `products=${products} events=${totalEvents} requests=${REQUESTS} feed_p50_ms=${pct(feed, 50).toFixed(1)} feed_p95_ms=${pct(feed, 95).toFixed(1)} feed_p99_ms=${pct(feed, 99).toFixed(1)} foryou_p95_ms=${pct(forYou, 95).toFixed(1)} index_build_ms=${(postBuild + productBuild).toFixed(0)}`,
  );
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
