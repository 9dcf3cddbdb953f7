// Factories for cart, address and checkout tests: a SKU for sale in a shop of its own (or a given
// shop), an address in an address book, a visitor id for a guest, and callers as a guest or a user.
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import { newVisitorId } from "@/server/visitor";
import type { Prisma } from "@/server/generated/prisma/client";
import { createCategory, createProduct, createShop, type OptionInput, type VariantInput } from "@/tests/factories/catalog";

export { newVisitorId };

export const VALID_ADDRESS = {
  recipient: "张三",
  phone: "13800138000",
  province: "浙江省",
  city: "杭州市",
  district: "西湖区",
  street: "文三路 100 号 2 幢 301",
  postalCode: "310000",
} as const;

/** A caller as a signed-in shopper (optionally still carrying a guest visitor id) or as a guest. */
export function callerFor(db: Db, who: { userId?: string | null; visitorId?: string | null }) {
  return createCaller({ db, user: who.userId ? { id: who.userId, roles: ["SHOPPER"] } : null, visitorId: who.visitorId ?? null });
}

export async function createAddressFor(db: Db, userId: string, overrides: Partial<Prisma.AddressUncheckedCreateInput> = {}) {
  return db.address.create({ data: { userId, ...VALID_ADDRESS, isDefault: true, ...overrides } });
}

/**
 * A product for sale with the given variants (default one at ¥99, 100 in stock) in `shopId` or a new
 * shop (with `shop` overrides such as its shipping rule).
 */
export async function createSkus(
  db: Db,
  options: {
    shopId?: string;
    shop?: Partial<Prisma.ShopUncheckedCreateInput>;
    variants?: VariantInput[];
    options?: OptionInput[];
    status?: "ACTIVE" | "DRAFT" | "DELISTED";
  } = {},
) {
  const shop = options.shopId ? await db.shop.findUniqueOrThrow({ where: { id: options.shopId } }) : await createShop(db, options.shop ?? {});
  const category = await createCategory(db);
  const product = await createProduct(db, {
    shopId: shop.id,
    categoryId: category.id,
    variants: options.variants ?? [{ priceFen: 9900, stock: 100 }],
    options: options.options,
    status: options.status,
  });
  return { shop, product, variants: product.variants };
}

export async function stockOf(db: Db, variantId: string): Promise<number> {
  return (await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}
