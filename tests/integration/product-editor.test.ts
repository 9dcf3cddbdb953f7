// Merchant-centre product editor through the tRPC router: SKU matrix, automatic first check,
// search visibility after the outbox drains, shop isolation and field-named validation errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/client";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { drainOutbox } from "@/server/search/sync";
import type { SearchEngine } from "@/server/search/search.schema";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";
import type { CreateProductInput } from "@/server/catalog/product-editor.schema";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const as = (userId: string) => createCaller({ db, user: { id: userId, roles: ["SHOPPER", "SELLER"] } });

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected the call to fail");
}

async function drainAll(engine: SearchEngine) {
  for (let round = 0; round < 1_000; round++) {
    const r = await drainOutbox(db, engine, { batchSize: 200 });
    if (r.failed) throw new Error(`drain failed: ${r.error}`);
    if (r.claimed === 0) return;
  }
  throw new Error("outbox did not drain");
}

async function seller() {
  const user = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shop = await createShop(db, { ownerId: user.id });
  return { user, shop };
}

let leaf: { id: string };
beforeAll(async () => {
  const parent = await createCategory(db);
  leaf = await createCategory(db, { parentId: parent.id });
});

/** 2 options (2 colours × 3 sizes) → 6 SKUs. */
function twoByThree(shopId: string, title: string): CreateProductInput {
  const sizes = ["S", "M", "L"];
  const colours = ["红", "蓝"];
  return {
    shopId,
    titleZh: title,
    titleEn: "",
    descriptionZh: "纯棉，可机洗。",
    categoryId: leaf.id,
    tags: ["棉"],
    images: [{ url: "/media/art/test-shirt.svg", altZh: "正面" }],
    options: [
      { nameZh: "颜色", nameEn: "Colour", values: colours.map((c) => ({ valueZh: c })) },
      { nameZh: "尺码", nameEn: "Size", values: sizes.map((s) => ({ valueZh: s, valueEn: s })) },
    ],
    variants: colours.flatMap((_, ci) => sizes.map((_, si) => ({ values: [ci, si], price: `${59 + si * 10}.9`, stock: 5, sku: "" }))),
  };
}

describe("merchant.create / update", () => {
  it("creates a draft with 2 options × 3 values → 6 SKUs, prices in fen, generated SKU codes and slug", async () => {
    const { user, shop } = await seller();
    const saved = await as(user.id).merchant.create(twoByThree(shop.id, `纯棉T恤 ${uniqueSuffix()}`));
    expect(saved.status).toBe("DRAFT");
    expect(saved.slug).toMatch(/^chun-mian-t-xu-[a-z0-9]+-[0-9a-f]{8}$/);
    const p = await db.product.findUniqueOrThrow({ where: { id: saved.id }, include: { variants: { include: { optionValues: true } }, options: { include: { values: true } }, media: true } });
    expect(p.variants).toHaveLength(6);
    expect(p.options.map((o) => o.values.length)).toEqual([2, 3]);
    expect(p.variants.every((v) => v.optionValues.length === 2 && /^SKU-[0-9A-F]{10}$/.test(v.sku))).toBe(true);
    expect([p.minPriceFen, p.maxPriceFen]).toEqual([5990, 7990]);
    expect(p.titleEn).toBe(p.titleZh); // English falls back to Chinese
    expect(p.media[0]).toMatchObject({ url: "/media/art/test-shirt.svg", altZh: "正面", altEn: "正面" });

    const loaded = await as(user.id).merchant.product({ productId: saved.id });
    expect(loaded.variants.map((v) => v.values)).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
    expect(loaded.variants[1]).toMatchObject({ price: "69.90", stock: 5, values: [0, 1] });
  });

  it("edits: stock changes by increment (a sale made meanwhile is kept); a removed value drops its SKUs", async () => {
    const { user, shop } = await seller();
    const caller = as(user.id);
    const saved = await caller.merchant.create(twoByThree(shop.id, `库存测试 ${uniqueSuffix()}`));
    const loaded = await caller.merchant.product({ productId: saved.id });
    // A checkout sells 2 of SKU 0 while the merchant edits.
    await db.productVariant.update({ where: { id: loaded.variants[0]!.id }, data: { stock: { decrement: 2 } } });
    const input = {
      ...loaded,
      productId: saved.id,
      options: [loaded.options[0]!, { ...loaded.options[1]!, values: loaded.options[1]!.values.slice(0, 2) }],
      variants: loaded.variants
        .filter((v) => v.values[1] !== 2)
        .map((v, i) => ({ ...v, loadedStock: v.stock, stock: i === 0 ? v.stock + 10 : v.stock, price: i === 0 ? "10" : v.price })),
    };
    const updated = await caller.merchant.update(input);
    expect(updated.status).toBe("DRAFT");
    const variants = await db.productVariant.findMany({ where: { productId: saved.id }, orderBy: { position: "asc" } });
    expect(variants).toHaveLength(4);
    expect(variants[0]).toMatchObject({ id: loaded.variants[0]!.id, stock: 5 - 2 + 10, priceFen: 1000 });
    expect((await db.product.findUniqueOrThrow({ where: { id: saved.id } })).minPriceFen).toBe(1000);

    // Lowering stock below what is left fails as a conflict, nothing written.
    const again = await caller.merchant.product({ productId: saved.id });
    await db.productVariant.update({ where: { id: again.variants[0]!.id }, data: { stock: 0 } });
    const err = await failure(
      caller.merchant.update({ ...again, productId: saved.id, variants: again.variants.map((v, i) => ({ ...v, loadedStock: v.stock, stock: i === 0 ? 1 : v.stock, price: i === 1 ? "1" : v.price })) }),
    );
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/^variants\.0\.stock:/);
    expect((await db.productVariant.findUniqueOrThrow({ where: { id: again.variants[1]!.id } })).priceFen).not.toBe(100);
  });

  it("answers bad input with 400 naming the field path, nothing written", async () => {
    const { user, shop } = await seller();
    const caller = as(user.id);
    const before = await db.product.count({ where: { shopId: shop.id } });
    const base = twoByThree(shop.id, `坏输入 ${uniqueSuffix()}`);

    let e = await failure(caller.merchant.create({ ...base, variants: base.variants.map((v, i) => (i === 3 ? { ...v, price: "0" } : v)) }));
    expect(e).toEqual({ code: "BAD_REQUEST", message: "variants.3.price: must be at least ¥0.01" });

    e = await failure(caller.merchant.create({ ...base, options: [{ nameZh: "多", values: Array.from({ length: 21 }, (_, i) => ({ valueZh: `v${i}` })) }] }));
    expect(e.message).toContain("options.0.values: at most 20");

    e = await failure(caller.merchant.create({ ...base, variants: base.variants.slice(1) }));
    expect(e.message).toContain("variants: expected 6 SKUs");

    e = await failure(caller.merchant.create({ ...base, variants: base.variants.map((v, i) => (i === 2 ? { ...v, memberPrice: v.price } : v)) }));
    expect(e.message).toBe("variants.2.memberPrice: must be below the price");

    e = await failure(caller.merchant.create({ ...base, titleZh: " " }));
    expect(e.message).toBe("titleZh: is required");

    e = await failure(caller.merchant.create({ ...base, categoryId: (await db.category.findUniqueOrThrow({ where: { id: leaf.id } })).parentId! }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^categoryId: choose a leaf category/) });

    const stranger = await createUser(db);
    e = await failure(caller.merchant.create({ ...base, images: [{ url: `/media/uploads/${stranger.id}/${"a".repeat(24)}-800x800.jpg` }] }));
    expect(e.message).toBe("images.0.url: must be an image you uploaded");

    expect(await db.product.count({ where: { shopId: shop.id } })).toBe(before);
  });

  it("seller B can neither read, edit, submit nor create in seller A's shop; nothing written", async () => {
    const a = await seller();
    const b = await seller();
    const saved = await as(a.user.id).merchant.create(twoByThree(a.shop.id, `A的草稿 ${uniqueSuffix()}`));
    const loaded = await as(a.user.id).merchant.product({ productId: saved.id });
    const before = await db.product.findUniqueOrThrow({ where: { id: saved.id } });

    expect((await failure(as(b.user.id).merchant.product({ productId: saved.id }))).code).toBe("NOT_FOUND");
    expect(
      (await failure(as(b.user.id).merchant.update({ ...loaded, productId: saved.id, titleZh: "被改了", variants: loaded.variants.map((v) => ({ ...v, loadedStock: v.stock })) }))).code,
    ).toBe("NOT_FOUND");
    expect((await failure(as(b.user.id).merchant.submit({ productId: saved.id }))).code).toBe("NOT_FOUND");
    expect((await failure(as(b.user.id).merchant.create(twoByThree(a.shop.id, "闯入")))).code).toBe("FORBIDDEN");
    expect((await failure(as(b.user.id).merchant.products({ shopId: a.shop.id }))).code).toBe("FORBIDDEN");
    expect((await as(b.user.id).merchant.products({})).some((p) => p.id === saved.id)).toBe(false);

    const after = await db.product.findUniqueOrThrow({ where: { id: saved.id } });
    expect(after).toEqual(before);
    expect(await db.product.count({ where: { shopId: a.shop.id } })).toBe(1);
    // A shopper without the seller role cannot call it at all.
    const shopper = await createUser(db);
    expect((await failure(createCaller({ db, user: { id: shopper.id, roles: ["SHOPPER"] } }).merchant.products({}))).code).toBe("FORBIDDEN");
  });
});

describe("merchant.submit (automatic first check)", () => {
  it("passes → ACTIVE and searchable after the outbox drains", async () => {
    const engine = new EmbeddedSearchEngine();
    const { user, shop } = await seller();
    const title = `寻找我 ${uniqueSuffix()}`;
    const saved = await as(user.id).merchant.create(twoByThree(shop.id, title));
    await drainAll(engine);
    const search = () => engine.searchProducts({ q: title, filters: { shop: shop.slug }, sort: "relevance", offset: 0, limit: 10, facets: false });
    expect((await search()).hits.map((h) => h.id)).not.toContain(saved.id); // a draft is never searchable

    const result = await as(user.id).merchant.submit({ productId: saved.id });
    expect(result).toMatchObject({ status: "ACTIVE", passed: true, reasons: [], statusReason: null });
    expect((await db.product.findUniqueOrThrow({ where: { id: saved.id } })).publishedAt).toBeInstanceOf(Date);
    await drainAll(engine);
    expect((await search()).hits.map((h) => h.id)).toContain(saved.id);

    // Editing an active product with a forbidden word → REJECTED, and it leaves search.
    const loaded = await as(user.id).merchant.product({ productId: saved.id });
    const edited = await as(user.id).merchant.update({ ...loaded, productId: saved.id, subtitleZh: "全网第一", variants: loaded.variants.map((v) => ({ ...v, loadedStock: v.stock })) });
    expect(edited.status).toBe("REJECTED");
    expect(edited.reasons.map((r) => r.field)).toEqual(["subtitleZh", "subtitleEn"]); // English falls back to Chinese
    await drainAll(engine);
    expect((await search()).hits.map((h) => h.id)).not.toContain(saved.id);
  });

  it("a forbidden word or absurd price → REJECTED with the reasons, shown in the list", async () => {
    const { user, shop } = await seller();
    const base = twoByThree(shop.id, `高仿 名牌包 ${uniqueSuffix()}`);
    const saved = await as(user.id).merchant.create({ ...base, variants: base.variants.map((v, i) => (i === 0 ? { ...v, price: "0.5" } : v)) });
    const result = await as(user.id).merchant.submit({ productId: saved.id });
    expect(result.passed).toBe(false);
    expect(result.status).toBe("REJECTED");
    expect(result.reasons.map((r) => `${r.code}@${r.field}`)).toEqual(["forbidden_word@titleZh", "forbidden_word@titleEn", "price_spread@variants.2.price"]);
    expect(result.statusReason).toContain("titleZh: contains the forbidden word “高仿”");
    const row = (await as(user.id).merchant.products({ status: "REJECTED" })).find((p) => p.id === saved.id);
    expect(row?.statusReason).toContain("高仿");
    expect((await db.searchOutbox.count({ where: { entityId: saved.id } })) >= 1).toBe(true);
  });

  it("home counts the seller's products by status", async () => {
    const { user, shop } = await seller();
    const a = await as(user.id).merchant.create(twoByThree(shop.id, `计数 ${uniqueSuffix()}`));
    await as(user.id).merchant.create(twoByThree(shop.id, `计数 ${uniqueSuffix()}`));
    await as(user.id).merchant.submit({ productId: a.id });
    const home = await as(user.id).merchant.home();
    expect(home.shops).toHaveLength(1);
    expect(home.shops[0]).toMatchObject({ id: shop.id, productsByStatus: { ACTIVE: 1, DRAFT: 1 }, ordersToShip: 0, openAfterSales: 0 });
  });
});
