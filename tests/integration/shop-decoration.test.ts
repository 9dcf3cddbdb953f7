// Shop decoration through the tRPC router on a real database: who may edit, validation naming the
// section and field, products/categories/images that must belong to the shop, sanitised rich text,
// replace-all publishing and the public rendering of sections; plus the shop score's sub-scores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop, createUser } from "@/tests/factories/catalog";
import { createShippedOrder } from "@/tests/factories/trade";

const { createCaller } = await import("@/server/api/root");
const { recomputeShopScores, shopSubScoresX100, loadShopScoreFigures } = await import("@/server/shop/shop-score");
const { shopBannerUrl } = await import("@/server/media/art");

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const seller = (id: string): SessionUser => ({ id, roles: ["SHOPPER", "SELLER"] });
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

async function sellerWithShop() {
  const user = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shop = await createShop(db, { ownerId: user.id });
  const category = await createCategory(db);
  const products = [];
  for (let i = 0; i < 3; i++) products.push(await createProduct(db, { shopId: shop.id, categoryId: category.id, salesCount: 10 - i }));
  return { user, shop, category, products };
}

const sectionsOf = (shopId: string) => db.shopSection.findMany({ where: { shopId }, orderBy: { position: "asc" } });

describe("shop decoration", () => {
  it("publishes all kinds of sections in order and renders them on the public page", async () => {
    const { user, shop, category, products } = await sellerWithShop();
    const hidden = await createProduct(db, { shopId: shop.id, categoryId: category.id, status: "DRAFT" });
    const editor = await as(seller(user.id)).shop.decoration.get({ shopId: shop.id });
    expect(Object.keys(editor.catalogue.products).sort()).toEqual(products.map((p) => p.id).sort());
    expect(editor.catalogue.categories[category.id]?.productIds).toEqual(products.map((p) => p.id));
    expect(editor.artUrls).toContain(shop.bannerUrl);

    const res = await as(seller(user.id)).shop.decoration.publish({
      shopId: shop.id,
      sections: [
        { kind: "BANNER", config: { imageUrl: editor.artUrls[1]!, headline: "Autumn", link: { type: "product", productId: products[1]!.id } } },
        { kind: "FEATURED_PRODUCTS", config: { title: "Picks", productIds: [products[2]!.id, products[0]!.id] } },
        { kind: "COUPON_STRIP", config: { title: "" } },
        { kind: "CATEGORY_BLOCK", config: { categoryId: category.id, limit: 2 } },
        { kind: "RICH_TEXT", config: { html: '<h2>Story</h2><p onclick="x()">Hi<script>alert(1)</script></p>' } },
      ],
    });
    expect(res).toEqual({ count: 5 });
    const rows = await sectionsOf(shop.id);
    expect(rows.map((r) => [r.position, r.kind])).toEqual([
      [0, "BANNER"],
      [1, "FEATURED_PRODUCTS"],
      [2, "COUPON_STRIP"],
      [3, "CATEGORY_BLOCK"],
      [4, "RICH_TEXT"],
    ]);
    // Stored sanitised.
    expect(rows[4]!.config).toEqual({ html: "<h2>Story</h2><p>Hi</p>" });

    // A product that later leaves sale disappears from the page without breaking it.
    await db.product.update({ where: { id: products[0]!.id }, data: { status: "DELISTED" } });
    const views = await as(null).shop.sections({ shopId: shop.id });
    expect(views.map((v) => v.kind)).toEqual(["BANNER", "FEATURED_PRODUCTS", "COUPON_STRIP", "CATEGORY_BLOCK", "RICH_TEXT"]);
    const [banner, featured, , block, text] = views;
    expect(banner).toMatchObject({ kind: "BANNER", headline: "Autumn", href: `/p/${products[1]!.slug}` });
    expect(featured?.kind === "FEATURED_PRODUCTS" && featured.products.map((p) => p.id)).toEqual([products[2]!.id]);
    expect(block?.kind === "CATEGORY_BLOCK" && block.products.map((p) => p.id)).toEqual([products[1]!.id, products[2]!.id]);
    expect(text).toEqual({ kind: "RICH_TEXT", html: "<h2>Story</h2><p>Hi</p>" });
    expect(JSON.stringify(views)).not.toContain(hidden.id);

    // Publishing again replaces the whole set; publishing nothing clears it.
    await as(seller(user.id)).shop.decoration.publish({ shopId: shop.id, sections: [{ kind: "RICH_TEXT", config: { html: "<p>only</p>" } }] });
    expect((await sectionsOf(shop.id)).map((r) => r.kind)).toEqual(["RICH_TEXT"]);
    await as(seller(user.id)).shop.decoration.publish({ shopId: shop.id, sections: [] });
    expect(await sectionsOf(shop.id)).toEqual([]);
    expect(await as(null).shop.sections({ shopId: shop.id })).toEqual([]);
  });

  it("forbids a seller of shop A from reading or editing shop B's decoration; nothing is written", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    await as(seller(b.user.id)).shop.decoration.publish({ shopId: b.shop.id, sections: [{ kind: "RICH_TEXT", config: { html: "<p>B's story</p>" } }] });
    const before = await sectionsOf(b.shop.id);

    const publish = await failure(
      as(seller(a.user.id)).shop.decoration.publish({ shopId: b.shop.id, sections: [{ kind: "RICH_TEXT", config: { html: "<p>hijacked</p>" } }] }),
    );
    expect(publish.code).toBe("FORBIDDEN");
    expect((await failure(as(seller(a.user.id)).shop.decoration.get({ shopId: b.shop.id }))).code).toBe("FORBIDDEN");
    expect(await sectionsOf(b.shop.id)).toEqual(before);

    // Shoppers (no SELLER role) and visitors cannot reach the editor at all.
    const shopper = await createUser(db);
    expect((await failure(as({ id: shopper.id, roles: ["SHOPPER"] }).shop.decoration.publish({ shopId: b.shop.id, sections: [] }))).code).toBe("FORBIDDEN");
    expect((await failure(as(null).shop.decoration.publish({ shopId: b.shop.id, sections: [] }))).code).toBe("UNAUTHORIZED");
    expect(await sectionsOf(b.shop.id)).toEqual(before);

    // myShops lists only the seller's own shops.
    expect((await as(seller(a.user.id)).shop.decoration.myShops()).map((s) => s.id)).toEqual([a.shop.id]);
  });

  it("rejects bad input with the section index and field, and writes nothing", async () => {
    const { user, shop, category, products } = await sellerWithShop();
    const other = await sellerWithShop();
    await as(seller(user.id)).shop.decoration.publish({ shopId: shop.id, sections: [{ kind: "COUPON_STRIP", config: {} }] });
    const before = await sectionsOf(shop.id);
    const caller = as(seller(user.id));
    const ok = { kind: "RICH_TEXT" as const, config: { html: "<p>fine</p>" } };

    const cases: Array<[unknown[], string]> = [
      [[ok, ok, { kind: "FEATURED_PRODUCTS", config: { productIds: [] } }], "sections.2.config.productIds"],
      [[ok, { kind: "FEATURED_PRODUCTS", config: { productIds: Array.from({ length: 13 }, (_, i) => `p${i}`) } }], "sections.1.config.productIds"],
      [[{ kind: "RICH_TEXT", config: { html: "x".repeat(20 * 1024 + 1) } }], "sections.0.config.html"],
      [[{ kind: "CATEGORY_BLOCK", config: { categoryId: category.id, limit: 50 } }], "sections.0.config.limit"],
      [[{ kind: "VIDEO", config: {} }], "sections.0.kind"],
      [Array.from({ length: 21 }, () => ok), "sections"],
      // Things that are not this shop's.
      [[ok, { kind: "FEATURED_PRODUCTS", config: { productIds: [products[0]!.id, other.products[0]!.id] } }], "sections.1.config.productIds.1"],
      [[{ kind: "CATEGORY_BLOCK", config: { categoryId: other.category.id } }], "sections.0.config.categoryId"],
      [[{ kind: "BANNER", config: { imageUrl: "https://evil.example/x.png" } }], "sections.0.config.imageUrl"],
      [[{ kind: "BANNER", config: { imageUrl: shopBannerUrl(other.shop.slug) } }], "sections.0.config.imageUrl"],
      [[{ kind: "BANNER", config: { imageUrl: `/media/uploads/${other.user.id}/0123456789abcdef01234567-10x10.webp` } }], "sections.0.config.imageUrl"],
      [[{ kind: "BANNER", config: { imageUrl: shop.bannerUrl, link: { type: "product", productId: other.products[0]!.id } } }], "sections.0.config.link.productId"],
      [[{ kind: "BANNER", config: { imageUrl: shop.bannerUrl, link: { type: "url", href: "javascript:alert(1)" } } }], "sections.0.config.link.type"],
      [[{ kind: "RICH_TEXT", config: { html: "<script>alert(1)</script>" } }], "sections.0.config.html"],
    ];
    for (const [sections, field] of cases) {
      const err = await failure(caller.shop.decoration.publish({ shopId: shop.id, sections: sections as never }));
      expect(err.code, field).toBe("BAD_REQUEST");
      expect(err.message.startsWith(`${field}:`) || err.message.includes(`; ${field}:`), `${field} in "${err.message}"`).toBe(true);
    }
    expect(await sectionsOf(shop.id)).toEqual(before);

    // The seller's own upload is accepted as a banner image.
    await caller.shop.decoration.publish({
      shopId: shop.id,
      sections: [{ kind: "BANNER", config: { imageUrl: `/media/uploads/${user.id}/0123456789abcdef01234567-10x10.webp` } }],
    });
    expect((await sectionsOf(shop.id)).map((s) => s.kind)).toEqual(["BANNER"]);
  });

  it("shows the shop score's parts with the figures behind them", async () => {
    const { user, shop } = await sellerWithShop();
    const paid = new Date(Date.now() - 30 * 3600_000);
    const order = await createShippedOrder(db, { shopId: shop.id, sellerId: user.id, now: paid });
    await db.order.update({ where: { id: order.order.id }, data: { shippedAt: new Date(paid.getTime() + 30 * 3600_000) } });
    await recomputeShopScores(db, [shop.id]);
    const detail = await as(null).shop.scores({ shopId: shop.id });
    const figures = (await loadShopScoreFigures(db, [shop.id])).get(shop.id)!;
    expect(figures.paidOrders).toBe(1);
    expect(figures.shippedOrders).toBe(1);
    expect(detail.shippedOrders).toBe(1);
    expect(detail.medianShipHours).toBe(30);
    expect(detail.refundRateBp).toBe(0);
    const expected = shopSubScoresX100(figures);
    expect([detail.qualityX100, detail.serviceX100, detail.logisticsX100]).toEqual([expected.qualityX100, expected.serviceX100, expected.logisticsX100]);
    const stored = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect(stored.logisticsScoreX100).toBe(expected.logisticsX100);
    const got = await as(null).shop.get({ slug: shop.slug });
    expect(got.qualityScoreX100).toBe(expected.qualityX100);
  });
});
