import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { appRouter, createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser } from "@/tests/factories/catalog";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

function as(user: SessionUser | null) {
  return createCaller({ db, user });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("catalog visibility", () => {
  it("lists and shows only active products of active shops", async () => {
    const category = await createCategory(db);
    const shop = await createShop(db);
    const active = await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen: 1990, stock: 5 }] });
    const draft = await createProduct(db, { shopId: shop.id, categoryId: category.id, status: "DRAFT" });
    const delisted = await createProduct(db, { shopId: shop.id, categoryId: category.id, status: "DELISTED" });

    const page = await as(null).catalog.list({ categorySlug: category.slug });
    expect(page.items.map((p) => p.slug)).toEqual([active.slug]);
    expect(page.total).toBe(1);
    expect((await as(null).catalog.get({ slug: active.slug })).minPriceFen).toBe(1990);
    expect(await codeOf(as(null).catalog.get({ slug: draft.slug }))).toBe("NOT_FOUND");
    expect(await codeOf(as(null).catalog.get({ slug: delisted.slug }))).toBe("NOT_FOUND");

    await db.shop.update({ where: { id: shop.id }, data: { status: "SUSPENDED" } });
    expect(await codeOf(as(null).catalog.get({ slug: active.slug }))).toBe("NOT_FOUND");
    expect((await as(null).catalog.list({ categorySlug: category.slug })).items).toHaveLength(0);
  });

  it("sorts by price both ways and filters by a price range in fen", async () => {
    const category = await createCategory(db);
    const shop = await createShop(db);
    for (const priceFen of [3000, 1000, 2000]) {
      await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen, stock: 1 }] });
    }
    const asc = await as(null).catalog.list({ categorySlug: category.slug, sort: "price_asc" });
    expect(asc.items.map((p) => p.minPriceFen)).toEqual([1000, 2000, 3000]);
    const desc = await as(null).catalog.list({ categorySlug: category.slug, sort: "price_desc" });
    expect(desc.items.map((p) => p.minPriceFen)).toEqual([3000, 2000, 1000]);
    const ranged = await as(null).catalog.list({ categorySlug: category.slug, minPriceFen: 1500, maxPriceFen: 2500 });
    expect(ranged.items.map((p) => p.minPriceFen)).toEqual([2000]);
  });

  it("reports each variant's price, stock and option values", async () => {
    const category = await createCategory(db);
    const shop = await createShop(db);
    const product = await createProduct(db, {
      shopId: shop.id,
      categoryId: category.id,
      variants: [
        { priceFen: 9900, stock: 3 },
        { priceFen: 12900, stock: 0, compareAtPriceFen: 15900 },
      ],
    });
    const detail = await as(null).catalog.get({ slug: product.slug });
    expect(detail.variants.map((v) => [v.priceFen, v.stock, v.compareAtPriceFen])).toEqual([
      [9900, 3, null],
      [12900, 0, 15900],
    ]);
    expect(detail.minPriceFen).toBe(9900);
    expect(detail.maxPriceFen).toBe(12900);
    for (const v of detail.variants) expect(v.optionValueIds.length).toBeGreaterThan(0);
  });
});

describe("who may edit a product", () => {
  it("lets a seller of the shop change price and stock, and recomputes the price range", async () => {
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const shop = await createShop(db, { ownerId: seller.id });
    const category = await createCategory(db);
    const product = await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen: 5000, stock: 2 }] });
    const variantId = (await db.productVariant.findFirstOrThrow({ where: { productId: product.id } })).id;

    const out = await as({ id: seller.id, roles: seller.roles }).catalog.update({
      productId: product.id,
      titleZh: "新标题",
      variants: [{ id: variantId, priceFen: 4500, stock: 10 }],
    });
    expect(out.minPriceFen).toBe(4500);
    const variant = await db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    expect([variant.priceFen, variant.stock]).toEqual([4500, 10]);
  });

  it("refuses a seller of shop A editing shop B's product (FORBIDDEN) and changes nothing", async () => {
    const sellerA = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const sellerB = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    await createShop(db, { ownerId: sellerA.id });
    const shopB = await createShop(db, { ownerId: sellerB.id });
    const category = await createCategory(db);
    const product = await createProduct(db, { shopId: shopB.id, categoryId: category.id, variants: [{ priceFen: 5000, stock: 2 }] });
    const variantId = (await db.productVariant.findFirstOrThrow({ where: { productId: product.id } })).id;

    const code = await codeOf(
      as({ id: sellerA.id, roles: sellerA.roles }).catalog.update({
        productId: product.id,
        titleZh: "被篡改",
        variants: [{ id: variantId, priceFen: 1 }],
      }),
    );
    expect(code).toBe("FORBIDDEN");
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: true } });
    expect(after.titleZh).toBe(product.titleZh);
    expect(after.variants[0].priceFen).toBe(5000);
    expect(await codeOf(as({ id: sellerA.id, roles: sellerA.roles }).catalog.sellerProducts({ shopId: shopB.id }))).toBe("FORBIDDEN");
  });

  it("refuses a shopper without the seller role, and a signed-out caller (UNAUTHORIZED)", async () => {
    const shopper = await createUser(db);
    const shop = await createShop(db);
    const category = await createCategory(db);
    const product = await createProduct(db, { shopId: shop.id, categoryId: category.id });
    expect(await codeOf(as({ id: shopper.id, roles: ["SHOPPER"] }).catalog.update({ productId: product.id, titleZh: "x改名" }))).toBe("FORBIDDEN");
    expect(await codeOf(as(null).catalog.update({ productId: product.id, titleZh: "x改名" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(as(null).account.me())).toBe("UNAUTHORIZED");
  });

  it("rejects a variant of another product with a 400 naming the field, leaving everything unchanged", async () => {
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const shop = await createShop(db, { ownerId: seller.id });
    const category = await createCategory(db);
    const mine = await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen: 5000, stock: 2 }] });
    const other = await createProduct(db, { shopId: (await createShop(db)).id, categoryId: category.id, variants: [{ priceFen: 7000, stock: 2 }] });
    const otherVariant = await db.productVariant.findFirstOrThrow({ where: { productId: other.id } });
    const caller = as({ id: seller.id, roles: seller.roles });
    await expect(
      caller.catalog.update({ productId: mine.id, titleZh: "改了标题", variants: [{ id: otherVariant.id, stock: 0 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("variants[0].id") });
    expect((await db.product.findUniqueOrThrow({ where: { id: mine.id } })).titleZh).toBe(mine.titleZh);
    expect((await db.productVariant.findUniqueOrThrow({ where: { id: otherVariant.id } })).stock).toBe(2);
  });
});

describe("HTTP API errors", () => {
  async function http(path: string, init: { method?: string; body?: unknown; query?: unknown; user?: SessionUser | null }) {
    const url = new URL(`http://test/api/trpc/${path}`);
    if (init.query !== undefined) url.searchParams.set("input", JSON.stringify({ json: init.query }));
    const req = new Request(url, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify({ json: init.body }),
    });
    const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({ db, user: init.user ?? null }) });
    return { status: res.status, body: (await res.json()) as { error?: { json: { message: string; data: { fieldErrors: Record<string, string[]> | null } } } } };
  }

  it("answers bad input with 400 and names the field", async () => {
    const { status, body } = await http("account.signUp", { method: "POST", body: { email: "not-an-email", password: "longenough", name: "A" } });
    expect(status).toBe(400);
    expect(body.error?.json.message).toMatch(/^email: /);
    expect(body.error?.json.data.fieldErrors).toHaveProperty("email");
  });

  it("answers a negative stock with 400 naming variants.0.stock", async () => {
    const seller = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
    const { status, body } = await http("catalog.update", {
      method: "POST",
      user: { id: seller.id, roles: seller.roles },
      body: { productId: "x", variants: [{ id: "v", stock: -1 }] },
    });
    expect(status).toBe(400);
    expect(body.error?.json.message).toContain("variants.0.stock");
  });

  it("answers a signed-out call to a protected procedure with 401", async () => {
    const { status } = await http("account.me", {});
    expect(status).toBe(401);
  });

  it("answers an unknown product with 404, not 500", async () => {
    const { status } = await http("catalog.get", { query: { slug: "no-such-product" } });
    expect(status).toBe(404);
  });
});
