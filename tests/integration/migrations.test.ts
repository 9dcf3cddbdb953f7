import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemaFromMigrations } from "@/server/db/migrate";
import { createTestDb, type TestDb } from "@/tests/factories/db";
import { createCategory, createProduct, createShop } from "@/tests/factories/catalog";

describe("migrations", () => {
  it("capture everything in schema.prisma", async () => {
    expect(await diffSchemaFromMigrations()).toBe("");
  });
});

describe("stock CHECK constraint", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("rejects negative stock and leaves the row unchanged", async () => {
    const { db } = testDb;
    const shop = await createShop(db);
    const category = await createCategory(db);
    const product = await createProduct(db, { shopId: shop.id, categoryId: category.id, variants: [{ priceFen: 1990, stock: 3 }] });
    const [variant] = product.variants;

    await expect(db.productVariant.update({ where: { id: variant.id }, data: { stock: -1 } })).rejects.toThrow(
      /ProductVariant_stock_nonnegative|check constraint/i,
    );
    await expect(db.productVariant.update({ where: { id: variant.id }, data: { stock: { decrement: 4 } } })).rejects.toThrow();

    const after = await db.productVariant.findUniqueOrThrow({ where: { id: variant.id } });
    expect(after.stock).toBe(3);
  });
});
