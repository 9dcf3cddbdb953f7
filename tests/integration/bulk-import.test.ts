// Bulk import through merchant.import: a 1,000-row file with 5 bad rows imports 995 and reports
// the 5 with row and column; a product is imported whole or not at all; only into one's own shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/client";
import { csvField } from "@/server/catalog/bulk-import";
import { createTestDb } from "@/tests/factories/db";
import { createCategory, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";

let db: Db;
let close: () => Promise<void>;
let leafSlug: string;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  const parent = await createCategory(db);
  leafSlug = (await createCategory(db, { parentId: parent.id })).slug;
});
afterAll(async () => {
  await close();
});

const as = (userId: string) => createCaller({ db, user: { id: userId, roles: ["SHOPPER", "SELLER"] } });

async function seller() {
  const user = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shop = await createShop(db, { ownerId: user.id });
  return { user, shop };
}

const HEADER = "product_key,title_zh,title_en,description_zh,category,tags,images,option1_name_zh,option1_value_zh,price,compare_at_price,stock,sku";

describe("merchant.import", () => {
  it("imports 995 of 1,000 rows and reports the 5 bad ones with row number and column", { timeout: 180_000 }, async () => {
    const { user, shop } = await seller();
    const tag = uniqueSuffix();
    const bad = new Map<number, string>([
      [10, "price"],
      [200, "stock"],
      [450, "title_zh"],
      [700, "category"],
      [999, "compare_at_price"],
    ]);
    const lines = [HEADER];
    for (let i = 0; i < 1000; i++) {
      const field = bad.get(i);
      const cells = {
        key: `p${i}`,
        title: field === "title_zh" ? "" : `导入商品 ${tag} ${i}`,
        en: `Imported "item", ${i}`,
        desc: "第一行\n第二行, 含逗号",
        category: field === "category" ? "no-such-category" : leafSlug,
        price: field === "price" ? "12.345" : `${10 + (i % 50)}.5`,
        compareAt: field === "compare_at_price" ? "1" : "",
        stock: field === "stock" ? "-3" : "7",
      };
      lines.push(
        [cells.key, cells.title, cells.en, cells.desc, cells.category, "导入|test", "/media/art/import.svg", "", "", cells.price, cells.compareAt, cells.stock, `IMP-${tag}-${i}`]
          .map(csvField)
          .join(","),
      );
    }
    const content = `\uFEFF${lines.join("\r\n")}\r\n`;
    const result = await as(user.id).merchant.import({ shopId: shop.id, format: "csv", content });
    expect(result).toMatchObject({ rowCount: 1000, productCount: 1000, importedProducts: 995, importedRows: 995, failedProducts: 5, batches: 20 });
    // CSV rows count the header as row 1: data row i is row i + 2.
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([...bad].map(([i, field]) => [i + 2, field]));
    expect(result.errors.map((e) => e.productKey)).toEqual([...bad.keys()].map((i) => `p${i}`));

    const products = await db.product.findMany({ where: { shopId: shop.id }, include: { variants: true, media: true } });
    expect(products).toHaveLength(995);
    expect(products.every((p) => p.status === "DRAFT" && p.variants.length === 1 && p.media.length === 1)).toBe(true);
    const one = products.find((p) => p.titleZh === `导入商品 ${tag} 3`)!;
    expect(one).toMatchObject({ titleEn: 'Imported "item", 3', descriptionZh: "第一行\n第二行, 含逗号", tags: ["导入", "test"], minPriceFen: 1350 });
    expect(one.variants[0]).toMatchObject({ sku: `IMP-${tag}-3`, stock: 7, priceFen: 1350 });
  });

  it("imports a product whole or not at all; JSON rows; submit runs the automatic check", async () => {
    const { user, shop } = await seller();
    const tag = uniqueSuffix();
    const rows = [
      // Product "tea": 2 SKUs, fine → passes the check.
      { product_key: "tea", title_zh: `云南普洱 ${tag}`, category: leafSlug, images: ["/media/art/tea.svg"], option1_name_zh: "规格", option1_value_zh: "100克", price: 39, stock: 5 },
      { product_key: "tea", option1_value_zh: "357克", price: "99.00", stock: 2 },
      // Product "bag": 3 SKUs, the third row is bad → none of its rows is written.
      { product_key: "bag", title_zh: `帆布包 ${tag}`, category: leafSlug, option1_name_zh: "颜色", option1_value_zh: "黑", price: 49, stock: 1 },
      { product_key: "bag", option1_value_zh: "白", price: 49, stock: 1 },
      { product_key: "bag", option1_value_zh: "灰", price: "free", stock: 1 },
      // Product "fake": valid data but a forbidden word → imported, then REJECTED by the check.
      { product_key: "fake", title_zh: `高仿手表 ${tag}`, category: leafSlug, images: "/media/art/w.svg", price: 88, stock: 1 },
    ];
    const result = await as(user.id).merchant.import({ shopId: shop.id, format: "json", content: JSON.stringify(rows), submit: true });
    expect(result).toMatchObject({ rowCount: 6, productCount: 3, importedProducts: 2, importedRows: 3, activeProducts: 1, rejectedProducts: 1, failedProducts: 1 });
    expect(result.errors).toEqual([{ row: 5, field: "price", productKey: "bag", message: "must be an amount in yuan with at most two decimals, e.g. 12.50" }]);
    const products = await db.product.findMany({ where: { shopId: shop.id }, include: { variants: true }, orderBy: { titleZh: "asc" } });
    expect(products.map((p) => [p.titleZh, p.status, p.variants.length])).toEqual(
      expect.arrayContaining([
        [`云南普洱 ${tag}`, "ACTIVE", 2],
        [`高仿手表 ${tag}`, "REJECTED", 1],
      ]),
    );
    expect(products).toHaveLength(2);
    expect(await db.productOption.count({ where: { product: { shopId: shop.id } } })).toBe(1);
  });

  it("refuses another seller's shop, bad files and files over the limits; nothing written", async () => {
    const a = await seller();
    const b = await seller();
    const csv = `${HEADER}\nx,茶,,,${leafSlug},,,,,10,,1,`;
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        if (err instanceof TRPCError) return `${err.code} ${err.message}`;
        throw err;
      }
      return "ok";
    };
    expect(await code(as(b.user.id).merchant.import({ shopId: a.shop.id, format: "csv", content: csv }))).toMatch(/^FORBIDDEN/);
    expect(await code(as(a.user.id).merchant.import({ shopId: a.shop.id, format: "csv", content: "title_zh,colour\n茶,红" }))).toMatch(/^BAD_REQUEST content: unknown column “colour”/);
    expect(await code(as(a.user.id).merchant.import({ shopId: a.shop.id, format: "csv", content: `${HEADER}\n"unterminated` }))).toMatch(/^BAD_REQUEST content: line 2/);
    const tooMany = [HEADER, ...Array.from({ length: 5001 }, (_, i) => `k${i},茶,,,${leafSlug},,,,,10,,1,`)].join("\n");
    expect(await code(as(a.user.id).merchant.import({ shopId: a.shop.id, format: "csv", content: tooMany }))).toMatch(/at most 5000 per file/);
    expect(await code(as(a.user.id).merchant.import({ shopId: a.shop.id, format: "json", content: "x".repeat(5 * 1024 * 1024 + 1) }))).toMatch(/^BAD_REQUEST content: the file is larger than 5 MB/);
    expect(await db.product.count({ where: { shopId: { in: [a.shop.id, b.shop.id] } } })).toBe(0);
  });
});
