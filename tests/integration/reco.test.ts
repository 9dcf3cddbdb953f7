// The recommender on a real database: the feed shifts toward a liked category, never repeats what it
// just showed, only returns visible items; "for you" and "you may also like" through the router;
// a search shifts instant interests and its results are re-ranked by the profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { syncEntities } from "@/server/search/sync";
import { search } from "@/server/search/search.service";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";
import { newVisitorId } from "@/tests/factories/shopping";
import { createPostCatalog } from "@/tests/factories/reco";
import { recordServerEvent } from "@/server/reco/events.service";
import { invalidateItemIndex } from "@/server/reco/item-index";
import { recommendPosts, recommendProducts } from "@/server/reco/recommender";
import { loadProfile } from "@/server/reco/profile-store";

let db: Db;
let close: () => Promise<void>;
let catalog: Awaited<ReturnType<typeof createPostCatalog>>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  catalog = await createPostCatalog(db, 3, 12);
  invalidateItemIndex();
});
afterAll(async () => close());

const mine = new Set<string>();
const catOf = (postId: string) => catalog.posts.find((p) => p.id === postId)?.categoryId;

describe("feed (recommendPosts)", () => {
  it("shifts toward a liked category, never repeating what it just showed", async () => {
    for (const p of catalog.posts) mine.add(p.id);
    const actor = { userId: null, visitorId: newVisitorId() };
    const before = await recommendPosts(db, actor, { limit: 10 });
    expect(new Set(before).size).toBe(before.length);
    // The category the cold-start page showed least.
    const count = (cat: string) => before.filter((id) => catOf(id) === cat).length;
    const target = catalog.categories.map((c) => c.id).sort((x, y) => count(x) - count(y))[0];
    const likedPosts = catalog.posts.filter((p) => p.categoryId === target).slice(0, 4);
    for (const p of likedPosts) {
      await recordServerEvent(db, actor, { kind: "LIKE", postId: p.id });
    }
    const after = await recommendPosts(db, actor, { limit: 10 });
    const shareBefore = before.filter((id) => catOf(id) === target).length / before.length;
    const shareAfter = after.filter((id) => catOf(id) === target).length / after.length;
    expect(shareAfter).toBeGreaterThanOrEqual(0.4);
    expect(shareAfter).toBeGreaterThan(shareBefore + 0.2);
    // No repeats: the second page shares nothing with the first.
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    const third = await recommendPosts(db, actor, { limit: 10, excludePostIds: catalog.posts.slice(0, 3).map((p) => p.id) });
    expect(third.filter((id) => before.includes(id) || after.includes(id))).toEqual([]);
    expect(third.filter((id) => catalog.posts.slice(0, 3).some((p) => p.id === id))).toEqual([]);
  });

  it("returns only published posts and active products of active shops", async () => {
    const extra = await createPostCatalog(db, 1, 6);
    const [hidden, ...rest] = extra.posts;
    await db.post.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });
    const suspendedShop = rest.find((p) => p.shopId !== hidden.shopId)!.shopId;
    await db.shop.update({ where: { id: suspendedShop }, data: { status: "SUSPENDED" } });
    const delisted = rest.find((p) => p.shopId !== suspendedShop)!;
    await db.product.update({ where: { id: delisted.productId }, data: { status: "DELISTED" } });
    // A visitor who loves that category, with the index built before the changes (stale on purpose).
    const actor = { userId: null, visitorId: newVisitorId() };
    for (const p of extra.posts) await recordServerEvent(db, actor, { kind: "LIKE", postId: p.id });
    const posts = await recommendPosts(db, actor, { limit: 30 });
    expect(posts).not.toContain(hidden.id);
    const products = await recommendProducts(db, actor, { limit: 30 });
    expect(products).not.toContain(delisted.productId);
    for (const p of extra.posts.filter((x) => x.shopId === suspendedShop)) expect(products).not.toContain(p.productId);
  });

  it("a new visitor gets a cold-start page at once", async () => {
    const page = await recommendPosts(db, { userId: null, visitorId: newVisitorId() }, { limit: 8 });
    expect(page.length).toBe(8);
  });
});

describe("reco router", () => {
  it("forYou pages differ and carry product cards; alsoLike favours the product's category", async () => {
    const visitorId = newVisitorId();
    const caller = createCaller({ db, user: null, visitorId, ip: "127.0.0.1" });
    const p1 = await caller.reco.forYou({ pageSize: 6 });
    const p2 = await caller.reco.forYou({ pageSize: 6, cursor: 2 });
    expect(p1.items).toHaveLength(6);
    expect(p1.nextCursor).toBe(2);
    expect(p2.items.map((i) => i.id).filter((id) => p1.items.some((x) => x.id === id))).toEqual([]);
    const ctx = catalog.posts[0];
    const similar = await caller.reco.alsoLike({ productId: ctx.productId, limit: 6 });
    expect(similar.map((s) => s.id)).not.toContain(ctx.productId);
    const sameCat = catalog.posts.filter((p) => p.categoryId === ctx.categoryId).map((p) => p.productId);
    expect(similar.filter((s) => sameCat.includes(s.id)).length).toBeGreaterThanOrEqual(3);
  });

  it("rejects a malformed input with 400 naming the field", async () => {
    const caller = createCaller({ db, user: null, visitorId: newVisitorId(), ip: "127.0.0.1" });
    await expect(caller.reco.alsoLike({ productId: "bad id!" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("productId") });
    await expect(caller.reco.forYou({ pageSize: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("pageSize") });
  });
});

describe("search and interests", () => {
  it("a search shifts instant interests, and results are re-ranked for the profile", async () => {
    const word = `zqx${uniqueSuffix().replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
    const owner = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const shop = await createShop(db, { ownerId: owner.id });
    const [catA, catB] = [await createCategory(db), await createCategory(db)];
    const a = [];
    const b = [];
    for (let i = 0; i < 4; i++) a.push(await createProduct(db, { shopId: shop.id, categoryId: catA.id, titleEn: `${word} alpha ${i}`, titleZh: `${word} 甲 ${i}` }));
    for (let i = 0; i < 4; i++) b.push(await createProduct(db, { shopId: shop.id, categoryId: catB.id, titleEn: `${word} beta ${i}`, titleZh: `${word} 乙 ${i}` }));
    const engine = new EmbeddedSearchEngine();
    await engine.init();
    await syncEntities(db, engine, "product", [...a, ...b].map((p) => p.id));

    const neutral = { userId: null, visitorId: newVisitorId() };
    const base = await search(db, engine, { q: word, tab: "products", sort: "relevance", page: 1, pageSize: 8 } as never, neutral);
    expect(base.products).toHaveLength(8);

    // A visitor who added category-B goods to the cart sees B first.
    const fan = { userId: null, visitorId: newVisitorId() };
    for (const p of b.slice(0, 2)) await recordServerEvent(db, fan, { kind: "ADD_TO_CART", productId: p.id });
    const ranked = await search(db, engine, { q: word, tab: "products", sort: "relevance", page: 1, pageSize: 8 } as never, fan);
    const bIds = new Set(b.map((p) => p.id));
    const topHalf = ranked.products.slice(0, 4).filter((p) => bIds.has(p.id)).length;
    const baseTopHalf = base.products.slice(0, 4).filter((p) => bIds.has(p.id)).length;
    expect(topHalf).toBe(4);
    expect(topHalf).toBeGreaterThan(baseTopHalf - 1);
    // Same set of results, only the order moves.
    expect(ranked.products.map((p) => p.id).sort()).toEqual(base.products.map((p) => p.id).sort());

    // The neutral visitor's search itself shifted their instant interests toward what they searched.
    const searcher = { userId: null, visitorId: newVisitorId() };
    await search(db, engine, { q: `${word} beta`, tab: "products", sort: "relevance", page: 1, pageSize: 8 } as never, searcher);
    const profile = await loadProfile(db, `v:${searcher.visitorId}`);
    expect(profile!.instant[`c:${catB.id}`]).toBeGreaterThan(0);
    expect(profile!.instant[`c:${catB.id}`]).toBeGreaterThan(profile!.instant[`c:${catA.id}`] ?? 0);
    const ev = await db.interestEvent.findFirst({ where: { actorKey: `v:${searcher.visitorId}`, kind: "SEARCH" } });
    expect(ev?.query).toContain(word);
  });
});
