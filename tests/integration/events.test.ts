// Behaviour events on a real database: the /api/events batch service (validation, existence of ids,
// rate limits, nothing stored on refusal), profile updates, server-side events and the visitor →
// account merge on sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { createMemoryRateLimiter } from "@/server/cache/rate-limit";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { newVisitorId } from "@/tests/factories/shopping";
import { createPostCatalog } from "@/tests/factories/reco";
import { acceptEventBatch, ensureMerged, mergeVisitorIntoUser, recordServerEvent } from "@/server/reco/events.service";
import { loadProfile } from "@/server/reco/profile-store";
import { topFeatures } from "@/server/reco/profile";

let db: Db;
let close: () => Promise<void>;
let catalog: Awaited<ReturnType<typeof createPostCatalog>>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  catalog = await createPostCatalog(db, 2, 4);
});
afterAll(async () => close());

const loose = () => ({ actor: createMemoryRateLimiter(1000, 60_000), ip: createMemoryRateLimiter(1000, 60_000) });
const send = (visitorId: string | null, body: unknown, limiters = loose(), userId: string | null = null) =>
  acceptEventBatch(db, { actor: { userId, visitorId }, ip: "10.0.0.1", body: typeof body === "string" ? body : JSON.stringify(body) }, limiters);
const eventsOf = (key: string) => db.interestEvent.count({ where: { actorKey: key } });

describe("POST /api/events batch", () => {
  it("accepts a batch, stores the rows with creator/shop/category and bumps post counters", async () => {
    const vid = newVisitorId();
    const post = catalog.posts[0];
    const before = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    const res = await send(vid, {
      events: [
        { kind: "IMPRESSION", postId: post.id },
        { kind: "VIEW", postId: post.id, dwellMs: 9000, at: Date.now() - 1000 },
        { kind: "COMPLETE", postId: post.id },
        { kind: "PRODUCT_CLICK", postId: post.id, productId: post.productId },
      ],
    });
    expect(res).toEqual({ status: 202, body: { accepted: 4 } });
    const rows = await db.interestEvent.findMany({ where: { actorKey: `v:${vid}` }, orderBy: { id: "asc" } });
    // Stored in the order they happened (the VIEW's timestamp is a second earlier).
    expect(rows.map((r) => r.kind)).toEqual(["VIEW", "IMPRESSION", "COMPLETE", "PRODUCT_CLICK"]);
    expect(rows[0]).toMatchObject({ visitorId: vid, categoryId: post.categoryId, shopId: post.shopId, dwellMs: 9000 });
    const after = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(after.viewCount).toBe(before.viewCount + 1);
    expect(after.completionCount).toBe(before.completionCount + 1);
    const profile = await loadProfile(db, `v:${vid}`);
    expect(profile?.longTerm[`c:${post.categoryId}`]).toBeGreaterThan(0);
    expect(profile?.recentPostIds).toContain(post.id);
  });

  it.each([
    ["an unknown kind", { events: [{ kind: "PURCHASE", postId: "x" }] }, "events.0.kind"],
    ["a forged LIKE", { events: [{ kind: "LIKE", postId: "x" }] }, "events.0.kind"],
    ["an extra field", { events: [{ kind: "VIEW", postId: "abc", userId: "someone" }] }, "events.0"],
    ["a malformed id", { events: [{ kind: "VIEW", postId: "'; drop table" }] }, "events.0.postId"],
    ["a negative dwell", { events: [{ kind: "VIEW", postId: "abc", dwellMs: -1 }] }, "events.0.dwellMs"],
    ["a dwell over 10 minutes", { events: [{ kind: "VIEW", postId: "abc", dwellMs: 600_001 }] }, "events.0.dwellMs"],
    ["a future timestamp", { events: [{ kind: "VIEW", postId: "abc", at: Date.now() + 3600_000 }] }, "events.0.at"],
    ["no events", { events: [] }, "events"],
    ["51 events", { events: Array.from({ length: 51 }, () => ({ kind: "IMPRESSION", postId: "abc" })) }, "events"],
    ["not JSON", "{nope", "body"],
    ["over 16 KB", JSON.stringify({ events: [{ kind: "IMPRESSION", postId: "a".repeat(17_000) }] }), "body"],
  ])("refuses %s with 400 naming the field, nothing stored", async (_name, body, field) => {
    const vid = newVisitorId();
    const res = await send(vid, body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.error).toContain(field);
    expect(await eventsOf(`v:${vid}`)).toBe(0);
  });

  it("refuses a whole batch naming an unknown post, nothing stored", async () => {
    const vid = newVisitorId();
    const res = await send(vid, { events: [{ kind: "VIEW", postId: catalog.posts[0].id, dwellMs: 5000 }, { kind: "VIEW", postId: "nosuchpost123" }] });
    expect(res).toMatchObject({ status: 400, body: { field: "events.1.postId" } });
    expect(await eventsOf(`v:${vid}`)).toBe(0);
    expect(await db.interestProfile.findUnique({ where: { actorKey: `v:${vid}` } })).toBeNull();
  });

  it("needs a visitor cookie or a session", async () => {
    const res = await send(null, { events: [{ kind: "IMPRESSION", postId: catalog.posts[0].id }] });
    expect(res).toMatchObject({ status: 400, body: { field: "visitor" } });
  });

  it("rate limits per visitor with 429", async () => {
    const vid = newVisitorId();
    const limiters = { actor: createMemoryRateLimiter(2, 60_000), ip: createMemoryRateLimiter(100, 60_000) };
    const body = { events: [{ kind: "IMPRESSION", postId: catalog.posts[1].id }] };
    expect((await send(vid, body, limiters)).status).toBe(202);
    expect((await send(vid, body, limiters)).status).toBe(202);
    expect((await send(vid, body, limiters)).status).toBe(429);
    expect(await eventsOf(`v:${vid}`)).toBe(2);
    // Another visitor is not affected.
    expect((await send(newVisitorId(), body, limiters)).status).toBe(202);
  });
});

describe("profiles", () => {
  it("shift toward a category after likes, without touching another visitor's profile", async () => {
    const [a, b] = [newVisitorId(), newVisitorId()];
    const cat1 = catalog.categories[1].id;
    await send(b, { events: [{ kind: "VIEW", postId: catalog.posts[0].id, dwellMs: 8000 }] });
    const bBefore = await db.interestProfile.findUniqueOrThrow({ where: { actorKey: `v:${b}` } });
    for (const p of catalog.posts.filter((x) => x.categoryId === cat1)) {
      await recordServerEvent(db, { userId: null, visitorId: a }, { kind: "LIKE", postId: p.id });
    }
    const profile = await loadProfile(db, `v:${a}`);
    expect(topFeatures(profile!, 1)[0][0]).toBe(`c:${cat1}`);
    const bAfter = await db.interestProfile.findUniqueOrThrow({ where: { actorKey: `v:${b}` } });
    expect(bAfter.longTerm).toEqual(bBefore.longTerm);
    expect(bAfter.eventCount).toBe(bBefore.eventCount);
  });

  it("a purchase marks the product and its category satisfied", async () => {
    const user = await createUser(db);
    const p = catalog.posts[2];
    await recordServerEvent(db, { userId: user.id, visitorId: null }, { kind: "PURCHASE", productId: p.productId });
    const profile = await loadProfile(db, `u:${user.id}`);
    expect(Object.keys(profile!.satisfied).sort()).toEqual([`c:${p.categoryId}`, `p:${p.productId}`].sort());
  });

  it("server events never throw, even for ids that do not exist", async () => {
    await expect(recordServerEvent(db, { userId: null, visitorId: newVisitorId() }, { kind: "ADD_TO_CART", productId: "missing" })).resolves.toBeUndefined();
  });
});

describe("visitor → account merge on sign-in", () => {
  it("re-keys events and likes and merges the profile, once", async () => {
    const vid = newVisitorId();
    const user = await createUser(db);
    const cat0 = catalog.categories[0].id;
    await send(vid, { events: [{ kind: "VIEW", postId: catalog.posts[0].id, dwellMs: 9000 }] });
    await db.postLike.create({ data: { postId: catalog.posts[1].id, actorKey: `v:${vid}` } });
    await recordServerEvent(db, { userId: user.id, visitorId: null }, { kind: "LIKE", postId: catalog.posts[5].id });
    const visitorWeight = (await loadProfile(db, `v:${vid}`))!.longTerm[`c:${cat0}`];

    await ensureMerged(db, { userId: user.id, visitorId: vid });
    expect(await eventsOf(`v:${vid}`)).toBe(0);
    expect(await db.interestEvent.count({ where: { actorKey: `u:${user.id}`, visitorId: vid } })).toBe(1);
    expect(await db.postLike.count({ where: { actorKey: `u:${user.id}` } })).toBe(1);
    expect(await db.interestProfile.findUnique({ where: { actorKey: `v:${vid}` } })).toBeNull();
    const merged = await loadProfile(db, `u:${user.id}`);
    expect(merged!.longTerm[`c:${cat0}`]).toBeCloseTo(visitorWeight, 2);
    expect(merged!.longTerm[`c:${catalog.categories[1].id}`]).toBeGreaterThan(0);
    // Idempotent: nothing left to move, the profile is unchanged.
    expect(await mergeVisitorIntoUser(db, user.id, vid)).toBe(false);
    expect((await loadProfile(db, `u:${user.id}`))!.longTerm).toEqual(merged!.longTerm);
  });

  it("a signed-in batch is keyed to the user and merges the visitor first", async () => {
    const vid = newVisitorId();
    const user = await createUser(db);
    await send(vid, { events: [{ kind: "IMPRESSION", postId: catalog.posts[3].id }] });
    const res = await send(vid, { events: [{ kind: "IMPRESSION", postId: catalog.posts[4].id }] }, loose(), user.id);
    expect(res.status).toBe(202);
    expect(await eventsOf(`u:${user.id}`)).toBe(2);
    expect(await eventsOf(`v:${vid}`)).toBe(0);
  });
});
