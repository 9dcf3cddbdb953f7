// Shop loyalty membership through the tRPC router: idempotent join/leave, member count, the shop
// page's viewer state, member prices on cards, and that cart pricing then applies the member price.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser } from "@/tests/factories/catalog";

const { createCaller } = await import("@/server/api/root");
const { loadSkus } = await import("@/server/cart/sku");

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const shopper = (id: string): SessionUser => ({ id, roles: ["SHOPPER"] });
const as = (user: SessionUser | null) => createCaller({ db, user });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function shopWithMemberPrice() {
  const owner = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shop = await createShop(db, { ownerId: owner.id });
  const category = await createCategory(db);
  const product = await createProduct(db, {
    shopId: shop.id,
    categoryId: category.id,
    variants: [
      { priceFen: 10_000, stock: 10 },
      { priceFen: 12_000, stock: 10 },
    ],
  });
  await db.productVariant.update({ where: { id: product.variants[0]!.id }, data: { memberPriceFen: 9_500 } });
  await db.productVariant.update({ where: { id: product.variants[1]!.id }, data: { memberPriceFen: 11_000 } });
  const plain = await createProduct(db, { shopId: shop.id, categoryId: category.id });
  return { shop, product, plain };
}

describe("shop membership", () => {
  it("joins and leaves idempotently, counting each member once", async () => {
    const { shop } = await shopWithMemberPrice();
    const a = await createUser(db);
    const b = await createUser(db);

    expect(await as(shopper(a.id)).shop.joinMembership({ shopId: shop.id })).toEqual({ isMember: true, memberCount: 1 });
    expect(await as(shopper(a.id)).shop.joinMembership({ shopId: shop.id })).toEqual({ isMember: true, memberCount: 1 });
    await Promise.all([as(shopper(b.id)).shop.joinMembership({ shopId: shop.id }), as(shopper(b.id)).shop.joinMembership({ shopId: shop.id })]);
    expect(await db.shopMembership.count({ where: { shopId: shop.id } })).toBe(2);

    expect(await as(shopper(a.id)).shop.viewer({ shopId: shop.id })).toEqual({ signedIn: true, following: false, isMember: true, memberCount: 2 });
    expect(await as(null).shop.viewer({ shopId: shop.id })).toEqual({ signedIn: false, following: false, isMember: false, memberCount: 2 });

    expect(await as(shopper(a.id)).shop.leaveMembership({ shopId: shop.id })).toEqual({ isMember: false, memberCount: 1 });
    expect(await as(shopper(a.id)).shop.leaveMembership({ shopId: shop.id })).toEqual({ isMember: false, memberCount: 1 });
    expect(await as(shopper(b.id)).shop.viewer({ shopId: shop.id })).toMatchObject({ isMember: true });
  });

  it("needs a signed-in user and an open shop; one user's leave never removes another's membership", async () => {
    const { shop } = await shopWithMemberPrice();
    const a = await createUser(db);
    const b = await createUser(db);
    await as(shopper(b.id)).shop.joinMembership({ shopId: shop.id });

    expect((await failure(as(null).shop.joinMembership({ shopId: shop.id }))).code).toBe("UNAUTHORIZED");
    await as(shopper(a.id)).shop.leaveMembership({ shopId: shop.id });
    expect(await db.shopMembership.count({ where: { shopId: shop.id } })).toBe(1);

    const missing = await failure(as(shopper(a.id)).shop.joinMembership({ shopId: "nope" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toContain("shopId");
    const bad = await failure(as(shopper(a.id)).shop.joinMembership({ shopId: "" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^shopId:/);

    await db.shop.update({ where: { id: shop.id }, data: { status: "SUSPENDED", statusReason: "test" } });
    expect((await failure(as(shopper(a.id)).shop.joinMembership({ shopId: shop.id }))).code).toBe("NOT_FOUND");
    expect(await db.shopMembership.count({ where: { shopId: shop.id, userId: a.id } })).toBe(0);
  });

  it("lists the lowest member price per product and members pay it in the cart", async () => {
    const { shop, product, plain } = await shopWithMemberPrice();
    const user = await createUser(db);
    expect(await as(null).shop.memberPrices({ productIds: [product.id, plain.id] })).toEqual([{ productId: product.id, memberPriceFen: 9_500 }]);

    const variantId = product.variants[0]!.id;
    const before = (await loadSkus(db, [variantId], user.id)).get(variantId)!;
    expect(before.priceFen).toBe(10_000);
    await as(shopper(user.id)).shop.joinMembership({ shopId: shop.id });
    const after = (await loadSkus(db, [variantId], user.id)).get(variantId)!;
    expect(after.priceFen).toBe(9_500);
    expect(after.priceKind).toBe("MEMBER");

    // The product page's band: per-SKU member prices and the visitor's state.
    const page = await as(shopper(user.id)).shop.productMemberPrices({ productId: product.id });
    expect(page).toMatchObject({ shopId: shop.id, shopSlug: shop.slug, signedIn: true, isMember: true });
    expect(page.prices).toEqual(
      expect.arrayContaining([
        { variantId: product.variants[0]!.id, memberPriceFen: 9_500 },
        { variantId: product.variants[1]!.id, memberPriceFen: 11_000 },
      ]),
    );
    expect(await as(null).shop.productMemberPrices({ productId: plain.id })).toMatchObject({ isMember: false, signedIn: false, prices: [] });
    expect((await failure(as(null).shop.productMemberPrices({ productId: "missing" }))).code).toBe("NOT_FOUND");
  });
});
