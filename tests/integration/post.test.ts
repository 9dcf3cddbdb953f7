// Posts through the tRPC router on a real database: who may post as whom, which media and products
// may be attached, bad input naming the field with nothing written, likes by users and anonymous
// visitors (one like per actor), shares, the public reads and the feed page.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";
import { newVisitorId } from "@/tests/factories/shopping";

const uploadsDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/mall-post-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

const { createCaller } = await import("@/server/api/root");
const { storeImageUpload, storeVideoUpload, uploadStorage } = await import("@/server/media/uploads");

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

const creatorUser = (id: string): SessionUser => ({ id, roles: ["SHOPPER", "CREATOR"] });
const sellerUser = (id: string): SessionUser => ({ id, roles: ["SHOPPER", "SELLER"] });
const as = (user: SessionUser | null, visitorId: string | null = null) => createCaller({ db, user, visitorId, ip: "127.0.0.1" });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** A minimal MP4 head (ftyp isom) padded out: enough for the sniffer, which is all storage checks. */
function fakeMp4(): Uint8Array {
  const head = [0, 0, 0, 0x20, ..."ftypisom".split("").map((c) => c.charCodeAt(0)), 0, 0, 2, 0, ..."isomiso2avc1mp41".split("").map((c) => c.charCodeAt(0))];
  const bytes = new Uint8Array(2048);
  bytes.set(head);
  return bytes;
}

async function media(ownerId: string) {
  const png = await sharp({ create: { width: 90, height: 160, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
  const poster = await storeImageUpload(uploadStorage(), ownerId, png);
  const video = await storeVideoUpload(uploadStorage(), ownerId, fakeMp4());
  return { posterUrl: poster.url, videoUrl: video.url };
}

async function creator() {
  const user = await createUser(db, { roles: ["SHOPPER", "CREATOR"] });
  const profile = await db.creatorProfile.create({
    data: { userId: user.id, handle: `h_${uniqueSuffix()}`, displayName: `Creator ${uniqueSuffix()}`, avatarUrl: "/media/test/a.png" },
  });
  return { user, profile, caller: as(creatorUser(user.id)) };
}

async function products(n: number) {
  const owner = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shop = await createShop(db, { ownerId: owner.id });
  const catA = await createCategory(db);
  const catB = await createCategory(db);
  const list = [];
  for (let i = 0; i < n; i++) list.push(await createProduct(db, { shopId: shop.id, categoryId: i === 0 ? catB.id : catA.id }));
  return { owner, shop, catA, catB, list };
}

const base = (m: { posterUrl: string; videoUrl: string }) => ({ ...m, durationMs: 5000, width: 540, height: 960 });

describe("post.create", () => {
  it("a creator publishes with their own uploads; category is the dominant one of the products", async () => {
    const c = await creator();
    const { list, catA } = await products(3);
    const m = await media(c.user.id);
    const { id } = await c.caller.post.create({ ...base(m), caption: "好用 <b>", hashtags: ["#厨房", "好物", "好物"], productIds: list.map((p) => p.id) });
    const row = await db.post.findUniqueOrThrow({ where: { id }, include: { products: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({ creatorId: c.profile.id, shopId: null, authorUserId: c.user.id, caption: "好用 <b>", hashtags: ["厨房", "好物"], categoryId: catA.id });
    expect(row.products.map((p) => p.productId)).toEqual(list.map((p) => p.id));

    const got = await as(null, newVisitorId()).post.get({ postId: id });
    expect(got.author).toMatchObject({ kind: "creator", id: c.profile.id });
    expect(got.products).toHaveLength(3);
    expect((await c.caller.post.listMine()).map((p) => p.id)).toContain(id);
  });

  it("refuses someone else's upload (FORBIDDEN) and writes nothing", async () => {
    const a = await creator();
    const b = await creator();
    const mine = await media(a.user.id);
    const theirs = await media(b.user.id);
    const before = await db.post.count({ where: { authorUserId: a.user.id } });
    expect(await failure(a.caller.post.create({ ...base({ ...mine, videoUrl: theirs.videoUrl }) }))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("videoUrl") });
    expect(await failure(a.caller.post.create({ ...base({ ...mine, posterUrl: theirs.posterUrl }) }))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("posterUrl") });
    // A video URL in the poster slot, a foreign site's URL: not an upload of theirs either.
    expect(await failure(a.caller.post.create({ ...base({ ...mine, posterUrl: mine.videoUrl }) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(a.caller.post.create({ ...base({ ...mine, videoUrl: "https://evil.example/x.mp4" }) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.post.count({ where: { authorUserId: a.user.id } })).toBe(before);
  });

  it("accepts the seed's demo clips", async () => {
    const c = await creator();
    const { id } = await c.caller.post.create({ ...base({ videoUrl: "/demo/videos/kettle.mp4", posterUrl: "/demo/videos/kettle.jpg" }) });
    expect(id).toBeTruthy();
    expect(await failure(c.caller.post.create({ ...base({ videoUrl: "/demo/videos/../../x.mp4", posterUrl: "/demo/videos/kettle.jpg" }) }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("only creators post as a creator; a user without a profile is FORBIDDEN", async () => {
    const shopper = await createUser(db);
    const m = await media(shopper.id);
    expect((await failure(as({ id: shopper.id, roles: ["SHOPPER"] }).post.create(base(m)))).code).toBe("FORBIDDEN");
    expect((await failure(as(creatorUser(shopper.id)).post.create(base(m)))).code).toBe("FORBIDDEN");
    expect((await failure(as(null).post.create(base(m)))).code).toBe("UNAUTHORIZED");
  });

  it("a seller posts as their shop, never as another shop", async () => {
    const { owner, shop, list } = await products(1);
    const other = await products(1);
    const m = await media(owner.id);
    const seller = as(sellerUser(owner.id));
    const { id } = await seller.post.createForShop({ ...base(m), shopId: shop.id, productIds: [list[0].id] });
    expect(await db.post.findUniqueOrThrow({ where: { id } })).toMatchObject({ shopId: shop.id, creatorId: null });
    const before = await db.post.count({ where: { shopId: other.shop.id } });
    expect((await failure(seller.post.createForShop({ ...base(m), shopId: other.shop.id }))).code).toBe("FORBIDDEN");
    expect(await db.post.count({ where: { shopId: other.shop.id } })).toBe(before);
  });

  it("bad input is a 400 naming the field, and nothing is written", async () => {
    const c = await creator();
    const { list } = await products(7);
    const m = await media(c.user.id);
    const hidden = await createProduct(db, { shopId: list[0].shopId, categoryId: list[0].categoryId, status: "DRAFT" });
    const cases: Array<[object, string]> = [
      [{ caption: "x".repeat(501) }, "caption"],
      [{ productIds: list.map((p) => p.id) }, "productIds"],
      [{ productIds: ["nope"] }, "productIds"],
      [{ productIds: [hidden.id] }, "productIds"],
      [{ productIds: [list[0].id, list[0].id] }, "productIds"],
      [{ hashtags: ["has space"] }, "hashtags"],
      [{ hashtags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "hashtags"],
      [{ durationMs: 0 }, "durationMs"],
    ];
    for (const [patch, field] of cases) {
      const err = await failure(c.caller.post.create({ ...base(m), ...patch }));
      expect(err.code, field).toBe("BAD_REQUEST");
      expect(err.message, field).toContain(field);
    }
    expect(await db.post.count({ where: { authorUserId: c.user.id } })).toBe(0);
  });
});

describe("likes and shares", () => {
  async function published() {
    const c = await creator();
    const { id } = await c.caller.post.create(base({ videoUrl: "/demo/videos/tea.mp4", posterUrl: "/demo/videos/tea.jpg" }));
    return id;
  }

  it("liking twice counts once; unlike removes it; the state is per actor", async () => {
    const postId = await published();
    const user = await createUser(db);
    const me = as({ id: user.id, roles: ["SHOPPER"] });
    expect(await me.post.like({ postId })).toEqual({ isLiked: true, likeCount: 1 });
    expect(await me.post.like({ postId })).toEqual({ isLiked: true, likeCount: 1 });
    await Promise.all([me.post.like({ postId }), me.post.like({ postId })]);
    expect(await db.postLike.count({ where: { postId } })).toBe(1);
    expect((await me.post.get({ postId })).isLiked).toBe(true);
    expect((await as(null, newVisitorId()).post.get({ postId })).isLiked).toBe(false);
    expect(await me.post.unlike({ postId })).toEqual({ isLiked: false, likeCount: 0 });
    expect(await me.post.unlike({ postId })).toEqual({ isLiked: false, likeCount: 0 });
    expect(await db.post.findUniqueOrThrow({ where: { id: postId }, select: { likeCount: true } })).toEqual({ likeCount: 0 });
  });

  it("anonymous visitors like by visitor id; without one the like is refused", async () => {
    const postId = await published();
    const visitor = newVisitorId();
    expect(await as(null, visitor).post.like({ postId })).toEqual({ isLiked: true, likeCount: 1 });
    expect(await db.postLike.findMany({ where: { postId }, select: { actorKey: true } })).toEqual([{ actorKey: `v:${visitor}` }]);
    expect(await as(null, newVisitorId()).post.like({ postId })).toEqual({ isLiked: true, likeCount: 2 });
    expect((await failure(as(null, null).post.like({ postId }))).code).toBe("BAD_REQUEST");
    expect((await failure(as(null, visitor).post.like({ postId: "post_missing" }))).code).toBe("NOT_FOUND");
  });

  it("shares count, rate limited per actor and post", async () => {
    const postId = await published();
    const visitor = as(null, newVisitorId());
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await visitor.post.share({ postId }));
    expect(results.map((r) => r.counted)).toEqual([true, true, true, false, false]);
    expect(results.at(-1)!.shareCount).toBe(3);
  });

  it("hidden posts are not found", async () => {
    const postId = await published();
    await db.post.update({ where: { id: postId }, data: { status: "HIDDEN" } });
    expect((await failure(as(null, newVisitorId()).post.get({ postId }))).code).toBe("NOT_FOUND");
    expect((await failure(as(null, newVisitorId()).post.like({ postId }))).code).toBe("NOT_FOUND");
  });
});

describe("feed.page", () => {
  it("returns cards in recommender order, never the seen ones, and validates its input", async () => {
    const c = await creator();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await c.caller.post.create(base({ videoUrl: "/demo/videos/tea.mp4", posterUrl: "/demo/videos/tea.jpg" }))).id);
    const feed = as(null, newVisitorId()).feed;
    const first = await feed.page({ limit: 10 });
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.nextCursor).toBe(1);
    const seen = first.items.map((p) => p.id);
    const second = await feed.page({ cursor: 1, limit: 10, seenIds: seen });
    expect(second.items.some((p) => seen.includes(p.id))).toBe(false);
    expect((await failure(feed.page({ limit: 11 }))).message).toContain("limit");
    expect((await failure(feed.page({ seenIds: Array.from({ length: 201 }, (_, i) => `p${i}`) }))).message).toContain("seenIds");
  });
});
