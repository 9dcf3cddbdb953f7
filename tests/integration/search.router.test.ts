// The search API: odd input gets a 400 naming the field or an answer, never a 500; zero results fall
// back; searches and clicks are recorded; the zero-result list is for operators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { appRouter, createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { stopSearch, useSearchEngine } from "@/server/search/engine";
import { syncEntities } from "@/server/search/sync";
import type { SearchEngine } from "@/server/search/search.schema";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";

let db: Db;
let close: () => Promise<void>;
let engine: SearchEngine;
/** A word only this file's products carry. */
const TOKEN = `rq${uniqueSuffix().replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)])}`;
let productId: string;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  // This file indexes its own products; no worker (it would drain other files' outbox rows).
  engine = new EmbeddedSearchEngine();
  await engine.init();
  await useSearchEngine(engine);
  const category = await createCategory(db);
  const shop = await createShop(db);
  const products = [];
  for (const [i, title] of ["不锈钢烧水壶", "陶瓷茶杯", "竹制砧板"].entries()) {
    products.push(
      await createProduct(db, {
        shopId: shop.id,
        categoryId: category.id,
        titleZh: `${title} ${TOKEN}`,
        titleEn: `Router item ${TOKEN} ${i}`,
        salesCount: 100 - i,
        variants: [{ priceFen: 1_000 * (i + 1), stock: 5 }],
      }),
    );
  }
  productId = products[0].id;
  await syncEntities(db, engine, "product", products.map((p) => p.id));
  await syncEntities(db, engine, "shop", [shop.id]);
});
afterAll(async () => {
  await stopSearch();
  await close();
});

function as(user: SessionUser | null) {
  return createCaller({ db, user });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function http(path: string, input: unknown, user: SessionUser | null = null) {
  const url = new URL(`http://test/api/trpc/${path}`);
  url.searchParams.set("input", JSON.stringify({ json: input }));
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url), router: appRouter, createContext: () => ({ db, user }) });
  return { status: res.status, body: (await res.json()) as { error?: { json: { message: string } } } };
}

describe("odd queries", () => {
  it("answers an empty query with the catalog, and a 1,000-character query cut to the searchable length", async () => {
    const empty = await as(null).search.query({ q: "" });
    expect(empty.q).toBe("");
    expect(empty.total).toBeGreaterThan(0);

    const long = await as(null).search.query({ q: `${TOKEN} ${"长".repeat(900)}` });
    expect(Array.from(long.q)).toHaveLength(100);
    expect(long.products.length).toBeGreaterThan(0); // zero results fall back, never blank

    expect((await http("search.query", { q: "x".repeat(1000) })).status).toBe(200);
    const tooLong = await http("search.query", { q: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.json.message).toMatch(/^q: /);
  });

  it("strips control characters and still finds the product", async () => {
    const out = await as(null).search.query({ q: `\u0000\u0007${TOKEN}\u202e\n\t烧水壶\u0000` });
    expect(out.q).toBe(`${TOKEN} 烧水壶`);
    expect(out.fallback).toBeNull();
    expect(out.products.map((p) => p.id)).toEqual([productId]);
    expect((await http("search.query", { q: "\u0000\u0001\u001f\u007f" })).status).toBe(200);
  });

  it("answers unknown filter values with results or a 400 that names the field, never a 500", async () => {
    for (const filters of [{ category: "no-such-category" }, { shop: "../../etc/passwd" }, { region: "不存在" }, { color: "red" }]) {
      const out = await as(null).search.query({ q: TOKEN, filters: filters as never });
      expect(out.products.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect((await http("search.query", { q: TOKEN, filters })).status).toBe(200);
    }
    const bad: Array<[object, string]> = [
      [{ q: TOKEN, filters: { priceBand: "1-2" } }, "filters.priceBand"],
      [{ q: TOKEN, filters: { minRatingX100: 9_999 } }, "filters.minRatingX100"],
      [{ q: TOKEN, sort: "cheapest" }, "sort"],
      [{ q: TOKEN, tab: "videos" }, "tab"],
      [{ q: TOKEN, page: 0 }, "page"],
    ];
    for (const [input, field] of bad) {
      expect(await codeOf(as(null).search.query(input as never))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(field) });
      const res = await http("search.query", input);
      expect(res.status, field).toBe(400);
      expect(res.body.error?.json.message).toContain(field);
    }
  });
});

describe("fallback", () => {
  it("relaxes a query that finds nothing, then recommends: never an empty page", async () => {
    const relaxed = await as(null).search.query({ q: `${TOKEN} qqxnothingmatcheszz` });
    expect(relaxed.fallback).toBe("relaxed");
    expect(relaxed.products.map((p) => p.id)).toContain(productId);
    expect(relaxed.tabCounts.products).toBe(0);

    const filtered = await as(null).search.query({ q: TOKEN, filters: { priceBand: "1000+" } });
    expect(filtered.fallback).toBe("relaxed");
    expect(filtered.products.length).toBe(3);

    const nothing = await as(null).search.query({ q: "qqxnothingmatcheszz" });
    expect(nothing.fallback).toBe("recommendations");
    expect(nothing.products.length).toBeGreaterThan(0);
  });
});

describe("events", () => {
  it("records every search with its filters and result count, and clicks on results", async () => {
    const shopper = await createUser(db);
    const out = await as({ id: shopper.id, roles: ["SHOPPER"] }).search.query({ q: `  ${TOKEN.toUpperCase()}  `, filters: { inStock: true }, sort: "sales" });
    expect(out.eventId).toBeTruthy();
    const event = await db.searchEvent.findUniqueOrThrow({ where: { id: out.eventId! } });
    expect(event).toMatchObject({
      kind: "QUERY",
      userId: shopper.id,
      query: TOKEN.toUpperCase(),
      normalizedQuery: TOKEN,
      tab: "products",
      filters: { inStock: true },
      resultCount: 3,
    });

    await as(null).search.click({ eventId: out.eventId!, productId, position: 1 });
    const click = await db.searchEvent.findFirstOrThrow({ where: { kind: "CLICK", productId, normalizedQuery: TOKEN } });
    expect(click).toMatchObject({ userId: shopper.id, position: 1 });
    expect(await codeOf(as(null).search.click({ eventId: "no-such-event", productId, position: 1 }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists zero-result queries for operators only", async () => {
    const admin = await createUser(db, { roles: ["SHOPPER", "ADMIN"] });
    const shopper = await createUser(db);
    const missing = `nothinghere${uniqueSuffix()}`;
    await as(null).search.query({ q: missing });
    await as(null).search.query({ q: ` ${missing.toUpperCase()} ` });

    const list = await as({ id: admin.id, roles: admin.roles }).search.zeroResults({ days: 1, limit: 200 });
    expect(list.find((r) => r.query === missing)).toMatchObject({ query: missing, count: 2 });
    // Searched above, with results.
    expect(list.some((r) => r.query === `${TOKEN} 烧水壶`)).toBe(false);
    expect(await codeOf(as({ id: shopper.id, roles: ["SHOPPER"] }).search.zeroResults({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await codeOf(as(null).search.zeroResults({}))).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("suggestions", () => {
  it("offers popular queries that found something, then titles, for a prefix", async () => {
    await as(null).search.query({ q: TOKEN });
    await as(null).search.query({ q: TOKEN });
    const out = await as(null).search.suggest({ prefix: TOKEN.slice(0, 6) });
    expect(out[0]).toEqual({ text: TOKEN, kind: "query" });

    const titles = await as(null).search.suggest({ prefix: "Router item" });
    expect(titles.some((s) => s.kind === "product" && s.text.includes("Router item"))).toBe(true);

    const popular = await as(null).search.suggest({ prefix: "" });
    expect(popular.every((s) => s.kind === "query")).toBe(true);

    expect(await codeOf(as(null).search.suggest({ prefix: "x".repeat(51) }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("prefix") });
  });
});
